# error: 3:15: expected an iterable of int, found one of str
a = {1, 2}
print(a.union("xy"))
