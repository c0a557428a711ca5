# needs: slice, list
# Assigning a sequence of the wrong length to an extended slice.


def fill(xs: list[int], vals: list[int]) -> None:
    xs[::2] = vals


def main() -> None:
    xs = [1, 2, 3, 4]
    fill(xs, [7, 8])
    print(xs)
    xs[1:3] = [0, 0, 0, 0]
    print(xs)
    fill(xs, [5, 6])


main()
