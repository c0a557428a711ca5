# Caesar cipher and ROT13 using index lookups into an alphabet string.

LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def find(alpha: str, c: str) -> int:
    for i in range(len(alpha)):
        if alpha[i] == c:
            return i
    return -1


def shift_char(c: str, k: int) -> str:
    i = find(LOWER, c)
    if i >= 0:
        return LOWER[(i + k) % 26]
    i = find(UPPER, c)
    if i >= 0:
        return UPPER[(i + k) % 26]
    return c


def caesar(text: str, k: int) -> str:
    out = ""
    for i in range(len(text)):
        out += shift_char(text[i], k)
    return out


def main() -> None:
    msg = "The Quick Brown Fox Jumps Over The Lazy Dog!"
    for k in range(-3, 30, 4):
        enc = caesar(msg, k)
        dec = caesar(enc, -k)
        print(k, enc, dec == msg)
    r = caesar("Hello, World", 13)
    print(r, caesar(r, 13))
    print(caesar("xyz XYZ abc", 3), caesar("abc", -1), caesar("", 5))
    print(find(LOWER, "a"), find(LOWER, "z"), find(LOWER, "A"), find(UPPER, "Q"))


main()
