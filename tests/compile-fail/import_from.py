# error: 3:10: mgen does not provide module 'math' yet
def main() -> None:
    from math import sqrt
    print(sqrt(2.0))
