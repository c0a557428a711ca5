//! Per-target builds of the C runtime (`runtime/`), cached under `sysroots/`.
//!
//! The runtime is compiled with `clang-19 --target=<triple>` from
//! `runtime/*.c`, `runtime/builtins/*.c` and `runtime/os/<os_layer>/*.c`
//! into `cache_dir()/<target>-<hash>/`. The hash covers every source and
//! header (path and contents), all flags, the triple and clang-19's
//! identity (resolved path, size and mtime), so any change gives a fresh
//! directory.
//!
//! The cache heals and is safe to share:
//! - An entry is used only if it is complete: its `MANIFEST` (written
//!   last) lists every file with its size and modification time, and they
//!   must match. A missing, truncated or replaced file, or a missing
//!   manifest, makes the entry invalid: it is moved aside and rebuilt.
//! - Builders take an exclusive lock (`<entry>.lock`, flock) for the
//!   entry: a second process waits for the first and uses its build.
//! - A build goes to a `.tmp-*` directory whose `.owner` file its process
//!   keeps locked; the directory is renamed into place when complete. The
//!   next build removes every `.tmp-*` directory whose owner is gone (a
//!   build killed with SIGKILL); SIGINT/SIGTERM/SIGHUP remove it at once
//!   (`handle_interrupts`). clang processes die with mgen (Linux's
//!   PR_SET_PDEATHSIG), so none is left running.

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
    h.update(b"mgen-runtime-v3\0");
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
    let mut files: Vec<&str> = names.iter().map(String::as_str).collect();
    files.push(BITCODE_NAME);
    if entry_is_valid(&dir, &files) {
        return Ok(result(&dir));
    }

    std::fs::create_dir_all(&cache)
        .with_context(|| format!("creating cache directory {}", cache.display()))?;
    // One builder per entry; the others wait here and then find it built.
    let _lock = lock_exclusive(&dir.with_file_name(format!("{}-{hash}.lock", target.name)))?;
    if entry_is_valid(&dir, &files) {
        return Ok(result(&dir));
    }
    remove_abandoned(&cache);
    if dir.exists() {
        // Incomplete or damaged (a file deleted or truncated, no manifest):
        // out of the way in one rename, then rebuilt.
        let trash = cache.join(format!(
            ".trash-{}-{}-{}",
            target.name,
            std::process::id(),
            unique()
        ));
        std::fs::rename(&dir, &trash)
            .with_context(|| format!("moving the damaged runtime build {} aside", dir.display()))?;
        let _ = std::fs::remove_dir_all(&trash);
    }

    let tmp = tempfile::Builder::new()
        .prefix(&format!(".tmp-{}-", target.name))
        .tempdir_in(&cache)
        .with_context(|| format!("creating a temporary directory in {}", cache.display()))?;
    let _owner = claim(tmp.path())?;
    let _registered = Registered::dir(tmp.path());
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
    build_all(&jobs, &flags).map_err(|e| {
        if target.runtime.cflags.is_empty() {
            e
        } else {
            e.context(format!(
                "building the runtime with the flags of {} (key `runtime.cflags` = {:?})",
                target.path.display(),
                target.runtime.cflags
            ))
        }
    })?;
    crate::lto::merge_runtime_bitcode(&bcs, &tmp.path().join(BITCODE_NAME))?;
    for bc in &bcs {
        let _ = std::fs::remove_file(bc);
    }
    write_manifest(tmp.path(), &files)?;

    // Renamed into place while the entry lock is held, so `dir` is free.
    std::fs::rename(tmp.path(), &dir)
        .with_context(|| format!("moving the runtime build into {}", dir.display()))?;
    let _ = tmp.keep();
    Ok(result(&dir))
}

/// Lists the files of a complete build with their sizes and modification
/// times; written last, so its presence means the build finished.
const MANIFEST_NAME: &str = "MANIFEST";
const MANIFEST_HEADER: &str = "mgen runtime build, complete";
/// The lock file inside a `.tmp-*` build directory.
const OWNER_NAME: &str = ".owner";

/// (size, mtime in ns) of a file, as the manifest records it.
fn stamp(path: &Path) -> Option<(u64, u128)> {
    let m = std::fs::metadata(path).ok()?;
    if !m.is_file() {
        return None;
    }
    let t = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((m.len(), t.as_nanos()))
}

fn write_manifest(dir: &Path, files: &[&str]) -> anyhow::Result<()> {
    let mut text = format!("{MANIFEST_HEADER}\n");
    for f in files {
        let (size, mtime) =
            stamp(&dir.join(f)).ok_or_else(|| anyhow!("the runtime build did not produce {f}"))?;
        text += &format!("{size} {mtime} {f}\n");
    }
    std::fs::write(dir.join(MANIFEST_NAME), text)
        .with_context(|| format!("writing {}", dir.join(MANIFEST_NAME).display()))
}

