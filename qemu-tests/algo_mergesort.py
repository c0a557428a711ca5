# needs: list, slice, tuple, unpack, sorted, sort-key, lambda
# Merge sort (top-down with slices, bottom-up with index ranges), stable
# sorting of records by key, inversion counting.


def merge(a: list[int], b: list[int]) -> list[int]:
    out: list[int] = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def msort(xs: list[int]) -> list[int]:
    if len(xs) < 2:
        return xs[:]
    mid = len(xs) // 2
    return merge(msort(xs[:mid]), msort(xs[mid:]))


def bottom_up(xs: list[int]) -> list[int]:
    a = xs[:]
    width = 1
    while width < len(a):
        merged: list[int] = []
        for lo in range(0, len(a), 2 * width):
            merged.extend(merge(a[lo:lo + width], a[lo + width:lo + 2 * width]))
        a = merged
        width *= 2
    return a


def inversions(xs: list[int]) -> tuple[list[int], int]:
    if len(xs) < 2:
        return xs[:], 0
    mid = len(xs) // 2
    left, a = inversions(xs[:mid])
    right, b = inversions(xs[mid:])
    out: list[int] = []
    i = 0
    j = 0
    inv = a + b
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            inv += len(left) - i
            j += 1
    return out + left[i:] + right[j:], inv


def msort_records(rs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    if len(rs) < 2:
        return rs
    mid = len(rs) // 2
    a = msort_records(rs[:mid])
    b = msort_records(rs[mid:])
    out: list[tuple[str, int]] = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i][1] <= b[j][1]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]


def main() -> None:
    xs = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0]
    print(msort(xs), bottom_up(xs), xs)
    data: list[int] = []
    x = 7
    for _ in range(3000):
        x = (x * 75 + 74) % 65537
        data.append(x)
    s1 = msort(data)
    print(s1 == bottom_up(data), s1 == sorted(data), s1[:5], s1[-3:])
    srt, inv = inversions([2, 4, 1, 3, 5])
    print(srt, inv, inversions(data)[1], inversions(s1)[1], inversions(s1[::-1])[1])
    recs = [("d", 2), ("a", 1), ("c", 2), ("b", 1), ("e", 0)]
    print(msort_records(recs))
    print(msort_records(recs) == sorted(recs, key=lambda r: r[1]))


main()
