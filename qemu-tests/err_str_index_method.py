# needs: str-methods
# str.index of a missing substring (find would return -1).


def where(s: str, sub: str) -> int:
    return s.index(sub)


def main() -> None:
    s = "hello world"
    print(s.find("xyz"), where(s, "world"))
    print(where(s, "xyz"))


main()
