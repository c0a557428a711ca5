# error: 3:20: expected float, found int
def main() -> None:
    ratio: float = 1
    print(ratio)


main()
