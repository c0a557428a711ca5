# A zero slice step is an error only when it runs: this report has one in
# a branch that is never taken, then one that is.


def every(items: list[int], step: int) -> list[int]:
    if step == 0 and len(items) > 100:
        return items[::0]
    return items[::step]


def main() -> None:
    data = list(range(12))
    print(every(data, 3), every(data, -4))
    text = "abcdefghij"
    print(text[::2], text[::-3])
    point = (1, 2, 3)
    if len(point) > 3:
        print(point[::0])
    print(point[::-1])
    step = len(text) - 10
    print(text[::step])


main()
