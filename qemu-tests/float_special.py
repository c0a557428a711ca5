# inf, -inf and nan: printing, arithmetic, comparisons.


def main() -> None:
    inf = float("inf")
    ninf = float("-inf")
    nan = float("nan")
    print(inf, ninf, nan, -inf, -nan)
    print(inf + 1, inf - inf, inf * 0, inf * -2, 1 / inf, -1 / inf, inf / inf)
    print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, nan <= nan, inf == inf)
    print(inf > 1e308, ninf < -1e308, inf > ninf, 1e308 * 10, -1e308 * 10)
    print(nan + 1, nan * 0, abs(ninf), abs(nan), -(-inf))
    print(float("Infinity"), float("-INF"), float("NaN"), float("  inf  "), float("+inf"))
    print(bool(nan), bool(inf), str(inf), str(nan), str(ninf))
    print(max(1.0, inf), min(1.0, ninf), max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0))
    print(inf ** 0, 1.0 ** nan, nan ** 0, 2.0 ** inf, 0.5 ** inf, inf ** -1)
    print(5e-324 / 2, 5e-324 * 0.5, 2.2250738585072014e-308 / 2, 1.7976931348623157e308 + 1e292)
    big = 1.0
    n = 0
    while big != inf:
        big = big * 2.0
        n = n + 1
    print("doublings to overflow:", n)
    tiny = 1.0
    n = 0
    while tiny != 0.0:
        tiny = tiny / 2.0
        n = n + 1
    print("halvings to underflow:", n)
    z = -0.0
    print(z, z + 0.0, z - 0.0, z * -1, 0.0 * -1, -0.0 == 0.0, abs(z), -z)


main()
