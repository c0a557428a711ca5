# Integer modulo by zero: the divisor comes from a computation.


def digit(n: int, k: int) -> int:
    return n % (k - 3)


def run() -> int:
    s = 0
    for k in range(10, 0, -1):
        s += digit(12345, k)
        print("k", k, "s", s)
    return s


print("total", run())
