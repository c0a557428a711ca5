//! `mgen build --release`: move an executable's DWARF into `OUT.debug`
//! beside it, as the descriptor's `split-debuginfo` says.
//!
//! ELF: the executable is stripped (`llvm-objcopy --strip-all`) and gets a
//! `.gnu_debuglink` naming `OUT.debug` (with its CRC); the build-id from the
//! link stays in both files. wasm: the debug sections move out and the
//! module gets an `external_debug_info` custom section naming `OUT.debug`
//! (the convention of WebAssembly DWARF tooling). Both files are written
//! atomically, the debug file first.

use crate::driver::write_atomic;
use crate::target::{ObjectFormat, SplitDebuginfo, Target};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::Command;

const OBJCOPY: &str = "llvm-objcopy-19";

/// The debug file that belongs to executable `exe`: `exe` + `.debug`.
pub fn debug_path(exe: &Path) -> PathBuf {
    let mut name = exe.file_name().unwrap_or_default().to_os_string();
    name.push(".debug");
    exe.with_file_name(name)
}

/// Write the linked executable `linked` (a file in a scratch directory) to
/// `out`; with `split`, its debug info goes out as `target` says. Returns
/// the debug file, if one was written.
pub fn install(
    target: &Target,
    linked: &Path,
    out: &Path,
    split: bool,
) -> anyhow::Result<Option<PathBuf>> {
    if target.object_format == ObjectFormat::Wasm {
        // wasm-ld records the output's (temporary, random) file name as the
        // module name; drop it so builds are reproducible.
        let bytes = std::fs::read(linked)?;
        std::fs::write(linked, drop_wasm_module_name(&bytes))?;
    }
    if !split || target.split_debuginfo == SplitDebuginfo::Off {
        let bytes = std::fs::read(linked)?;
        write_atomic(out, &bytes)?;
        set_executable(out)?;
        return Ok(None);
    }
    let scratch = linked.parent().unwrap_or(Path::new("."));
    if target.split_debuginfo == SplitDebuginfo::Dsym {
        return install_dsym(target, linked, scratch, out);
    }
    let dbg_out = debug_path(out);
    // The debuglink records the file name, so the scratch copy gets the
    // final one.
    let dbg_name = dbg_out.file_name().unwrap_or_default();
    let dbg_tmp = scratch.join(dbg_name);
    let exe_tmp = scratch.join(".stripped");
    objcopy(&[
        "--only-keep-debug".as_ref(),
        linked.as_os_str(),
        dbg_tmp.as_os_str(),
    ])?;
    match target.object_format {
        ObjectFormat::Elf => {
            let link = format!("--add-gnu-debuglink={}", dbg_tmp.display());
            objcopy(&[
                "--strip-all".as_ref(),
                link.as_ref(),
                linked.as_os_str(),
                exe_tmp.as_os_str(),
            ])?;
        }
        ObjectFormat::Wasm => {
            objcopy(&["--strip-debug".as_ref(), linked.as_os_str(), exe_tmp.as_os_str()])?;
            let mut bytes = std::fs::read(&exe_tmp)?;
            append_wasm_custom_section(
                &mut bytes,
                "external_debug_info",
                dbg_name.to_string_lossy().as_bytes(),
            );
            std::fs::write(&exe_tmp, bytes)?;
        }
        f => bail!(
            "{}: split-debuginfo = \"packed\" is not supported for object format `{}`; set split-debuginfo = \"off\" in the descriptor",
            target.path.display(),
            f.name()
        ),
    }
    write_atomic(&dbg_out, &std::fs::read(&dbg_tmp)?)?;
    set_mode(&dbg_out, 0o644)?;
    write_atomic(out, &std::fs::read(&exe_tmp)?)?;
    set_executable(out)?;
    Ok(Some(dbg_out))
}

const DSYMUTIL: &str = "dsymutil-19";

/// The `.dSYM` bundle that belongs to executable `exe`.
pub fn dsym_path(exe: &Path) -> PathBuf {
    let mut name = exe.file_name().unwrap_or_default().to_os_string();
    name.push(".dSYM");
    exe.with_file_name(name)
}

