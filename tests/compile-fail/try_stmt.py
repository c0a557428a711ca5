# error: 4:5: try statements are not supported
def main() -> None:
    x = 0
    try:
        x = 1 // 0
    except ZeroDivisionError:
        x = 2
    print(x)
