# error: 5:5: name 'foo' is not defined
def main() -> None:
    n = 3
    print(n)
    foo(n)


main()
