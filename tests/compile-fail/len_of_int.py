# error: 4:11: len() of int is not supported
def main() -> None:
    n = 12345
    print(len(n))
