//! The Mach-O checker (`mgen::macho_check`) on real builds for every
//! built-in Mach-O target: a good build passes, and each kind of defect the
//! checker exists for is reported on a damaged or misbuilt executable.

use mgen::driver::{BuildOptions, Emit, OptLevel};
use mgen::macho_check::{check, check_file, expect_for};
use mgen::target::{ObjectFormat, Target};
use object_macho::macho;
use std::path::{Path, PathBuf};

fn macho_targets() -> Vec<Target> {
    let v: Vec<Target> = mgen::target::builtin_targets()
        .unwrap()
        .into_iter()
        .filter(|t| t.object_format == ObjectFormat::MachO)
        .collect();
    assert!(!v.is_empty(), "no built-in Mach-O target");
    v
}

fn build(t: &Target, dir: &Path, debug: bool) -> PathBuf {
    let src = dir.join("hello.py");
    std::fs::write(&src, "x: float = 1.5\nprint('hello', 7 // 2, x * 3.0)\n").unwrap();
    let opts = BuildOptions {
        input: src,
        opt: OptLevel::O2,
        debug,
        output: dir.join(format!("hello-{}{}", t.name, t.exe_suffix)),
        emit: vec![Emit::Exe],
        debug_output: Default::default(),
    };
    mgen::driver::build(t, &opts).unwrap_or_else(|e| panic!("{}: {e:#}", t.name))
}

fn has(problems: &[String], needle: &str) -> bool {
    problems.iter().any(|p| p.contains(needle))
}

/// Offset of the first load command `cmd` in a 64-bit little-endian image.
fn find_command(data: &[u8], cmd: u32) -> Option<usize> {
    let ncmds = u32::from_le_bytes(data[16..20].try_into().unwrap());
    let mut off = 32;
    for _ in 0..ncmds {
        let c = u32::from_le_bytes(data[off..off + 4].try_into().unwrap());
        let size = u32::from_le_bytes(data[off + 4..off + 8].try_into().unwrap()) as usize;
        if c == cmd {
            return Some(off);
        }
        off += size;
    }
    None
}

#[test]
fn good_builds_pass_for_every_macho_target() {
    let dir = tempfile::tempdir().unwrap();
    for t in macho_targets() {
        for debug in [false, true] {
            let exe = build(&t, dir.path(), debug);
            let problems = check_file(&t, &exe).unwrap();
            assert!(problems.is_empty(), "{} (-g {debug}): {problems:?}", t.name);
        }
    }
}

#[test]
fn defects_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    for t in macho_targets() {
        let exe = build(&t, dir.path(), false);
        let good = std::fs::read(&exe).unwrap();
        let expect = expect_for(&t).unwrap();

        // An import the .tbd stubs do not export.
        let mut e = expect.clone();
        assert!(e.exports.remove("_write"), "{}: stub lacks _write", t.name);
        let p = check(&good, &e);
        assert!(has(&p, "do not export: _write"), "{}: {p:?}", t.name);

        // No LC_BUILD_VERSION (its command id overwritten with an unknown one).
        let mut bad = good.clone();
        let off = find_command(&bad, macho::LC_BUILD_VERSION).expect("LC_BUILD_VERSION");
        bad[off..off + 4].copy_from_slice(&0x7fff_0001u32.to_le_bytes());
        let p = check(&bad, &expect);
        assert!(has(&p, "no LC_BUILD_VERSION"), "{}: {p:?}", t.name);

        // No LC_MAIN.
        let mut bad = good.clone();
        let off = find_command(&bad, macho::LC_MAIN).expect("LC_MAIN");
        bad[off..off + 4].copy_from_slice(&0x7fff_0002u32.to_le_bytes());
        let p = check(&bad, &expect);
        assert!(has(&p, "no entry point"), "{}: {p:?}", t.name);

        // The wrong CPU.
        let mut e = expect.clone();
        e.cputype = if e.cputype == macho::CPU_TYPE_ARM64 {
            macho::CPU_TYPE_X86_64
        } else {
            macho::CPU_TYPE_ARM64
        };
        let p = check(&good, &e);
        assert!(has(&p, "CPU type is"), "{}: {p:?}", t.name);

        // Not an executable.
        let mut bad = good.clone();
        bad[12..16].copy_from_slice(&macho::MH_DYLIB.to_le_bytes());
        let p = check(&bad, &expect);
        assert!(has(&p, "expected MH_EXECUTE"), "{}: {p:?}", t.name);

        // A library that was not linked against.
        let mut e = expect.clone();
        e.dylibs.clear();
        let p = check(&good, &e);
        assert!(has(&p, "not among the libraries"), "{}: {p:?}", t.name);
    }
}

/// An arm64 executable linked without a code signature is rejected.
#[test]
fn unsigned_arm64_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    for mut t in macho_targets() {
        let expect = expect_for(&t).unwrap();
        if expect.cputype != macho::CPU_TYPE_ARM64 {
            continue;
        }
        t.linker.args.retain(|a| a != "-adhoc_codesign");
        t.linker.args.insert(0, "-no_adhoc_codesign".into());
        let exe = build(&t, dir.path(), false);
        let p = check_file(&t, &exe).unwrap();
        assert!(has(&p, "no LC_CODE_SIGNATURE"), "{}: {p:?}", t.name);
    }
}
