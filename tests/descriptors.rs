//! Target descriptors: loading, inheritance, validation errors; and linking
//! and running real (freestanding) executables for the built-in targets.

use mgen::target::{self, CallConv, ObjectFormat, RelocModel, Target};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/descriptors")
        .join(name)
}

fn load_fixture(name: &str) -> anyhow::Result<Target> {
    target::resolve(fixture(name).to_str().unwrap())
}

/// The error message of loading a fixture (which must fail).
fn fixture_error(name: &str) -> String {
    match load_fixture(name) {
        Ok(t) => panic!("{name} loaded but should not have: {t:?}"),
        Err(e) => format!("{e:#}"),
    }
}

const BUILTINS: &[&str] = &[
    "aarch64-apple-darwin",
    "aarch64-unknown-linux-gnu",
    "armv7-unknown-linux-gnueabihf",
    "i686-pc-windows-gnu",
    "i686-unknown-linux-gnu",
    "riscv32gc-unknown-linux-gnu",
    "riscv64gc-unknown-linux-gnu",
    "wasm32-wasip1",
    "x86_64-apple-darwin",
    "x86_64-pc-windows-gnu",
    "x86_64-unknown-linux-gnu",
];

/// Built-in targets without a runner (build-only on this machine).
const BUILD_ONLY: &[&str] = &[
    "aarch64-apple-darwin",
    "i686-pc-windows-gnu",
    "x86_64-apple-darwin",
];

#[test]
fn every_builtin_target_loads() {
    let all = target::builtin_targets().unwrap();
    let names: Vec<_> = all.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, BUILTINS);
    for t in &all {
        assert!(
            !t.triple.is_empty() && !t.data_layout.is_empty(),
            "{}",
            t.name
        );
        assert!(!t.linker.args.is_empty(), "{}", t.name);
        assert_eq!(
            t.runner.command.is_empty(),
            BUILD_ONLY.contains(&t.name.as_str()),
            "{}: runner {:?}",
            t.name,
            t.runner.command
        );
        assert_eq!(target::resolve(&t.name).unwrap().triple, t.triple);
    }
    assert!(all.iter().any(|t| t.name == target::host_name().unwrap()));
}

#[test]
fn builtin_values() {
    let i686 = target::resolve("i686-unknown-linux-gnu").unwrap();
    assert_eq!(i686.cpu, "pentium4");
    assert_eq!(i686.pointer_width, 32);
    assert_eq!(i686.object_format, ObjectFormat::Elf);
    assert_eq!(i686.reloc_model, RelocModel::Static);
    assert_eq!(i686.internal_call_conv, CallConv::Fast);
    assert_eq!(i686.linker.program, "ld.lld-19"); // from base/linux.toml
    assert_eq!(i686.runtime.os_layer, "linux"); // nested field from the base
    assert_eq!(
        i686.runtime.cflags,
        ["-march=pentium4", "-msse2", "-mfpmath=sse"]
    );
    assert_eq!(i686.runner.command, ["qemu-i386", "{exe}"]);
    assert_eq!(i686.runner.install_hint, "apt-get install qemu-user");

    let rv = target::resolve("riscv64gc-unknown-linux-gnu").unwrap();
    assert_eq!(
        (rv.triple.as_str(), rv.abi.as_str()),
        ("riscv64-unknown-linux-gnu", "lp64d")
    );

    let wasm = target::resolve("wasm32-wasip1").unwrap();
    assert_eq!(wasm.object_format, ObjectFormat::Wasm);
    assert_eq!(wasm.exe_suffix, ".wasm");
    assert_eq!(wasm.linker.flavor, "wasm-ld");
    assert_eq!(wasm.runtime.os_layer, "wasi");
}

