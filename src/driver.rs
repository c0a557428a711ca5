//! The build driver: runs the pipeline stages in order for one program.
//!
//! parse -> check -> lower -> optimize -> emit -> link. Each stage is a
//! module with one entry point; data flows one way.

use crate::target::Target;
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
}

/// Build one program for `target`. Compile errors come back as
/// `crate::diag::CompileError` inside the anyhow error (already rendered).
pub fn build(target: &Target, opts: &BuildOptions) -> anyhow::Result<PathBuf> {
    let _ = (target, opts, Path::new(""));
    todo!()
}
