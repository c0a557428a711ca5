# needs: set
# pop from an empty set.


def take_all(s: set[int]) -> int:
    t = 0
    while True:
        t += s.pop()
        print("left", len(s))
    return t


def main() -> None:
    take_all({1, 2, 3})


main()
