# needs: list, any-all, listcomp
# any/all over lists of bools, empty lists, and list comprehensions.


def all_positive(xs: list[int]) -> bool:
    return all([x > 0 for x in xs])


def main() -> None:
    print(any([False, False]), any([False, True]), any([]), all([]), all([True, True]), all([True, False]))
    print(all_positive([1, 2, 3]), all_positive([1, -2, 3]), all_positive([]))
    xs = [3, 8, 11, 14]
    print(any([x % 2 == 0 for x in xs]), all([x % 2 == 0 for x in xs]), any([x > 100 for x in xs]))
    words = ["alpha", "beta", "gamma"]
    print(all([len(w) > 3 for w in words]), any([w == "beta" for w in words]))
    print(any([x > 10 for x in xs]), all([x > 2 for x in xs]))


main()
