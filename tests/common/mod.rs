//! Shared by the runtime tests (tests/runtime_*.rs): running a C driver's
//! error case and checking the traceback it prints.

use std::path::Path;

/// stderr without lines the emulator adds (wine reports its own faults and
/// fixmes on the same stream); what remains is the program's.
pub fn program_stderr(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .lines()
        .filter(|l| !l.starts_with("wine: ") && !l.contains(":fixme:") && !l.contains(":err:"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Run `exe i` on `target`: it must end with exit status 1 and print the
/// traceback of a module-level error whose last line is `exc`.
pub fn check_error_case(
    target: &mgen::target::Target,
    exe: &Path,
    i: usize,
    exc: &str,
) -> anyhow::Result<()> {
    let out = mgen::runner::command(target, exe, &[i.to_string()])?.output()?;
    let err = program_stderr(&out.stderr);
    let want = format!(
        "Traceback (most recent call last):\n  File \"t.py\", line 5, in <module>\n{exc}\n"
    );
    anyhow::ensure!(
        out.status.code() == Some(1),
        "{} error case {i}: exit status {}",
        target.name,
        out.status
    );
    anyhow::ensure!(
        err == want,
        "{} error case {i}:\n  got  {err:?}\n  want {want:?}",
        target.name
    );
    Ok(())
}