/// Whether `dir` holds a complete build of `files`: a manifest that lists
/// each of them, and each file as the manifest recorded it.
fn entry_is_valid(dir: &Path, files: &[&str]) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join(MANIFEST_NAME)) else {
        return false;
    };
    let mut lines = text.lines();
    if lines.next() != Some(MANIFEST_HEADER) {
        return false;
    }
    let recorded: std::collections::HashMap<&str, (u64, u128)> = lines
        .filter_map(|l| {
            let mut it = l.splitn(3, ' ');
            let size = it.next()?.parse().ok()?;
            let mtime = it.next()?.parse().ok()?;
            Some((it.next()?, (size, mtime)))
        })
        .collect();
    files.iter().all(|f| {
        recorded
            .get(f)
            .is_some_and(|r| stamp(&dir.join(f)) == Some(*r))
    })
}

/// A number unique within this process (with the pid: across processes).
fn unique() -> u64 {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Open (creating) and lock `path` exclusively, waiting for other holders.
/// The lock goes with the returned file (and with the process).
fn lock_exclusive(path: &Path) -> anyhow::Result<std::fs::File> {
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("opening the lock file {}", path.display()))?;
    f.lock()
        .with_context(|| format!("locking {}", path.display()))?;
    Ok(f)
}

/// Mark a fresh build directory as this process's: its `.owner` file,
/// locked for as long as the returned file is open.
fn claim(dir: &Path) -> anyhow::Result<std::fs::File> {
    // Locked under another name, then renamed: a cleaner never sees an
    // unlocked `.owner` of a live build.
    let pending = dir.join(".owner-pending");
    let f = std::fs::File::create(&pending)
        .with_context(|| format!("creating {}", pending.display()))?;
    f.try_lock()
        .map_err(|e| anyhow!("locking {}: {e}", pending.display()))?;
    std::fs::rename(&pending, dir.join(OWNER_NAME))
        .with_context(|| format!("creating {}", dir.join(OWNER_NAME).display()))?;
    Ok(f)
}

/// What an interrupted mgen must clean up: build directories in progress
/// and the clang processes writing into them.
#[derive(Default)]
struct InFlight {
    dirs: Vec<PathBuf>,
    children: Vec<u32>,
}

static IN_FLIGHT: std::sync::Mutex<InFlight> = std::sync::Mutex::new(InFlight {
    dirs: Vec::new(),
    children: Vec::new(),
});

fn in_flight() -> std::sync::MutexGuard<'static, InFlight> {
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Registration in `IN_FLIGHT` for as long as the value lives.
enum Registered {
    Dir(PathBuf),
    Child(u32),
}

impl Registered {
    fn dir(p: &Path) -> Registered {
        in_flight().dirs.push(p.to_path_buf());
        Registered::Dir(p.to_path_buf())
    }
    fn child(pid: u32) -> Registered {
        in_flight().children.push(pid);
        Registered::Child(pid)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        let mut f = in_flight();
        match self {
            Registered::Dir(p) => f.dirs.retain(|d| d != p),
            Registered::Child(pid) => f.children.retain(|c| c != pid),
        }
    }
}

/// Make SIGINT, SIGTERM and SIGHUP clean up a runtime build in progress
/// (kill its clang processes, remove its `.tmp-*` directory) before mgen
/// dies of the signal as before. Call first thing in `main`. The handler
/// only writes the signal number to a pipe; a watcher thread does the
/// cleanup and re-raises the signal with its default action. The signal
/// mask is untouched, and children start with default dispositions (exec
/// resets caught signals), so `mgen run`'s program gets Ctrl-C as before.
/// A signal ignored when mgen starts (nohup) stays ignored.
#[cfg(unix)]
pub fn handle_interrupts() {
    use std::sync::atomic::{AtomicI32, Ordering};
    static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);
    extern "C" fn on_signal(sig: libc::c_int) {
        let fd = PIPE_WRITE.load(Ordering::Relaxed);
        if fd >= 0 {
            let b = sig as u8;
            // SAFETY: write(2) is async-signal-safe; `b` lives on the stack.
            unsafe {
                libc::write(fd, &b as *const u8 as *const libc::c_void, 1);
            }
        }
    }
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: pipe2 fills `fds`; everything after is plain libc calls on
    // initialized values.
    unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) != 0 {
            return;
        }
        let read_fd = fds[0];
        let spawned = std::thread::Builder::new()
            .name("mgen-signals".into())
            .spawn(move || loop {
                let mut b = 0u8;
                let n = libc::read(read_fd, &mut b as *mut u8 as *mut libc::c_void, 1);
                if n < 0
                    && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
                {
                    continue;
                }
                if n != 1 {
                    return;
                }
                let sig = b as libc::c_int;
                {
                    let f = in_flight();
                    for &pid in &f.children {
                        libc::kill(pid as libc::pid_t, libc::SIGKILL);
                    }
                    for d in &f.dirs {
                        let _ = std::fs::remove_dir_all(d);
                    }
                }
                // Die of the signal, as without this handler.
                libc::signal(sig, libc::SIG_DFL);
                libc::kill(libc::getpid(), sig);
                std::thread::sleep(std::time::Duration::from_secs(1));
                std::process::exit(128 + sig);
            });
        if spawned.is_err() {
            return;
        }
        PIPE_WRITE.store(fds[1], Ordering::Relaxed);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig, std::ptr::null(), &mut old) != 0
                || old.sa_sigaction == libc::SIG_IGN
            {
                continue;
            }
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
            // A second signal while the watcher cleans up kills at once.
            sa.sa_flags = libc::SA_RESTART | libc::SA_RESETHAND;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
}

