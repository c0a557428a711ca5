# needs: tuple, slice
# Slicing strings (with non-ASCII text) and tuples with every step sign.


def is_pal(s: str) -> bool:
    return s == s[::-1]


def main() -> None:
    s = "Hello, wörld!"
    print(s[0:5], s[7:], s[-6:], s[:-1], s[::2], s[1::3])
    print(s[::-1], s[::-3], s[10:2:-2], s[-1:-5:-1], s[5:1])
    print(s[100:], s[-100:3], s[3:3] == "", len(s[::4]))
    for w in ["racecar", "abba", "abc", "", "ñoñ"]:
        print("[" + w + "]", is_pal(w))
    t = (0, 1, 2, 3, 4, 5, 6)
    print(t[1:4], t[::-1], t[::3], t[-2:], t[5:1:-2], t[4:4], t[:1])
    u = ("x", "y", "z")
    print(u[1:], u[::-1], u[:100])
    digits = "0123456789"
    for step in [1, 2, 3, -1, -2, -4]:
        print(step, digits[::step], digits[2:8:step], digits[8:2:step])


main()
