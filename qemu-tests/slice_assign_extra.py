# needs: del, slice, list
# Slice deletion and assignment: negative and large steps, bounds past the
# ends, self-assignment, other iterables as the value, heap elements.


def show(tag: str, xs: list[str]) -> None:
    print(tag, xs, len(xs))


def main() -> None:
    for step in [1, 2, 3, -1, -2, -4, 7]:
        xs = list(range(12))
        del xs[1:10:step]
        ys = list(range(12))
        del ys[10:1:step]
        zs = list(range(12))
        del zs[::step]
        print(step, xs, ys, zs)
    ws = ["a", "b", "c", "d", "e", "f"]
    del ws[-100:2]
    show("del head", ws)
    del ws[5:100]
    show("past end", ws)
    del ws[3:1]
    show("empty", ws)
    ws[1:1] = ["x", "y"]
    show("insert", ws)
    ws[::-1] = ["1", "2", "3", "4", "5", "6"]
    show("reverse assign", ws)
    ws[:] = ws
    show("self", ws)
    ws[2:] = ws
    show("self tail", ws)
    ws[::3] = ("p", "q", "r")
    show("tuple", ws)
    ws[0:2] = "mn"
    show("str", ws)
    ns = [0, 0, 0, 0, 0]
    ns[1:4] = range(7, 10)
    print(ns)
    ns[10:] = [5]
    ns[-1:-3:-1] = {8: "x", 9: "y"}
    print(ns)
    ns[5:2] = [1, 2]
    print(ns)
    nested = [[1], [2], [3], [4]]
    keep = nested[1]
    nested[0:3] = [[9]]
    keep.append(5)
    print(nested, keep)
    del nested[:]
    print(nested)
    fs = [1.5, 2.5, 3.5]
    fs[1:] = [f * 2.0 for f in fs]
    print(fs)


main()
