//! CPython's recursion limit, counted as CPython counts it.
//!
//! CPython 3.11 has one counter for Python frames and for the C-level
//! recursion checks of its runtime (`_Py_EnterRecursiveCall`): calling a
//! builtin function or method through the generic call path, `str()` and
//! `repr()` of an object (and each element of a container's repr), a rich
//! comparison, a comprehension's or generator's frame. Each check needs one
//! more level than the code running it; past the limit (1000) it raises
//! `RecursionError: maximum recursion depth exceeded` followed by the
//! check's own words (" while calling a Python object", " while getting
//! the str of an object", " in comparison"). So near the limit a program
//! fails one or two frames earlier than its Python frames alone would say,
//! and the last line of its traceback names the operation.
//!
//! This module says, for an expression or statement of the typed IR, which
//! checks CPython makes while evaluating it, in order, each at a level
//! relative to the running frame (`Checks`). What is checked follows 3.11's
//! specializing interpreter once warmed up (a recursion runs each operation
//! many times before reaching the limit): `len()`, `list.append`, `dict.get`
//! or an int comparison that jumps do not check; `str.upper()`, `abs()` or a
//! comparison used as a value do. `tests/recursion_limit.rs` compares the
//! outcome with python3 for ~200 operations.
//!
//! The lowering emits one comparison of the frame's depth per statement
//! (and per conditionally evaluated part) with these checks, raising with
//! the message of the first check that is over the limit
//! (`Lowerer::recursion_check`).

use crate::ir::*;

/// Why CPython checks the recursion limit (the message suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Why {
    Str,
    Repr,
    Call,
    Cmp,
    /// A Python frame of CPython's own (comprehension, generator, lambda)
    Frame,
    /// A call of one of the program's functions: its own entry check
    /// raises the same error
    UserCall,
}

impl Why {
    pub(crate) fn suffix(self) -> &'static str {
        match self {
            Why::Str => " while getting the str of an object",
            Why::Repr => " while getting the repr of an object",
            Why::Call => " while calling a Python object",
            Why::Cmp => " in comparison",
            Why::Frame | Why::UserCall => "",
        }
    }
}

/// Checks in execution order: (level above the running frame, why).
pub(crate) type Checks = Vec<(u32, Why)>;

fn at(level: u32, why: Why) -> Checks {
    vec![(level, why)]
}

fn shift(c: Checks, by: u32) -> Checks {
    c.into_iter().map(|(l, w)| (l + by, w)).collect()
}

/// The message per level: level j (1-based) fails with the first check at
/// level >= j. Empty when nothing is checked.
pub(crate) fn per_level(c: &Checks) -> Vec<Why> {
    let k = c.iter().map(|&(l, _)| l).max().unwrap_or(0);
    (1..=k)
        .map(|j| c.iter().find(|&&(l, _)| l >= j).unwrap().1)
        .collect()
}

/// Nested reprs of a container's elements (`list_repr` calls
/// `PyObject_Repr` on each; a set's repr goes through a list of its keys).
fn repr_tail(t: &Ty, base: u32) -> Checks {
    match t {
        Ty::List(e) => {
            let mut c = at(base + 1, Why::Repr);
            c.extend(repr_tail(e, base + 1));
            c
        }
        Ty::Tuple(fs) => {
            let mut c = Checks::new();
            for f in fs {
                c.push((base + 1, Why::Repr));
                c.extend(repr_tail(f, base + 1));
            }
            c
        }
        Ty::Dict(k, v) => {
            let mut c = at(base + 1, Why::Repr);
            c.extend(repr_tail(k, base + 1));
            c.push((base + 1, Why::Repr));
            c.extend(repr_tail(v, base + 1));
            c
        }
        Ty::Set(e) => {
            let mut c = vec![(base + 1, Why::Repr), (base + 2, Why::Repr)];
            c.extend(repr_tail(e, base + 2));
            c
        }
        _ => vec![],
    }
}

/// `PyObject_Str(x)`: nothing for a str, else one level and the repr of
/// the contents.
fn str_of(t: &Ty) -> Checks {
    match t {
        Ty::Str => vec![],
        Ty::Int | Ty::Float | Ty::Bool | Ty::None => at(1, Why::Str),
        _ => {
            let mut c = at(1, Why::Str);
            c.extend(repr_tail(t, 1));
            c
        }
    }
}

