# error: 6:9: f() is declared to return int, but this returns str
def f(a: int) -> int:
    if a > 0:
        return a
    else:
        return "negative"
