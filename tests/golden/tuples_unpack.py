# golden: mir
# Tuples of heap values: fields are taken by the tuple and released with it.


def split_name(full: str) -> tuple[str, str]:
    parts = full.split(" ")
    return (parts[0], parts[-1])


first, last = split_name("Ada King Lovelace")
print(last + ", " + first)
