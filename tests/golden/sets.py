# sets: displays (CPython's frozenset constants), methods and operators.
a = {1, 2, 3}
b = {3, 4}
a.add(5)
a.discard(1)
print(a | b, a & b, a - b, a ^ b, a.issubset({2, 3, 5, 7}))
print(a.union([9]), a.intersection(b, {3}), 3 in {1, 2, 3})
a |= b
print(sorted(a), len(a), {x % 3 for x in a})
