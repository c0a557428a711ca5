# Integer literals in every base and with underscores; operator precedence.


def main() -> None:
    print(0x10, 0xff, 0XDEAD_BEEF, 0o17, 0O777, 0b1010, 0B1111_0000)
    print(1_000_000, 9_223_372_036_854_775_807, 0_0, 00)
    print(-0x7fffffffffffffff - 1, 0x7fffffffffffffff)
    print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2)
    print(10 - 4 - 3, 10 - (4 - 3), 100 // 10 // 3, 100 // (10 // 3))
    print(1 + 2 << 3, 1 + (2 << 3), 6 & 3 | 8, 6 & (3 | 8), 5 ^ 3 & 1)
    print(-7 // 2 * 2, -(7 // 2) * 2, ~3 + 1, -~3, ~-3)
    print(2 * -3, 2 - -3, +5, -+5, - - 5)
    print(17 % 5 * 3, 17 % (5 * 3), 2 ** 3 if False else 7)
    print(1.5e3, 2.5E-3, .5, 5., 1_000.25, 0e0, 1e0)


main()
