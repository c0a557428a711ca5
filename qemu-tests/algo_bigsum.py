# needs: list, slice, sum, minmax-iter
# Memory test: a million-element list, sums, slices with steps, reversal,
# append growth and repeated-list construction.


def main() -> None:
    xs = list(range(1000000))
    print(len(xs), sum(xs), xs[-1], xs[500000])
    evens = xs[::2]
    print(len(evens), sum(evens), evens[-1])
    back = xs[::-1]
    print(back[:3], back[-3:], sum(back[1000:2000]))
    tail = xs[999990:]
    print(tail, min(xs), max(xs))
    ys: list[int] = []
    for i in range(200000):
        ys.append(i * i % 1000)
    print(len(ys), sum(ys), ys[-5:])
    zs = [7] * 300000
    print(len(zs), sum(zs))
    xs = []
    print(len(xs), len(evens))


main()
