# golden: mir
# A variable owns its value: assigning it again releases the old one, and
# every exit of the function releases what the variables hold.


def longest(words: list[str]) -> str:
    best = ""
    for w in words:
        if len(w) > len(best):
            best = w
    return best


print(longest(["fig", "banana", "kiwi"]))
