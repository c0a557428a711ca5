# golden: mir
# Reference counts of temporaries: each intermediate string is released
# right after its last use; a function's parameters are owned by it.


def label(name: str, n: int) -> str:
    return name.upper() + ": " + str(n)


print(label("apples", 3) + "!")
