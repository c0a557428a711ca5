//! Linking: runs the lld flavor the descriptor names.

use crate::target::Target;
use anyhow::{anyhow, bail, Context};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Link `objects` into the executable `out` (written atomically: a failed
/// link leaves no file at `out`), without debug-only linker arguments.
pub fn link(target: &Target, objects: &[PathBuf], out: &Path) -> anyhow::Result<()> {
    link_debug(target, objects, out, false)
}

/// As `link`; `debug` adds the descriptor's
/// `linker.debug-args`; import libraries (`linker.import-libs`) are made
/// from their `.def` files (cached) and linked after the objects.
pub fn link_debug(
    target: &Target,
    objects: &[PathBuf],
    out: &Path,
    debug: bool,
) -> anyhow::Result<()> {
    let spec = &target.linker;
    let program = which::which(&spec.program).map_err(|_| {
        anyhow!(
            "linker `{}` not found: install it with {}",
            spec.program,
            spec.install_hint
        )
    })?;
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // A private directory (removed on drop, so a failed link leaves
    // nothing) holding the output under its final name: linkers record that
    // name (Mach-O code signatures), so it must not be a random one.
    let tmpdir = tempfile::Builder::new()
        .prefix(".mgen-link-")
        .tempdir_in(dir)
        .with_context(|| format!("cannot create a temporary directory in {}", dir.display()))?;
    let tmp = tmpdir.path().join(
        out.file_name()
            .unwrap_or_else(|| std::ffi::OsStr::new("out")),
    );
    let mut inputs = objects.to_vec();
    inputs.extend(crate::implib::import_libs(target)?);
    let home = crate::home::home().to_string_lossy();
    // `{objdir}`: the directory of the program's object file (a scratch
    // directory), so a descriptor can keep it out of the output.
    let objdir = objects
        .first()
        .and_then(|o| o.parent())
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut args = Vec::new();
    let extra = if debug { &spec.debug_args[..] } else { &[] };
    for a in spec.args.iter().chain(extra) {
        match a.as_str() {
            "{objects}" => args.extend(inputs.iter().map(|o| o.as_os_str().to_owned())),
            _ => args.push(
                a.replace("{out}", &tmp.to_string_lossy())
                    .replace("{mgen_home}", &home)
                    .replace("{objdir}", &objdir)
                    .into(),
            ),
        }
    }
    let output = Command::new(&program)
        .args(&args)
        // ld64.lld records object mtimes in Mach-O debug maps unless this is
        // set; builds must not depend on the time (reproducibility).
        .env("ZERO_AR_DATE", "1")
        .output()
        .with_context(|| format!("cannot run linker {}", program.display()))?;
    if !output.status.success() {
        let cmdline: Vec<String> = std::iter::once(program.as_os_str())
            .chain(args.iter().map(|a| a.as_os_str()))
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        bail!(
            "linking {} failed ({}):\n  {}\n{}",
            out.display(),
            output.status,
            cmdline.join(" "),
            String::from_utf8_lossy(&output.stderr).trim_end()
        );
    }
    std::fs::rename(&tmp, out).with_context(|| format!("cannot write {}", out.display()))?;
    Ok(())
}
