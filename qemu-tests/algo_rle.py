# needs: list, tuple, str-methods, str-iter, unpack, repr, slice
# Run-length encoding to list[tuple[str, int]] and to a compact string, with
# decoding and round-trip checks.


def rle(s: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for c in s:
        if len(out) > 0 and out[-1][0] == c:
            ch, n = out[-1]
            out[-1] = (ch, n + 1)
        else:
            out.append((c, 1))
    return out


def encode(s: str) -> str:
    parts: list[str] = []
    for c, n in rle(s):
        parts.append((str(n) if n > 1 else "") + c)
    return "".join(parts)


def decode(s: str) -> str:
    out: list[str] = []
    num = ""
    for c in s:
        if c.isdigit():
            num += c
        else:
            out.append(c * (int(num) if num != "" else 1))
            num = ""
    return "".join(out)


def main() -> None:
    tests = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
             "", "a", "abc", "aabbbcccc", "ñññ日日x", "  --  "]
    for t in tests:
        e = encode(t)
        label = repr(t) if len(t) < 20 else t[:10] + "..."
        runs = rle(t)
        if len(runs) < 8:
            print(label, runs, e, decode(e) == t)
        else:
            print(label, len(runs), "runs", e, decode(e) == t)
    long = "ab" * 500 + "c" * 1000
    print(len(encode(long)), encode(long)[-10:], decode(encode(long)) == long)


main()
