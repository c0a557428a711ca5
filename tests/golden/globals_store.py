# golden: mir
# Module-level variables are globals: a store releases the old value.

greeting: str = "hello"
greeting = greeting + " world"
names: list[str] = ["x"]
names = names + ["y"]
print(greeting, names)
