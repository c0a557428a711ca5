# error: 4:11: unsupported operand types for -: 'int' and 'str'
def main() -> None:
    x = 3
    print(x - "1" + 2)


main()
