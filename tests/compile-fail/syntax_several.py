# error: 5:21: SyntaxError: expected ':'
# error: 9:12: SyntaxError: invalid syntax. Perhaps you forgot a comma?
# errors: 2
# Two independent mistakes: both are reported.
def f(x: int) -> int
    return x


print(f(1) f(2))
