# golden: mir
# any() over a generator expression stops at the first true element and
# releases what the iteration holds.


def has_long(words: list[str]) -> bool:
    return any(len(w) > 4 for w in words)


print(has_long(["ok", "longer", "x"]))
