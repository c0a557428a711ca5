# error: 4:20: expected float, found int
# errors: 1
def main() -> None:
    ratio: float = 1
    print(ratio)


main()
