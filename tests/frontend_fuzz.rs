//! Front-end fuzzing: no input may crash mgen.
//!
//! Mutants of the `qemu-tests/` corpus and `tests/compile-fail/` (byte
//! flips, truncation, token deletion/duplication/swap, statements spliced
//! from other files, random identifiers and types) go through `parse`,
//! `check` and, when they type-check, `lower` in-process; a panic in any
//! stage is a failure (a bad program must get a compile error, never a
//! crash). Mutants stay shallow (< 50 nesting levels): deep nesting is a
//! separate, known stack-overflow defect (issue 10, item 8) that a panic
//! hook cannot catch.
//!
//! Bounded by time: `MGEN_FRONTEND_FUZZ_SECS` (default 45) and iterations
//! (`MGEN_FRONTEND_FUZZ_ITERS`, default 200000); `MGEN_FRONTEND_FUZZ_SEED`
//! picks another deterministic sequence. Crashing inputs are written to
//! `target/frontend-fuzz/` and listed in the failure.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["qemu-tests", "qemu-tests-pending", "tests/compile-fail"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().map(|x| x == "py").unwrap_or(false) {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Splits source into tokens: identifier/number runs, whitespace runs,
/// string literals (roughly) and single punctuation characters.
fn tokens(s: &str) -> Vec<String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let start = i;
        if c.is_alphanumeric() || c == '_' {
            while i < cs.len() && (cs[i].is_alphanumeric() || cs[i] == '_' || cs[i] == '.') {
                i += 1;
            }
        } else if c == ' ' || c == '\t' {
            while i < cs.len() && (cs[i] == ' ' || cs[i] == '\t') {
                i += 1;
            }
        } else if c == '"' || c == '\'' {
            i += 1;
            while i < cs.len() && cs[i] != c && cs[i] != '\n' {
                i += 1;
            }
            i = (i + 1).min(cs.len());
        } else {
            i += 1;
        }
        out.push(cs[start..i].iter().collect());
    }
    out
}

const NOISE: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "<",
    ">",
    "<=",
    "!=",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    "not",
    "and",
    "or",
    "in",
    "is",
    "if",
    "else",
    "elif",
    "for",
    "while",
    "def",
    "return",
    "lambda",
    "yield",
    "pass",
    "break",
    "continue",
    "global",
    "nonlocal",
    "del",
    "assert",
    "class",
    "try",
    "except",
    "raise",
    "import",
    "from",
    "with",
    "as",
    "async",
    "await",
    "None",
    "True",
    "False",
    "0",
    "1",
    "-1",
    "1.5",
    "1e308",
    "9223372036854775807",
    "-9223372036854775808",
    "0x7f",
    "1_000",
    "'s'",
    "\"\"",
    "f'{x}'",
    "f'{x:>{w}}'",
    "b'x'",
    "...",
    "@",
    "->",
    ";",
    "\\",
    "\n",
    "\n    ",
    "\t",
    " ",
    "#",
    "x",
    "xs",
    "main",
    "print",
    "len",
    "range",
    "sorted",
    "int",
    "float",
    "str",
    "bool",
    "list",
    "dict",
    "set",
    "tuple",
    "list[int]",
    "dict[str, int]",
    "set[str]",
    "tuple[int, str]",
    "tuple[int, ...]",
    "list[list[float]]",
    "Optional[int]",
    "object",
    "type",
    "zip",
    "enumerate",
    "min",
    "max",
    "sum",
    "__name__",
    "é",
    "\u{1F600}",
    "*args",
    "**kw",
    "x: int",
    ":=",
    "match",
    "case",
    "_",
];

const BYTES: &[u8] = b"()[]{}:,.=+-*/%<>!'\"\n\t #\\0123456789abcxyz_@;&|^~";

