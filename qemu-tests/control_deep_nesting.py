# Deep nesting in the shapes generated code takes, well inside CPython
# 3.11's limits: an opcode dispatcher with a long elif chain, Horner's rule
# written out as one nested expression, 20 nested loops (the most CPython
# allows), a literal nested 40 deep, and an unrolled 200-term checksum.


def run(code: list[int]) -> list[int]:
    stack: list[int] = []
    pc = 0
    steps = 0
    while pc < len(code):
        op = code[pc]
        pc += 1
        steps += 1
        if op == 0:  # PUSH
            stack.append(code[pc])
            pc += 1
        elif op == 1:  # ADD
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == 2:  # SUB
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == 3:  # MUL
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == 4:  # DIV
            b = stack.pop()
            stack.append(stack.pop() // b)
        elif op == 5:  # MOD
            b = stack.pop()
            stack.append(stack.pop() % b)
        elif op == 6:  # NEG
            stack.append(-stack.pop())
        elif op == 7:  # DUP
            stack.append(stack[-1])
        elif op == 8:  # SWAP
            b = stack.pop()
            stack.insert(len(stack) - 1, b)
        elif op == 9:  # DROP
            stack.pop()
        elif op == 10:  # OVER
            stack.append(stack[-2])
        elif op == 11:  # JNZ
            pc = code[pc] if stack.pop() != 0 else pc + 1
        elif op == 12:  # JMP
            pc = code[pc]
        elif op == 13:  # DEC
            stack[-1] -= 1
        else:
            break
    stack.append(steps)
    return stack


# 5! with the loop [n, acc]: while n: acc *= n; n -= 1
print(run([0, 5, 0, 1, 10, 11, 9, 12, 16, 10, 3, 8, 13, 8, 12, 4]))
print(run([0, 7, 0, 3, 2, 0, 9, 4, 0, 100, 7, 3, 6, 0, 17, 5, 99]))


def horner(x: int) -> int:
    return ((((((((((((((((((((((((((((((1 * x + -5) * x + 2) * x + -2) * x + 5) * x + 1) * x + -3) * x + 4) * x + 0) * x + -4) * x + 3) * x + -1) * x + -5) * x + 2) * x + -2) * x + 5) * x + 1) * x + -3) * x + 4) * x + 0) * x + -4) * x + 3) * x + -1) * x + -5) * x + 2) * x + -2) * x + 5) * x + 1) * x + -3) * x + 4) * x + 0) % 1000000007


print([horner(x) for x in range(-3, 4)])
count = 0
total = 0
for a0 in range(2):
    for a1 in range(1, 2):
        for a2 in range(2):
            for a3 in range(1, 2):
                for a4 in range(2):
                    for a5 in range(1, 2):
                        for a6 in range(2):
                            for a7 in range(1, 2):
                                for a8 in range(2):
                                    for a9 in range(1, 2):
                                        for a10 in range(2):
                                            for a11 in range(1, 2):
                                                for a12 in range(2):
                                                    for a13 in range(1, 2):
                                                        for a14 in range(2):
                                                            for a15 in range(1, 2):
                                                                for a16 in range(2):
                                                                    for a17 in range(1, 2):
                                                                        for a18 in range(2):
                                                                            for a19 in range(1, 2):
                                                                                count += 1
                                                                                total += a0 * 1 + a2 * 3 + a4 * 5 + a6 * 7 + a8 * 9 + a10 * 11 + a12 * 13 + a14 * 15 + a16 * 17 + a18 * 19
print(count, total)
deep = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[7]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
print(deep[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0], len(str(deep)))
checksum = (
    0 * 0 + 37 * 1 + 74 * 2 + 10 * 3 + 47 * 4 + 84 * 5 + 20 * 6 + 57 * 7 + 94 * 8 + 30 * 9
    + 67 * 10 + 3 * 11 + 40 * 12 + 77 * 0 + 13 * 1 + 50 * 2 + 87 * 3 + 23 * 4 + 60 * 5 + 97 * 6
    + 33 * 7 + 70 * 8 + 6 * 9 + 43 * 10 + 80 * 11 + 16 * 12 + 53 * 0 + 90 * 1 + 26 * 2 + 63 * 3
    + 100 * 4 + 36 * 5 + 73 * 6 + 9 * 7 + 46 * 8 + 83 * 9 + 19 * 10 + 56 * 11 + 93 * 12 + 29 * 0
    + 66 * 1 + 2 * 2 + 39 * 3 + 76 * 4 + 12 * 5 + 49 * 6 + 86 * 7 + 22 * 8 + 59 * 9 + 96 * 10
    + 32 * 11 + 69 * 12 + 5 * 0 + 42 * 1 + 79 * 2 + 15 * 3 + 52 * 4 + 89 * 5 + 25 * 6 + 62 * 7
    + 99 * 8 + 35 * 9 + 72 * 10 + 8 * 11 + 45 * 12 + 82 * 0 + 18 * 1 + 55 * 2 + 92 * 3 + 28 * 4
    + 65 * 5 + 1 * 6 + 38 * 7 + 75 * 8 + 11 * 9 + 48 * 10 + 85 * 11 + 21 * 12 + 58 * 0 + 95 * 1
    + 31 * 2 + 68 * 3 + 4 * 4 + 41 * 5 + 78 * 6 + 14 * 7 + 51 * 8 + 88 * 9 + 24 * 10 + 61 * 11
    + 98 * 12 + 34 * 0 + 71 * 1 + 7 * 2 + 44 * 3 + 81 * 4 + 17 * 5 + 54 * 6 + 91 * 7 + 27 * 8
    + 64 * 9 + 0 * 10 + 37 * 11 + 74 * 12 + 10 * 0 + 47 * 1 + 84 * 2 + 20 * 3 + 57 * 4 + 94 * 5
    + 30 * 6 + 67 * 7 + 3 * 8 + 40 * 9 + 77 * 10 + 13 * 11 + 50 * 12 + 87 * 0 + 23 * 1 + 60 * 2
    + 97 * 3 + 33 * 4 + 70 * 5 + 6 * 6 + 43 * 7 + 80 * 8 + 16 * 9 + 53 * 10 + 90 * 11 + 26 * 12
    + 63 * 0 + 100 * 1 + 36 * 2 + 73 * 3 + 9 * 4 + 46 * 5 + 83 * 6 + 19 * 7 + 56 * 8 + 93 * 9
    + 29 * 10 + 66 * 11 + 2 * 12 + 39 * 0 + 76 * 1 + 12 * 2 + 49 * 3 + 86 * 4 + 22 * 5 + 59 * 6
    + 96 * 7 + 32 * 8 + 69 * 9 + 5 * 10 + 42 * 11 + 79 * 12 + 15 * 0 + 52 * 1 + 89 * 2 + 25 * 3
    + 62 * 4 + 99 * 5 + 35 * 6 + 72 * 7 + 8 * 8 + 45 * 9 + 82 * 10 + 18 * 11 + 55 * 12 + 92 * 0
    + 28 * 1 + 65 * 2 + 1 * 3 + 38 * 4 + 75 * 5 + 11 * 6 + 48 * 7 + 85 * 8 + 21 * 9 + 58 * 10
    + 95 * 11 + 31 * 12 + 68 * 0 + 4 * 1 + 41 * 2 + 78 * 3 + 14 * 4 + 51 * 5 + 88 * 6 + 24 * 7
    + 61 * 8 + 98 * 9 + 34 * 10 + 71 * 11 + 7 * 12 + 44 * 0 + 81 * 1 + 17 * 2 + 54 * 3 + 91 * 4
)
print(checksum, checksum % 97)
