# Set operations on set[int]: add, membership, discard, union, intersection, difference.

REPEATS = 16  # bench-size: count 6, gate 1


def run(n: int, seed: int) -> int:
    a: set[int] = set()
    b: set[int] = set()
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        a.add(x % (4 * n))
        x = (x * 1103515245 + 12345) % 2147483648
        b.add(x % (4 * n))
    hits = 0
    for k in range(4 * n):
        if k in a:
            hits += 1
        if k in b:
            hits += 2
    for k in range(0, 4 * n, 7):
        a.discard(k)
    u = a | b
    i = a & b
    d = a - b
    total = 0
    for v in i:
        total += v
    return hits + len(u) + len(i) * 3 + len(d) * 5 + total


if __name__ == "__main__":
    checksum = 0
    for r in range(REPEATS):
        checksum = (checksum + run(40000, r + 1)) % 1000000007
    print(checksum)
