# needs: fstring
# f-string format specs for floats: .Nf, e, g, %, width/alignment/sign,
# thousands separators, special values.


def main() -> None:
    for x in [0.0, 3.14159265, -2.5, 1234567.891, 1e-7, 6.02214076e23, 0.5, 1.5, 2.675]:
        print(f"{x} {x:.2f} {x:.0f} {x:10.3f}| {x:<10.1f}| {x:e} {x:.3e} {x:g} {x:.3g}")
    for x in [0.0, -0.0, 1.0, 0.1, 100.0, 1e16, 123456789.125]:
        print(f"[{x:+.2f}] [{x:,.2f}] [{x:010.2f}] [{x:^12.4g}] [{x:.1%}] [{x:%}]")
    p = 0.4567
    print(f"{p:.1%} {p:.0%} {p:8.2%}|")
    inf = float("inf")
    nan = float("nan")
    print(f"{inf} {-inf:.2f} {nan:8.3f}| {inf:e} {nan:g} {inf:%}")
    print(f"{2.0 ** 0.5:.15f} {1 / 3:.20f}")
    print(f"{1e100:.3g} {1e-100:.2e} {123.456:.1e} {0.000123456:.2g}")


main()
