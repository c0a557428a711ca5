# Binomial coefficients, Pascal's triangle rows as strings, Catalan numbers.


def binom(n: int, k: int) -> int:
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r


def catalan(n: int) -> int:
    return binom(2 * n, n) // (n + 1)


def main() -> None:
    for n in range(0, 13):
        row = ""
        for k in range(0, n + 1):
            row += str(binom(n, k))
            if k < n:
                row += " "
        print(" " * (2 * (12 - n)) + row)
    print(binom(50, 25), binom(56, 28), binom(60, 30))
    for n in range(0, 20):
        print("catalan", n, catalan(n))
    total = 0
    for k in range(0, 41):
        total += binom(40, k)
    print("sum row 40:", total, total == 2 ** 40)


main()
