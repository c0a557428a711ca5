# needs: list, enumerate, zip, unpack
# enumerate (with start) and zip (shortest wins, 3 iterables) over lists,
# tuples and strings, unpacked in for targets.


def dot(a: list[int], b: list[int]) -> int:
    t = 0
    for x, y in zip(a, b):
        t += x * y
    return t


def main() -> None:
    names = ["ann", "bob", "cy"]
    for i, n in enumerate(names):
        print(i, n)
    for i, n in enumerate(names, 1):
        print(i, n)
    for i, c in enumerate(["h", "e", "y"], 10):
        print(i, c)
    ages = [31, 27, 45, 99]
    for n, a in zip(names, ages):
        print(n, a)
    print(dot([1, 2, 3], [4, 5, 6]), dot([1, 2], [3]), dot([], [1]))
    for a, b, f in zip([1, 2, 3], ["x", "y", "z"], (1.5, 2.5, 3.5)):
        print(a, b, f)
    print(list(enumerate(["a", "b"])), list(zip([1, 2], ["p", "q"])))
    for i, (n, a) in enumerate(zip(names, ages)):
        print(i, n, a)
    pairs = [(1, 2), (3, 4)]
    for idx, (x, y) in enumerate(pairs):
        print(idx, x * y)
    total = 0
    for i, v in enumerate(range(100, 110)):
        total += i * v
    print(total)


main()
