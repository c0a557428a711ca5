# error: 2:8: unhashable type: 'list' cannot be a set element
s: set[list[int]] = set()
print(s)
