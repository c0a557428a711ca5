//! Debug info on every target: `llvm-dwarfdump-19 --verify` passes on what
//! `-g` and `--release` produce; builds are byte-for-byte reproducible
//! (two directories, two times); `mgen symbolize` names Python functions,
//! runtime functions, and inline chains.

use object::{Object, ObjectSymbol};
use std::path::{Path, PathBuf};
use std::process::Command;

fn prog() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/debug/prog.py")
}

fn mgen(args: &[&str], dir: &Path) -> String {
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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn targets() -> Vec<mgen::target::Target> {
    mgen::target::builtin_targets().unwrap()
}

/// The file holding the DWARF that `--release` split out of `exe`.
fn split_file(t: &mgen::target::Target, exe: &str) -> String {
    match t.split_debuginfo {
        mgen::target::SplitDebuginfo::Dsym => format!("{exe}.dSYM/Contents/Resources/DWARF/{exe}"),
        _ => format!("{exe}.debug"),
    }
}

fn verify(file: &Path) {
    let out = Command::new("llvm-dwarfdump-19")
        .arg("--verify")
        .arg(file)
        .output()
        .expect("llvm-dwarfdump-19 not found: apt-get install llvm-19");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("No errors."),
        "llvm-dwarfdump-19 --verify {} failed:\n{}",
        file.display(),
        text.lines().rev().take(30).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn dwarfdump_verify_every_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(prog(), dir.path().join("prog.py")).unwrap();
    for t in targets() {
        for opt in ["-O0", "-O2"] {
            let out = format!("{}{opt}{}", t.name, t.exe_suffix);
            mgen(
                &[
                    "build", "--target", &t.name, opt, "-g", "-o", &out, "prog.py",
                ],
                dir.path(),
            );
            verify(&dir.path().join(&out));
        }
        if t.split_debuginfo == mgen::target::SplitDebuginfo::Off {
            // The descriptor keeps debug info in place (no split file).
            continue;
        }
        let out = format!("{}-rel{}", t.name, t.exe_suffix);
        mgen(
            &[
                "build",
                "--target",
                &t.name,
                "--release",
                "-o",
                &out,
                "prog.py",
            ],
            dir.path(),
        );
        let debug = dir.path().join(split_file(&t, &out));
        assert!(
            debug.is_file(),
            "{}: --release wrote no {}",
            t.name,
            debug.display()
        );
        verify(&debug);
        let exe = std::fs::read(dir.path().join(&out)).unwrap();
        let dbg = std::fs::read(&debug).unwrap();
        if t.split_debuginfo == mgen::target::SplitDebuginfo::Packed {
            assert!(
                exe.len() * 2 < dbg.len(),
                "{}: release exe not stripped?",
                t.name
            );
        }
        eprintln!(
            "{}: release {} bytes, debug file {} bytes",
            t.name,
            exe.len(),
            dbg.len()
        );
    }
}

#[test]
fn reproducible_every_target() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for d in [&a, &b] {
        std::fs::copy(prog(), d.path().join("prog.py")).unwrap();
    }
    let build = |d: &Path, t: &str, flags: &[&str], out: &str| {
        let mut args = vec!["build", "--target", t];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["-o", out, "prog.py"]);
        mgen(&args, d);
    };
    for t in targets() {
        let exe = format!("o{}", t.exe_suffix);
        let cases: [(&str, &[&str]); 2] = [("-g", &["-O0", "-g"]), ("--release", &["--release"])];
        for (what, flags) in cases {
            build(a.path(), &t.name, flags, &exe);
            // A second apart: any timestamp would show.
            std::thread::sleep(std::time::Duration::from_millis(1100));
            build(b.path(), &t.name, flags, &exe);
            let mut files = vec![exe.clone()];
            if what == "--release" && t.split_debuginfo != mgen::target::SplitDebuginfo::Off {
                files.push(split_file(&t, &exe));
            }
            for f in files {
                let x = std::fs::read(a.path().join(&f)).unwrap();
                let y = std::fs::read(b.path().join(&f)).unwrap();
                assert!(
                    x == y,
                    "{} {what}: {f} differs between two directories",
                    t.name
                );
            }
        }
    }
    // Absolute paths, made equal by --remap-path-prefix.
    let t = mgen::target::host_name().unwrap();
    for d in [&a, &b] {
        let src = d.path().join("prog.py");
        let remap = format!("{}=/src", d.path().display());
        mgen(
            &[
                "build",
                "--target",
                &t,
                "-g",
                "--remap-path-prefix",
                &remap,
                "-o",
                "abs",
                src.to_str().unwrap(),
            ],
            d.path(),
        );
    }
    let x = std::fs::read(a.path().join("abs")).unwrap();
    let y = std::fs::read(b.path().join("abs")).unwrap();
    assert!(
        x == y,
        "--remap-path-prefix: builds from two directories differ"
    );
    let tmp = a.path().display().to_string();
    assert!(
        !x.windows(tmp.len()).any(|w| w == tmp.as_bytes()),
        "the build directory {tmp} is still recorded in the executable"
    );
}

