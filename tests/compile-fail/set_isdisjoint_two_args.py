# error: 3:7: set.isdisjoint() takes exactly one argument (2 given)
a = {1, 2}
print(a.isdisjoint([3], [4]))
