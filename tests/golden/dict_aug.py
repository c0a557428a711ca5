# golden: mir
# d[k] op= v: the item is read, combined and replaced in its slot.


def tally(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


print(tally(["a", "b", "a"]))
