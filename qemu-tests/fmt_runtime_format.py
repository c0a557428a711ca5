# needs: format
# str.format on format strings built at run time: every field form, nested
# fields in specs, conversions, all argument types, braces, unicode text.


def table(rows: list[tuple[str, int, float]], width: int) -> None:
    head = "{:<" + str(width) + "}|{:>5}|{:>9}"
    print(head.format("name", "qty", "price"))
    line = "{0:<{w}}|{1:>5d}|{2:>9.2f}".replace("{w}", "{3}")
    for name, qty, price in rows:
        print(line.format(name, qty, price, width))


def main() -> None:
    fmts = ["{}", "{!r}", "{!s}", "{!a}", "{:>12}", "{:^12}", "{0}{0}"]
    values = ["héllo", "x'y", ""]
    for f in fmts:
        for v in values:
            print(repr(f.format(v)))
    nums = ["{:d}", "{:+08.2f}", "{:,}", "{:_x}", "{:#b}", "{:e}", "{:.3%}", "{:g}", "{:=+9}", "{:c}"]
    for f in nums:
        print(f, f.format(65), f.replace("d", "").replace("c", "").replace("_x", "").replace("#b", "").format(2.5))
    print("{} {} {}".format(True, False, 1.0), "{:d}|{:>5}|{:5}".format(True, False, True))
    print("{} {!r} {}".format([1, 2], ["a"], {"k": (1, "v")}), "{}".format({3}), "{}".format((1,)))
    print("{0:{1}>{2}}|{0:{fill}>{3}}".replace("{fill}", "{4}").format(7, "*", 6, 4, "-"))
    print("{:{}.{}f}".format(3.14159, 10, 3), "{:{}}".format("ab", 5), "[{:{}}]".format(42, ""))
    print("{{literal}} {{{}}} }}{{".format("in"), "no fields".format(1, 2))
    print("{1}{0}{1}".format("a", "b"), "{00}{01}".format("p", "q"), "{2:}".format(0, 1, 2))
    print("αβγ {} δ {:>3}".format("ε", "ζ"), "{:é^7}".format("mid"), "{!a}".format("naïve \U0001f600"))
    table([("apple", 3, 0.5), ("kiwi", 12, 10.25)], 8)
    seps = [", ", " | ", ""]
    for s in seps:
        print(("{}" + s + "{}").format(1, 2))


main()
