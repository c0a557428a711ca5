# error: 4:19: parameter 'x' of scale() needs a type annotation
# errors: 1
# A def whose signature fails is still defined: its calls give no "not defined".
def scale(a: int, x) -> int:
    return a * 2


print(scale(1, 2))
print(scale(3, 4) + 1)
