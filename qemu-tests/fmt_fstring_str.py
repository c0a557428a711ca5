# needs: fstring, repr
# f-string specs and conversions for strings and bools: width/alignment/fill,
# precision truncation, !r, !s, nested format specs.


def main() -> None:
    for s in ["", "a", "hello", "ñandú", "it's"]:
        print(f"[{s}] [{s:>7}] [{s:<7}] [{s:^7}] [{s:*^7}] [{s:.2}] [{s!r}] [{s!r:>10}]")
    name = "O'Brien \"the\" \\ great"
    print(f"{name!r} {name!s}")
    t = True
    print(f"{t} {t!r} {False}")
    w = 10
    p = 3
    pi = 3.14159
    print(f"[{pi:{w}.{p}f}] [{'abc':>{w}}] [{12:0{p}d}]")
    print(f"{'nested ' + f'{1 + 1}'}")
    tab = "\t"
    nl = "\n"
    print(f"a{tab}b {tab!r} {nl!r} {'q' + tab!r}")


main()