/// The data layouts written in the descriptors are what LLVM 19's
/// TargetMachine reports for the triple/cpu/features.
#[test]
fn data_layouts_match_llvm() {
    use inkwell::targets::{
        CodeModel, InitializationConfig, RelocMode, Target as LTarget, TargetTriple,
    };
    use inkwell::OptimizationLevel;
    LTarget::initialize_all(&InitializationConfig::default());
    for t in target::builtin_targets().unwrap() {
        let triple = TargetTriple::create(&t.triple);
        let lt = LTarget::from_triple(&triple).unwrap_or_else(|e| panic!("{}: {e}", t.name));
        let tm = lt
            .create_target_machine(
                &triple,
                &t.cpu,
                &t.features,
                OptimizationLevel::Default,
                RelocMode::Static,
                CodeModel::Default,
            )
            .unwrap_or_else(|| panic!("{}: no target machine", t.name));
        let dl = tm.get_target_data().get_data_layout();
        assert_eq!(
            dl.as_str().to_str().unwrap(),
            t.data_layout,
            "data-layout of {}",
            t.name
        );
        assert_eq!(
            tm.get_target_data().get_pointer_byte_size(None) * 8,
            t.pointer_width,
            "{}",
            t.name
        );
    }
}

#[test]
fn child_overrides_one_key_and_merges_nested_table() {
    let t = load_fixture("child.toml").unwrap();
    assert_eq!(t.name, "child");
    assert_eq!(t.cpu, "znver3"); // overridden
    assert_eq!(t.triple, "x86_64-unknown-linux-gnu"); // inherited
    assert_eq!(t.linker.program, "my-ld"); // nested field overridden
    assert_eq!(t.linker.flavor, "ld.lld"); // ... others in the table kept
    assert_eq!(t.linker.install_hint, "apt-get install lld-19");
    assert_eq!(t.runtime.cflags, ["-O1"]);
    assert!(t.runner.command.is_empty()); // no runner anywhere: build-only
}

#[test]
fn inherits_falls_back_to_builtin_dir() {
    let t = load_fixture("from-builtin.toml").unwrap();
    assert_eq!(t.linker.program, "ld.lld-19");
    assert_eq!(t.os, "linux");
    assert_eq!(t.triple, "aarch64-unknown-linux-gnu");
}

#[test]
fn custom_descriptor_from_a_temp_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mybase.toml"),
        "schema-version = 1\ninherits = \"base/linux.toml\"\ncpu = \"cortex-a72\"\n",
    )
    .unwrap();
    let path = dir.path().join("my-board.toml");
    std::fs::write(
        &path,
        r#"schema-version = 1
inherits = "mybase.toml"
triple = "aarch64-unknown-linux-gnu"
data-layout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
pointer-width = 64
[runner]
command = ["qemu-aarch64", "-cpu", "cortex-a72", "{exe}"]
"#,
    )
    .unwrap();
    let t = target::resolve(path.to_str().unwrap()).unwrap();
    assert_eq!(t.name, "my-board");
    assert_eq!(t.path, path);
    assert_eq!(t.cpu, "cortex-a72");
    assert_eq!(t.runtime.os_layer, "linux");
    assert_eq!(t.runner.command[2], "cortex-a72");
}

#[test]
fn unknown_key_names_file_and_key() {
    let e = fixture_error("unknown-key.toml");
    assert!(e.contains("unknown-key.toml"), "{e}");
    assert!(e.contains("tripel"), "{e}");
    assert!(e.contains("line 3"), "{e}");
}

#[test]
fn wrong_type_names_file_and_line() {
    let e = fixture_error("wrong-type.toml");
    assert!(e.contains("wrong-type.toml"), "{e}");
    assert!(e.contains("line 4"), "{e}");
    assert!(e.contains("invalid type"), "{e}");
}

#[test]
fn missing_required_key_names_key_and_file() {
    let e = fixture_error("missing-key.toml");
    assert!(e.contains("missing key `triple`"), "{e}");
    assert!(e.contains("missing-key.toml"), "{e}");
    assert!(e.contains("armv7-unknown-linux-gnueabihf"), "{e}"); // the expected form
}

