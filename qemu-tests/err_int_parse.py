# int() of a string that is not a number.


def parse_all(digits: str) -> int:
    total = 0
    for i in range(len(digits)):
        total = total * 10 + int(digits[i])
        print("after", digits[i], "total", total)
    return total


print(parse_all("2024"))
print(parse_all("12x4"))
