# Conversions between int, float, str and bool.


def trunc_table(x: float) -> None:
    print(x, int(x), int(-x), float(int(x)), str(x), bool(x))


def main() -> None:
    trunc_table(0.0)
    trunc_table(0.4)
    trunc_table(0.99999)
    trunc_table(1.5)
    trunc_table(2.5)
    trunc_table(123456.789)
    trunc_table(1e15 + 0.5)
    trunc_table(4.5e18)
    trunc_table(9.2e18)
    trunc_table(1e-300)
    print(float("3.14"), float("-0.0"), float("1e10"), float("  2.5  "), float("1_000.5"))
    print(float("1E-3"), float(".5"), float("5."), float("+7"), float("-1.5e-3"))
    print(float("123456789012345678901234567890"), float("0.1000000000000000055511151231257827"))
    print(int("-0"), int("  -12  "), int("1_000"), str(-0), str(10 ** 18))
    print(float(3), float(-3), float(0), float(123456789), float(True))
    print(str(1.0), str(1e16), str(2.0 ** 70), str(1 / 7))
    print(int(float("1e18")), int(float("-12.9")), int(str(42) + "0"))
    print(float(str(0.1 + 0.2)) == 0.1 + 0.2, float(str(1 / 3)) == 1 / 3)
    x = 0.1
    for i in range(20):
        x = x * 3.3
        print(x, int(x), float(int(x)), str(int(x)) + "|" + str(x))


main()
