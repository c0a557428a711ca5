//! Values, lists, dicts, sets and the allocator of the runtime on every
//! target, against python3: `runtime/tests/containers_driver.c` prints the
//! results of a fixed sequence of operations; `containers_oracle.py` runs
//! the same operations in CPython (same random numbers) and prints what
//! they should be, including set iteration orders, hashes and sort
//! stability. Its `errors` mode gives the exception line of each error case.

mod common;

use std::process::Command;

fn oracle(arg: Option<&str>) -> String {
    let mut cmd = Command::new("python3");
    cmd.arg(common::runtime_tests_dir().join("containers_oracle.py"));
    if let Some(a) = arg {
        cmd.arg(a);
    }
    let out = cmd.output().expect("python3 is needed as the oracle");
    assert!(
        out.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn check_target(
    target: &mgen::target::Target,
    want: &str,
    errors: &[String],
) -> anyhow::Result<bool> {
    let mut objs = mgen::sysroot::runtime_objects(target)?;
    let dir = tempfile::tempdir()?;
    let drv = dir.path().join("driver.o");
    mgen::sysroot::compile_c(
        target,
        &common::runtime_tests_dir().join("containers_driver.c"),
        &drv,
    )?;
    objs.push(drv);
    let exe = dir.path().join(format!("driver{}", target.exe_suffix));
    mgen::link::link(target, &objs, &exe)?;
    if let Err(e) = mgen::runner::command(target, &exe, &[]) {
        eprintln!("skipping {}: {e:#}", target.name);
        return Ok(false);
    }
    let out = mgen::runner::command(target, &exe, &[])?.output()?;
    anyhow::ensure!(
        out.status.success(),
        "{}: driver failed: {}",
        target.name,
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout)?;
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        anyhow::ensure!(
            g == w,
            "{} line {}:\n  got  {g}\n  want {w}",
            target.name,
            i + 1
        );
    }
    anyhow::ensure!(
        got.lines().count() == want.lines().count(),
        "{}: driver printed {} lines, the oracle {}",
        target.name,
        got.lines().count(),
        want.lines().count()
    );
    for (i, exc) in errors.iter().enumerate() {
        common::check_error_case(target, &exe, i, exc)?;
    }
    Ok(true)
}

#[test]
fn containers_match_cpython_on_every_target() {
    let want = oracle(None);
    assert!(want.lines().count() > 200, "oracle output cut short");
    let errors: Vec<String> = oracle(Some("errors")).lines().map(String::from).collect();
    assert!(errors.len() >= 20 && !errors.iter().any(|e| e == "no error"));
    let mut ran = Vec::new();
    let mut failures = Vec::new();
    for target in mgen::target::builtin_targets().expect("targets") {
        match check_target(&target, &want, &errors) {
            Ok(true) => ran.push(target.name.clone()),
            Ok(false) => {}
            Err(e) => failures.push(format!("{e:#}")),
        }
    }
    eprintln!("ran on: {}", ran.join(", "));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(!ran.is_empty(), "no target could run the driver");
}
