# Sets of ints iterate in CPython's hash-table order, which depends on how
# the set was built: a display of constants is a frozenset constant that
# the compiler folds, merges with equal constants seen earlier in the
# module, and rebuilds. A lottery draws from pools built every way.

WEEKLY = {14, 9, 7, 17, 24 + 0}
BONUS = {9, 1, 17}


def draw(pool: set[int], n: int) -> list[int]:
    picked: list[int] = []
    for ball in pool:
        if len(picked) == n:
            break
        picked.append(ball)
    return picked


def lucky(x: int) -> bool:
    return x in {21, 5, 13, 2 ** 4, -3}


def main() -> None:
    print("weekly:", WEEKLY)
    print("bonus:", BONUS)
    # Equal to BONUS as a set: the same constant, so the same order.
    print("again:", {1, 17, 9})
    print("draw:", draw({33, 1, 17, 9, 25}, 3))
    print("two:", {40, 8})
    print("folded:", {-7, 0, 4, 7, 13}, [x for x in {0, -7, 4, 7, 13}])
    for x in {13, 21, 5}:
        print("loop", x, lucky(x))
    base = 6
    print("mixed:", {base, 14, 22, base * 5})
    print("built:", set([30, 2, 14, 6]), {n * 8 for n in range(6)})
    pools = [{100, 36, 4}, {4, 36, 100}, {36, 100, 4, 0}]
    for p in pools:
        print("pool", p, sorted(p), len(p))
    tickets = {(1, 2), (3, 4), (5, 6), (7, 8)}
    print("tickets:", tickets)
    odds = {0.5, 1.5, 2.25, 3.0}
    print("odds:", odds)
    neg = {-1, -2, -3, -1000000}
    print("negative:", neg)
    merged = WEEKLY | BONUS
    print("merged:", merged, merged - {9})
    common = WEEKLY & {7, 9, 11, 24}
    print("common:", common)
    big = {2 ** 40, 2 ** 41 + 1, 3, 2 ** 61 - 1, 2 ** 62}
    print("big:", big)
    spread = {i * 1009 % 97 for i in range(30)}
    print("spread:", spread)
    drained = {5, 3, 11, 19}
    while drained:
        print("pop", drained.pop())


main()
