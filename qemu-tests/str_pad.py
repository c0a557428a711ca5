# needs: str-methods
# center ljust rjust zfill, with and without fill characters.


def main() -> None:
    for w in ["", "a", "ab", "abc", "abcdefgh"]:
        print("[" + w.center(6) + "]", "[" + w.ljust(5) + "]", "[" + w.rjust(5) + "]",
              "[" + w.center(7, "*") + "]", "[" + w.ljust(4, ".") + "]", "[" + w.rjust(4, "0") + "]")
    for n in ["42", "-42", "+7", "", "12345", "-0"]:
        print(n.zfill(5), n.zfill(1))
    print("apple".ljust(12) + str(3).rjust(5))
    print("watermelon".ljust(12) + str(100).rjust(5))


main()
