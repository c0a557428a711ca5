# Item assignment out of range: CPython's message differs from a read's.
xs = [1, 2, 3]
xs[-3] = 0
print(xs)
xs[-4] = 5
