# FizzBuzz, plus a variant built into a single string.


def fizzbuzz(n: int) -> str:
    s = ""
    if n % 3 == 0:
        s += "Fizz"
    if n % 5 == 0:
        s += "Buzz"
    return s if s != "" else str(n)


def main() -> None:
    for i in range(1, 101):
        print(fizzbuzz(i))
    line = ""
    for i in range(1, 31):
        line += ("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i))
        if i < 30:
            line += ","
    print(line)
    fizz = 0
    buzz = 0
    both = 0
    for i in range(1, 1001):
        if i % 15 == 0:
            both += 1
        elif i % 3 == 0:
            fizz += 1
        elif i % 5 == 0:
            buzz += 1
    print(fizz, buzz, both)


main()
