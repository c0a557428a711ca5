# needs: list, listcomp
# ZeroDivisionError raised inside a list comprehension inside a function.


def ratios(xs: list[int], d: int) -> list[int]:
    return [x // (d - x) for x in xs]


def main() -> None:
    print(ratios([1, 2, 3], 10))
    print(ratios([1, 2, 3], 3))


main()
