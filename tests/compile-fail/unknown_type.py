# error: 2:18: unknown type 'foo'
def f(a: int) -> foo:
    return a
