# needs: set
# Sets of ints: add, discard, remove, pop, len, in, set() from a list,
# printing order of int sets (deterministic in CPython), ==. Sets here are built
# element by element; see set_literal_order for constant set displays.


def main() -> None:
    s: set[int] = set()
    print(s, len(s))
    for x in [5, 3, 9, 3, 1, 5]:
        s.add(x)
    print(s, len(s))
    s.discard(3)
    s.discard(42)
    s.remove(9)
    print(s, 1 in s, 9 in s, 9 not in s)
    t = set([10, 2, 7, 2, 10])
    print(t)
    print(t.pop(), t)
    u = set([4, 8, 15, 16, 23, 42])
    print(u)
    for i in range(0, 50, 7):
        u.add(i)
    print(u, len(u))
    for i in range(0, 50, 2):
        u.discard(i)
    print(u)
    print({1, 2, 3} == {3, 2, 1}, {1, 2} == {1, 2, 3}, {1, 2} != {2})
    big: set[int] = set()
    for i in range(200):
        big.add(i * 7 % 101)
    print(len(big), 0 in big, 100 in big)
    total = 0
    for v in big:
        total += v
    print(total)
    neg = set([-1, -5, 3, 0])
    print(neg, -1 in neg, -2 in neg)
    neg.add(-2)
    print(neg)
    tup = {(1, 2), (0, 0), (1, 2)}
    print(len(tup), (0, 0) in tup)
    words = {"kiwi", "apple", "kiwi"}
    print(len(words), "apple" in words, "pear" in words)


main()
