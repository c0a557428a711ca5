# Float // and % with all sign combinations, zeros and fractions.


def show(a: float, b: float) -> None:
    print(a, "//", b, "=", a // b, "  ", a, "%", b, "=", a % b)


def main() -> None:
    show(7.5, 2.0)
    show(-7.5, 2.0)
    show(7.5, -2.0)
    show(-7.5, -2.0)
    show(7.0, 3.5)
    show(-7.0, 3.5)
    show(0.0, 5.0)
    show(-0.0, 5.0)
    show(0.0, -5.0)
    show(-0.0, -5.0)
    show(1.0, 0.1)
    show(-1.0, 0.1)
    show(0.3, 0.1)
    show(5.0, 1e-3)
    show(1e300, 3.0)
    show(-1e-300, 1.0)
    show(2.5, 10.0)
    show(-2.5, 10.0)
    show(1.0, 3.0)
    show(-1.0, 3.0)
    show(float("inf"), 2.0)
    show(1.0, float("inf"))
    show(-1.0, float("inf"))
    show(1.0, float("-inf"))
    line = ""
    x = -3.0
    while x <= 3.0:
        line = line + str(x % 1.25) + " "
        x = x + 0.75
    print(line)
    line = ""
    x = -3.0
    while x <= 3.0:
        line = line + str(x // 1.25) + " "
        x = x + 0.75
    print(line)
    print(-7 // 2.0, -7 % 2.0, 7.0 // 2, 7 % 2.5, -7 % 2.5)


main()
