# int() of NaN.


def to_int(x: float) -> int:
    return int(x)


def main() -> None:
    inf = float("inf")
    print(to_int(2.5), to_int(-1e10))
    print(inf - 1e308 > 0)
    print(to_int(inf - inf))


main()
