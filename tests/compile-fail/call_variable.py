# error: 4:11: 'int' object is not callable
def main() -> None:
    n = 3
    print(n(1))


main()
