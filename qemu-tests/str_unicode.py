# Non-ASCII strings: len and indexing count code points, not bytes.


def main() -> None:
    s = "héllo"
    print(s, len(s), s[1], s[-4], s[4])
    t = "\u00e9t\u00e9"
    print(t, len(t), t[0] == "é", t == "été")
    cjk = "日本語テキスト"
    print(cjk, len(cjk), cjk[0], cjk[-1], cjk[2] + cjk[1] + cjk[0])
    mixed = "aé日😀z"
    print(mixed, len(mixed))
    for i in range(len(mixed)):
        print(i, mixed[i], mixed[-1 - i])
    print("ü" * 5, len("ü" * 5), "ß" + "ø" + "ñ")
    print("\u03bb", "\u2603", "\U0001F600", len("\U0001F600"))
    rev = ""
    for i in range(len(cjk)):
        rev = cjk[i] + rev
    print(rev)
    print("naïve café", len("naïve café"), "Ω" < "ω", "é" > "e")
    print(str(3.5) + "€", "€" * 3, len("€" * 3))


main()
