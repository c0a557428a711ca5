# Every augmented assignment operator on ints and floats.


def main() -> None:
    a = 100
    a += 7
    print("+=", a)
    a -= 200
    print("-=", a)
    a *= -3
    print("*=", a)
    a //= 7
    print("//=", a)
    a %= 11
    print("%=", a)
    a **= 3
    print("**=", a)
    a &= 0x3F
    print("&=", a)
    a |= 0x100
    print("|=", a)
    a ^= 0xFFF
    print("^=", a)
    a <<= 4
    print("<<=", a)
    a >>= 2
    print(">>=", a)
    b = -17
    b //= 5
    print("-17 //= 5 ->", b)
    b = -17
    b %= 5
    print("-17 %= 5 ->", b)
    f = 10.0
    f += 0.5
    print("f +=", f)
    f -= 20
    print("f -= 20:", f)
    f *= 1.5
    print("f *=", f)
    f /= 4
    print("f /= 4:", f)
    f //= 1.5
    print("f //=", f)
    f %= 2.5
    print("f %=", f)
    f **= 2
    print("f **=", f)
    g = 1.0
    for i in range(1, 11):
        g /= i
    print("1/10! =", g)
    g = 0.0
    for i in range(10):
        g += 0.1
    print("sum of ten 0.1 =", g)
    s = "ab"
    s += "cd"
    s *= 3
    print("s =", s)
    n = 1
    for i in range(1, 21):
        n *= i
    print("20! =", n)


main()
