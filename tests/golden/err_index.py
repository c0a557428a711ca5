# golden: mir
# Every operation that can raise has an error edge; its landing block adds
# the traceback entry and releases the temporaries still pending.


def middle(xs: list[str]) -> str:
    return xs[len(xs) // 2] + xs[0]


print(middle(["a", "b", "c"]))
