# needs: set
# Set algebra: | & - ^ and union/intersection/difference/symmetric_difference/
# issubset; results are sets of ints (deterministic printing order).


def main() -> None:
    a = {1, 2, 3, 4, 5}
    b = {4, 5, 6, 7}
    print(a | b, a & b, a - b, b - a, a ^ b)
    print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
    print(a.union([10, 11]), a.intersection([1, 1, 5]), a.difference([2, 3]))
    none: set[int] = set()
    print({1, 2}.issubset(a), {1, 9}.issubset(a), a.issubset(a), none.issubset(b))
    print(a - a, none | none, (a | b) - (a & b) == a ^ b)
    evens: set[int] = set()
    odds: set[int] = set()
    for i in range(20):
        if i % 2 == 0:
            evens.add(i)
        else:
            odds.add(i)
    print(evens & odds, len(evens | odds), (evens | odds) == set(range(20)))
    mult3 = set(range(0, 20, 3))
    print(evens & mult3, mult3 - evens)


main()
