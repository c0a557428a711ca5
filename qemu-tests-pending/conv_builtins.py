# needs: list, tuple, dict, set
# Conversions between containers: list(), tuple(), set(), dict() from lists,
# tuples, ranges, dicts, sets of ints; str() of each.


def main() -> None:
    r = range(5)
    print(list(r), tuple(r), set(r))
    t = (3, 1, 3, 2)
    print(list(t), set(t), tuple(list(t)))
    d = {"one": 1, "two": 2}
    print(list(d), tuple(d.values()), list(d.items()), dict(d) == d)
    pairs = [("a", 1), ("b", 2), ("a", 3)]
    print(dict(pairs), dict(list(d.items())))
    s = {5, 1, 3}
    print(len(list(s)), 5 in list(s), len(tuple(s)))
    empty_l: list[int] = []
    empty_d: dict[str, int] = {}
    print(list(empty_l), tuple(empty_l), set(empty_l), dict(empty_d))
    print(str([1, 2]), str((1,)), str({1: "a"}), str({7}))
    nested = list([[1], [2]])
    nested[0].append(9)
    print(nested)


main()
