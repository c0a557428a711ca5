# needs: list, tuple, sorted
# sorted() over lists, tuples and ranges, with reverse=;
# tuples sort lexicographically; the input is not modified.


def main() -> None:
    xs = [5, 2, 9, -1, 5, 0]
    print(sorted(xs), xs)
    print(sorted(xs, reverse=True))
    print(sorted(["pear", "Apple", "fig", "apple", ""]))
    print(sorted((3.5, -1.0, 2.25)))
    print(sorted(range(10, 0, -3)))
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
    print(sorted(pairs), sorted(pairs, reverse=True))
    grid = [[3, 1], [1, 2, 3], [1, 2], []]
    print(sorted(grid))
    print(sorted([True, False, True]), sorted([0.5, -0.0, 0.0, -2.0]))


main()