/// `repr(x)`: the builtin's call, `PyObject_Repr`, then the contents.
fn repr_builtin(t: &Ty) -> Checks {
    let mut c = vec![(1, Why::Call), (2, Why::Repr)];
    c.extend(repr_tail(t, 2));
    c
}

/// One replacement field of an f-string (FORMAT_VALUE).
fn fstring_part(p: &Expr) -> Checks {
    match &p.kind {
        ExprKind::Builtin(Builtin::Str, a) => match &a[0].ty {
            // PyObject_Format's fast path for an exact int: PyObject_Str.
            Ty::Int => at(1, Why::Str),
            Ty::Str => vec![],
            // float.__format__ (and bool's) with an empty spec: a method
            // call, then PyObject_Str.
            t => {
                let mut c = vec![(1, Why::Call), (2, Why::Str)];
                c.extend(repr_tail(t, 2));
                c
            }
        },
        ExprKind::Builtin(Builtin::Repr, a) => {
            let mut c = at(1, Why::Repr);
            c.extend(repr_tail(&a[0].ty, 1));
            c
        }
        ExprKind::Builtin(Builtin::Format, _) => at(1, Why::Call),
        _ => vec![],
    }
}

/// A comparison `l op r` of values of type `t` (COMPARE_OP). Followed by a
/// jump, ints and floats (and str ==, !=) are specialized and not checked.
pub(crate) fn compare(t: &Ty, op: CmpOp, jump: bool) -> Checks {
    match t {
        Ty::Int | Ty::Float if jump => vec![],
        Ty::Str if jump && matches!(op, CmpOp::Eq | CmpOp::Ne) => vec![],
        Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::None => at(1, Why::Cmp),
        Ty::List(e) | Ty::Set(e) => {
            let mut c = at(1, Why::Cmp);
            c.extend(shift(compare(e, CmpOp::Eq, false), 1));
            c
        }
        Ty::Dict(_, v) => {
            let mut c = at(1, Why::Cmp);
            c.extend(shift(compare(v, CmpOp::Eq, false), 1));
            c
        }
        Ty::Tuple(fs) => {
            let mut c = at(1, Why::Cmp);
            if let Some(f) = fs.first() {
                c.extend(shift(compare(f, CmpOp::Eq, false), 1));
            }
            c
        }
    }
}

/// What creating the iterator of `it` checks (after evaluating its
/// expressions): `range()` compares its step, `zip` and `reversed` are
/// called through tp_call, `d.items()` is a method call, a generator
/// expression's function call makes a frame.
pub(crate) fn iter_creation(it: &Iter) -> Checks {
    let mut c = Checks::new();
    match &it.kind {
        IterKind::Range(a, b, s) => {
            c.extend(combined(a, false));
            c.extend(combined(b, false));
            c.extend(combined(s, false));
            c.push((1, Why::Cmp));
        }
        IterKind::RangeRev(a, b, s) => {
            c.extend(combined(a, false));
            c.extend(combined(b, false));
            c.extend(combined(s, false));
            c.push((1, Why::Cmp));
            c.push((1, Why::Call));
        }
        IterKind::DictValues(e) | IterKind::DictItems(e) | IterKind::Reversed(e) => {
            c.extend(combined(e, false));
            c.push((1, Why::Call));
        }
        IterKind::List(e)
        | IterKind::Tuple(e)
        | IterKind::Str(e)
        | IterKind::DictKeys(e)
        | IterKind::Set(e) => c.extend(combined(e, false)),
        IterKind::Enumerate(inner, start) => {
            c.extend(iter_creation(inner));
            c.extend(combined(start, false));
        }
        IterKind::Zip(its) => {
            for i in its {
                c.extend(iter_creation(i));
            }
            c.push((1, Why::Call));
        }
        IterKind::Gen { gens, .. } => {
            c.extend(iter_creation(&gens[0].iter));
            c.push((1, Why::Frame));
        }
    }
    c
}

fn is_gen(it: &Iter) -> bool {
    it.is_push_only()
}

