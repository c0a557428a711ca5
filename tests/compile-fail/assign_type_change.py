# error: 5:9: variable 'x' has type int; cannot assign str
def main() -> None:
    x = 1
    print(x)
    x = "one"


main()
