# error: 7:1: 'f' is a function of this module; mgen cannot bind it to another value
def f() -> int:
    return 1


print(f())
f = 3
