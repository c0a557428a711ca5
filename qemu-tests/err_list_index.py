# needs: list
# Reading past the end of a list inside a nested call.


def nth(xs: list[int], i: int) -> int:
    return xs[i]


def walk(xs: list[int], n: int) -> int:
    t = 0
    for i in range(n):
        t += nth(xs, i)
        print(i, t)
    return t


def main() -> None:
    xs = [5, 6, 7]
    print(nth(xs, -3), nth(xs, 2))
    walk(xs, 5)


main()
