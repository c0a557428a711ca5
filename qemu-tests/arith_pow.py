# Integer exponentiation (non-negative exponents stay int), float powers.


def ipow(b: int, e: int) -> int:
    r = 1
    while e > 0:
        if e & 1:
            r = r * b
        e = e >> 1
        if e > 0:
            b = b * b
    return r


def main() -> None:
    print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5, 1 ** 100, (-1) ** 99, (-1) ** 100)
    print(3 ** 39)
    print(7 ** 22)
    print(2 ** 62)
    print((-2) ** 63)
    print((-3) ** 3, (-3) ** 4, -3 ** 2, (-3) ** 2)
    print(2 ** 3 ** 2)
    print(10 ** 18)
    for e in range(0, 40, 3):
        print("3 **", e, "=", 3 ** e, ipow(3, e) == 3 ** e)
    for b in range(-4, 5):
        print(b, "** 5 =", b ** 5)
    x = 5
    x **= 3
    print("x **= 3 ->", x)
    print(2.0 ** 10, 2.0 ** -1, 2.0 ** 0.5, 10.0 ** -3, 1.5 ** 2)
    print(2 ** 0.5, 4 ** 0.5, 2.5 ** 3, (-2.0) ** 3, (-2.0) ** 2)
    print(9 ** 0.5, 27.0 ** (1 / 3), 0.5 ** 10)
    print(2.0 ** 62, 2.0 ** 64, 2.0 ** 100, 2.0 ** -30)
    f = 1.1
    f **= 2
    print("f **= 2 ->", f)
    print(0.0 ** 0, 0.0 ** 2.0, 1.0 ** 1000000)


main()
