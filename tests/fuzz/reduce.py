#!/usr/bin/env python3
"""Shrink a failing program while it keeps its classification.

  reduce.py PROG.py [--target T] [--opt-level L] [-o OUT.py]

The class (crash / mismatch / rejected / timeout / divergence, see fuzz.py)
is taken from the first failing configuration of PROG.py (or --target and
--opt-level); a candidate is kept when CPython still runs it as a valid
program (exit 0, or 1 with one of the expected runtime errors) and mgen
still fails it the same way: the same class and, for crash and rejected,
the same message (numbers and literals aside); --match TEXT also requires
TEXT in the failure's description (e.g. a stdout fragment or an error name).

Passes, repeated until nothing changes (each on Python's `ast`, unparsed):
  1. delete statements (halves, quarters, ... single ones) in every block;
  2. replace a compound statement (if/for/while/def main) by its body;
  3. simplify expressions: an operand for its operation, a branch for an
     if-expression, an argument for a call, fewer display elements and
     print arguments, small constants for big ones.
"""

import argparse
import ast
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from fuzz import norm_msg, valid_oracle  # noqa: E402


class Reducer:
    def __init__(self, mgen, config, want_cls, want_msg, match, budget):
        self.mgen = mgen
        self.config = config
        self.want_cls = want_cls
        self.want_msg = want_msg
        self.match = match
        self.tests = 0
        self.deadline = time.time() + budget
        self.work = Path(tempfile.mkdtemp(prefix="mgreduce-"))
        self.seen = {}

    def classify(self, src):
        p = self.work / "cand.py"
        p.write_text(src)
        py = harness.run_cpython(p, 10)
        if valid_oracle(py):
            return "invalid", valid_oracle(py), py
        _, res = harness.check(self.mgen, p, [self.config], py=py, workdir=self.work)
        cls, msg = harness.signature(res)
        return cls, msg, py

    def ok(self, src):
        if src in self.seen:
            return self.seen[src]
        if time.time() > self.deadline:
            return False
        self.tests += 1
        cls, msg, _ = self.classify(src)
        good = cls == self.want_cls
        if good and cls in ("crash", "rejected") and norm_msg(msg) != norm_msg(self.want_msg):
            good = False
        if good and self.match and self.match not in msg:
            good = False
        self.seen[src] = good
        return good

    def test_tree(self, tree):
        try:
            src = ast.unparse(tree) + "\n"
            compile(src, "cand", "exec")
        except (SyntaxError, ValueError, RecursionError):
            return False
        if self.ok(src):
            self.best = src
            return True
        return False


def stmt_lists(tree):
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            v = getattr(node, field, None)
            if isinstance(v, list) and v and isinstance(v[0], ast.stmt):
                yield node, field


def pass_delete(r, tree):
    changed = False
    for node, field in list(stmt_lists(tree)):
        body = getattr(node, field)
        chunk = max(1, len(body) // 2)
        while chunk >= 1:
            i = 0
            while i < len(body):
                cand = body[:i] + body[i + chunk:]
                if not cand:
                    if field == "orelse":
                        cand = []
                    elif isinstance(node, ast.Module):
                        i += chunk
                        continue
                    else:
                        cand = [ast.Pass()]
                    if cand == [] or (len(body) == 1 and isinstance(body[0], ast.Pass)):
                        pass
                if len(cand) == len(body) and all(isinstance(s, ast.Pass) for s in body):
                    i += chunk
                    continue
                setattr(node, field, cand)
                if r.test_tree(tree):
                    body = cand
                    changed = True
                else:
                    setattr(node, field, body)
                    i += chunk
            chunk //= 2
    return changed


def pass_unwrap(r, tree):
    """A compound statement replaced by its body (or its else branch)."""
    changed = False
    for node, field in list(stmt_lists(tree)):
        body = getattr(node, field)
        i = 0
        while i < len(body):
            s = body[i]
            alts = []
            if isinstance(s, (ast.If, ast.For, ast.While)):
                alts.append(s.body)
                if s.orelse:
                    alts.append(s.orelse)
            if isinstance(s, ast.FunctionDef) and isinstance(node, ast.Module) and not s.args.args:
                # def main(): BODY ... main()  ->  BODY at module level
                calls = [j for j, t in enumerate(body) if isinstance(t, ast.Expr) and isinstance(t.value, ast.Call)
                         and isinstance(t.value.func, ast.Name) and t.value.func.id == s.name]
                ifmain = [j for j, t in enumerate(body) if isinstance(t, ast.If) and len(t.body) == 1
                          and isinstance(t.body[0], ast.Expr) and isinstance(t.body[0].value, ast.Call)
                          and getattr(t.body[0].value.func, "id", None) == s.name]
                for j in calls + ifmain:
                    new = [t for k, t in enumerate(body) if k not in (i, j)]
                    pos = j - 1 if j > i else j
                    inner = [t for t in s.body if not isinstance(t, ast.Global)]
                    new = new[:pos] + inner + new[pos:]
                    setattr(node, field, new)
                    if r.test_tree(tree):
                        return True
                    setattr(node, field, body)
            done = False
            for alt in alts:
                cand = body[:i] + alt + body[i + 1:]
                setattr(node, field, cand)
                if r.test_tree(tree):
                    body = cand
                    changed = done = True
                    break
                setattr(node, field, body)
            if not done:
                i += 1
    return changed


def expr_sites(tree):
    """(parent, field, index or None, node) for every expression node."""
    out = []
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, ast.expr):
                out.append((parent, field, None, value))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    if isinstance(v, ast.expr):
                        out.append((parent, field, i, v))
    return out


