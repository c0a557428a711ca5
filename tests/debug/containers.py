# Containers under gdb: sysroots/gdb/mgen_printers.py prints their repr.


def f(n: int) -> int:
    xs = [i * i for i in range(n)]
    d = {"a": [1, 2], "b": []}
    s = {3, 1, 2}
    t = (n, 2.5, "x")
    total = sum(xs) + len(d) + len(s) + t[0]
    return total  # containers here


print(f(5))