/// Address of symbol `name` in `file`.
fn symbol(file: &Path, name: &str) -> (u64, u64) {
    let data = std::fs::read(file).unwrap();
    let obj = object::File::parse(&*data).unwrap();
    let s = obj
        .symbols()
        .find(|s| s.name() == Ok(name))
        .unwrap_or_else(|| panic!("no symbol {name} in {}", file.display()));
    (s.address(), s.size())
}

#[test]
fn symbolize_every_elf_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(prog(), dir.path().join("prog.py")).unwrap();
    let src = std::fs::read_to_string(prog()).unwrap();
    let def_line = src.lines().position(|l| l.starts_with("def work")).unwrap() + 1;
    for t in targets() {
        if t.object_format != mgen::target::ObjectFormat::Elf {
            continue;
        }
        // -O0: a Python function and a runtime function.
        mgen(
            &[
                "build", "--target", &t.name, "-O0", "-g", "-o", "d", "prog.py",
            ],
            dir.path(),
        );
        let d = dir.path().join("d");
        let (work, _) = symbol(&d, "py.__main__:work");
        let (concat, _) = symbol(&d, "mg_str_concat");
        let out = mgen(
            &[
                "symbolize",
                "--target",
                &t.name,
                d.to_str().unwrap(),
                &format!("{work:#x}"),
                &format!("{concat:#x}"),
            ],
            dir.path(),
        );
        assert!(
            out.contains(&format!("work (prog.py:{def_line})")),
            "{}:\n{out}",
            t.name
        );
        assert!(
            out.contains("mg_str_concat (runtime/str.c:"),
            "{}:\n{out}",
            t.name
        );
        // --release: from the split file; the module code has inlined calls,
        // each printed with its chain down to <module>.
        mgen(
            &[
                "build",
                "--target",
                &t.name,
                "--release",
                "-o",
                "r",
                "prog.py",
            ],
            dir.path(),
        );
        let r = dir.path().join("r");
        let (m, size) = symbol(&dir.path().join("r.debug"), "mg_module_main");
        let mut args = vec![
            "symbolize".to_string(),
            "--target".into(),
            t.name.clone(),
            r.display().to_string(),
        ];
        args.extend((m..m + size).step_by(2).map(|a| format!("{a:#x}")));
        let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
        let out = mgen(&args, dir.path());
        let lines: Vec<&str> = out.lines().collect();
        let chained = lines.windows(2).any(|w| {
            w[0].contains("(prog.py:")
                && w[0].ends_with("[inlined]")
                && w[1].trim_start().starts_with("<module> (prog.py:")
                || w[0].contains("[inlined]") && w[1].contains("[inlined]")
        });
        assert!(
            chained,
            "{}: no inline chain in the release build:\n{out}",
            t.name
        );
        assert!(!out.contains("??"), "{}: unknown addresses:\n{out}", t.name);
    }
}
