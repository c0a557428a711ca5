# error: 4:6: mgen does not provide module 'math' yet
# errors: 1
# The names an import failed to bind give no follow-on errors.
from math import sqrt, pi


def area(r: float) -> float:
    return pi * r * r


print(sqrt(area(2.0)))
