# Mixed int/float arithmetic promotes to float.


def avg(a: float, b: float) -> float:
    return (a + b) / 2


def main() -> None:
    i = 7
    f = 2.5
    print(i + f, i - f, i * f, i / f, i // f, i % f, f ** i)
    print(f + i, f - i, f * i, f / i, f // i, f % i, i ** f)
    print(1 + 0.1, 3 * 0.1, 10 - 0.01, 1 / 10, 2 / 3, 100 / 8)
    print(-7 // 2.0, -7 % 2.0, 7 // -2.0, 7 % -2.0, -7.0 // -2, -7.0 % -2)
    print(avg(float(i), f), avg(1.0, 2.0), avg(float(3), float(4)))
    total = 0.0
    for k in range(1, 11):
        total = total + k / 4
    print("sum k/4:", total)
    x = 0.0
    n = 0
    while x < 3:
        x = x + 0.3
        n = n + 1
    print("0.3 steps to reach 3:", n, x)
    print(i < f, i > f, i == 7.0, f != 2.5, 3 <= 3.0, 2 >= 2.5)
    print(max(1.5, 2.5, 0.5), min(1.5, -2.5, 0.5))


main()
