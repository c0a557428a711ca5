# needs: format, errors
# Mixing automatic and manual field numbering in a run-time format string.


def render(tmpl: str, v: str) -> str:
    return tmpl.format(v, v)


def main() -> None:
    print(render("{}-{}", "x"))
    print(render("{1}-{0}", "y"))
    print(render("{}-{1}", "z"))


main()
