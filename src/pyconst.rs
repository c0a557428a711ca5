//! CPython's compile-time constants, as far as they decide what a program
//! prints: which set displays CPython 3.11 turns into frozenset constants,
//! and which earlier constant each one is merged with.
//!
//! A set's iteration order depends on the order its elements were inserted
//! and on the table sizes it went through, so CPython's constant handling is
//! visible in output:
//! - the AST optimizer (`Python/ast_opt.c`) folds constant expressions
//!   (`24 + 0`, `-7`, `(1, 2)`), and turns an all-constant set display that
//!   is iterated (`for x in {..}`, a comprehension's `in {..}`) or tested
//!   (`x in {..}`, the last comparison of a chain) into a frozenset constant;
//! - the compiler (`starunpack_helper` in `Python/compile.c`) builds any other
//!   display of three or more constants as `BUILD_SET 0; LOAD_CONST
//!   frozenset; SET_UPDATE`;
//! - every constant goes through `merge_consts_recursive`, which keeps the
//!   first constant of each value (`_PyCode_ConstantKey`) for the whole
//!   module and rebuilds a frozenset from its own iteration order the first
//!   time. A later display equal as a set gets the earlier one's frozenset,
//!   whatever its own element order.
//!
//! `frozen_sets` replays that over the module in CPython's compile order and
//! tells `check`, for each such display, which constant it is and the
//! elements of that constant's first occurrence (see `FrozenUse`). The
//! runtime then builds the constant the way CPython does (`mg_set_freeze`).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;
use std::collections::HashMap;

/// A constant value as CPython's AST optimizer computes it.
#[derive(Debug, Clone, PartialEq)]
pub enum PyConst {
    Int(i128),
    Float(f64),
    Bool(bool),
    Str(String),
    None,
    Tuple(Vec<PyConst>),
}

/// `_PyCode_ConstantKey`: constants merge only when their keys are equal.
/// Ints, bools and floats stay apart (`1`, `True`, `1.0`), as do `0.0` and
/// `-0.0`; a NaN equals nothing (each NaN constant is its own object).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Int(i128),
    Bool(bool),
    Float(u64),
    /// NaN: unique per occurrence
    Nan(usize),
    Str(String),
    None,
    Tuple(Vec<Key>),
}

const MAX_INT_BITS: u32 = 128; // ast_opt.c MAX_INT_SIZE
const MAX_COLLECTION_SIZE: i128 = 256;
const MAX_STR_SIZE: i128 = 4096;
const MAX_TOTAL_ITEMS: i128 = 1024;

fn bits(v: i128) -> u32 {
    128 - v.unsigned_abs().leading_zeros()
}

impl PyConst {
    fn truthy(&self) -> bool {
        match self {
            PyConst::Int(v) => *v != 0,
            PyConst::Float(f) => *f != 0.0,
            PyConst::Bool(b) => *b,
            PyConst::Str(s) => !s.is_empty(),
            PyConst::None => false,
            PyConst::Tuple(t) => !t.is_empty(),
        }
    }

    /// The value as an int where Python treats it as one (bool is an int).
    fn as_int(&self) -> Option<i128> {
        match self {
            PyConst::Int(v) => Some(*v),
            PyConst::Bool(b) => Some(*b as i128),
            _ => None,
        }
    }

    fn as_float(&self) -> Option<f64> {
        match self {
            PyConst::Float(f) => Some(*f),
            PyConst::Int(v) => {
                // int -> float conversion fails (OverflowError) beyond f64.
                let f = *v as f64;
                f.is_finite().then_some(f)
            }
            PyConst::Bool(b) => Some(*b as i64 as f64),
            _ => None,
        }
    }

    fn is_number(&self) -> bool {
        matches!(self, PyConst::Int(_) | PyConst::Float(_) | PyConst::Bool(_))
    }

