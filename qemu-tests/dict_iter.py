# needs: dict, unpack, list
# Iterating dicts: for k in d, keys(), values(), items() with unpacking,
# list(d), building inverted and grouped dicts, nested dict values.


def invert(d: dict[str, int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for k, v in d.items():
        if v not in out:
            out[v] = []
        out[v].append(k)
    return out


def main() -> None:
    scores = {"ann": 90, "bob": 72, "cy": 90, "dee": 65, "eve": 72}
    for name in scores:
        print(name, scores[name])
    total = 0
    for v in scores.values():
        total += v
    print(total, list(scores), list(scores.keys())[1])
    for k, v in scores.items():
        if v > 70:
            print(k + "=" + str(v))
    print(invert(scores))
    nested = {"x": {"a": 1, "b": 2}, "y": {"c": 3}}
    for outer, inner in nested.items():
        for k, v in inner.items():
            print(outer, k, v)
    squares: dict[int, int] = {}
    for i in range(5):
        squares[i] = i * i
    print(squares)
    keys = list(squares.keys())
    for n in keys:
        if n % 2 == 1:
            squares.pop(n)
    print(squares)


main()
