//! `mgen matrix` (every program x every target x opt levels) and
//! `mgen targets` (what is known and what is installed).

use crate::driver::{BuildOptions, Emit, OptLevel};
use crate::target::Target;
use anyhow::{anyhow, bail, Context};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

#[derive(Args, Debug, Clone)]
pub struct MatrixArgs {
    /// Comma-separated targets (default: every built-in target).
    #[arg(long, value_delimiter = ',')]
    pub targets: Vec<String>,
    /// Comma-separated optimization levels (default: 0,2); a level given
    /// twice (`2,2`, `2,O2`) runs once.
    #[arg(long = "opt-levels", value_delimiter = ',', value_parser = opt_level_arg)]
    pub opt_levels: Vec<OptLevel>,
    /// Parallel jobs, at least 1 (default: number of CPUs).
    #[arg(long, value_parser = positive_arg::<usize>)]
    pub jobs: Option<usize>,
    /// Run only shard K of N (1-based), e.g. 2/4.
    #[arg(long)]
    pub shard: Option<String>,
    /// Write JUnit XML results here.
    #[arg(long)]
    pub junit: Option<PathBuf>,
    /// Seconds a program may run before it is killed, at least 1.
    #[arg(long, default_value_t = 30, value_parser = positive_arg::<u64>)]
    pub timeout: u64,
    /// Build every program sanitized (`address`): only for targets whose
    /// descriptor has a [sanitize-address] table.
    #[arg(long, value_name = "SANITIZER")]
    pub sanitize: Option<String>,
    /// Programs or directories (default: qemu-tests/).
    pub paths: Vec<PathBuf>,
}

/// `0`, `O0`, `-O0`, `2`, `s`, ...
fn parse_opt_level(s: &str) -> anyhow::Result<OptLevel> {
    let t = s.trim();
    let t = t.strip_prefix('-').unwrap_or(t);
    let t = t.strip_prefix('O').unwrap_or(t);
    OptLevel::parse(t)
        .ok_or_else(|| anyhow!("unknown optimization level `{s}`; use e.g. 0,2 or O0,O2"))
}

/// clap value parser of `--opt-levels` items.
fn opt_level_arg(s: &str) -> Result<OptLevel, String> {
    parse_opt_level(s).map_err(|e| e.to_string())
}

/// clap value parser of a count that must be at least 1 (`--jobs`,
/// `--timeout`): 0 would mean no worker at all, or a kill before the
/// program starts; cargo rejects `--jobs 0` the same way.
fn positive_arg<T>(s: &str) -> Result<T, String>
where
    T: std::str::FromStr + PartialEq + From<u8>,
{
    match s.trim().parse::<T>() {
        Ok(n) if n == T::from(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a whole number (at least 1)")),
    }
}

/// The levels in the order given, each once (`2,O2` is one level).
fn dedup_levels(levels: &[OptLevel]) -> Vec<OptLevel> {
    let mut out: Vec<OptLevel> = Vec::new();
    for &l in levels {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// The targets in the order given, each descriptor file once. Two
/// different files with the same name would share a column and a build
/// directory: an error.
fn dedup_targets(targets: Vec<Target>) -> anyhow::Result<Vec<Target>> {
    let canon = |t: &Target| t.path.canonicalize().unwrap_or_else(|_| t.path.clone());
    let mut out: Vec<Target> = Vec::new();
    for t in targets {
        if let Some(seen) = out.iter().find(|o| o.name == t.name) {
            if canon(seen) == canon(&t) {
                continue;
            }
            bail!(
                "--targets names two different descriptors called `{}`: {} and {}; rename one",
                t.name,
                seen.path.display(),
                t.path.display()
            );
        }
        out.push(t);
    }
    Ok(out)
}

/// `K/N` with 1 <= K <= N.
fn parse_shard(s: &str) -> anyhow::Result<(usize, usize)> {
    let parsed = s
        .split_once('/')
        .and_then(|(k, n)| Some((k.trim().parse().ok()?, n.trim().parse().ok()?)));
    match parsed {
        Some((k, n)) if k >= 1 && k <= n => Ok((k, n)),
        _ => bail!("bad --shard `{s}`: expected K/N with 1 <= K <= N, e.g. 2/4"),
    }
}

/// Test programs: `*.py` under `paths` (files or directories), sorted.
fn find_programs(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
        if p.is_dir() {
            for e in std::fs::read_dir(p).with_context(|| format!("cannot list {}", p.display()))? {
                walk(&e?.path(), out)?;
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p.to_path_buf());
        }
        Ok(())
    }
    let defaults;
    let paths = if paths.is_empty() {
        let local = PathBuf::from("qemu-tests");
        defaults = [if local.is_dir() {
            local
        } else {
            crate::home::home().join("qemu-tests")
        }];
        &defaults[..]
    } else {
        paths
    };
    let mut out = Vec::new();
    for p in paths {
        if !p.exists() {
            bail!("no such file or directory: {}", p.display());
        }
        walk(p, &mut out)?;
    }
    // Each file once, however it was named (`a.py`, `./a.py`, a directory
    // and a file in it).
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone())));
    out.sort();
    Ok(out)
}

