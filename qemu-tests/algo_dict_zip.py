# Building lookup tables from parallel lists: dict(zip(...)),
# dict(enumerate(...)) and dict of a generator expression, plus the most
# negative 64-bit literal.

NAMES = ["ada", "grace", "linus", "guido", "bjarne"]
SCORES = [91, 88, 73, 95, 60]
MIN_I64 = -9223372036854775808


def ranked(table: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))


def main() -> None:
    table = dict(zip(NAMES, SCORES))
    print(table)
    print(ranked(table))
    by_pos = dict(enumerate(NAMES))
    print(by_pos)
    lengths = dict((n, len(n)) for n in NAMES)
    print(lengths)
    copy = dict(table.items())
    copy["ada"] += 1
    print(copy["ada"], table["ada"])
    inverse = dict(zip(SCORES, NAMES))
    print(inverse[95], sorted(inverse))
    pairs = {(1, "one"), (2, "two")}
    print(sorted(dict(pairs).items()))
    print(MIN_I64, MIN_I64 + 1, -(MIN_I64 + 1), MIN_I64 // 2)
    smallest = min([0, MIN_I64, 5])
    print(smallest == MIN_I64, abs(MIN_I64 + 1))


main()
