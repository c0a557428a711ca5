# needs: list, tuple, sort-key, lambda, sorted
# sort(key=)/sorted(key=) with lambdas and named functions, tuple keys like
# (-count, word), reverse with key, stability.


def second(p: tuple[str, int]) -> int:
    return p[1]


def main() -> None:
    words = ["banana", "Apple", "fig", "cherry", "date", "elderberry", "kiwi"]
    print(sorted(words, key=len))
    print(sorted(words, key=lambda w: w[-1]))
    print(sorted(words, key=lambda w: (len(w), w)))
    print(sorted(words, key=len, reverse=True))
    counts = [("the", 5), ("a", 7), ("cat", 5), ("zebra", 1), ("and", 7)]
    print(sorted(counts, key=lambda kv: (-kv[1], kv[0])))
    print(sorted(counts, key=second))
    print(sorted(counts, key=second, reverse=True))
    xs = [5, -3, 2, -8, 0, 7]
    xs.sort(key=abs)
    print(xs)
    xs.sort(key=lambda v: -v)
    print(xs)
    xs.sort(key=lambda v: v % 3)
    print(xs)
    pts = [(1, 2), (-3, 0), (2, -2), (0, 0)]
    pts.sort(key=lambda p: p[0] * p[0] + p[1] * p[1])
    print(pts)
    recs = [("bob", 3.5), ("amy", 3.5), ("cal", 2.0)]
    print(sorted(recs, key=lambda r: r[1]))


main()
