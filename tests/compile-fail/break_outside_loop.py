# error: 5:9: 'break' outside loop
def main() -> None:
    x = 3
    if x > 2:
        break
    print(x)
