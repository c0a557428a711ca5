//! The typed IR: what `check` produces and `lower` consumes.
//!
//! Every expression carries its static type; implicit conversions Python
//! performs (int -> float in mixed arithmetic, bool -> int in arithmetic) are
//! explicit nodes. Source lines are kept for tracebacks and debug info.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ty {
    Int,
    Float,
    Bool,
    Str,
    /// Only as a function's return type.
    None,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Float => "float",
            Ty::Bool => "bool",
            Ty::Str => "str",
            Ty::None => "None",
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
}

#[derive(Debug)]
pub struct Function {
    /// Python name; `<module>` for module-level code.
    pub name: String,
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

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
    pub col: u32,
}

#[derive(Debug)]
pub enum StmtKind {
    Assign(Place, Expr),
    /// `a, b = x, y`: every value is evaluated before any is stored.
    MultiAssign(Vec<(Place, Expr)>),
    Expr(Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    ForRange {
        var: Place,
        start: Expr,
        stop: Expr,
        step: Expr,
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
    /// int(float) / int(str).
    IntFromFloat,
    IntFromStr,
    FloatFromStr,
    /// abs of int or float.
    Abs,
    /// Python `max`/`min` of several same-typed arguments.
    Max,
    Min,
    /// len(str)
    Len,
    /// s[i]
    StrIndex,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    Load(Place),
    /// Operands have the same type (the result type, except `/` on ints
    /// and comparisons).
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnOp, Box<Expr>),
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
}
