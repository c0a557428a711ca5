# reversed(range(...)) for positive and negative steps, empty ranges and the int64 edges.

def main() -> None:
    for i in reversed(range(5)):
        print(i, end=" ")
    print()
    print([x for x in reversed(range(2, 20, 3))], [x for x in reversed(range(10, -7, -4))])
    print(list(reversed(range(0))), list(reversed(range(5, 1))), sum(reversed(range(1000))))
    n = 9223372036854775807
    print(list(reversed(range(n - 3, n))), list(reversed(range(-n - 1, -n + 2))))
    print(list(reversed(range(n - 10, n, 4))))


main()
