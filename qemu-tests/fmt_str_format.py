# needs: format
# str.format with positional/indexed/implicit fields and the same format specs
# as f-strings; round-trips against f-strings.


def main() -> None:
    print("{} + {} = {}".format(2, 3, 5))
    print("{0}{1}{0}".format("ab", "-"))
    print("[{:>8}] [{:<8}] [{:^8}] [{:08.3f}] [{:+d}] [{:,}]".format("r", "l", "c", 3.14159, 5, 1234567))
    print("{:x} {:#o} {:b} {:.2%} {:e} {:g}".format(255, 8, 5, 0.125, 12345.678, 0.00001))
    print("{0:.1f} {0:.3f} {0:10.5f}|".format(2.0 / 3.0))
    print("{:*^11} {:0>5} {:.3}".format("mid", 42, "truncate"))
    print("{!r} {!s} {!r}".format("q'uote", "plain", 7))
    print("{{}} {}".format("braces"))
    row = "{:<10}|{:>6}|{:>8.2f}"
    print(row.format("apples", 3, 1.5))
    print(row.format("kiwis", 12, 0.25))
    print(row.format("watermelon", 100, 12.0))
    for n in [1, 22, 333]:
        print("{:03d}".format(n) == f"{n:03d}", "{:>5}".format(n))


main()
