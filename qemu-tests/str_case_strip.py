# needs: str-methods
# strip/lstrip/rstrip (default and with chars), lower/upper/title/capitalize/
# swapcase, replace (ASCII text; see str_unicode_methods for the rest).


def main() -> None:
    s = "  \t Hello World \n"
    print("[" + s.strip() + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
    print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "..a..".lstrip("."), "..a..".rstrip("."))
    print("".strip(), "[" + "   ".strip() + "]")
    t = "hELLo wORLD, it's 42 o'clock"
    print(t.lower())
    print(t.upper())
    print(t.title())
    print(t.capitalize())
    print(t.swapcase())
    print("aaa".replace("a", "b"), "aaa".replace("a", "bb", 2), "abcabc".replace("bc", ""))
    print("hello".replace("", "-"), "x".replace("y", "z"), "a.b.c".replace(".", "::"))


main()
