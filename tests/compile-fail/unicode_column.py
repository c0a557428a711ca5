# error: 4:26: unsupported operand types for +: 'int' and 'str'
def main() -> None:
    n = 3
    print("héllo wörld", n + "!")
