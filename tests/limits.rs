//! Deeply nested programs: at CPython 3.11's limits mgen compiles what
//! python3 compiles (and prints what it prints, at -O0 and -O2), and
//! refuses what it refuses with its error (src/front/limits.rs). The programs
//! are generated here; python3 gives the expected result.

use std::path::Path;
use std::process::Command;

/// A program's result: its stdout, or the error that stopped it (the last
/// line of python3's stderr; mgen's compile error message).
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Ran(String),
    Refused(String),
}

/// python3 is CPython 3.11 (the oracle these limits are CPython 3.11's).
fn have_python311() -> bool {
    let ok = Command::new("python3")
        .args([
            "-c",
            "import sys; sys.exit(sys.version_info[:2] != (3, 11))",
        ])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: python3 is not CPython 3.11");
    }
    ok
}

fn python(dir: &Path, src: &str) -> Outcome {
    let p = dir.join("prog.py");
    std::fs::write(&p, src).unwrap();
    let o = Command::new("python3").arg(&p).output().unwrap();
    if o.status.success() {
        Outcome::Ran(String::from_utf8_lossy(&o.stdout).into_owned())
    } else {
        let err = String::from_utf8_lossy(&o.stderr);
        Outcome::Refused(err.trim_end().lines().last().unwrap_or("").to_string())
    }
}

fn mgen_build(dir: &Path, src: &str, opt: &str, stack: Option<usize>) -> std::process::Output {
    let p = dir.join("prog.py");
    std::fs::write(&p, src).unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_mgen"));
    c.args(["build", opt, "-o"]).arg(dir.join("prog")).arg(&p);
    if let Some(s) = stack {
        c.env("MGEN_COMPILE_STACK", s.to_string());
    }
    c.output().unwrap()
}

fn mgen(dir: &Path, src: &str, opt: &str) -> Outcome {
    let o = mgen_build(dir, src, opt, None);
    let err = String::from_utf8_lossy(&o.stderr);
    if !o.status.success() {
        assert_eq!(o.status.code(), Some(1), "mgen crashed: {err}");
        let first = err.lines().next().unwrap_or("");
        return Outcome::Refused(first.trim_start_matches("error: ").to_string());
    }
    let r = Command::new(dir.join("prog")).output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    Outcome::Ran(String::from_utf8_lossy(&r.stdout).into_owned())
}

/// For each n: python3 and mgen agree on `shape(n)`; programs that run
/// are built at each of `levels` (the others at -O0: an error does not
/// depend on the level).
fn agree(shape: fn(usize) -> String, ns: &[usize], levels: &[&str]) {
    if !have_python311() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for &n in ns {
        let src = shape(n);
        let want = python(dir.path(), &src);
        let levels = if matches!(want, Outcome::Ran(_)) {
            levels
        } else {
            &["-O0"]
        };
        for opt in levels {
            let got = mgen(dir.path(), &src, opt);
            assert_eq!(
                got,
                want,
                "n = {n} at {opt}: {}",
                &src[..src.len().min(200)]
            );
        }
    }
}

const RECURSION: &str = "RecursionError: maximum recursion depth exceeded during compilation";

/// `n` nested blocks opened by `head`, around `body` (lines).
fn nested(n: usize, head: &str, body: &[&str]) -> String {
    let mut s = String::new();
    for i in 0..n {
        s += &format!("{}{head}\n", " ".repeat(i));
    }
    for line in body {
        s += &format!("{}{line}\n", " ".repeat(n));
    }
    s
}

// The thresholds below were measured with python3 3.11.7; the tests do not
// assume them, they compare with python3 on both sides of each.

#[test]
fn binary_operator_chains() {
    agree(
        |n| format!("x = {}\nprint(x)\n", vec!["1"; n].join(" + ")),
        &[2999, 3000],
        &["-O0", "-O2"],
    );
    agree(
        |n| format!("a = 7\nx = {}\nprint(x)\n", vec!["a"; n].join(" - ")),
        &[2999, 3000],
        &["-O0", "-O2"],
    );
    // In a function: two levels deeper (def, return).
    agree(
        |n| {
            format!(
                "def f(a: int) -> int:\n    return {}\nprint(f(3))\n",
                vec!["a"; n].join(" * 1 + ")
            )
        },
        &[1499, 1500],
        &["-O0"],
    );
    agree(
        |n| format!("x = {}\nprint(len(x))\n", vec!["\"ab\""; n].join(" + ")),
        &[2999, 3000],
        &["-O0"],
    );
}

