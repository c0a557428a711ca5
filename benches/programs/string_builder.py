# Building a large string: f-strings and str() into a list, then "".join; then scanning it.

N = 1250000  # bench-size: count 150000, gate 15000


def build(n: int) -> str:
    parts: list[str] = []
    for i in range(n):
        parts.append(f"{i}:{i * i % 997};")
        if i % 10 == 0:
            parts.append(str(i // 10).zfill(6))
        parts.append("\n" if i % 80 == 79 else " ")
    return "".join(parts)


if __name__ == "__main__":
    total = 0
    sevens = 0
    lines = 0
    for r in range(4):
        s = build(N + r)
        total += len(s)
        sevens += s.count("7")
        lines += len(s.splitlines())
    print(total, sevens, lines)
