# Powers of ten and of two around the repr switch points (1e16 and 1e-4).


def main() -> None:
    p = 1.0
    for i in range(25):
        print(p, -p, p * 1.5, p + 0.5)
        p = p * 10.0
    q = 1.0
    for i in range(25):
        print(q, q * 3, q / 3)
        q = q / 10.0
    t = 1.0
    for i in range(70):
        print("2**", i, t, 1.0 / t)
        t = t * 2.0
    for k in range(-8, 25, 3):
        print(10.0 ** k, 2.0 ** k, 10.0 ** k * 1.25)
    print(1e15 + 0.3, 1e16 + 1.0, 1e16 + 2.0, 1e17 - 1, 0.0001 - 1e-20, 0.0001 * 0.1)
    print(99999.99999, 0.000099999, 0.00009999999999999999, 1e-4 * 1.0000001)


main()
