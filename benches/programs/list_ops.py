# List operations: append, comprehensions, sort, slicing, pop, reverse, index, sum.

REPEATS = 150  # bench-size: count 30, gate 3


def run(n: int, seed: int) -> int:
    xs: list[int] = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        xs.append(x % 10000)
    evens = [v for v in xs if v % 2 == 0]
    squares = [v * v for v in evens]
    squares.sort()
    total = sum(squares[::7])
    total += sum(xs[n // 4 : n // 2])
    while len(xs) > n // 2:
        total += xs.pop()
    xs.reverse()
    total += xs.index(xs[len(xs) // 3])
    total += xs.count(42)
    ys = xs + evens
    total += len(ys) + max(ys) - min(ys)
    return total


if __name__ == "__main__":
    checksum = 0
    for r in range(REPEATS):
        checksum = (checksum + run(50000, r + 1)) % 1000000007
    print(checksum)
