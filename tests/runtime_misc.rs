//! Integer semantics, str/int/float parsing, repr, strings and the exact
//! error messages and tracebacks of the runtime on every target, against
//! python3 (`runtime/tests/misc_driver.c`, `misc_oracle.py`).

mod common;

/// (exception line, in the order of the driver's error cases). The ones
/// CPython can produce are also checked against python3 end to end by the
/// `qemu-tests/err_*` programs; the OverflowError and int ** negative ones
/// are mgen's documented divergences.
const ERRORS: &[&str] = &[
    "ZeroDivisionError: integer division or modulo by zero",
    "ZeroDivisionError: integer modulo by zero",
    "OverflowError: integer overflow: result does not fit in 64 bits",
    "ZeroDivisionError: division by zero",
    "ZeroDivisionError: float division by zero",
    "ZeroDivisionError: float floor division by zero",
    "ZeroDivisionError: float modulo",
    "ZeroDivisionError: 0.0 cannot be raised to a negative power",
    "ValueError: negative number cannot be raised to a fractional power",
    "OverflowError: (34, 'Numerical result out of range')",
    "OverflowError: integer overflow: result does not fit in 64 bits",
    "ValueError: negative exponent in int ** int is not supported by mgen (CPython returns a float); use a float base",
    "ValueError: invalid literal for int() with base 10: '12a'",
    "ValueError: invalid literal for int() with base 10: \"it's\"",
    "ValueError: invalid literal for int() with base 10: '1__0'",
    "OverflowError: integer overflow: result does not fit in 64 bits",
    "ValueError: could not convert string to float: 'abc'",
    "ValueError: could not convert string to float: '1_.5'",
    "ValueError: could not convert string to float: ''",
    "OverflowError: cannot convert float infinity to integer",
    "ValueError: cannot convert float NaN to integer",
    "OverflowError: integer overflow: result does not fit in 64 bits",
    "IndexError: string index out of range",
    "StopIteration",
];

fn check_target(target: &mgen::target::Target) -> anyhow::Result<bool> {
    let mut objs = mgen::sysroot::runtime_objects(target)?;
    let dir = tempfile::tempdir()?;
    let drv = dir.path().join("driver.o");
    mgen::sysroot::compile_c(
        target,
        &common::runtime_tests_dir().join("misc_driver.c"),
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
    let want = misc_oracle(&got);
    anyhow::ensure!(
        got.lines().count() > 800,
        "{}: driver output cut short",
        target.name
    );
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        anyhow::ensure!(
            g == w,
            "{} line {}:\n  got  {g}\n  want {w}",
            target.name,
            i + 1
        );
    }
    for (i, exc) in ERRORS.iter().enumerate() {
        common::check_error_case(target, &exe, i, exc)?;
    }
    Ok(true)
}

#[test]
fn semantics_and_errors_match_cpython_on_every_target() {
    let mut ran = Vec::new();
    let mut failures = Vec::new();
    for target in mgen::target::builtin_targets().expect("targets") {
        match check_target(&target) {
            Ok(true) => ran.push(target.name.clone()),
            Ok(false) => {}
            Err(e) => failures.push(format!("{e:#}")),
        }
    }
    eprintln!("ran on: {}", ran.join(", "));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(!ran.is_empty(), "no target could run the driver");
}

fn misc_oracle(driver_output: &str) -> String {
    common::python("misc_oracle.py", &[], driver_output)
}