#[test]
fn unary_chains_and_the_parser_stack() {
    // ast_opt's limit first (RecursionError), the parser's stack further
    // (MemoryError).
    agree(
        |n| format!("x = {}1\nprint(x)\n", "-".repeat(n)),
        &[2998, 2999, 5967, 5968],
        &["-O0", "-O2"],
    );
    agree(
        |n| format!("x = {}True\nprint(x)\n", "not ".repeat(n)),
        &[2998, 2999],
        &["-O0"],
    );
    agree(
        |n| format!("if True:\n    x = {}1\n    print(x)\n", "-".repeat(n)),
        &[5961, 5962],
        &["-O0"],
    );
    agree(
        |n| format!("print({}1)\n", "-".repeat(n)),
        &[5964, 5965],
        &["-O0"],
    );
    // `**` costs the parser two levels: MemoryError before RecursionError.
    agree(
        |n| format!("x = {}\nprint(x)\n", vec!["1"; n].join("**")),
        &[2984, 2985],
        &["-O0", "-O2"],
    );
    agree(
        |n| {
            format!(
                "def f() -> int:\n    return {}\nprint(f())\n",
                vec!["1"; n].join("**")
            )
        },
        &[2981, 2982],
        &["-O0"],
    );
    agree(
        |n| format!("c = True\nx = {}0\nprint(x)\n", "1 if c else ".repeat(n)),
        &[2998, 2999, 5967, 5968],
        &["-O0"],
    );
}

#[test]
fn subscript_call_and_method_chains() {
    agree(
        |n| format!("s = \"abc\"\nx = s{}\nprint(x)\n", "[0]".repeat(n)),
        &[2998, 2999],
        &["-O0"],
    );
    // A method call is two levels (call, attribute).
    agree(
        |n| format!("s = \" a \"\nx = s{}\nprint(x)\n", ".strip()".repeat(n)),
        &[1499, 1500],
        &["-O0"],
    );
}

#[test]
fn nested_brackets() {
    agree(
        |n| format!("x = {}-1{}\nprint(x)\n", "abs(".repeat(n), ")".repeat(n)),
        &[200, 201],
        &["-O0", "-O2"],
    );
    agree(
        |n| format!("x = {}1{}\nprint(len(x))\n", "[".repeat(n), "]".repeat(n)),
        &[200, 201],
        &["-O0"],
    );
    agree(
        |n| format!("x = {}1{}\nprint(x)\n", "-(".repeat(n), ")".repeat(n)),
        &[200, 201],
        &["-O0"],
    );
    agree(
        |n| {
            format!(
                "x = {}[1]{}\nprint(x)\n",
                "[a for a in ".repeat(n),
                "]".repeat(n)
            )
        },
        &[199, 200],
        &["-O0", "-O2"],
    );
    // An f-string field is tokenized afresh (inside one parenthesis).
    agree(
        |n| {
            format!(
                "x = 1\nprint(f\"{{{}x{}}}\")\n",
                "(".repeat(n),
                ")".repeat(n)
            )
        },
        &[199, 200],
        &["-O0"],
    );
}

#[test]
fn nested_blocks() {
    agree(
        |n| nested(n, "if True:", &["print(1)"]),
        &[99, 100],
        &["-O0", "-O2"],
    );
    agree(
        |n| {
            let mut s = String::from("i = 0\n");
            s += &nested(n, "while i < 1:", &["i += 1", "print(i)"]);
            s
        },
        &[20, 21],
        &["-O0"],
    );
    agree(
        |n| nested(n, "for i in range(1):", &["print(i)"]),
        &[20, 21],
        &["-O0", "-O2"],
    );
    // Each function counts its own blocks.
    agree(
        |n| {
            let mut s = String::from("def f() -> None:\n");
            for line in nested(n, "for i in range(1):", &["print(i)"]).lines() {
                s += &format!("    {line}\n");
            }
            s + &nested(15, "for j in range(1):", &["f()"])
        },
        &[20, 21],
        &["-O0"],
    );
}

#[test]
fn long_elif_chains() {
    // Each elif is an `if` in the previous one's `else`: a level each.
    let chain = |n: usize| {
        let mut s = format!("x = {n}\nif x == 0:\n    print(0)\n");
        for i in 1..=n {
            s += &format!("elif x == {i}:\n    print({i})\n");
        }
        s
    };
    agree(chain, &[2996, 2997], &["-O0", "-O2"]);
    agree(
        |n| {
            let mut s =
                String::from("def f(x: int) -> str:\n    if x == 0:\n        return \"zero\"\n");
            for i in 1..=n {
                s += &format!("    elif x == {i}:\n        return \"{i}\"\n");
            }
            s += &format!(
                "    else:\n        return \"other\"\nprint(f({}), f(-1))\n",
                n / 2
            );
            s
        },
        &[2996, 2997],
        &["-O0"],
    );
}

/// The lead's reproductions of the crash: 2,784 terms work; far past the
/// limits CPython's errors, never a crash.
#[test]
fn far_past_the_limits() {
    agree(
        |n| format!("x = {}\nprint(x)\n", vec!["1"; n].join(" + ")),
        &[2784, 200_000],
        &["-O0"],
    );
    agree(
        |n| format!("x = {}1\nprint(x)\n", "-".repeat(n)),
        &[3000, 100_000],
        &["-O0"],
    );
    agree(|n| nested(n, "if True:", &["print(1)"]), &[5000], &["-O0"]);
    agree(
        |n| {
            let mut s = String::from("x = 1\nif x == 0:\n    print(0)\n");
            for i in 1..=n {
                s += &format!("elif x == {i}:\n    print({i})\n");
            }
            s
        },
        &[5000],
        &["-O0"],
    );
}

