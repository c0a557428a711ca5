# The smallest mgen program. Try: mgen run examples/hello.py


def greet(name: str) -> str:
    return "Hello, " + name + "!"


if __name__ == "__main__":
    print(greet("world"))
    print("2 + 2 =", 2 + 2, "and 1 / 3 =", 1 / 3)
