# needs: list
# list.remove of a value that is not there.


def remove_all(xs: list[int], vals: list[int]) -> None:
    for v in vals:
        xs.remove(v)
        print("removed", v, xs)


def main() -> None:
    xs = [1, 2, 3, 2]
    remove_all(xs, [2, 2, 2])


main()
