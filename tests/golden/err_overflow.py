# golden: mir
# 64-bit arithmetic checks overflow and division by zero on error edges.


def mean(total: int, count: int) -> int:
    return (total * 2 + 1) // (count * 2)


print(mean(10, 3))
