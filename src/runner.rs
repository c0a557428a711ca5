//! Running a built executable through the target's runner (native, qemu-user,
//! a WASI runtime, wine).

use crate::target::Target;
use anyhow::{anyhow, bail, Context};
use std::path::Path;
use std::process::Command;

/// The command that runs `exe` with `args` on `target` (runner placeholders
/// expanded). Errors name the missing runner and how to install it.
pub fn command(target: &Target, exe: &Path, args: &[String]) -> anyhow::Result<Command> {
    let spec = &target.runner;
    let home = crate::home::home().to_string_lossy();
    let exe = exe.to_string_lossy();
    let mut words = spec
        .command
        .iter()
        .map(|w| w.replace("{exe}", &exe).replace("{mgen_home}", &home));
    let Some(program) = words.next() else {
        bail!(
            "target `{}` has no runner: its executables cannot be run on this machine (build-only)",
            target.name
        );
    };
    let resolved = which::which(&program).map_err(|_| {
        let hint = if spec.install_hint.is_empty() {
            String::new()
        } else {
            format!(": install it with {}", spec.install_hint)
        };
        anyhow!(
            "runner `{program}` for target `{}` not found{hint}",
            target.name
        )
    })?;
    let mut cmd = Command::new(resolved);
    cmd.args(words).args(args);
    let cache = crate::home::cache_dir();
    for (k, v) in &spec.env {
        let v = v
            .replace("{mgen_home}", &home)
            .replace("{cache}", &cache.to_string_lossy());
        cmd.env(k, v);
    }
    Ok(cmd)
}

/// Exit code of a finished process; a death by signal N gives 128+N (as a
/// shell reports it), with a message on stderr.
pub fn exit_code(status: std::process::ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            eprintln!("mgen: program killed by signal {sig}");
            return 128 + sig;
        }
    }
    eprintln!("mgen: program ended abnormally ({status})");
    1
}

/// Run with stdio inherited; returns the program's exit code.
pub fn run_inherit(target: &Target, exe: &Path, args: &[String]) -> anyhow::Result<i32> {
    let mut cmd = command(target, exe, args)?;
    let status = cmd
        .status()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    Ok(exit_code(status))
}
