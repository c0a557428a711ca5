//! The mid-level IR: functions as explicit basic blocks over typed locals,
//! with every operation that can raise carrying an error edge, and
//! reference counting made explicit by a pass (`refcount`).
//!
//! `build` turns the typed IR (`crate::ir`) into MIR: control flow
//! (conditions, loops, comprehensions, short-circuits) becomes blocks and
//! branches, every intermediate value a temporary, evaluation order is
//! fixed by the order of instructions. `refcount` then inserts the
//! increments and decrements: a temporary is released after its last use
//! (or consumed by an instruction that takes it), a variable keeps its
//! reference until it is reassigned or the function ends, and on an error
//! edge every owned value still pending is released. `codegen` emits LLVM
//! from the result; `--emit mir` prints it (`Display`).
//!
//! Invariants:
//! - A `Temp` local is assigned exactly once (by one instruction), which
//!   dominates its uses; a `Join` or a `Var` may be assigned many times and
//!   holds a value (a null container, `""`, `0`) from function entry.
//! - Before `refcount` runs there are no `IncRef`/`DecRef` instructions;
//!   after it, each owned reference is released exactly once on every path
//!   (normal or error).
//! - An instruction's `err` block is entered when it raised; the pending
//!   exception is the runtime's (`mg_exc`). After `refcount`, every error
//!   edge enters a landing block of its own that starts with `Traceback`
//!   at the instruction's line (CPython adds a traceback entry per frame
//!   the exception passes), releases what is pending, and goes on.

use crate::ir::{BinOp, CmpOp, FuncId, GlobalId, Ty};
use std::fmt;

pub mod build;
pub mod print;
pub mod reclimit;
pub mod refcount;
pub mod simplify;

pub type LocalId = usize;
pub type BlockId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalKind {
    /// A Python variable (or a parameter).
    Var,
    /// An intermediate value: assigned once, before its uses.
    Temp,
    /// An intermediate value assigned on several paths or several times (a
    /// loop counter, a short circuit's result, min()'s best so far): like
    /// a temporary, released after its last use.
    Join,
}

#[derive(Debug, Clone)]
pub struct Local {
    pub ty: Ty,
    pub kind: LocalKind,
    /// The Python name of a variable (debug info, dumps).
    pub name: Option<String>,
    /// Line of a variable's first assignment (debug info).
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Bool(bool),
    /// An immortal string literal.
    Str(String),
    /// A C string (exception names, messages) passed to the runtime.
    CStr(String),
    /// The zero value of a type: null for objects, 0, false.
    Zero(Ty),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Local(LocalId),
    Const(Const),
    /// The value of a module-level variable, read in place (borrowed).
    Global(GlobalId),
}

/// How an operand is used by an instruction (for `refcount`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Looked at during the instruction only.
    Borrow,
    /// The instruction takes the reference (stores it, or releases it),
    /// whether or not it raises.
    Steal,
}

