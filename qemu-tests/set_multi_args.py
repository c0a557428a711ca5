# needs: set
# set.update/union/intersection/difference with several arguments and any
# iterable (lists, tuples, ranges, dicts, strings, generators); isdisjoint.


def main() -> None:
    a = {1, 2, 3, 4, 5, 6, 7, 8}
    print(a.union([9, 17], (25,), range(30, 34)), a.union())
    print(a.intersection({1, 2, 3, 9}, [3, 2, 8], range(0, 10, 2)), a.intersection())
    print(a.difference({1}, [2, 2], (3, 4), range(8, 100)), a.difference())
    print(a.difference([1, 2, 3, 4, 5, 6]), a.difference(range(7)))
    b: set[int] = set()
    b.update()
    b.update(range(40, 0, -3), [100, 5], {64, 33})
    print(b, len(b))
    counts = {"x": 1, "y": 2}
    keys: set[str] = set()
    keys.update(counts, "ab", ["c"])
    print(sorted(keys))
    print(a.isdisjoint([0, 9]), a.isdisjoint(range(8, 12)), a.isdisjoint({100}), a.isdisjoint(x for x in [9, 8]))
    sq = {i * i for i in range(6)}
    print(sq.union(i * 3 for i in range(4)), sq.intersection(x for x in [0, 1, 16, 99]))
    tup = {(1, 2), (3, 4)}
    tup.update([(5, 6)], {(1, 2)}, ((7, 8),))
    print(tup, tup.issuperset([(1, 2)]), tup.issubset(tup.union([(0, 0)])))
    words = {"alpha", "beta"}
    more = words.union(["gamma"], ("delta", "alpha"))
    print(sorted(more), len(words.difference(["beta"], ("zeta",))))
    big = set(range(100))
    small = {3, 50}
    print(small.difference(big), small.intersection(big, range(40, 60)), len(big.difference(small, [0, 1])))
    big.difference(big)
    print(len(big.union(big, big)), big.intersection(big) == big)


main()