def simpler(node):
    """Candidate replacements of an expression node, simplest first."""
    c = []
    if isinstance(node, ast.BinOp):
        c += [node.left, node.right]
    elif isinstance(node, ast.BoolOp):
        c += node.values
    elif isinstance(node, ast.UnaryOp):
        c.append(node.operand)
    elif isinstance(node, ast.IfExp):
        c += [node.body, node.orelse]
    elif isinstance(node, ast.Compare) and len(node.ops) > 1:
        c.append(ast.Compare(node.left, node.ops[:1], node.comparators[:1]))
    elif isinstance(node, ast.Call):
        name = getattr(node.func, "id", None)
        if name != "print":
            c += list(node.args)
        if node.keywords:
            c.append(ast.Call(node.func, node.args, []))
        if name == "print" and len(node.args) > 1:
            for i in range(len(node.args)):
                c.append(ast.Call(node.func, node.args[:i] + node.args[i + 1:], node.keywords))
    elif isinstance(node, (ast.List, ast.Set, ast.Tuple)) and len(node.elts) > 1:
        for i in range(len(node.elts)):
            c.append(type(node)(node.elts[:i] + node.elts[i + 1:], ast.Load()) if not isinstance(node, ast.Set)
                     else ast.Set(node.elts[:i] + node.elts[i + 1:]))
    elif isinstance(node, ast.Dict) and len(node.keys) > 1:
        for i in range(len(node.keys)):
            c.append(ast.Dict(node.keys[:i] + node.keys[i + 1:], node.values[:i] + node.values[i + 1:]))
    elif isinstance(node, ast.JoinedStr) and len(node.values) > 1:
        for i in range(len(node.values)):
            c.append(ast.JoinedStr(node.values[:i] + node.values[i + 1:]))
    elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        if any(g.ifs for g in node.generators):
            n2 = ast.parse(ast.unparse(node), mode="eval").body
            for g in n2.generators:
                g.ifs = []
            c.append(n2)
    elif isinstance(node, ast.Subscript):
        c.append(node.value)
        if isinstance(node.slice, ast.Slice):
            pass
    elif isinstance(node, ast.Constant):
        v = node.value
        if isinstance(v, bool):
            pass
        elif isinstance(v, int) and abs(v) > 2:
            c += [ast.Constant(0), ast.Constant(1), ast.Constant(v // 2)]
        elif isinstance(v, float) and v not in (0.0, 1.0):
            c += [ast.Constant(0.0), ast.Constant(1.0)]
        elif isinstance(v, str) and len(v) > 1:
            c += [ast.Constant(""), ast.Constant(v[:1]), ast.Constant(v[: len(v) // 2])]
    return c


def pass_exprs(r, tree):
    changed = False
    i = 0
    while True:
        sites = expr_sites(tree)
        if i >= len(sites):
            break
        parent, field, idx, node = sites[i]
        for rep in simpler(node):
            if idx is None:
                setattr(parent, field, rep)
            else:
                getattr(parent, field)[idx] = rep
            if r.test_tree(tree):
                changed = True
                node = rep
                break
            if idx is None:
                setattr(parent, field, node)
            else:
                getattr(parent, field)[idx] = node
        i += 1
    return changed


def reduce_source(r, src):
    r.best = src
    tree = ast.parse(src)
    while time.time() < r.deadline:
        changed = pass_delete(r, tree)
        changed |= pass_unwrap(r, tree)
        if not changed:
            changed = pass_exprs(r, tree)
        if not changed:
            break
        tree = ast.parse(r.best)
    return r.best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("program")
    ap.add_argument("--target", default=None)
    ap.add_argument("--opt-level", default=None)
    ap.add_argument("--targets", default=harness.HOST, help="configurations to look for the failure in")
    ap.add_argument("--opt-levels", default="0,2")
    ap.add_argument("--mgen", default=str(harness.ROOT / "target/release/mgen"))
    ap.add_argument("--match", help="the failure's description must contain this text")
    ap.add_argument("--budget", type=int, default=600, help="seconds at most")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()

    src = Path(a.program).read_text()
    if a.target or a.opt_level:
        configs = [(a.target or harness.HOST, (a.opt_level or "0").lstrip("O"))]
    else:
        configs = [(t, l) for t in a.targets.split(",") for l in a.opt_levels.split(",")]
    py, res = harness.check(a.mgen, a.program, configs)
    bad = [x for x in res if x[2] != "pass"]
    if valid_oracle(py) or not bad:
        sys.exit("reduce: %s does not fail (%s)" % (a.program, valid_oracle(py) or "passes everywhere"))
    bad.sort(key=lambda x: harness.ORDER.index(x[2]))
    target, level, cls, msg = bad[0]
    print("reduce: %s on %s -O%s: %s: %s" % (a.program, target, level, cls, msg), file=sys.stderr)
    r = Reducer(a.mgen, (target, level), cls, msg, a.match, a.budget)
    t0 = time.time()
    out = reduce_source(r, src)
    cls2, msg2, py2 = r.classify(out)
    dest = Path(a.output) if a.output else Path(a.program).with_suffix(".min.py")
    dest.write_text(out)
    print("reduce: %d -> %d lines, %d tests, %.0fs -> %s" % (
        src.count("\n"), out.count("\n"), r.tests, time.time() - t0, dest), file=sys.stderr)
    sys.stdout.write(out)
    print("# %s -O%s: %s: %s" % (target, level, cls2, msg2))
    print("# CPython: exit %s, stdout %r, last stderr %r" % (py2.rc, py2.stdout.decode()[-300:], py2.last))


if __name__ == "__main__":
    main()