struct Job {
    program: usize,
    target: usize,
    opt: OptLevel,
}

#[derive(Clone)]
struct Outcome {
    /// Empty when the test passed.
    reasons: Vec<String>,
    time: Duration,
}

fn first_lines(s: &str, n: usize) -> String {
    let lines: Vec<_> = s.trim_end().lines().take(n).collect();
    lines.join("\n")
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// The first line where `got` and `want` differ, described.
fn stdout_diff(got: &str, want: &str) -> String {
    if got.lines().eq(want.lines()) {
        return "stdout differs in line endings or the final newline".into();
    }
    let (g, w): (Vec<_>, Vec<_>) = (got.split('\n').collect(), want.split('\n').collect());
    for i in 0..g.len().max(w.len()) {
        let (gl, wl) = (g.get(i), w.get(i));
        if gl != wl {
            let show =
                |l: Option<&&str>| l.map_or("<end of output>".to_string(), |l| format!("{l:?}"));
            return format!(
                "stdout differs at line {}: expected {}, got {}",
                i + 1,
                show(wl),
                show(gl)
            );
        }
    }
    "stdout differs".into()
}

/// Run `cmd` with a timeout, capturing stdout and stderr.
fn run_captured(
    mut cmd: std::process::Command,
    timeout: Duration,
) -> anyhow::Result<Option<(i32, String, String)>> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // ETXTBSY: another job's fork (between its fork and exec) can briefly
    // hold a descriptor of an executable this job just wrote. Retry.
    let mut tries = 0;
    let mut child = loop {
        match cmd.spawn() {
            Ok(c) => break c,
            Err(e) if e.raw_os_error() == Some(26) && tries < 50 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e).context("cannot start the runner"),
        }
    };
    let reader = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = reader(Box::new(child.stdout.take().unwrap()));
    let err = reader(Box::new(child.stderr.take().unwrap()));
    let status = match child.wait_timeout(timeout)? {
        Some(s) => s,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
    };
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    let code = status.code().unwrap_or_else(|| {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if let Some(sig) = status.signal() {
                return 128 + sig;
            }
        }
        1
    });
    Ok(Some((code, out, err)))
}

