# needs: round
# round() with and without ndigits: banker's rounding, negative ndigits,
# representation effects (2.675 -> 2.67), ints.


def main() -> None:
    for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001, 1e15 + 0.5, -7.0]:
        print(x, round(x), round(x, 0), round(x, 1))
    for x in [2.675, 1.005, 0.125, 0.375, 3.14159, -2.71828, 1234.5678]:
        print(x, round(x, 2), round(x, 3), round(x, -1), round(x, -2))
    for n in [15, 25, 149, 150, 151, -250, 123456789]:
        print(n, round(n), round(n, -1), round(n, -2), round(n, 2))
    total = 0.0
    for i in range(10):
        total += 0.1
    print(total, round(total, 10), round(total, 10) == 1.0)
    print(round(1e300, -300), round(5e-324, 400), round(0.0), round(-0.0, 1))


main()
