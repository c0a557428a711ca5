# The build-time program of the regression gate (benches/run.py --gate): 50 lines
# mixing what the benchmarks use, compiled with mgen -O0 and -O2 under callgrind.


def collatz_len(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def histogram(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def primes_below(n: int) -> set[int]:
    flags = [True] * n
    out: set[int] = set()
    for i in range(2, n):
        if flags[i]:
            out.add(i)
            for j in range(i * i, n, i):
                flags[j] = False
    return out


def mean_and_spread(xs: list[float]) -> tuple[float, float]:
    m = sum(xs) / len(xs)
    var = sum((x - m) ** 2 for x in xs) / len(xs)
    return m, var ** 0.5


if __name__ == "__main__":
    lengths = [collatz_len(i) for i in range(1, 200)]
    best = max(range(len(lengths)), key=lambda i: lengths[i])
    print(f"longest chain below 200 starts at {best + 1}: {lengths[best]} steps")
    text = "the quick brown fox jumps over the lazy dog the end"
    hist = histogram(text.split())
    top = sorted(hist.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print(", ".join(f"{w}={c}" for w, c in top))
    ps = primes_below(100)
    twins = sorted(p for p in ps if p + 2 in ps)
    print(len(ps), twins[:5], sum(ps) % 97)
    m, s = mean_and_spread([float(x) for x in lengths])
    print(f"mean {m:.3f} spread {s:.3f}")
    print(str(len(text)).zfill(4), text.upper()[:9], text.count("the"))
