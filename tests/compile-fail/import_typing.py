# error: 3:6: the typing module is not supported yet
# typing comes with issue 13; the builtin generic types work today.
from typing import List


def total(xs: list[int]) -> int:
    return sum(xs)


print(total([1, 2]))
