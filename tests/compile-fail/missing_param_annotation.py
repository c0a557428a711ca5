# error: 2:15: parameter 'x' of f() needs a type annotation
def f(a: int, x) -> int:
    return a
