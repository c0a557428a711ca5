# error: 6:13: list elements have different types: int and str
# errors: 2
# error: 12:5: variable 'n' has type int; cannot assign str
# Each mistake once: `xs` (whose assignment failed) is not reported again,
# the unrelated mistake below it is.
xs = [1, 2, "three"]
print(xs)
for x in xs:
    print(x + 1)
print(len(xs))
n = 1
n = "one"
