# while and for-range loops: steps, negative steps, empty ranges, nesting, loop variables.


def show_range(a: int, b: int, step: int) -> None:
    out = ""
    count = 0
    for i in range(a, b, step):
        out = out + str(i) + " "
        count += 1
    print("range(" + str(a) + ", " + str(b) + ", " + str(step) + "):", count, "[" + out + "]")


def main() -> None:
    for i in range(5):
        print("i =", i)
    show_range(0, 10, 1)
    show_range(0, 10, 3)
    show_range(10, 0, -1)
    show_range(10, 0, -3)
    show_range(5, 5, 1)
    show_range(5, 0, 1)
    show_range(0, 5, -1)
    show_range(-5, 5, 2)
    show_range(-1, -10, -2)
    show_range(0, 1, 100)
    show_range(9223372036854775800, 9223372036854775807, 3)
    show_range(-9223372036854775807, -9223372036854775800, 2)
    total = 0
    for i in range(1, 11):
        for j in range(i, 11):
            total += i * j
    print("nested total:", total)
    for i in range(3):
        i = i * 100
        print("reassigned loop var:", i)
    for k in range(7):
        pass
    print("loop var after loop:", k)
    for _ in range(3):
        print("underscore")
    n = 10
    s = 0
    while n > 0:
        s += n
        n -= 1
    print("while sum:", s, n)
    m = 3
    for i in range(m):
        m = m + 1
        print("range evaluated once; m =", m)
    a = 0
    b = 0
    for a in range(3):
        for b in range(a):
            print("pair", a, b)
    print("final", a, b)
    j = 100
    while j:
        j //= 3
        print("j =", j)


main()
