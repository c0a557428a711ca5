# A banner whose repeat count comes from an unchecked calculation:
# repeating a string past Py_ssize_t is an OverflowError, not a
# MemoryError.


def banner(word: str, times: int) -> str:
    return word * times


def main() -> None:
    print(banner("=-", 10))
    print(len(banner("ab", 0)), len(banner("ab", -5)))
    width = 2
    for step in range(4):
        width = width * 1000
        print("width", width, len(banner("", width)))
    count = 2 ** 62
    print(len(banner("ab", count)))


main()
