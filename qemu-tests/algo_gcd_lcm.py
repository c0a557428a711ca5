# gcd (iterative and recursive), lcm, coprimality counts, extended Euclid.

ext_x = 0
ext_y = 0


def gcd(a: int, b: int) -> int:
    a = abs(a)
    b = abs(b)
    while b:
        a, b = b, a % b
    return a


def gcd_rec(a: int, b: int) -> int:
    return a if b == 0 else gcd_rec(b, a % b)


def lcm(a: int, b: int) -> int:
    return a // gcd(a, b) * b


def ext_gcd(a: int, b: int) -> int:
    global ext_x, ext_y
    if b == 0:
        ext_x = 1
        ext_y = 0
        return a
    g = ext_gcd(b, a % b)
    x1 = ext_x
    y1 = ext_y
    ext_x = y1
    ext_y = x1 - (a // b) * y1
    return g


def main() -> None:
    print(gcd(12, 18), gcd(17, 5), gcd(0, 9), gcd(9, 0), gcd(-24, 36), gcd(1071, 462))
    print(gcd_rec(270, 192), gcd_rec(2 ** 40, 6 ** 20), gcd(9223372036854775807, 7 ** 10))
    print(lcm(4, 6), lcm(21, 6), lcm(7, 13))
    m = 1
    for k in range(1, 41):
        m = lcm(m, k)
    print("lcm(1..40) =", m)
    for n in range(1, 31):
        phi = 0
        for k in range(1, n + 1):
            if gcd(n, k) == 1:
                phi += 1
        print("phi", n, phi)
    for a in range(10, 100, 17):
        b = 97 - a // 2
        g = ext_gcd(a, b)
        print(a, b, g, ext_x, ext_y, a * ext_x + b * ext_y == g)


main()
