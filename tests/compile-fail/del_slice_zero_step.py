# error: 3:8: slice step cannot be zero
xs = [1, 2]
del xs[::0]
print(xs)
