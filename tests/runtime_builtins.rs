//! The runtime's 64-bit integer builtins (`runtime/builtins/int64.c`,
//! `aeabi.c`, `fconv.c`) on every target, against Rust's own arithmetic.
//!
//! `runtime/tests/builtins_driver.c` prints one line per operand pair; this
//! test generates the same operands and the expected line for each.

mod common;

/// Must match mg_module_main in builtins_driver.c.
fn operands() -> Vec<(i64, i64)> {
    let mut e: Vec<i64> = vec![
        0,
        1,
        -1,
        2,
        -2,
        i64::MAX,
        i64::MIN,
        i64::MAX - 1,
        i64::MIN + 1,
        3,
        -3,
        10,
        -10,
    ];
    for k in [7, 15, 16, 31, 32, 33, 47, 52, 53, 62] {
        let p = 1i64 << k;
        e.extend([p, p - 1, p + 1, -p, -p + 1, -p - 1]);
    }
    let mut v = Vec::new();
    for &a in &e {
        for &b in &e {
            v.push((a, b));
        }
    }
    let mut x: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..2000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r1 = x;
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r2 = x;
        let a = (r1 as i64) >> (r2 & 63);
        let b = (r2 as i64) >> ((r1 >> 8) & 63);
        v.push((a, b));
    }
    v
}

fn expected_line(a: i64, b: i64) -> String {
    let (ua, ub) = (a as u64, b as u64);
    let dash = || vec!["-".to_string(), "-".to_string()];
    let sdiv = if b == 0 || (a == i64::MIN && b == -1) {
        dash()
    } else {
        vec![(a / b).to_string(), (a % b).to_string()]
    };
    let udiv = if ub == 0 {
        dash()
    } else {
        vec![
            ((ua / ub) as i64).to_string(),
            ((ua % ub) as i64).to_string(),
        ]
    };
    let (p, ovf) = a.overflowing_mul(b);
    let s = (b & 63) as u32;
    let shifts = [
        ((ua << s) as i64).to_string(),
        (a >> s).to_string(),
        ((ua >> s) as i64).to_string(),
    ];
    let (fa, fu) = (a as f64, ua as f64);

    let mut c: Vec<String> = vec![a.to_string(), b.to_string()];
    c.extend(sdiv.iter().cloned());
    c.extend(udiv.iter().cloned());
    c.push(p.to_string());
    c.push((ovf as i64).to_string());
    c.extend(shifts.iter().cloned());
    c.push((fa.to_bits() as i64).to_string());
    c.push((fu.to_bits() as i64).to_string());
    c.push(if fa >= 9223372036854775808.0 {
        "-".into()
    } else {
        (fa as i64).to_string()
    });
    c.push(if fu >= 18446744073709551616.0 {
        "-".into()
    } else {
        (fu as u64 as i64).to_string()
    });
    // The same results from direct calls of the C helpers.
    c.push(p.to_string());
    c.push((ovf as i64).to_string());
    c.push(p.to_string());
    c.extend(shifts);
    c.extend(sdiv);
    c.extend(udiv);
    c.join(" ")
}

fn expected() -> String {
    let mut s = String::new();
    for (a, b) in operands() {
        s.push_str(&expected_line(a, b));
        s.push('\n');
    }
    s
}

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
        bad.push(format!("  {} lines, expected {}", g.len(), w.len()));
    }
    if bad.is_empty() {
        Ok(())
    } else {
        let n = bad.len();
        bad.truncate(20);
        Err(format!("{name}: {n} mismatches\n{}", bad.join("\n")))
    }
}

#[test]
fn builtins_match_rust_arithmetic_on_every_target() {
    let want = expected();
    let mut ran = Vec::new();
    let mut failures = Vec::new();
    for target in mgen::target::builtin_targets().expect("targets") {
        match common::build_and_run(&target, "builtins_driver.c") {
            Ok(Some(got)) => {
                ran.push(target.name.clone());
                if let Err(e) = compare(&target.name, &got, &want) {
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
/// `MGEN_BUILTINS_OUTPUT=out.txt cargo test --test runtime_builtins -- --ignored`
#[test]
#[ignore]
fn builtins_output_file_matches() {
    let path = std::env::var("MGEN_BUILTINS_OUTPUT").expect("set MGEN_BUILTINS_OUTPUT");
    let got = std::fs::read_to_string(path).unwrap();
    if let Err(e) = compare("file", &got, &expected()) {
        panic!("{e}");
    }
}
