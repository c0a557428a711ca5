# needs: set
# set.remove of a missing element: KeyError with the element.


def remove(s: set[int], v: int) -> None:
    s.remove(v)


def main() -> None:
    s = set([1, 5, 9])
    remove(s, 5)
    print(s)
    remove(s, 5)


main()
