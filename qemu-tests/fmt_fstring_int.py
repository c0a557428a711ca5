# needs: fstring
# f-string format specs for ints: width, alignment, fill, sign, zero padding,
# thousands separators, bases (x X o b with #), c.


def main() -> None:
    for n in [0, 7, -7, 42, 1234567, -9876543210, 9223372036854775807]:
        print(f"[{n}] [{n:>8}] [{n:<8}] [{n:^8}] [{n:08d}] [{n:+d}] [{n: d}] [{n:,}] [{n:_}]")
    for n in [0, 10, 255, 4096, -255]:
        print(f"{n:x} {n:X} {n:#x} {n:o} {n:#o} {n:b} {n:#b} {n:08b} {n:#010x}")
    width = 6
    print(f"[{42:*^9}] [{42:->6}] [{-42:=8}] [{-42:0=8}] [{1000000:_x}]")
    print(f"[{'x':>{width}}] [{7:{width}d}]")
    print(f"{65:c}{97:c}{8364:c}")
    a = 3
    b = 4
    print(f"{a} + {b} = {a + b}; {a}*{b}={a * b}; {{literal braces}}")
    print(f"{a=}, {a + b=}")


main()
