# needs: in, list, tuple, dict, set
# in / not in over lists, tuples, dict keys, sets, strings (substring) and ranges.


def main() -> None:
    xs = [1, 2, 3]
    print(2 in xs, 5 in xs, 5 not in xs, [1, 2] in [[1, 2], [3]], 1.5 in [1.5])
    t = ("a", "b")
    print("a" in t, "c" in t, (1, 2) in [(1, 2), (3, 4)], (2, 1) in [(1, 2)])
    d = {"k": 1, "j": 2}
    print("k" in d, 1 in d.values(), "z" in d, "j" in d.keys(), ("k", 1) in d.items())
    s = {10, 20}
    print(10 in s, 15 in s, 15 not in s)
    print("ell" in "hello", "" in "", "x" in "", "HELLO" in "hello")
    print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2), -3 in range(-5, 0))
    empty: list[int] = []
    print(0 in empty, 0 not in empty)
    hits = 0
    for i in range(1000):
        if i in s or i * 2 in xs:
            hits += 1
    print(hits)


main()
