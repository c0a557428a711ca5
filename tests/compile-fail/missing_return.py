# error: 4:1: f() is declared to return int but can reach its end without returning
# A function that returns on some paths only.

def f(n: int) -> int:
    if n > 0:
        return 1
    elif n < 0:
        return -1
