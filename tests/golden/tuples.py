# tuples: fields, unpacking, the swap, constant slices, comparisons.
def divmod_(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


q, r = divmod_(17, 5)
pair = ("x", 1.5)
a, b = 1, 2
a, b = b, a + b
t = (1, 2, 3, 4)
print(q, r, pair[0], pair[1], a, b, t[1:3], t[::-1], t < (1, 3), len(t))
