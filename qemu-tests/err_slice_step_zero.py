# needs: list, slice
# A slice step of zero.


def every(xs: list[int], k: int) -> list[int]:
    return xs[::k]


def main() -> None:
    xs = list(range(6))
    print(every(xs, 2), every(xs, -1))
    print(every(xs, 0))


main()