#[test]
fn bad_enum_value_lists_allowed_values() {
    let e = fixture_error("bad-enum.toml");
    assert!(e.contains("bad-enum.toml") && e.contains("`pe`"), "{e}");
    for v in ["elf", "wasm", "coff", "macho"] {
        assert!(e.contains(&format!("`{v}`")), "{e}");
    }
    let e = fixture_error("bad-flavor.toml");
    for v in ["ld.lld", "wasm-ld", "lld-link", "ld64.lld"] {
        assert!(e.contains(&format!("`{v}`")), "{e}");
    }
}

/// CPU and feature names are checked against LLVM's tables for the triple,
/// naming the file that set the key and the closest names.
#[test]
fn unknown_cpu_and_features_are_descriptor_errors() {
    let e = fixture_error("bad-cpu.toml");
    assert!(
        e.contains("bad-cpu.toml: key `cpu`") && e.contains("`skylake-avx`"),
        "{e}"
    );
    assert!(
        e.contains("did you mean") && e.contains("`skylake-avx512`"),
        "{e}"
    );
    // Inherited: the error names the file that set the key.
    let e = fixture_error("inherits-bad-cpu.toml");
    assert!(e.contains("bad-cpu.toml: key `cpu`"), "{e}");
    assert!(!e.contains("inherits-bad-cpu.toml"), "{e}");
    let e = fixture_error("bad-feature.toml");
    assert!(
        e.contains("bad-feature.toml: key `features`") && e.contains("`sse4.3`"),
        "{e}"
    );
    assert!(e.contains("`+sse4.2`") || e.contains("`+sse4.1`"), "{e}");
    let e = fixture_error("unsigned-feature.toml");
    assert!(e.contains("key `features`") && e.contains("`+avx2`"), "{e}");
    // Names LLVM maps onto its table (RISC-V "generic", AArch64's
    // "apple-m1" in the built-in macOS descriptor) are accepted.
    assert_eq!(load_fixture("cpu-alias.toml").unwrap().cpu, "generic");
    assert_eq!(
        target::resolve("aarch64-apple-darwin").unwrap().cpu,
        "apple-m1"
    );
}

#[test]
fn bad_triple_is_a_descriptor_error() {
    let e = fixture_error("bad-triple.toml");
    assert!(
        e.contains("bad-triple.toml: key `triple`") && e.contains("`x86_65-unknown-linux-gnu`"),
        "{e}"
    );
    let e = fixture_error("bad-triple-os.toml");
    assert!(
        e.contains("bad-triple-os.toml: key `triple`") && e.contains("operating system `linxu`"),
        "{e}"
    );
}

/// Before anything runs: no LLVM warnings, no clang error from the
/// runtime's sources, for `mgen build` and `mgen matrix` alike.
#[test]
fn bad_cpu_and_triple_fail_before_building() {
    let dir = tempfile::tempdir().unwrap();
    let prog = dir.path().join("p.py");
    std::fs::write(&prog, "print(1)\n").unwrap();
    for (fixture_name, key) in [("bad-cpu.toml", "cpu"), ("bad-triple.toml", "triple")] {
        for cmd in ["build", "matrix"] {
            let o = Command::new(env!("CARGO_BIN_EXE_mgen"))
                .arg(cmd)
                .arg(if cmd == "build" {
                    "--target"
                } else {
                    "--targets"
                })
                .arg(fixture(fixture_name))
                .arg(&prog)
                .current_dir(dir.path())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{cmd} {fixture_name}: {err}");
            assert_eq!(err.lines().count(), 1, "{cmd} {fixture_name}: {err}");
            assert!(
                err.contains(&format!("{fixture_name}: key `{key}`")),
                "{cmd} {fixture_name}: {err}"
            );
        }
    }
}

#[test]
fn unknown_schema_version_rejected() {
    let e = fixture_error("schema-v2.toml");
    assert!(
        e.contains("schema-version 2") && e.contains("schema-version = 1"),
        "{e}"
    );
    let e = fixture_error("no-schema.toml");
    assert!(
        e.contains("missing key `schema-version`") && e.contains("no-schema.toml"),
        "{e}"
    );
}

