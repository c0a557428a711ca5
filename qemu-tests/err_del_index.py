# needs: list, del
# del of a list index past the end.


def drop(xs: list[int], i: int) -> None:
    del xs[i]


def main() -> None:
    xs = [1, 2, 3]
    drop(xs, 0)
    print(xs)
    drop(xs, -3)


main()
