# needs: dict
# dict displays, lookup, insert, overwrite, len, printing (insertion order),
# dict(...) from another dict and from a list of pairs, ==.


def count_chars(s: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in range(len(s)):
        c = s[i]
        if c in counts:
            counts[c] += 1
        else:
            counts[c] = 1
    return counts


def main() -> None:
    ages = {"alice": 31, "bob": 27}
    print(ages, len(ages))
    ages["carol"] = 45
    ages["alice"] = 32
    print(ages, ages["alice"], ages["carol"])
    print("bob" in ages, "dave" in ages, "dave" not in ages)
    empty: dict[str, int] = {}
    print(empty, len(empty))
    print(count_chars("mississippi"))
    squares: dict[int, int] = {}
    for i in range(-3, 4):
        squares[i] = i * i
    print(squares)
    print(squares[-3], squares[0])
    copy1 = dict(ages)
    copy1["bob"] = 0
    print(ages)
    print(copy1)
    from_pairs = dict([("x", 1.5), ("y", -2.0), ("x", 9.0)])
    print(from_pairs)
    print(ages == {"bob": 27, "alice": 32, "carol": 45}, ages == copy1)
    by_tuple: dict[tuple[int, int], str] = {}
    by_tuple[(0, 0)] = "origin"
    by_tuple[(1, -1)] = "se"
    print(by_tuple, by_tuple[(1, -1)])
    flags = {True: "yes", False: "no"}
    print(flags[1 > 0], flags)


main()
