//! Checks of a Mach-O executable that cannot be run here (build-only macOS
//! targets): what a real macOS loader requires of it. Used by `mgen matrix`
//! for build-only targets with `object-format = "macho"`.
//!
//! An executable passes when it is `MH_EXECUTE` for the triple's CPU, has an
//! entry point (`LC_MAIN`, or `LC_UNIXTHREAD`), `LC_BUILD_VERSION` for
//! macOS, `LC_LOAD_DYLINKER` `/usr/lib/dyld`, `LC_LOAD_DYLIB`
//! `/usr/lib/libSystem.B.dylib` and no other library than the `.tbd` stubs
//! it was linked against, a code signature on arm64 (the kernel runs only
//! signed arm64 code), and imports only symbols those stubs export.

use crate::target::Target;
use anyhow::{bail, Context};
use object_macho::macho;
use object_macho::macho::MachHeader64;
use object_macho::read::macho::{LoadCommandVariant, MachHeader};
use object_macho::{Endianness, Object, ObjectSymbol};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What an executable must look like.
#[derive(Debug, Clone)]
pub struct Expect {
    /// `CPU_TYPE_*` from `object_macho::macho`.
    pub cputype: u32,
    /// Install names of the libraries it may load.
    pub dylibs: BTreeSet<String>,
    /// Symbols it may import (Mach-O names, with the leading `_`).
    pub exports: BTreeSet<String>,
}

/// A `.tbd` text stub: its install name and exported symbols.
#[derive(Debug, Clone, Default)]
pub struct Tbd {
    pub install_name: String,
    pub symbols: BTreeSet<String>,
}

/// Read the parts of a TAPI text stub (`--- !tapi-tbd`) the check needs:
/// `install-name` and every `symbols: [ ... ]` list.
pub fn parse_tbd(text: &str) -> anyhow::Result<Tbd> {
    if !text.starts_with("--- !tapi-tbd") {
        bail!("not a text stub: it must start with `--- !tapi-tbd`");
    }
    let mut tbd = Tbd::default();
    // Drop comments, then scan key by key.
    let text: String = text
        .lines()
        .map(|l| l.split_once('#').map_or(l, |(a, _)| a))
        .collect::<Vec<_>>()
        .join("\n");
    for line in text.lines() {
        if let Some(v) = line.trim_start().strip_prefix("install-name:") {
            tbd.install_name = v.trim().trim_matches(['\'', '"']).to_string();
        }
    }
    let mut rest = text.as_str();
    while let Some(i) = rest.find("symbols:") {
        rest = &rest[i + "symbols:".len()..];
        let open = rest.trim_start();
        let Some(list) = open.strip_prefix('[') else {
            bail!("`symbols:` must be followed by a [ ... ] list");
        };
        let Some(end) = list.find(']') else {
            bail!("unterminated `symbols: [` list");
        };
        for s in list[..end].split(',') {
            let s = s.trim().trim_matches(['\'', '"']);
            if !s.is_empty() {
                tbd.symbols.insert(s.to_string());
            }
        }
        rest = &list[end..];
    }
    if tbd.install_name.is_empty() {
        bail!("no `install-name:`");
    }
    Ok(tbd)
}

/// `CPU_TYPE_*` for the architecture at the front of an Apple triple.
fn cputype_for(triple: &str) -> Option<u32> {
    match triple.split('-').next()? {
        "x86_64" | "x86_64h" => Some(macho::CPU_TYPE_X86_64),
        "arm64" | "arm64e" | "aarch64" => Some(macho::CPU_TYPE_ARM64),
        "i386" | "i686" => Some(macho::CPU_TYPE_X86),
        a if a.starts_with("armv") => Some(macho::CPU_TYPE_ARM),
        _ => None,
    }
}

fn cpu_name(c: u32) -> String {
    match c {
        macho::CPU_TYPE_X86_64 => "x86_64".into(),
        macho::CPU_TYPE_ARM64 => "arm64".into(),
        macho::CPU_TYPE_X86 => "i386".into(),
        macho::CPU_TYPE_ARM => "arm".into(),
        c => format!("cputype {c:#x}"),
    }
}

