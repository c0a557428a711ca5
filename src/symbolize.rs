//! `mgen symbolize`: code addresses of an mgen executable to
//! `function (file.py:line)`, one line per frame of the inline chain
//! (innermost first), from the executable's DWARF or from its split debug
//! file (`.gnu_debuglink` / build-id on ELF, `external_debug_info` on wasm,
//! else `NAME.debug` beside it). Built on `object` (containers) and `gimli`
//! (DWARF).

use crate::target::{ObjectFormat, Target};
use anyhow::{anyhow, bail, Context};
use gimli::{AttributeValue, EndianSlice, RunTimeEndian};
use object::{Object, ObjectSection};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// One frame: a function and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub function: String,
    pub file: String,
    /// 0 when the compiler recorded no line.
    pub line: u64,
}

impl std::fmt::Display for Frame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{} ({}:?)", self.function, self.file)
        } else {
            write!(f, "{} ({}:{})", self.function, self.file, self.line)
        }
    }
}

/// `0x1234` (hexadecimal) or `4660` (decimal).
pub fn parse_addr(s: &str) -> anyhow::Result<u64> {
    let r = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(h, 16),
        None => s.parse(),
    };
    r.map_err(|_| anyhow!("bad address `{s}`: write it in hexadecimal (0x401000) or decimal"))
}

pub struct Symbolizer {
    /// The file holding the DWARF (the executable or its debug file).
    debug_file: PathBuf,
    data: Vec<u8>,
}

fn has_dwarf(file: &object::File) -> bool {
    file.section_by_name(".debug_info")
        .is_some_and(|s| s.size() > 0)
}

impl Symbolizer {
    /// Open `binary` (built for `target`) and find its DWARF.
    pub fn open(target: &Target, binary: &Path) -> anyhow::Result<Symbolizer> {
        let data = std::fs::read(binary)
            .with_context(|| format!("cannot read executable {}", binary.display()))?;
        let file = object::File::parse(&*data)
            .map_err(|e| anyhow!("{}: not an executable mgen can read: {e}", binary.display()))?;
        let format_ok = matches!(
            (file.format(), target.object_format),
            (object::BinaryFormat::Elf, ObjectFormat::Elf)
                | (object::BinaryFormat::Wasm, ObjectFormat::Wasm)
        );
        let width_ok = file.format() == object::BinaryFormat::Wasm
            || file.is_64() == (target.pointer_width == 64);
        if !format_ok || !width_ok {
            bail!(
                "{} is a {:?} {}-bit file, not an executable for target `{}` ({}, {}-bit); pass the right --target",
                binary.display(),
                file.format(),
                if file.is_64() { 64 } else { 32 },
                target.name,
                target.object_format.name(),
                target.pointer_width
            );
        }
        if has_dwarf(&file) {
            return Ok(Symbolizer {
                debug_file: binary.to_path_buf(),
                data,
            });
        }
        let dir = binary.parent().unwrap_or(Path::new("."));
        let mut candidates = Vec::new();
        if let Ok(Some((name, _crc))) = file.gnu_debuglink() {
            candidates.push(dir.join(String::from_utf8_lossy(name).as_ref()));
        }
        if let Some(sec) = file.section_by_name("external_debug_info") {
            if let Ok(bytes) = sec.data() {
                // A LEB128 length, then the name.
                let mut r = EndianSlice::new(bytes, RunTimeEndian::Little);
                if let Ok(len) = gimli::Reader::read_uleb128(&mut r) {
                    if let Some(name) = bytes.get(bytes.len() - len as usize..) {
                        candidates.push(dir.join(String::from_utf8_lossy(name).as_ref()));
                    }
                }
            }
        }
        candidates.push(crate::split_debug::debug_path(binary));
        let build_id = file.build_id().ok().flatten().map(|b| b.to_vec());
        let mut tried = Vec::new();
        for c in candidates {
            let Ok(d) = std::fs::read(&c) else {
                tried.push(format!("{} (missing)", c.display()));
                continue;
            };
            let Ok(df) = object::File::parse(&*d) else {
                tried.push(format!("{} (not an object file)", c.display()));
                continue;
            };
            if let Some(want) = &build_id {
                let got = df.build_id().ok().flatten();
                if got != Some(want.as_slice()) {
                    tried.push(format!(
                        "{} (build-id differs: from another build)",
                        c.display()
                    ));
                    continue;
                }
            }
            if !has_dwarf(&df) {
                tried.push(format!("{} (no DWARF)", c.display()));
                continue;
            }
            drop(df);
            return Ok(Symbolizer {
                debug_file: c,
                data: d,
            });
        }
        bail!(
            "{} has no debug info and no usable debug file beside it (tried: {}); build with -g or --release and keep NAME.debug next to the executable",
            binary.display(),
            tried.join(", ")
        )
    }

    /// The file the DWARF is read from.
    pub fn debug_file(&self) -> &Path {
        &self.debug_file
    }

    /// The frames at `addr`, innermost (inlined) first, the function that
    /// holds the code last. Empty when no function covers `addr`.
    pub fn frames(&self, addr: u64) -> anyhow::Result<Vec<Frame>> {
        let file = object::File::parse(&*self.data)?;
        let endian = if file.is_little_endian() {
            RunTimeEndian::Little
        } else {
            RunTimeEndian::Big
        };
        let load = |id: gimli::SectionId| -> Result<Cow<[u8]>, gimli::Error> {
            Ok(match file.section_by_name(id.name()) {
                Some(s) => s.uncompressed_data().unwrap_or(Cow::Borrowed(&[])),
                None => Cow::Borrowed(&[]),
            })
        };
        let sections = gimli::DwarfSections::load(load)?;
        let dwarf = sections.borrow(|s| EndianSlice::new(s, endian));
        self.frames_in(&dwarf, addr)
            .with_context(|| format!("reading the DWARF of {}", self.debug_file.display()))
    }

