# error: 7:22: argument 2 of scale() has type str, expected float
def scale(x: float, k: float) -> float:
    return x * k


def main() -> None:
    print(scale(2.0, "3.0"))
