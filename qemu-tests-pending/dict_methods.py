# needs: dict
# dict methods: get setdefault pop keys values items update clear copy.


def main() -> None:
    d = {"a": 1, "b": 2, "c": 3}
    print(d.get("a"), d.get("z", -1), d.get("b", 100))
    print(d.setdefault("a", 50), d.setdefault("d", 4), d)
    print(d.pop("b"), d.pop("zz", 0), d)
    print(list(d.keys()), list(d.values()), list(d.items()))
    print(d.keys(), d.values(), d.items())
    d.update({"a": 10, "e": 5})
    print(d)
    d.update([("f", 6), ("a", 11)])
    print(d)
    e = d.copy()
    e["a"] = -1
    print(d["a"], e["a"], len(e))
    d.clear()
    print(d, len(d), e)
    groups: dict[str, list[int]] = {}
    for i in range(10):
        key = "even" if i % 2 == 0 else "odd"
        groups.setdefault(key, []).append(i)
    print(groups)
    counts: dict[str, int] = {}
    for w in ["x", "y", "x", "z", "x", "y"]:
        counts[w] = counts.get(w, 0) + 1
    print(counts)


main()
