# needs: list
# list methods: append extend insert pop remove index count sort reverse copy clear.


def show(label: str, xs: list[int]) -> None:
    print(label, xs, len(xs))


def main() -> None:
    xs: list[int] = []
    for i in range(5):
        xs.append(i * 10)
    show("append", xs)
    xs.extend([7, 8, 9])
    show("extend", xs)
    xs.extend(xs)
    show("extend self", xs)
    xs.insert(0, -1)
    xs.insert(3, 333)
    xs.insert(-1, 999)
    xs.insert(100, 1000)
    xs.insert(-100, -1000)
    show("insert", xs)
    print("pop", xs.pop(), xs.pop(0), xs.pop(-2), xs.pop(3))
    show("after pop", xs)
    xs.remove(7)
    show("remove 7", xs)
    print("index", xs.index(20), xs.index(8), xs.index(0))
    print("count", xs.count(10), xs.count(7), xs.count(12345))
    ys = xs.copy()
    ys.sort()
    show("sorted copy", ys)
    show("original", xs)
    ys.sort(reverse=True)
    show("reverse sort", ys)
    ys.reverse()
    show("reversed", ys)
    zs = ys
    zs.append(5)
    show("alias", ys)
    ys.clear()
    show("cleared", ys)
    show("alias cleared", zs)
    ws = ["pear", "apple", "fig", "banana"]
    ws.sort()
    print(ws)
    fs = [2.5, -1.0, 0.0, 3.25]
    fs.sort()
    print(fs)
    print(fs.index(0.0), fs.count(2.5))


main()