/// The `.tbd` files among `target`'s linker arguments (placeholders
/// expanded): the libraries its executables link against.
pub fn linked_tbds(target: &Target) -> Vec<PathBuf> {
    let home = crate::home::home().to_string_lossy();
    target
        .linker
        .args
        .iter()
        .filter(|a| a.ends_with(".tbd"))
        .map(|a| PathBuf::from(a.replace("{mgen_home}", &home)))
        .collect()
}

/// The expectations for `target`'s executables.
pub fn expect_for(target: &Target) -> anyhow::Result<Expect> {
    let cputype = cputype_for(&target.triple).with_context(|| {
        format!(
            "{}: key `triple`: no Mach-O CPU type known for `{}`",
            target.path.display(),
            target.triple
        )
    })?;
    let mut e = Expect {
        cputype,
        dylibs: BTreeSet::new(),
        exports: BTreeSet::new(),
    };
    for p in linked_tbds(target) {
        let text = std::fs::read_to_string(&p)
            .with_context(|| format!("cannot read the text stub {}", p.display()))?;
        let tbd = parse_tbd(&text).with_context(|| format!("{}", p.display()))?;
        e.dylibs.insert(tbd.install_name);
        e.exports.extend(tbd.symbols);
    }
    Ok(e)
}

/// Check the executable at `exe` built for `target`; the problems found
/// (empty when it passes).
pub fn check_file(target: &Target, exe: &Path) -> anyhow::Result<Vec<String>> {
    let expect = expect_for(target)?;
    let data = std::fs::read(exe).with_context(|| format!("cannot read {}", exe.display()))?;
    Ok(check(&data, &expect))
}

const DYLD: &str = "/usr/lib/dyld";
const LIBSYSTEM: &str = "/usr/lib/libSystem.B.dylib";

