# needs: list, unpack
# Unpacking a list with too many values in a for target.


def pair_sums(rows: list[list[int]]) -> int:
    t = 0
    for a, b in rows:
        t += a * b
        print("row", a, b)
    return t


def main() -> None:
    print(pair_sums([[1, 2], [3, 4], [5, 6, 7]]))


main()
