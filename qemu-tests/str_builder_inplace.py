# Building reports one piece at a time: `s += piece` in a loop stays linear
# (the string grows in place while only one variable refers to it), and
# aliases keep their old value.


def csv_row(cells: list[str]) -> str:
    row = ""
    for i, c in enumerate(cells):
        if i > 0:
            row += ","
        row += c
    return row


def report(n: int) -> str:
    out = ""
    for i in range(n):
        out += f"{i:04d}:" + "#" * (i % 7) + "\n"
    return out


def main() -> None:
    print(csv_row(["id", "name", "qty"]))
    print(csv_row([str(x * x) for x in range(8)]))
    r = report(2000)
    print(len(r), r[:30].replace("\n", "|"), r[-12:].replace("\n", "|"))
    log = "start"
    snapshot = log
    log += "; step 1"
    log += "; step 2"
    print(log, "/", snapshot)
    echo = "ab"
    echo += echo
    echo += echo
    print(echo)
    wide = "é"
    for _ in range(5):
        wide += "ü"
    print(wide, len(wide))
    big = ""
    for i in range(200000):
        big += "x" if i % 3 else "y"
    print(len(big), big.count("y"), big[:9])
    seen = ""
    for ch in "abc":
        seen += ch
        alias = seen
        seen += "-"
        print(alias, seen)


main()
