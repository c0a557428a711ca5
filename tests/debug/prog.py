# Debugged by tests/gdb.rs under gdb (natively and under qemu-user). The
# `# MARK:` comments name the lines the test sets breakpoints on and
# expects in backtraces.


def work(n: int, scale: float) -> int:
    total: int = 0
    ratio: float = scale * 2.0
    big: bool = n > 3
    label: str = "n=" + str(n)
    for i in range(n):
        total = total + i
    if big:
        total = total * 2
    print(label, ratio)  # MARK: work-print
    return total  # MARK: work-return


def outer(k: int) -> int:
    r: int = work(k, 1.25)  # MARK: outer-call
    return r + 1


result: int = outer(5)  # MARK: module-call
print(result)
