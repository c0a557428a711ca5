# needs: in
# `x in range(...)` without building the range: steps of both signs, bounds,
# bools, extreme ints, side effects evaluated once and in order.


def noisy(tag: str, v: int) -> int:
    print("eval", tag, v)
    return v


def main() -> None:
    big = 9223372036854775807
    for x in [-7, -6, -1, 0, 1, 5, 6, 9, 10, 11]:
        print(x, x in range(10), x in range(-6, 10, 3), x in range(10, -7, -4), x not in range(9, 0, -1))
    print(True in range(2), False in range(1, 3), 0 in range(0), 3 in range(3, 3))
    print(big in range(big), big - 1 in range(-big - 1, big, 2), -big - 1 in range(-big - 1, big, big))
    print(0 in range(-big - 1, big, big), big - 1 in range(big, -big - 1, -1))
    print(noisy("x", 4) in range(noisy("a", 0), noisy("b", 8), noisy("c", 2)))
    hits = [n for n in range(30) if n in range(3, 30, 7) or n not in range(2, 28)]
    print(hits)


main()
