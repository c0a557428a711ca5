# Left and right shifts, including negative values and large shift counts.


def main() -> None:
    for n in range(0, 63, 6):
        print("1 <<", n, "=", 1 << n)
    print(1 << 62, 3 << 61, -1 << 63, -(1 << 62))
    for n in range(0, 10):
        print(-100 >> n, 100 >> n, -1 >> n, -7 >> n)
    print(-17 >> 2, -16 >> 2, -15 >> 2, 17 >> 2)
    print(5 >> 63, 5 >> 64, 5 >> 100, -5 >> 64, -5 >> 100, 0 >> 200)
    print(9223372036854775807 >> 62, 9223372036854775807 >> 63, (-9223372036854775807 - 1) >> 63)
    print(0 << 5, -3 << 4, 255 << 8)
    x = 1
    x <<= 20
    print("x <<= 20 ->", x)
    x >>= 7
    print("x >>= 7 ->", x)
    y = -1000000
    y >>= 3
    print("y >>= 3 ->", y)
    total = 0
    for s in range(0, 40):
        total = total + ((123456789 << 3) >> s) - ((-987654321) >> s)
    print("checksum:", total)


main()
