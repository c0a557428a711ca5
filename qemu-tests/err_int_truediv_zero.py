# True division of ints by zero.


def ratio(a: int, b: int) -> float:
    return a / b


def table() -> None:
    for b in range(4, -4, -1):
        print(7, "/", b, "=", ratio(7, b))


table()
