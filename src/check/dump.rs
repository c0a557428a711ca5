//! `mgen build --emit hir`: the typed IR (`crate::ir`) as stable, readable
//! text, one function after another (the golden tests in `tests/golden/`
//! compare it).
//!
//! The format:
//! ```text
//! # mgen hir: prog.py
//! global @total: int                         line 3  py.__main__:total
//!
//! def add(a%0: int, b%1: int) -> int         line 2  py.__main__:add
//!   local s%2: str                           line 3
//!   3:5 s%2 = (a%0 + b%1): int
//! ```
//! Globals and functions end with their symbol. A local is `name%id`, a
//! global `@name`; every expression that is not a
//! literal is followed by `: type`; statements start with `line:col`;
//! nested blocks are indented by two spaces. Every IR node is printed (the
//! matches below are exhaustive: a new node must say how it prints).

use crate::ir::*;
use std::fmt::Write;

/// The whole program: globals, then the functions in IR order (the module
/// function `<module>` included where it is in `functions`).
pub fn program(p: &Program) -> String {
    let mut d = Dumper {
        p,
        out: String::new(),
        locals: &[],
    };
    d.program();
    d.out
}

struct Dumper<'a> {
    p: &'a Program,
    out: String,
    /// The locals of the function being printed.
    locals: &'a [Var],
}

/// `text` padded to a column, then `line N` (keeps headers aligned).
fn with_line(text: String, line: u32) -> String {
    let pad = 44usize.saturating_sub(text.chars().count()).max(1);
    format!("{text}{}line {line}", " ".repeat(pad))
}

fn str_lit(s: &str) -> String {
    format!("\"{}\"", s.escape_debug())
}

fn float_lit(v: f64) -> String {
    if v.is_nan() {
        "nan".into()
    } else if v.is_infinite() {
        if v > 0.0 { "inf" } else { "-inf" }.into()
    } else {
        format!("{v:?}")
    }
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

fn builtin(b: Builtin) -> &'static str {
    match b {
        Builtin::Str => "str",
        Builtin::Repr => "repr",
        Builtin::IntFromFloat => "int.from_float",
        Builtin::IntFromStr => "int.from_str",
        Builtin::FloatFromStr => "float.from_str",
        Builtin::Abs => "abs",
        Builtin::Max => "max",
        Builtin::Min => "min",
        Builtin::Len => "len",
        Builtin::Ord => "ord",
        Builtin::Chr => "chr",
        Builtin::RoundInt => "round.int",
        Builtin::RoundFloat => "round.float",
        Builtin::RoundIntN => "round.int_n",
        Builtin::Format => "format",
    }
}

fn reduce(r: Reduce) -> &'static str {
    match r {
        Reduce::Sum => "sum",
        Reduce::Min => "min",
        Reduce::Max => "max",
        Reduce::Any => "any",
        Reduce::All => "all",
        Reduce::List => "list",
        Reduce::Sorted => "sorted",
        Reduce::Set => "set",
    }
}

fn method(m: Method) -> String {
    match m {
        Method::Str(f) => format!("str:{f}"),
        Method::ListAppend
        | Method::ListExtend
        | Method::ListInsert
        | Method::ListPop
        | Method::ListRemove
        | Method::ListIndex
        | Method::ListCount
        | Method::ListSort
        | Method::ListReverse
        | Method::ListCopy
        | Method::ListClear
        | Method::DictGet
        | Method::DictSetDefault
        | Method::DictPop
        | Method::DictKeys
        | Method::DictValues
        | Method::DictItems
        | Method::DictUpdate
        | Method::DictClear
        | Method::DictCopy
        | Method::SetAdd
        | Method::SetDiscard
        | Method::SetRemove
        | Method::SetPop
        | Method::SetUnion
        | Method::SetIntersection
        | Method::SetDifference
        | Method::SetSymmetricDifference
        | Method::SetOr
        | Method::SetAnd
        | Method::SetSub
        | Method::SetXor
        | Method::SetIsSubset
        | Method::SetIsSuperset
        | Method::SetUpdate
        | Method::SetUnionList
        | Method::SetIntersectionList
        | Method::SetDifferenceList
        | Method::SetUpdateList
        | Method::SetUpdateMany
        | Method::SetUnionMany
        | Method::SetIntersectionMany
        | Method::SetDifferenceMany
        | Method::SetClear
        | Method::SetCopy => format!("{m:?}"),
    }
}

fn comp_kind(k: CompKind) -> &'static str {
    match k {
        CompKind::List => "listcomp",
        CompKind::Set => "setcomp",
        CompKind::Dict => "dictcomp",
    }
}

