# needs: list, dict, set, tuple, in, unpack, sorted, reversed
# BFS shortest paths, iterative and recursive DFS, connected components and
# cycle detection on an adjacency dict (dict[str, list[str]]).


def bfs(g: dict[str, list[str]], start: str) -> dict[str, int]:
    dist = {start: 0}
    queue = [start]
    head = 0
    while head < len(queue):
        u = queue[head]
        head += 1
        for v in g[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist


def path(g: dict[str, list[str]], a: str, b: str) -> list[str]:
    prev: dict[str, str] = {a: a}
    queue = [a]
    head = 0
    while head < len(queue):
        u = queue[head]
        head += 1
        for v in g[u]:
            if v not in prev:
                prev[v] = u
                queue.append(v)
    if b not in prev:
        return []
    out = [b]
    while out[-1] != a:
        out.append(prev[out[-1]])
    out.reverse()
    return out


def dfs_iter(g: dict[str, list[str]], start: str) -> list[str]:
    seen: set[str] = set()
    order: list[str] = []
    stack = [start]
    while len(stack) > 0:
        u = stack.pop()
        if u in seen:
            continue
        seen.add(u)
        order.append(u)
        for v in reversed(g[u]):
            if v not in seen:
                stack.append(v)
    return order


def dfs_rec(g: dict[str, list[str]], u: str, seen: set[str], order: list[str]) -> None:
    seen.add(u)
    order.append(u)
    for v in g[u]:
        if v not in seen:
            dfs_rec(g, v, seen, order)


def components(g: dict[str, list[str]]) -> list[list[str]]:
    seen: set[str] = set()
    out: list[list[str]] = []
    for u in g:
        if u not in seen:
            comp: list[str] = []
            dfs_rec(g, u, seen, comp)
            out.append(sorted(comp))
    return out


def has_cycle(g: dict[str, list[str]]) -> bool:
    state: dict[str, int] = {}
    for root in g:
        if root in state:
            continue
        stack = [(root, 0)]
        while len(stack) > 0:
            u, i = stack.pop()
            if i == 0:
                state[u] = 1
            if i < len(g[u]):
                stack.append((u, i + 1))
                v = g[u][i]
                s = state.get(v, 0)
                if s == 1:
                    return True
                if s == 0:
                    stack.append((v, 0))
            else:
                state[u] = 2
    return False


def undirected(edges: list[tuple[str, str]]) -> dict[str, list[str]]:
    g: dict[str, list[str]] = {}
    for a, b in edges:
        g.setdefault(a, []).append(b)
        g.setdefault(b, []).append(a)
    return g


def main() -> None:
    edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g"), ("h", "h")]
    g = undirected(edges)
    print(g)
    print(bfs(g, "a"))
    print(path(g, "a", "e"), path(g, "e", "a"), path(g, "a", "g"))
    print(dfs_iter(g, "a"))
    order: list[str] = []
    dfs_rec(g, "a", set(), order)
    print(order)
    print(components(g))
    dag = {"shirt": ["tie", "belt"], "tie": ["jacket"], "belt": ["jacket"], "jacket": [], "socks": ["shoes"], "shoes": []}
    print(has_cycle(dag))
    dag["jacket"].append("shirt")
    print(has_cycle(dag))
    grid: dict[str, list[str]] = {}
    n = 30
    for i in range(n):
        for j in range(n):
            k = str(i) + "," + str(j)
            grid[k] = []
            if i + 1 < n and (i * 7 + j * 3) % 5 != 0:
                grid[k].append(str(i + 1) + "," + str(j))
            if j + 1 < n:
                grid[k].append(str(i) + "," + str(j + 1))
    d = bfs(grid, "0,0")
    print(len(d), d.get("29,29", -1), max(d.values()))


main()
