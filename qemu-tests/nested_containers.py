# needs: nested, list, dict, tuple
# Nested containers: list[list[float]], dict[str, list[str]],
# list[tuple[int, str]], dict[tuple[int, int], list[int]]; mutation through nesting.


def transpose(m: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for j in range(len(m[0])):
        row: list[float] = []
        for i in range(len(m)):
            row.append(m[i][j])
        out.append(row)
    return out


def main() -> None:
    m = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]]
    print(transpose(m))
    m[1][2] = -1.25
    print(m, len(m), len(m[0]))
    graph: dict[str, list[str]] = {"a": ["b", "c"], "b": ["c"], "c": []}
    graph["c"].append("a")
    graph["d"] = ["a"]
    print(graph)
    for node, edges in graph.items():
        print(node, "->", edges, len(edges))
    items: list[tuple[int, str]] = [(3, "c"), (1, "a")]
    items.append((2, "b"))
    items.sort()
    print(items, items[0][1])
    cells: dict[tuple[int, int], list[int]] = {}
    for i in range(3):
        for j in range(2):
            cells[(i, j)] = [i, j, i * j]
    print(cells[(2, 1)], len(cells))
    cells[(0, 0)].extend([9, 9])
    print(cells[(0, 0)])
    deep: list[dict[str, list[int]]] = [{"x": [1]}, {"y": [2, 3]}]
    deep[1]["y"].append(4)
    deep.append({})
    print(deep)
    table: list[list[str]] = []
    for _ in range(3):
        table.append(["."] * 4)
    table[1][2] = "#"
    for row in table:
        line = ""
        for cell in row:
            line += cell
        print(line)


main()
