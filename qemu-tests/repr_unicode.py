# needs: list, repr
# repr of non-ASCII and non-printable characters: printable ones stay, others
# become \x.. / \u.... / \U........ escapes.


def main() -> None:
    print(["ñ", "日本", "é\u0301", "\x00", "\x7f", "\u200b", "😀", "\xa0", "\u2028", "\ud7ff"])
    print(repr("\x01\u00e9\U0001f600"), str(["\r"]), repr("\x1b[0m"), repr("\U000e0001"))
    print(repr("mix'\"\\\t"), [chr(0x85), chr(0xad), chr(0x10ffff)])


main()
