# bool values: printing, arithmetic (bools are ints), conversions, logic.


def is_pos(x: int) -> bool:
    return x > 0


def main() -> None:
    t = True
    f = False
    print(t, f, not t, not f)
    print(True + True, True * 5, False - True, True + 41, 3 - True)
    print(int(True), int(False), str(True), str(False), float(True))
    print(bool(0), bool(1), bool(-3), bool(0.0), bool(-0.0), bool(0.1))
    print(bool(""), bool(" "), bool("False"), bool(True), bool(False))
    print(t and f, t or f, f or t, f and t, t and t, f or f)
    print(True == True, True != False, True > False, False < True, True >= True)
    count = 0
    for i in range(20):
        count = count + (i % 3 == 0)
    print("multiples of 3 below 20:", count)
    flags = 0
    for i in range(-3, 4):
        flags = flags * 2 + is_pos(i)
    print("flags:", flags)
    print(abs(True), max(True, False), min(True, False))
    print(True / 2, True // 2, True % 2, True ** 10, 10 * False)
    b = is_pos(5) and is_pos(-5)
    print("b =", b)
    c = is_pos(-1) or is_pos(2)
    print("c =", c)


main()
