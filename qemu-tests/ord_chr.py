# needs: ord-chr, list
# ord/chr round trips over ASCII, Latin-1, BMP and astral code points;
# a Caesar shift and a checksum built from code points.


def shift(s: str, k: int) -> str:
    out = ""
    for i in range(len(s)):
        c = s[i]
        if "a" <= c <= "z":
            out += chr((ord(c) - ord("a") + k) % 26 + ord("a"))
        else:
            out += c
    return out


def main() -> None:
    print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"))
    print(chr(72) + chr(105), chr(233), chr(8364), chr(128512), chr(0x4e2d))
    print(shift("hello, world", 3), shift(shift("round trip", 13), 13))
    codes: list[int] = []
    s = "Añ€😀"
    for i in range(len(s)):
        codes.append(ord(s[i]))
    print(codes)
    back = ""
    for c in codes:
        back += chr(c)
    print(back == s, back)
    h = 0
    for i in range(len(s)):
        h = (h * 31 + ord(s[i])) % 1000000007
    print(h)
    print(chr(97) + chr(122), ord(chr(1114111)))


main()
