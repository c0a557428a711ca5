# needs: tuple
# Tuples: displays with mixed element types, indexing, len, +, comparisons,
# single-element and empty tuples, tuples as return values and parameters.


def divmod2(a: int, b: int) -> tuple[int, int]:
    return (a // b, a % b)


def describe(p: tuple[str, int, float]) -> str:
    return p[0] + ":" + str(p[1]) + ":" + str(p[2])


def main() -> None:
    t = (1, "two", 3.0, True)
    print(t, len(t), t[0], t[1], t[-1], t[-2])
    one = (5,)
    print(one, len(one))
    print(divmod2(17, 5), divmod2(-17, 5))
    q = divmod2(100, 7)
    print(q[0] * 7 + q[1])
    p = ("widget", 3, 9.75)
    print(describe(p))
    print((1, 2) + (3, 4), (1, 2) + (3,))
    print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5))
    print(("a", 2) < ("a", 3), ("b", 0) > ("a", 9))
    nested = ((1, 2), (3, 4))
    print(nested, nested[1][0])
    pairs = [(1, "a"), (2, "b")]
    print(pairs, pairs[1][1])
    s = 0
    for x in (10, 20, 30):
        s += x
    print(s)


main()
