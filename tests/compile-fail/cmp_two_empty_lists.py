# error: 2:13: cannot infer the element type of an empty list
print([] == [])
