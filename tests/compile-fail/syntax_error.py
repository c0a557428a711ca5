# error: 4:18: invalid syntax
def main() -> None:
    x = 1
    print(x + 2 ))
