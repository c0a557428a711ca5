# Indexing past the end of a string.


def char_at(s: str, i: int) -> str:
    return s[i]


def main() -> None:
    word = "héllo"
    for i in range(7):
        print(i, char_at(word, i))


main()
