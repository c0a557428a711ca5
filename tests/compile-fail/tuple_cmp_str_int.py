# error: 2:7: cannot compare tuple[int, str] and tuple[int, int]
print((1, "a") < (1, 2))
