//! RecursionError where CPython raises it, with CPython's message.
//!
//! Each line of `tests/recursion/ops.txt` is an operation that a runaway
//! recursion performs in every frame (the template below). CPython 3.11
//! counts C-level recursion checks (calls of builtins, str/repr of objects,
//! comparisons, comprehension frames) against the same limit as Python
//! frames, so the operation decides in which frame the error comes and
//! what its message says ("... while calling a Python object", "... in
//! comparison"); `src/lower/reclimit.rs` models it. For every operation
//! the program's stdout, exit status and last stderr line must be
//! python3's.

use std::path::Path;
use std::process::Command;
use std::sync::Mutex;

const TEMPLATE: &str = r#"xs: list[int] = [3, 1, 2]
ys: list[int] = [3, 1, 2]
d: dict[int, int] = {1: 2}
s = "abc"
s2 = "12"
fl = 1.5
st: set[int] = {1, 2}
fmt = "{}"
def g(x: int) -> int:
    return x
def neg(x: int) -> int:
    return -x
def f(n: int) -> int:
    OP
    return f(n + 1)
print(f(0))
"#;

fn outcome(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err.lines().last().unwrap_or("").to_string(),
    )
}

#[test]
fn recursion_errors_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mgen = env!("CARGO_BIN_EXE_mgen");
    let ops: Vec<String> = std::fs::read_to_string(root.join("tests/recursion/ops.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.to_string())
        .collect();
    assert!(
        ops.len() > 100,
        "tests/recursion/ops.txt lists the operations"
    );
    let tmp = tempfile::tempdir().unwrap();
    let failures = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    std::thread::scope(|sc| {
        for _ in 0..2 {
            sc.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some(op) = ops.get(i) else { break };
                let src = TEMPLATE.replace("OP", op);
                let py = tmp.path().join(format!("op{i}.py"));
                std::fs::write(&py, &src).unwrap();
                let want = outcome(Command::new("python3").arg(&py));
                let exe = tmp.path().join(format!("op{i}"));
                let b = Command::new(mgen)
                    .args(["build", "-O0", "-o"])
                    .arg(&exe)
                    .arg(&py)
                    .output()
                    .unwrap();
                if !b.status.success() {
                    failures.lock().unwrap().push(format!(
                        "`{op}`: does not build: {}",
                        String::from_utf8_lossy(&b.stderr)
                    ));
                    continue;
                }
                let got = outcome(&mut Command::new(&exe));
                if got != want {
                    failures.lock().unwrap().push(format!(
                        "`{op}`:\n  python3: exit {}, {} stdout lines, {:?}\n  mgen:    exit {}, {} stdout lines, {:?}",
                        want.0,
                        want.1.lines().count(),
                        want.2,
                        got.0,
                        got.1.lines().count(),
                        got.2
                    ));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} operations differ from CPython:\n{}",
        failures.len(),
        ops.len(),
        failures.join("\n")
    );
}
