//! Command-line interface: `mgen build | run | targets | matrix | symbolize`.

use crate::driver::{self, BuildOptions, Emit, OptLevel};
use crate::target;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "mgen",
    version,
    about = "Cross-compiling compiler for statically typed Python"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a Python program into a static executable for a target.
    Build {
        #[command(flatten)]
        b: BuildArgs,
        /// Output path (default: the input's stem, plus the target's executable suffix).
        #[arg(short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
        /// What to write: any of exe,obj,llvm-ir,asm,hir (comma-separated; hir is the typed
        /// IR as text, written to stdout with `-o -`).
        #[arg(long, value_delimiter = ',', value_parser = parse_emit, default_value = "exe")]
        emit: Vec<Emit>,
    },
    /// Build into a temporary place and run through the target's runner.
    Run {
        #[command(flatten)]
        b: BuildArgs,
        /// Arguments passed to the program (after `--`).
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// List known targets, their object format, and whether linker and runner are installed.
    Targets {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Build and run every test program on every target; compare with expected output.
    Matrix(crate::matrix::MatrixArgs),
    /// Turn code addresses of an mgen executable into `function (file.py:line)`.
    Symbolize {
        /// The target the executable was built for (default: the host).
        #[arg(long, value_name = "T")]
        target: Option<String>,
        /// The executable (its DWARF may be in NAME.debug beside it).
        binary: PathBuf,
        /// Addresses, hexadecimal (0x...) or decimal.
        #[arg(required = true, value_name = "ADDR")]
        addrs: Vec<String>,
    },
}

#[derive(Args)]
struct BuildArgs {
    /// Target name (see `mgen targets`) or path to a descriptor .toml. Default: the host.
    #[arg(long, value_name = "T")]
    target: Option<String>,
    /// Optimization level: 0 1 2 3 s z (or none basic moderate aggressive). Default 2.
    #[arg(short = 'O', value_name = "LEVEL", value_parser = parse_opt, default_value = "2")]
    opt: OptLevel,
    /// Emit DWARF debug info.
    #[arg(short = 'g')]
    debug: bool,
    /// -O2 with debug info, split into OUT.debug as the target's descriptor says.
    #[arg(long, conflicts_with = "opt")]
    release: bool,
    /// Record paths starting with FROM as starting with TO (DWARF, tracebacks). Repeatable.
    #[arg(long, value_name = "FROM=TO", value_parser = parse_remap)]
    remap_path_prefix: Vec<(String, String)>,
    /// Instrument the program and runtime: `address` (AddressSanitizer with
    /// LeakSanitizer). The target's descriptor says how ([sanitize-address]).
    #[arg(long, value_name = "SANITIZER")]
    sanitize: Option<String>,
    /// The Python source file.
    file: PathBuf,
}

fn parse_opt(s: &str) -> Result<OptLevel, String> {
    OptLevel::parse(s).ok_or_else(|| {
        format!("unknown optimization level `{s}`; use one of 0 1 2 3 s z none basic moderate aggressive")
    })
}

fn parse_remap(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((from, to)) if !from.is_empty() => Ok((from.to_string(), to.to_string())),
        _ => Err(format!(
            "--remap-path-prefix wants FROM=TO (e.g. /home/me/src=.), got `{s}`"
        )),
    }
}

impl BuildArgs {
    fn debug_output(&self) -> driver::DebugOutput {
        driver::DebugOutput {
            split: self.release,
            remap_path_prefix: self.remap_path_prefix.clone(),
        }
    }
    fn opt(&self) -> OptLevel {
        if self.release {
            OptLevel::O2
        } else {
            self.opt
        }
    }
}

fn parse_emit(s: &str) -> Result<Emit, String> {
    Ok(match s {
        "exe" => Emit::Exe,
        "obj" => Emit::Obj,
        "llvm-ir" => Emit::LlvmIr,
        "asm" => Emit::Asm,
        "hir" => Emit::Hir,
        "mir" => Emit::Mir,
        _ => {
            return Err(format!(
                "unknown output kind `{s}`; use exe, obj, llvm-ir, asm, hir or mir"
            ))
        }
    })
}

/// Entry point; returns the process exit code.
pub fn main() -> i32 {
    // `mgen targets | head`: a closed pipe ends mgen quietly, as it does a
    // C tool, instead of a panic in println!.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Before any thread: an interrupted runtime build leaves nothing behind.
    crate::sysroot::handle_interrupts();
    let cli = Cli::parse();
    match dispatch(cli.cmd) {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            1
        }
    }
}

/// Print an error: compile errors are already rendered with their source.
pub fn report(e: &anyhow::Error) {
    if let Some(ce) = e.downcast_ref::<crate::diag::CompileErrors>() {
        ce.emit();
    } else {
        eprintln!("error: {e:#}");
    }
}

fn load_target(t: &Option<String>) -> anyhow::Result<target::Target> {
    match t {
        Some(t) => target::resolve(t),
        None => target::resolve(&target::host_name()?),
    }
}

/// The target, as built with `--sanitize` when asked.
fn build_target(b: &BuildArgs) -> anyhow::Result<target::Target> {
    let t = load_target(&b.target)?;
    match &b.sanitize {
        Some(s) => t.sanitized(s),
        None => Ok(t),
    }
}

fn dispatch(cmd: Command) -> anyhow::Result<i32> {
    match cmd {
        Command::Build { b, output, emit } => {
            let t = build_target(&b)?;
            let output = output.unwrap_or_else(|| driver::default_output(&t, &b.file, &emit));
            if output == std::path::Path::new("-") && !emit.iter().all(|k| k.is_text_dump()) {
                anyhow::bail!(
                    "`-o -` (standard output) is only for text dumps (`--emit hir`); \
                     name an output file for the other kinds"
                );
            }
            let opts = BuildOptions {
                opt: b.opt(),
                debug: b.debug || b.release,
                debug_output: b.debug_output(),
                input: b.file,
                output,
                emit,
            };
            driver::build(&t, &opts)?;
            Ok(0)
        }
        Command::Run { b, args } => {
            let t = build_target(&b)?;
            let dir = tempfile::Builder::new().prefix("mgen-run").tempdir()?;
            let stem = b
                .file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let output = dir.path().join(format!("{stem}{}", t.exe_suffix));
            let opts = BuildOptions {
                opt: b.opt(),
                debug: b.debug || b.release,
                debug_output: b.debug_output(),
                input: b.file,
                output,
                emit: vec![Emit::Exe],
            };
            let exe = driver::build(&t, &opts)?;
            crate::runner::run_inherit(&t, &exe, &args)
        }
        Command::Targets { json } => {
            crate::matrix::targets_command(json)?;
            Ok(0)
        }
        Command::Matrix(args) => crate::matrix::matrix_command(args),
        Command::Symbolize {
            target,
            binary,
            addrs,
        } => {
            let t = load_target(&target)?;
            let mut parsed = Vec::new();
            for a in &addrs {
                parsed.push(crate::symbolize::parse_addr(a)?);
            }
            let sym = crate::symbolize::Symbolizer::open(&t, &binary)?;
            for (a, text) in addrs.iter().zip(&parsed) {
                let frames = sym.frames(*text)?;
                if frames.is_empty() {
                    println!("{a}: ??");
                }
                for (i, f) in frames.iter().enumerate() {
                    let lead = if i == 0 {
                        format!("{a}:")
                    } else {
                        " ".repeat(a.len() + 1)
                    };
                    let inl = if i + 1 < frames.len() {
                        " [inlined]"
                    } else {
                        ""
                    };
                    println!("{lead} {f}{inl}");
                }
            }
            Ok(0)
        }
    }
}
