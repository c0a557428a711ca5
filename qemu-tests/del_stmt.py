# needs: del, list, dict
# del on list items (positive and negative indices) and dict keys, inside loops.


def drop_evens(xs: list[int]) -> None:
    i = 0
    while i < len(xs):
        if xs[i] % 2 == 0:
            del xs[i]
        else:
            i += 1


def main() -> None:
    xs = [10, 11, 12, 13, 14, 15]
    del xs[0]
    print(xs)
    del xs[-1]
    print(xs)
    del xs[1]
    print(xs, len(xs))
    ys = list(range(20))
    drop_evens(ys)
    print(ys)
    d = {"a": 1, "b": 2, "c": 3, "d": 4}
    del d["b"]
    print(d)
    for k in ["a", "d"]:
        del d[k]
    print(d, len(d))
    d["b"] = 5
    print(d)
    m: dict[int, int] = {}
    for i in range(50):
        m[i] = i * i
    for i in range(0, 50, 2):
        del m[i]
    print(len(m), m[49], 48 in m)


main()
