# error: 3:9: 'int' object has no attribute 'format'
x = 5
print(x.format(1))
