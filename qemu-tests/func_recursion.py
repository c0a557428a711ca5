# Recursive functions: factorial, fibonacci, power, ackermann, hanoi, digit sums.

moves = 0


def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def power(b: float, e: int) -> float:
    if e == 0:
        return 1.0
    if e < 0:
        return 1.0 / power(b, -e)
    half = power(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n: int, src: str, dst: str, via: str, show: bool) -> None:
    global moves
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, show)
    moves += 1
    if show:
        print("move disk", n, "from", src, "to", dst)
    hanoi(n - 1, via, dst, src, show)


def digit_sum(n: int) -> int:
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def main() -> None:
    global moves
    for n in range(0, 21, 4):
        print("fact", n, fact(n))
    for n in range(0, 24, 3):
        print("fib", n, fib(n))
    print(power(2.0, 10), power(2.0, -3), power(1.5, 7), power(10.0, 22), power(0.5, 0))
    for m in range(0, 3):
        for n in range(0, 4):
            print("ackermann", m, n, ackermann(m, n))
    print("ackermann 2 3:", ackermann(2, 3), "3 3:", ackermann(3, 3))
    hanoi(3, "A", "C", "B", True)
    print("moves for 3:", moves)
    moves = 0
    hanoi(14, "A", "C", "B", False)
    print("moves for 14:", moves)
    print(digit_sum(9223372036854775807), digit_sum(0), digit_sum(1000000001))
    print("depth", depth(800))


main()
