# str() and f-strings of ints at digit-count and 32/64-bit boundaries
# (the runtime formats two digits at a time, in 32-bit arithmetic once the
# value fits), and str.splitlines / str.count on longer text.


def show(v: int) -> None:
    print(v, -v, str(v), f"{v}|{-v:>22}|{v:,}")


p = 1
for k in range(19):
    show(p - 1)
    show(p)
    show(p + 1)
    if k < 18:
        p *= 10
show(4294967295)
show(4294967296)
show(2147483647)
show(2147483648)
show(9223372036854775807)
print(-9223372036854775807 - 1, str(-9223372036854775807 - 1))
text = "\n".join([f"line {i} " + "x" * (i % 17) for i in range(300)])
text += "\r\nlast\x0bvt\x1cfs\u2028ls\u0085nel\r"
lines = text.splitlines()
print(len(lines), lines[-7:], len(text.splitlines(True)))
print(text.count("7"), text.count("x"), text.count("line"), text.count("\n"))
