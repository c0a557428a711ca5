# Tuple assignment as a statement: swaps and simultaneous updates.


def main() -> None:
    a, b = 1, 2
    print(a, b)
    a, b = b, a
    print("swapped", a, b)
    x, y, z = 1, 2, 3
    x, y, z = z, x, y
    print("rotated", x, y, z)
    f0, f1 = 0, 1
    for i in range(15):
        f0, f1 = f1, f0 + f1
    print("fib", f0, f1)
    p, q = 1.5, 2.5
    p, q = q * 2, p + q
    print(p, q)
    s, t = "left", "right"
    s, t = t, s
    print(s, t)
    m, n = 1071, 462
    while n != 0:
        m, n = n, m % n
    print("gcd", m)
    lo, hi = 0, 100
    target = 37
    steps = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if mid < target:
            lo = mid + 1
        else:
            hi = mid
        steps += 1
    print("binary search found", lo, "in", steps, "steps")


main()
