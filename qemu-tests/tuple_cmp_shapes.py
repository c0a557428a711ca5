# needs: tuple
# Comparing tuples of different lengths and field types: the first unequal
# pair decides, then the lengths; int/float/bool pairs mix; nested tuples.


def key(name: str, n: int) -> tuple[str, int]:
    return (name, n)


def main() -> None:
    a = (1, 2)
    b = (1, 2, 3)
    c = (1, 2.5)
    print(a < b, a <= b, a > b, a >= b, a == b, a != b)
    print(b < a, b > c, c > b, a < c, c == (1, 2.5, 0) or c < (1, 2.5, 0))
    print((1, 2.0) == (1, 2), (True, 0) == (1, False), (0.5,) < (1, 0))
    print(() < (0,), () == (), (0,) > (), () >= ())
    k = key("pear", 3)
    print(k < ("pear", 3, "x"), k > ("pear",), k == ("pear", 3), ("apple", 9, 9) < k)
    nan = float("nan")
    print((nan,) < (1.0, 2), (1, nan) == (1, nan, 3), (1.0, 2) < (1, nan))
    n1 = ((1, "a"), 2)
    n2 = ((1, "a", 0), 1)
    print(n1 < n2, n2 < n1, ((1, 2), 3) == ((1, 2),), 1 < 2 < 3 and (1,) < (1, 1) < (2,))
    words = ["x" + str(i) for i in range(3)]
    t3 = (words[0], words[1], words[2])
    print(t3 > (words[0], words[1]), t3 < ("x0", "x1", "x2", "x3"), words)
    count = 0
    for i in range(5):
        if (i, "z") > (2,) and (i,) <= (3, 0.5):
            count += 1
    print(count)


main()
