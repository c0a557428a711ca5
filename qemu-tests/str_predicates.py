# needs: str-methods
# isdigit isalpha isalnum isspace isupper islower on edge cases.


def flags(s: str) -> str:
    out = ""
    out += "d" if s.isdigit() else "-"
    out += "a" if s.isalpha() else "-"
    out += "n" if s.isalnum() else "-"
    out += "s" if s.isspace() else "-"
    out += "U" if s.isupper() else "-"
    out += "L" if s.islower() else "-"
    return out


def main() -> None:
    tests = ["", "123", "abc", "ABC", "Abc", "a1", " ", " \t\n", "12.5", "-3",
             "HELLO WORLD", "hello world", "a_b", "x!"]
    for t in tests:
        print("[" + t + "]", flags(t))


main()
