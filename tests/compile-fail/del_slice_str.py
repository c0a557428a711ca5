# error: 3:5: doesn't support item deletion
s = "abc"
del s[1:2]
print(s)