/// The checks of a method call, after its arguments are evaluated. By the
/// method's calling convention in CPython: METH_NOARGS / METH_O /
/// METH_VARARGS methods are called through a checked path, METH_FASTCALL
/// ones are specialized.
fn method(m: Method, args: &[Expr]) -> Checks {
    use Method as M;
    let elem_cmp = |t: &Ty| match t {
        Ty::List(e) | Ty::Set(e) => compare(e, CmpOp::Eq, false),
        _ => at(1, Why::Cmp),
    };
    match m {
        M::ListAppend
        | M::ListPop
        | M::ListInsert
        | M::ListSort
        | M::DictGet
        | M::DictSetDefault
        | M::DictPop
        // the set operators (`a | b` lowers to these too) are not calls
        | M::SetOr
        | M::SetAnd
        | M::SetSub
        | M::SetXor => vec![],
        // a set display merged from a constant is no call
        M::SetCopy if matches!(args[0].kind, ExprKind::FrozenSet { .. }) => vec![],
        M::ListRemove | M::ListIndex => elem_cmp(&args[0].ty),
        M::ListCount => {
            let mut c = at(1, Why::Call);
            c.extend(shift(elem_cmp(&args[0].ty), 1));
            c
        }
        M::Str(name) => {
            let n = name.strip_prefix("mg_str_").unwrap_or(name);
            let fast = [
                "split", "rsplit", "replace", "strip", "lstrip", "rstrip", "center", "ljust",
                "rjust", "splitlines", "expandtabs",
            ];
            if fast.iter().any(|f| n == *f || n.starts_with(&format!("{f}_"))) {
                vec![]
            } else {
                at(1, Why::Call)
            }
        }
        _ => at(1, Why::Call),
    }
}

fn reduce(op: Reduce, iter: &Iter, key: bool) -> Checks {
    let g = is_gen(iter);
    let mut c = Checks::new();
    match op {
        Reduce::List | Reduce::Set | Reduce::Sum => {
            if g {
                c.push((1, Why::Frame));
            }
        }
        Reduce::Sorted => {
            if g {
                c.push((1, Why::Frame));
            }
            c.push((1, Why::Call));
            if key {
                c.push((2, Why::Frame));
            }
        }
        Reduce::Min | Reduce::Max => {
            c.push((1, Why::Call));
            if g {
                c.push((2, Why::Frame));
            }
            if key {
                c.push((2, Why::Frame));
            }
            // The comparisons (from the second element on) are checked in
            // the loop.
        }
        Reduce::Any | Reduce::All => {
            c.push((1, Why::Call));
            if g {
                c.push((2, Why::Frame));
            }
        }
    }
    c
}

/// The level a consumer runs a generator expression's frame at (its body
/// runs there): 1 when a builtin that itself checks drives it (any, min,
/// max), else 0.
pub(crate) fn gen_consumer_level(op: Reduce) -> u32 {
    match op {
        Reduce::Min | Reduce::Max | Reduce::Any | Reduce::All => 1,
        _ => 0,
    }
}

