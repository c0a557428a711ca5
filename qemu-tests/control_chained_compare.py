# Chained comparisons evaluate each middle operand once and short-circuit.

calls = 0


def v(x: int) -> int:
    global calls
    calls += 1
    print("  eval", x)
    return x


def main() -> None:
    global calls
    print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 <= 1 < 2, 1 == 1 == 1, 1 == 1 != 1)
    print(0 <= 5 <= 10, 0 <= 15 <= 10, -5 < -3 < -1 < 0, 1 < 2 > 0 < 5)
    print("a" < "b" < "c", 1.5 < 2.5 <= 2.5 < 3.5)
    print("chain 1:")
    r = v(1) < v(2) < v(3)
    print(r, "calls", calls)
    calls = 0
    print("chain 2 (short-circuits after first false):")
    r = v(5) < v(2) < v(3)
    print(r, "calls", calls)
    calls = 0
    print("chain 3:")
    r = v(1) < v(5) > v(3) == v(3) != v(4)
    print(r, "calls", calls)
    for x in range(-2, 8):
        inside = 0 < x <= 5
        print(x, inside, not 0 < x <= 5, (x < 3) != (x > 4), x < 3 != 4)
    y = 10
    if 0 < y < 100 and 5 <= y <= 10:
        print("in both ranges")


main()
