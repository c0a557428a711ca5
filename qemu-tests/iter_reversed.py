# needs: list, reversed
# reversed() over lists, tuples and ranges; list(reversed(...)).


def main() -> None:
    xs = [1, 2, 3, 4]
    out: list[int] = []
    for x in reversed(xs):
        out.append(x * 10)
    print(out, xs)
    print(list(reversed(xs)), list(reversed((1.5, 2.5))))
    for i in reversed(range(3)):
        print(i)
    print(list(reversed(range(0, 20, 3))), list(reversed(range(5, 0, -2))))
    empty: list[str] = []
    print(list(reversed(empty)))


main()
