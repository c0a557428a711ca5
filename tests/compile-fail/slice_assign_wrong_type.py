# error: 3:12: expected int, found str
xs = [1, 2]
xs[0:1] = ["a"]
print(xs)
