# Module-level variables, global declarations, counters shared between functions.

counter = 0
total = 0.0
log = ""
LIMIT = 5


def bump(n: int) -> int:
    global counter
    counter += n
    return counter


def add(x: float) -> None:
    global total, log
    total = total + x
    log = log + "+" + str(x)


def reset() -> None:
    global counter
    counter = 0


def read_only() -> int:
    return counter * LIMIT


def main() -> None:
    for i in range(1, LIMIT + 1):
        print("bump", i, "->", bump(i))
    print("read_only:", read_only())
    reset()
    print("after reset:", counter, read_only())
    add(1.5)
    add(2.25)
    add(-0.75)
    print("total", total, "log", log)
    for i in range(10):
        bump(1)
    print("counter", counter)


print("module level before main:", counter, total, "[" + log + "]")
if __name__ == "__main__":
    main()
print("module level after main:", counter, total)
