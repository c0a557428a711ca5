# error: 3:5: the builtin 'len' cannot be used as a value yet
words = ["a", "bb"]
f = len
print(f(words))
