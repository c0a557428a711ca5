//! The Unicode database of the runtime (runtime/unicode_db.c) through the
//! str methods and repr(), for every code point U+0000..U+10FFFF on every
//! target, against python3: `runtime/tests/unicode_driver.c` +
//! `unicode_oracle.py`. Also checks that the checked-in unicode_db.c is
//! what runtime/tools/gen_unicode.py generates from this python3.

mod common;

use std::process::Command;

#[test]
fn every_code_point_matches_cpython_on_every_target() {
    // The oracle takes seconds: run it once for all targets.
    let want = common::python("unicode_oracle.py", &[], "");
    assert!(want.lines().count() > 1000, "oracle output cut short");
    let mut ran = Vec::new();
    let mut failures = Vec::new();
    for target in mgen::target::builtin_targets().expect("targets") {
        match common::build_and_run(&target, "unicode_driver.c") {
            Ok(Some(got)) => {
                ran.push(target.name.clone());
                let bad: Vec<String> = got
                    .lines()
                    .zip(want.lines())
                    .filter(|(g, w)| g != w)
                    .take(5)
                    .map(|(g, w)| format!("  got  {g}\n  want {w}"))
                    .collect();
                if !bad.is_empty() || got.lines().count() != want.lines().count() {
                    failures.push(format!(
                        "{}: {} lines, oracle {} (line: first code point in hex, run length, \
                         signature; see unicode_driver.c)\n{}",
                        target.name,
                        got.lines().count(),
                        want.lines().count(),
                        bad.join("\n")
                    ));
                }
            }
            Ok(None) => {}
            Err(e) => failures.push(format!("{}: {e:#}", target.name)),
        }
    }
    eprintln!("ran on: {}", ran.join(", "));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(!ran.is_empty(), "no target could run the driver");
}

#[test]
fn unicode_db_is_current() {
    let script = mgen::home::runtime_dir()
        .join("tools")
        .join("gen_unicode.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg("--check")
        .output()
        .expect("python3 is needed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
