# f-strings, format specs, conversions and str.format.
name = "mgen"
n = 42
pi = 3.14159
print(f"{name}: {n:>5} {pi:.2f} {n!r} {name=}")
width = 8
print(f"{n:{width}d}|{name:^{width}}|")
print("{} + {} = {:03d}".format(1, 2, 3))
fmt = "{}-{}"
print(fmt.format("a", n), format(pi, ".3"), repr(name))
