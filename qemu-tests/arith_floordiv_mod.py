# Floor division and modulo with every sign combination (Python floors toward -inf).


def show(a: int, b: int) -> None:
    q = a // b
    r = a % b
    print(a, "//", b, "=", q, "  ", a, "%", b, "=", r)


def check(a: int, b: int) -> bool:
    # q * b + r == a and r has the sign of b (or is 0)
    q = a // b
    r = a % b
    sign_ok = r == 0 or (r > 0) == (b > 0)
    return q * b + r == a and sign_ok and abs(r) < abs(b)


def main() -> None:
    show(7, 2)
    show(-7, 2)
    show(7, -2)
    show(-7, -2)
    show(6, 3)
    show(-6, 3)
    show(6, -3)
    show(-6, -3)
    show(0, 5)
    show(0, -5)
    show(1, 7)
    show(-1, 7)
    show(1, -7)
    show(-1, -7)
    show(100, 7)
    show(-100, 7)
    show(100, -7)
    show(-100, -7)
    show(9223372036854775807, 2)
    show(9223372036854775807, -2)
    show(-9223372036854775807, 10)
    show(-9223372036854775807 - 1, 3)
    show(-9223372036854775807 - 1, -3)
    show(-9223372036854775807 - 1, 9223372036854775807)
    show(9223372036854775807, -9223372036854775807 - 1)
    show(123456789, 1000)
    show(-123456789, 1000)
    total = 0
    for a in range(-12, 13):
        for b in range(-5, 6):
            if b != 0:
                assert check(a, b)
                total = total + (a // b) * 31 + (a % b) * 7
    print("grid checksum:", total)
    line = ""
    for a in range(-10, 11):
        line = line + str(a % 4) + " "
    print("x % 4 for x in -10..10:", line)
    line = ""
    for a in range(-10, 11):
        line = line + str(a // 4) + " "
    print("x // 4 for x in -10..10:", line)
    line = ""
    for a in range(-10, 11):
        line = line + str(a % -3) + " "
    print("x % -3 for x in -10..10:", line)


main()
