# Sensor readings with gaps (NaN). CPython sorts with '<' only, so where a
# NaN lands follows from timsort's exact sequence of comparisons; mgen
# replays that algorithm.

NAN = float("nan")
INF = float("inf")


def readings(seed: int, n: int) -> list[float]:
    out: list[float] = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        if x % 7 == 0:
            out.append(NAN)
        elif x % 31 == 0:
            out.append(-INF)
        else:
            out.append((x % 2001 - 1000) / 8)
    return out


def summary(xs: list[float]) -> str:
    return f"min={min(xs)} max={max(xs)} first={xs[0]} last={xs[-1]}"


def main() -> None:
    print(sorted([2.0, 1.0, NAN, 0.0]))
    print(sorted([2.0, 1.0, NAN, 0.0], reverse=True))
    print(sorted([NAN, 3.0, 1.0, 2.0]))
    print(min([NAN, 1.0, 0.5]), min([1.0, NAN, 0.5]), max([2.0, NAN]), max(NAN, 2.0))
    for seed, n in [(1, 12), (7, 40), (42, 70), (5, 130), (99, 600)]:
        xs = readings(seed, n)
        s = sorted(xs)
        print(n, "sorted head:", s[:6])
        print(n, "sorted tail:", s[-4:])
        print(n, summary(xs))
        r = sorted(xs, reverse=True)
        print(n, "reverse head:", r[:5])
        ys = list(xs)
        ys.sort(key=lambda v: -v)
        print(n, "by negation:", ys[:5])
        pairs = sorted([(v, i) for i, v in enumerate(xs[:20])])
        print(n, "pairs:", pairs[:4])
    clean = [v for v in readings(3, 50) if v == v]
    print("clean sorted:", sorted(clean)[:8], len(clean))
    staged = readings(11, 300)
    staged.sort()
    nan_at = [i for i, v in enumerate(staged) if v != v]
    print("nan positions after sort:", nan_at[:10], len(nan_at))


main()
