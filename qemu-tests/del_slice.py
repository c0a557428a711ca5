# needs: del, slice, list
# del of list slices (with steps) and slice assignment (beyond the issue 3 list).


def main() -> None:
    xs = list(range(10))
    del xs[2:4]
    print(xs)
    del xs[::3]
    print(xs)
    del xs[-2:]
    print(xs)
    ys = list(range(10))
    ys[1:3] = [100, 200, 300]
    print(ys)
    ys[::2] = [0, 0, 0, 0, 0, 0]
    print(ys)
    ys[:] = []
    print(ys)


main()
