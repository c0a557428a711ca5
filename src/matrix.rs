//! `mgen matrix` (every program x every target x opt levels) and
//! `mgen targets` (what is known and what is installed).

use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct MatrixArgs {
    /// Comma-separated targets (default: every built-in target).
    #[arg(long, value_delimiter = ',')]
    pub targets: Vec<String>,
    /// Comma-separated optimization levels (default: 0,2).
    #[arg(long = "opt-levels", value_delimiter = ',')]
    pub opt_levels: Vec<String>,
    /// Parallel jobs (default: number of CPUs).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Run only shard K of N (1-based), e.g. 2/4.
    #[arg(long)]
    pub shard: Option<String>,
    /// Write JUnit XML results here.
    #[arg(long)]
    pub junit: Option<PathBuf>,
    /// Programs or directories (default: qemu-tests/).
    pub paths: Vec<PathBuf>,
}

pub fn matrix_command(args: MatrixArgs) -> anyhow::Result<i32> {
    let _ = args;
    todo!()
}

pub fn targets_command(json: bool) -> anyhow::Result<()> {
    let _ = json;
    todo!()
}
