# Divisor sums: perfect, abundant and deficient numbers; amicable pairs.


def sigma(n: int) -> int:
    if n == 1:
        return 0
    s = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
            if d * d != n:
                s += n // d
        d += 1
    return s


def main() -> None:
    perfect = ""
    abundant = 0
    deficient = 0
    for n in range(1, 10001):
        s = sigma(n)
        if s == n:
            perfect += str(n) + " "
        elif s > n:
            abundant += 1
        else:
            deficient += 1
    print("perfect:", perfect)
    print("abundant:", abundant, "deficient:", deficient)
    for a in range(2, 7000):
        b = sigma(a)
        if b > a and sigma(b) == a:
            print("amicable", a, b)
    print(sigma(8589869056) == 8589869056)


main()