#[test]
fn inheritance_cycle_detected() {
    let e = fixture_error("cycle-a.toml");
    assert!(e.contains("inheritance cycle"), "{e}");
    assert!(
        e.contains("cycle-a.toml") && e.contains("cycle-b.toml"),
        "{e}"
    );
}

#[test]
fn unknown_target_name_lists_known_ones() {
    let e = format!("{:#}", target::resolve("sparc-sun-solaris").unwrap_err());
    assert!(e.contains("unknown target `sparc-sun-solaris`"), "{e}");
    for n in BUILTINS {
        assert!(e.contains(n), "{e}");
    }
}

#[test]
fn missing_inherited_file() {
    let e = fixture_error("missing-inherit.toml");
    assert!(
        e.contains("no-such-base.toml") && e.contains("not found"),
        "{e}"
    );
    assert!(e.contains("missing-inherit.toml"), "{e}");
}

// ---- linking and running for real -------------------------------------

/// A freestanding program whose `_start` exits with code 7.
const EXIT7: &str = r#"
#if defined(__wasm__)
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_exit")))
void proc_exit(int code);
#endif
void _start(void) {
#if defined(__x86_64__)
    __asm__ volatile("mov $60, %eax\n mov $7, %edi\n syscall");
#elif defined(__i386__)
    __asm__ volatile("mov $1, %eax\n mov $7, %ebx\n int $0x80");
#elif defined(__aarch64__)
    __asm__ volatile("mov x8, #93\n mov x0, #7\n svc #0");
#elif defined(__arm__)
    __asm__ volatile("mov r7, #1\n mov r0, #7\n svc #0");
#elif defined(__riscv)
    __asm__ volatile("li a7, 93\n li a0, 7\n ecall");
#elif defined(__wasm__)
    proc_exit(7);
#endif
    for (;;) {}
}
"#;

fn compile_c(t: &Target, src: &str, dir: &Path) -> PathBuf {
    let c = dir.join("exit7.c");
    std::fs::write(&c, src).unwrap();
    let obj = dir.join(format!("{}.o", t.name));
    let st = Command::new("clang-19")
        .arg(format!("--target={}", t.triple))
        .args(&t.runtime.cflags)
        .args(["-ffreestanding", "-nostdlib", "-O1", "-c"])
        .arg(&c)
        .arg("-o")
        .arg(&obj)
        .status()
        .expect("clang-19");
    assert!(st.success(), "clang-19 failed for {}", t.name);
    obj
}

fn link_and_run(name: &str) {
    let t = target::resolve(name).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let obj = compile_c(&t, EXIT7, dir.path());
    let exe = dir.path().join(format!("exit7{}", t.exe_suffix));
    mgen::link::link(&t, &[obj], &exe).unwrap();
    let mut cmd = match mgen::runner::command(&t, &exe, &[]) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("skipping run on {name}: {e:#}");
            return;
        }
    };
    let status = cmd.status().unwrap();
    assert_eq!(mgen::runner::exit_code(status), 7, "{name}");
}

#[test]
fn link_and_run_x86_64() {
    link_and_run("x86_64-unknown-linux-gnu");
}

#[test]
fn link_and_run_aarch64() {
    link_and_run("aarch64-unknown-linux-gnu");
}

#[test]
fn link_and_run_other_targets() {
    for name in [
        "i686-unknown-linux-gnu",
        "armv7-unknown-linux-gnueabihf",
        "riscv64gc-unknown-linux-gnu",
        "riscv32gc-unknown-linux-gnu",
        "wasm32-wasip1",
    ] {
        link_and_run(name);
    }
}

#[test]
fn failed_link_leaves_no_output() {
    let t = target::resolve("x86_64-unknown-linux-gnu").unwrap();
    let dir = tempfile::tempdir().unwrap();
    // References a symbol nobody defines.
    let obj = compile_c(
        &t,
        "extern void nowhere(void); void _start(void) { nowhere(); }",
        dir.path(),
    );
    let exe = dir.path().join("broken");
    let e = format!("{:#}", mgen::link::link(&t, &[obj], &exe).unwrap_err());
    assert!(e.contains("nowhere"), "linker stderr shown: {e}");
    assert!(e.contains("ld.lld-19"), "command line shown: {e}");
    assert!(!exe.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        left.iter()
            .all(|n| !n.to_string_lossy().starts_with(".mgen-link")),
        "temp left: {left:?}"
    );
}

