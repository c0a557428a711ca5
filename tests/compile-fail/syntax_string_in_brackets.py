# error: 6:23: SyntaxError: unterminated string literal (detected at line 6)
# errors: 1
# An unterminated string inside brackets swallows the closing bracket: the
# string is the one mistake (not also "'[' was never closed" or EOF).
def main() -> None:
    print(["ñ", "日本", "é)


main()
