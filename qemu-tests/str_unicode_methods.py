# needs: str-methods
# str methods on non-ASCII text: case mapping (incl. special cases like ß and
# final sigma), predicates from the Unicode database, padding/search by code point.


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
    print("straße ÉCOLE ñandú".upper(), "ÀÉÎ".lower(), "ΟΔΥΣΣΕΥΣ".lower())
    print("ǆemal".title(), "ǆ".upper(), "élan vital".capitalize(), "ÄbC".swapcase())
    for t in ["ÀÉ", "ñ", "١٢٣", "²", "日本", "\u00a0", "\u2003x", "Ⅻ", "ß"]:
        print(len(t), flags(t))
    print("ñ".center(5, "·"), "日本".rjust(6, "-"), "€".zfill(3))
    print("ñandú".find("dú"), "日本語テキスト".find("テ"), "日本語".index("語"), "aéaé".count("é"))
    print("  ñ  ".strip(), "\u3000wide\u3000".strip(), "a\u2028b".splitlines())
    print("Grüße aus Köln".split(), "-".join(["α", "β", "γ"]))


main()
