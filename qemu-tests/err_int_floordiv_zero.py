# Integer floor division by zero inside a nested call.


def bucket(total: int, n: int) -> int:
    return total // n


def spread(total: int, parts: int) -> None:
    for p in range(parts, -1, -1):
        print("parts", p, "->", bucket(total, p))


print("start")
spread(100, 3)
print("unreachable")
