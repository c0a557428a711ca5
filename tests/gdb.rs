//! Real debuggers on real executables: for every Linux (ELF) target, build
//! tests/debug/prog.py with `-O0 -g` and with `--release`, run it natively
//! under gdb or under `qemu-<arch> -g PORT` with gdb-multiarch attached,
//! and check breakpoints, backtraces with Python names and lines, locals of
//! every type (with the pretty-printer for `str`), and `finish`.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use wait_timeout::ChildExt;

const GDB_TIMEOUT: Duration = Duration::from_secs(90);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn prog() -> PathBuf {
    root().join("tests/debug/prog.py")
}

/// The line of `prog.py` marked `# MARK: name`.
fn mark(name: &str) -> usize {
    let src = std::fs::read_to_string(prog()).unwrap();
    let tag = format!("# MARK: {name}");
    src.lines()
        .position(|l| l.contains(&tag))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no `{tag}` in tests/debug/prog.py"))
}

fn mgen(args: &[&str], dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_mgen"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "mgen {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A free TCP port for qemu's gdb stub (asked of the OS, so parallel tests
/// never share one).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct KillOnDrop(Option<Child>);
impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Run `commands` in gdb against `exe` for `target`, return gdb's output.
fn gdb(target: &mgen::target::Target, exe: &Path, commands: &[String]) -> String {
    let runner = &target.runner.command;
    let native = runner.first().map(|s| s.as_str()) == Some("{exe}");
    let mut _qemu = KillOnDrop(None);
    let mut args: Vec<String> = vec![
        "-nx".into(),
        "-batch".into(),
        "-ex".into(),
        "set pagination off".into(),
        "-ex".into(),
        "set confirm off".into(),
        "-ex".into(),
        format!(
            "source {}",
            root().join("sysroots/gdb/mgen_printers.py").display()
        ),
        "-ex".into(),
        "set backtrace past-main on".into(),
        "-ex".into(),
        format!("file {}", exe.display()),
    ];
    let start: Vec<String>;
    if native {
        start = vec!["run".into()];
    } else {
        let port = free_port();
        let qemu = Command::new(&runner[0])
            .args(&runner[1..runner.len() - 1])
            .arg("-g")
            .arg(port.to_string())
            .arg(exe)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", runner[0]));
        _qemu = KillOnDrop(Some(qemu));
        args.extend(["-ex".into(), "set tcp connect-timeout 20".into()]);
        args.extend(["-ex".into(), format!("target remote 127.0.0.1:{port}")]);
        start = vec!["continue".into()];
    }
    // Breakpoints first, then start, then the checks.
    let (breaks, rest): (Vec<_>, Vec<_>) = commands.iter().partition(|c| c.starts_with("break "));
    for c in breaks.into_iter().chain(start.iter()).chain(rest) {
        args.push("-ex".into());
        args.push(c.clone());
    }
    args.extend(["-ex".into(), "kill".into()]);
    // From the build directory, as a user would: the DWARF's compilation
    // directory is relative (reproducible builds).
    let mut child = Command::new("gdb-multiarch")
        .args(&args)
        .current_dir(exe.parent().unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gdb-multiarch not found: apt-get install gdb-multiarch");
    let mut out = String::new();
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t1 = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = so.read_to_string(&mut s);
        s
    });
    let t2 = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = se.read_to_string(&mut s);
        s
    });
    match child.wait_timeout(GDB_TIMEOUT).unwrap() {
        Some(_) => {}
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gdb timed out after {GDB_TIMEOUT:?} on {}", exe.display());
        }
    }
    out.push_str(&t1.join().unwrap());
    out.push_str(&t2.join().unwrap());
    out
}

fn expect(out: &str, what: &str, pattern: &str) {
    assert!(
        out.contains(pattern),
        "{what}: expected `{pattern}` in gdb's output:\n{out}"
    );
}

/// Index of `pattern` in `out` (panics with the output when missing).
fn find(out: &str, pattern: &str) -> usize {
    out.find(pattern)
        .unwrap_or_else(|| panic!("expected `{pattern}` in gdb's output:\n{out}"))
}

