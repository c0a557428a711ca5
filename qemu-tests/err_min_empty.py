# needs: list, minmax-iter, listcomp
# min() of an empty (filtered) list of floats.


def smallest_positive(xs: list[float]) -> float:
    return min([x for x in xs if x > 0.0])


def main() -> None:
    print(smallest_positive([3.5, -1.0, 0.25]))
    print(smallest_positive([-3.5, -1.0]))


main()
