# needs: list, nested
# Lists are references: mutation through parameters, aliases and nested lists;
# copy() is shallow.


def push_all(dst: list[int], n: int) -> None:
    for i in range(n):
        dst.append(i)


def bump(grid: list[list[int]]) -> None:
    for row in grid:
        for j in range(len(row)):
            row[j] += 1


def main() -> None:
    a = [1]
    push_all(a, 3)
    print(a)
    b = a
    b[0] = 100
    print(a, b, a == b)
    c = a.copy()
    c[0] = -5
    print(a, c)
    grid = [[0, 0], [1, 1], [2, 2]]
    bump(grid)
    bump(grid)
    print(grid)
    shallow = grid.copy()
    shallow[0][0] = 99
    shallow[1] = [7]
    print(grid)
    print(shallow)
    shared = [[0] * 2] * 3
    shared[0][1] = 5
    print(shared)
    rows: list[list[int]] = []
    for i in range(3):
        rows.append([i] * (i + 1))
    print(rows, len(rows[2]))
    rows[1].append(42)
    print(rows)


main()
