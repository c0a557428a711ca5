# error: 3:5: import is not supported
def main() -> None:
    from math import sqrt
    print(sqrt(2.0))