    /// Python equality (for the duplicates a set keeps out).
    fn py_eq(&self, other: &PyConst) -> bool {
        match (self, other) {
            (a, b) if a.is_number() && b.is_number() => match (a.as_int(), b.as_int()) {
                (Some(x), Some(y)) => x == y,
                _ => match (a, b) {
                    (PyConst::Float(x), PyConst::Float(y)) => x == y,
                    (PyConst::Float(x), i) | (i, PyConst::Float(x)) => {
                        let n = i.as_int().unwrap();
                        x.fract() == 0.0 && x.is_finite() && (*x as i128) == n
                    }
                    _ => false,
                },
            },
            (PyConst::Str(a), PyConst::Str(b)) => a == b,
            (PyConst::None, PyConst::None) => true,
            (PyConst::Tuple(a), PyConst::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.py_eq(y))
            }
            _ => false,
        }
    }

    fn key(&self, nans: &mut usize) -> Key {
        match self {
            PyConst::Int(v) => Key::Int(*v),
            PyConst::Bool(b) => Key::Bool(*b),
            PyConst::Float(f) if f.is_nan() => {
                *nans += 1;
                Key::Nan(*nans)
            }
            PyConst::Float(f) => Key::Float(f.to_bits()),
            PyConst::Str(s) => Key::Str(s.clone()),
            PyConst::None => Key::None,
            PyConst::Tuple(t) => Key::Tuple(t.iter().map(|c| c.key(nans)).collect()),
        }
    }
}