impl<'a> Dumper<'a> {
    fn program(&mut self) {
        let _ = writeln!(self.out, "# mgen hir: {}", self.p.file);
        for g in &self.p.globals {
            let text = format!("global @{}: {}", g.name, g.ty.name());
            let _ = writeln!(self.out, "{}  {}", with_line(text, g.line), g.symbol);
        }
        for (i, f) in self.p.functions.iter().enumerate() {
            self.out.push('\n');
            self.function(i, f);
        }
    }

    fn function(&mut self, id: FuncId, f: &'a Function) {
        self.locals = &f.locals;
        let params: Vec<String> = f
            .params
            .iter()
            .map(|&l| format!("{}: {}", self.local(l), f.locals[l].ty.name()))
            .collect();
        let module = if id == self.p.module_fn {
            "  (module code)"
        } else {
            ""
        };
        let head = format!(
            "def {}({}) -> {}{module}",
            f.name,
            params.join(", "),
            f.ret.name()
        );
        let _ = writeln!(self.out, "{}  {}", with_line(head, f.line), f.symbol);
        for (l, v) in f.locals.iter().enumerate() {
            if f.params.contains(&l) {
                continue;
            }
            let text = format!("  local {}: {}", self.local(l), v.ty.name());
            let _ = writeln!(self.out, "{}", with_line(text, v.line));
        }
        self.block(&f.body, 1);
    }

    fn local(&self, l: LocalId) -> String {
        match self.locals.get(l) {
            Some(v) => format!("{}%{l}", v.name),
            None => format!("?%{l}"),
        }
    }

