# needs: ord-chr
# chr() of a code point beyond U+10FFFF.


def bump(c: str, k: int) -> str:
    return chr(ord(c) + k)


def main() -> None:
    print(bump("a", 1), bump("\U0010fffe", 1) == "\U0010ffff")
    print(bump("\U0010ffff", 1))


main()
