# needs: list, tuple, dict, set, sorted
# sorted() over dict keys/values/items and over sets (the only safe way to
# print a set of strings), with reverse=.


def main() -> None:
    d = {"b": 1, "a": 2, "c": 0}
    print(sorted(d), sorted(d.values()), sorted(d.items()), sorted(d.keys(), reverse=True))
    words = {"kiwi", "apple", "fig", "apple"}
    print(sorted(words), len(words))
    nums = {30, 1, 20, 1000, -4}
    print(sorted(nums), sorted(nums, reverse=True))
    pts = {(2, 1), (0, 5), (2, 0)}
    print(sorted(pts))
    by_len: dict[int, set[str]] = {}
    for w in ["aa", "b", "cc", "dd", "e", "fff"]:
        by_len.setdefault(len(w), set()).add(w)
    for k in sorted(by_len):
        print(k, sorted(by_len[k]))


main()
