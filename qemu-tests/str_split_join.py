# needs: list, tuple, str-methods
# str.split (whitespace and explicit separator, maxsplit), rsplit, join,
# splitlines, partition.


def main() -> None:
    s = "  the quick\tbrown\n fox  "
    print(s.split())
    print("a,b,,c".split(","), "a,b,,c".split(",", 1), ",a,".split(","))
    print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
    print("one two three four".split(" ", 2), "a::b::c".split("::"))
    print("a,b,c,d".rsplit(",", 1), "a b  c".rsplit(), "x-y-z".rsplit("-", 5))
    print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]), "+".join(["solo"]))
    parts = "2024-01-15".split("-")
    print(parts, int(parts[0]) + int(parts[1]) + int(parts[2]))
    print("line1\nline2\r\nline3\n".splitlines(), "".splitlines(), "a\n\nb".splitlines())
    print("key=value=x".partition("="), "novalue".partition("="), "a=".partition("="))
    words = "Sphinx of black quartz judge my vow".split()
    print(len(words), " ".join(words[::-1]))
    csv = "name,age\nann,30\nbo,25"
    for line in csv.splitlines():
        cells = line.split(",")
        print(cells[1] + "|" + cells[0])


main()