/// Every check made evaluating `e` unconditionally (operands first, in
/// CPython's order; parts evaluated only sometimes -- the right side of
/// `and`, a branch of `x if c else y`, a comprehension's body -- are
/// checked where they run). `jump`: `e` is a condition that jumps.
pub(crate) fn combined(e: &Expr, jump: bool) -> Checks {
    use ExprKind as K;
    let mut c = Checks::new();
    match &e.kind {
        K::Int(_) | K::Float(_) | K::Bool(_) | K::Str(_) | K::Load(_) | K::NullStr => {}
        K::FrozenSet { .. } => {}
        K::And(a, _) | K::Or(a, _) => c = combined(a, jump),
        K::Not(a) => c = combined(a, jump),
        K::IfExp(t, _, _) => c = combined(t, true),
        K::Compare(l, pairs) => {
            c.extend(combined(l, false));
            let mut lt = &l.ty;
            for (op, r) in pairs {
                c.extend(combined(r, false));
                c.extend(compare(lt, *op, jump));
                lt = &r.ty;
            }
        }
        K::Call(_, args) => {
            for a in args {
                c.extend(combined(a, false));
            }
            c.push((1, Why::UserCall));
        }
        K::Builtin(b, args) => {
            for a in args {
                c.extend(combined(a, false));
            }
            c.extend(match b {
                Builtin::Str => str_of(&args[0].ty),
                Builtin::Repr => repr_builtin(&args[0].ty),
                Builtin::Len | Builtin::FloatFromStr => vec![],
                Builtin::Max | Builtin::Min => {
                    let mut m = at(1, Why::Call);
                    m.extend(shift(compare(&args[0].ty, CmpOp::Lt, false), 1));
                    m
                }
                _ => at(1, Why::Call),
            });
        }
        K::Concat(parts) => {
            for p in parts {
                for a in p.children() {
                    c.extend(combined(a, false));
                }
                c.extend(fstring_part(p));
            }
        }
        K::FormatCall(parts) => {
            for p in parts {
                for a in p.children() {
                    c.extend(combined(a, false));
                }
            }
            c.push((1, Why::Call));
        }
        K::Method(m, args) => {
            for a in args {
                c.extend(combined(a, false));
            }
            c.extend(method(*m, args));
        }
        K::In {
            item, container, ..
        } => {
            c.extend(combined(item, false));
            c.extend(combined(container, false));
            match &container.ty {
                Ty::List(t) => c.extend(compare(t, CmpOp::Eq, false)),
                Ty::Tuple(ts) if !ts.is_empty() => c.extend(compare(&ts[0], CmpOp::Eq, false)),
                _ => {}
            }
        }
        K::InRange {
            item,
            start,
            stop,
            step,
            ..
        } => {
            for x in [item, start, stop, step] {
                c.extend(combined(x, false));
            }
            c.push((1, Why::Cmp));
            c.push((1, Why::Cmp));
        }
        K::Comp { gens, .. } => {
            c.extend(iter_creation(&gens[0].iter));
            c.push((1, Why::Frame));
        }
        K::Reduce {
            op,
            iter,
            key,
            reverse,
            start,
        } => {
            c.extend(iter_creation(iter));
            for x in reverse.iter().chain(start.iter()) {
                c.extend(combined(x, false));
            }
            c.extend(reduce(*op, iter, key.is_some()));
        }
        K::SortBy { list, key, reverse } => {
            c.extend(combined(list, false));
            c.extend(combined(reverse, false));
            // Without keyword arguments list.sort() is specialized.
            if key.is_some() || !matches!(reverse.kind, K::Bool(false)) {
                c.push((1, Why::Call));
            }
            if key.is_some() {
                c.push((2, Why::Frame));
            }
        }
        K::StrFormat(f, args) => {
            c.extend(combined(f, false));
            for a in args {
                c.extend(combined(a, false));
            }
            c.push((1, Why::Call));
        }
        _ => {
            for a in e.children() {
                c.extend(combined(a, false));
            }
        }
    }
    c
}

/// `print(args)`: every argument, then for each its str and the file's
/// write (a method call that calls the buffer's), the separator's and the
/// end's writes.
pub(crate) fn print(args: &[Expr], sep: Option<&Expr>, end: Option<&Expr>) -> Checks {
    let write = [(1, Why::Call), (2, Why::Call)];
    let mut c = Checks::new();
    for a in args.iter().chain(sep).chain(end) {
        c.extend(combined(a, false));
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            c.extend(write);
        }
        c.extend(str_of(&a.ty));
        c.extend(write);
    }
    c.extend(write);
    c
}

/// The checks a statement makes before its nested blocks run.
pub(crate) fn stmt(s: &Stmt) -> Checks {
    use StmtKind as S;
    match &s.kind {
        S::Expr(e) | S::Assign(_, e) | S::Return(Some(e)) => combined(e, false),
        S::MultiAssign(pairs) => pairs.iter().flat_map(|(_, e)| combined(e, false)).collect(),
        S::SetItem { obj, index, value } => [value, obj, index]
            .into_iter()
            .flat_map(|e| combined(e, false))
            .collect(),
        S::AugSetItem {
            obj, index, value, ..
        } => [obj, index, value]
            .into_iter()
            .flat_map(|e| combined(e, false))
            .collect(),
        S::DelItem { obj, index } => [obj, index]
            .into_iter()
            .flat_map(|e| combined(e, false))
            .collect(),
        S::DelSlice { obj, lo, hi, step } => std::iter::once(obj)
            .chain(lo.iter())
            .chain(hi.iter())
            .chain(step.iter())
            .flat_map(|e| combined(e, false))
            .collect(),
        S::SetSlice {
            obj,
            lo,
            hi,
            step,
            value,
        } => std::iter::once(value)
            .chain(std::iter::once(obj))
            .chain(lo.iter())
            .chain(hi.iter())
            .chain(step.iter())
            .flat_map(|e| combined(e, false))
            .collect(),
        S::If(test, _, _) => combined(test, true),
        S::For { iter, .. } => iter_creation(iter),
        S::Assert(test, _) => combined(test, true),
        S::Print { args, sep, end } => print(args, sep.as_ref(), end.as_ref()),
        // The test of a while loop is checked where it runs (each time).
        S::While { .. } | S::Break | S::Continue | S::Return(None) | S::Pass => vec![],
    }
}
