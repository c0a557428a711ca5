# error: 4:20: name 'x' is not defined
def f(a: int) -> int:
    y = a + 1
    return y * 2 + x
