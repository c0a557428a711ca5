# int() of an infinite float.


def grow(x: float) -> int:
    return int(x * x)


def main() -> None:
    x = 10.0
    while True:
        print(x, grow(x))
        x = x * 1e50


main()
