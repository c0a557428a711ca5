//! Programs that mgen must reject at compile time.
//!
//! Every `tests/compile-fail/*.py` starts with a header comment
//! `# error: LINE:COL: MESSAGE-SUBSTRING` (1-based line and column, the column
//! counted in characters). For each file this runs `mgen build FILE -o TMP/out`
//! and checks that the build fails with a diagnostic at `FILE_NAME.py:LINE:COL`
//! containing MESSAGE-SUBSTRING, without a panic and without writing an output.
//! More `# error:` lines may follow the first (each is checked), and a line
//! `# errors: N` says how many errors the build reports in all (one message
//! per mistake: no follow-on errors). All failures are reported together.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use wait_timeout::ChildExt;

const TIMEOUT: Duration = Duration::from_secs(120);

struct Expected {
    line: u32,
    col: u32,
    message: String,
}

/// The `# error:` lines at the top of a file, and the `# errors: N` count.
fn parse_headers(path: &Path, text: &str) -> Result<(Vec<Expected>, Option<usize>), String> {
    let mut exps = vec![parse_header(path, text)?];
    let mut count = None;
    for line in text.lines().skip(1) {
        if line.starts_with("# error:") {
            exps.push(parse_header(path, line)?);
        } else if let Some(n) = line.strip_prefix("# errors:") {
            count = Some(
                n.trim()
                    .parse::<usize>()
                    .map_err(|_| format!("{}: malformed `# errors: N` line", path.display()))?,
            );
        } else {
            break;
        }
    }
    Ok((exps, count))
}

fn parse_header(path: &Path, text: &str) -> Result<Expected, String> {
    let first = text.lines().next().unwrap_or("");
    let rest = first
        .strip_prefix("# error:")
        .ok_or_else(|| {
            format!(
                "{}: first line must be `# error: LINE:COL: MESSAGE`",
                path.display()
            )
        })?
        .trim_start();
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().unwrap_or("").trim().parse::<u32>();
    let col = parts.next().unwrap_or("").trim().parse::<u32>();
    let message = parts.next().unwrap_or("").trim().to_string();
    match (line, col) {
        (Ok(line), Ok(col)) if line > 0 && col > 0 && !message.is_empty() => {
            Ok(Expected { line, col, message })
        }
        _ => Err(format!("{}: malformed header {first:?}", path.display())),
    }
}

fn check_one(mgen: &Path, file: &Path) -> Result<(), String> {
    let text =
        fs::read_to_string(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let (exps, count) = parse_headers(file, &text)?;
    let exp = &exps[0];
    let name = file.file_name().unwrap().to_string_lossy().into_owned();

    let tmp = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let out = tmp.path().join("out");
    let stderr_path = tmp.path().join("stderr.txt");
    let stdout_path = tmp.path().join("stdout.txt");
    let stderr_file = fs::File::create(&stderr_path).map_err(|e| e.to_string())?;
    let stdout_file = fs::File::create(&stdout_path).map_err(|e| e.to_string())?;

    let mut child = Command::new(mgen)
        .arg("build")
        .arg(file)
        .arg("-o")
        .arg(&out)
        .stdin(Stdio::null())
        .stdout(stdout_file)
        .stderr(stderr_file)
        .spawn()
        .map_err(|e| format!("{name}: cannot run {}: {e}", mgen.display()))?;
    let status = match child.wait_timeout(TIMEOUT).map_err(|e| e.to_string())? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "{name}: mgen build did not finish within {TIMEOUT:?}"
            ));
        }
    };
    let stderr = fs::read_to_string(&stderr_path).unwrap_or_default();
    let stdout = fs::read_to_string(&stdout_path).unwrap_or_default();
    let both = format!("--- stderr ---\n{stderr}--- stdout ---\n{stdout}");

    let mut problems = Vec::new();
    if status.success() {
        problems.push("mgen build succeeded, expected a compile error".to_string());
    }
    if stderr.contains("panicked") {
        problems.push("the compiler panicked".to_string());
    }
    let location = format!("{name}:{}:{}", exp.line, exp.col);
    for e in &exps {
        let loc = format!("{name}:{}:{}", e.line, e.col);
        if !stderr.contains(&loc) {
            problems.push(format!("stderr does not mention the location `{loc}`"));
        }
        if !stderr.contains(&e.message) {
            problems.push(format!("stderr does not contain `{}`", e.message));
        }
    }
    if let Some(n) = count {
        let want = format!("due to {n} error{}", if n == 1 { "" } else { "s" });
        if !stderr.contains(&want) {
            problems.push(format!("expected exactly {n} error(s) (`{want}`)"));
        }
    }
    if out.exists() {
        problems.push(format!("an output file was written: {}", out.display()));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{name} (expected {location}: {}; exit status {status}):\n  - {}\n{both}",
            exp.message,
            problems.join("\n  - ")
        ))
    }
}

fn compile_fail_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("compile-fail");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map_or(false, |x| x == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn compile_fail_programs_are_rejected() {
    let mgen = PathBuf::from(env!("CARGO_BIN_EXE_mgen"));
    let files = compile_fail_files();
    assert!(!files.is_empty(), "no tests/compile-fail/*.py found");

    let mut failures = Vec::new();
    for file in &files {
        if let Err(msg) = check_one(&mgen, file) {
            failures.push(msg);
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}\n");
    }
    eprintln!(
        "compile-fail: {} passed, {} failed",
        files.len() - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} compile-fail programs were not rejected as expected",
        failures.len(),
        files.len()
    );
}

#[test]
fn compile_fail_headers_are_well_formed() {
    for file in compile_fail_files() {
        let text = fs::read_to_string(&file).unwrap();
        let (exps, _) = parse_headers(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        let n_lines = text.lines().count() as u32;
        for exp in exps {
            assert!(
                exp.line >= 2 && exp.line <= n_lines,
                "{}: line {} outside the file",
                file.display(),
                exp.line
            );
            let line_text = text.lines().nth(exp.line as usize - 1).unwrap();
            assert!(
                // One past the last character: the end of the line (where
                // CPython puts `expected ':'`).
                exp.col as usize <= line_text.chars().count() + 1,
                "{}: column {} beyond the end of line {}",
                file.display(),
                exp.col,
                exp.line
            );
        }
    }
}
