# error: 4:18: SyntaxError: unmatched ')'
def main() -> None:
    x = 1
    print(x + 2 ))
