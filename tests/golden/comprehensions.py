# Comprehensions, generator expressions and key functions.
words = ["pear", "fig", "banana", "kiwi"]
lengths = [len(w) for w in words if w != "fig"]
by_len = {w: len(w) for w in words}
firsts = {w[0] for w in words}
pairs = [(x, y) for x in range(3) for y in range(x)]
print(lengths, by_len, sorted(firsts), pairs)
print(sum(len(w) for w in words), any(w.startswith("b") for w in words))
print(sorted(words, key=lambda w: (len(w), w)), max(words, key=len), min(lengths))
