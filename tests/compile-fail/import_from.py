# error: 4:10: mgen does not provide module 'math' yet
# errors: 1
def main() -> None:
    from math import sqrt
    print(sqrt(2.0))
