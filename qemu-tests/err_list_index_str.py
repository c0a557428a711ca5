# needs: list
# list.index of a missing str value shows its repr.


def position(xs: list[str], v: str) -> int:
    return xs.index(v)


def main() -> None:
    xs = ["a", "b"]
    print(position(xs, "b"))
    print(position(xs, "it's"))


main()
