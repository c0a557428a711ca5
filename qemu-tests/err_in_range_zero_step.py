# needs: in, errors
# `in range(...)` with a step that is zero at run time.


def member(x: int, step: int) -> bool:
    return x in range(0, 10, step)


def main() -> None:
    print(member(4, 2), member(4, -1))
    print(member(4, 0))


main()
