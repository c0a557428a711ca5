# error: 6:7: argument 1 of f() has type str, expected int
def f(a: int, b: int) -> int:
    return a * b


x = f("3", 4)
