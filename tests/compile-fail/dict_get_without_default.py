# error: 3:7: d.get(key) without a default is not supported
d: dict[str, int] = {"a": 1}
print(d.get("a"))
