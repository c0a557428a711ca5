# needs: dict
# dict.pop without a default on a missing key.


def take(d: dict[str, float], k: str) -> float:
    return d.pop(k)


def main() -> None:
    d = {"x": 1.5, "y": 2.5}
    print(take(d, "x"), d)
    print(d.pop("missing", 0.0))
    print(take(d, "missing"))


main()
