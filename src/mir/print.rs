//! The text form of MIR (`mgen build --emit mir`, golden tests).
//!
//! ```text
//! fn fib(%0 n: int) -> int  # line 3
//!   %1: bool
//!   ...
//! bb0:
//!   %1 = compare lt int %0, 2
//!   branch %1, bb1, bb2
//! bb1:
//!   return %0
//! bb3 (handler):
//!   traceback line 5
//!   propagate
//! ```

use super::*;
use std::fmt::{self, Write as _};

fn operand(p: &Program, o: &Operand) -> String {
    match o {
        Operand::Local(l) => format!("%{l}"),
        Operand::Global(g) => format!("@{}", p.globals[*g].name),
        Operand::Const(c) => match c {
            Const::Int(v) => v.to_string(),
            Const::Float(v) => format!("{v:?}"),
            Const::Bool(v) => if *v { "True" } else { "False" }.to_string(),
            Const::Str(s) => format!("{s:?}"),
            Const::CStr(s) => format!("c{s:?}"),
            Const::Zero(t) => format!("zero[{}]", t.name()),
        },
    }
}

fn list(p: &Program, os: &[Operand]) -> String {
    os.iter()
        .map(|o| operand(p, o))
        .collect::<Vec<_>>()
        .join(", ")
}

fn binop(op: &BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "truediv",
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::LShift => "shl",
        BinOp::RShift => "shr",
        BinOp::BitAnd => "and",
        BinOp::BitOr => "or",
        BinOp::BitXor => "xor",
    }
}

fn cmpop(op: &CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "eq",
        CmpOp::Ne => "ne",
        CmpOp::Lt => "lt",
        CmpOp::Le => "le",
        CmpOp::Gt => "gt",
        CmpOp::Ge => "ge",
    }
}

pub fn op(p: &Program, o: &Op) -> String {
    let ol = |x: &Operand| operand(p, x);
    match o {
        Op::Move(a) => ol(a),
        Op::Call(f, _, _) if p.functions[*f].chunk => format!("call chunk {f} of <module>"),
        Op::Call(f, args, 0) => format!("call {}({})", p.functions[*f].name, list(p, args)),
        Op::Call(f, args, k) => format!(
            "call {}({}) depth +{k}",
            p.functions[*f].name,
            list(p, args)
        ),
        Op::Prim(id, args) => format!("{}({})", crate::primitives::row(*id).sym, list(p, args)),
        Op::IntBin(b, x, y) => format!("int.{} {}, {}", binop(b), ol(x), ol(y)),
        Op::FloatBin(b, x, y) => format!("float.{} {}, {}", binop(b), ol(x), ol(y)),
        Op::IntNeg(a) => format!("int.neg {}", ol(a)),
        Op::IntInvert(a) => format!("int.invert {}", ol(a)),
        Op::FloatNeg(a) => format!("float.neg {}", ol(a)),
        Op::IntAbs(a) => format!("int.abs {}", ol(a)),
        Op::FloatAbs(a) => format!("float.abs {}", ol(a)),
        Op::Compare(c, x, y) => format!("compare {} {}, {}", cmpop(c), ol(x), ol(y)),
        Op::Not(a) => format!("not {}", ol(a)),
        Op::ToFloat(a) => format!("to_float {}", ol(a)),
        Op::BoolToInt(a) => format!("bool_to_int {}", ol(a)),
        Op::Truthy(a) => format!("truthy {}", ol(a)),
        Op::TupleNew(fs) => format!("tuple({})", list(p, fs)),
        Op::TupleGet(t, i) => format!("{}.{i}", ol(t)),
        Op::Len(a) => format!("len {}", ol(a)),
        Op::Index(a, i) => format!("{}[{}]", ol(a), ol(i)),
        Op::ListGetUnchecked(a, i) => format!("{}[{}] unchecked", ol(a), ol(i)),
        Op::IntIncr(a) => format!("int.incr {}", ol(a)),
        Op::RangeLast(a, n, st) => format!("range.last {}, {}, {}", ol(a), ol(n), ol(st)),
        Op::RangeAdvance(v, st, stop) => {
            format!("range.advance {}, {}, {}", ol(v), ol(st), ol(stop))
        }
        Op::SetItem(o, i, v) => format!("{}[{}] = {}", ol(o), ol(i), ol(v)),
        Op::ReplaceItem(o, i, v) => format!("{}[{}] = {} replace", ol(o), ol(i), ol(v)),
        Op::IterNext {
            kind,
            obj,
            pos,
            elem,
        } => format!("next {kind:?} {}, pos %{pos} -> %{elem}", ol(obj)),
        Op::IsNull(a) => format!("is_null {}", ol(a)),
        Op::StoreGlobal(g, v) => format!("@{} = {}", p.globals[*g].name, ol(v)),
        Op::TakeGlobal(g) => format!("take @{}", p.globals[*g].name),
        Op::DictGet {
            dict,
            key,
            default,
            set,
        } => format!(
            "dict.{} {}, {}, {}",
            if *set { "setdefault" } else { "get" },
            ol(dict),
            ol(key),
            ol(default)
        ),
        Op::DictPop { dict, key, default } => match default {
            Some(d) => format!("dict.pop {}, {}, {}", ol(dict), ol(key), ol(d)),
            None => format!("dict.pop {}, {}", ol(dict), ol(key)),
        },
        Op::StrFormat(f, args) => format!("str.format {}({})", ol(f), list(p, args)),
        Op::FrozenSetCached(id) => format!("frozenset.cached {id}"),
        Op::FrozenSetStore(id, v) => format!("frozenset.store {id}, {}", ol(v)),
        Op::Concat(parts) => format!("concat({})", list(p, parts)),
        Op::Raise { exc, msg } => match msg {
            Some(m) => format!("raise {exc}({m:?})"),
            None => format!("raise {exc}"),
        },
        Op::RaiseStr { exc, msg } => format!("raise {exc}({})", ol(msg)),
        Op::RecursionCheck { levels, offset } => {
            format!("recursion_check +{offset} {levels:?}")
        }
        Op::Traceback => "traceback".to_string(),
        Op::IncRef(a) => format!("incref {}", ol(a)),
        Op::DecRef(a) => format!("decref {}", ol(a)),
    }
}

