//! The build driver: runs the pipeline stages in order for one program.
//!
//! front (parse, modules) -> check -> mir -> codegen -> optimize -> emit -> link. Each stage is a
//! module with one entry point; data flows one way.

use crate::diag::CompileErrors;
use crate::target::Target;
use crate::{check, emit, front, link, optimize, sysroot};
use anyhow::Context as _;
use inkwell::context::Context;
use inkwell::targets::FileType;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptLevel {
    O0,
    O1,
    O2,
    O3,
    Os,
    Oz,
}

impl OptLevel {
    /// Parse `0|1|2|3|s|z|none|basic|moderate|aggressive` (without `-O`).
    pub fn parse(s: &str) -> Option<OptLevel> {
        Some(match s {
            "0" | "none" => OptLevel::O0,
            "1" | "basic" => OptLevel::O1,
            "2" | "moderate" => OptLevel::O2,
            "3" | "aggressive" => OptLevel::O3,
            "s" => OptLevel::Os,
            "z" => OptLevel::Oz,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            OptLevel::O0 => "O0",
            OptLevel::O1 => "O1",
            OptLevel::O2 => "O2",
            OptLevel::O3 => "O3",
            OptLevel::Os => "Os",
            OptLevel::Oz => "Oz",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    Exe,
    Obj,
    LlvmIr,
    Asm,
    /// The typed IR as text (`crate::check::dump`).
    Hir,
    /// The mid-level IR after reference counting (`src/mir/print.rs`).
    Mir,
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub input: PathBuf,
    pub opt: OptLevel,
    pub debug: bool,
    /// Executable path (for `Emit::Exe`); other outputs go beside it with
    /// their own extension.
    pub output: PathBuf,
    pub emit: Vec<Emit>,
    /// `--release` debug-file splitting and `--remap-path-prefix`.
    pub debug_output: DebugOutput,
}

/// Where debug info goes and which paths it records.
#[derive(Debug, Clone, Default)]
pub struct DebugOutput {
    /// Split the executable's DWARF into `OUT.debug` as the descriptor's
    /// `split-debuginfo` says (`mgen build --release`).
    pub split: bool,
    /// `--remap-path-prefix FROM=TO`, in order (the last match wins).
    pub remap_path_prefix: Vec<(String, String)>,
}

impl DebugOutput {
    /// `path` with the last matching FROM prefix (whole components)
    /// replaced by its TO.
    pub fn remap(&self, path: &str) -> String {
        for (from, to) in self.remap_path_prefix.iter().rev() {
            if let Ok(rest) = Path::new(path).strip_prefix(from) {
                if rest.as_os_str().is_empty() {
                    return to.clone();
                }
                return Path::new(to).join(rest).display().to_string();
            }
        }
        path.to_string()
    }
}

impl Emit {
    /// File extension of this output kind (for `Exe`, the target's suffix).
    pub fn extension(self, target: &Target) -> String {
        match self {
            Emit::Exe => target.exe_suffix.clone(),
            Emit::Obj => {
                if target.object_format == crate::target::ObjectFormat::Coff {
                    ".obj".into()
                } else {
                    ".o".into()
                }
            }
            Emit::LlvmIr => ".ll".into(),
            Emit::Asm => ".s".into(),
            Emit::Hir => ".hir".into(),
            Emit::Mir => ".mir".into(),
        }
    }
}

/// Default output path for `input` when no `-o` is given: in the current
/// directory, named after the input's stem.
pub fn default_output(target: &Target, input: &Path, emit: &[Emit]) -> PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let ext = match emit {
        [only] => only.extension(target),
        _ if emit.contains(&Emit::Exe) => target.exe_suffix.clone(),
        _ => String::new(),
    };
    PathBuf::from(format!("{stem}{ext}"))
}

/// Where output `kind` goes: `opts.output` itself when it is the only kind
/// asked for (or the executable), else `opts.output` with its extension
/// replaced.
fn output_path(target: &Target, opts: &BuildOptions, kind: Emit) -> PathBuf {
    if opts.emit.len() == 1 || kind == Emit::Exe {
        return opts.output.clone();
    }
    let mut base = opts.output.clone();
    let suffix = target.exe_suffix.trim_start_matches('.');
    if !suffix.is_empty() && base.extension().map(|e| e == suffix).unwrap_or(false) {
        base.set_extension("");
    }
    let name = base
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    base.with_file_name(format!("{name}{}", kind.extension(target)))
}

/// An output that is the input file itself (`mgen build prog` where `prog`
/// is the source, `-o prog.py prog.py`) would destroy the user's program:
/// refuse before compiling, as rustc does.
fn refuse_overwriting_input(target: &Target, opts: &BuildOptions) -> anyhow::Result<()> {
    let Ok(input) = std::fs::canonicalize(&opts.input) else {
        return Ok(());
    };
    for &kind in &opts.emit {
        let p = output_path(target, opts, kind);
        if p == Path::new("-") {
            continue;
        }
        if std::fs::canonicalize(&p).is_ok_and(|o| o == input) {
            let what = match kind {
                Emit::Exe => "executable",
                Emit::Obj => "object file",
                Emit::LlvmIr => "LLVM IR",
                Emit::Asm => "assembly",
                Emit::Hir | Emit::Mir => "dump",
            };
            anyhow::bail!(
                "the input file {} would be overwritten by the generated {what}; name another output with -o",
                opts.input.display()
            );
        }
    }
    Ok(())
}

impl Emit {
    /// A text dump of an IR, written before code generation.
    pub fn is_text_dump(self) -> bool {
        match self {
            Emit::Hir | Emit::Mir => true,
            Emit::Exe | Emit::Obj | Emit::LlvmIr | Emit::Asm => false,
        }
    }
}

/// Write a text dump: to stdout with `-o -`, else to its output path.
fn write_text_output(
    target: &Target,
    opts: &BuildOptions,
    kind: Emit,
    text: &str,
) -> anyhow::Result<()> {
    if opts.output == Path::new("-") {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(());
    }
    write_atomic(&output_path(target, opts, kind), text.as_bytes())
}

/// Write `bytes` to `path` atomically (temp file in the same directory,
/// then rename): readers never see a partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("cannot write in directory {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Stack of the thread a build runs on. The stages recurse over the
/// program's nesting (check, MIR and codegen, dropping the AST, parts of LLVM), and
/// `crate::front::limits` lets through what CPython accepts: expressions nested
/// 3000 levels deep. Measured (release build), the deepest of those need
/// about 9 MiB; this leaves a wide margin (tests/limits.rs builds them on
/// an eighth of it). Only the pages used are committed.
pub const COMPILE_STACK: usize = 256 << 20;

/// Build one program for `target`. Compile errors come back as
/// `crate::diag::CompileErrors` inside the anyhow error.
///
/// Runs on a thread of its own with a `COMPILE_STACK` stack, whatever
/// thread calls it (`mgen matrix` workers have small ones); a panic in
/// the build is resumed in the caller. `MGEN_COMPILE_STACK` (bytes)
/// overrides the size, for tests.
pub fn build(target: &Target, opts: &BuildOptions) -> anyhow::Result<PathBuf> {
    let stack = std::env::var("MGEN_COMPILE_STACK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(COMPILE_STACK);
    std::thread::scope(|s| {
        let worker = std::thread::Builder::new()
            .name("mgen-compile".into())
            .stack_size(stack)
            .spawn_scoped(s, || build_on_this_thread(target, opts))
            .with_context(|| {
                format!(
                    "cannot start the compile thread ({} MiB of stack)",
                    stack >> 20
                )
            })?;
        match worker.join() {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// All errors of a build, sorted by file and position, with the files.
fn compile_errors(
    graph: &front::ModuleGraph,
    mut errors: Vec<crate::diag::CompileError>,
) -> CompileErrors {
    errors.sort_by_key(|e| (e.file, e.span.start));
    CompileErrors {
        files: graph.files.clone(),
        errors,
    }
}

fn build_on_this_thread(target: &Target, opts: &BuildOptions) -> anyhow::Result<PathBuf> {
    let input = &opts.input;
    let source = std::fs::read_to_string(input)
        .with_context(|| format!("cannot read source file {}", input.display()))?;
    let file_name = input.display().to_string();
    refuse_overwriting_input(target, opts)?;

    // front end (parse, modules) -> check
    let (graph, mut errors) = front::load(input, &file_name, source)?;
    // The path recorded in the executable (tracebacks) and its DWARF.
    let recorded_name = opts.debug_output.remap(&file_name);
    let checked = check::check(&graph, &recorded_name);
    let program = match checked {
        Ok(p) if errors.is_empty() => p,
        Ok(_) => return Err(compile_errors(&graph, errors).into()),
        Err(e) => {
            errors.extend(e);
            return Err(compile_errors(&graph, errors).into());
        }
    };
    if opts.emit.contains(&Emit::Hir) {
        write_text_output(target, opts, Emit::Hir, &check::dump::program(&program))?;
    }
    // Each stage's input is freed as soon as the next stage has its output
    // (the parsed modules here, the typed IR once the MIR is built, the MIR
    // after code generation): a large program never holds all at once.
    drop(graph);
    // -> MIR (reference counts and error edges added by passes)
    let mut mir = crate::mir::build::build(&program);
    drop(program);
    crate::mir::refcount::run(&mut mir);
    crate::mir::simplify::run(&mut mir);
    if opts.emit.contains(&Emit::Mir) {
        write_text_output(target, opts, Emit::Mir, &mir.to_string())?;
    }
    if opts.emit.iter().all(|k| k.is_text_dump()) {
        // Only dumps of the front and middle end were asked for: no code
        // generation.
        return Ok(opts.output.clone());
    }

    // codegen -> optimize -> emit
    let tm = emit::target_machine(target, opts.opt)?;
    let ctx = Context::create();
    if !opts.emit.contains(&Emit::LlvmIr) {
        // Names of instructions and blocks only serve `--emit llvm-ir`
        // readers; without them the module is smaller and faster to build.
        // SAFETY: `ctx` is a live context; this only sets a flag on it.
        unsafe { inkwell::llvm_sys::core::LLVMContextSetDiscardValueNames(ctx.raw(), 1) };
    }
    let source_name = input
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source_dir = match input.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => ".".into(),
    };
    let copts = crate::codegen::LowerOptions {
        target,
        debug: opts.debug,
        source_dir: opts.debug_output.remap(&source_dir),
        source_name,
        optimized: opts.opt != OptLevel::O0,
    };
    let module = crate::codegen::generate(&ctx, &mir, &copts)?;
    drop(mir);
    module.set_triple(&tm.get_triple());
    module.set_data_layout(&tm.get_target_data().get_data_layout());
    if !target.abi.is_empty() {
        let abi = ctx.metadata_string(&target.abi);
        // An MDString, as clang writes it (the runtime's bitcode carries
        // the same flag; linking them requires equal values).
        module.add_metadata_flag("target-abi", inkwell::module::FlagBehavior::Error, abi);
    }
    if opts.emit.contains(&Emit::LlvmIr) {
        let p = output_path(target, opts, Emit::LlvmIr);
        write_atomic(&p, module.print_to_string().to_bytes())?;
    }
    // Optimized builds take the runtime in as bitcode (inlined where hot,
    // internalized, unreached parts dropped); -O0 and sanitized builds
    // link its objects.
    let runtime = sysroot::runtime_build(target)?;
    let runtime_in_module = opts.opt == OptLevel::O3 && !target.is_sanitized();
    if runtime_in_module {
        crate::lto::link_runtime(&ctx, &module, &runtime.bitcode, opts.debug)?;
    }
    optimize::optimize(&module, &tm, opts.opt, target.is_sanitized())?;
    if opts.emit.contains(&Emit::LlvmIr) {
        let p = output_path(target, opts, Emit::LlvmIr);
        let name = p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".ll", ".opt.ll");
        write_atomic(&p.with_file_name(name), module.print_to_string().to_bytes())?;
    }
    if opts.emit.contains(&Emit::Asm) {
        let buf = tm
            .write_to_memory_buffer(&module, FileType::Assembly)
            .map_err(|e| anyhow::anyhow!("LLVM could not emit assembly: {}", e.to_string()))?;
        write_atomic(&output_path(target, opts, Emit::Asm), buf.as_slice())?;
    }
    // The object goes straight to a file: in memory it would be held twice
    // (LLVM's growing buffer, then its copy) at the build's peak.
    let tmp = tempfile::Builder::new().prefix("mgen-build").tempdir()?;
    let obj_path = tmp.path().join(format!(
        "{}.o",
        input.file_stem().unwrap_or_default().to_string_lossy()
    ));
    emit::write(&tm, &module, FileType::Object, &obj_path)?;
    drop(module);
    if opts.emit.contains(&Emit::Obj) {
        write_atomic(
            &output_path(target, opts, Emit::Obj),
            &std::fs::read(&obj_path)?,
        )?;
    }
    if opts.emit.contains(&Emit::Exe) {
        let mut objects = vec![obj_path];
        objects.extend(if runtime_in_module {
            runtime.native
        } else {
            runtime.objects
        });
        let out = output_path(target, opts, Emit::Exe);
        // Linked in the scratch directory, then installed (debug info
        // split out for --release; reproducible bytes).
        let linked = tmp.path().join(out.file_name().unwrap_or_default());
        link::link_debug(target, &objects, &linked, opts.debug)?;
        crate::split_debug::install(target, &linked, &out, opts.debug_output.split)?;
        return Ok(out);
    }
    Ok(opts.output.clone())
}
