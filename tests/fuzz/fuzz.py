#!/usr/bin/env python3
"""Differential fuzzing of mgen against CPython.

Generates N programs from a seed (program i of seed S is reproducible alone:
`gen.py S i`), runs each under python3 and, built once per (target, level),
under mgen's executables; compares stdout, exit code and the last stderr
line. Classes (worst first):

  crash       mgen panicked / ICE / the executable died of a signal (a defect)
  mismatch    different output, exit code or last stderr line (the worst defect)
  rejected    mgen refused a valid program (compile error: a defect or a generator bug)
  timeout     mgen's build or executable timed out
  divergence  mgen raised its documented 64-bit OverflowError
  pass

Programs CPython itself rejects (NameError, TypeError, timeouts...) are
generator bugs: counted as `invalid` and kept. Failing programs go to
OUT/<class>/ with a .txt report. Exit code 1 on any crash or mismatch
(and, with --strict, on rejected/timeout too).
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from progen import generate  # noqa: E402

EXPECTED_ERRORS = ("IndexError", "KeyError", "ZeroDivisionError", "ValueError", "OverflowError",
                   "AssertionError", "RecursionError")


def valid_oracle(py):
    if py.timeout:
        return "CPython timed out"
    if py.rc == 0:
        return None
    if py.rc == 1 and py.last.split(":")[0] in EXPECTED_ERRORS:
        return None
    return "CPython exit %s: %s" % (py.rc, py.last)


def set_weights(spec):
    """--weights stmt.eval_order=0,expr.int.tap=0: knock constructs out (or in)."""
    from progen.weights import WEIGHTS
    for item in filter(None, (x.strip() for x in spec.split(","))):
        k, _, v = item.partition("=")
        if k not in WEIGHTS:
            sys.exit("fuzz: unknown weight %r (see tests/fuzz/progen/weights.py)" % k)
        WEIGHTS[k] = float(v)


def norm_msg(m):
    """Group messages: drop literals and numbers."""
    m = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", m)
    m = re.sub(r"\d+", "N", m)
    return m[:160]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of programs")
    ap.add_argument("--seed", default=None, help="campaign seed (default: random, printed)")
    ap.add_argument("--start", type=int, default=0, help="first program index")
    ap.add_argument("--targets", default=harness.HOST)
    ap.add_argument("--opt-levels", default="0,2")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--out", default="target/fuzz", help="where failing programs go")
    ap.add_argument("--mgen", default=str(harness.ROOT / "target/release/mgen"))
    ap.add_argument("--timeout", type=int, default=10, help="seconds per run (x3 under emulation)")
    ap.add_argument("--strict", action="store_true", help="also fail on rejected/timeout/invalid")
    ap.add_argument("--json", help="write the summary as JSON here")
    ap.add_argument("--weights", default="", help="override weights: KEY=W,... (see progen/weights.py)")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    set_weights(a.weights)

    seed = a.seed if a.seed is not None else str(random.randrange(10 ** 9))
    targets = [t.strip() for t in a.targets.split(",") if t.strip()]
    levels = list(dict.fromkeys(l.strip().lstrip("O") for l in a.opt_levels.split(",") if l.strip()))
    configs = [(t, l) for t in targets for l in levels]
    for t in targets:
        harness.runner_for(t)
    if not Path(a.mgen).exists():
        sys.exit("fuzz: %s not found (cargo build --release)" % a.mgen)
    out = Path(a.out)
    work = Path(tempfile.mkdtemp(prefix="mgfuzz-"))
    counts = Counter()
    per_config = defaultdict(Counter)
    groups = defaultdict(list)   # (class, normalized message) -> [index]
    lock = threading.Lock()
    done = [0]
    t0 = time.time()

    def one(i):
        src = generate(seed, i)
        d = work / str(i)
        d.mkdir()
        p = d / ("s%s_%d.py" % (seed, i))
        p.write_text(src)
        py = harness.run_cpython(p, a.timeout)
        bad = valid_oracle(py)
        if bad:
            cls, results, msg = "invalid", [], bad
        else:
            _, results = harness.check(a.mgen, p, configs, py=py, workdir=d, run_timeout=a.timeout)
            cls, msg = harness.signature(results)
        if cls != "pass":
            dest = out / cls
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(p, dest / p.name)
            rep = ["seed %s index %d: %s" % (seed, i, cls), "CPython: exit %s, last stderr %r" % (py.rc, py.last)]
            rep += ["%s -O%s: %s %s" % r for r in results]
            if cls == "invalid":
                rep.append(msg)
            (dest / (p.stem + ".txt")).write_text("\n".join(rep) + "\n")
        shutil.rmtree(d, ignore_errors=True)
        with lock:
            counts[cls] += 1
            for t, l, c, m in results:
                per_config["%s -O%s" % (t, l)][c] += 1
            if cls != "pass":
                groups[(cls, norm_msg(msg))].append(i)
            done[0] += 1
            if not a.quiet and (done[0] % 25 == 0 or done[0] == a.n):
                el = time.time() - t0
                print("fuzz: %d/%d programs, %.0f/min, %s" % (
                    done[0], a.n, done[0] / el * 60, dict(counts)), file=sys.stderr, flush=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        list(ex.map(one, range(a.start, a.start + a.n)))
    shutil.rmtree(work, ignore_errors=True)
    el = time.time() - t0

    print("== fuzz summary: seed %s, programs %d..%d, configs %s" % (
        seed, a.start, a.start + a.n - 1, ", ".join("%s -O%s" % c for c in configs)))
    for c in harness.ORDER + ["invalid"]:
        if counts[c]:
            print("  %-10s %5d  (%.1f%%)" % (c, counts[c], 100.0 * counts[c] / a.n))
    print("  throughput %.1f programs/min (%d builds/min), %.0fs, -j%d" % (
        a.n / el * 60, a.n * len(configs) / el * 60, el, a.jobs))
    for cfg, cc in sorted(per_config.items()):
        print("  %-40s %s" % (cfg, ", ".join("%s %d" % kv for kv in sorted(cc.items()))))
    if groups:
        print("== findings by class and message (program indices; reproduce: tests/fuzz/gen.py %s%s INDEX)" % (
            "--weights %s " % a.weights if a.weights else "", seed))
        for (cls, msg), idx in sorted(groups.items(), key=lambda kv: (harness.ORDER.index(kv[0][0]) if kv[0][0] in harness.ORDER else 9, -len(kv[1]))):
            print("  %-10s %4d  %s  e.g. %s" % (cls, len(idx), msg, " ".join(map(str, idx[:6]))))
        print("  programs and reports: %s/<class>/" % out)
    if a.json:
        Path(a.json).write_text(json.dumps({
            "seed": seed, "start": a.start, "n": a.n, "configs": configs, "counts": counts,
            "seconds": el, "groups": [{"class": c, "message": m, "indices": i} for (c, m), i in groups.items()],
        }, indent=1))
    fail = counts["crash"] + counts["mismatch"]
    if a.strict:
        fail += counts["rejected"] + counts["timeout"] + counts["invalid"]
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
