# Evaluation order of subscript assignments (value first, then container,
# then index) and of augmented ones (container, index, then value), seen
# through side effects; list item assignment with negative indices.


def note(tag: str, v: int) -> int:
    print("eval", tag)
    return v


def pick(tag: str, xs: list[int]) -> list[int]:
    print("eval", tag)
    return xs


xs = [10, 20, 30, 40]
pick("list", xs)[note("index", 1)] = note("value", 99)
print(xs)
pick("list", xs)[note("index", -1)] += note("value", 5)
print(xs)
d: dict[str, int] = {}
d[str(note("key", 7))] = note("value", 1)
print(d)
names = ["a", "b", "c"]
for i in range(-3, 3):
    names[i] = names[i] + str(i)
print(names)
flags = [False] * 5
for i in range(0, 5, 2):
    flags[i] = True
print(flags)
grid = [[0.0] * 3 for _ in range(2)]
grid[1][-1] = 2.5
grid[0] = [1.0, 1.5]
print(grid)
