# Indexing the empty string.


def first(s: str) -> str:
    return s[0]


def strip_first(s: str, n: int) -> str:
    out = ""
    for i in range(n, len(s)):
        out += s[i]
    return out


def main() -> None:
    s = "abc"
    while True:
        print("[" + s + "]", first(s))
        s = strip_first(s, 1)


main()
