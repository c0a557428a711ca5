# needs: fstring, format, list, tuple, dict, unpack
# Containers inside f-strings and str.format: {xs}, {d!r}, {t}, width on the
# str() of a container, and a table with formatted numbers.


def main() -> None:
    xs = [1.0, 2.5, 3.0]
    d = {"k": "v", "n": "it's"}
    t = (1, "a")
    print(f"{xs} {d} {t} {d!r} {len(d)}")
    print(f"[{str(xs):>20}] [{str(t):<10}]")
    print("{} {} {}".format(xs, d, t))
    rows = [("alpha", 1.5, 10), ("beta", 22.25, 200), ("gamma", 333.125, 3000)]
    for name, price, qty in rows:
        print(f"{name:<8}|{price:>9.2f}|{qty:>6,}|{price * float(qty):>12,.1f}")
    print(f"{len(xs)} items, first={xs[0]:.1f}, last={xs[-1]:+.2e}")


main()
