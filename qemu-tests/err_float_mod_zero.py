# Float modulo by zero (mixed int % float).


def wrap(angle: int, period: float) -> float:
    return angle % period


def main() -> None:
    p = 360.0
    while p >= 0.0:
        print("wrap 725 by", p, "=", wrap(725, p))
        p = p - 120.0


main()
