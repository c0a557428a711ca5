# error: 4:17: list elements have different types: int and str
# errors: 1
def main() -> None:
    xs = [1, 2, "three"]
    print(xs)


main()
