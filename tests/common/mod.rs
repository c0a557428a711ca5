//! Shared by the runtime tests (tests/runtime_*.rs): running a C driver's
//! error case and checking the traceback it prints.

#![allow(dead_code)] // each test crate uses part of it

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub fn runtime_tests_dir() -> PathBuf {
    mgen::home::runtime_dir().join("tests")
}

/// Run `runtime/tests/SCRIPT` (a python3 oracle) with `args`, feeding it
/// `input`; its stdout is what CPython says.
pub fn python(script: &str, args: &[&str], input: &str) -> String {
    let script = std::fs::read_to_string(runtime_tests_dir().join(script)).unwrap();
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 is needed as the oracle");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "oracle failed");
    String::from_utf8(out.stdout).unwrap()
}

/// Build `runtime/tests/DRIVER` with the target's runtime and run it; None
/// if the target cannot run here (no runner installed).
pub fn build_and_run(
    target: &mgen::target::Target,
    driver: &str,
) -> anyhow::Result<Option<String>> {
    let mut objs = mgen::sysroot::runtime_objects(target)?;
    let dir = tempfile::tempdir()?;
    let drv = dir.path().join("driver.o");
    mgen::sysroot::compile_c(target, &runtime_tests_dir().join(driver), &drv)?;
    objs.push(drv);
    let exe = dir.path().join(format!("driver{}", target.exe_suffix));
    mgen::link::link(target, &objs, &exe)?;
    let mut cmd = match mgen::runner::command(target, &exe, &[]) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("skipping {}: {e:#}", target.name);
            return Ok(None);
        }
    };
    let out = cmd.output()?;
    anyhow::ensure!(
        out.status.success(),
        "{} driver failed ({}): {}",
        target.name,
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(Some(String::from_utf8(out.stdout)?))
}

/// stderr without lines the emulator adds (wine reports its own faults and
/// fixmes on the same stream); what remains is the program's.
pub fn program_stderr(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .lines()
        .filter(|l| !l.starts_with("wine: ") && !l.contains(":fixme:") && !l.contains(":err:"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Run `exe i` on `target`: it must end with exit status 1 and print the
/// traceback of a module-level error whose last line is `exc`.
pub fn check_error_case(
    target: &mgen::target::Target,
    exe: &Path,
    i: usize,
    exc: &str,
) -> anyhow::Result<()> {
    let out = mgen::runner::command(target, exe, &[i.to_string()])?.output()?;
    let err = program_stderr(&out.stderr);
    let want = format!(
        "Traceback (most recent call last):\n  File \"t.py\", line 5, in <module>\n{exc}\n"
    );
    anyhow::ensure!(
        out.status.code() == Some(1),
        "{} error case {i}: exit status {}",
        target.name,
        out.status
    );
    anyhow::ensure!(
        err == want,
        "{} error case {i}:\n  got  {err:?}\n  want {want:?}",
        target.name
    );
    Ok(())
}
