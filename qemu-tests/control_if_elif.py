# if / elif / else chains, nested conditions, classification.


def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        if n % 2 == 0:
            return "medium-even"
        else:
            return "medium-odd"
    else:
        return "large"


def grade(score: float) -> str:
    if score >= 90.0:
        g = "A"
    elif score >= 80.0:
        g = "B"
    elif score >= 70.0:
        g = "C"
    elif score >= 60.0:
        g = "D"
    else:
        g = "F"
    if score >= 60.0 and score < 100.0:
        frac = score - int(score / 10) * 10
        if frac >= 7.0:
            g = g + "+"
        elif frac < 3.0:
            g = g + "-"
    return g


def main() -> None:
    for n in range(-2, 120, 7):
        print(n, classify(n))
    s = 42.0
    while s <= 100.0:
        print(s, grade(s))
        s = s + 4.5
    x = 5
    if x:
        print("x is truthy")
    if not x - 5:
        print("x - 5 is falsy")
    if x > 3:
        if x > 4:
            if x > 5:
                print("deep: > 5")
            else:
                print("deep: exactly 5")
    else:
        pass
    print("done")


main()
