//! mgen: a cross-compiling compiler for statically typed Python.
//!
//! The pipeline is the architecture (see docs/ARCHITECTURE.md):
//! `front` (parse, modules, names) -> `check` (typed IR) -> `lower` (LLVM IR) -> `optimize` -> `emit`
//! -> `link` -> `runner`. Target knowledge enters only through `target`
//! (the TOML descriptors in `targets/`) and the C runtime's OS layer.

pub mod check;
pub mod cli;
pub mod codegen;
pub mod diag;
pub mod driver;
pub mod emit;
pub mod front;
pub mod home;
pub mod implib;
pub mod ir;
pub mod link;
pub mod lto;
pub mod macho_check;
pub mod matrix;
pub mod mir;
pub mod optimize;
pub mod primitives;
pub mod pyconst;
pub mod runner;
pub mod split_debug;
pub mod symbolize;
pub mod sysroot;
pub mod target;
