# needs: list, listcomp
# List comprehensions: map, filter, nested loops, nested comprehensions,
# comprehension over a string and a list of lists.


def squares(n: int) -> list[int]:
    return [i * i for i in range(n)]


def main() -> None:
    print(squares(8))
    print([i for i in range(20) if i % 3 == 0])
    print([i * j for i in range(1, 4) for j in range(1, 4)])
    print([i * 10 + j for i in range(3) for j in range(3) if i != j])
    grid = [[r * 3 + c for c in range(3)] for r in range(3)]
    print(grid)
    print([row[1] for row in grid])
    print([x for row in grid for x in row if x % 2 == 1])
    xs = [4, -1, 7, 0, -3]
    print([x for x in xs if x > 0], [abs(x) for x in xs], [float(x) * 0.5 for x in xs])
    words = ["a", "bb", "ccc", "dddd"]
    print([len(w) for w in words], [w + "!" for w in words if len(w) % 2 == 0])
    empty: list[int] = []
    print([x + 1 for x in empty])
    x = 100
    ys = [x for x in range(3)]
    print(x, ys)
    print([[0] * i for i in range(4)])
    print([i > 2 for i in range(5)])


main()
