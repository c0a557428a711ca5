# needs: list, unpack
# Unpacking a list with too few values.


def xyz(p: list[int]) -> int:
    x, y, z = p
    return x + y + z


def main() -> None:
    print(xyz([1, 2, 3]))
    print(xyz([1, 2]))


main()