    fn place(&self, p: Place) -> String {
        match p {
            Place::Local(l) => self.local(l),
            Place::Global(g) => match self.p.globals.get(g) {
                Some(v) => format!("@{}", v.name),
                None => format!("@?{g}"),
            },
        }
    }

    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, stmts: &[Stmt], depth: usize) {
        for s in stmts {
            self.stmt(s, depth);
        }
    }

    fn stmt(&mut self, s: &Stmt, depth: usize) {
        let at = format!("{}:{} ", s.line, s.col);
        match &s.kind {
            StmtKind::Assign(t, v) => {
                let text = format!("{at}{} = {}", self.target(t), self.expr(v));
                self.line(depth, &text);
            }
            StmtKind::MultiAssign(pairs) => {
                let ts: Vec<String> = pairs.iter().map(|(t, _)| self.target(t)).collect();
                let vs: Vec<String> = pairs.iter().map(|(_, v)| self.expr(v)).collect();
                let text = format!(
                    "{at}{} = {}  (all values first)",
                    ts.join(", "),
                    vs.join(", ")
                );
                self.line(depth, &text);
            }
            StmtKind::SetItem { obj, index, value } => {
                let text = format!(
                    "{at}{}[{}] = {}",
                    self.atom(obj),
                    self.expr(index),
                    self.expr(value)
                );
                self.line(depth, &text);
            }
            StmtKind::AugSetItem {
                obj,
                index,
                op,
                value,
            } => {
                let text = format!(
                    "{at}{}[{}] {}= {}",
                    self.atom(obj),
                    self.expr(index),
                    binop(*op),
                    self.expr(value)
                );
                self.line(depth, &text);
            }
            StmtKind::DelItem { obj, index } => {
                let text = format!("{at}del {}[{}]", self.atom(obj), self.expr(index));
                self.line(depth, &text);
            }
            StmtKind::DelSlice { obj, lo, hi, step } => {
                let text = format!(
                    "{at}del {}[{}]",
                    self.atom(obj),
                    self.slice(lo.as_ref(), hi.as_ref(), step.as_ref())
                );
                self.line(depth, &text);
            }
            StmtKind::SetSlice {
                obj,
                lo,
                hi,
                step,
                value,
            } => {
                let text = format!(
                    "{at}{}[{}] = {}",
                    self.atom(obj),
                    self.slice(lo.as_ref(), hi.as_ref(), step.as_ref()),
                    self.expr(value)
                );
                self.line(depth, &text);
            }
            StmtKind::Expr(e) => {
                let text = format!("{at}{}", self.expr(e));
                self.line(depth, &text);
            }
            StmtKind::If(test, body, orelse) => {
                let text = format!("{at}if {}", self.expr(test));
                self.line(depth, &text);
                self.block(body, depth + 1);
                if !orelse.is_empty() {
                    self.line(depth, "else");
                    self.block(orelse, depth + 1);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let text = format!("{at}while {}", self.expr(test));
                self.line(depth, &text);
                self.block(body, depth + 1);
                if !orelse.is_empty() {
                    self.line(depth, "else");
                    self.block(orelse, depth + 1);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let text = format!("{at}for {} in {}", self.target(target), self.iter(iter));
                self.line(depth, &text);
                self.block(body, depth + 1);
                if !orelse.is_empty() {
                    self.line(depth, "else");
                    self.block(orelse, depth + 1);
                }
            }
            StmtKind::Break => self.line(depth, &format!("{at}break")),
            StmtKind::Continue => self.line(depth, &format!("{at}continue")),
            StmtKind::Return(v) => {
                let text = match v {
                    Some(v) => format!("{at}return {}", self.expr(v)),
                    None => format!("{at}return"),
                };
                self.line(depth, &text);
            }
            StmtKind::Assert(test, msg) => {
                let text = match msg {
                    Some(m) => format!("{at}assert {}, {}", self.expr(test), self.expr(m)),
                    None => format!("{at}assert {}", self.expr(test)),
                };
                self.line(depth, &text);
            }
            StmtKind::Print { args, sep, end } => {
                let mut parts: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                if let Some(s) = sep {
                    parts.push(format!("sep={}", self.expr(s)));
                }
                if let Some(e) = end {
                    parts.push(format!("end={}", self.expr(e)));
                }
                let text = format!("{at}print({})", parts.join(", "));
                self.line(depth, &text);
            }
            StmtKind::Pass => self.line(depth, &format!("{at}pass")),
        }
    }

    fn target(&self, t: &Target) -> String {
        match t {
            Target::Place(p) => self.place(*p),
            Target::Unpack(ts) => {
                let parts: Vec<String> = ts.iter().map(|t| self.target(t)).collect();
                format!("({})", parts.join(", "))
            }
            Target::Item(obj, index) => format!("{}[{}]", self.atom(obj), self.expr(index)),
        }
    }

    fn slice(&self, lo: Option<&Expr>, hi: Option<&Expr>, step: Option<&Expr>) -> String {
        let part = |e: Option<&Expr>| e.map(|e| self.expr(e)).unwrap_or_default();
        match step {
            Some(s) => format!("{}:{}:{}", part(lo), part(hi), self.expr(s)),
            None => format!("{}:{}", part(lo), part(hi)),
        }
    }

    fn iter(&self, it: &Iter) -> String {
        let inner = match &it.kind {
            IterKind::Range(a, b, c) => {
                format!(
                    "range({}, {}, {})",
                    self.expr(a),
                    self.expr(b),
                    self.expr(c)
                )
            }
            IterKind::RangeRev(a, b, c) => format!(
                "reversed(range({}, {}, {}))",
                self.expr(a),
                self.expr(b),
                self.expr(c)
            ),
            IterKind::List(e) => format!("list({})", self.expr(e)),
            IterKind::Tuple(e) => format!("tuple({})", self.expr(e)),
            IterKind::Str(e) => format!("str({})", self.expr(e)),
            IterKind::DictKeys(e) => format!("keys({})", self.expr(e)),
            IterKind::DictValues(e) => format!("values({})", self.expr(e)),
            IterKind::DictItems(e) => format!("items({})", self.expr(e)),
            IterKind::Set(e) => format!("set({})", self.expr(e)),
            IterKind::Enumerate(i, start) => {
                format!("enumerate({}, start={})", self.iter(i), self.expr(start))
            }
            IterKind::Zip(its) => {
                let parts: Vec<String> = its.iter().map(|i| self.iter(i)).collect();
                format!("zip({})", parts.join(", "))
            }
            IterKind::Reversed(e) => format!("reversed({})", self.expr(e)),
            IterKind::Gen { gens, elt } => {
                format!("gen({}{})", self.expr(elt), self.gens(gens))
            }
        };
        format!("<{inner} -> {}>", it.elem.name())
    }

    fn gens(&self, gens: &[CompGen]) -> String {
        let mut s = String::new();
        for g in gens {
            let _ = write!(
                s,
                " for {} in {}",
                self.target(&g.target),
                self.iter(&g.iter)
            );
            for c in &g.conds {
                let _ = write!(s, " if {}", self.expr(c));
            }
        }
        s
    }

    fn list(&self, es: &[Expr]) -> String {
        es.iter()
            .map(|e| self.expr(e))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn key(&self, k: &Option<KeyFn>) -> String {
        match k {
            Some(k) => format!(
                ", key=lambda {}: {}",
                self.target(&k.param),
                self.expr(&k.body)
            ),
            None => String::new(),
        }
    }

    /// An operand of a postfix form (`a[i]`, `t.0`): parenthesized when it
    /// carries a type.
    fn atom(&self, e: &Expr) -> String {
        let s = self.expr(e);
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::Str(_)
            | ExprKind::NullStr => s,
            _ => format!("({s})"),
        }
    }

    fn expr(&self, e: &Expr) -> String {
        use ExprKind as K;
        let body = match &e.kind {
            K::Int(v) => return v.to_string(),
            K::Float(v) => return float_lit(*v),
            K::Bool(v) => return if *v { "True" } else { "False" }.into(),
            K::Str(s) => return str_lit(s),
            K::NullStr => return "NULL".into(),
            K::Load(p) => self.place(*p),
            K::Binary(op, a, b) => format!("({} {} {})", self.expr(a), binop(*op), self.expr(b)),
            K::Unary(op, a) => {
                let o = match op {
                    UnOp::Neg => "-",
                    UnOp::Invert => "~",
                };
                format!("({o}{})", self.expr(a))
            }
            K::InPlace(op, a, b) => {
                format!("inplace({} {}= {})", self.expr(a), binop(*op), self.expr(b))
            }
            K::Compare(l, rs) => {
                let mut s = format!("({}", self.expr(l));
                for (op, r) in rs {
                    let _ = write!(s, " {} {}", cmpop(*op), self.expr(r));
                }
                s.push(')');
                s
            }
            K::And(a, b) => format!("({} and {})", self.expr(a), self.expr(b)),
            K::Or(a, b) => format!("({} or {})", self.expr(a), self.expr(b)),
            K::Not(a) => format!("(not {})", self.expr(a)),
            K::IfExp(c, a, b) => format!(
                "({} if {} else {})",
                self.expr(a),
                self.expr(c),
                self.expr(b)
            ),
            K::Call(f, args) => {
                let name = self
                    .p
                    .functions
                    .get(*f)
                    .map(|f| f.name.as_str())
                    .unwrap_or("?");
                format!("call {name}({})", self.list(args))
            }
            K::Builtin(b, args) => format!("{}({})", builtin(*b), self.list(args)),
            K::Truthy(a) => format!("truthy({})", self.expr(a)),
            K::ToFloat(a) => format!("to_float({})", self.expr(a)),
            K::BoolToInt(a) => format!("bool_to_int({})", self.expr(a)),
            K::List(es) => format!("[{}]", self.list(es)),
            K::Tuple(es) => format!("tuple({})", self.list(es)),
            K::Set(es) => format!("set{{{}}}", self.list(es)),
            K::Dict(kvs) => {
                let parts: Vec<String> = kvs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", self.expr(k), self.expr(v)))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
            K::FrozenSet { id, elems } => format!("frozenset#{id}{{{}}}", self.list(elems)),
            K::Comp {
                kind,
                key,
                elt,
                gens,
            } => {
                let head = match key {
                    Some(k) => format!("{}: {}", self.expr(k), self.expr(elt)),
                    None => self.expr(elt),
                };
                format!("{}({head}{})", comp_kind(*kind), self.gens(gens))
            }
            K::Index(a, i) => format!("{}[{}]", self.atom(a), self.expr(i)),
            K::Field(a, i) => format!("{}.{i}", self.atom(a)),
            K::Slice { obj, lo, hi, step } => format!(
                "{}[{}]",
                self.atom(obj),
                self.slice(lo.as_deref(), hi.as_deref(), step.as_deref())
            ),
            K::TupleSlice(a, idx) => {
                let parts: Vec<String> = idx.iter().map(|i| i.to_string()).collect();
                format!("{}.[{}]", self.atom(a), parts.join(", "))
            }
            K::In {
                item,
                container,
                negate,
            } => format!(
                "({} {} {})",
                self.expr(item),
                if *negate { "not in" } else { "in" },
                self.expr(container)
            ),
            K::InRange {
                item,
                start,
                stop,
                step,
                negate,
            } => format!(
                "({} {} range({}, {}, {}))",
                self.expr(item),
                if *negate { "not in" } else { "in" },
                self.expr(start),
                self.expr(stop),
                self.expr(step)
            ),
            K::Method(m, args) => format!("{}({})", method(*m), self.list(args)),
            K::SortBy { list, key, reverse } => format!(
                "sort({}{}, reverse={})",
                self.expr(list),
                self.key(key),
                self.expr(reverse)
            ),
            K::Reduce {
                op,
                iter,
                key,
                reverse,
                start,
            } => {
                let mut s = format!("{}({}{}", reduce(*op), self.iter(iter), self.key(key));
                if let Some(r) = reverse {
                    let _ = write!(s, ", reverse={}", self.expr(r));
                }
                if let Some(st) = start {
                    let _ = write!(s, ", start={}", self.expr(st));
                }
                s.push(')');
                s
            }
            K::DictFrom(a) => format!("dict({})", self.expr(a)),
            K::StrFormat(f, args) => format!("format_call({}, {})", self.expr(f), self.list(args)),
            K::Concat(parts) => format!("concat({})", self.list(parts)),
            K::FormatCall(parts) => format!("format_literal({})", self.list(parts)),
            K::Fail { exc, msg, value } => {
                format!("fail({}, {exc}: {})", self.expr(value), str_lit(msg))
            }
        };
        format!("{body}: {}", e.ty.name())
    }
}
