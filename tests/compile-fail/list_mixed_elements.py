# error: 3:17: list elements have different types: int and str
def main() -> None:
    xs = [1, 2, "three"]
    print(xs)


main()
