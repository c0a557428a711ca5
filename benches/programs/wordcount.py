# Word frequencies: str.split and a dict[str, int].

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "be", "do"]
LINES = 5000  # bench-size: count 250, gate 25


def make_text(lines: int, words_per_line: int, seed: int) -> list[str]:
    out: list[str] = []
    x = seed
    for _ in range(lines):
        words: list[str] = []
        for _ in range(words_per_line):
            x = (x * 1103515245 + 12345) % 2147483648
            r = x >> 8
            w = SYLLABLES[r % 12] + SYLLABLES[(r // 12) % 12]
            if r % 5 == 0:
                w += SYLLABLES[(r // 144) % 12]
            words.append(w)
        out.append(" ".join(words))
    return out


def count_words(lines: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in lines:
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    return counts


if __name__ == "__main__":
    text = make_text(LINES, 40, 2024)
    counts: dict[str, int] = {}
    for _ in range(50):
        counts = count_words(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    total = sum(counts.values())
    print(len(counts), total, top)
