"""Running one program under CPython and under mgen, and classifying the result.

Used by fuzz.py (campaigns) and reduce.py (shrinking a finding).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OVERFLOW = "OverflowError: integer overflow: result does not fit in 64 bits"

# Classes, worst first (a program's class is the worst over its configurations).
ORDER = ["crash", "mismatch", "rejected", "timeout", "divergence", "pass"]
HOST = "x86_64-unknown-linux-gnu"


def python_env():
    """CPython's environment as ci/check-expected pins it."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(k, None)
    return env


def last_line(b):
    lines = b.decode("utf-8", "replace").splitlines()
    return lines[-1] if lines else ""


class Outcome:
    __slots__ = ("rc", "stdout", "last", "timeout")

    def __init__(self, rc, stdout, last, timeout=False):
        self.rc, self.stdout, self.last, self.timeout = rc, stdout, last, timeout


def run(cmd, timeout, cwd=None, env=None):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, cwd=cwd, env=env)
    except subprocess.TimeoutExpired:
        return Outcome(None, b"", "", timeout=True), b""
    return Outcome(p.returncode, p.stdout, last_line(p.stderr)), p.stderr


def run_cpython(path, timeout=10):
    out, _ = run([sys.executable, "-B", str(path)], timeout, cwd=str(Path(path).parent),
                 env=python_env())
    return out


_RUNNERS = {}


def runner_for(target):
    """The runner command template of a target descriptor (targets/*.toml)."""
    if target in _RUNNERS:
        return _RUNNERS[target]
    path = ROOT / "targets" / ("%s.toml" % target)
    seen = 0
    spec = None
    while path and seen < 5:
        d = tomllib.loads(path.read_text())
        if "runner" in d and spec is None:
            spec = d["runner"]
        inh = d.get("inherits")
        path = (ROOT / "targets" / inh) if inh and spec is None else None
        seen += 1
    if spec is None or not spec.get("command"):
        raise SystemExit("target %s has no runner (build-only); cannot fuzz it" % target)
    _RUNNERS[target] = spec
    return spec


def runner_cmd(target, exe):
    spec = runner_for(target)
    cmd = [w.replace("{exe}", str(exe)).replace("{mgen_home}", str(ROOT)) for w in spec["command"]]
    env = dict(os.environ)
    for k, v in spec.get("env", {}).items():
        env[k] = v.replace("{mgen_home}", str(ROOT))
    return cmd, env


CRASH_PAT = re.compile(r"panicked at|overflowed its stack|LLVM ERROR|Assertion .* failed|"
                       r"internal error|RUST_BACKTRACE|Segmentation fault|core dumped", re.I)


def build(mgen, src_path, target, level, exe, timeout=120):
    """(status, message): status is ok | rejected | crash | timeout."""
    cmd = [str(mgen), "build", "--target", target, "-O%s" % level, str(src_path), "-o", str(exe)]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", "build timed out after %ds" % timeout
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode == 0 and Path(exe).exists():
        return "ok", ""
    if p.returncode < 0 or p.returncode >= 101 or CRASH_PAT.search(err):
        first = next((l for l in err.splitlines() if l.strip()), "")
        m = CRASH_PAT.search(err)
        return "crash", "build exit %d: %s" % (p.returncode, (m.group(0) + ": " if m else "") + first[:300])
    # A compile error names file:line:col (codespan) after `error: MESSAGE`.
    msgs = [l[len("error: "):] for l in err.splitlines() if l.startswith("error: ")
            and not l.startswith("error: could not compile")]
    if msgs and re.search(r"┌─ .*:\d+:\d+", err):
        return "rejected", msgs[0]
    return "crash", "build failed without a diagnostic (exit %d): %s" % (p.returncode, err.strip()[:300])


def compare(py, mg):
    """Class of one configuration's run against CPython's outcome."""
    if mg.timeout:
        return "timeout", "mgen's executable timed out"
    if mg.rc is not None and (mg.rc < 0 or mg.rc >= 128):
        return "crash", "executable died with %s (last stderr line %r)" % (
            "signal %d" % -mg.rc if mg.rc < 0 else "exit %d" % mg.rc, mg.last)
    if mg.rc == 1 and mg.last == OVERFLOW and py.last != OVERFLOW:
        # mgen's documented divergence: 64-bit ints. CPython printed the same
        # up to there (or a bignum result): not a defect.
        if py.stdout.startswith(mg.stdout):
            return "divergence", "64-bit int overflow (documented)"
    if mg.stdout != py.stdout:
        return "mismatch", first_diff(py.stdout, mg.stdout)
    if mg.rc != py.rc:
        return "mismatch", "exit code %s, CPython %s (mgen's last stderr line %r, CPython's %r)" % (
            mg.rc, py.rc, mg.last, py.last)
    if py.rc != 0 and mg.last != py.last:
        return "mismatch", "last stderr line %r, CPython %r" % (mg.last, py.last)
    return "pass", ""


def first_diff(expected, got):
    e = expected.decode("utf-8", "replace").split("\n")
    g = got.decode("utf-8", "replace").split("\n")
    for i in range(max(len(e), len(g))):
        el = e[i] if i < len(e) else "<end of output>"
        gl = g[i] if i < len(g) else "<end of output>"
        if el != gl:
            return "stdout line %d: CPython %r, mgen %r" % (i + 1, el[:200], gl[:200])
    return "stdout differs (trailing newline?)"


def check(mgen, src_path, configs, py=None, workdir=None, run_timeout=10, build_timeout=120):
    """Run one program on every (target, level). Returns (py, [(target, level, cls, msg)])."""
    src_path = Path(src_path)
    if py is None:
        py = run_cpython(src_path, run_timeout)
    results = []
    own = workdir is None
    wd = Path(tempfile.mkdtemp(prefix="mgfuzz-")) if own else Path(workdir)
    try:
        for target, level in configs:
            exe = wd / ("%s-%s-O%s" % (src_path.stem, target, level))
            st, msg = build(mgen, src_path, target, level, exe, build_timeout)
            if st != "ok":
                results.append((target, level, st if st != "ok" else "pass", msg))
                continue
            cmd, env = runner_cmd(target, exe)
            tmo = run_timeout if target == HOST else run_timeout * 3
            mg, _ = run(cmd, tmo, cwd=str(wd), env=env)
            cls, msg = compare(py, mg)
            results.append((target, level, cls, msg))
            try:
                os.unlink(exe)
            except OSError:
                pass
    finally:
        if own:
            shutil.rmtree(wd, ignore_errors=True)
    return py, results


def worst(results):
    return min((r[2] for r in results), key=ORDER.index, default="pass")


def signature(results):
    """A short text naming what went wrong (for grouping and for the reducer)."""
    w = worst(results)
    for t, l, c, m in results:
        if c == w:
            return w, m
    return w, ""