#[test]
fn missing_linker_and_runner_give_install_hints() {
    let mut t = target::resolve("aarch64-unknown-linux-gnu").unwrap();
    t.linker.program = "ld.lld-0-missing".into();
    let dir = tempfile::tempdir().unwrap();
    let e = mgen::link::link(&t, &[], &dir.path().join("x"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "linker `ld.lld-0-missing` not found: install it with apt-get install lld-19"
    );

    t.runner.command = vec!["qemu-missing-arch".into(), "{exe}".into()];
    let e = mgen::runner::command(&t, Path::new("x"), &[])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("qemu-missing-arch") && e.contains("apt-get install qemu-user"),
        "{e}"
    );

    t.runner.command.clear();
    let e = mgen::runner::command(&t, Path::new("x"), &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("cannot be run"), "{e}");
}

#[test]
fn runner_expands_placeholders() {
    let t = target::resolve("wasm32-wasip1").unwrap();
    if let Ok(cmd) = mgen::runner::command(&t, Path::new("/tmp/p.wasm"), &["a b".into()]) {
        let args: Vec<_> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let script = mgen::home::home().join("sysroots/wasi/run-wasi.py");
        assert_eq!(args, [script.to_str().unwrap(), "/tmp/p.wasm", "a b"]);
    }
}

#[test]
fn import_libs_need_dlltool() {
    let e = fixture_error("import-libs-no-dlltool.toml");
    assert!(e.contains("linker.dlltool"), "{e}");
    assert!(e.contains("import-libs-no-dlltool.toml"), "{e}");
    assert!(e.contains("llvm-dlltool-19"), "{e}");
}

#[test]
fn runner_env_is_validated_and_expanded() {
    let e = fixture_error("bad-runner-env.toml");
    assert!(e.contains("runner.env") && e.contains("A=B"), "{e}");
    assert!(e.contains("bad-runner-env.toml"), "{e}");

    let mut t = target::resolve("x86_64-unknown-linux-gnu").unwrap();
    t.runner
        .env
        .insert("MGEN_T".into(), "{mgen_home}|{cache}".into());
    let cmd = mgen::runner::command(&t, Path::new("/bin/true"), &[]).unwrap();
    let v: Vec<_> = cmd
        .get_envs()
        .filter(|(k, _)| *k == "MGEN_T")
        .map(|(_, v)| v.unwrap().to_string_lossy().into_owned())
        .collect();
    let want = format!(
        "{}|{}",
        mgen::home::home().display(),
        mgen::home::cache_dir().display()
    );
    assert_eq!(v, [want]);
}

/// `[runner] retry-on-stderr`: a job whose runner reports its own failure
/// (here a script that fails once the way wine's client does) is run
/// again by `mgen matrix`; without the key the same job fails.
#[test]
fn matrix_retries_runner_failures() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("prog.py"), "print(\"hi\")\n").unwrap();
    std::fs::write(d.join("prog.out"), "hi\n").unwrap();
    std::fs::write(
        d.join("flaky.sh"),
        "if [ ! -e \"$0.failed\" ]; then touch \"$0.failed\"; \
         echo 'wine client error:0: recvmsg: Connection reset by peer' >&2; exit 1; fi\nexec \"$1\"\n",
    )
    .unwrap();
    let run = |retry: bool| {
        let _ = std::fs::remove_file(d.join("flaky.sh.failed"));
        let desc = d.join(format!("flaky-{retry}.toml"));
        std::fs::write(
            &desc,
            format!(
                "schema-version = 1\ninherits = \"x86_64-unknown-linux-gnu.toml\"\n[runner]\n\
                 command = [\"sh\", \"{}\", \"{{exe}}\"]\n{}",
                d.join("flaky.sh").display(),
                if retry {
                    "retry-on-stderr = [\"wine client error\"]\n"
                } else {
                    ""
                }
            ),
        )
        .unwrap();
        Command::new(env!("CARGO_BIN_EXE_mgen"))
            .args(["matrix", "--opt-levels", "0", "--targets"])
            .arg(&desc)
            .arg(d.join("prog.py"))
            .output()
            .unwrap()
    };
    let with = run(true);
    assert!(
        with.status.success(),
        "{}",
        String::from_utf8_lossy(&with.stdout)
    );
    let without = run(false);
    assert!(
        !without.status.success(),
        "{}",
        String::from_utf8_lossy(&without.stdout)
    );
}

