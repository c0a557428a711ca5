# Recursive Fibonacci: function calls and small-integer arithmetic.

N = 40  # bench-size: count 34, gate 28


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


if __name__ == "__main__":
    print(fib(N))
