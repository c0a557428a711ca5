# Bitwise operators on non-negative and negative ints (two's complement, infinite sign extension).


def popcount(x: int) -> int:
    n = 0
    while x:
        n += x & 1
        x >>= 1
    return n


def to_bin(x: int) -> str:
    if x == 0:
        return "0"
    s = ""
    while x > 0:
        s = str(x & 1) + s
        x = x >> 1
    return s


def main() -> None:
    print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~0, ~-1)
    print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
    print(-12 & -10, -12 | -10, -12 ^ -10)
    print(-1 & 255, -256 & 255, -257 & 255, -1 ^ 255)
    print(0xFF & -0x10, 0x0F0F | -0x100, ~0x7FFFFFFFFFFFFFFF)
    print(9223372036854775807 & -9223372036854775807, (-9223372036854775807 - 1) | 1)
    print(-9223372036854775807 - 1 ^ -1)
    for x in range(-8, 9):
        print(x, ~x, x & 3, x | 3, x ^ 3, -x & x)
    for x in range(0, 70, 7):
        print(x, to_bin(x), popcount(x))
    print(popcount(9223372036854775807), to_bin(1 << 40))
    a = 0b1011
    a &= 0b0110
    print("a &= ->", a)
    a |= 0b1000
    print("a |= ->", a)
    a ^= 0b1111
    print("a ^= ->", a)
    # xor swap
    p = 1234
    q = -5678
    p ^= q
    q ^= p
    p ^= q
    print("swapped:", p, q)
    m = 0
    for i in range(0, 64, 5):
        m |= 1 << i
    print("mask:", m, to_bin(m))


main()
