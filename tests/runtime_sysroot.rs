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

// The cache heals, survives killed builds and is shared safely; each test
// runs mgen with a cache directory of its own.

fn mgen(cache: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mgen"));
    c.env("MGEN_CACHE_DIR", cache);
    c
}

/// Names in the cache directory.
fn cache_names(cache: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(cache)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The complete entries (directories not starting with a dot).
fn entries(cache: &std::path::Path) -> Vec<PathBuf> {
    cache_names(cache)
        .into_iter()
        .filter(|n| !n.starts_with('.'))
        .map(|n| cache.join(n))
        .filter(|p| p.is_dir())
        .collect()
}

fn hello(dir: &std::path::Path) -> PathBuf {
    let p = dir.join("hello.py");
    std::fs::write(&p, "print(\"hi\", 6 * 7)\n").unwrap();
    p
}

/// Build `prog` into `out` and run it; its stdout.
fn build_and_run(cache: &std::path::Path, prog: &std::path::Path, out: &std::path::Path) -> String {
    let o = mgen(cache)
        .args(["build", "-O0", "-o"])
        .arg(out)
        .arg(prog)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let r = Command::new(out).output().unwrap();
    String::from_utf8_lossy(&r.stdout).into_owned()
}

/// Processes (other than zombies) whose command line mentions `needle`.
fn processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let p = e.path();
        let Ok(cmd) = std::fs::read(p.join("cmdline")) else {
            continue;
        };
        let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
        let stat = std::fs::read_to_string(p.join("stat")).unwrap_or_default();
        let zombie = stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'));
        if cmd.contains(needle) && !zombie {
            found.push(cmd);
        }
    }
    found
}

#[test]
fn damaged_cache_entry_is_rebuilt() {
    let cache = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let prog = hello(work.path());
    let exe = work.path().join("hello");
    assert_eq!(build_and_run(cache.path(), &prog, &exe), "hi 42\n");
    let [entry] = &entries(cache.path())[..] else {
        panic!("one entry expected: {:?}", cache_names(cache.path()));
    };
    let objects: Vec<PathBuf> = std::fs::read_dir(entry)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "o"))
        .collect();
    assert!(objects.len() > 2);
    // One object deleted: the next build rebuilds the entry and links.
    std::fs::remove_file(&objects[0]).unwrap();
    assert_eq!(build_and_run(cache.path(), &prog, &exe), "hi 42\n");
    assert!(objects[0].is_file());
    // One object truncated: the same.
    std::fs::write(&objects[1], b"").unwrap();
    assert_eq!(build_and_run(cache.path(), &prog, &exe), "hi 42\n");
    assert!(std::fs::metadata(&objects[1]).unwrap().len() > 0);
    assert_eq!(entries(cache.path()), [entry.clone()]);
    let stray: Vec<_> = cache_names(cache.path())
        .into_iter()
        .filter(|n| n.starts_with(".tmp") || n.starts_with(".trash"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

/// mgen killed (SIGKILL, or SIGINT to mgen alone) while it builds the
/// runtime: no clang keeps running, no `.tmp-*` directory survives the next
/// build (SIGINT: not even the interruption), and the next build works.
#[test]
fn killed_runtime_build_leaves_nothing_behind() {
    for sig in [libc::SIGKILL, libc::SIGINT] {
        let cache = tempfile::tempdir().unwrap();
        let work = tempfile::tempdir().unwrap();
        let prog = hello(work.path());
        let mut cmd = mgen(cache.path());
        cmd.args(["build", "-O0", "-o"])
            .arg(work.path().join("hello"))
            .arg(&prog)
            .stderr(std::process::Stdio::null());
        // A test run in the background of a non-interactive shell inherits
        // SIGINT ignored (and mgen keeps an ignored SIGINT ignored).
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                Ok(())
            });
        }
        let mut child = cmd.spawn().unwrap();
        // Wait until the build is under way: a temporary directory with
        // an object in it.
        let start = std::time::Instant::now();
        let building = loop {
            let tmp = cache_names(cache.path())
                .into_iter()
                .find(|n| n.starts_with(".tmp-"))
                .map(|n| cache.path().join(n));
            if let Some(t) = tmp {
                let objects = std::fs::read_dir(&t)
                    .map(|rd| {
                        rd.flatten()
                            .filter(|e| e.path().extension().is_some_and(|x| x == "o"))
                            .count()
                    })
                    .unwrap_or(0);
                if objects > 0 {
                    break t;
                }
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(120),
                "the runtime build never started"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        unsafe {
            libc::kill(child.id() as libc::pid_t, sig);
        }
        let status = child.wait().unwrap();
        assert!(!status.success(), "signal {sig}: {status}");
        let needle = building.to_string_lossy().into_owned();
        let start = std::time::Instant::now();
        while !processes_mentioning(&needle).is_empty() {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(5),
                "signal {sig}: orphaned processes: {:?}",
                processes_mentioning(&needle)
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        if sig == libc::SIGINT {
            assert!(!building.exists(), "SIGINT left {}", building.display());
        }
        assert_eq!(
            build_and_run(cache.path(), &prog, &work.path().join("hello")),
            "hi 42\n"
        );
        let left: Vec<_> = cache_names(cache.path())
            .into_iter()
            .filter(|n| n.starts_with(".tmp") || n.starts_with(".trash"))
            .collect();
        assert!(left.is_empty(), "signal {sig}: {left:?}");
    }
}

/// Three mgen processes building for a target whose runtime is not yet
/// built: one builds it, the others wait and use it.
#[test]
fn concurrent_builds_share_one_runtime_build() {
    let cache = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let prog = hello(work.path());
    let children: Vec<_> = (0..3)
        .map(|i| {
            mgen(cache.path())
                .args(["build", "-O0", "-o"])
                .arg(work.path().join(format!("hello{i}")))
                .arg(&prog)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    for i in 0..3 {
        let r = Command::new(work.path().join(format!("hello{i}")))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&r.stdout), "hi 42\n");
    }
    assert_eq!(
        entries(cache.path()).len(),
        1,
        "{:?}",
        cache_names(cache.path())
    );
    let left: Vec<_> = cache_names(cache.path())
        .into_iter()
        .filter(|n| n.starts_with(".tmp") || n.starts_with(".trash"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
