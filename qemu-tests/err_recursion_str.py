# A recursive pretty-printer without a base case: CPython counts str()
# of an int as one more level of recursion, so the limit is hit inside
# str(), and the error says so.


def render(depth: int, out: list[str]) -> int:
    label = str(depth)
    if depth % 100 == 0:
        out.append(label)
    return render(depth + 1, out)


def main() -> None:
    seen: list[str] = []
    try_depth = 3
    print("rendering from", try_depth)
    render(try_depth, seen)


main()
