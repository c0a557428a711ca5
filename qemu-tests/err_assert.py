# A failing bare assert deep inside a call chain.


def check_positive(x: int) -> int:
    assert x > 0
    return x


def process(n: int) -> int:
    total = 0
    for i in range(n, -n, -1):
        total += check_positive(i)
        print("ok", i, total)
    return total


print("begin")
print(process(3))