#[cfg(not(unix))]
pub fn handle_interrupts() {}

/// How long a build directory may exist without an owner file before it
/// counts as abandoned (the owner creates it right after the directory).
const UNCLAIMED_GRACE: std::time::Duration = std::time::Duration::from_secs(60);

/// Remove the `.tmp-*` build directories of processes that died (their
/// `.owner` is no longer locked, or was never created) and `.trash-*`
/// leftovers, so a killed build costs nothing later.
fn remove_abandoned(cache: &Path) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let path = e.path();
        if !path.is_dir() {
            continue;
        }
        let abandoned = if name.starts_with(".trash-") {
            // Only ever renamed and then removed at once by its maker.
            true
        } else if name.starts_with(".tmp-") {
            match std::fs::File::open(path.join(OWNER_NAME)) {
                // Our own lock attempt succeeds only if nobody holds it.
                Ok(f) => f.try_lock().is_ok(),
                Err(_) => e
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > UNCLAIMED_GRACE),
            }
        } else {
            false
        };
        if abandoned {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
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
    let mut cmd = Command::new(CLANG);
    cmd.args(flags)
        .args(if bitcode { &["-emit-llvm"][..] } else { &[] })
        .arg("-c")
        .arg(src)
        .arg("-o")
        .arg(out)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    die_with_parent(&mut cmd);
    let child = cmd.spawn().with_context(|| format!("running {CLANG}"))?;
    let _registered = Registered::child(child.id());
    let o = child
        .wait_with_output()
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

/// On Linux, the child gets SIGKILL when the thread that spawned it dies
/// (PR_SET_PDEATHSIG): a killed mgen leaves no clang running. The thread
/// waits for the child, so it outlives it in a normal run.
fn die_with_parent(cmd: &mut Command) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: getpid is async-signal-safe.
        let parent = unsafe { libc::getpid() };
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // The parent died before the prctl: do not run orphaned.
                if libc::getppid() != parent {
                    libc::_exit(1);
                }
                Ok(())
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = cmd;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(files: &[(&str, &str)]) -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(d.path().join(name), text).unwrap();
        }
        let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
        write_manifest(d.path(), &names).unwrap();
        d
    }

    #[test]
    fn manifest_detects_missing_changed_and_unlisted_files() {
        let files = ["a.o", "b.o", "runtime.bc"];
        let d = entry(&[("a.o", "aaaa"), ("b.o", "bbbb"), ("runtime.bc", "cc")]);
        assert!(entry_is_valid(d.path(), &files));
        // A file the manifest does not list (a newer runtime source).
        assert!(!entry_is_valid(
            d.path(),
            &["a.o", "b.o", "runtime.bc", "c.o"]
        ));
        // Truncated.
        std::fs::write(d.path().join("b.o"), "bb").unwrap();
        assert!(!entry_is_valid(d.path(), &files));
        // Missing.
        let d = entry(&[("a.o", "aaaa"), ("b.o", "bbbb"), ("runtime.bc", "cc")]);
        std::fs::remove_file(d.path().join("a.o")).unwrap();
        assert!(!entry_is_valid(d.path(), &files));
        // No manifest (a build that never finished).
        let d = entry(&[("a.o", "aaaa")]);
        std::fs::remove_file(d.path().join(MANIFEST_NAME)).unwrap();
        assert!(!entry_is_valid(d.path(), &["a.o"]));
        assert!(!entry_is_valid(&d.path().join("nonexistent"), &["a.o"]));
    }

    #[test]
    fn abandoned_build_directories_are_removed_live_ones_kept() {
        let cache = tempfile::tempdir().unwrap();
        let live = cache.path().join(".tmp-t-live");
        let dead = cache.path().join(".tmp-t-dead");
        let fresh = cache.path().join(".tmp-t-fresh");
        let trash = cache.path().join(".trash-t-1-0");
        let entry = cache.path().join("t-0123");
        for d in [&live, &dead, &fresh, &trash, &entry] {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("x.o"), "x").unwrap();
        }
        let _owner = claim(&live).unwrap();
        // A dead owner: the file exists, nobody holds its lock.
        std::fs::write(dead.join(OWNER_NAME), "").unwrap();
        // `fresh` has no owner file yet, and is younger than the grace.
        remove_abandoned(cache.path());
        assert!(live.is_dir() && fresh.is_dir() && entry.is_dir());
        assert!(!dead.exists() && !trash.exists());
    }
}
