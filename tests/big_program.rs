//! Large programs build in bounded memory and run like CPython.
//!
//! `ci/gen-big-program.py` writes a 50,000-line program in each of its two
//! shapes: all code at module level (one long `<module>`), and ~1,100
//! functions called from `main()`. Each is built at -O0 (the level that
//! used to take the most memory: 1.5 GB for the module shape, 5.9 GB at
//! 200,000 lines), the peak resident set size of the `mgen build` process
//! (and the linker it waits for) is read from `wait4`, and the executable's
//! output is compared with python3's.
//!
//! The bounds are about 1.3x what the build takes now (docs/ARCHITECTURE.md,
//! "Build memory"); a change that makes lowering or code generation hold a
//! giant function or the whole program twice fails here.

#![cfg(target_os = "linux")]

use std::os::raw::{c_int, c_long};
use std::path::Path;
use std::process::{Command, Stdio};

const LINES: usize = 50_000;

/// `struct rusage` (Linux, LP64 and ILP32 alike: all fields are `long`s
/// after the two `struct timeval`s).
#[repr(C)]
struct Rusage {
    utime: [c_long; 2],
    stime: [c_long; 2],
    maxrss: c_long,
    rest: [c_long; 13],
}

extern "C" {
    fn wait4(pid: c_int, status: *mut c_int, options: c_int, usage: *mut Rusage) -> c_int;
}

/// Run `cmd` to completion; its exit status and peak RSS in KB.
fn run_measured(cmd: &mut Command) -> (i32, u64) {
    let child = cmd.spawn().expect("spawn");
    let mut status: c_int = 0;
    let mut ru: Rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `child` is our unwaited child; `status` and `ru` are valid
    // for writes. (std's `Child` is not used to wait afterwards.)
    let r = unsafe { wait4(child.id() as c_int, &mut status, 0, &mut ru) };
    assert_eq!(r, child.id() as c_int, "wait4 failed");
    let code = if status & 0x7f == 0 {
        (status >> 8) & 0xff
    } else {
        -1
    };
    (code, ru.maxrss as u64)
}

fn generate(shape: &str, dir: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let prog = dir.join(format!("big_{shape}.py"));
    let st = Command::new("python3")
        .arg(root.join("ci/gen-big-program.py"))
        .args(["--shape", shape, "--lines", &LINES.to_string(), "-o"])
        .arg(&prog)
        .status()
        .expect("python3 is needed (generator and oracle)");
    assert!(st.success(), "ci/gen-big-program.py failed");
    prog
}

fn check(shape: &str, bound_mb: u64) {
    let tmp = tempfile::tempdir().unwrap();
    let prog = generate(shape, tmp.path());
    let want = Command::new("python3").arg(&prog).output().unwrap();
    assert!(
        want.status.success(),
        "python3 failed on the generated program"
    );

    let exe = tmp.path().join(format!("big_{shape}"));
    let t0 = std::time::Instant::now();
    let (code, rss_kb) = run_measured(
        Command::new(env!("CARGO_BIN_EXE_mgen"))
            .args(["build", "-O0", "-o"])
            .arg(&exe)
            .arg(&prog)
            .stderr(Stdio::inherit()),
    );
    let secs = t0.elapsed().as_secs_f64();
    assert_eq!(code, 0, "mgen build -O0 of the {shape} shape failed");
    let rss_mb = rss_kb / 1024;
    eprintln!(
        "{shape}: {LINES} lines, -O0 build {secs:.1} s, peak RSS {rss_mb} MB (bound {bound_mb} MB)"
    );
    assert!(
        rss_mb <= bound_mb,
        "mgen build -O0 of a {LINES}-line program ({shape} shape) peaked at {rss_mb} MB; the bound is {bound_mb} MB"
    );

    let got = Command::new(&exe).output().unwrap();
    assert!(
        got.status.success(),
        "the {shape} program failed: {}",
        String::from_utf8_lossy(&got.stderr)
    );
    assert!(
        got.stdout == want.stdout,
        "the {shape} program's output differs from python3's"
    );
}

#[test]
fn module_level_program_builds_in_bounded_memory() {
    check("module", 450);
}

#[test]
fn many_functions_program_builds_in_bounded_memory() {
    check("functions", 400);
}
