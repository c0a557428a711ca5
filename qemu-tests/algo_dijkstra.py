# needs: list, dict, tuple, unpack, minmax-iter, sum, fstring, in, slice, str-methods
# Dijkstra's shortest paths on a weighted adjacency dict, with a binary heap
# written over list[tuple[int, str]], and path reconstruction.


def heap_push(h: list[tuple[int, str]], item: tuple[int, str]) -> None:
    h.append(item)
    i = len(h) - 1
    while i > 0:
        p = (i - 1) // 2
        if h[i] < h[p]:
            h[i], h[p] = h[p], h[i]
            i = p
        else:
            break


def heap_pop(h: list[tuple[int, str]]) -> tuple[int, str]:
    top = h[0]
    last = h.pop()
    if len(h) > 0:
        h[0] = last
        i = 0
        while True:
            l = 2 * i + 1
            r = l + 1
            m = i
            if l < len(h) and h[l] < h[m]:
                m = l
            if r < len(h) and h[r] < h[m]:
                m = r
            if m == i:
                break
            h[i], h[m] = h[m], h[i]
            i = m
    return top


def dijkstra(g: dict[str, list[tuple[str, int]]], src: str) -> tuple[dict[str, int], dict[str, str]]:
    dist = {src: 0}
    prev: dict[str, str] = {}
    heap: list[tuple[int, str]] = [(0, src)]
    while len(heap) > 0:
        d, u = heap_pop(heap)
        if d > dist[u]:
            continue
        for v, w in g[u]:
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heap_push(heap, (nd, v))
    return dist, prev


def route(prev: dict[str, str], src: str, dst: str) -> str:
    out = [dst]
    while out[-1] != src:
        out.append(prev[out[-1]])
    return " -> ".join(out[::-1])


def main() -> None:
    g: dict[str, list[tuple[str, int]]] = {
        "A": [("B", 7), ("C", 9), ("F", 14)],
        "B": [("A", 7), ("C", 10), ("D", 15)],
        "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)],
        "D": [("B", 15), ("C", 11), ("E", 6)],
        "E": [("D", 6), ("F", 9)],
        "F": [("A", 14), ("C", 2), ("E", 9)],
        "G": [],
    }
    dist, prev = dijkstra(g, "A")
    print(dist)
    for node in ["B", "D", "E", "F"]:
        print(f"{node}: {dist[node]:>3}  {route(prev, 'A', node)}")
    print("G" in dist)
    n = 400
    big: dict[str, list[tuple[str, int]]] = {}
    for i in range(n):
        big["n" + str(i)] = [("n" + str((i + 1) % n), 1 + i % 7), ("n" + str((i * 13 + 5) % n), 10 + i % 11)]
    d2, p2 = dijkstra(big, "n0")
    far = max(d2.values())
    print(len(d2), far, d2["n399"], sum(d2.values()))
    print(route(p2, "n0", "n250"))


main()
