# needs: list, tuple, dict, str-methods, slice, in, repr, fstring, enumerate, unpack, nested
# A small tokenizer for a toy language: numbers, identifiers/keywords, strings
# with escapes, operators (longest match), comments; tokens as (kind, text, line).

KEYWORDS = ["if", "else", "while", "def", "return"]
OPERATORS = ["==", "!=", "<=", ">=", "->", "+", "-", "*", "/", "=", "<", ">", "(", ")", "{", "}", ",", ":"]


def tokenize(src: str) -> list[tuple[str, str, int]]:
    toks: list[tuple[str, str, int]] = []
    i = 0
    line = 1
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < n and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(("num", src[i:j], line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(("kw" if word in KEYWORDS else "name", word, line))
            i = j
        elif c == '"':
            j = i + 1
            text = ""
            while j < n and src[j] != '"':
                if src[j] == "\\" and j + 1 < n:
                    esc = src[j + 1]
                    text += "\n" if esc == "n" else "\t" if esc == "t" else esc
                    j += 2
                else:
                    text += src[j]
                    j += 1
            toks.append(("str", text, line))
            i = j + 1
        else:
            matched = ""
            for op in OPERATORS:
                if src.startswith(op, i) and len(op) > len(matched):
                    matched = op
            if matched == "":
                toks.append(("error", c, line))
                i += 1
            else:
                toks.append(("op", matched, line))
                i += len(matched)
    return toks


SOURCE = """def area(w, h) -> num:  # rectangle
    return w * h
x = area(3, 4.5)
if x >= 10 { print("big\\tarea: \\"ok\\"") } else { print("small") }
y = x != 2 @ 1
"""


def main() -> None:
    toks = tokenize(SOURCE)
    for i, (kind, text, line) in enumerate(toks):
        print(f"{i:>3} {line}:{kind:<5} {text!r}")
    kinds: dict[str, int] = {}
    for kind, _text, _line in toks:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(kinds)
    print(tokenize(""), tokenize("a<=b"), tokenize("->>="))


main()
