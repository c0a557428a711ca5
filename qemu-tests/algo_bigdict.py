# needs: dict, del, sum, in, list, slice
# A 100k-key dict: inserts (forcing many resizes), lookups, overwrites,
# deletes of every third key, re-inserts, and order checks.


def main() -> None:
    n = 100000
    d: dict[int, int] = {}
    for i in range(n):
        d[i * 7919 % 1000003] = i
    print(len(d), d[0], d[7919], (7919 * 5) % 1000003 in d)
    hits = 0
    for i in range(0, 2 * n, 2):
        if i in d:
            hits += 1
    print("hits", hits)
    for k in list(d.keys())[::3]:
        del d[k]
    print(len(d))
    first = list(d.keys())[:5]
    print(first)
    s: dict[str, int] = {}
    for i in range(50000):
        s["k" + str(i)] = i
    for i in range(0, 50000, 2):
        s["k" + str(i)] += 1
    print(len(s), s["k0"], s["k49999"], sum(s.values()))
    keys = list(s)
    print(keys[:3], keys[-3:])


main()
