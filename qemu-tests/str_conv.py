# str() of every type; int() and float() parsing of strings.


def parse_sum(a: str, b: str) -> int:
    return int(a) + int(b)


def main() -> None:
    print(str(0), str(-1), str(123456789012345), str(-9223372036854775807 - 1))
    print(str(0.5), str(-0.0), str(1e20), str(1e-20), str(100.0), str(1 / 7))
    print(str(True), str(False), str("s"), str(""), len(str(10 ** 18)))
    print(parse_sum("12", "30"), parse_sum("-5", "+5"), parse_sum("0", "0"))
    print(int("9223372036854775807"), int("-9223372036854775808"))
    print(int(" 7"), int("7 "), int("\t8\n"), int("000123"), int("-000"))
    print(float("1.5"), float("-2.25e2"), float("1e-7"), float("  .125 "))
    print(float("nan"), float("-inf"), float("0"), float("-0"), float("1e400"), float("1e-400"))
    print(float("3.141592653589793238462643383279"), float("2.9999999999999999"))
    n = 0
    digits = "0123456789"
    for i in range(len(digits)):
        n = n * 10 + int(digits[i])
    print("built from digits:", n, n * 3)
    acc = ""
    for i in range(5):
        acc = acc + str(i * i) + ","
    print(acc)
    print(int(str(12345) + str(67890)) + 1)
    print(float(str(2.5) + "5"), float(str(7) + "." + str(25)))


main()
