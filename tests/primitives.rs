//! The primitives registry (src/primitives/) against the runtime's C
//! prototypes (runtime/mgen_rt.h): every row's C signature must be the one
//! clang-19 compiles the prototype to, on a 64-bit, a 32-bit and the wasm
//! target, and every row that the header marks as raising must say so (its
//! caller then has an error edge). A mismatch is a miscompile waiting for a
//! target where it matters (an i32 read as an i64, a bool as a byte).

use mgen::primitives::{rows, Arg, Ret, Row, C};
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

fn header() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/mgen_rt.h");
    std::fs::read_to_string(p).expect("runtime/mgen_rt.h")
}

/// The prototype of `sym` in the header (from its return type to the end
/// of its line after the `;`, so the raise mark is included), if declared.
fn prototype<'a>(h: &'a str, sym: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(k) = h[from..].find(sym) {
        let at = from + k;
        from = at + sym.len();
        let before = h[..at].chars().next_back().unwrap_or(' ');
        let after = h[at + sym.len()..].trim_start();
        if (before.is_alphanumeric() || before == '_') || !after.starts_with('(') {
            continue;
        }
        let line_start = h[..at].rfind('\n').map_or(0, |i| i + 1);
        if h[line_start..at].trim_start().starts_with("/*")
            || h[line_start..at].trim_start().starts_with('*')
            || h[line_start..at].contains("//")
        {
            continue;
        }
        let semi = at + h[at..].find(';')?;
        let end = semi + h[semi..].find('\n').unwrap_or(h.len() - semi);
        return Some(&h[line_start..end]);
    }
    None
}

#[test]
fn every_row_has_a_prototype_with_the_same_raise_mark() {
    let h = header();
    let mut problems = Vec::new();
    for r in rows() {
        let Some(p) = prototype(&h, r.sym) else {
            problems.push(format!("{}: no prototype in runtime/mgen_rt.h", r.sym));
            continue;
        };
        let header_raises = p.contains("raises ->") || p.contains("raises->");
        let never = p.contains("never raises");
        let fatal = p.contains("fatal");
        if !(header_raises || never || fatal) {
            problems.push(format!("{}: its prototype has no raise mark: {p}", r.sym));
        } else if header_raises && !r.raises {
            problems.push(format!(
                "{}: mgen_rt.h says it raises, its row says it does not (no error edge)",
                r.sym
            ));
        } else if never && r.raises {
            problems.push(format!(
                "{}: its row says it raises, mgen_rt.h says it never does",
                r.sym
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The LLVM IR type a registry C type is passed as.
fn ir(c: C) -> &'static str {
    match c {
        C::I64 => "i64",
        C::F64 => "double",
        C::Bool => "i1",
        C::I32 => "i32",
        C::Ptr => "ptr",
    }
}

fn expected(r: &Row) -> (String, Vec<&'static str>) {
    let ret = match r.ret {
        Ret::Void => "void".to_string(),
        Ret::Val(c) => ir(c).to_string(),
    };
    let params = r
        .args
        .iter()
        .map(|a| match a {
            Arg::Val(c, _) => ir(*c),
            Arg::Slot(_) | Arg::Desc(_) | Arg::Out => "ptr",
        })
        .collect();
    (ret, params)
}

/// The type in one LLVM parameter or return (attributes dropped).
fn ir_type(s: &str) -> String {
    const TYPES: [&str; 8] = ["i64", "i32", "i16", "i8", "i1", "double", "float", "ptr"];
    s.split_whitespace()
        .find(|t| TYPES.contains(t) || *t == "void")
        .unwrap_or(s.trim())
        .to_string()
}

/// `@sym -> (ret, params)` of every function declared or defined in `ll`.
fn signatures(ll: &str) -> HashMap<String, (String, Vec<String>)> {
    let mut m = HashMap::new();
    for line in ll.lines() {
        let Some(rest) = line
            .strip_prefix("declare ")
            .or_else(|| line.strip_prefix("define "))
        else {
            continue;
        };
        let Some(at) = rest.find(" @") else { continue };
        let open = at + rest[at..].find('(').unwrap();
        let name = rest[at + 2..open].trim_matches('"').to_string();
        let close = open + rest[open..].find(')').unwrap();
        let ret = ir_type(&rest[..at]);
        let params: Vec<String> = rest[open + 1..close]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(ir_type)
            .collect();
        m.insert(name, (ret, params));
    }
    m
}

#[test]
fn every_row_matches_its_c_prototype_as_clang_compiles_it() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("refs.c");
    let mut src = String::from("#include \"mgen_rt.h\"\nvoid *const mg_prim_refs[] = {\n");
    for r in rows() {
        src.push_str(&format!("  (void *)&{},\n", r.sym));
    }
    src.push_str("};\n");
    std::fs::write(&c, src).unwrap();
    let include = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime");
    let mut problems = Vec::new();
    for triple in [
        "x86_64-unknown-linux-gnu",
        "armv7-unknown-linux-gnueabihf",
        "wasm32-wasip1",
    ] {
        let out = Command::new("clang-19")
            .args([
                "-S",
                "-emit-llvm",
                "-O0",
                "-ffreestanding",
                "-target",
                triple,
                "-I",
            ])
            .arg(&include)
            .arg(&c)
            .arg("-o")
            .arg("-")
            .output()
            .expect("clang-19 (bash ci/setup.sh installs it)");
        assert!(
            out.status.success(),
            "clang-19 -target {triple}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let sigs = signatures(&String::from_utf8_lossy(&out.stdout));
        for r in rows() {
            let (ret, params) = expected(r);
            match sigs.get(r.sym) {
                None => problems.push(format!("{triple}: {} not declared by the header", r.sym)),
                Some((cret, cparams)) => {
                    if *cret != ret || *cparams != params {
                        problems.push(format!(
                            "{triple}: {}: row says {ret}({}), clang says {cret}({})",
                            r.sym,
                            params.join(", "),
                            cparams.join(", ")
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
