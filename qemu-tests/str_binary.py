# Building binary, octal, hex and roman-numeral strings by concatenation.

HEX = "0123456789abcdef"


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    neg = n < 0
    if neg:
        n = -n
    s = ""
    while n > 0:
        s = HEX[n % base] + s
        n //= base
    return "-" + s if neg else s


def from_base(s: str, base: int) -> int:
    n = 0
    for i in range(len(s)):
        d = 0
        while HEX[d] != s[i]:
            d += 1
        n = n * base + d
    return n


def roman(n: int) -> str:
    out = ""
    vals = "1000 900 500 400 100 90 50 40 10 9 5 4 1 "
    syms = "M CM D CD C XC L XL X IX V IV I "
    vi = 0
    si = 0
    while vi < len(vals):
        v = 0
        while vals[vi] != " ":
            v = v * 10 + int(vals[vi])
            vi += 1
        vi += 1
        sym = ""
        while syms[si] != " ":
            sym += syms[si]
            si += 1
        si += 1
        while n >= v:
            out += sym
            n -= v
    return out


def main() -> None:
    for n in range(0, 33):
        print(n, to_base(n, 2), to_base(n, 8), to_base(n, 16), to_base(-n, 3))
    big = 9223372036854775807
    print(to_base(big, 2))
    print(to_base(big, 16), to_base(-big, 16), to_base(big, 7))
    print(from_base("ff", 16), from_base("777", 8), from_base("101010", 2), from_base(to_base(big, 5), 5) == big)
    for n in range(1, 40, 3):
        print(n, roman(n))
    print(roman(1994), roman(2024), roman(3888), roman(444))


main()
