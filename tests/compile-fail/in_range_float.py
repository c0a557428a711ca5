# error: 2:7: `in range(...)` is only supported for an int
print(2.0 in range(3))
