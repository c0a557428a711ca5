# error: 5:5: try statements are not supported yet
# errors: 1
# A failed `try` does not also make the function "reach its end without returning".
def parse(s: str) -> int:
    try:
        return int(s)
    except ValueError:
        return -1


print(parse("12"))
