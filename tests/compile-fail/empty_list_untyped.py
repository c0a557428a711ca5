# error: 3:10: cannot infer the element type of an empty list
def main() -> None:
    xs = []
    print(xs)


main()
