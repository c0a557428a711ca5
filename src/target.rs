//! Target descriptors: `targets/*.toml`, each inheriting a per-OS base in
//! `targets/base/`. This is the only place target knowledge enters the
//! compiler. (Loader: see `resolve`.)

use anyhow::{anyhow, bail, Context};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectFormat {
    Elf,
    Wasm,
    Coff,
    #[serde(rename = "macho")]
    MachO,
}

impl ObjectFormat {
    pub fn name(self) -> &'static str {
        match self {
            ObjectFormat::Elf => "elf",
            ObjectFormat::Wasm => "wasm",
            ObjectFormat::Coff => "coff",
            ObjectFormat::MachO => "macho",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelocModel {
    Static,
    Pic,
    DynamicNoPic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CodeModel {
    Default,
    Small,
    Kernel,
    Medium,
    Large,
}

/// What `mgen build --release` does with debug info (`split-debuginfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SplitDebuginfo {
    /// Strip the executable; its DWARF goes to `OUT.debug` beside it,
    /// found through `.gnu_debuglink` and the build-id.
    Packed,
    /// Keep the DWARF in the executable.
    Off,
    /// Mach-O: link the DWARF of the objects into an `OUT.dSYM` bundle
    /// with dsymutil (the executable keeps only its debug map).
    Dsym,
}

/// An LLVM calling convention by name: "c", "fast", "cold".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
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

#[derive(Debug, Clone, Default)]
pub struct LinkerSpec {
    /// "ld.lld" | "wasm-ld" | "lld-link" | "ld64.lld"
    pub flavor: String,
    /// Program to run, e.g. "ld.lld-19".
    pub program: String,
    /// Arguments; placeholders `{out}`, `{objects}` (expands to several).
    pub args: Vec<String>,
    /// Debian package that provides `program`.
    pub install_hint: String,
    /// Extra arguments when building with `-g` (e.g. `/debug:dwarf`).
    pub debug_args: Vec<String>,
    /// Module-definition files (relative to the mgen home) turned into
    /// import libraries with `dlltool` and linked after the objects.
    pub import_libs: Vec<String>,
    /// Command making an import library: placeholders `{def}`, `{lib}`.
    pub dlltool: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RunnerSpec {
    /// Command; placeholders `{exe}`, `{mgen_home}`. Empty = not runnable here.
    pub command: Vec<String>,
    pub install_hint: String,
    /// Environment for the runner; values expand `{mgen_home}`, `{cache}`.
    pub env: std::collections::BTreeMap<String, String>,
    /// Substrings of the runner's *own* stderr that mean it failed, not the
    /// program (e.g. "wine client error"): `mgen matrix` runs such a job
    /// again (twice at most).
    pub retry_on_stderr: Vec<String>,
    /// `mgen matrix` also runs a job again (twice at most) when the runner
    /// exits non-zero having printed nothing at all: no program mgen
    /// builds fails silently (a runtime error prints a traceback), but a
    /// runner with its diagnostics switched off (wine, WINEDEBUG=-all) can.
    pub retry_on_silent_failure: bool,
    /// A command that succeeds when the runner can run here (`mgen
    /// targets`), for a runner whose program alone says nothing (python3
    /// running wasmtime's package); empty: the command's program on PATH.
    pub check: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct RuntimeSpec {
    /// Runtime OS layer: a directory under `runtime/os/`.
    pub os_layer: String,
    /// Extra clang flags for this target (CPU, float ABI, ...).
    pub cflags: Vec<String>,
}

/// How a target builds with AddressSanitizer + LeakSanitizer
/// (`--sanitize address`): the runtime on the platform libc with malloc,
/// instrumented, linked by a compiler driver that brings the ASan runtime.
#[derive(Debug, Clone)]
pub struct SanitizeSpec {
    /// Runtime OS layer to use instead (e.g. "hosted": libc + malloc).
    pub os_layer: String,
    /// clang flags added to the runtime's (e.g. -fsanitize=address).
    pub cflags: Vec<String>,
    pub reloc_model: RelocModel,
    /// The linking driver and its arguments (`{out}`, `{objects}`).
    pub linker_program: String,
    pub linker_args: Vec<String>,
    pub install_hint: String,
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
    /// Debug info of `--release` builds.
    pub split_debuginfo: SplitDebuginfo,
    pub linker: LinkerSpec,
    pub runner: RunnerSpec,
    pub runtime: RuntimeSpec,
    /// `[sanitize-address]`: how to build with `--sanitize address`.
    pub sanitize_address: Option<SanitizeSpec>,
}

impl Target {
    /// This target as built with `--sanitize SANITIZER`.
    pub fn sanitized(&self, sanitizer: &str) -> anyhow::Result<Target> {
        if sanitizer != "address" {
            bail!("unknown sanitizer `{sanitizer}`; mgen supports --sanitize address (AddressSanitizer with LeakSanitizer)");
        }
        let Some(s) = &self.sanitize_address else {
            bail!(
                "target `{}` has no [sanitize-address] table in {}; --sanitize address needs one (see targets/x86_64-unknown-linux-gnu.toml)",
                self.name,
                self.path.display()
            );
        };
        let mut t = self.clone();
        t.name = format!("{}+asan", self.name);
        t.runtime.os_layer = s.os_layer.clone();
        t.runtime.cflags.extend(s.cflags.iter().cloned());
        t.reloc_model = s.reloc_model;
        t.linker.program = s.linker_program.clone();
        t.linker.args = s.linker_args.clone();
        t.linker.debug_args.clear();
        t.linker.install_hint = s.install_hint.clone();
        t.split_debuginfo = SplitDebuginfo::Off;
        t.sanitize_address = None;
        Ok(t)
    }

    /// Whether generated code is instrumented with AddressSanitizer.
    pub fn is_sanitized(&self) -> bool {
        self.name.ends_with("+asan")
    }
}

/// The descriptor schema this mgen understands.
pub const SCHEMA_VERSION: i64 = 1;

/// Linker flavors (the lld drivers).
#[derive(Debug, Clone, Copy, Deserialize)]
enum Flavor {
    #[serde(rename = "ld.lld")]
    Elf,
    #[serde(rename = "wasm-ld")]
    Wasm,
    #[serde(rename = "lld-link")]
    Coff,
    #[serde(rename = "ld64.lld")]
    MachO,
}

impl Flavor {
    fn name(self) -> &'static str {
        match self {
            Flavor::Elf => "ld.lld",
            Flavor::Wasm => "wasm-ld",
            Flavor::Coff => "lld-link",
            Flavor::MachO => "ld64.lld",
        }
    }
}

// One descriptor file as written: every key optional, merged child over
// parent before the required keys are checked.

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PartialLinker {
    flavor: Option<Flavor>,
    program: Option<String>,
    args: Option<Vec<String>>,
    install_hint: Option<String>,
    debug_args: Option<Vec<String>>,
    import_libs: Option<Vec<String>>,
    dlltool: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PartialRunner {
    command: Option<Vec<String>>,
    install_hint: Option<String>,
    env: Option<std::collections::BTreeMap<String, String>>,
    retry_on_stderr: Option<Vec<String>>,
    retry_on_silent_failure: Option<bool>,
    check: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PartialRuntime {
    os_layer: Option<String>,
    cflags: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PartialSanitize {
    os_layer: Option<String>,
    cflags: Option<Vec<String>>,
    reloc_model: Option<RelocModel>,
    linker_program: Option<String>,
    linker_args: Option<Vec<String>>,
    install_hint: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Partial {
    schema_version: Option<i64>,
    inherits: Option<String>,
    triple: Option<String>,
    cpu: Option<String>,
    features: Option<String>,
    abi: Option<String>,
    data_layout: Option<String>,
    pointer_width: Option<u32>,
    os: Option<String>,
    object_format: Option<ObjectFormat>,
    reloc_model: Option<RelocModel>,
    code_model: Option<CodeModel>,
    internal_call_conv: Option<CallConv>,
    c_call_conv: Option<CallConv>,
    exe_suffix: Option<String>,
    dwarf_version: Option<u32>,
    split_debuginfo: Option<SplitDebuginfo>,
    linker: Option<PartialLinker>,
    runner: Option<PartialRunner>,
    runtime: Option<PartialRuntime>,
    sanitize_address: Option<PartialSanitize>,
}

/// `$c` over `$b`, field by field (arrays are replaced, not appended);
/// the fields after `;` are tables, merged field by field with the closure.
macro_rules! overlay {
    ($c:ident, $b:ident, $ty:ident { $($f:ident),* ; $($t:ident => $merge:expr),* }) => {
        $ty {
            $($f: $c.$f.or($b.$f),)*
            $($t: match ($c.$t, $b.$t) {
                (Some(c), Some(b)) => Some($merge(c, b)),
                (c, b) => c.or(b),
            },)*
        }
    };
}

impl Partial {
    fn over(self, base: Partial) -> Partial {
        let (c, b) = (self, base);
        overlay!(c, b, Partial {
            schema_version, inherits, triple, cpu, features, abi, data_layout,
            pointer_width, os, object_format, reloc_model, code_model,
            internal_call_conv, c_call_conv, exe_suffix, dwarf_version,
            split_debuginfo;
            linker => |c: PartialLinker, b: PartialLinker| {
                overlay!(c, b, PartialLinker { flavor, program, args, install_hint, debug_args, import_libs, dlltool; })
            },
            runner => |c: PartialRunner, b: PartialRunner| {
                overlay!(c, b, PartialRunner { command, install_hint, env, retry_on_stderr, retry_on_silent_failure, check; })
            },
            runtime => |c: PartialRuntime, b: PartialRuntime| {
                overlay!(c, b, PartialRuntime { os_layer, cflags; })
            },
            sanitize_address => |c: PartialSanitize, b: PartialSanitize| {
                overlay!(c, b, PartialSanitize { os_layer, cflags, reloc_model, linker_program, linker_args, install_hint; })
            }
        })
    }
}

/// Parse one descriptor file (schema version first, so a newer file gets a
/// version error rather than complaints about keys it added).
fn parse_file(path: &Path) -> anyhow::Result<Partial> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read target descriptor {}", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    match table.get("schema-version") {
        None => bail!(
            "missing key `schema-version` in {}: every descriptor starts with `schema-version = {SCHEMA_VERSION}`",
            path.display()
        ),
        Some(toml::Value::Integer(SCHEMA_VERSION)) => {}
        Some(v) => bail!(
            "{}: unsupported schema-version {v}; this mgen understands schema-version = {SCHEMA_VERSION}",
            path.display()
        ),
    }
    toml::from_str(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// Keys whose values LLVM checks (`check_with_llvm`); for these the loader
/// remembers which file of the inheritance chain set them, so an error
/// names that file.
const LLVM_KEYS: &[&str] = &["triple", "cpu", "features"];

/// For each of `LLVM_KEYS`, the most derived file that sets it.
type Origins = std::collections::BTreeMap<&'static str, PathBuf>;

/// Load `path` and everything it inherits, merged. `chain` holds the files
/// being loaded, to detect cycles.
fn load_chain(
    path: &Path,
    chain: &mut Vec<PathBuf>,
    origins: &mut Origins,
) -> anyhow::Result<Partial> {
    let canon = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if chain.contains(&canon) {
        let names: Vec<_> = chain
            .iter()
            .chain([&canon])
            .map(|p| p.display().to_string())
            .collect();
        bail!(
            "inheritance cycle in target descriptors: {}",
            names.join(" -> ")
        );
    }
    chain.push(canon);
    let own = parse_file(path)?;
    for (key, set) in LLVM_KEYS.iter().zip([
        own.triple.is_some(),
        own.cpu.is_some(),
        own.features.is_some(),
    ]) {
        if set {
            origins.entry(key).or_insert_with(|| path.to_path_buf());
        }
    }
    let merged = match &own.inherits {
        None => own,
        Some(inh) => {
            let local = path.parent().unwrap_or(Path::new(".")).join(inh);
            let builtin = crate::home::targets_dir().join(inh);
            let parent = [local.clone(), builtin.clone()]
                .into_iter()
                .find(|p| p.is_file())
                .ok_or_else(|| {
                    anyhow!(
                        "{}: inherited descriptor `{inh}` not found (looked for {} and {})",
                        path.display(),
                        local.display(),
                        builtin.display()
                    )
                })?;
            let base = load_chain(&parent, chain, origins)?;
            own.over(base)
        }
    };
    chain.pop();
    Ok(merged)
}

/// Load the descriptor at `path` (any file, not only a built-in).
pub fn load_file(path: &Path) -> anyhow::Result<Target> {
    let mut origins = Origins::new();
    let p = load_chain(path, &mut Vec::new(), &mut origins)?;
    let t = build_target(path, p)?;
    check_with_llvm(&t, &origins)?;
    Ok(t)
}

/// The merged descriptor as a `Target`: required keys present, defaults
/// filled in.
fn build_target(path: &Path, p: Partial) -> anyhow::Result<Target> {
    let missing = |key: &str, what: &str| {
        anyhow!(
            "missing key `{key}` in {} (or its base): {what}",
            path.display()
        )
    };
    let linker = p.linker.unwrap_or_default();
    if linker.import_libs.as_ref().is_some_and(|l| !l.is_empty())
        && linker.dlltool.as_ref().is_none_or(|d| d.is_empty())
    {
        return Err(missing(
            "linker.dlltool",
            "`linker.import-libs` needs the command that makes an import library, e.g. [\"llvm-dlltool-19\", \"-m\", \"i386:x86-64\", \"-d\", \"{def}\", \"-l\", \"{lib}\"]",
        ));
    }
    for (k, _) in p.runner.iter().flat_map(|r| r.env.iter().flatten()) {
        if k.is_empty() || k.contains('=') || k.contains('\0') {
            bail!(
                "{}: key `runner.env`: bad variable name {k:?} (must be non-empty, without `=`)",
                path.display()
            );
        }
    }
    let runner = p.runner.unwrap_or_default();
    let runtime = p.runtime.unwrap_or_default();
    let sanitize = p.sanitize_address;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Target {
        name,
        path: path.to_path_buf(),
        triple: p.triple.ok_or_else(|| {
            missing("triple", "the LLVM target triple, e.g. \"armv7-unknown-linux-gnueabihf\"")
        })?,
        cpu: p.cpu.unwrap_or_default(),
        features: p.features.unwrap_or_default(),
        abi: p.abi.unwrap_or_default(),
        data_layout: p.data_layout.ok_or_else(|| {
            missing("data-layout", "the data layout LLVM reports for the triple, e.g. \"e-m:e-p:32:32-i64:64-n32-S128\"")
        })?,
        pointer_width: p
            .pointer_width
            .ok_or_else(|| missing("pointer-width", "pointer size in bits, e.g. 64"))?,
        os: p.os.ok_or_else(|| missing("os", "the operating system, e.g. \"linux\""))?,
        object_format: p.object_format.ok_or_else(|| {
            missing("object-format", "one of \"elf\", \"wasm\", \"coff\", \"macho\"")
        })?,
        reloc_model: p.reloc_model.unwrap_or(RelocModel::Static),
        code_model: p.code_model.unwrap_or(CodeModel::Default),
        internal_call_conv: p.internal_call_conv.unwrap_or(CallConv::C),
        c_call_conv: p.c_call_conv.unwrap_or(CallConv::C),
        exe_suffix: p.exe_suffix.unwrap_or_default(),
        dwarf_version: p.dwarf_version.unwrap_or(5),
        split_debuginfo: p.split_debuginfo.unwrap_or(SplitDebuginfo::Off),
        linker: LinkerSpec {
            flavor: linker
                .flavor
                .ok_or_else(|| {
                    missing("linker.flavor", "one of \"ld.lld\", \"wasm-ld\", \"lld-link\", \"ld64.lld\"")
                })?
                .name()
                .to_string(),
            program: linker
                .program
                .ok_or_else(|| missing("linker.program", "the linker to run, e.g. \"ld.lld-19\""))?,
            args: linker.args.ok_or_else(|| {
                missing("linker.args", "the linker arguments, e.g. [\"-o\", \"{out}\", \"{objects}\"]")
            })?,
            install_hint: linker.install_hint.unwrap_or_default(),
            debug_args: linker.debug_args.unwrap_or_default(),
            import_libs: linker.import_libs.unwrap_or_default(),
            dlltool: linker.dlltool.unwrap_or_default(),
        },
        runner: RunnerSpec {
            command: runner.command.unwrap_or_default(),
            install_hint: runner.install_hint.unwrap_or_default(),
            env: runner.env.unwrap_or_default(),
            retry_on_stderr: runner.retry_on_stderr.unwrap_or_default(),
            retry_on_silent_failure: runner.retry_on_silent_failure.unwrap_or(false),
            check: runner.check.unwrap_or_default(),
        },
        runtime: RuntimeSpec {
            os_layer: runtime.os_layer.ok_or_else(|| {
                missing("runtime.os-layer", "the runtime's OS layer under runtime/os/, e.g. \"linux\"")
            })?,
            cflags: runtime.cflags.unwrap_or_default(),
        },
        sanitize_address: match sanitize {
            None => None,
            Some(s) => Some(SanitizeSpec {
                os_layer: s.os_layer.ok_or_else(|| missing("sanitize-address.os-layer", "the runtime OS layer for sanitized builds, e.g. \"hosted\""))?,
                cflags: s.cflags.unwrap_or_default(),
                reloc_model: s.reloc_model.unwrap_or(RelocModel::Pic),
                linker_program: s.linker_program.ok_or_else(|| missing("sanitize-address.linker-program", "the linking driver, e.g. \"clang-19\""))?,
                linker_args: s.linker_args.ok_or_else(|| missing("sanitize-address.linker-args", "e.g. [\"-fsanitize=address\", \"-o\", \"{out}\", \"{objects}\"]"))?,
                install_hint: s.install_hint.unwrap_or_default(),
            }),
        },
    })
}

/// What LLVM knows about a triple (`src/llvm_subtarget.cpp`).
#[derive(Debug, Default)]
struct TripleInfo {
    normalized: String,
    /// LLVM has no target for the triple: its message.
    error: Option<String>,
    /// Components LLVM does not recognize: ("os" | "environment", text).
    unknown_parts: Vec<(String, String)>,
    cpus: Vec<String>,
    features: Vec<String>,
}

mod ffi {
    use std::ffi::{c_char, c_int, c_void};
    pub type ItemFn = extern "C" fn(*mut c_void, c_int, *const c_char, *const c_char);
    extern "C" {
        pub fn mgen_llvm_describe_triple(
            triple: *const c_char,
            item: ItemFn,
            ctx: *mut c_void,
        ) -> c_int;
        pub fn mgen_llvm_cpu_accepted(triple: *const c_char, cpu: *const c_char) -> c_int;
    }
}

extern "C" fn collect_item(
    ctx: *mut std::ffi::c_void,
    kind: std::ffi::c_int,
    a: *const std::ffi::c_char,
    b: *const std::ffi::c_char,
) {
    // SAFETY: `ctx` is the `&mut TripleInfo` `describe_triple` passed; `a`
    // and `b` are NUL-terminated strings valid for this call.
    let info = unsafe { &mut *(ctx as *mut TripleInfo) };
    let text = |p: *const std::ffi::c_char| unsafe {
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    match kind {
        0 => info.error = Some(text(a)),
        1 => info.normalized = text(a),
        2 => info.unknown_parts.push((text(a), text(b))),
        3 => info.cpus.push(text(a)),
        4 => info.features.push(text(a)),
        _ => {}
    }
}

fn describe_triple(triple: &str) -> TripleInfo {
    crate::emit::init_llvm();
    let mut info = TripleInfo::default();
    let Ok(c) = std::ffi::CString::new(triple) else {
        info.error = Some("it contains a NUL byte".into());
        return info;
    };
    // SAFETY: `c` outlives the call; the callback only writes to `info`.
    unsafe {
        ffi::mgen_llvm_describe_triple(
            c.as_ptr(),
            collect_item,
            &mut info as *mut TripleInfo as *mut std::ffi::c_void,
        );
    }
    info
}

/// Whether LLVM takes `cpu` for `triple` through a name mapping of the
/// target's (an alias) although it is not in the CPU table.
fn cpu_accepted(triple: &str, cpu: &str) -> bool {
    let (Ok(t), Ok(c)) = (std::ffi::CString::new(triple), std::ffi::CString::new(cpu)) else {
        return false;
    };
    // SAFETY: both strings outlive the call.
    unsafe { ffi::mgen_llvm_cpu_accepted(t.as_ptr(), c.as_ptr()) == 1 }
}

/// Up to three of `known` close to `name` (Jaro-Winkler, as clap's
/// suggestions), best first.
fn close_names<'a>(name: &str, known: &'a [String]) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), k.as_str()))
        .filter(|(s, _)| *s > 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

fn did_you_mean(name: &str, known: &[String], quote: &dyn Fn(&str) -> String) -> String {
    match close_names(name, known).as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {}?", quote(one)),
        many => {
            let q: Vec<String> = many.iter().map(|m| quote(m)).collect();
            format!("; did you mean one of {}?", q.join(", "))
        }
    }
}

/// The triple, CPU and features as LLVM knows them, before anything runs
/// (clang would otherwise fail on the first runtime file, and LLVM would
/// print a warning per subtarget and carry on with a generic CPU).
fn check_with_llvm(t: &Target, origins: &Origins) -> anyhow::Result<()> {
    let file = |key: &str| origins.get(key).map_or(t.path.as_path(), |p| p.as_path());
    let info = describe_triple(&t.triple);
    if let Some(e) = &info.error {
        bail!(
            "{}: key `triple`: LLVM has no target for `{}` ({}); mgen's targets have the architectures x86_64, i686, aarch64/arm64, armv7, riscv32, riscv64 and wasm32, e.g. \"aarch64-unknown-linux-gnu\"",
            file("triple").display(),
            t.triple,
            e.trim_end_matches('.')
        );
    }
    if let Some((part, text)) = info.unknown_parts.first() {
        let example = match part.as_str() {
            "os" => "linux, windows, macosx11.0.0, wasi or none",
            _ => "gnu, gnueabihf, musl or msvc",
        };
        bail!(
            "{}: key `triple`: LLVM does not know the {} `{text}` in `{}` (read as `{}`); use one it knows, e.g. {example}, or `unknown`",
            file("triple").display(),
            if part == "os" { "operating system" } else { "environment" },
            t.triple,
            info.normalized
        );
    }
    if !t.cpu.is_empty() && !info.cpus.contains(&t.cpu) && !cpu_accepted(&t.triple, &t.cpu) {
        bail!(
            "{}: key `cpu`: LLVM does not know the CPU `{}` for `{}`{} (`llc-19 -mtriple={} -mcpu=help` lists them)",
            file("cpu").display(),
            t.cpu,
            t.triple,
            did_you_mean(&t.cpu, &info.cpus, &|c| format!("`{c}`")),
            t.triple
        );
    }
    for f in t
        .features
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        let (sign, name) = match f.split_at(1) {
            ("+" | "-", name) => (&f[..1], name),
            _ => bail!(
                "{}: key `features`: `{f}` needs a sign: `+{f}` to enable it or `-{f}` to disable it",
                file("features").display()
            ),
        };
        if !info.features.iter().any(|k| k == name) {
            bail!(
                "{}: key `features`: LLVM does not know the feature `{name}` for `{}`{} (`llc-19 -mtriple={} -mattr=help` lists them)",
                file("features").display(),
                t.triple,
                did_you_mean(name, &info.features, &|c| format!("`{sign}{c}`")),
                t.triple
            );
        }
    }
    Ok(())
}

/// Load a target: a built-in name (`targets/NAME.toml`) or a path to a
/// descriptor `.toml`.
pub fn resolve(spec: &str) -> anyhow::Result<Target> {
    if spec.contains('/') || spec.ends_with(".toml") {
        return load_file(Path::new(spec));
    }
    let path = crate::home::targets_dir().join(format!("{spec}.toml"));
    if !path.is_file() {
        let known = builtin_names().unwrap_or_default();
        bail!(
            "unknown target `{spec}`; known targets: {} (or give the path of a descriptor .toml)",
            known.join(", ")
        );
    }
    load_file(&path)
}

/// The host target's name (default for `--target`): the built-in
/// descriptor whose triple has the host's architecture, OS and
/// environment (LLVM's default triple, e.g. `x86_64-pc-linux-gnu` for
/// `x86_64-unknown-linux-gnu`).
pub fn host_name() -> anyhow::Result<String> {
    let host = inkwell::targets::TargetMachine::get_default_triple();
    let host = host.as_str().to_string_lossy().into_owned();
    host_descriptor(&host, &builtin_names()?).ok_or_else(|| {
        anyhow::anyhow!(
            "no built-in target for this host ({host}); pass --target (see `mgen targets`) or add a descriptor to targets/"
        )
    })
}

/// The name among `names` whose triple matches `host` in architecture,
/// OS and environment (the vendor field differs between LLVM and rustc).
fn host_descriptor(host: &str, names: &[String]) -> Option<String> {
    fn key(triple: &str) -> Option<(String, String, String)> {
        let parts: Vec<&str> = triple.split('-').collect();
        let (arch, rest) = parts.split_first()?;
        let arch = match *arch {
            "arm64" => "aarch64",
            "i386" | "i586" => "i686",
            "armv7l" => "armv7",
            a => a,
        };
        // arch-vendor-os[-env], or arch-os[-env] for wasm32-wasip1
        let rest: Vec<&str> = match rest {
            [vendor, os, env @ ..]
                if !["linux", "windows", "darwin", "wasip1"].contains(vendor) =>
            {
                std::iter::once(*os).chain(env.iter().copied()).collect()
            }
            r => r.to_vec(),
        };
        let os = rest
            .first()?
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        let env = rest.get(1).copied().unwrap_or("");
        Some((arch.to_string(), os.to_string(), env.to_string()))
    }
    let want = key(host)?;
    names
        .iter()
        .find(|n| key(n).as_ref() == Some(&want))
        .cloned()
}

#[cfg(test)]
mod host_tests {
    use super::host_descriptor;

    #[test]
    fn llvm_host_triples_map_to_descriptors() {
        let names: Vec<String> = [
            "aarch64-apple-darwin",
            "aarch64-unknown-linux-gnu",
            "armv7-unknown-linux-gnueabihf",
            "x86_64-pc-windows-gnu",
            "x86_64-unknown-linux-gnu",
            "wasm32-wasip1",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let m = |h: &str| host_descriptor(h, &names);
        assert_eq!(
            m("x86_64-pc-linux-gnu").as_deref(),
            Some("x86_64-unknown-linux-gnu")
        );
        assert_eq!(
            m("x86_64-unknown-linux-gnu").as_deref(),
            Some("x86_64-unknown-linux-gnu")
        );
        assert_eq!(
            m("aarch64-unknown-linux-gnu").as_deref(),
            Some("aarch64-unknown-linux-gnu")
        );
        assert_eq!(
            m("arm64-apple-darwin23.1.0").as_deref(),
            Some("aarch64-apple-darwin")
        );
        assert_eq!(
            m("x86_64-w64-windows-gnu").as_deref(),
            Some("x86_64-pc-windows-gnu")
        );
        assert_eq!(
            m("armv7-unknown-linux-gnueabihf").as_deref(),
            Some("armv7-unknown-linux-gnueabihf")
        );
        assert_eq!(m("x86_64-pc-linux-musl"), None);
        assert_eq!(m("powerpc64le-unknown-linux-gnu"), None);
    }
}

/// Names of the built-in targets (`targets/*.toml`), sorted.
pub fn builtin_names() -> anyhow::Result<Vec<String>> {
    let dir = crate::home::targets_dir();
    let mut names = Vec::new();
    for entry in
        std::fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?
    {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            if let Some(stem) = path.file_stem() {
                names.push(stem.to_string_lossy().into_owned());
            }
        }
    }
    names.sort();
    Ok(names)
}

/// Every built-in target, sorted by name.
pub fn builtin_targets() -> anyhow::Result<Vec<Target>> {
    builtin_names()?.iter().map(|n| resolve(n)).collect()
}
