# needs: list
# pop with an index past the end.


def take(xs: list[str], i: int) -> str:
    return xs.pop(i)


def main() -> None:
    xs = ["a", "b", "c"]
    print(take(xs, -1), take(xs, 0), xs)
    print(take(xs, 5))


main()
