//! Raising without exiting (`MG_RAISE_PROPAGATE`, runtime/mgen_rt.h) on
//! every target, against python3: `runtime/tests/errors_driver.c` calls
//! every raising runtime function so that it raises, and prints the
//! exception it left in `mg_exc` and the objects involved afterwards;
//! `errors_oracle.py` computes the same lines with CPython. The driver also
//! checks each documented error value. Under AddressSanitizer with
//! LeakSanitizer (the hosted malloc build) nothing may leak. An uncaught
//! exception propagated out of the module prints the traceback that the
//! exiting mode prints, and that CPython prints. Every prototype of
//! mgen_rt.h says whether it raises.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn oracle(args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg(common::runtime_tests_dir().join("errors_oracle.py"))
        .args(args)
        .output()
        .expect("python3 is needed as the oracle");
    assert!(
        out.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The driver built for `target` (in `dir`), or None if the target cannot
/// run here.
fn build(target: &mgen::target::Target, dir: &Path) -> anyhow::Result<Option<PathBuf>> {
    let mut objs = mgen::sysroot::runtime_objects(target)?;
    let drv = dir.join("driver.o");
    mgen::sysroot::compile_c(
        target,
        &common::runtime_tests_dir().join("errors_driver.c"),
        &drv,
    )?;
    objs.push(drv);
    let exe = dir.join(format!("driver{}", target.exe_suffix));
    mgen::link::link(target, &objs, &exe)?;
    if let Err(e) = mgen::runner::command(target, &exe, &[]) {
        eprintln!("skipping {}: {e:#}", target.name);
        return Ok(None);
    }
    Ok(Some(exe))
}

fn compare(name: &str, got: &str, want: &str) -> anyhow::Result<()> {
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        anyhow::ensure!(g == w, "{name} line {}:\n  got  {g}\n  want {w}", i + 1);
    }
    anyhow::ensure!(
        got.lines().count() == want.lines().count(),
        "{name}: driver printed {} lines, the oracle {}",
        got.lines().count(),
        want.lines().count()
    );
    Ok(())
}

/// Run the driver's cases; it must exit with 0 and print what the oracle
/// prints.
fn check_cases(target: &mgen::target::Target, exe: &Path, want: &str) -> anyhow::Result<()> {
    let out = mgen::runner::command(target, exe, &[])?.output()?;
    anyhow::ensure!(
        out.status.success(),
        "{}: driver failed ({}): {}",
        target.name,
        out.status,
        common::program_stderr(&out.stderr)
    );
    compare(&target.name, &String::from_utf8(out.stdout)?, want)
}

#[test]
fn raising_functions_propagate_as_cpython_on_every_target() {
    let want = oracle(&[]);
    assert!(want.lines().count() > 150, "oracle output cut short");
    assert!(
        !want.contains("no exception"),
        "a case of the oracle did not raise"
    );
    let mut ran = Vec::new();
    let mut failures = Vec::new();
    for target in mgen::target::builtin_targets().expect("targets") {
        let dir = tempfile::tempdir().unwrap();
        let r = build(&target, dir.path()).and_then(|exe| match exe {
            Some(exe) => check_cases(&target, &exe, &want).map(|_| true),
            None => Ok(false),
        });
        match r {
            Ok(true) => ran.push(target.name.clone()),
            Ok(false) => {}
            Err(e) => failures.push(format!("{e:#}")),
        }
    }
    eprintln!("ran on: {}", ran.join(", "));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for t in [
        "x86_64-unknown-linux-gnu",
        "armv7-unknown-linux-gnueabihf",
        "riscv32-unknown-linux-gnu",
        "wasm32-wasip1",
    ] {
        if ran.iter().any(|r| r == t) {
            continue;
        }
        // The brief's minimum; a missing runner is reported, not hidden.
        eprintln!("warning: {t} did not run here");
    }
    assert!(!ran.is_empty(), "no target could run the driver");
}

/// The same cases with the runtime on malloc under AddressSanitizer and
/// LeakSanitizer: an error path that leaks (or touches freed memory)
/// fails the run.
#[test]
fn raising_functions_leak_nothing_under_address_sanitizer() {
    let host = mgen::target::builtin_targets()
        .expect("targets")
        .into_iter()
        .find(|t| t.name == "x86_64-unknown-linux-gnu")
        .expect("the host target");
    let target = host.sanitized("address").expect("sanitized host target");
    let dir = tempfile::tempdir().unwrap();
    let exe = build(&target, dir.path())
        .expect("sanitized build (apt-get install clang-19 libclang-rt-19-dev)")
        .expect("the host runs its own programs");
    let out = mgen::runner::command(&target, &exe, &[])
        .unwrap()
        .env("ASAN_OPTIONS", "detect_leaks=1:exitcode=99")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "sanitized driver failed ({}):\n{err}",
        out.status
    );
    compare(
        "sanitized",
        &String::from_utf8(out.stdout).unwrap(),
        &oracle(&[]),
    )
    .unwrap();
}

