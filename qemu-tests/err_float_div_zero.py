# Float division by zero (0.0 reached by repeated subtraction).


def inverse(x: float) -> float:
    return 1.0 / x


def walk() -> None:
    x = 1.0
    while True:
        print(x, inverse(x))
        x = x - 0.25


walk()
