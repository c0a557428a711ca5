# error: 5:12: unsupported operand types for +: 'str' and 'int'
def label(n: int) -> str:
    prefix = "item"
    count = n * 2
    return prefix + count