fn run_job(
    target: &Target,
    program: &Path,
    name: &str,
    opt: OptLevel,
    work: &Path,
    timeout: Duration,
) -> Vec<String> {
    let expected_out = program.with_extension("out");
    let Ok(want_out) = std::fs::read_to_string(&expected_out) else {
        return vec!["no expected output; run ci/check-expected --update".into()];
    };
    let want_err = std::fs::read_to_string(program.with_extension("err")).ok();
    let want_code = if want_err.is_some() { 1 } else { 0 };

    let output = work.join(&target.name).join(opt.name()).join(format!(
        "{}{}",
        name.replace('/', "_"),
        target.exe_suffix
    ));
    if let Some(dir) = output.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let opts = BuildOptions {
        input: program.to_path_buf(),
        opt,
        debug: false,
        output,
        emit: vec![Emit::Exe],
        debug_output: Default::default(),
    };
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::driver::build(target, &opts)
    }));
    let exe = match built {
        Ok(Ok(exe)) => exe,
        Ok(Err(e)) => {
            return vec![format!(
                "build error: {}",
                first_lines(&format!("{e:#}"), 6)
            )]
        }
        Err(p) => {
            return vec![format!(
                "compiler panicked: {}",
                first_lines(&panic_message(&*p), 6)
            )]
        }
    };
    // Build-only target (no runner): it passes when it builds and, for
    // Mach-O, when the executable passes the loader checks.
    if target.runner.command.is_empty() {
        if target.object_format == crate::target::ObjectFormat::MachO {
            return match crate::macho_check::check_file(target, &exe) {
                Ok(problems) => problems
                    .into_iter()
                    .map(|p| format!("Mach-O check: {p}"))
                    .collect(),
                Err(e) => vec![format!("Mach-O check: {e:#}")],
            };
        }
        return Vec::new();
    }
    let mut attempt = 0;
    let (code, out, err) = loop {
        let cmd = match crate::runner::command(target, &exe, &[]) {
            Ok(c) => c,
            Err(e) => return vec![format!("cannot run: {e:#}")],
        };
        let (code, out, err) = match run_captured(cmd, timeout) {
            Ok(Some(r)) => r,
            Ok(None) => return vec![format!("timeout after {} s", timeout.as_secs())],
            Err(e) => return vec![format!("cannot run: {e:#}")],
        };
        // The runner itself failed (the descriptor's `retry-on-stderr`):
        // not a verdict on the program; run it again.
        let runner_failed = target
            .runner
            .retry_on_stderr
            .iter()
            .any(|p| err.contains(p.as_str()))
            || (target.runner.retry_on_silent_failure
                && code != 0
                && out.is_empty()
                && err.trim().is_empty());
        if runner_failed && attempt < 2 {
            attempt += 1;
            continue;
        }
        break (code, out, err);
    };
    let mut reasons = Vec::new();
    if code != want_code {
        let tail = err.trim_end().lines().last().unwrap_or("");
        reasons.push(format!(
            "exit code {code}, expected {want_code} (last stderr line: {tail:?})"
        ));
    }
    if out != want_out {
        reasons.push(stdout_diff(&out, &want_out));
    }
    if let Some(want) = want_err {
        let want = want.trim_end().lines().last().unwrap_or("").trim_end();
        let got = err.trim_end().lines().last().unwrap_or("").trim_end();
        if got != want {
            reasons.push(format!("last stderr line: expected {want:?}, got {got:?}"));
        }
    }
    reasons
}

