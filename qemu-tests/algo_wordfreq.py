# needs: list, tuple, dict, str-methods, str-iter, sort-key, lambda, fstring, unpack, slice, enumerate, listcomp, minmax-iter, sorted
# Word frequencies: normalize text, count with a dict, sort by (-count, word),
# print the top entries in a formatted table.

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything
before us, we had nothing before us, we were all going direct to Heaven, we
were all going direct the other way."""


def normalize(text: str) -> list[str]:
    cleaned = ""
    for c in text.lower():
        cleaned += c if c.isalpha() or c == " " or c == "\n" else " "
    return cleaned.split()


def count(words: list[str]) -> dict[str, int]:
    freq: dict[str, int] = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq


def main() -> None:
    words = normalize(TEXT)
    freq = count(words)
    print(f"{len(words)} words, {len(freq)} distinct")
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    for rank, (w, n) in enumerate(ranked[:12], 1):
        share = n / len(words)
        print(f"{rank:>2}. {w:<12}{n:>3} {share:6.1%} {'#' * n}")
    singles = [w for w, n in ranked if n == 1]
    print(len(singles), singles[:5])
    longest = max(freq, key=lambda w: (len(w), w))
    print("longest:", longest, len(longest))


main()
