# needs: dict, del
# del of a missing int key.


def forget(d: dict[int, str], k: int) -> None:
    del d[k]


def main() -> None:
    d = {1: "one", 42: "answer"}
    forget(d, 42)
    print(d)
    forget(d, 42)
    print("unreachable")


main()