/// `NAME.py:LINE in FUNC` for each `File "PATH", line LINE, in FUNC` line
/// and each repeat line (python3 prints the script's absolute path and the
/// source lines, mgen neither), then the last line.
fn frames(stderr: &str) -> Vec<String> {
    let mut v: Vec<String> = stderr
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
        .collect();
    v.push(stderr.lines().last().unwrap_or("").to_string());
    v
}

#[test]
fn uncaught_exceptions_print_the_same_traceback_in_both_modes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ran = Vec::new();
    for target in mgen::target::builtin_targets().expect("targets") {
        let dir = tempfile::tempdir().unwrap();
        let Some(exe) = build(&target, dir.path()).unwrap() else {
            continue;
        };
        for case in ["a", "b"] {
            let prog = tmp.path().join("t.py");
            std::fs::write(&prog, oracle(&["uncaught", case])).unwrap();
            let py = Command::new("python3").arg(&prog).output().unwrap();
            assert_eq!(py.status.code(), Some(1), "python3 t.py ({case})");
            let want = frames(&String::from_utf8_lossy(&py.stderr));
            let mut outs = Vec::new();
            for mode in ["0", "1"] {
                let out = mgen::runner::command(
                    &target,
                    &exe,
                    &["uncaught".to_string(), case.to_string(), mode.to_string()],
                )
                .unwrap()
                .output()
                .unwrap();
                let err = common::program_stderr(&out.stderr);
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{} uncaught {case} mode {mode}: {err}",
                    target.name
                );
                assert_eq!(
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&py.stdout),
                    "{} uncaught {case} mode {mode}: stdout",
                    target.name
                );
                assert_eq!(
                    frames(&err),
                    want,
                    "{} uncaught {case} mode {mode}",
                    target.name
                );
                outs.push(err);
            }
            assert_eq!(
                outs[0], outs[1],
                "{} uncaught {case}: the modes print differently",
                target.name
            );
        }
        ran.push(target.name.clone());
    }
    eprintln!("ran on: {}", ran.join(", "));
    assert!(!ran.is_empty(), "no target could run the driver");
}

/// Every function prototype in mgen_rt.h carries, on its line (the line
/// with the `;`), one of the marks the header's "Errors" section defines,
/// so that the raising primitives can be read off the header.
#[test]
fn header_marks_every_function() {
    let path = mgen::home::runtime_dir().join("mgen_rt.h");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut unmarked = Vec::new();
    let mut count = 0;
    let mut decl = String::new();
    let mut depth = 0i32; // inside a struct/enum body or a comment
    let mut in_comment = false;
    for line in text.lines() {
        let code = {
            // The line without comments (the mark itself is in one).
            let mut out = String::new();
            let mut rest = line;
            loop {
                if in_comment {
                    match rest.find("*/") {
                        Some(i) => {
                            rest = &rest[i + 2..];
                            in_comment = false;
                        }
                        None => break,
                    }
                } else {
                    match rest.find("/*") {
                        Some(i) => {
                            out.push_str(&rest[..i]);
                            rest = &rest[i + 2..];
                            in_comment = true;
                        }
                        None => {
                            out.push_str(rest);
                            break;
                        }
                    }
                }
            }
            out
        };
        let t = code.trim();
        if t.starts_with('#') {
            continue;
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
        if depth > 0 || t.starts_with('}') || t.is_empty() && decl.is_empty() {
            decl.clear();
            continue;
        }
        decl.push_str(t);
        decl.push(' ');
        if !t.ends_with(';') {
            continue;
        }
        let d = std::mem::take(&mut decl);
        if !d.contains('(') || d.starts_with("typedef") || d.starts_with("extern") {
            continue;
        }
        count += 1;
        let marked = ["never raises", "raises -> ", "fatal"]
            .iter()
            .any(|m| line.contains(m));
        if !marked {
            unmarked.push(d.trim().to_string());
        }
    }
    assert!(count >= 170, "found only {count} prototypes in mgen_rt.h");
    assert!(
        unmarked.is_empty(),
        "prototypes in mgen_rt.h without a raise mark:\n{}",
        unmarked.join("\n")
    );
}
