# int() does not accept a float literal string.


def to_int(s: str) -> int:
    return int(s)


def main() -> None:
    print(to_int("42"), to_int("-7"), to_int(" 8 "))
    print(to_int("3.5"))


main()
