# needs: dict, dictcomp
# Float division by zero inside a dict comprehension.


def inverses(xs: list[float]) -> dict[float, float]:
    return {x: 1.0 / x for x in xs}


def main() -> None:
    print(inverses([1.0, 2.0, 4.0]))
    print(inverses([0.5, 0.0]))


main()