/// `[runner] retry-on-silent-failure`: a runner that once exits 1 without
/// printing anything is run again; a program that fails for real (a
/// traceback) still fails.
#[test]
fn matrix_retries_silent_runner_failures() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("ok.py"), "print(\"hi\")\n").unwrap();
    std::fs::write(d.join("ok.out"), "hi\n").unwrap();
    std::fs::write(d.join("bad.py"), "xs = [1]\nprint(xs[2])\n").unwrap();
    std::fs::write(d.join("bad.out"), "hi\n").unwrap();
    std::fs::write(
        d.join("silent.sh"),
        "if [ ! -e \"$1.failed\" ]; then touch \"$1.failed\"; exit 1; fi\nexec \"$1\"\n",
    )
    .unwrap();
    let desc = d.join("silent.toml");
    std::fs::write(
        &desc,
        format!(
            "schema-version = 1\ninherits = \"x86_64-unknown-linux-gnu.toml\"\n[runner]\n\
             command = [\"sh\", \"{}\", \"{{exe}}\"]\nretry-on-silent-failure = true\n",
            d.join("silent.sh").display()
        ),
    )
    .unwrap();
    let matrix = |prog: &str| {
        Command::new(env!("CARGO_BIN_EXE_mgen"))
            .args(["matrix", "--opt-levels", "0", "--targets"])
            .arg(&desc)
            .arg(d.join(prog))
            .output()
            .unwrap()
    };
    let ok = matrix("ok.py");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let bad = matrix("bad.py");
    assert!(
        !bad.status.success(),
        "{}",
        String::from_utf8_lossy(&bad.stdout)
    );
}

/// `--jobs 0` and `--timeout 0` are usage errors; a level, target or
/// program given twice runs once.
#[test]
fn matrix_rejects_zero_counts_and_dedups_lists() {
    let mgen = || Command::new(env!("CARGO_BIN_EXE_mgen"));
    for flag in ["--jobs", "--timeout"] {
        let o = mgen().args(["matrix", flag, "0", "x.py"]).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{flag}: {err}");
        assert!(
            err.contains(&format!("invalid value '0' for '{flag}")) && err.contains("at least 1"),
            "{flag}: {err}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("p.py"), "print(\"hi\")\n").unwrap();
    std::fs::write(d.join("p.out"), "hi\n").unwrap();
    let host = target::host_name().unwrap();
    let o = mgen()
        .args(["matrix", "--opt-levels", "2,O2,-O2,2", "--targets"])
        .arg(format!("{host},{host}"))
        .arg(d.join("p.py"))
        .arg(d.join(".").join("p.py"))
        .arg(d)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("matrix: 1 passed"), "{out}");
    // Two different files named alike would share a column.
    let other = d.join(format!("{host}.toml"));
    std::fs::write(
        &other,
        format!(
            "schema-version = 1\ninherits = \"{}\"\n",
            mgen::home::targets_dir()
                .join(format!("{host}.toml"))
                .display()
        ),
    )
    .unwrap();
    let o = mgen()
        .args(["matrix", "--targets"])
        .arg(format!("{host},{}", other.display()))
        .arg(d.join("p.py"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && err.contains("two different descriptors"),
        "{err}"
    );
}
