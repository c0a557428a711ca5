# error: 5:5: f() returns a value but has no return type annotation
def f(a: int):
    if a > 0:
        print("positive")
    return a + 1
