# Collatz sequence lengths and the longest chain below a bound.


def collatz_len(n: int) -> int:
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def peak(n: int) -> int:
    hi = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        hi = max(hi, n)
    return hi


def main() -> None:
    for n in range(1, 31):
        print(n, collatz_len(n), peak(n))
    best = 1
    best_len = 1
    for n in range(1, 10000):
        l = collatz_len(n)
        if l > best_len:
            best = n
            best_len = l
    print("longest below 10000:", best, best_len)
    print("27:", collatz_len(27), peak(27), "97:", collatz_len(97), "871:", collatz_len(871))


main()
