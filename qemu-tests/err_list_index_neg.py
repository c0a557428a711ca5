# needs: list
# A negative index beyond the start of a list.


def back(xs: list[str], k: int) -> str:
    return xs[-k]


def main() -> None:
    xs = ["a", "b"]
    for k in range(1, 4):
        print(k, back(xs, k))


main()
