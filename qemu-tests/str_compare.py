# String comparisons are lexicographic by code point.


def cmp(a: str, b: str) -> None:
    print(repr_ish(a), repr_ish(b), a == b, a != b, a < b, a <= b, a > b, a >= b)


def repr_ish(s: str) -> str:
    return "'" + s + "'"


def main() -> None:
    cmp("abc", "abd")
    cmp("abc", "abc")
    cmp("abc", "ab")
    cmp("", "a")
    cmp("", "")
    cmp("Z", "a")
    cmp("a", "B")
    cmp("10", "9")
    cmp("apple", "apples")
    cmp("é", "z")
    cmp("e", "é")
    cmp("日本", "中国")
    cmp(" ", "!")
    print(min("pear", "apple", "fig"), max("pear", "apple", "fig"))
    print(max("", "a", "A"), min("b", "ab", "abc"))
    print("a" < "b" < "c", "a" < "c" < "b", "x" == "x" != "y")
    best = ""
    words = "delta alpha charlie bravo echo "
    cur = ""
    first = True
    for i in range(len(words)):
        ch = words[i]
        if ch == " ":
            if first or cur < best:
                best = cur
                first = False
            cur = ""
        else:
            cur = cur + ch
    print("smallest word:", best)


main()
