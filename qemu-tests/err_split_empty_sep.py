# needs: list, str-methods
# str.split with an empty separator.


def fields(s: str, sep: str) -> list[str]:
    return s.split(sep)


def main() -> None:
    print(fields("a,b", ","))
    print(fields("a,b", ""))


main()