/// Programs are named by file stem, or by path where stems collide.
fn display_names(programs: &[PathBuf]) -> Vec<String> {
    let stem = |p: &PathBuf| {
        p.file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    let stems: Vec<String> = programs.iter().map(stem).collect();
    programs
        .iter()
        .zip(&stems)
        .map(|(p, s)| {
            if stems.iter().filter(|&t| t == s).count() > 1 {
                p.with_extension("").to_string_lossy().into_owned()
            } else {
                s.clone()
            }
        })
        .collect()
}

pub fn matrix_command(args: MatrixArgs) -> anyhow::Result<i32> {
    let targets: Vec<Target> = if args.targets.is_empty() {
        crate::target::builtin_targets()?
    } else {
        dedup_targets(
            args.targets
                .iter()
                .map(|t| crate::target::resolve(t))
                .collect::<anyhow::Result<_>>()?,
        )?
    };
    let targets: Vec<Target> = match &args.sanitize {
        Some(s) => targets
            .iter()
            .map(|t| t.sanitized(s))
            .collect::<anyhow::Result<_>>()?,
        None => targets,
    };
    let opt_levels: Vec<OptLevel> = if args.opt_levels.is_empty() {
        vec![OptLevel::O0, OptLevel::O2]
    } else {
        dedup_levels(&args.opt_levels)
    };
    let shard = args.shard.as_deref().map(parse_shard).transpose()?;
    let programs = find_programs(&args.paths)?;
    if programs.is_empty() {
        bail!("no test programs (*.py) found");
    }
    for t in &targets {
        crate::sysroot::runtime_objects(t)
            .with_context(|| format!("building the runtime for {}", t.name))?;
    }

    // Stable order: program, target, opt level; a shard takes every N-th.
    let mut jobs = Vec::new();
    for program in 0..programs.len() {
        for target in 0..targets.len() {
            for &opt in &opt_levels {
                jobs.push(Job {
                    program,
                    target,
                    opt,
                });
            }
        }
    }
    let jobs: Vec<Job> = match shard {
        Some((k, n)) => jobs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, j)| j)
            .collect(),
        None => jobs,
    };

    let work = tempfile::Builder::new().prefix("mgen-matrix").tempdir()?;
    let timeout = Duration::from_secs(args.timeout);
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let interactive = std::io::stderr().is_terminal();
    let bar = if interactive {
        let b = ProgressBar::new(jobs.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; jobs.len()]);
    let names = display_names(&programs);
    let label = |j: &Job| {
        format!(
            "{} [{} -{}]",
            names[j.program],
            targets[j.target].name,
            j.opt.name()
        )
    };

    std::thread::scope(|s| {
        for _ in 0..threads.min(jobs.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let start = Instant::now();
                let (target, program) = (&targets[job.target], &programs[job.program]);
                let reasons = run_job(
                    target,
                    program,
                    &names[job.program],
                    job.opt,
                    work.path(),
                    timeout,
                );
                if !reasons.is_empty() {
                    let line = format!(
                        "FAIL {}: {}",
                        label(job),
                        reasons.join("; ").replace('\n', " | ")
                    );
                    if interactive {
                        bar.println(line);
                    } else {
                        eprintln!("{line}");
                    }
                }
                results.lock().unwrap()[i] = Some(Outcome {
                    reasons,
                    time: start.elapsed(),
                });
                bar.inc(1);
            });
        }
    });
    bar.finish_and_clear();
    let results: Vec<Outcome> = results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(Option::unwrap)
        .collect();

    // program x target table; each cell has one word per opt level ("-":
    // not run in this shard).
    let mut cells = vec![vec![vec!["-"; opt_levels.len()]; targets.len()]; programs.len()];
    for (j, r) in jobs.iter().zip(&results) {
        let slot = opt_levels.iter().position(|&o| o == j.opt).unwrap_or(0);
        cells[j.program][j.target][slot] = match (r.reasons.is_empty(), &targets[j.target]) {
            (false, _) => "FAIL",
            (true, t) if t.runner.command.is_empty() => "built",
            (true, _) => "ok",
        };
    }
    let w0 = names
        .iter()
        .map(|n| n.len())
        .max()
        .unwrap_or(0)
        .max("program".len());
    let cell_w = opt_levels.len() * 6 - 1;
    let widths: Vec<usize> = targets.iter().map(|t| t.name.len().max(cell_w)).collect();
    let mut header = format!("{:w0$}", "program");
    for (t, w) in targets.iter().zip(&widths) {
        header += &format!("  {:w$}", t.name);
    }
    let opts: Vec<_> = opt_levels.iter().map(|o| o.name()).collect();
    println!(
        "{}   (cells: {}; built = build-only target, built and checked, not run)",
        header.trim_end(),
        opts.join(" ")
    );
    for (p, row) in cells.iter().enumerate() {
        if row.iter().flatten().all(|&c| c == "-") {
            continue; // not in this shard
        }
        let mut line = format!("{:w0$}", names[p]);
        for (c, w) in row.iter().zip(&widths) {
            line += &format!("  {:w$}", c.join(" "));
        }
        println!("{}", line.trim_end());
    }

    let failed: Vec<_> = jobs
        .iter()
        .zip(&results)
        .filter(|(_, r)| !r.reasons.is_empty())
        .collect();
    if !failed.is_empty() {
        println!("\nfailures:");
        for (j, r) in &failed {
            println!("  {}:", label(j));
            for reason in &r.reasons {
                for l in reason.lines() {
                    println!("    {l}");
                }
            }
        }
    }
    if let Some(path) = &args.junit {
        let xml = junit_xml(&jobs, &results, &names, &targets);
        std::fs::write(path, xml).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let built_only = jobs
        .iter()
        .zip(&results)
        .filter(|(j, r)| r.reasons.is_empty() && targets[j.target].runner.command.is_empty())
        .count();
    println!(
        "\nmatrix: {} passed ({built_only} of them build-only), {} failed",
        jobs.len() - failed.len(),
        failed.len()
    );
    Ok(if failed.is_empty() { 0 } else { 1 })
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn junit_xml(jobs: &[Job], results: &[Outcome], names: &[String], targets: &[Target]) -> String {
    let failures = results.iter().filter(|r| !r.reasons.is_empty()).count();
    let total: f64 = results.iter().map(|r| r.time.as_secs_f64()).sum();
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x += &format!("<testsuites name=\"mgen matrix\" tests=\"{}\" failures=\"{failures}\" time=\"{total:.3}\">\n", jobs.len());
    x += &format!(
        "  <testsuite name=\"matrix\" tests=\"{}\" failures=\"{failures}\" time=\"{total:.3}\">\n",
        jobs.len()
    );
    for (j, r) in jobs.iter().zip(results) {
        let name = format!("{} -{}", names[j.program], j.opt.name());
        x += &format!(
            "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
            xml_escape(&targets[j.target].name),
            xml_escape(&name),
            r.time.as_secs_f64()
        );
        if r.reasons.is_empty() {
            x += "/>\n";
        } else {
            let first = r.reasons[0].lines().next().unwrap_or("");
            x += &format!(
                ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                xml_escape(first),
                xml_escape(&r.reasons.join("\n"))
            );
        }
    }
    x += "  </testsuite>\n</testsuites>\n";
    x
}

/// Whether a program is on PATH.
fn found(program: &str) -> bool {
    which::which(program).is_ok()
}

/// Whether a descriptor's `runner.check` command succeeds.
fn runner_check(cmd: &[String]) -> bool {
    let home = crate::home::home();
    let args: Vec<String> = cmd
        .iter()
        .map(|a| a.replace("{mgen_home}", &home.display().to_string()))
        .collect();
    std::process::Command::new(&args[0])
        .args(&args[1..])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn targets_command(json: bool) -> anyhow::Result<()> {
    let targets = crate::target::builtin_targets()?;
    let mut rows = Vec::new();
    let mut objs = Vec::new();
    for t in &targets {
        let l = &t.linker;
        let linker_found = found(&l.program);
        let linker = if linker_found {
            format!("{} found", l.program)
        } else {
            format!("{} missing: {}", l.program, l.install_hint)
        };
        let r = &t.runner;
        let program = r.command.first().cloned();
        let (kind, runner_found) = match program.as_deref() {
            None => ("build-only", false),
            Some(p) if p.contains("{exe}") => ("native", true),
            Some(p) if r.check.is_empty() => ("runner", found(p)),
            Some(_) => ("runner", runner_check(&r.check)),
        };
        let runner = match (kind, runner_found, program.as_deref()) {
            ("runner", true, Some(p)) if r.check.is_empty() => format!("{p} found"),
            ("runner", true, Some(p)) => format!("{p} found (`{}` succeeds)", r.check.join(" ")),
            ("runner", false, Some(p)) => format!("{p} missing: {}", r.install_hint),
            ("build-only", _, _) if t.object_format == crate::target::ObjectFormat::MachO => {
                "build-only (matrix checks the Mach-O)".to_string()
            }
            _ => kind.to_string(),
        };
        objs.push(serde_json::json!({
            "name": t.name,
            "triple": t.triple,
            "object_format": t.object_format.name(),
            "path": t.path,
            "linker": { "program": l.program, "found": linker_found, "install_hint": l.install_hint },
            "runner": {
                "kind": kind,
                "program": if kind == "runner" { program.clone() } else { None },
                "found": runner_found,
                "install_hint": r.install_hint,
            },
        }));
        rows.push([
            t.name.clone(),
            t.object_format.name().to_string(),
            linker,
            runner,
        ]);
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&objs)?);
        return Ok(());
    }
    let header = ["target", "format", "linker", "runner"];
    let w: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].len())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |r: [&str; 4]| {
        let s = format!(
            "{:w0$}  {:w1$}  {:w2$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2]
        );
        println!("{}", s.trim_end());
    };
    line(header);
    for r in &rows {
        line([&r[0], &r[1], &r[2], &r[3]]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opt_levels_and_shards() {
        for s in ["0", "O0", "-O0", " 0"] {
            assert_eq!(parse_opt_level(s).unwrap(), OptLevel::O0);
        }
        assert_eq!(parse_opt_level("-Os").unwrap(), OptLevel::Os);
        assert!(parse_opt_level("O7").is_err());
        use OptLevel::*;
        assert_eq!(dedup_levels(&[O2, O0, O2, O0]), [O2, O0]);
        assert_eq!(positive_arg::<usize>("3"), Ok(3));
        assert!(positive_arg::<usize>("0").is_err());
        assert!(positive_arg::<u64>("-1").is_err());
        assert!(positive_arg::<u64>("x").is_err());
        assert_eq!(parse_shard("2/4").unwrap(), (2, 4));
        for bad in ["0/4", "5/4", "2", "a/b"] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn stdout_diff_names_first_differing_line() {
        assert_eq!(
            stdout_diff("a\nb\n", "a\nc\n"),
            "stdout differs at line 2: expected \"c\", got \"b\""
        );
        assert_eq!(
            stdout_diff("a\n", "a\nb\n"),
            "stdout differs at line 2: expected \"b\", got \"\""
        );
        assert!(stdout_diff("a", "a\n").contains("final newline"));
    }

    #[test]
    fn names_disambiguate_colliding_stems() {
        let p = |s: &str| PathBuf::from(s);
        let names = display_names(&[p("t/a/x.py"), p("t/b/x.py"), p("t/y.py")]);
        assert_eq!(names, ["t/a/x", "t/b/x", "y"]);
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(
            xml_escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\\x01"
        );
    }
}