fn check_target(name: &str) {
    let target = mgen::target::resolve(name).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(prog(), dir.path().join("prog.py")).unwrap();
    let (ret, call, modl) = (mark("work-return"), mark("outer-call"), mark("module-call"));

    // -O0 -g: everything.
    mgen(
        &[
            "build", "--target", name, "-O0", "-g", "-o", "dbg", "prog.py",
        ],
        dir.path(),
    );
    let out = gdb(
        &target,
        &dir.path().join("dbg"),
        &[
            format!("break prog.py:{ret}"),
            "bt".into(),
            "info locals".into(),
            "print ratio".into(),
            "print big".into(),
            "print label".into(),
            "print n * 10".into(),
            "finish".into(),
        ],
    );
    expect(
        &out,
        "breakpoint hit",
        &format!("work (n=5, scale=1.25) at prog.py:{ret}"),
    );
    // bt: Python names and .py lines down to the module level, in order.
    let f0 = find(
        &out,
        &format!("#0  work (n=5, scale=1.25) at prog.py:{ret}"),
    );
    let f1 = find(&out, &format!("in outer (k=5) at prog.py:{call}"));
    let f2 = find(&out, &format!("in <module> () at prog.py:{modl}"));
    assert!(f0 < f1 && f1 < f2, "frames out of order:\n{out}");
    assert!(
        !out.contains("py.__main__:"),
        "LLVM symbol name in bt:\n{out}"
    );
    // A backtrace through the runtime is whole (its DWARF is there).
    expect(&out, "runtime frame", "mg_rt_main");
    expect(&out, "runtime frame line", "runtime/start.c:");
    // info locals / print: int, float, bool, str.
    expect(&out, "int local", "total = 20");
    expect(&out, "float local", "ratio = 2.5");
    expect(&out, "bool local", "big = true");
    expect(&out, "str local (pretty-printer)", "label = 'n=5'");
    expect(&out, "print float", "= 2.5");
    expect(&out, "print bool", "= true");
    expect(&out, "print str", "= 'n=5'");
    expect(&out, "print expression", "= 50");
    // finish: back in outer with work's value.
    // (gdb -batch prints the new location's source line, which `bt` never
    // prints, and the value.)
    expect(
        &out,
        "finish to the caller",
        &format!("{call}\t    r: int = work(k, 1.25)"),
    );
    expect(&out, "finish value", "Value returned is $5 = 20");

    // --release: stripped executable, DWARF in dbg.debug found through the
    // debuglink; names and lines still right (inlined frames included).
    let pr = mark("work-print");
    mgen(
        &[
            "build",
            "--target",
            name,
            "--release",
            "-o",
            "rel",
            "prog.py",
        ],
        dir.path(),
    );
    assert!(dir.path().join("rel.debug").is_file(), "no rel.debug");
    let out = gdb(
        &target,
        &dir.path().join("rel"),
        &[
            format!("break prog.py:{pr}"),
            "bt".into(),
            "python print('objfiles:', [o.filename for o in gdb.objfiles()])".into(),
        ],
    );
    expect(&out, "release: debug file loaded", "/rel.debug'");
    // (A call survives -O2 where `return total` may not have a line.)
    let f0 = find(&out, &format!("work (n=5, scale=1.25) at prog.py:{pr}"));
    let f1 = find(&out, &format!("outer (k=5) at prog.py:{call}"));
    let f2 = find(&out, &format!("<module> () at prog.py:{modl}"));
    assert!(f0 < f1 && f1 < f2, "release frames out of order:\n{out}");
}

macro_rules! targets {
    ($($f:ident => $name:literal,)*) => {
        $(#[test] fn $f() { check_target($name); })*

        /// Every built-in ELF target is covered above.
        #[test]
        fn covers_every_elf_target() {
            let listed = [$($name),*];
            for t in mgen::target::builtin_targets().unwrap() {
                if t.object_format == mgen::target::ObjectFormat::Elf {
                    assert!(listed.contains(&t.name.as_str()), "tests/gdb.rs does not test {}", t.name);
                }
            }
        }
    };
}

targets! {
    gdb_x86_64 => "x86_64-unknown-linux-gnu",
    gdb_i686 => "i686-unknown-linux-gnu",
    gdb_armv7 => "armv7-unknown-linux-gnueabihf",
    gdb_aarch64 => "aarch64-unknown-linux-gnu",
    gdb_riscv64 => "riscv64gc-unknown-linux-gnu",
    gdb_riscv32 => "riscv32gc-unknown-linux-gnu",
}

/// Containers print as Python writes them. The printer calls the runtime in
/// the debugged program, so it is checked under qemu's gdbstub (native
/// inferior calls need ptrace register-set support some sandboxes lack).
#[test]
fn container_locals_print_their_repr() {
    for name in ["armv7-unknown-linux-gnueabihf", "aarch64-unknown-linux-gnu"] {
        let t = mgen::target::resolve(name).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let src = root().join("tests/debug/containers.py");
        std::fs::copy(&src, dir.path().join("containers.py")).unwrap();
        mgen(
            &[
                "build",
                "--target",
                name,
                "-O0",
                "-g",
                "-o",
                "c",
                "containers.py",
            ],
            dir.path(),
        );
        let line = std::fs::read_to_string(&src)
            .unwrap()
            .lines()
            .position(|l| l.contains("# containers here"))
            .unwrap()
            + 1;
        let out = gdb(
            &t,
            &dir.path().join("c"),
            &[format!("break containers.py:{line}"), "info locals".into()],
        );
        expect(&out, "list local", "xs = [0, 1, 4, 9, 16]");
        expect(&out, "dict local", "d = {'a': [1, 2], 'b': []}");
        expect(&out, "set local", "s = {1, 2, 3}");
        expect(&out, "tuple local", "t = {[0] = 5, [1] = 2.5, [2] = 'x'}");
    }
}
