# golden: mir
# Reading a variable is a borrow; storing it elsewhere takes a reference.


def pair(xs: list[int]) -> tuple[list[int], list[int]]:
    ys = xs
    ys.append(4)
    return (xs, ys)


a, b = pair([1, 2, 3])
print(a, b)
