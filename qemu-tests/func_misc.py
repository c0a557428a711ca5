# Functions: many parameters of mixed types, early returns, None functions, call chains.


def describe(name: str, age: int, height: float, member: bool) -> str:
    s = name + " (" + str(age) + ") " + str(height) + "m"
    if member:
        s = s + " [member]"
    return s


def clamp(x: int, lo: int, hi: int) -> int:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def announce(msg: str) -> None:
    print(">>", msg)


def nothing() -> None:
    pass


def early(n: int) -> None:
    if n < 0:
        print("negative, returning early")
        return
    print("non-negative", n)


def hyp(a: float, b: float) -> float:
    x = a * a + b * b
    g = x / 2 if x > 1.0 else 1.0
    for i in range(60):
        g = (g + x / g) / 2
    return g


def compose(x: int) -> int:
    return clamp(clamp(x * 3, -10, 10) + clamp(x, 0, 2), -5, 8)


def flag(b: bool) -> str:
    return "yes" if b else "no"


def main() -> None:
    print(describe("Ada", 36, 1.65, True))
    print(describe("Bob", 7, 1.2, False))
    for x in range(-4, 6):
        print(x, clamp(x, -2, 3), compose(x))
    announce("hello")
    nothing()
    early(-1)
    early(3)
    print(hyp(3.0, 4.0), hyp(1.0, 1.0), hyp(5.0, 12.0), hyp(0.1, 0.2))
    print(flag(1 < 2), flag(hyp(3.0, 4.0) > 5.5))


if __name__ == "__main__":
    main()
