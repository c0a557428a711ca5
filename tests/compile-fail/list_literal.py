# error: 3:14: list displays are not supported
def main() -> None:
    values = [1, 2, 3]
    print(values)