/// Python's floor division and modulo on ints; None where CPython raises.
fn int_floordiv(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

fn int_mod(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b)?;
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

fn float_mod(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    Some(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

fn float_floordiv(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    // float_floor_div: divmod's floor of (a - a % b) / b
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    Some(if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    })
}

fn int_pow(base: i128, exp: i128) -> Option<PyConst> {
    if exp < 0 {
        let b = base as f64;
        if base == 0 {
            return None; // ZeroDivisionError
        }
        return Some(PyConst::Float(b.powf(exp as f64)));
    }
    if base != 0 && exp > 0 && bits(base) > MAX_INT_BITS / (exp.min(u32::MAX as i128) as u32).max(1)
    {
        return None; // safe_power: too big to fold
    }
    if base == 0 || base == 1 {
        return Some(PyConst::Int(if exp == 0 { 1 } else { base }));
    }
    let mut acc: i128 = 1;
    for _ in 0..exp {
        acc = acc.checked_mul(base)?;
    }
    Some(PyConst::Int(acc))
}

fn float_pow(a: f64, b: f64) -> Option<f64> {
    if a == 0.0 && b < 0.0 {
        return None; // ZeroDivisionError
    }
    if a < 0.0 && b.is_finite() && b.fract() != 0.0 {
        return None; // a complex result: not a set element mgen has
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return None; // OverflowError
    }
    Some(r)
}

fn repeat_ok(n: i128, size: usize, limit: i128) -> bool {
    size == 0 || (n >= 0 && n <= limit / size as i128)
}

fn binop(op: ast::Operator, l: &PyConst, r: &PyConst) -> Option<PyConst> {
    use ast::Operator as O;
    use PyConst as C;
    // Sequences.
    match (op, l, r) {
        (O::Add, C::Str(a), C::Str(b)) => return Some(C::Str(format!("{a}{b}"))),
        (O::Add, C::Tuple(a), C::Tuple(b)) => {
            return Some(C::Tuple(a.iter().chain(b).cloned().collect()))
        }
        (O::Mult, C::Str(s), n) | (O::Mult, n, C::Str(s)) if n.as_int().is_some() => {
            let n = n.as_int()?;
            let len = s.chars().count();
            if !repeat_ok(n, len, MAX_STR_SIZE) {
                return None;
            }
            return Some(C::Str(s.repeat(n.max(0) as usize)));
        }
        (O::Mult, C::Tuple(t), n) | (O::Mult, n, C::Tuple(t)) if n.as_int().is_some() => {
            let n = n.as_int()?;
            if !repeat_ok(n, t.len(), MAX_COLLECTION_SIZE) {
                return None;
            }
            if n > 0 && (t.len() as i128) > MAX_TOTAL_ITEMS / n {
                return None;
            }
            let mut out = Vec::new();
            for _ in 0..n.max(0) {
                out.extend(t.iter().cloned());
            }
            return Some(C::Tuple(out));
        }
        (O::Mod, C::Str(_), _) => return None, // safe_mod: no string formatting
        _ => {}
    }
    if !l.is_number() || !r.is_number() {
        return None;
    }
    // bool op bool stays bool for & | ^
    if let (C::Bool(a), C::Bool(b)) = (l, r) {
        match op {
            O::BitAnd => return Some(C::Bool(a & b)),
            O::BitOr => return Some(C::Bool(a | b)),
            O::BitXor => return Some(C::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (l.as_int(), r.as_int()) {
        return Some(match op {
            O::Add => C::Int(a.checked_add(b)?),
            O::Sub => C::Int(a.checked_sub(b)?),
            O::Mult => {
                if a != 0 && b != 0 && bits(a) + bits(b) > MAX_INT_BITS {
                    return None;
                }
                C::Int(a.checked_mul(b)?)
            }
            O::Div => {
                if b == 0 {
                    return None;
                }
                // Correctly rounded for the magnitudes a 64-bit program has.
                if a.unsigned_abs() < (1u128 << 53) && b.unsigned_abs() < (1u128 << 53) {
                    C::Float(a as f64 / b as f64)
                } else {
                    return None;
                }
            }
            O::FloorDiv => C::Int(int_floordiv(a, b)?),
            O::Mod => C::Int(int_mod(a, b)?),
            O::Pow => int_pow(a, b)?,
            O::LShift => {
                if b < 0 {
                    return None;
                }
                if a != 0
                    && b != 0
                    && (b > MAX_INT_BITS as i128 || bits(a) as i128 > MAX_INT_BITS as i128 - b)
                {
                    return None;
                }
                C::Int(a.checked_shl(b as u32)?)
            }
            O::RShift => {
                if b < 0 {
                    return None;
                }
                C::Int(if b >= 127 {
                    if a < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    a >> b
                })
            }
            O::BitAnd => C::Int(a & b),
            O::BitOr => C::Int(a | b),
            O::BitXor => C::Int(a ^ b),
            O::MatMult => return None,
        });
    }
    let (a, b) = (l.as_float()?, r.as_float()?);
    Some(C::Float(match op {
        O::Add => a + b,
        O::Sub => a - b,
        O::Mult => a * b,
        O::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        O::FloorDiv => float_floordiv(a, b)?,
        O::Mod => float_mod(a, b)?,
        O::Pow => float_pow(a, b)?,
        _ => return None, // shifts and bitwise ops on floats raise
    }))
}

/// The constant `e` folds to under CPython 3.11's AST optimizer, if any.
pub fn fold(e: &Expr) -> Option<PyConst> {
    match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.to_string().parse::<i128>().ok().map(PyConst::Int),
            ast::Number::Float(f) => Some(PyConst::Float(*f)),
            ast::Number::Complex { .. } => None,
        },
        Expr::BooleanLiteral(b) => Some(PyConst::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(PyConst::None),
        Expr::StringLiteral(s) => Some(PyConst::Str(s.value.to_str().to_string())),
        Expr::FString(f) => {
            // An f-string without replacement fields is a plain constant.
            let mut out = String::new();
            for part in f.value.iter() {
                match part {
                    ast::FStringPart::Literal(l) => out.push_str(l),
                    ast::FStringPart::FString(fs) => {
                        for el in fs.elements.iter() {
                            match el {
                                ast::InterpolatedStringElement::Literal(l) => out.push_str(l),
                                _ => return None,
                            }
                        }
                    }
                }
            }
            Some(PyConst::Str(out))
        }
        Expr::UnaryOp(u) => {
            let v = fold(&u.operand)?;
            match u.op {
                ast::UnaryOp::Not => Some(PyConst::Bool(!v.truthy())),
                ast::UnaryOp::USub => match v {
                    PyConst::Float(f) => Some(PyConst::Float(-f)),
                    other => Some(PyConst::Int(other.as_int()?.checked_neg()?)),
                },
                ast::UnaryOp::UAdd => match v {
                    PyConst::Float(f) => Some(PyConst::Float(f)),
                    other => Some(PyConst::Int(other.as_int()?)),
                },
                ast::UnaryOp::Invert => Some(PyConst::Int(!v.as_int()?)),
            }
        }
        Expr::BinOp(b) => {
            let l = fold(&b.left)?;
            let r = fold(&b.right)?;
            binop(b.op, &l, &r)
        }
        Expr::Tuple(t) => {
            let mut out = Vec::new();
            for el in &t.elts {
                out.push(fold(el)?);
            }
            Some(PyConst::Tuple(out))
        }
        Expr::Subscript(s) => {
            let v = fold(&s.value)?;
            let i = fold(&s.slice)?.as_int()?;
            match v {
                PyConst::Tuple(t) => {
                    let n = t.len() as i128;
                    let i = if i < 0 { i + n } else { i };
                    (0..n).contains(&i).then(|| t[i as usize].clone())
                }
                PyConst::Str(s) => {
                    let cs: Vec<char> = s.chars().collect();
                    let n = cs.len() as i128;
                    let i = if i < 0 { i + n } else { i };
                    (0..n)
                        .contains(&i)
                        .then(|| PyConst::Str(cs[i as usize].to_string()))
                }
                _ => None,
            }
        }
        Expr::Name(n) if n.id.as_str() == "__debug__" => Some(PyConst::Bool(true)),
        _ => None,
    }
}

/// How a set display becomes a frozenset constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrozenKind {
    /// A display of 3+ constants: a new set merged from the constant.
    Display,
    /// An all-constant display iterated or tested with `in`: the constant
    /// itself (the AST optimizer replaced the display by it).
    Iter,
}

/// One set display that CPython compiles to a frozenset constant.
#[derive(Debug, Clone)]
pub struct FrozenUse<'a> {
    /// The constant (equal ids: one shared constant).
    pub id: usize,
    pub kind: FrozenKind,
    /// The elements of the constant's first occurrence, in source order:
    /// the runtime inserts them in this order, then rebuilds the set from
    /// its own iteration order, as `merge_consts_recursive` does.
    pub elems: &'a [Expr],
}

/// Every set display of `body` that CPython 3.11 compiles to a frozenset
/// constant, by the display's start offset.
pub fn frozen_sets(body: &[Stmt]) -> HashMap<usize, FrozenUse<'_>> {
    let mut w = Walker::default();
    for s in body {
        w.visit_stmt(s);
    }
    w.uses
}

#[derive(Default)]
struct Walker<'a> {
    uses: HashMap<usize, FrozenUse<'a>>,
    /// First occurrence of each constant: (sorted keys, id, its elements).
    consts: Vec<(Vec<Key>, &'a [Expr])>,
    nans: usize,
}

impl<'a> Walker<'a> {
    /// Register a display known to be all-constant as a frozenset constant.
    fn register(&mut self, set: &'a ast::ExprSet, kind: FrozenKind) {
        let mut vals: Vec<PyConst> = Vec::new();
        for el in &set.elts {
            let v = fold(el).expect("register: all-constant display");
            if !vals.iter().any(|u| u.py_eq(&v)) {
                vals.push(v);
            }
        }
        let mut keys: Vec<Key> = vals.iter().map(|v| v.key(&mut self.nans)).collect();
        keys.sort();
        let id = match self.consts.iter().position(|(k, _)| *k == keys) {
            Some(i) => i,
            None => {
                self.consts.push((keys, &set.elts));
                self.consts.len() - 1
            }
        };
        let elems = self.consts[id].1;
        self.uses.insert(
            set.range().start().to_usize(),
            FrozenUse { id, kind, elems },
        );
    }

    fn all_const(set: &ast::ExprSet) -> bool {
        set.elts.iter().all(|e| fold(e).is_some())
    }

    /// An expression in a position the AST optimizer's `fold_iter` changes:
    /// an all-constant set display there is the constant itself.
    fn visit_iter(&mut self, e: &'a Expr) {
        if let Expr::Set(set) = e {
            if Self::all_const(set) {
                self.register(set, FrozenKind::Iter);
                return;
            }
        }
        self.visit_expr(e);
    }

    /// Comprehensions compile as nested functions: the clauses and the
    /// element first, the outermost iterable last (in the enclosing scope).
    fn comprehension(&mut self, gens: &'a [ast::Comprehension], elts: &[&'a Expr]) {
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.visit_iter(&g.iter);
            }
            self.visit_expr(&g.target);
            for c in &g.ifs {
                self.visit_expr(c);
            }
        }
        for e in elts {
            self.visit_expr(e);
        }
        if let Some(g) = gens.first() {
            self.visit_iter(&g.iter);
        }
    }
}

