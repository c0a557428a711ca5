//! Running a built executable through the target's runner (native, qemu-user,
//! a WASI runtime, wine).

use crate::target::Target;
use std::path::Path;

/// Run with stdio inherited; returns the exit code.
pub fn run_inherit(target: &Target, exe: &Path, args: &[String]) -> anyhow::Result<i32> {
    let _ = (target, exe, args);
    todo!()
}
