# Fibonacci: iterative, recursive, memo-free fast doubling; checks they agree.


def fib_iter(n: int) -> int:
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_rec(n: int) -> int:
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


# fast doubling returns F(n); the helper returns F(n+1) via a global
next_fib = 0


def fib_fast(n: int) -> int:
    global next_fib
    if n == 0:
        next_fib = 1
        return 0
    a = fib_fast(n // 2)
    b = next_fib
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        next_fib = d
        return c
    next_fib = c + d
    return d


def main() -> None:
    for n in range(0, 25):
        print(n, fib_iter(n), fib_rec(n) if n < 22 else fib_iter(n), fib_fast(n))
    for n in range(25, 93, 4):
        print(n, fib_iter(n), fib_iter(n) == fib_fast(n))
    print("F(91) =", fib_iter(91), "F(90) =", fib_fast(90))
    ratio = 0.0
    for n in range(2, 40):
        ratio = fib_iter(n) / fib_iter(n - 1)
    print("golden ratio approx", ratio, (1 + 5 ** 0.5) / 2)


main()
