# needs: list, tuple, dict, sorted, sort-key, lambda, slice, unpack, fstring, enumerate, str-methods
# Top-k three ways (full sort, bounded insertion, counting by score bucket)
# over generated (score, name) records; ties broken by name.


def gen(n: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(((x >> 10) % 1000, "p" + str(i).zfill(4)))
    return out


def topk_sort(recs: list[tuple[int, str]], k: int) -> list[tuple[int, str]]:
    return sorted(recs, key=lambda r: (-r[0], r[1]))[:k]


def topk_insert(recs: list[tuple[int, str]], k: int) -> list[tuple[int, str]]:
    best: list[tuple[int, str]] = []
    for score, name in recs:
        key = (-score, name)
        i = len(best)
        while i > 0 and (-best[i - 1][0], best[i - 1][1]) > key:
            i -= 1
        if i < k:
            best.insert(i, (score, name))
            if len(best) > k:
                best.pop()
    return best


def topk_buckets(recs: list[tuple[int, str]], k: int) -> list[tuple[int, str]]:
    buckets: dict[int, list[str]] = {}
    for score, name in recs:
        buckets.setdefault(score, []).append(name)
    out: list[tuple[int, str]] = []
    for score in sorted(buckets, reverse=True):
        for name in sorted(buckets[score]):
            if len(out) < k:
                out.append((score, name))
    return out


def main() -> None:
    recs = gen(5000)
    print(recs[:3])
    a = topk_sort(recs, 10)
    b = topk_insert(recs, 10)
    c = topk_buckets(recs, 10)
    print(a == b, b == c)
    for rank, (score, name) in enumerate(a, 1):
        print(f"#{rank:<3}{name} {score:>4}")
    print(topk_sort(recs, 0), topk_insert(recs[:3], 5))
    words = "a b c a b a d e e e e".split()
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])


main()
