//! Running a built executable through the target's runner (native, qemu-user,
//! a WASI runtime, wine).

use crate::target::Target;
use std::path::Path;
use std::process::Command;

/// The command that runs `exe` with `args` on `target` (runner placeholders
/// expanded). Errors name the missing runner and how to install it.
pub fn command(target: &Target, exe: &Path, args: &[String]) -> anyhow::Result<Command> {
    let _ = (target, exe, args);
    todo!()
}

/// Run with stdio inherited; returns the program's exit code.
pub fn run_inherit(target: &Target, exe: &Path, args: &[String]) -> anyhow::Result<i32> {
    let _ = (target, exe, args);
    todo!()
}
