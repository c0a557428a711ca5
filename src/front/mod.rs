//! Stage 1, the front end: source files to parsed, name-resolved modules.
//!
//! - `parse`: one file with ruff's parser; every syntax error, in CPython's
//!   words where it has them, then CPython 3.11's nesting limits (`limits`).
//! - `loader`: the program's module graph from the entry file's imports
//!   (`ModuleGraph`, modules in CPython's import order).
//! - `resolve`: scopes, and a definition for every name use (`Resolution`).
//!
//! `load` runs them; `check` takes the result.

pub mod limits;
pub mod loader;
pub mod parse;
pub mod resolve;
pub mod stdlib;

pub use loader::{ImportTarget, Module, ModuleGraph, ModuleId};

use crate::diag::CompileErrors;
use std::path::Path;

/// Load and parse the program whose entry file is `entry` (its text
/// `source`, named `display` in errors): the module graph and the errors
/// found outside the entry module's own code (see `loader::load`).
pub fn load(
    entry: &Path,
    display: &str,
    source: String,
) -> Result<(ModuleGraph, Vec<crate::diag::CompileError>), CompileErrors> {
    loader::load(entry, display, source)
}
