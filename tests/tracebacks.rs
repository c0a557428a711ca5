//! Tracebacks name the same frames and lines as CPython's.
//!
//! The matrix compares only the last stderr line of a failing program. This
//! test runs every `qemu-tests/err_*.py` (and every other program that exits
//! with 1) under python3 and as an mgen build for the host at -O0 and -O2,
//! and compares the `File "...", line N, in NAME` lines of both tracebacks:
//! the frame line numbers come from generated code (the frame's `line` is
//! stored before anything that can raise), so a lowering change that drops
//! or misplaces one shows up here.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `NAME.py:LINE in FUNC` for each `File "PATH", line LINE, in FUNC` line
/// (python3 prints the script's absolute path, mgen the path as given).
fn frames(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .map(str::trim)
        .filter_map(|l| {
            if l.starts_with("[Previous line repeated ") {
                return Some(l.to_string());
            }
            let rest = l.strip_prefix("File \"")?;
            let (path, rest) = rest.split_once('"')?;
            let name = Path::new(path).file_name()?.to_string_lossy().into_owned();
            let rest = rest.strip_prefix(", line ")?;
            let (line, func) = rest.split_once(", in ")?;
            Some(format!("{name}:{line} in {func}"))
        })
        .collect()
}

fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| p.with_extension("err").is_file())
        .collect();
    v.sort();
    v
}

#[test]
fn tracebacks_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mgen = env!("CARGO_BIN_EXE_mgen");
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    let progs = programs(&root.join("qemu-tests"));
    assert!(
        progs.len() >= 20,
        "expected the err_* programs in qemu-tests/"
    );
    for prog in &progs {
        // Relative path, as the user named it: both tracebacks print it.
        let rel = prog.strip_prefix(root).unwrap();
        let py = Command::new("python3")
            .arg(rel)
            .current_dir(root)
            .output()
            .unwrap();
        // Comprehensions run inline, as in CPython 3.12 and later (PEP 709);
        // 3.11 gives them a frame of their own.
        let want: Vec<String> = frames(&String::from_utf8_lossy(&py.stderr))
            .into_iter()
            .filter(|f| {
                !f.ends_with(" in <listcomp>")
                    && !f.ends_with(" in <dictcomp>")
                    && !f.ends_with(" in <setcomp>")
            })
            .collect();
        if want.is_empty() {
            failures.push(format!("{}: python3 printed no traceback", rel.display()));
            continue;
        }
        for opt in ["-O0", "-O2"] {
            let exe = tmp.path().join(format!(
                "{}{}",
                prog.file_stem().unwrap().to_string_lossy(),
                opt
            ));
            let b = Command::new(mgen)
                .args(["build", opt, "-o"])
                .arg(&exe)
                .arg(rel)
                .current_dir(root)
                .output()
                .unwrap();
            if !b.status.success() {
                failures.push(format!(
                    "{} {opt}: build failed: {}",
                    rel.display(),
                    String::from_utf8_lossy(&b.stderr)
                ));
                continue;
            }
            let run = Command::new(&exe).current_dir(root).output().unwrap();
            let got = frames(&String::from_utf8_lossy(&run.stderr));
            if got != want {
                failures.push(format!(
                    "{} {opt}:\n  python3: {:?}\n  mgen:    {:?}",
                    rel.display(),
                    want,
                    got
                ));
            }
            checked += 1;
        }
    }
    eprintln!("compared {checked} tracebacks");
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
