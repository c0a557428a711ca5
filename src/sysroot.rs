//! Per-target builds of the C runtime (`runtime/`), cached under `sysroots/`.
//!
//! The runtime is compiled with `clang-19 --target=<triple>` from
//! `runtime/*.c`, `runtime/builtins/*.c` and `runtime/os/<os_layer>/*.c`
//! into `cache_dir()/<target>-<hash>/`. The hash covers every source and
//! header (path and contents), all flags, the triple and clang-19's
//! identity (resolved path, size and mtime), so any change gives a fresh
//! directory. A build goes to a
//! temporary directory inside the cache and is renamed into place, so
//! several mgen processes may race: the first rename wins, the others use it.

use crate::target::{RelocModel, Target};
use anyhow::{anyhow, bail, Context};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

const CLANG: &str = "clang-19";

/// Flags for every runtime file on every target.
const COMMON_FLAGS: &[&str] = &[
    "-ffreestanding",
    "-nostdlibinc",
    "-fno-builtin",
    "-fno-stack-protector",
    "-ffunction-sections",
    "-fdata-sections",
    "-fno-asynchronous-unwind-tables",
    "-fno-unwind-tables",
    // The float code relies on exact, unfused operations (double-double
    // arithmetic, CPython's float_divmod).
    "-ffp-contract=off",
    "-O2",
    "-Wall",
];

/// One target's runtime build.
#[derive(Debug, Clone)]
pub struct RuntimeBuild {
    /// An object file per runtime source (what `-O0` and `--sanitize`
    /// builds link).
    pub objects: Vec<PathBuf>,
    /// The runtime proper (`runtime/*.c` and the OS layer) as one LLVM
    /// bitcode module, with the function attributes that would block
    /// inlining into generated code removed (see `src/lto.rs`).
    pub bitcode: PathBuf,
    /// The objects that are not in `bitcode`: the compiler builtins
    /// (`runtime/builtins/`: memcpy, __divdi3, libm ...), which code
    /// generation may call after optimization, so they stay native.
    pub native: Vec<PathBuf>,
}

/// Object files of the runtime for `target`, building them (with clang-19)
/// if missing or stale. Safe to call from several processes at once.
pub fn runtime_objects(target: &Target) -> anyhow::Result<Vec<PathBuf>> {
    Ok(runtime_build(target)?.objects)
}

/// The runtime for `target` as objects and bitcode, building it (with
/// clang-19) if missing or stale. Safe to call from several processes at once.
pub fn runtime_build(target: &Target) -> anyhow::Result<RuntimeBuild> {
    let rt = crate::home::runtime_dir();
    let sources = runtime_sources(&rt, &target.runtime.os_layer)?;
    let flags = cflags(target, &rt);
    let clang_version = clang_identity()?;

    let mut h = Sha256::new();
    h.update(b"mgen-runtime-v2\0");
    h.update(target.triple.as_bytes());
    h.update(b"\0");
    h.update(clang_version.as_bytes());
    h.update(b"\0");
    for f in &flags {
        h.update(f.as_bytes());
        h.update(b"\0");
    }
    // Headers too: a changed mgen_rt.h must rebuild everything.
    for f in hashed_files(&rt, &sources)? {
        let rel = f.strip_prefix(&rt).unwrap_or(&f);
        h.update(rel.to_string_lossy().as_bytes());
        h.update(b"\0");
        let data = std::fs::read(&f).with_context(|| format!("reading {}", f.display()))?;
        h.update((data.len() as u64).to_le_bytes());
        h.update(&data);
    }
    let hash: String = h
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();

    let cache = crate::home::cache_dir();
    let dir = cache.join(format!("{}-{}", target.name, hash));
    let names: Vec<String> = sources.iter().map(|s| object_name(&rt, s)).collect();
    let builtins = rt.join("builtins");
    let in_bitcode: Vec<bool> = sources.iter().map(|s| !s.starts_with(&builtins)).collect();
    let result = |dir: &Path| RuntimeBuild {
        objects: names.iter().map(|n| dir.join(n)).collect(),
        bitcode: dir.join(BITCODE_NAME),
        native: names
            .iter()
            .zip(&in_bitcode)
            .filter(|(_, b)| !**b)
            .map(|(n, _)| dir.join(n))
            .collect(),
    };
    if dir.is_dir() {
        let r = result(&dir);
        if r.objects.iter().all(|o| o.is_file()) && r.bitcode.is_file() {
            return Ok(r);
        }
    }

    std::fs::create_dir_all(&cache)
        .with_context(|| format!("creating cache directory {}", cache.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".tmp-{}-", target.name))
        .tempdir_in(&cache)
        .with_context(|| format!("creating a temporary directory in {}", cache.display()))?;
    // Objects, then the bitcode of everything but the builtins.
    let mut jobs: Vec<(PathBuf, PathBuf, bool)> = sources
        .iter()
        .zip(&names)
        .map(|(s, n)| (s.clone(), tmp.path().join(n), false))
        .collect();
    let mut bcs = Vec::new();
    for ((s, n), b) in sources.iter().zip(&names).zip(&in_bitcode) {
        if *b {
            let bc = tmp.path().join(Path::new(n).with_extension("bc"));
            jobs.push((s.clone(), bc.clone(), true));
            bcs.push(bc);
        }
    }
    build_all(&jobs, &flags)?;
    crate::lto::merge_runtime_bitcode(&bcs, &tmp.path().join(BITCODE_NAME))?;
    for bc in &bcs {
        let _ = std::fs::remove_file(bc);
    }

    let tmp_path = tmp.keep();
    if let Err(e) = std::fs::rename(&tmp_path, &dir) {
        // Another process finished first (the target exists and is not
        // empty): use its build and drop ours.
        let _ = std::fs::remove_dir_all(&tmp_path);
        if !dir.is_dir() {
            return Err(anyhow!(e))
                .with_context(|| format!("moving the runtime build into {}", dir.display()));
        }
    }
    Ok(result(&dir))
}

