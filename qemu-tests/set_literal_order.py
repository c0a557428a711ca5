# needs: set
# CPython quirk: a set display whose elements are all constants (3 or more) is
# compiled as a frozenset constant and copied into a fresh set, which gives a
# different table size (and so printing order) than adding the same elements
# one by one. mgen must reproduce both orders.


def one_by_one(xs: list[int]) -> set[int]:
    s: set[int] = set()
    for x in xs:
        s.add(x)
    return s


def main() -> None:
    lit = {4, 8, 15, 16, 23, 42}
    print(lit)
    print(one_by_one([4, 8, 15, 16, 23, 42]))
    print(set([4, 8, 15, 16, 23, 42]))
    print(lit == one_by_one([4, 8, 15, 16, 23, 42]))
    print({-1, -5, 3, 0}, set([-1, -5, 3, 0]))
    print({100, 200, 300, 7, 9}, {33, 1}, {64, 32, 16, 8, 4, 2, 1})
    x = 42
    print({4, 8, 15, 16, 23, x}, {x, 100, 31})
    lit.add(99)
    print(lit)


main()
