# error: 3:18: str.format() keyword arguments are not supported yet
fmt = "{a}"
print(fmt.format(a=1))
