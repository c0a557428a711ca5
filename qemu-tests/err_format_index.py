# needs: format, errors
# A run-time format string with more fields than arguments.


def render(tmpl: str, a: int, b: int) -> str:
    return tmpl.format(a, b)


def main() -> None:
    print(render("{} and {}", 1, 2))
    print(render("{1} then {0}", 1, 2))
    print(render("{} {} {}", 1, 2))


main()
