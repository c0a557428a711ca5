# Hundreds of floats produced by arithmetic, printed with repr.


def main() -> None:
    for i in range(1, 61):
        print(i, i / 7, i * 0.1, 1.0 / i, i / 3.0 - i // 3, i * 1.1 - i)
    x = 1.0
    for i in range(40):
        x = x * 1.7
        print("1.7 **", i + 1, "=", x, x / 1e10, 1.0 / x)
    y = 123.456
    for i in range(30):
        y = y * 0.37 + 0.001
        print(y)
    s = 0.0
    for i in range(1, 101):
        s = s + 1.0 / (i * i)
        if i % 5 == 0:
            print("partial zeta(2) at", i, "=", s)
    h = 0.0
    for i in range(1, 50):
        h = h + 1.0 / i
        print("H", i, h, h * h, -h / 3)


main()
