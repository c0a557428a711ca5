# needs: set, errors
# set.update with several iterables; a KeyError from remove afterwards.


def grow(s: set[int], extra: list[int]) -> None:
    s.update(extra, range(3), (10, 11))
    s.remove(99)


def main() -> None:
    s = {5}
    s.update([6], (7,))
    print(s)
    grow(s, [1, 2])


main()
