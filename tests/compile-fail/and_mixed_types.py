# error: 4:11: operands of 'and' must have the same type
def main() -> None:
    n = 5
    print(n > 3 and n)


main()
