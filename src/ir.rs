//! The typed IR: what `check` produces and `lower` consumes.
//!
//! Every expression carries its static type; implicit conversions Python
//! performs (int -> float in mixed arithmetic, bool -> int in arithmetic) are
//! explicit nodes. Source lines are kept for tracebacks and debug info.
//! Ownership (reference counts) is not in the IR: `lower` applies one rule
//! everywhere (expressions produce owned references).

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    Int,
    Float,
    Bool,
    Str,
    /// Only as a function's return type.
    None,
    List(Box<Ty>),
    Dict(Box<Ty>, Box<Ty>),
    Set(Box<Ty>),
    Tuple(Vec<Ty>),
}

impl Ty {
    /// Python spelling, as in annotations: `dict[str, list[int]]`.
    pub fn name(&self) -> String {
        match self {
            Ty::Int => "int".into(),
            Ty::Float => "float".into(),
            Ty::Bool => "bool".into(),
            Ty::Str => "str".into(),
            Ty::None => "None".into(),
            Ty::List(t) => format!("list[{}]", t.name()),
            Ty::Dict(k, v) => format!("dict[{}, {}]", k.name(), v.name()),
            Ty::Set(t) => format!("set[{}]", t.name()),
            Ty::Tuple(ts) if ts.is_empty() => "tuple[()]".into(),
            Ty::Tuple(ts) => format!(
                "tuple[{}]",
                ts.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// The name CPython uses in error messages (`'list'`, `'int'`).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Float => "float",
            Ty::Bool => "bool",
            Ty::Str => "str",
            Ty::None => "NoneType",
            Ty::List(_) => "list",
            Ty::Dict(..) => "dict",
            Ty::Set(_) => "set",
            Ty::Tuple(_) => "tuple",
        }
    }

    /// Whether values of this type hold references that are counted.
    pub fn is_heap(&self) -> bool {
        match self {
            Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => true,
            Ty::Tuple(ts) => ts.iter().any(|t| t.is_heap()),
            _ => false,
        }
    }

    /// A reference-counted object pointer (not a tuple of them).
    pub fn is_object(&self) -> bool {
        matches!(self, Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_))
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Int | Ty::Float | Ty::Bool)
    }

    /// Whether CPython can hash it (dict keys, set elements).
    pub fn is_hashable(&self) -> bool {
        match self {
            Ty::Int | Ty::Float | Ty::Bool | Ty::Str => true,
            Ty::Tuple(ts) => ts.iter().all(|t| t.is_hashable()),
            _ => false,
        }
    }

    /// Whether `<` is defined between two values of this type.
    pub fn is_orderable(&self) -> bool {
        match self {
            Ty::Int | Ty::Float | Ty::Bool | Ty::Str => true,
            Ty::List(t) => t.is_orderable(),
            Ty::Tuple(ts) => ts.iter().all(|t| t.is_orderable()),
            _ => false,
        }
    }
}

pub type FuncId = usize;
pub type LocalId = usize;
pub type GlobalId = usize;

#[derive(Debug)]
pub struct Program {
    /// The source file name as the user gave it (shown in tracebacks).
    pub file: String,
    pub globals: Vec<Var>,
    pub functions: Vec<Function>,
    /// The function holding module-level code (`<module>`).
    pub module_fn: FuncId,
}

#[derive(Debug, Clone)]
pub struct Var {
    pub name: String,
    pub ty: Ty,
    /// Line of the first assignment or annotation.
    pub line: u32,
    /// A global's symbol, qualified by its module (`py.__main__:total`,
    /// `crate::front::resolve::symbol`); empty for a local.
    pub symbol: String,
}

#[derive(Debug)]
pub struct Function {
    /// Python name; `<module>` for module-level code.
    pub name: String,
    /// The symbol of its code, qualified by its module
    /// (`py.__main__:main`, `crate::front::resolve::symbol`): functions of
    /// two modules never collide. (The entry module's `<module>` function is
    /// `mg_module_main` for the runtime's entry point.)
    pub symbol: String,
    pub params: Vec<LocalId>,
    pub ret: Ty,
    pub locals: Vec<Var>,
    pub body: Vec<Stmt>,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Local(LocalId),
    Global(GlobalId),
}

/// An assignment target: a variable, or a (nested) tuple of targets that
/// unpacks a tuple or list value.
#[derive(Debug, Clone)]
pub enum Target {
    Place(Place),
    Unpack(Vec<Target>),
    /// `obj[index]` in a tuple assignment (`xs[i], xs[j] = xs[j], xs[i]`).
    Item(Box<Expr>, Box<Expr>),
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
    pub col: u32,
}

