# Float floor division by zero.


def steps(length: float, step: float) -> float:
    return length // step


def main() -> None:
    step = 2.0
    for i in range(5):
        print("step", step, "count", steps(10.0, step))
        step = step - 0.5


main()
