# Float series: Leibniz pi, exp and sin by Taylor series, Newton's method for cube roots.


def leibniz(n: int) -> float:
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4 * s


def exp_taylor(x: float) -> float:
    term = 1.0
    s = 1.0
    for k in range(1, 40):
        term = term * x / k
        s += term
    return s


def sin_taylor(x: float) -> float:
    term = x
    s = x
    for k in range(1, 20):
        term = -term * x * x / ((2 * k) * (2 * k + 1))
        s += term
    return s


def cbrt(a: float) -> float:
    x = a if a > 1.0 else 1.0
    for i in range(80):
        x = x - (x * x * x - a) / (3 * x * x)
    return x


def main() -> None:
    n = 1
    while n <= 100000:
        print("leibniz", n, leibniz(n))
        n *= 10
    x = -3.0
    while x <= 3.0:
        print("exp", x, exp_taylor(x), "sin", sin_taylor(x))
        x += 0.5
    for k in range(1, 10):
        print("cbrt", k * 10, cbrt(k * 10.0), cbrt(k * 10.0) ** 3)
    print(exp_taylor(1.0), sin_taylor(3.141592653589793), cbrt(27.0), cbrt(2.0))


main()
