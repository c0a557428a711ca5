# and / or / not short-circuit; side-effect functions show evaluation order.


def t(name: str) -> bool:
    print("  t(" + name + ")")
    return True


def f(name: str) -> bool:
    print("  f(" + name + ")")
    return False


def num(n: int) -> int:
    print("  num(" + str(n) + ")")
    return n


def main() -> None:
    print("t and f:", t("1") and f("2"))
    print("f and t:", f("1") and t("2"))
    print("t or f:", t("1") or f("2"))
    print("f or t:", f("1") or t("2"))
    print("f or f or t and f:", f("a") or f("b") or t("c") and f("d"))
    print("not f and t:", not f("x") and t("y"))
    print("int or:", num(0) or num(5), num(3) or num(4))
    print("int and:", num(0) and num(5), num(3) and num(4))
    print(0 or 5, 7 or 0, 0 and 9, 2 and 9, 0 or 0, -1 and -2)
    print(0.0 or 1.5, 2.5 and 0.0, "" or "default", "set" or "default", "a" and "b", "" and "x")
    x = 0
    y = x or 42
    z = x and 42
    print("y =", y, "z =", z)
    s = ""
    name = s or "anonymous"
    print("name =", name)
    count = 0
    for i in range(10):
        if i % 2 == 0 and i % 3 == 0:
            count += 1
        if i == 1 or i == 7 or i == 9:
            count += 10
    print("count", count)
    print(not 0, not 1, not "", not "a", not 0.0, not -0.5, not not 3)


main()
