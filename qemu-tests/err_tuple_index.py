# needs: tuple
# Indexing a homogeneous tuple past its end.


def get(t: tuple[int, int, int], i: int) -> int:
    return t[i]


def main() -> None:
    t = (10, 20, 30)
    for i in range(-3, 4):
        print(i, get(t, i))


main()
