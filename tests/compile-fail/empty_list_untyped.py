# error: 4:10: cannot infer the element type of an empty list
# errors: 1
def main() -> None:
    xs = []
    print(xs)


main()
