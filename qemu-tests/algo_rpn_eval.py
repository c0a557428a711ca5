# needs: list, dict, str-methods, str-iter, in, fstring
# A tiny expression evaluator: shunting-yard to RPN (precedence, left/right
# associativity, parentheses), then evaluation with a float stack.

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}


def tokens(expr: str) -> list[str]:
    out: list[str] = []
    num = ""
    for c in expr:
        if c.isdigit() or c == ".":
            num += c
        else:
            if num != "":
                out.append(num)
                num = ""
            if c in "+-*/%^()":
                out.append(c)
    if num != "":
        out.append(num)
    return out


def to_rpn(toks: list[str]) -> list[str]:
    out: list[str] = []
    ops: list[str] = []
    for t in toks:
        if t in PREC:
            while len(ops) > 0 and ops[-1] != "(" and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t != "^")):
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(t)
    while len(ops) > 0:
        out.append(ops.pop())
    return out


def apply(op: str, a: float, b: float) -> float:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "%":
        return a % b
    return a ** b


def evaluate(rpn: list[str]) -> float:
    stack: list[float] = []
    for t in rpn:
        if t in PREC:
            b = stack.pop()
            a = stack.pop()
            stack.append(apply(t, a, b))
        else:
            stack.append(float(t))
    return stack[0]


def main() -> None:
    exprs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "100 / 8 / 2", "7 - 10 - 3",
             "3.5 * (2 - 0.5) % 4", "((((9))))", "2 ^ 0.5", "1 / 3 * 3", "10 % 3 + 2 ^ 10 / 1024"]
    for e in exprs:
        rpn = to_rpn(tokens(e))
        print(f"{e:<26} {' '.join(rpn):<24} = {evaluate(rpn)}")


main()
