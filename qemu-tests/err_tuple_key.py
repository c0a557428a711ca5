# needs: dict, tuple
# KeyError for a tuple key prints the tuple's repr.


def cell(grid: dict[tuple[int, str], int], r: int, c: str) -> int:
    return grid[(r, c)]


def main() -> None:
    g = {(0, "a"): 1, (1, "b"): 2}
    print(cell(g, 0, "a"))
    print(cell(g, 2, "it's"))


main()
