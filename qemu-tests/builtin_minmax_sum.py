# needs: list, minmax-iter, sum
# min/max over iterables (and with several arguments), sum with and without
# start value, over lists of ints, floats, strings and tuples, and ranges.


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def main() -> None:
    xs = [4, -2, 17, 0, 17, -2]
    print(min(xs), max(xs), sum(xs), sum(xs, 100))
    fs = [0.1, 0.2, 0.3]
    print(sum(fs), mean(fs), min(fs), max(fs), sum(fs, 1.0))
    print(min(["b", "abc", "ab"]), max(["b", "abc", "ab"]))
    print(min((3, 1), (2, 9), (3, 0)), max([(1, "a"), (1, "b")]))
    print(max(range(10)), min(range(5, 50, 7)), sum(range(101)))
    print(min(3, 1, 2), max(1.5, -1.5), max("a", "b", "ab"))
    empty: list[int] = []
    print(sum(empty), sum(empty, 7))
    big = [2 ** 62, 2 ** 62 - 1, -(2 ** 62)]
    print(sum(big), max(big), min(big))
    print(sum([1e100, 1.0, -1e100]), sum([0.1] * 10))


main()
