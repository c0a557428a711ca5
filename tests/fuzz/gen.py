#!/usr/bin/env python3
"""Print generated program(s): gen.py SEED INDEX [COUNT] (or write with -o DIR)."""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from progen import generate  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("seed")
    ap.add_argument("index", type=int)
    ap.add_argument("count", type=int, nargs="?", default=1)
    ap.add_argument("-o", "--out-dir")
    ap.add_argument("--weights", default="", help="override weights: KEY=W,... (as fuzz.py)")
    a = ap.parse_args()
    from fuzz import set_weights
    set_weights(a.weights)
    for i in range(a.index, a.index + a.count):
        src = generate(a.seed, i)
        if a.out_dir:
            os.makedirs(a.out_dir, exist_ok=True)
            with open(os.path.join(a.out_dir, "p%s_%d.py" % (a.seed, i)), "w") as f:
                f.write(src)
        else:
            sys.stdout.write(src)


if __name__ == "__main__":
    main()
