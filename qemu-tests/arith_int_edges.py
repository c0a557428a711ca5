# Int edge cases near the 64-bit limits, abs/min/max, int() truncation.


def main() -> None:
    big = 9223372036854775807
    small = -9223372036854775807 - 1
    print(big, small, big + small, -big)
    print(big // 1, big % 1000, small // 1, small % 1000, small // 2)
    print(abs(-5), abs(5), abs(0), abs(-big), abs(big))
    print(min(3, -2, 7), max(3, -2, 7), min(5, 5), max(-1, -2, -3, -4))
    print(min(big, small), max(big, small))
    print(int(3.99), int(-3.99), int(0.5), int(-0.5), int(1e18), int(-1e18))
    print(int(9.2e18), int(2.0 ** 62), int(-2.0 ** 63))
    print(int("12345"), int("-987"), int("+42"), int("0"), int("007"), int("  15  "))
    print(int(True) + int("9"))
    x = 1
    steps = 0
    while x < big // 3:
        x = x * 3
        steps += 1
    print("powers of 3 below max/3:", steps, x)
    fact = 1
    n = 1
    while fact <= big // (n + 1):
        n += 1
        fact *= n
    print("largest factorial fitting in int64:", n, fact)
    print(1000000007 * 1000000007, 3037000499 * 3037000499)
    print(-(-9223372036854775807), 0 - 0, -0)
    print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 10 ** 15 / 7)


main()
