# float() of an invalid string.


def parse(s: str) -> float:
    return float(s)


def main() -> None:
    print(parse("1.5"), parse("-2e3"), parse("inf"), parse("  .5 "))
    print(parse("abc"))


main()
