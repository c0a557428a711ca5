# golden: mir
# In-place operators mutate the object (aliases see it); s += t grows a
# string in place when it holds the only reference.


def build(n: int) -> str:
    parts: list[str] = []
    parts += ["start"]
    s = ""
    for i in range(n):
        s += str(i)
    parts.append(s)
    return ",".join(parts)


print(build(4))
