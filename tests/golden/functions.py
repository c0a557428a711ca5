# Functions: parameters, recursion, globals declared with `global`.
counter = 0


def bump(by: int) -> None:
    global counter
    counter += by


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def describe(name: str, scores: list[float]) -> str:
    best = max(scores)
    return name + ": " + str(best)


bump(2)
bump(3)
print(counter, fib(10), describe("ann", [1.5, 2.5]))