/// What an instruction computes.
#[derive(Debug, Clone)]
pub enum Op {
    /// A copy of the operand (dst takes a reference of its own).
    Move(Operand),
    /// A call of one of the program's functions (takes its arguments). The
    /// number is how many frames CPython has between this function's and
    /// the callee's that mgen runs inline (a comprehension's, a key
    /// lambda's: `reclimit`): the callee's depth is that much greater.
    Call(FuncId, Vec<Operand>, u32),
    /// A runtime primitive (`crate::primitives`): its row says how each
    /// argument is used, what it returns and whether it raises.
    Prim(crate::primitives::PrimId, Vec<Operand>),
    /// Integer arithmetic with CPython's semantics and mgen's 64-bit
    /// range: OverflowError, ZeroDivisionError, ValueError (negative
    /// shift) on the error edge.
    IntBin(BinOp, Operand, Operand),
    FloatBin(BinOp, Operand, Operand),
    IntNeg(Operand),
    IntInvert(Operand),
    FloatNeg(Operand),
    /// abs() (of the most negative int: OverflowError)
    IntAbs(Operand),
    FloatAbs(Operand),
    /// `a op b` (the operands' types may differ: int and float compare
    /// exactly; tuples of different shapes field by field).
    Compare(CmpOp, Operand, Operand),
    Not(Operand),
    /// int or bool to float
    ToFloat(Operand),
    BoolToInt(Operand),
    /// Python truthiness of a value of the operand's type
    Truthy(Operand),
    /// A tuple value from its fields (takes them).
    TupleNew(Vec<Operand>),
    /// Field `i` of a tuple (a new reference).
    TupleGet(Operand, usize),
    /// `len()` of a str/list/dict/set/tuple.
    Len(Operand),
    /// `obj[idx]` of a list (bounds-checked: IndexError), str, dict
    /// (KeyError) or homogeneous tuple.
    Index(Operand, Operand),
    /// Item `i` of a list or a homogeneous tuple, known to be in range
    /// (iteration): a new reference.
    ListGetUnchecked(Operand, Operand),
    /// `v + 1` where it cannot overflow (loop counters).
    IntIncr(Operand),
    /// `start + (n - 1) * step`: the last element of a range of n > 0
    /// elements (cannot overflow); `start` when n is 0.
    RangeLast(Operand, Operand, Operand),
    /// The next value of a range from `v`: `v + step`, or `stop` where that
    /// would overflow (the iteration ends there either way).
    RangeAdvance(Operand, Operand, Operand),
    /// `obj[idx] = value` of a list (IndexError) or dict; takes `value`.
    SetItem(Operand, Operand, Operand),
    /// The store of `obj[idx] op= value`, where the item was just read: as
    /// `SetItem`, but a dict's value is replaced in its slot when the key
    /// is still there (the usual case) instead of going through a generic
    /// insertion.
    ReplaceItem(Operand, Operand, Operand),
    /// The element `Iter` kinds produce one at a time from a position
    /// variable: a str's next character, a dict's next key/value/item, a
    /// set's next element. `dst` gets the element; the result (a bool:
    /// whether there was one) goes to the instruction's `bool_dst`.
    IterNext {
        kind: IterNextKind,
        obj: Operand,
        pos: LocalId,
        elem: LocalId,
    },
    /// Whether an object operand is null (a frozenset cache not yet built).
    IsNull(Operand),
    /// Store into a module-level variable (takes the value; the old one is
    /// released).
    StoreGlobal(GlobalId, Operand),
    /// The value of a module-level variable, taken out of it (it is left
    /// holding an immortal placeholder until stored again): `s += t`.
    TakeGlobal(GlobalId),
    /// `d.get(k, default)` / `d.setdefault(k, default)` (the default was
    /// evaluated before the call): a new reference to d[k] or the default.
    DictGet {
        dict: Operand,
        key: Operand,
        default: Operand,
        set: bool,
    },
    /// `d.pop(k)` (KeyError) / `d.pop(k, default)`.
    DictPop {
        dict: Operand,
        key: Operand,
        default: Option<Operand>,
    },
    /// `fmt.format(args)` for a format string known only at run time.
    StrFormat(Operand, Vec<Operand>),
    /// A frozenset constant of CPython's (see `crate::pyconst`): the
    /// cached set, or null before its first use.
    FrozenSetCached(usize),
    /// Store the built frozenset in its cache (takes it).
    FrozenSetStore(usize, Operand),
    /// An f-string: the concatenation of str parts (ints are formatted in
    /// place), one allocation.
    Concat(Vec<Operand>),
    /// Raise `exc(msg)`: always goes to the error edge.
    Raise {
        exc: String,
        msg: Option<String>,
    },
    /// Raise `exc(msg)` with a message computed at run time (a str).
    RaiseStr {
        exc: String,
        msg: Operand,
    },
    /// CPython's C-level recursion checks (`crate::codegen::reclimit`):
    /// RecursionError when the frame's depth plus `offset` leaves fewer than
    /// `levels.len()` levels.
    RecursionCheck {
        levels: Vec<&'static str>,
        offset: u32,
    },
    /// Add this frame's entry (the function, `line`) to the pending
    /// exception's traceback: the first thing on every error edge, as
    /// CPython records each frame an exception passes.
    Traceback,
    /// Reference counting, inserted by `refcount` only.
    IncRef(Operand),
    DecRef(Operand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IterNextKind {
    StrChars,
    DictKeys,
    DictValues,
    DictItems,
    SetElems,
}

#[derive(Debug, Clone)]
pub struct Inst {
    pub dst: Option<LocalId>,
    pub op: Op,
    /// Where an error goes (None: the operation cannot raise).
    pub err: Option<BlockId>,
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone)]
pub enum Term {
    Goto(BlockId),
    /// On a bool operand.
    Branch(Operand, BlockId, BlockId),
    /// Leave the function with a value (taken) or none.
    Return(Option<Operand>),
    /// Leave the function with the pending exception.
    Propagate,
    Unreachable,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub insts: Vec<Inst>,
    pub term: Term,
    /// Entered from error edges (its traceback entry is `line`).
    pub is_handler: bool,
    /// Source position of the terminator (a `return`'s line: debuggers
    /// stop there).
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone)]
pub struct Function {
    pub name: String,
    /// Its code's symbol (`py.__main__:main`, from the typed IR).
    pub symbol: String,
    pub id: FuncId,
    pub params: Vec<LocalId>,
    pub ret: Ty,
    pub locals: Vec<Local>,
    pub blocks: Vec<Block>,
    pub line: u32,
    /// `<module>`: its variables are the program's globals.
    pub is_module: bool,
    /// A piece of long `<module>` code (`build::chunks`): it runs in the
    /// `<module>` frame its caller passes and pushes none of its own.
    pub chunk: bool,
}

#[derive(Debug)]
pub struct Program {
    pub file: String,
    pub globals: Vec<crate::ir::Var>,
    pub functions: Vec<Function>,
    pub module_fn: FuncId,
}

