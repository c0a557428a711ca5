# needs: tuple, errors
# An assertion on a comparison of tuples of different shapes fails.


def check_order(a: tuple[int, int], b: tuple[int, int, int]) -> None:
    assert a < b, "not ordered: " + str(a) + " " + str(b)


def main() -> None:
    check_order((1, 2), (1, 2, 0))
    print("ok")
    check_order((1, 3), (1, 2, 9))


main()
