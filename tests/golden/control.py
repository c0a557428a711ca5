# Control flow: if/elif/else, while/else, for/else, break, continue, assert.
def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    else:
        return "positive"


i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
else:
    print("no break")
for k in range(3):
    if k == 5:
        break
else:
    print("done", k)
assert i > 0, "i must be positive"
print(classify(-3), classify(0), classify(i), "big" if i > 5 else "small")
