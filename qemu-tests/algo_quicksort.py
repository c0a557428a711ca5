# needs: list, listcomp, unpack, slice, sum
# Quicksort two ways: functional (list comprehensions + concatenation) and
# in-place (Lomuto partition), checked against each other on LCG data.


def qsort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    equal = [x for x in xs if x == pivot]
    greater = [x for x in xs if x > pivot]
    return qsort(less) + equal + qsort(greater)


def partition(xs: list[int], lo: int, hi: int) -> int:
    pivot = xs[hi]
    i = lo
    for j in range(lo, hi):
        if xs[j] <= pivot:
            xs[i], xs[j] = xs[j], xs[i]
            i += 1
    xs[i], xs[hi] = xs[hi], xs[i]
    return i


def qsort_inplace(xs: list[int], lo: int, hi: int) -> None:
    while lo < hi:
        p = partition(xs, lo, hi)
        if p - lo < hi - p:
            qsort_inplace(xs, lo, p - 1)
            lo = p + 1
        else:
            qsort_inplace(xs, p + 1, hi)
            hi = p - 1


def lcg_data(n: int, seed: int) -> list[int]:
    out: list[int] = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000 - 500)
    return out


def main() -> None:
    small = [5, 3, 8, 1, 9, 2, 7, 3, 5]
    print(qsort(small), small)
    data = lcg_data(5000, 42)
    a = qsort(data)
    b = data.copy()
    qsort_inplace(b, 0, len(b) - 1)
    print(a == b, a[:8], a[-8:], len(a))
    ok = True
    for i in range(1, len(b)):
        if b[i - 1] > b[i]:
            ok = False
    print("sorted:", ok, sum(a) == sum(data))
    e: list[int] = []
    print(qsort(e), qsort([1]))


main()