fn mutate(rng: &mut Rng, src: &str, corpus: &[String]) -> String {
    match rng.below(8) {
        0 => {
            // byte flips (kept valid UTF-8 by working on ASCII positions)
            let mut b = src.as_bytes().to_vec();
            for _ in 0..1 + rng.below(4) {
                if b.is_empty() {
                    break;
                }
                let i = rng.below(b.len());
                if b[i].is_ascii() {
                    b[i] = *rng.pick(BYTES);
                }
            }
            String::from_utf8(b).unwrap_or_else(|_| src.to_string())
        }
        1 => {
            // truncation
            let cs: Vec<char> = src.chars().collect();
            let n = rng.below(cs.len() + 1);
            cs[..n].iter().collect()
        }
        2 | 3 => {
            // token deletion / duplication / swap / replacement
            let mut t = tokens(src);
            for _ in 0..1 + rng.below(3) {
                if t.len() < 2 {
                    break;
                }
                let i = rng.below(t.len());
                let j = rng.below(t.len());
                match rng.below(4) {
                    0 => {
                        t.remove(i);
                    }
                    1 => {
                        let x = t[i].clone();
                        t.insert(i, x);
                    }
                    2 => t.swap(i, j),
                    _ => t[i] = rng.pick(NOISE).to_string(),
                }
            }
            t.concat()
        }
        4 | 5 => {
            // splice lines from another file (indented as found, or re-indented)
            let other = rng.pick(corpus);
            let olines: Vec<&str> = other.lines().collect();
            let mut lines: Vec<String> = src.lines().map(String::from).collect();
            if olines.is_empty() {
                return src.to_string();
            }
            let a = rng.below(olines.len());
            let n = 1 + rng.below(6);
            let chunk: Vec<String> = olines[a..(a + n).min(olines.len())]
                .iter()
                .map(|l| {
                    if rng.chance(30) {
                        format!("    {l}")
                    } else if rng.chance(20) {
                        l.trim_start().to_string()
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            let at = rng.below(lines.len() + 1);
            for (k, l) in chunk.into_iter().enumerate() {
                lines.insert(at + k, l);
            }
            lines.join("\n") + "\n"
        }
        6 => {
            // random identifiers and types for identifiers
            let mut t = tokens(src);
            for _ in 0..1 + rng.below(4) {
                let idx: Vec<usize> = (0..t.len())
                    .filter(|&k| {
                        t[k].chars()
                            .next()
                            .map(|c| c.is_alphabetic())
                            .unwrap_or(false)
                    })
                    .collect();
                if idx.is_empty() {
                    break;
                }
                let k = *rng.pick(&idx);
                t[k] = rng.pick(NOISE).to_string();
            }
            t.concat()
        }
        _ => {
            // line deletion / duplication / swap
            let mut lines: Vec<String> = src.lines().map(String::from).collect();
            if lines.len() < 2 {
                return src.to_string();
            }
            let i = rng.below(lines.len());
            let j = rng.below(lines.len());
            match rng.below(3) {
                0 => {
                    lines.remove(i);
                }
                1 => {
                    let l = lines[i].clone();
                    lines.insert(j, l);
                }
                _ => lines.swap(i, j),
            }
            lines.join("\n") + "\n"
        }
    }
}

/// Mutants stay below the known deep-nesting stack overflow (issue 10, 8).
fn shallow(s: &str) -> bool {
    let mut depth: i32 = 0;
    let mut unary_run = 0;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth > 40 {
            return false;
        }
        if c == '-' || c == '~' || c == '+' {
            unary_run += 1;
            if unary_run > 40 {
                return false;
            }
        } else if c != ' ' {
            unary_run = 0;
        }
    }
    s.lines().all(|l| {
        let ind = l.len() - l.trim_start().len();
        ind < 160 && l.matches(" not ").count() < 40 && l.matches('+').count() < 200
    }) && s.len() < 200_000
}

/// front end (parse, modules) -> check -> (if it type-checks) lower, as `mgen build` runs them.
/// Returns how far the mutant got (0 parse error, 1 check error, 2 lowered).
fn front_end(src: &str, target: &mgen::target::Target) -> usize {
    // The entry file's directory is the import root: one that does not
    // exist, so the mutants' imports find nothing on disk.
    let entry = Path::new("/nonexistent-mgen-frontend-fuzz/fuzz.py");
    let (graph, load_errors) = match mgen::front::load(entry, "fuzz.py", src.to_string()) {
        Ok(g) => g,
        Err(_) => return 0,
    };
    let program = match mgen::check::check(&graph, "fuzz.py") {
        Ok(p) if load_errors.is_empty() => p,
        _ => return 1,
    };
    let ctx = inkwell::context::Context::create();
    let mut mir = mgen::mir::build::build(&program);
    mgen::mir::refcount::run(&mut mir);
    mgen::mir::simplify::run(&mut mir);
    let opts = mgen::codegen::LowerOptions {
        target,
        debug: false,
        source_dir: ".".into(),
        source_name: "fuzz.py".into(),
        optimized: false,
    };
    let _ = mgen::codegen::generate(&ctx, &mir, &opts);
    2
}

#[test]
fn no_input_crashes_the_front_end() {
    // mgen's own thread has the main thread's 8 MiB; so does this one.
    let h = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(run)
        .unwrap();
    h.join().unwrap();
}

fn run() {
    let secs = env_num("MGEN_FRONTEND_FUZZ_SECS", 45);
    let iters = env_num("MGEN_FRONTEND_FUZZ_ITERS", 200_000);
    let seed = env_num("MGEN_FRONTEND_FUZZ_SEED", 0x6d67_656e_2d66_757a);
    let corpus = corpus();
    assert!(corpus.len() > 20, "corpus not found");
    let target =
        mgen::target::resolve(&mgen::target::host_name().unwrap()).expect("host descriptor");

    let last_panic: Arc<Mutex<String>> = Arc::new(Mutex::new(String::new()));
    let lp = last_panic.clone();
    let prev_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let loc = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        *lp.lock().unwrap() = format!("{msg} at {loc}");
    }));

    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let mut failures: Vec<(String, String)> = Vec::new();
    let mut seen_msgs = std::collections::HashSet::new();
    let (mut n, mut skipped) = (0u64, 0u64);
    let mut reached = [0u64; 3];
    while n < iters && start.elapsed() < Duration::from_secs(secs) {
        let base = rng.pick(&corpus).clone();
        let mut m = base.clone();
        for _ in 0..1 + rng.below(3) {
            m = mutate(&mut rng, &m, &corpus);
        }
        if !shallow(&m) {
            skipped += 1;
            continue;
        }
        n += 1;
        let r = panic::catch_unwind(AssertUnwindSafe(|| front_end(&m, &target)));
        if let Ok(stage) = r {
            reached[stage] += 1;
        } else {
            let msg = last_panic.lock().unwrap().clone();
            if seen_msgs.insert(msg.clone()) {
                failures.push((msg, m));
            }
        }
    }
    panic::set_hook(prev_hook);
    eprintln!(
        "frontend_fuzz: {n} mutants in {:.1}s ({skipped} too deep, skipped): {} syntax errors, \
         {} type errors, {} lowered; {} distinct panics",
        start.elapsed().as_secs_f64(),
        reached[0],
        reached[1],
        reached[2],
        failures.len()
    );
    if !failures.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/frontend-fuzz");
        std::fs::create_dir_all(&dir).unwrap();
        let mut report = String::new();
        for (i, (msg, src)) in failures.iter().enumerate() {
            let p = dir.join(format!("panic-{i}.py"));
            std::fs::write(&p, src).unwrap();
            report.push_str(&format!("  {}: {msg}\n", p.display()));
        }
        panic!(
            "{} distinct panics in the front end (inputs written):\n{report}",
            failures.len()
        );
    }
}
