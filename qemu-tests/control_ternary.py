# Conditional expressions a if c else b, nested and lazy.


def loud(n: int) -> int:
    print("  evaluated", n)
    return n


def sign(x: int) -> int:
    return 1 if x > 0 else -1 if x < 0 else 0


def main() -> None:
    for x in range(-3, 4):
        print(x, sign(x), "even" if x % 2 == 0 else "odd", abs(x) if x < 0 else x * 10)
    print(loud(1) if True else loud(2))
    print(loud(3) if False else loud(4))
    a = 2.5
    b = a * 2 if a > 2 else a / 2
    print(b, 0.5 if b > 100 else -0.5, "s" * 3 if b else "")
    n = 17
    desc = "prime" if n == 2 or n == 3 or n == 5 or n == 7 or n == 11 or n == 13 or n == 17 else "composite"
    print(n, desc)
    big = n if n > 10 else 10
    print(big, (1 if n > 5 else 2) + (10 if n > 50 else 20))


main()
