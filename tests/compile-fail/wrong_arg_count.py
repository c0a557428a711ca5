# error: 6:11: f() takes 2 arguments but 3 were given
def f(a: int, b: int) -> int:
    return a + b


print(1 + f(1, 2, 3))
