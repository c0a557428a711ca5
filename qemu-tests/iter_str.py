# needs: list, str-iter, in, reversed, sorted, minmax-iter
# Iterating strings by code point: for c in s, list(s), reversed/sorted/min/max
# of a string, comparisons of chars.


def vowels(s: str) -> int:
    n = 0
    for c in s:
        if c in "aeiouAEIOU":
            n += 1
    return n


def main() -> None:
    print(vowels("The quick brown fox"), vowels(""), vowels("rhythm"))
    print(list("héllo"), list(""), len(list("日本語")))
    out = ""
    for c in "abc😀d":
        out += c + "."
    print(out)
    up = 0
    for ch in "Hello World":
        if "A" <= ch <= "Z":
            up += 1
    print(up)
    chars = list("banana")
    chars.sort()
    print(chars, "".join(chars))
    s = ""
    for c in reversed("stressed"):
        s += c
    print(s, list(reversed("añb")), sorted("mississippi"), min("hello"), max("hello"))


main()
