# Integer square root by Newton's method and by bisection; perfect squares; float sqrt.


def isqrt(n: int) -> int:
    if n < 2:
        return n
    x = n
    y = x // 2 + (x & 1)
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def isqrt_bisect(n: int) -> int:
    lo = 0
    hi = 3037000500
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid <= n // mid:
            lo = mid
        else:
            hi = mid - 1
    return lo


def fsqrt(x: float) -> float:
    if x == 0.0:
        return 0.0
    g = x if x > 1.0 else 1.0
    for i in range(100):
        ng = 0.5 * (g + x / g)
        if ng == g:
            break
        g = ng
    return g


def main() -> None:
    for n in range(0, 30):
        print(n, isqrt(n), isqrt_bisect(n), isqrt(n) ** 2 <= n < (isqrt(n) + 1) ** 2)
    for n in range(1, 19):
        v = 10 ** n - 1
        print(v, isqrt(v), isqrt_bisect(v))
    print(isqrt(9223372036854775807), isqrt_bisect(9223372036854775807))
    squares = 0
    for n in range(1, 5000):
        r = isqrt(n)
        if r * r == n:
            squares += 1
    print("perfect squares below 5000:", squares)
    for k in range(1, 12):
        x = k * 1.5
        print(x, fsqrt(x), fsqrt(x) * fsqrt(x), x ** 0.5)
    print(fsqrt(2.0), fsqrt(1e-10), fsqrt(1e300), fsqrt(0.25))


main()