pub fn function(p: &Program, f: &Function, out: &mut String) -> fmt::Result {
    let params: Vec<String> = f
        .params
        .iter()
        .map(|&l| {
            format!(
                "%{l} {}: {}",
                f.locals[l].name.as_deref().unwrap_or("_"),
                f.locals[l].ty.name()
            )
        })
        .collect();
    writeln!(
        out,
        "fn {}({}) -> {}  # line {}{}",
        f.name,
        params.join(", "),
        f.ret.name(),
        f.line,
        if f.chunk { ", a chunk of <module>" } else { "" }
    )?;
    for (i, l) in f.locals.iter().enumerate() {
        if f.params.contains(&i) {
            continue;
        }
        match (&l.kind, &l.name) {
            (LocalKind::Var, Some(n)) => writeln!(out, "  %{i} {n}: {}", l.ty.name())?,
            _ => writeln!(out, "  %{i}: {}", l.ty.name())?,
        }
    }
    for (b, blk) in f.blocks.iter().enumerate() {
        if blk.is_handler {
            writeln!(out, "bb{b} (handler):")?;
        } else {
            writeln!(out, "bb{b}:")?;
        }
        for inst in &blk.insts {
            let mut s = String::new();
            if let Some(d) = inst.dst {
                write!(s, "%{d} = ")?;
            }
            s.push_str(&op(p, &inst.op));
            if let Some(e) = inst.err {
                write!(s, " [err bb{e}]")?;
            }
            writeln!(out, "  {s}  # {}", inst.line)?;
        }
        let t = match &blk.term {
            Term::Goto(b) => format!("goto bb{b}"),
            Term::Branch(c, a, b) => format!("branch {}, bb{a}, bb{b}", operand(p, c)),
            Term::Return(Some(v)) => format!("return {}", operand(p, v)),
            Term::Return(None) => "return".to_string(),
            Term::Propagate => "propagate".to_string(),
            Term::Unreachable => "unreachable".to_string(),
        };
        writeln!(out, "  {t}")?;
    }
    Ok(())
}

pub fn program(p: &Program, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut out = String::new();
    for g in &p.globals {
        writeln!(out, "global @{}: {}", g.name, g.ty.name())?;
    }
    for func in &p.functions {
        out.push('\n');
        function(p, func, &mut out)?;
    }
    f.write_str(&out)
}
