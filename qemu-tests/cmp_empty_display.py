# needs: list, dict
# An empty display on the left of a comparison takes the other side's type.


def main() -> None:
    xs = [3, 1]
    d = {"a": [1]}
    print([] < xs, [] == xs, [] != [0.5], [] <= [[1]] < [[2]], {} == d, {} != {"k": 0})
    xs.clear()
    print([] == xs, [] >= xs)


main()
