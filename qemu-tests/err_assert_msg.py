# A failing assert with a message.


def safe_sqrt(x: float) -> float:
    assert x >= 0.0, "negative input to safe_sqrt"
    g = x if x > 1.0 else 1.0
    for i in range(50):
        g = (g + x / g) / 2
    return g


def main() -> None:
    v = 16.0
    for i in range(6):
        print(v, safe_sqrt(v))
        v = v - 5.5


main()
