# needs: list, slice
# List slicing with every step sign, out-of-range bounds, negative bounds;
# slices are copies.


def main() -> None:
    xs = list(range(10))
    print(xs[2:5], xs[:3], xs[7:], xs[:], xs[-3:], xs[:-3], xs[-5:-2])
    print(xs[::2], xs[1::2], xs[::3], xs[2:9:3])
    print(xs[::-1], xs[::-2], xs[8:2:-1], xs[8:2:-3], xs[-1:-4:-1])
    print(xs[5:2], xs[100:], xs[-100:2], xs[3:100], xs[2:8:-1], xs[:0])
    print(xs[5::-1], xs[:5:-1], xs[-100::-1], xs[100::-1])
    n = 4
    print(xs[n:n + 3], xs[n - 10:n], xs[::n - 1])
    ys = xs[:]
    ys[0] = 99
    print(xs[0], ys[0])
    zs = xs[2:4]
    zs.append(-1)
    print(zs, xs[2:5])
    words = ["a", "b", "c", "d", "e"]
    print(words[1:-1], words[::-1], words[-2::-2])
    empty: list[int] = []
    print(empty[1:], empty[::-1])


main()
