#!/usr/bin/env python3
"""Write a large, realistic mgen program (for memory and build-time checks).

    python3 ci/gen-big-program.py --shape module --lines 200000 -o big.py
    python3 ci/gen-big-program.py --shape functions --lines 200000 -o big.py

Shapes:
  module     all code at module level: thousands of globals, loops, ifs,
             containers and prints, as a generated script or a long
             notebook export looks (one huge `<module>` function).
  functions  the same kinds of statements spread over typed functions of
             ~40 lines each (200,000 lines -> ~5,000 functions), called in
             turn from `main()`.

The program is deterministic (fixed seed), terminates quickly, stays inside
mgen's documented language and away from 64-bit overflow (values are kept
small with `%`), and prints a few lines per block, so its output can be
compared with python3's. The line count is approximate (within one block).
"""

import argparse
import random
import sys


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.out: list[str] = []

    def emit(self, indent: int, text: str) -> None:
        self.out.append("    " * indent + text)

    def block(self, ind: int, p: str) -> None:
        """One block of ~20-40 lines using names prefixed `p` (unique per
        block, so at module level every block adds its own globals)."""
        r = self.r
        k = r.randint(3, 97)
        e = self.emit
        e(ind, f"{p}n = {r.randint(5, 30)}")
        e(ind, f"{p}acc = {r.randint(0, 9)}")
        e(ind, f"{p}xs: list[int] = []")
        e(ind, f"for {p}i in range({p}n):")
        e(ind + 1, f"{p}v = ({p}i * {k} + {p}acc) % 1000")
        e(ind + 1, f"if {p}v % 3 == 0:")
        e(ind + 2, f"{p}xs.append({p}v)")
        e(ind + 1, f"elif {p}v % 3 == 1:")
        e(ind + 2, f"{p}acc = ({p}acc + {p}v) % 100003")
        e(ind + 1, "else:")
        e(ind + 2, f"{p}acc = ({p}acc * 3 + 1) % 100003")
        e(ind, f"{p}total = sum({p}xs) + {p}acc")
        e(ind, f'print("{p}", len({p}xs), {p}total)')
        choice = r.randint(0, 3)
        if choice == 0:
            e(ind, f'{p}name = "item" + str({p}total % 17)')
            e(ind, f"{p}d: dict[str, int] = {{}}")
            e(ind, f"for {p}w in {p}name.split(\"e\"):")
            e(ind + 1, f"{p}d[{p}w] = {p}d.get({p}w, 0) + len({p}w)")
            e(ind, f"for {p}key in {p}d:")
            e(ind + 1, f'print({p}key, {p}d[{p}key], end=" ")')
            e(ind, "print()")
        elif choice == 1:
            e(ind, f"{p}f = {r.randint(1, 9)}.{r.randint(0, 99):02d}")
            e(ind, f"{p}g = 0.0")
            e(ind, f"{p}j = 0")
            e(ind, f"while {p}j < {r.randint(3, 12)}:")
            e(ind + 1, f"{p}g = {p}g * 0.5 + {p}f")
            e(ind + 1, f"{p}j += 1")
            e(ind, f'print(f"{p} {{{p}g:.4f}} {{{p}j}}")')
        elif choice == 2:
            e(ind, f"{p}ys = [{p}x * {p}x for {p}x in {p}xs if {p}x % 2 == 0]")
            e(ind, f"{p}ys.sort(reverse=True)")
            e(ind, f"{p}pairs: list[tuple[int, str]] = []")
            e(ind, f"for {p}q, {p}y in enumerate({p}ys[:5]):")
            e(ind + 1, f"{p}pairs.append(({p}q, str({p}y)))")
            e(ind, f"print({p}pairs, max({p}ys, default=-1))")
        else:
            e(ind, f"{p}s = \"\"")
            e(ind, f"for {p}c in \"abcdefghij\"[{r.randint(0, 4)}:]:")
            e(ind + 1, f"if {p}c in \"aeiou\":")
            e(ind + 2, f"{p}s = {p}s + {p}c.upper()")
            e(ind + 1, "else:")
            e(ind + 2, f"{p}s = {p}s + {p}c")
            e(ind, f"{p}m = {{{p}c: ord({p}c) for {p}c in {p}s}}")
            e(ind, f"print({p}s, len({p}m), {p}s.lower() == {p}s)")


def module_shape(g: Gen, lines: int) -> None:
    b = 0
    while len(g.out) < lines:
        g.emit(0, f"# block {b}")
        g.block(0, f"b{b}_")
        b += 1


def functions_shape(g: Gen, lines: int) -> None:
    names: list[str] = []
    f = 0
    while len(g.out) < lines:
        name = f"work_{f}"
        names.append(name)
        g.emit(0, "")
        g.emit(0, f"def {name}(seed: int) -> int:")
        g.emit(1, f"r = seed % {g.r.randint(2, 50)}")
        g.block(1, "")
        g.block(1, "z")
        g.emit(1, "return (total + ztotal + r) % 1000")
        f += 1
    g.emit(0, "")
    g.emit(0, "")
    g.emit(0, "def main() -> None:")
    g.emit(1, "check = 0")
    for i, name in enumerate(names):
        g.emit(1, f"check = (check * 31 + {name}({i})) % 1000003")
    g.emit(1, 'print("check", check)')
    g.emit(0, "")
    g.emit(0, "")
    g.emit(0, 'if __name__ == "__main__":')
    g.emit(1, "main()")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shape", choices=["module", "functions"], required=True)
    ap.add_argument("--lines", type=int, default=200000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    a = ap.parse_args()
    g = Gen(a.seed)
    g.emit(0, f"# Generated by ci/gen-big-program.py --shape {a.shape} --lines {a.lines} --seed {a.seed}")
    if a.shape == "module":
        module_shape(g, a.lines)
    else:
        functions_shape(g, a.lines)
    text = "\n".join(g.out) + "\n"
    if a.output:
        with open(a.output, "w") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
