# golden: mir
# Arguments are evaluated left to right and given to the callee; results
# used once are released after that use.


def wrap(s: str, left: str, right: str) -> str:
    return left + s + right


def shout(s: str) -> str:
    return s.upper()


print(wrap(shout("hi"), "<", ">"), len(wrap("a", "[", "]")))
