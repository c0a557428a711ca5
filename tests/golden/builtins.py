# Builtin functions and the conversions they imply.
x = -3.75
n = 12
s = "42"
print(abs(x), abs(n), round(x), round(x, 1), round(n, -1), int(s) + 1, float(s))
print(str(n) + "!", repr(s), ord("A"), chr(66), bool(n), bool(""), len(s))
print(min(3, 1, 2), max(x, 0.5), sum([1, 2, 3], 10), all([True, n > 1]))
print(list("ab"), set([1, 1]), sorted({3, 1, 2}), tuple((1, "a")))
