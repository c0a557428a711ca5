# error: 3:11: expected an iterable of int, found one of str
xs = [1, 2]
xs[0:1] = "ab"
print(xs)
