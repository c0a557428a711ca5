# In-place recursive quicksort (Lomuto partition, middle pivot) of a list of ints.

N = 4000000  # bench-size: count 1000000, gate 100000


def quicksort(xs: list[int], lo: int, hi: int) -> None:
    while lo < hi:
        mid = (lo + hi) // 2
        xs[mid], xs[hi] = xs[hi], xs[mid]
        pivot = xs[hi]
        i = lo
        for j in range(lo, hi):
            if xs[j] < pivot:
                xs[i], xs[j] = xs[j], xs[i]
                i += 1
        xs[i], xs[hi] = xs[hi], xs[i]
        # Recurse into the smaller half, loop on the larger one.
        if i - lo < hi - i:
            quicksort(xs, lo, i - 1)
            lo = i + 1
        else:
            quicksort(xs, i + 1, hi)
            hi = i - 1


if __name__ == "__main__":
    n = N
    xs: list[int] = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        xs.append(x % 1000000)
    quicksort(xs, 0, n - 1)
    ok = all(xs[i] <= xs[i + 1] for i in range(n - 1))
    checksum = 0
    for i in range(0, n, 1000):
        checksum = (checksum * 31 + xs[i]) % 1000000007
    print(ok, xs[0], xs[n // 2], xs[n - 1], checksum)