/// Check a 64-bit Mach-O executable image; the problems found.
pub fn check(data: &[u8], expect: &Expect) -> Vec<String> {
    let mut bad = Vec::new();
    let header = match MachHeader64::<Endianness>::parse(data, 0) {
        Ok(h) => h,
        Err(e) => return vec![format!("not a 64-bit Mach-O file: {e}")],
    };
    let Ok(endian) = header.endian() else {
        return vec!["Mach-O header has an unknown byte order".into()];
    };
    if header.filetype(endian) != macho::MH_EXECUTE {
        bad.push(format!(
            "file type is {:#x}, expected MH_EXECUTE",
            header.filetype(endian)
        ));
    }
    if header.cputype(endian) != expect.cputype {
        bad.push(format!(
            "CPU type is {}, expected {}",
            cpu_name(header.cputype(endian)),
            cpu_name(expect.cputype)
        ));
    }
    let (mut entry, mut build_version, mut dylinker, mut signature) = (false, false, false, false);
    let mut dylibs = Vec::new();
    let mut commands = match header.load_commands(endian, data, 0) {
        Ok(c) => c,
        Err(e) => return vec![format!("bad load commands: {e}")],
    };
    loop {
        let lc = match commands.next() {
            Ok(Some(lc)) => lc,
            Ok(None) => break,
            Err(e) => {
                bad.push(format!("bad load command: {e}"));
                break;
            }
        };
        if lc.cmd() == macho::LC_CODE_SIGNATURE {
            signature = true;
        }
        match lc.variant() {
            Ok(LoadCommandVariant::EntryPoint(_)) | Ok(LoadCommandVariant::Thread(..)) => {
                entry = true
            }
            Ok(LoadCommandVariant::BuildVersion(b)) => {
                if b.platform.get(endian) == macho::PLATFORM_MACOS {
                    build_version = true;
                } else {
                    bad.push(format!(
                        "LC_BUILD_VERSION names platform {}, expected macOS ({})",
                        b.platform.get(endian),
                        macho::PLATFORM_MACOS
                    ));
                }
            }
            Ok(LoadCommandVariant::LoadDylinker(d)) => {
                let name = lc.string(endian, d.name).unwrap_or_default();
                if name == DYLD.as_bytes() {
                    dylinker = true;
                } else {
                    bad.push(format!(
                        "LC_LOAD_DYLINKER is {:?}, expected {DYLD}",
                        String::from_utf8_lossy(name)
                    ));
                }
            }
            Ok(LoadCommandVariant::Dylib(d)) => {
                let name = lc.string(endian, d.dylib.name).unwrap_or_default();
                dylibs.push(String::from_utf8_lossy(name).into_owned());
            }
            Ok(_) => {}
            Err(e) => bad.push(format!("bad load command {:#x}: {e}", lc.cmd())),
        }
    }
    if !entry {
        bad.push("no entry point (LC_MAIN or LC_UNIXTHREAD)".into());
    }
    if !build_version {
        bad.push("no LC_BUILD_VERSION for macOS (use a versioned triple such as x86_64-apple-macosx11.0.0 and -platform_version)".into());
    }
    if !dylinker {
        bad.push(format!("no LC_LOAD_DYLINKER {DYLD}"));
    }
    if !dylibs.iter().any(|d| d == LIBSYSTEM) {
        bad.push(format!("no LC_LOAD_DYLIB {LIBSYSTEM}"));
    }
    for d in &dylibs {
        if !expect.dylibs.contains(d) {
            bad.push(format!(
                "loads {d}, which is not among the libraries linked against"
            ));
        }
    }
    if expect.cputype == macho::CPU_TYPE_ARM64 && !signature {
        bad.push(
            "no LC_CODE_SIGNATURE: arm64 macOS runs only signed code (link with -adhoc_codesign)"
                .into(),
        );
    }
    match object_macho::read::macho::MachOFile64::<Endianness>::parse(data) {
        Ok(file) => {
            let mut missing: Vec<String> = file
                .symbols()
                .filter(|s| s.is_undefined())
                .filter_map(|s| s.name().ok().map(str::to_string))
                .filter(|n| !expect.exports.contains(n))
                .collect();
            missing.sort();
            missing.dedup();
            if !missing.is_empty() {
                bad.push(format!(
                    "imports symbols the linked .tbd stubs do not export: {}",
                    missing.join(", ")
                ));
            }
        }
        Err(e) => bad.push(format!("cannot read the symbol table: {e}")),
    }
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tbd_lists_are_read() {
        let t = parse_tbd(
            "--- !tapi-tbd\n# c: [ _no ]\ninstall-name: '/usr/lib/libX.dylib'\nexports:\n  - symbols: [ _a, _b,\n   _c ]\n  - symbols: [ d ]\n...\n",
        )
        .unwrap();
        assert_eq!(t.install_name, "/usr/lib/libX.dylib");
        assert_eq!(
            t.symbols.into_iter().collect::<Vec<_>>(),
            ["_a", "_b", "_c", "d"]
        );
        assert!(parse_tbd("# x\n--- !tapi-tbd\n").is_err());
        assert!(parse_tbd("--- !tapi-tbd\nsymbols: [ _a ]\n").is_err());
    }

    #[test]
    fn cpu_types_from_triples() {
        assert_eq!(
            cputype_for("arm64-apple-macosx11.0.0"),
            Some(macho::CPU_TYPE_ARM64)
        );
        assert_eq!(
            cputype_for("x86_64-apple-macosx11.0.0"),
            Some(macho::CPU_TYPE_X86_64)
        );
        assert_eq!(cputype_for("riscv64-apple-macosx"), None);
    }

    #[test]
    fn garbage_is_rejected() {
        let e = Expect {
            cputype: macho::CPU_TYPE_X86_64,
            dylibs: BTreeSet::new(),
            exports: BTreeSet::new(),
        };
        assert!(!check(b"\x7fELF not mach-o", &e).is_empty());
    }
}
