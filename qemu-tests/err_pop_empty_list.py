# needs: list
# pop from an empty list (a stack underflow).


def drain(stack: list[int], n: int) -> int:
    t = 0
    for _ in range(n):
        t += stack.pop()
        print("popped, total", t)
    return t


def main() -> None:
    drain([1, 2, 3], 4)


main()
