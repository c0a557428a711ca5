# needs: list
# List displays, indexing with negative indices, item assignment, len, + and *,
# printing, == and < comparisons, iteration with for.


def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


def make_squares(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(i * i)
    return out


def main() -> None:
    xs = [3, 1, 4, 1, 5, 9, 2, 6]
    print(xs)
    print(len(xs), xs[0], xs[7], xs[-1], xs[-8], xs[len(xs) - 2])
    xs[0] = 30
    xs[-1] = -6
    print(xs, total(xs))
    empty: list[int] = []
    print(empty, len(empty), total(empty))
    ys = [0] * 5
    print(ys, [1, 2] * 3, [7] * 0)
    zs = xs + ys
    print(zs, len(zs))
    print(make_squares(10))
    print([1, 2, 3] == [1, 2, 3], [1, 2, 3] == [1, 2], [1, 2] != [2, 1])
    print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0])
    print([1, 2] <= [1, 2], [3] >= [3, 0])
    fs = [1.5, -0.25, 1e20, 0.1]
    print(fs, fs[1] * 2.0)
    words = ["alpha", "beta", "", "gamma"]
    print(words, words[2] == "", len(words[-1]))
    bs = [True, False, True]
    print(bs, bs[1])
    acc: list[str] = []
    i = 0
    while i < 4:
        acc.append(str(i) * i)
        i += 1
    print(acc)


main()
