//! Command-line interface: `mgen build | run | targets | matrix`.

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
        /// What to write: any of exe,obj,llvm-ir,asm (comma-separated).
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
    /// The Python source file.
    file: PathBuf,
}

fn parse_opt(s: &str) -> Result<OptLevel, String> {
    OptLevel::parse(s).ok_or_else(|| {
        format!("unknown optimization level `{s}`; use one of 0 1 2 3 s z none basic moderate aggressive")
    })
}

fn parse_emit(s: &str) -> Result<Emit, String> {
    Ok(match s {
        "exe" => Emit::Exe,
        "obj" => Emit::Obj,
        "llvm-ir" => Emit::LlvmIr,
        "asm" => Emit::Asm,
        _ => {
            return Err(format!(
                "unknown output kind `{s}`; use exe, obj, llvm-ir or asm"
            ))
        }
    })
}

/// Entry point; returns the process exit code.
pub fn main() -> i32 {
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
    target::resolve(t.as_deref().unwrap_or(target::host_name()))
}

fn dispatch(cmd: Command) -> anyhow::Result<i32> {
    match cmd {
        Command::Build { b, output, emit } => {
            let t = load_target(&b.target)?;
            let output = output.unwrap_or_else(|| driver::default_output(&t, &b.file, &emit));
            let opts = BuildOptions {
                input: b.file,
                opt: b.opt,
                debug: b.debug,
                output,
                emit,
            };
            driver::build(&t, &opts)?;
            Ok(0)
        }
        Command::Run { b, args } => {
            let t = load_target(&b.target)?;
            let dir = tempfile::Builder::new().prefix("mgen-run").tempdir()?;
            let stem = b
                .file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let output = dir.path().join(format!("{stem}{}", t.exe_suffix));
            let opts = BuildOptions {
                input: b.file,
                opt: b.opt,
                debug: b.debug,
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
    }
}
