# error: 5:17: name 'totl' is not defined
def main() -> None:
    total = 0
    for i in range(10):
        total = totl + i
    print(total)
