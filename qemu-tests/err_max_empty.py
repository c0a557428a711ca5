# needs: list, minmax-iter
# max() of an empty list.


def best(xs: list[int]) -> int:
    return max(xs)


def main() -> None:
    data = [[3, 9, 2], [7], []]
    for xs in data:
        print(best(xs))


main()
