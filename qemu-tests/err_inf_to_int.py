# int() of an infinite float (x * x overflows to inf).


def grow(x: float) -> int:
    return int(x * x)


def main() -> None:
    x = 1.0
    for i in range(4):
        print(x, grow(x))
        x = x * 1000.0
    x = 1e200
    print(x, x * x)
    print(grow(x))


main()
