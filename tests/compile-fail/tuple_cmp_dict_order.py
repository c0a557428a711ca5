# error: 3:7: cannot compare tuple[int, dict[str, int]] and tuple[int, dict[str, int], int]
d = {"a": 1}
print((1, d) < (1, d, 2))
