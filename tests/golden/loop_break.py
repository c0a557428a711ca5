# golden: mir
# Leaving a loop early (break, return) releases the iterated list.


def first_negative(xs: list[int]) -> int:
    for x in xs:
        if x < 0:
            return x
    return 0


def count_until(xs: list[str], stop: str) -> int:
    n = 0
    for x in xs:
        if x == stop:
            break
        n += 1
    return n


print(first_negative([3, -1, -4]), count_until(["a", "b", "end", "c"], "end"))