#[test]
fn errors_point_at_the_construct() {
    let dir = tempfile::tempdir().unwrap();
    let o = mgen_build(
        dir.path(),
        &nested(100, "if True:", &["print(1)"]),
        "-O0",
        None,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: IndentationError: too many levels of indentation\n")
            && err.contains("prog.py:101:101"),
        "{err}"
    );
    let src = format!("x = 1\ny = {}1{}\n", "(".repeat(201), ")".repeat(201));
    let err =
        String::from_utf8_lossy(&mgen_build(dir.path(), &src, "-O0", None).stderr).into_owned();
    assert!(
        err.starts_with("error: SyntaxError: too many nested parentheses\n")
            && err.contains("prog.py:2:205"),
        "{err}"
    );
    let src = format!("x = 1\nprint(x)\ny = {}\n", vec!["x"; 3000].join(" + "));
    let err =
        String::from_utf8_lossy(&mgen_build(dir.path(), &src, "-O0", None).stderr).into_owned();
    assert!(
        err.starts_with(&format!("error: {RECURSION}\n")) && err.contains("prog.py:3:5"),
        "{err}"
    );
    let src = nested(21, "for i in range(1):", &["print(i)"]);
    let err =
        String::from_utf8_lossy(&mgen_build(dir.path(), &src, "-O0", None).stderr).into_owned();
    assert!(
        err.starts_with("error: SyntaxError: too many statically nested blocks\n")
            && err.contains("prog.py:21:21"),
        "{err}"
    );
}

/// mgen's own limit: 100 nested loops in a function (comprehension
/// clauses included), where CPython has none.
#[test]
fn nested_loop_limit() {
    let dir = tempfile::tempdir().unwrap();
    let comp = |n: usize| {
        let fors: String = (0..n).map(|i| format!("for a{i} in [1] ")).collect();
        format!("x = [1 {fors}]\nprint(x)\n")
    };
    assert_eq!(
        mgen(dir.path(), &comp(100), "-O2"),
        Outcome::Ran("[1]\n".into())
    );
    let o = mgen_build(dir.path(), &comp(101), "-O0", None);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: mgen compiles at most 100 nested loops in one function\n")
            && err.contains("prog.py:1:1498"),
        "{err}"
    );
    // Loop statements and clauses together.
    let mut src = nested(20, "for i in range(1):", &[]);
    let fors: String = (0..81).map(|i| format!("for a{i} in [1] ")).collect();
    src += &format!("{}print([1 {fors}])\n", " ".repeat(20));
    let err =
        String::from_utf8_lossy(&mgen_build(dir.path(), &src, "-O0", None).stderr).into_owned();
    assert!(err.contains("at most 100 nested loops"), "{err}");
}

/// The deepest programs CPython accepts build on an eighth of the compile
/// thread's stack: the margin `driver::COMPILE_STACK` leaves.
#[test]
fn deepest_programs_leave_a_stack_margin() {
    let dir = tempfile::tempdir().unwrap();
    let programs = [
        format!("x = {}\nprint(x)\n", vec!["1"; 2999].join(" + ")),
        format!("x = {}1\nprint(x)\n", "-".repeat(2998)),
        format!("c = True\nx = {}0\nprint(x)\n", "1 if c else ".repeat(2998)),
        format!("s = \"abc\"\nx = s{}\nprint(x)\n", "[0]".repeat(2998)),
        format!("x = {}\nprint(x)\n", vec!["1"; 2984].join("**")),
    ];
    for src in &programs {
        for opt in ["-O0", "-O2"] {
            let o = mgen_build(dir.path(), src, opt, Some(mgen::driver::COMPILE_STACK / 8));
            assert!(
                o.status.success(),
                "{opt}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
    }
}

/// `and`/`or` chains are flat in CPython's AST (no limit) but nest in
/// mgen's IR: their lowering grows its stack (stacker), so a long chain
/// builds on a small stack (8 MiB; it needed 14 without) and runs.
#[test]
fn long_boolean_chains_on_a_small_stack() {
    if !have_python311() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (op, first) in [("and", "5"), ("or", "0")] {
        let src = format!(
            "c = {first}\nx = {} {op} 7\nprint(x)\n",
            vec!["c"; 50_000].join(&format!(" {op} "))
        );
        let o = mgen_build(dir.path(), &src, "-O0", Some(8 << 20));
        assert!(
            o.status.success(),
            "{op}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let r = Command::new(dir.path().join("prog")).output().unwrap();
        assert_eq!(
            Outcome::Ran(String::from_utf8_lossy(&r.stdout).into_owned()),
            python(dir.path(), &src),
            "{op}"
        );
    }
}
