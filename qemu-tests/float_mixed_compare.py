# Comparisons between int and float are exact in CPython (no rounding of the int).


def main() -> None:
    big = 9007199254740993
    f = 9007199254740992.0
    print(big == f, big > f, big >= f, big < f, f < big, f == big - 1)
    print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1)
    m = 9223372036854775807
    print(m == 9.223372036854776e18, m < 9.223372036854776e18, float(m) == 9.223372036854776e18)
    print(m > 9.2e18, -m - 1 == -9.223372036854776e18, -m > -9.223372036854776e18)
    print(1 == 1.0, 0 == -0.0, 3 < 3.5, 4 > 3.5, -1 < -0.5, 10 ** 15 == 1e15)
    print(1 < float("inf"), -m - 1 > float("-inf"), 0 == float("nan"), 0 < float("nan"))
    print(7 <= 7.0 <= 7, 1 < 1.5 < 2 < 2.5, 3.0 == 3 == 3.0)
    print(max(1.0, 2.0), min(-0.5, -1.5))
    print(1 / 3 == 0.3333333333333333, 10 ** 16 + 1 > 1e16, 10 ** 16 + 1 == 1e16)


main()