    fn frames_in(
        &self,
        dwarf: &gimli::Dwarf<EndianSlice<RunTimeEndian>>,
        addr: u64,
    ) -> anyhow::Result<Vec<Frame>> {
        let mut headers = dwarf.units();
        while let Some(header) = headers.next()? {
            let unit = dwarf.unit(header)?;
            if !contains(dwarf.unit_ranges(&unit)?, addr)? {
                continue;
            }
            // Subprograms and inlined calls covering addr, outermost first
            // (a depth-first walk meets a parent before its children).
            let mut chain = Vec::new();
            let mut entries = unit.entries();
            while let Some(e) = entries.next_dfs()? {
                let tag = e.tag();
                if tag != gimli::DW_TAG_subprogram && tag != gimli::DW_TAG_inlined_subroutine {
                    continue;
                }
                if !contains(dwarf.die_ranges(&unit, e)?, addr)? {
                    continue;
                }
                let name = die_name(dwarf, &unit, e.offset(), 0)?.unwrap_or_else(|| "??".into());
                let call_file = match e.attr_value(gimli::DW_AT_call_file) {
                    Some(AttributeValue::FileIndex(i)) => Some(i),
                    Some(v) => v.udata_value(),
                    None => None,
                };
                let call_line = e
                    .attr_value(gimli::DW_AT_call_line)
                    .and_then(|v| v.udata_value())
                    .unwrap_or(0);
                chain.push((name, call_file, call_line));
            }
            if chain.is_empty() {
                continue;
            }
            let (file_idx, line) = line_at(&unit, addr)?;
            let file_name = |idx: Option<u64>| -> anyhow::Result<String> {
                let Some(prog) = &unit.line_program else {
                    return Ok("??".into());
                };
                let header = prog.header();
                let Some(fe) = idx.and_then(|i| header.file(i)) else {
                    return Ok("??".into());
                };
                let name = dwarf.attr_string(&unit, fe.path_name())?;
                let name = name.to_string_lossy().into_owned();
                if Path::new(&name).is_absolute() || fe.directory_index() == 0 {
                    return Ok(name);
                }
                let dir = match fe.directory(header) {
                    Some(d) => dwarf.attr_string(&unit, d)?.to_string_lossy().into_owned(),
                    None => String::new(),
                };
                if dir.is_empty() || dir == "." {
                    Ok(name)
                } else {
                    Ok(Path::new(&dir).join(name).display().to_string())
                }
            };
            // Innermost frame: the line table; each outer frame: the call
            // site recorded on the inlined call below it.
            let mut frames = Vec::new();
            let mut loc = (file_name(file_idx)?, line);
            for (name, call_file, call_line) in chain.into_iter().rev() {
                frames.push(Frame {
                    function: name,
                    file: loc.0.clone(),
                    line: loc.1,
                });
                loc = (file_name(call_file)?, call_line);
            }
            return Ok(frames);
        }
        Ok(Vec::new())
    }
}

fn contains(
    mut ranges: gimli::RangeIter<EndianSlice<RunTimeEndian>>,
    addr: u64,
) -> anyhow::Result<bool> {
    while let Some(r) = ranges.next()? {
        if r.begin <= addr && addr < r.end {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The DIE's name, following abstract origins and specifications.
fn die_name(
    dwarf: &gimli::Dwarf<EndianSlice<RunTimeEndian>>,
    unit: &gimli::Unit<EndianSlice<RunTimeEndian>>,
    off: gimli::UnitOffset,
    depth: u32,
) -> anyhow::Result<Option<String>> {
    if depth > 8 {
        return Ok(None);
    }
    let e = unit.entry(off)?;
    if let Some(v) = e.attr_value(gimli::DW_AT_name) {
        return Ok(Some(
            dwarf.attr_string(unit, v)?.to_string_lossy().into_owned(),
        ));
    }
    for at in [gimli::DW_AT_abstract_origin, gimli::DW_AT_specification] {
        if let Some(AttributeValue::UnitRef(o)) = e.attr_value(at) {
            return die_name(dwarf, unit, o, depth + 1);
        }
    }
    Ok(None)
}

/// (file index, line) of the line-table row covering `addr`.
fn line_at(
    unit: &gimli::Unit<EndianSlice<RunTimeEndian>>,
    addr: u64,
) -> anyhow::Result<(Option<u64>, u64)> {
    let Some(prog) = unit.line_program.clone() else {
        return Ok((None, 0));
    };
    let mut rows = prog.rows();
    let mut prev: Option<(u64, u64, u64)> = None;
    while let Some((_, row)) = rows.next_row()? {
        if let Some((pa, pf, pl)) = prev {
            if pa <= addr && addr < row.address() {
                return Ok((Some(pf), pl));
            }
        }
        prev = if row.end_sequence() {
            None
        } else {
            Some((
                row.address(),
                row.file_index(),
                row.line().map(|l| l.get()).unwrap_or(0),
            ))
        };
    }
    Ok((None, 0))
}
