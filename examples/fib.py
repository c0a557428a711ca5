# Fibonacci numbers three ways, printed as a table.
#
#   python3 examples/fib.py
#   mgen run examples/fib.py                      (host)
#   mgen run --target armv7-unknown-linux-gnueabihf examples/fib.py


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


def pad(s: str, width: int) -> str:
    while len(s) < width:
        s = " " + s
    return s


def main() -> None:
    print(pad("n", 3), pad("iterative", 22), pad("recursive", 10), pad("ratio", 20))
    print("-" * 58)
    for n in range(0, 91, 5):
        f = fib_iter(n)
        rec = pad(str(fib_rec(n)), 10) if n <= 25 else pad("-", 10)
        ratio = f / fib_iter(n - 1) if n > 1 else 0.0
        print(pad(str(n), 3), pad(str(f), 22), rec, pad(str(ratio), 20))
    print("-" * 58)
    print("phi =", (1 + 5 ** 0.5) / 2)


if __name__ == "__main__":
    main()
