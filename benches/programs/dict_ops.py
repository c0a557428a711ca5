# Dict operations on dict[int, int]: insert, lookup, get, in, update in place, delete, iterate.

REPEATS = 45  # bench-size: count 7, gate 1


def run(n: int, seed: int) -> int:
    d: dict[int, int] = {}
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        d[x % (2 * n)] = i
    hits = 0
    for k in range(2 * n):
        if k in d:
            hits += 1
        hits += d.get(k + n, -1) & 1
    for k in range(0, 2 * n, 3):
        if k in d:
            d[k] += 7
    for k in range(0, 2 * n, 5):
        if k in d:
            del d[k]
    s = 0
    for k, v in d.items():
        s += k ^ v
    return hits + s + len(d)


if __name__ == "__main__":
    checksum = 0
    for r in range(REPEATS):
        checksum = (checksum + run(60000, r + 1)) % 1000000007
    print(checksum)
