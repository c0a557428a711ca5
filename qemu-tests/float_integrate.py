# Numeric integration with floats: rectangles, trapezoids, Simpson's rule.


def f_square(x: float) -> float:
    return x * x


def f_poly(x: float) -> float:
    return 4.0 / (1.0 + x * x)


def midpoint_sq(a: float, b: float, n: int) -> float:
    h = (b - a) / n
    s = 0.0
    for i in range(n):
        s += f_square(a + (i + 0.5) * h)
    return s * h


def trapezoid_pi(n: int) -> float:
    h = 1.0 / n
    s = (f_poly(0.0) + f_poly(1.0)) / 2
    for i in range(1, n):
        s += f_poly(i * h)
    return s * h


def simpson_pi(n: int) -> float:
    h = 1.0 / n
    s = f_poly(0.0) + f_poly(1.0)
    for i in range(1, n):
        x = i * h
        if i % 2 == 1:
            s += 4 * f_poly(x)
        else:
            s += 2 * f_poly(x)
    return s * h / 3


def main() -> None:
    for n in range(1, 8):
        print("midpoint x^2 on [0,3] n =", n * 10, midpoint_sq(0.0, 3.0, n * 10))
    n = 2
    while n <= 2048:
        print("n =", n, "trapezoid:", trapezoid_pi(n), "simpson:", simpson_pi(n))
        n = n * 4
    # Euler's method for y' = y, y(0) = 1, approximates e
    steps = 1
    while steps <= 100000:
        y = 1.0
        h = 1.0 / steps
        for i in range(steps):
            y = y + h * y
        print("euler steps", steps, y)
        steps = steps * 10


main()
