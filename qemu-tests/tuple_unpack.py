# needs: tuple, unpack, list, nested
# Tuple unpacking in assignments, swaps, function returns and for targets.


def min_max(xs: list[int]) -> tuple[int, int]:
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def fib_pair(n: int) -> tuple[int, int]:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b


def main() -> None:
    lo, hi = min_max([4, -2, 9, 0])
    print(lo, hi)
    a, b = fib_pair(50)
    print(a, b)
    x, y, z = 1, "y", 2.5
    print(x, y, z)
    x, y, z = x + 1, y + "!", z * 2.0
    print(x, y, z)
    p = (3, 4)
    u, v = p
    u, v = v, u
    print(u, v, p)
    first, second = [10, 20]
    print(first, second)
    pairs = [(1, "one"), (2, "two"), (3, "three")]
    for n, name in pairs:
        print(n, name)
    triples = [(1, 2, 3), (4, 5, 6)]
    total = 0
    for i, j, k in triples:
        total += i * j * k
    print(total)
    (m, (n1, n2)) = (1, (2, 3))
    print(m, n1, n2)
    points = [((0, 0), "origin"), ((1, 2), "p")]
    for (px, py), label in points:
        print(label, px + py)


main()
