# x ** 0.5 and x ** 2 (compiled as sqrt and a product where that is exact):
# thousands of values across magnitudes, and the special cases pow decides.


def lcg(state: int) -> int:
    return (state * 1103515245 + 12345) % 2147483648


def main() -> None:
    s = 12345
    checksum = 0.0
    for i in range(3000):
        s = lcg(s)
        mant = float(s) / 2147483648.0 + 0.5
        s = lcg(s)
        e = s % 120 - 60
        x = mant * 2.0 ** e
        r = x ** 0.5
        q = x ** 2
        if i % 100 == 0:
            print(x, r, q)
        checksum = checksum + r + q * 1e-30
    print(checksum)
    for v in [0.0, -0.0, 1.0, 4.0, 2.0, 1e-320, 1e154, -3.0, float("inf"), float("nan")]:
        print(v, v ** 2, v ** 2.0)
    for v in [0.0, -0.0, 1.0, 4.0, 2.0, 1e-320, 1e300, float("inf"), float("nan")]:
        print(v, v ** 0.5)
    big = 1.5e154
    print(big * big ** 2)  # overflows: CPython's pow raises OverflowError


main()
