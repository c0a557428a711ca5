# error: 4:9: branches of a conditional expression have different types: int and str
def main() -> None:
    n = 5
    y = n if n > 3 else "small"
    print(y)