impl<'a> Visitor<'a> for Walker<'a> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::For(f) => {
                self.visit_iter(&f.iter);
                self.visit_expr(&f.target);
                self.visit_body(&f.body);
                self.visit_body(&f.orelse);
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target);
                self.visit_expr(&a.value);
            }
            Stmt::FunctionDef(f) => {
                // compiler_function: decorators, defaults, annotations, body.
                for d in &f.decorator_list {
                    self.visit_decorator(d);
                }
                let p = &f.parameters;
                for pd in p.posonlyargs.iter().chain(p.args.iter()) {
                    if let Some(d) = &pd.default {
                        self.visit_expr(d);
                    }
                }
                for pd in p.kwonlyargs.iter() {
                    if let Some(d) = &pd.default {
                        self.visit_expr(d);
                    }
                }
                for pd in p.posonlyargs.iter().chain(p.args.iter()) {
                    if let Some(a) = &pd.parameter.annotation {
                        self.visit_annotation(a);
                    }
                }
                if let Some(r) = &f.returns {
                    self.visit_annotation(r);
                }
                self.visit_body(&f.body);
            }
            _ => visitor::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Set(set) => {
                if set.elts.len() > 2 && Self::all_const(set) {
                    self.register(set, FrozenKind::Display);
                } else {
                    visitor::walk_expr(self, e);
                }
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left);
                let n = c.comparators.len();
                for (i, (op, r)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
                    if i + 1 == n && matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                        self.visit_iter(r);
                    } else {
                        self.visit_expr(r);
                    }
                }
            }
            Expr::ListComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(&c.generators, &[k, &c.value]),
                None => self.comprehension(&c.generators, &[&c.value]),
            },
            _ => visitor::walk_expr(self, e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_expr(src: &str) -> Expr {
        let m = ruff_python_parser::parse_module(src)
            .expect("parses")
            .into_syntax();
        match &m.body[0] {
            Stmt::Expr(e) => (*e.value).clone(),
            _ => panic!("not an expression"),
        }
    }

    #[test]
    fn folds_like_ast_opt() {
        let f = |s: &str| fold(&parse_expr(s));
        assert_eq!(f("24 + 0"), Some(PyConst::Int(24)));
        assert_eq!(f("-7"), Some(PyConst::Int(-7)));
        assert_eq!(f("7 // -2"), Some(PyConst::Int(-4)));
        assert_eq!(f("-7 % 3"), Some(PyConst::Int(2)));
        assert_eq!(f("1 / 0"), None);
        assert_eq!(f("2 ** 200"), None);
        assert_eq!(f("2 ** 100"), None, "beyond i128 bits check");
        assert_eq!(f("True + 1"), Some(PyConst::Int(2)));
        assert_eq!(f("True & False"), Some(PyConst::Bool(false)));
        assert_eq!(f("(1, 2)[1]"), Some(PyConst::Int(2)));
        assert_eq!(f("'ab' * -1"), None);
        assert_eq!(f("'ab' % 2"), None);
        assert_eq!(f("x + 1"), None);
        assert_eq!(f("-7.5 // 2"), Some(PyConst::Float(-4.0)));
    }
}
