# String concatenation, repetition, len and building strings in loops.


def repeat_join(word: str, n: int, sep: str) -> str:
    out = ""
    for i in range(n):
        if i > 0:
            out = out + sep
        out = out + word
    return out


def main() -> None:
    a = "hello"
    b = "world"
    print(a + " " + b, len(a + b), len(""), len(" "))
    print("ab" * 3, "x" * 0, "-" * -2, "yo" * 3, "" * 10, len("ab" * 50))
    print(repeat_join("ab", 4, ", "), repeat_join("z", 1, "!"), "[" + repeat_join("q", 0, "-") + "]")
    s = ""
    for i in range(10):
        s += str(i)
    print(s, len(s))
    t = ""
    for i in range(1, 6):
        t = t + "*" * i + "\n"
    print(t, end="")
    print("=" * 40)
    print("tab\there", "new\nline", "back\\slash", 'single \' quote', "double \" quote")
    print('mixed "quotes" inside', "it's", """triple "quoted" """ + '''x''')
    print("a" "b" "c", "implicit" " " "concatenation")
    print(len("tab\there"), len("\n"), len("\\"), len("\x41\x42"), "\x41\x42")
    print(str(12) + str(3.5) + str(True) + str(-7), str("already"))
    word = "abc"
    word *= 2
    word += "!"
    print(word, len(word))
    print("", "", sep="|")
    print("end test", end="")
    print()
    print("sum digits:", len(str(2 ** 62)), str(2 ** 62))


main()
