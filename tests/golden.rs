//! Golden tests of the compiler's text dumps (the way rust-analyzer's
//! expect-test and Cranelift's filetests work).
//!
//! Every `tests/golden/NAME.py` is compiled with `mgen build --emit KIND -o -
//! NAME.py` (run in `tests/golden/`, so dumps name the file `NAME.py`) for
//! each dump kind of `KINDS`, and the output must equal `NAME.EXT` beside it.
//! A program says which kinds it is checked for with a first line
//! `# golden: hir mir` (default: `hir`); an expected file that exists is
//! always checked.
//!
//! After an intended change, regenerate the expected files and review the
//! diff: `UPDATE_EXPECT=1 cargo test --release --test golden`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A dump kind: the `--emit` value and the expected file's extension.
struct Kind {
    emit: &'static str,
    ext: &'static str,
}

/// The dumps the harness knows. Add a row for a new `--emit` kind.
const KINDS: &[Kind] = &[
    Kind {
        emit: "hir",
        ext: "hir",
    },
    Kind {
        emit: "mir",
        ext: "mir",
    },
];

const DEFAULT_KINDS: &[&str] = &["hir"];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn programs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

/// The kinds a program is checked for: its `# golden:` header (or the
/// default), plus every kind whose expected file exists.
fn kinds_for(py: &Path, src: &str) -> Result<Vec<&'static Kind>, String> {
    let wanted: Vec<String> = match src.lines().next().and_then(|l| l.strip_prefix("# golden:")) {
        Some(list) => list.split_whitespace().map(String::from).collect(),
        None => DEFAULT_KINDS.iter().map(|s| s.to_string()).collect(),
    };
    for w in &wanted {
        if !KINDS.iter().any(|k| k.emit == w) {
            return Err(format!(
                "{}: unknown dump kind `{w}` in the `# golden:` header",
                py.display()
            ));
        }
    }
    Ok(KINDS
        .iter()
        .filter(|k| wanted.iter().any(|w| w == k.emit) || py.with_extension(k.ext).exists())
        .collect())
}

fn dump(py: &Path, kind: &Kind) -> Result<String, String> {
    let name = py.file_name().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mgen"))
        .args(["build", "--emit", kind.emit, "-o", "-"])
        .arg(name)
        .current_dir(golden_dir())
        .output()
        .map_err(|e| format!("cannot run mgen: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{}: mgen build --emit {} failed:\n{}",
            py.display(),
            kind.emit,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("{}: output is not UTF-8: {e}", py.display()))
}

/// The first differing line, with a little context, for the failure report.
fn difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    let from = first.saturating_sub(2);
    let mut s = format!("first difference at line {}:\n", first + 1);
    for i in from..(first + 3) {
        if let Some(l) = e.get(i) {
            s.push_str(&format!("  expected {:>4} | {l}\n", i + 1));
        }
        if let Some(l) = a.get(i) {
            s.push_str(&format!("  actual   {:>4} | {l}\n", i + 1));
        }
    }
    s
}

#[test]
fn golden_dumps() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v != "0" && !v.is_empty());
    let progs = programs();
    assert!(!progs.is_empty(), "no tests/golden/*.py found");
    let mut failures = Vec::new();
    let mut checked = 0;
    for py in &progs {
        let src = fs::read_to_string(py).unwrap();
        let kinds = match kinds_for(py, &src) {
            Ok(k) => k,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        for kind in kinds {
            checked += 1;
            let expect_path = py.with_extension(kind.ext);
            let actual = match dump(py, kind) {
                Ok(a) => a,
                Err(e) => {
                    failures.push(e);
                    continue;
                }
            };
            let expected = fs::read_to_string(&expect_path).ok();
            if expected.as_deref() == Some(actual.as_str()) {
                continue;
            }
            if update {
                fs::write(&expect_path, &actual).unwrap();
                eprintln!("updated {}", expect_path.display());
                continue;
            }
            failures.push(match expected {
                None => format!(
                    "{} is missing (run `UPDATE_EXPECT=1 cargo test --release --test golden`)",
                    expect_path.display()
                ),
                Some(e) => format!(
                    "{} differs from the dump:\n{}",
                    expect_path.display(),
                    difference(&e, &actual)
                ),
            });
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    eprintln!(
        "golden: {} passed, {} failed",
        checked - failures.len().min(checked),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} golden dump(s) differ; if the change is intended, regenerate with \
         `UPDATE_EXPECT=1 cargo test --release --test golden` and review the diff",
        failures.len()
    );
}
