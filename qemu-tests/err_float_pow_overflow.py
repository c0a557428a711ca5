# Compound growth: a float power past the double range raises
# OverflowError (errno 34) in CPython instead of returning inf.


def grow(principal: float, rate: float, years: float) -> float:
    return principal * (1.0 + rate) ** years


def table(principal: float, rate: float) -> None:
    for years in [1.0, 10.0, 100.0, 1000.0]:
        print(f"{years:7.0f} years: {grow(principal, rate, years):.6g}")


def main() -> None:
    table(1000.0, 0.05)
    print(2.0 ** -1075.0, 10.0 ** -400.0)
    print(0.5 ** 1e308)
    huge = 1e308 * 10.0
    print(huge, huge - huge == huge - huge)
    print("doubling forever:", 2.0 ** 1e308)


main()
