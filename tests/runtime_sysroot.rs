//! sysroot::runtime_objects on its own (independent of the descriptor
//! loader): builds, caches, and the objects link into a working program.

use mgen::target::*;
use std::path::PathBuf;
use std::process::Command;

fn target(name: &str, triple: &str, os_layer: &str, cflags: &[&str]) -> Target {
    Target {
        name: name.into(),
        path: PathBuf::new(),
        triple: triple.into(),
        cpu: String::new(),
        features: String::new(),
        abi: String::new(),
        data_layout: String::new(),
        pointer_width: 64,
        os: String::new(),
        object_format: ObjectFormat::Elf,
        reloc_model: RelocModel::Static,
        code_model: CodeModel::Default,
        internal_call_conv: CallConv::C,
        c_call_conv: CallConv::C,
        exe_suffix: String::new(),
        dwarf_version: 4,
        split_debuginfo: SplitDebuginfo::Off,
        linker: LinkerSpec {
            flavor: String::new(),
            program: String::new(),
            args: vec![],
            install_hint: String::new(),
            ..Default::default()
        },
        runner: RunnerSpec {
            command: vec![],
            install_hint: String::new(),
            ..Default::default()
        },
        runtime: RuntimeSpec {
            os_layer: os_layer.into(),
            cflags: cflags.iter().map(|s| s.to_string()).collect(),
        },
        sanitize_address: None,
    }
}

#[test]
fn builds_caches_and_links() {
    let cache = tempfile::tempdir().unwrap();
    std::env::set_var("MGEN_CACHE_DIR", cache.path());
    let t = target("test-x86_64", "x86_64-unknown-linux-gnu", "linux", &[]);
    let a = mgen::sysroot::runtime_objects(&t).unwrap();
    let b = mgen::sysroot::runtime_objects(&t).unwrap();
    assert_eq!(a, b, "second call reuses the cache");
    assert!(a.iter().all(|p| p.is_file()));
    // Different flags: a different cache entry.
    let t2 = target(
        "test-x86_64",
        "x86_64-unknown-linux-gnu",
        "linux",
        &["-DMG_TEST_FLAG=1"],
    );
    let c = mgen::sysroot::runtime_objects(&t2).unwrap();
    assert_ne!(a[0].parent(), c[0].parent());
    // No temporary directories are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(cache.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    // Link hello_driver by hand and run it natively.
    let dir = tempfile::tempdir().unwrap();
    let drv = dir.path().join("hello.o");
    let src = mgen::home::runtime_dir().join("tests/hello_driver.c");
    mgen::sysroot::compile_c(&t, &src, &drv).unwrap();
    let exe = dir.path().join("hello");
    let st = Command::new("ld.lld-19")
        .args(["-static", "-e", "_start", "--gc-sections", "-o"])
        .arg(&exe)
        .args(&a)
        .arg(&drv)
        .status()
        .unwrap();
    assert!(st.success());
    let out = Command::new(&exe).arg("x").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "hello, wörld 12 0.30000000000000004 True -9223372036854775808 \"it's\" argc=2\n"
    );
    let out = Command::new(&exe).arg("raise").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .ends_with("ZeroDivisionError: integer division or modulo by zero\n"));

    // A wasm build works too.
    let w = target("test-wasm32", "wasm32-wasip1", "wasi", &[]);
    assert!(!mgen::sysroot::runtime_objects(&w).unwrap().is_empty());

    // A broken OS layer name is a clear error.
    let bad = target("test-bad", "x86_64-unknown-linux-gnu", "nonexistent", &[]);
    let e = mgen::sysroot::runtime_objects(&bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("OS layer"), "{e}");
}