/// The merged runtime bitcode in a build directory.
const BITCODE_NAME: &str = "runtime.bc";

/// Compile one more C file (a test driver, say) for `target` with the
/// runtime's flags; `runtime/` is on the include path.
pub fn compile_c(target: &Target, src: &Path, out: &Path) -> anyhow::Result<()> {
    let rt = crate::home::runtime_dir();
    clang_version()?;
    compile_one(src, out, &cflags(target, &rt), false)
}

fn cflags(target: &Target, rt: &Path) -> Vec<String> {
    let mut f = vec![format!("--target={}", target.triple)];
    f.extend(COMMON_FLAGS.iter().map(|s| s.to_string()));
    // DWARF as the descriptor says, with paths that do not depend on where
    // mgen is installed: `runtime/<file>.c` relative to the compilation
    // directory `.` (the gdb printer script adds MGEN_HOME as a source
    // directory, so gdb finds them). Reproducible builds rely on this.
    f.push(format!("-gdwarf-{}", target.dwarf_version));
    f.push(format!("-ffile-prefix-map={}=runtime", rt.display()));
    f.push("-fdebug-compilation-dir=.".into());
    match target.reloc_model {
        RelocModel::Static => f.push("-fno-pic".into()),
        RelocModel::Pic => f.push("-fPIC".into()),
        RelocModel::DynamicNoPic => {}
    }
    f.extend(target.runtime.cflags.iter().cloned());
    f.push(format!("-I{}", rt.display()));
    f
}

fn c_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let p = e?.path();
        if p.is_file() && p.extension().is_some_and(|x| x == "c") {
            v.push(p);
        }
    }
    v.sort();
    Ok(v)
}

fn runtime_sources(rt: &Path, os_layer: &str) -> anyhow::Result<Vec<PathBuf>> {
    let os_dir = rt.join("os").join(os_layer);
    if os_layer.is_empty() || !os_dir.is_dir() {
        bail!(
            "the runtime has no OS layer `{}` (expected a directory {})",
            os_layer,
            os_dir.display()
        );
    }
    let mut v = c_files(rt)?;
    v.extend(c_files(&rt.join("builtins"))?);
    v.extend(c_files(&os_dir)?);
    Ok(v)
}

/// Sources plus every header under runtime/ (excluding tests/).
fn hashed_files(rt: &Path, sources: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut v = sources.to_vec();
    let mut stack = vec![rt.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                if p.file_name().is_some_and(|n| n != "tests") {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "h") {
                v.push(p);
            }
        }
    }
    v.sort();
    Ok(v)
}

/// `builtins/int64.c` -> `builtins_int64.o` (unique within a build).
fn object_name(rt: &Path, src: &Path) -> String {
    let rel = src.strip_prefix(rt).unwrap_or(src).with_extension("o");
    rel.to_string_lossy().replace(['/', '\\'], "_")
}

/// What identifies the installed clang for the cache key: its resolved
/// path, size and modification time (an upgrade changes them). Cheaper than
/// running `clang --version` on every build (~10-100 ms).
fn clang_identity() -> anyhow::Result<String> {
    let path = which::which(CLANG).map_err(|_| {
        anyhow::anyhow!("{CLANG} not found: install it with apt-get install clang-19")
    })?;
    let real = path.canonicalize().unwrap_or(path);
    let meta = std::fs::metadata(&real).with_context(|| format!("reading {}", real.display()))?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    Ok(format!("{} {} {}", real.display(), meta.len(), mtime))
}

fn clang_version() -> anyhow::Result<String> {
    let out = match Command::new(CLANG).arg("--version").output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{CLANG} not found: install it with apt-get install clang-19")
        }
        Err(e) => return Err(e).context(format!("running {CLANG} --version")),
    };
    if !out.status.success() {
        bail!(
            "{CLANG} --version failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn compile_one(src: &Path, out: &Path, flags: &[String], bitcode: bool) -> anyhow::Result<()> {
    let o = Command::new(CLANG)
        .args(flags)
        .args(if bitcode { &["-emit-llvm"][..] } else { &[] })
        .arg("-c")
        .arg(src)
        .arg("-o")
        .arg(out)
        .output()
        .with_context(|| format!("running {CLANG}"))?;
    if !o.status.success() {
        bail!(
            "{CLANG} failed to compile {}:\n{}",
            src.display(),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    Ok(())
}

/// Compile each (source, output, as bitcode?) job, a few at a time.
fn build_all(jobs_list: &[(PathBuf, PathBuf, bool)], flags: &[String]) -> anyhow::Result<()> {
    let jobs = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(8);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let errors = std::sync::Mutex::new(Vec::<anyhow::Error>::new());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= jobs_list.len() {
                    break;
                }
                let (src, out, bc) = &jobs_list[i];
                if let Err(e) = compile_one(src, out, flags, *bc) {
                    errors.lock().unwrap().push(e);
                }
            });
        }
    });
    let mut errors = errors.into_inner().unwrap();
    if errors.is_empty() {
        Ok(())
    } else {
        let first = errors.remove(0);
        Err(first)
    }
}
