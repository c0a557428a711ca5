# What `for` iterates: ranges, reversed, enumerate, zip, str, dict, tuple.
total = 0
for i in range(10, 0, -3):
    total += i
for j in reversed(range(4)):
    total -= j
names = ["a", "b", "c"]
for k, name in enumerate(names, 1):
    print(k, name)
for name, n in zip(names, [1, 2, 3]):
    print(name * n)
for ch in "hi":
    print(ch)
for x in (1, 2):
    total += x
for w in reversed(names):
    print(w)
print(total, list(range(3)), 5 in range(0, 10, 5))