/// Mach-O: dsymutil reads the objects the debug map names (the program's
/// relative to the scratch directory, where it still is; the runtime's by
/// absolute path) and writes `OUT.dSYM`, installed beside `out`.
fn install_dsym(
    target: &Target,
    linked: &Path,
    scratch: &Path,
    out: &Path,
) -> anyhow::Result<Option<PathBuf>> {
    if target.object_format != ObjectFormat::MachO {
        bail!(
            "{}: split-debuginfo = \"dsym\" is only for Mach-O targets; use \"packed\" or \"off\"",
            target.path.display()
        );
    }
    let program = which::which(DSYMUTIL).map_err(|_| {
        anyhow::anyhow!("{DSYMUTIL} not found (needed by --release for Mach-O): install it with apt-get install llvm-19")
    })?;
    let final_bundle = dsym_path(out);
    let bundle_name = final_bundle.file_name().unwrap_or_default();
    let exe_name = linked.file_name().unwrap_or_default();
    let res = Command::new(&program)
        .current_dir(scratch)
        .arg(exe_name)
        .arg("-o")
        .arg(bundle_name)
        .output()
        .with_context(|| format!("cannot run {}", program.display()))?;
    if !res.status.success() || !res.stderr.is_empty() {
        bail!(
            "{DSYMUTIL} failed ({}):\n{}",
            res.status,
            String::from_utf8_lossy(&res.stderr).trim_end()
        );
    }
    // Install the bundle directory: copy next to its place, then swap in.
    let parent = match final_bundle.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let staging = tempfile::Builder::new()
        .prefix(".mgen-dsym-")
        .tempdir_in(&parent)?;
    let staged = staging.path().join(bundle_name);
    copy_tree(&scratch.join(bundle_name), &staged)?;
    if final_bundle.exists() {
        std::fs::remove_dir_all(&final_bundle)
            .with_context(|| format!("cannot replace {}", final_bundle.display()))?;
    }
    std::fs::rename(&staged, &final_bundle)
        .with_context(|| format!("cannot write {}", final_bundle.display()))?;
    write_atomic(out, &std::fs::read(linked)?)?;
    set_executable(out)?;
    Ok(Some(final_bundle))
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut entries: Vec<_> = std::fs::read_dir(from)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_tree(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), &dest)?;
        }
    }
    Ok(())
}

fn objcopy(args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
    let program = which::which(OBJCOPY).map_err(|_| {
        anyhow::anyhow!("{OBJCOPY} not found (needed by --release to split debug info): install it with apt-get install llvm-19")
    })?;
    let out = Command::new(&program)
        .args(args)
        .output()
        .with_context(|| format!("cannot run {}", program.display()))?;
    if !out.status.success() {
        let line: Vec<String> = args.iter().map(|a| a.to_string_lossy().into()).collect();
        bail!(
            "{OBJCOPY} {} failed ({}):\n{}",
            line.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        );
    }
    Ok(())
}

/// Append a custom section whose payload is the string `payload` (a
/// LEB128 length and the bytes), as `external_debug_info` wants.
fn append_wasm_custom_section(module: &mut Vec<u8>, name: &str, payload: &[u8]) {
    fn leb(out: &mut Vec<u8>, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                break;
            }
            out.push(b | 0x80);
        }
    }
    let mut body = Vec::new();
    leb(&mut body, name.len() as u64);
    body.extend_from_slice(name.as_bytes());
    leb(&mut body, payload.len() as u64);
    body.extend_from_slice(payload);
    module.push(0);
    leb(module, body.len() as u64);
    module.extend_from_slice(&body);
}

fn set_executable(p: &Path) -> anyhow::Result<()> {
    set_mode(p, 0o755)
}

fn read_leb(b: &[u8], pos: &mut usize) -> Option<u64> {
    let (mut v, mut shift) = (0u64, 0);
    loop {
        let byte = *b.get(*pos)?;
        *pos += 1;
        v |= ((byte & 0x7f) as u64) << shift;
        if byte & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

/// `module` without the module-name subsection (id 0) of its `name`
/// section; unchanged if it has none or does not parse.
fn drop_wasm_module_name(module: &[u8]) -> Vec<u8> {
    fn rebuilt(module: &[u8]) -> Option<Vec<u8>> {
        let mut out = module.get(..8)?.to_vec();
        let mut pos = 8;
        while pos < module.len() {
            let start = pos;
            let id = module[pos];
            pos += 1;
            let size = read_leb(module, &mut pos)? as usize;
            let body = module.get(pos..pos + size)?;
            pos += size;
            let mut p = 0;
            let name_len = read_leb(body, &mut p)? as usize;
            if id != 0 || body.get(p..p + name_len)? != b"name" {
                out.extend_from_slice(&module[start..pos]);
                continue;
            }
            p += name_len;
            let mut new_body = body[..p].to_vec();
            while p < body.len() {
                let sub_start = p;
                let sub_id = body[p];
                p += 1;
                let sub_size = read_leb(body, &mut p)? as usize;
                p += sub_size;
                if sub_id != 0 {
                    new_body.extend_from_slice(body.get(sub_start..p)?);
                }
            }
            out.push(0);
            let mut size_leb = Vec::new();
            let mut v = new_body.len() as u64;
            loop {
                let b = (v & 0x7f) as u8;
                v >>= 7;
                if v == 0 {
                    size_leb.push(b);
                    break;
                }
                size_leb.push(b | 0x80);
            }
            out.extend_from_slice(&size_leb);
            out.extend_from_slice(&new_body);
        }
        Some(out)
    }
    rebuilt(module).unwrap_or_else(|| module.to_vec())
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))
        .with_context(|| format!("cannot chmod {}", p.display()))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> anyhow::Result<()> {
    Ok(())
}
