//! PE/COFF targets: `-g` executables carry DWARF that llvm-dwarfdump
//! verifies, and (where the runner is installed) they print exactly what
//! CPython prints, byte for byte (no CRLF).

use mgen::driver::{BuildOptions, Emit, OptLevel};
use mgen::target::{ObjectFormat, Target};
use std::process::Command;

// `f` recurses so that it survives -O2 (a function LLVM folds away entirely
// rightly leaves no DWARF behind).
const PROGRAM: &str = "def f(n: int) -> int:\n    return n if n < 2 else f(n - 1) + f(n - 2)\n\nx: float = 1.5\nprint('hello', f(21), x * 3.0)\nprint('a\\nb')\n";

/// What CPython prints for PROGRAM.
fn expected(src: &std::path::Path) -> String {
    let out = Command::new("python3").arg(src).output().expect("python3");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn coff_targets() -> Vec<Target> {
    let v: Vec<Target> = mgen::target::builtin_targets()
        .unwrap()
        .into_iter()
        .filter(|t| t.object_format == ObjectFormat::Coff)
        .collect();
    assert!(!v.is_empty(), "no built-in PE/COFF target");
    v
}

#[test]
fn debug_builds_have_verifiable_dwarf_and_run() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("prog.py");
    std::fs::write(&src, PROGRAM).unwrap();
    let expected = expected(&src);
    for t in coff_targets() {
        for opt in [OptLevel::O0, OptLevel::O2] {
            let opts = BuildOptions {
                input: src.clone(),
                opt,
                debug: true,
                output: dir
                    .path()
                    .join(format!("prog-{}-{}{}", t.name, opt.name(), t.exe_suffix)),
                emit: vec![Emit::Exe],
                debug_output: Default::default(),
            };
            let exe =
                mgen::driver::build(&t, &opts).unwrap_or_else(|e| panic!("{}: {e:#}", t.name));
            let v = Command::new("llvm-dwarfdump-19")
                .arg("--verify")
                .arg(&exe)
                .output()
                .expect("llvm-dwarfdump-19");
            let text = String::from_utf8_lossy(&v.stdout);
            assert!(v.status.success(), "{} -{}: {text}", t.name, opt.name());
            let info = Command::new("llvm-dwarfdump-19")
                .args(["--debug-info", "--name=f"])
                .arg(&exe)
                .output()
                .unwrap();
            let info = String::from_utf8_lossy(&info.stdout);
            assert!(
                info.contains("DW_TAG_subprogram"),
                "{}: no DWARF for f: {info}",
                t.name
            );

            match mgen::runner::command(&t, &exe, &[]) {
                Ok(mut cmd) => {
                    let out = cmd.output().unwrap();
                    assert!(out.status.success(), "{}: {:?}", t.name, out.status);
                    assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{}", t.name);
                }
                Err(e) => eprintln!("not running {}: {e:#}", t.name),
            }
        }
    }
}
