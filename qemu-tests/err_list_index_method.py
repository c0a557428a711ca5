# needs: list
# list.index of a missing value: "7 is not in list".


def position(xs: list[int], v: int) -> int:
    return xs.index(v)


def main() -> None:
    xs = [3, 5, 7, 9]
    print(position(xs, 7))
    xs.remove(7)
    print(xs)
    print(position(xs, 7))


main()
