//! Where mgen finds its data: `targets/`, `runtime/` and `sysroots/`.
//!
//! Looked up at run time (never baked into the binary) so that a user adds a
//! target by adding a file. Order: `$MGEN_HOME`, then the ancestors of the
//! running executable, then the source checkout mgen was built from.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn is_home(p: &Path) -> bool {
    p.join("targets").is_dir() && p.join("runtime").is_dir()
}

/// The mgen home directory (contains `targets/`, `runtime/`, `sysroots/`).
pub fn home() -> &'static Path {
    static HOME: OnceLock<PathBuf> = OnceLock::new();
    HOME.get_or_init(|| {
        if let Some(h) = std::env::var_os("MGEN_HOME") {
            return PathBuf::from(h);
        }
        if let Ok(exe) = std::env::current_exe() {
            let exe = exe.canonicalize().unwrap_or(exe);
            for anc in exe.ancestors().skip(1) {
                if is_home(anc) {
                    return anc.to_path_buf();
                }
            }
        }
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    })
}

pub fn targets_dir() -> PathBuf {
    home().join("targets")
}

pub fn runtime_dir() -> PathBuf {
    home().join("runtime")
}

/// Where built runtimes are cached. `$MGEN_CACHE_DIR` overrides; otherwise
/// `sysroots/cache` under the home if writable, else `$XDG_CACHE_HOME/mgen`.
pub fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("MGEN_CACHE_DIR") {
        return PathBuf::from(d);
    }
    let d = home().join("sysroots").join("cache");
    if std::fs::create_dir_all(&d).is_ok() {
        let probe = d.join(".probe");
        if std::fs::write(&probe, b"").is_ok() {
            let _ = std::fs::remove_file(probe);
            return d;
        }
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("mgen")
}
