# needs: list
# Item assignment past the end of a list.


def set_at(xs: list[float], i: int, v: float) -> None:
    xs[i] = v


def main() -> None:
    xs = [0.0] * 3
    for i in range(4):
        set_at(xs, i, 1.5)
        print(xs)


main()
