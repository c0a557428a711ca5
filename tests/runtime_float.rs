//! repr(float), float(str), pow and float // % of the runtime on every
//! target, against python3 (CPython is the oracle).
//!
//! `runtime/tests/float_driver.c` prints one line per case with the input
//! bits and the runtime's answer; `runtime/tests/float_oracle.py` (run with
//! `python3 -c`) recomputes each line from the input bits.

mod common;

fn compare(name: &str, got: &str, want: &str) -> Result<(), String> {
    let g: Vec<&str> = got.lines().collect();
    let w: Vec<&str> = want.lines().collect();
    let mut bad = Vec::new();
    for (i, want_line) in w.iter().enumerate() {
        let got_line = g.get(i).copied().unwrap_or("<missing>");
        if got_line != *want_line {
            bad.push(format!(
                "  line {}:\n    got  {got_line}\n    want {want_line}",
                i + 1
            ));
        }
    }
    if g.len() != w.len() {
        bad.push(format!("  {} lines, CPython gave {}", g.len(), w.len()));
    }
    if bad.is_empty() {
        Ok(())
    } else {
        let n = bad.len();
        bad.truncate(20);
        Err(format!("{name}: {n} mismatches\n{}", bad.join("\n")))
    }
}

/// Count of each kind of line, to make sure the driver ran to the end.
fn check_counts(name: &str, got: &str) -> Result<(), String> {
    let count = |k: &str| got.lines().filter(|l| l.starts_with(k)).count();
    let (f, p, d) = (count("F "), count("P "), count("D "));
    if f < 3000 || p < 400 || d < 300 {
        return Err(format!(
            "{name}: too few cases: {f} repr, {p} pow, {d} divmod"
        ));
    }
    Ok(())
}

#[test]
fn float_conversions_and_pow_match_cpython_on_every_target() {
    let mut ran = Vec::new();
    let mut failures = Vec::new();
    for target in mgen::target::builtin_targets().expect("targets") {
        match common::build_and_run(&target, "float_driver.c") {
            Ok(Some(got)) => {
                ran.push(target.name.clone());
                let want = float_oracle(&got);
                if let Err(e) = check_counts(&target.name, &got)
                    .and_then(|_| compare(&target.name, &got, &want))
                {
                    failures.push(e);
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

/// Development aid: check a driver output produced by hand (with
/// runtime/tests/devrun.sh) without the rest of the compiler:
/// `MGEN_FLOAT_OUTPUT=out.txt cargo test --test runtime_float -- --ignored`
#[test]
#[ignore]
fn float_output_file_matches() {
    let path = std::env::var("MGEN_FLOAT_OUTPUT").expect("set MGEN_FLOAT_OUTPUT");
    let got = std::fs::read_to_string(path).unwrap();
    let r = check_counts("file", &got).and_then(|_| compare("file", &got, &float_oracle(&got)));
    if let Err(e) = r {
        panic!("{e}");
    }
}

fn float_oracle(driver_output: &str) -> String {
    common::python("float_oracle.py", &[], driver_output)
}
