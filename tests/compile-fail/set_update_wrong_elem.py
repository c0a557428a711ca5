# error: 3:16: expected int, found str
a = {1, 2}
a.update([3], ["x"])
print(a)
