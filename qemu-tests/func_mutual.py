# Mutual recursion: is_even/is_odd, Hofstadter female/male sequences, a tiny parser.


def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def hof_f(n: int) -> int:
    if n == 0:
        return 1
    return n - hof_m(hof_f(n - 1))


def hof_m(n: int) -> int:
    if n == 0:
        return 0
    return n - hof_f(hof_m(n - 1))


# Recursive-descent evaluator for expressions of single digits, + - * and parentheses.
SRC = ""
pos = 0


def peek() -> str:
    if pos < len(SRC):
        return SRC[pos]
    return ""


def advance() -> None:
    global pos
    pos += 1


def parse_expr() -> int:
    v = parse_term()
    while peek() == "+" or peek() == "-":
        op = peek()
        advance()
        r = parse_term()
        v = v + r if op == "+" else v - r
    return v


def parse_term() -> int:
    v = parse_atom()
    while peek() == "*":
        advance()
        v = v * parse_atom()
    return v


def parse_atom() -> int:
    c = peek()
    if c == "(":
        advance()
        v = parse_expr()
        advance()
        return v
    if c == "-":
        advance()
        return -parse_atom()
    advance()
    return int(c)


def evaluate(s: str) -> int:
    global SRC, pos
    SRC = s
    pos = 0
    return parse_expr()


def main() -> None:
    for n in range(0, 12):
        print(n, is_even(n), is_odd(n))
    print(is_even(500), is_odd(777), is_even(901))
    line_f = ""
    line_m = ""
    for n in range(20):
        line_f += str(hof_f(n)) + " "
        line_m += str(hof_m(n)) + " "
    print("F:", line_f)
    print("M:", line_m)
    print(evaluate("1+2*3"), evaluate("(1+2)*3"), evaluate("2*(3+4)*5-6"), evaluate("-(2+3)*-4"))
    print(evaluate("9-8-7"), evaluate("((((5))))"), evaluate("2*2*2*2*2*2*2*2*2*2"))


main()
