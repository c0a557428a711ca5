# golden: mir
# A comprehension builds its list in a loop of its own; the iterated
# container and each element are released as it goes.


def lengths(words: list[str]) -> list[int]:
    return [len(w.strip()) for w in words if w]


print(lengths([" a ", "", "bcd"]))
