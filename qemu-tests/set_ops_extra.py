# needs: set
# Set features beyond the core list: copy, augmented |= &= -= ^=, subset and
# superset comparison operators, isdisjoint/issuperset/update.


def main() -> None:
    a = {1, 2, 3, 4, 5}
    b = {4, 5, 6, 7}
    print(a <= a, {1} < a, a < a, b > {6}, a >= {1, 2}, a <= b)
    c = a.copy()
    c |= {100}
    c &= {1, 2, 100}
    print(c, a)
    d = {0}
    d -= {0}
    print(d, len(d))
    e = {3, 4}
    e ^= {4, 5}
    print(e)
    print(a.isdisjoint(b), a.isdisjoint({9}), a.issuperset({1, 5}))
    a.update([8, 9], {10})
    print(a)


main()
