# Numbers: int/float/bool arithmetic and the explicit conversions.
def mean(a: int, b: float) -> float:
    return (a + b) / 2


n = 7
x = 2.5
flag = True
print(n // 2, n % 3, -n, ~n, n ** 2, n / 2)
print(n + x, n * flag, flag + flag, flag & False)
print(mean(n, x), abs(-x), int(x), float(n), n << 2, n >> 1)
