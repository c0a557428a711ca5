//! Import libraries for PE/COFF targets, made from the `.def` files a
//! descriptor lists in `linker.import-libs` (kept in `sysroots/windows/`)
//! with its `linker.dlltool` command, so no MinGW or Windows SDK is needed.
//! Cached under the cache dir by a hash of the `.def` text and the command.

use crate::target::Target;
use anyhow::{anyhow, bail, Context};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::process::Command;

/// The import libraries for `target` (empty for targets without any),
/// building missing ones. Safe to call from several processes at once.
pub fn import_libs(target: &Target) -> anyhow::Result<Vec<PathBuf>> {
    let spec = &target.linker;
    let mut libs = Vec::new();
    for def in &spec.import_libs {
        let def_path = crate::home::home().join(def);
        let text = std::fs::read(&def_path).with_context(|| {
            format!(
                "{}: key `linker.import-libs`: cannot read {}",
                target.path.display(),
                def_path.display()
            )
        })?;
        let mut h = Sha256::new();
        h.update(b"mgen-implib-v1\0");
        for a in &spec.dlltool {
            h.update(a.as_bytes());
            h.update(b"\0");
        }
        h.update(&text);
        let hash: String = h
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let stem = def_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cache = crate::home::cache_dir().join("implib");
        let lib = cache.join(format!("{stem}-{hash}.lib"));
        if !lib.is_file() {
            std::fs::create_dir_all(&cache)
                .with_context(|| format!("creating cache directory {}", cache.display()))?;
            let tmp = tempfile::Builder::new()
                .prefix(&format!(".tmp-{stem}-"))
                .suffix(".lib")
                .tempfile_in(&cache)?
                .into_temp_path();
            run_dlltool(target, &def_path, &tmp)?;
            tmp.persist(&lib)
                .with_context(|| format!("cannot write {}", lib.display()))?;
        }
        libs.push(lib);
    }
    Ok(libs)
}

fn run_dlltool(
    target: &Target,
    def: &std::path::Path,
    lib: &std::path::Path,
) -> anyhow::Result<()> {
    let words: Vec<String> = target
        .linker
        .dlltool
        .iter()
        .map(|w| {
            w.replace("{def}", &def.to_string_lossy())
                .replace("{lib}", &lib.to_string_lossy())
        })
        .collect();
    let Some((program, args)) = words.split_first() else {
        bail!(
            "{}: key `linker.dlltool` is empty but `linker.import-libs` is not",
            target.path.display()
        );
    };
    let resolved = which::which(program).map_err(|_| {
        anyhow!(
            "{}: key `linker.dlltool`: `{program}` not found: install it with apt-get install llvm-19",
            target.path.display()
        )
    })?;
    let o = Command::new(resolved)
        .args(args)
        .output()
        .with_context(|| format!("running {program}"))?;
    if !o.status.success() {
        bail!(
            "{program} failed to make an import library from {}:\n  {}\n{}",
            def.display(),
            words.join(" "),
            String::from_utf8_lossy(&o.stderr).trim_end()
        );
    }
    Ok(())
}
