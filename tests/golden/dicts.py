# dicts: displays, methods and the three views.
ages: dict[str, int] = {"ann": 31, "bob": 27}
ages["cy"] = 45
ages.setdefault("dee", 19)
old = ages.pop("bob", 0)
for k, v in ages.items():
    print(k, v)
total = 0
for v in ages.values():
    total += v
print(sorted(ages.keys()), ages.get("zed", -1), old, total, "ann" in ages)
counts: dict[str, int] = {}
for ch in "banana":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, dict(zip(["a", "b"], [1, 2])))
