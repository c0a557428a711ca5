# needs: dict, set, dictcomp, setcomp, unpack
# Dict and set comprehensions (set results are ints only).


def main() -> None:
    sq = {i: i * i for i in range(6)}
    print(sq)
    inv = {v: k for k, v in sq.items()}
    print(inv)
    words = ["apple", "bob", "kiwi", "banana", "fig"]
    lengths = {w: len(w) for w in words}
    print(lengths)
    long_ones = {w: n for w, n in lengths.items() if n > 3}
    print(long_ones)
    mods = {i % 5 for i in range(100)}
    print(mods)
    lens = {len(w) for w in words}
    print(lens, len(lens))
    pairs = {(i, j) for i in range(3) for j in range(3) if i < j}
    print(pairs, len(pairs), (0, 2) in pairs)
    first_letter = {w[0]: w for w in words}
    print(first_letter)
    nested = {i: [j for j in range(i)] for i in range(4)}
    print(nested)
    evens = {x for x in range(30) if x % 2 == 0 and x % 3 != 0}
    print(evens)


main()