impl Function {
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block {
            insts: Vec::new(),
            term: Term::Unreachable,
            is_handler: false,
            line: 0,
            col: 0,
        });
        self.blocks.len() - 1
    }
}

impl Op {
    /// The operands and how this instruction uses each (for `refcount`).
    pub fn operands(&self) -> Vec<(&Operand, Use)> {
        use Use::*;
        match self {
            Op::Move(a) => vec![(a, Steal)],
            Op::Call(_, args, _) | Op::TupleNew(args) => args.iter().map(|a| (a, Steal)).collect(),
            Op::Prim(p, args) => {
                let row = crate::primitives::row(*p);
                args.iter()
                    .enumerate()
                    .map(|(i, a)| (a, row.arg_use(i)))
                    .collect()
            }
            Op::IntBin(_, a, b) | Op::FloatBin(_, a, b) | Op::Compare(_, a, b) => {
                vec![(a, Borrow), (b, Borrow)]
            }
            Op::Index(a, b) | Op::ListGetUnchecked(a, b) => vec![(a, Borrow), (b, Borrow)],
            Op::IntIncr(a) => vec![(a, Borrow)],
            Op::RangeLast(a, b, c) => vec![(a, Borrow), (b, Borrow), (c, Borrow)],
            Op::RangeAdvance(a, b, c) => vec![(a, Borrow), (b, Borrow), (c, Borrow)],
            Op::IntNeg(a)
            | Op::IntInvert(a)
            | Op::FloatNeg(a)
            | Op::IntAbs(a)
            | Op::FloatAbs(a)
            | Op::Not(a)
            | Op::ToFloat(a)
            | Op::BoolToInt(a)
            | Op::Truthy(a)
            | Op::TupleGet(a, _)
            | Op::Len(a) => vec![(a, Borrow)],
            Op::SetItem(o, i, v) | Op::ReplaceItem(o, i, v) => {
                vec![(o, Borrow), (i, Borrow), (v, Steal)]
            }
            Op::IterNext { obj, .. } => vec![(obj, Borrow)],
            Op::IsNull(a) => vec![(a, Borrow)],
            Op::StoreGlobal(_, v) => vec![(v, Steal)],
            Op::TakeGlobal(_) => vec![],
            Op::DictGet {
                dict, key, default, ..
            } => vec![(dict, Borrow), (key, Borrow), (default, Borrow)],
            Op::DictPop { dict, key, default } => {
                let mut v = vec![(dict, Borrow), (key, Borrow)];
                if let Some(d) = default {
                    v.push((d, Borrow));
                }
                v
            }
            Op::StrFormat(f, args) => std::iter::once((f, Borrow))
                .chain(args.iter().map(|a| (a, Borrow)))
                .collect(),
            Op::FrozenSetCached(_) => vec![],
            Op::FrozenSetStore(_, v) => vec![(v, Steal)],
            Op::Concat(parts) => parts.iter().map(|p| (p, Borrow)).collect(),
            Op::Raise { .. } | Op::RecursionCheck { .. } | Op::Traceback => vec![],
            Op::RaiseStr { msg, .. } => vec![(msg, Borrow)],
            // Explicit counts are what `refcount` wrote: not uses.
            Op::IncRef(a) | Op::DecRef(a) => vec![(a, Borrow)],
        }
    }

    /// Whether the value this produces is a reference of its own (true) or
    /// borrowed from elsewhere (false: `refcount` must not release it, and
    /// increments it where it is taken).
    pub fn result_owned(&self) -> bool {
        match self {
            Op::Prim(p, _) => {
                let row = crate::primitives::row(*p);
                row.ret_owned || row.has_out()
            }
            Op::FrozenSetCached(_) => false,
            _ => true,
        }
    }

    /// Whether this can raise (it then needs an error edge).
    pub fn may_raise(&self) -> bool {
        match self {
            Op::Call(..)
            | Op::Index(..)
            | Op::SetItem(..)
            | Op::ReplaceItem(..)
            | Op::Raise { .. }
            | Op::RaiseStr { .. }
            | Op::RecursionCheck { .. }
            | Op::StrFormat(..)
            | Op::IntNeg(_)
            | Op::IntAbs(_) => true,
            Op::Prim(p, _) => crate::primitives::row(*p).raises,
            Op::DictPop { default, .. } => default.is_none(),
            Op::IntBin(b, _, _) => !matches!(b, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor),
            Op::FloatBin(b, _, _) => {
                matches!(b, BinOp::Div | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow)
            }
            _ => false,
        }
    }
}

impl Inst {
    /// The locals this instruction assigns.
    pub fn defs(&self) -> Vec<LocalId> {
        let mut v: Vec<LocalId> = self.dst.into_iter().collect();
        if let Op::IterNext { pos, elem, .. } = &self.op {
            v.push(*elem);
            v.push(*pos);
        }
        v
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print::program(self, f)
    }
}