#[derive(Debug)]
pub enum StmtKind {
    Assign(Target, Expr),
    /// `a, b = x, y`: every value is evaluated before any is stored.
    MultiAssign(Vec<(Target, Expr)>),
    /// `obj[index] = value` (list or dict).
    SetItem {
        obj: Expr,
        index: Expr,
        value: Expr,
    },
    /// `obj[index] op= value`: obj and index evaluated once.
    AugSetItem {
        obj: Expr,
        index: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `del obj[index]` (list or dict).
    DelItem {
        obj: Expr,
        index: Expr,
    },
    /// `del xs[lo:hi:step]` of a list.
    DelSlice {
        obj: Expr,
        lo: Option<Expr>,
        hi: Option<Expr>,
        step: Option<Expr>,
    },
    /// `xs[lo:hi:step] = value` of a list; `value` is a list of the same
    /// element type (other iterables are converted by `check`). CPython's
    /// order: value, then obj, then the bounds.
    SetSlice {
        obj: Expr,
        lo: Option<Expr>,
        hi: Option<Expr>,
        step: Option<Expr>,
        value: Expr,
    },
    Expr(Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Target,
        iter: Iter,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Break,
    Continue,
    Return(Option<Expr>),
    Assert(Expr, Option<Expr>),
    Print {
        args: Vec<Expr>,
        sep: Option<Expr>,
        end: Option<Expr>,
    },
    Pass,
}

/// Something iterated by `for`, a comprehension, or a builtin that
/// consumes an iterable.
#[derive(Debug, Clone)]
pub struct Iter {
    pub kind: IterKind,
    /// Type of each element produced.
    pub elem: Ty,
}

impl Iter {
    /// Whether only a consumer that takes every element in order can run
    /// it (a generator expression, possibly inside `enumerate`).
    pub fn is_push_only(&self) -> bool {
        match &self.kind {
            IterKind::Gen { .. } => true,
            IterKind::Enumerate(inner, _) => inner.is_push_only(),
            IterKind::Zip(its) => its.iter().any(|i| i.is_push_only()),
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub enum IterKind {
    Range(Box<Expr>, Box<Expr>, Box<Expr>),
    /// reversed(range(start, stop, step))
    RangeRev(Box<Expr>, Box<Expr>, Box<Expr>),
    List(Box<Expr>),
    /// A tuple whose fields all have one type.
    Tuple(Box<Expr>),
    Str(Box<Expr>),
    DictKeys(Box<Expr>),
    DictValues(Box<Expr>),
    DictItems(Box<Expr>),
    Set(Box<Expr>),
    Enumerate(Box<Iter>, Box<Expr>),
    Zip(Vec<Iter>),
    /// reversed() of a list, str or homogeneous tuple.
    Reversed(Box<Expr>),
    /// A generator expression consumed where it stands (`sum(f(x) for x in
    /// xs)`, `for y in (g(x) for x in xs)`): run lazily, element by element,
    /// interleaved with its consumer as CPython's generator is (the
    /// outermost iterable is evaluated first, when the generator is made).
    /// Only consumers that take elements in order (push) accept it; `zip`
    /// does not.
    Gen {
        gens: Vec<CompGen>,
        elt: Box<Expr>,
    },
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Ty,
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// `/`: operands are floats, or ints (true division).
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    /// str(x) for any type.
    Str,
    /// repr(x) for any type.
    Repr,
    /// int(float) / int(str).
    IntFromFloat,
    IntFromStr,
    FloatFromStr,
    /// abs of int or float.
    Abs,
    /// Python `max`/`min` of several same-typed arguments.
    Max,
    Min,
    /// len() of str, list, dict, set, tuple
    Len,
    Ord,
    Chr,
    /// round(float) -> int; round(float, n) -> float; round(int, n) -> int
    RoundInt,
    RoundFloat,
    RoundIntN,
    /// format(value, spec) as f-strings use it.
    Format,
}

/// What a builtin that consumes an iterable computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduce {
    Sum,
    Min,
    Max,
    Any,
    All,
    /// list(it), sorted(it)
    List,
    Sorted,
    Set,
}

/// A key function (lambda or named function) applied to one element:
/// `param` is bound to the element, `body` computes the key.
#[derive(Debug, Clone)]
pub struct KeyFn {
    pub param: Target,
    pub body: Box<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
}

#[derive(Debug, Clone)]
pub struct CompGen {
    pub target: Target,
    pub iter: Iter,
    pub conds: Vec<Expr>,
}

/// Methods, by receiver type; the receiver is `args[0]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    ListAppend,
    ListExtend,
    ListInsert,
    /// pop() / pop(i): args = [list, index]
    ListPop,
    ListRemove,
    ListIndex,
    ListCount,
    /// sort(): args = [list, reverse]; with a key see `StmtKind`-free form below
    ListSort,
    ListReverse,
    ListCopy,
    ListClear,
    /// dict.get(k) is not supported (Optional); get(k, default)
    DictGet,
    DictSetDefault,
    /// pop(k) / pop(k, default): args = [dict, key, default?]
    DictPop,
    DictKeys,
    DictValues,
    DictItems,
    DictUpdate,
    DictClear,
    DictCopy,
    SetAdd,
    SetDiscard,
    SetRemove,
    SetPop,
    SetUnion,
    SetIntersection,
    SetDifference,
    SetSymmetricDifference,
    /// The operators `a | b`, `a & b`, `a - b`, `a ^ b` of two sets: as the
    /// methods above (not calls for CPython, which matters only to the
    /// recursion limit's accounting).
    SetOr,
    SetAnd,
    SetSub,
    SetXor,
    SetIsSubset,
    /// a.issuperset(b): [a, b], evaluated in that order; true when b's
    /// elements are all in a
    SetIsSuperset,
    SetUpdate,
    /// with a list argument: CPython iterates the list
    SetUnionList,
    SetIntersectionList,
    SetDifferenceList,
    SetUpdateList,
    /// Any number of arguments, each a set or a list (other iterables
    /// converted by `check`): CPython's set_update / union /
    /// intersection_multi / difference_multi.
    SetUpdateMany,
    SetUnionMany,
    SetIntersectionMany,
    SetDifferenceMany,
    SetClear,
    SetCopy,
    /// str methods: the runtime function name.
    Str(&'static str),
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    Load(Place),
    /// Operands have the same type (the result type, except `/` on ints
    /// and comparisons). Also list/tuple `+`, list `*` int.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnOp, Box<Expr>),
    /// `target op= value` on a mutable container (`__iadd__` and friends):
    /// the left operand (owned) is mutated and is the result, so every alias
    /// sees the change. list `+` (value: a list of the same type, other
    /// iterables converted by `check`), list `*` int, set `| & - ^` set.
    InPlace(BinOp, Box<Expr>, Box<Expr>),
    /// `a < b <= c`: left operand, then (op, right) pairs; each operand is
    /// evaluated once, evaluation stops at the first false comparison.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// Python `and` / `or`: returns one of the operands (same type).
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(FuncId, Vec<Expr>),
    Builtin(Builtin, Vec<Expr>),
    /// Python truthiness, as a bool.
    Truthy(Box<Expr>),
    /// int (or bool) -> float
    ToFloat(Box<Expr>),
    /// bool -> int
    BoolToInt(Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    /// A frozenset constant of CPython's (`pyconst`): built once, on first
    /// use, by inserting `elems` in order and rebuilding the set from its
    /// own iteration order; immortal. Iterated and tested with `in` as it
    /// is; a display is a new set merged from it (`Method::SetCopy`). Equal
    /// ids are one shared constant.
    FrozenSet {
        id: usize,
        elems: Vec<Expr>,
    },
    /// `[elt for ...]`, `{elt for ...}`, `{key: elt for ...}`
    Comp {
        kind: CompKind,
        key: Option<Box<Expr>>,
        elt: Box<Expr>,
        gens: Vec<CompGen>,
    },
    /// list[i], str[i], dict[k], homogeneous tuple[i]
    Index(Box<Expr>, Box<Expr>),
    /// tuple field with a constant index
    Field(Box<Expr>, usize),
    /// obj[lo:hi:step] of list or str
    Slice {
        obj: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// a tuple sliced with constant bounds: the fields kept
    TupleSlice(Box<Expr>, Vec<usize>),
    /// `item in container` (negate: `not in`)
    In {
        item: Box<Expr>,
        container: Box<Expr>,
        negate: bool,
    },
    /// `item in range(start, stop, step)` (negate: `not in`); item is an int.
    InRange {
        item: Box<Expr>,
        start: Box<Expr>,
        stop: Box<Expr>,
        step: Box<Expr>,
        negate: bool,
    },
    Method(Method, Vec<Expr>),
    /// xs.sort(key=..., reverse=...): [list, reverse]
    SortBy {
        list: Box<Expr>,
        key: Option<KeyFn>,
        reverse: Box<Expr>,
    },
    /// A builtin consuming an iterable (sum, min, max, any, all, list,
    /// sorted, set), with optional key, reverse and start/default.
    Reduce {
        op: Reduce,
        iter: Box<Iter>,
        key: Option<KeyFn>,
        reverse: Option<Box<Expr>>,
        start: Option<Box<Expr>>,
    },
    /// dict(x) of a dict (copy) or of a list of pairs
    DictFrom(Box<Expr>),
    /// fmt.format(args...) with a format string known only at run time
    /// (a literal format string is compiled to `Concat`).
    StrFormat(Box<Expr>, Vec<Expr>),
    /// f-string: concatenation of str-typed parts
    Concat(Vec<Expr>),
    /// `"literal {}".format(args)`: the parts as for `Concat` (the format
    /// string is expanded at compile time), but a method call for CPython.
    FormatCall(Vec<Expr>),
    /// Evaluate `value` (for its effects), then raise `exc(msg)`: an
    /// operation CPython only rejects when it runs (`t[::0]` of a tuple).
    Fail {
        exc: &'static str,
        msg: &'static str,
        value: Box<Expr>,
    },
    /// An omitted optional str argument of a runtime method (a NULL
    /// pointer); only ever an argument of `Method`.
    NullStr,
}

impl Iter {
    /// The expressions this iteration evaluates (in no particular order).
    pub fn exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            IterKind::Range(a, b, c) | IterKind::RangeRev(a, b, c) => vec![a, b, c],
            IterKind::List(e)
            | IterKind::Tuple(e)
            | IterKind::Str(e)
            | IterKind::DictKeys(e)
            | IterKind::DictValues(e)
            | IterKind::DictItems(e)
            | IterKind::Set(e)
            | IterKind::Reversed(e) => vec![e],
            IterKind::Enumerate(i, s) => {
                let mut v = i.exprs();
                v.push(s);
                v
            }
            IterKind::Zip(its) => its.iter().flat_map(|i| i.exprs()).collect(),
            IterKind::Gen { gens, elt } => {
                let mut v: Vec<&Expr> = gens
                    .iter()
                    .flat_map(|g| g.iter.exprs().into_iter().chain(g.conds.iter()))
                    .collect();
                v.push(elt);
                v
            }
        }
    }
}

impl Expr {
    /// Whether evaluating this expression may call a function of the
    /// program's own (which could, for instance, rebind a global).
    pub fn calls_user_code(&self) -> bool {
        if let ExprKind::Call(..) = self.kind {
            return true;
        }
        self.children().into_iter().any(|c| c.calls_user_code())
    }

    /// The direct subexpressions (in no particular order).
    pub fn children(&self) -> Vec<&Expr> {
        use ExprKind as K;
        match &self.kind {
            K::Int(_) | K::Float(_) | K::Bool(_) | K::Str(_) | K::Load(_) | K::NullStr => vec![],
            K::Binary(_, a, b) | K::InPlace(_, a, b) | K::And(a, b) | K::Or(a, b) => vec![a, b],
            K::Unary(_, a)
            | K::Not(a)
            | K::Truthy(a)
            | K::ToFloat(a)
            | K::BoolToInt(a)
            | K::Field(a, _)
            | K::TupleSlice(a, _)
            | K::DictFrom(a) => vec![a],
            K::Fail { value, .. } => vec![value],
            K::Compare(l, rs) => std::iter::once(&**l)
                .chain(rs.iter().map(|(_, r)| r))
                .collect(),
            K::IfExp(a, b, c) => vec![a, b, c],
            K::Call(_, args)
            | K::Builtin(_, args)
            | K::List(args)
            | K::Tuple(args)
            | K::Set(args)
            | K::Method(_, args)
            | K::Concat(args)
            | K::FormatCall(args) => args.iter().collect(),
            K::FrozenSet { elems, .. } => elems.iter().collect(),
            K::Dict(kvs) => kvs.iter().flat_map(|(k, v)| [k, v]).collect(),
            K::Comp { key, elt, gens, .. } => {
                let mut v: Vec<&Expr> = gens
                    .iter()
                    .flat_map(|g| g.iter.exprs().into_iter().chain(g.conds.iter()))
                    .collect();
                v.extend(key.as_deref());
                v.push(elt);
                v
            }
            K::Index(a, b) => vec![a, b],
            K::Slice { obj, lo, hi, step } => std::iter::once(&**obj)
                .chain(lo.as_deref())
                .chain(hi.as_deref())
                .chain(step.as_deref())
                .collect(),
            K::In {
                item, container, ..
            } => vec![item, container],
            K::InRange {
                item,
                start,
                stop,
                step,
                ..
            } => vec![item, start, stop, step],
            K::SortBy { list, key, reverse } => {
                let mut v: Vec<&Expr> = vec![list, reverse];
                if let Some(k) = key {
                    v.push(&k.body);
                }
                v
            }
            K::Reduce {
                iter,
                key,
                reverse,
                start,
                ..
            } => {
                let mut v = iter.exprs();
                if let Some(k) = key {
                    v.push(&k.body);
                }
                v.extend(reverse.as_deref());
                v.extend(start.as_deref());
                v
            }
            K::StrFormat(f, args) => std::iter::once(&**f).chain(args.iter()).collect(),
        }
    }
}
