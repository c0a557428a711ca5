# Negative index beyond the start of a string.


def from_end(s: str, k: int) -> str:
    return s[-k]


def main() -> None:
    s = "abc"
    k = 1
    while True:
        print(k, from_end(s, k))
        k += 1


main()
