//! The primitives registry: one row per runtime function that generated
//! code calls (runtime/mgen_rt.h). A row says how the function is called
//! (each C parameter: an operand by value or through a slot, a type
//! descriptor, an out slot for the result), what it returns, whether it
//! raises (then the caller checks the pending exception), and the ownership
//! of its arguments and result. The MIR builder emits `Op::Prim(id, args)`
//! with a row's id, `mir::refcount` reads the ownership from the row, and
//! `codegen` declares and calls the function from it; `tests/primitives.rs`
//! checks every row against the C prototypes as clang compiles them for
//! every target.
//!
//! Adding a runtime function to the language: a row here (in the table of
//! its kind: `str_ops.rs`, `list_ops.rs`, ...) and the C function.

mod containers;
mod scalar;
mod str_ops;

use crate::mir::Use;
use std::collections::HashMap;
use std::sync::OnceLock;

pub type PrimId = usize;

/// A C parameter or return type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum C {
    I64,
    F64,
    Bool,
    I32,
    Ptr,
}

/// Where a type descriptor argument comes from: the MIR instruction's
/// operand `i` (or its element type), or its destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescOf {
    Arg(usize),
    ArgElem(usize),
    Dst,
    DstElem,
    DstKey,
    DstVal,
}

/// One C parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    /// The next MIR operand, by value.
    Val(C, Use),
    /// The next MIR operand, stored in a stack slot; its address is passed
    /// (`const void *` in C: generic over element types).
    Slot(Use),
    /// A type descriptor (`const MgType *`).
    Desc(DescOf),
    /// The address of a slot the function writes its result into.
    Out,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ret {
    Void,
    Val(C),
}

#[derive(Debug)]
pub struct Row {
    /// The C symbol.
    pub sym: &'static str,
    pub args: &'static [Arg],
    pub ret: Ret,
    /// May raise: the caller checks the pending exception afterwards.
    pub raises: bool,
    /// The result (an object) is a new reference.
    pub ret_owned: bool,
}

impl Row {
    /// How the MIR operand `i` is used.
    pub fn arg_use(&self, i: usize) -> Use {
        self.args
            .iter()
            .filter_map(|a| match a {
                Arg::Val(_, u) | Arg::Slot(u) => Some(*u),
                _ => None,
            })
            .nth(i)
            .unwrap_or_else(|| panic!("{}: no operand {i}", self.sym))
    }

    /// The number of MIR operands.
    pub fn operands(&self) -> usize {
        self.args
            .iter()
            .filter(|a| matches!(a, Arg::Val(..) | Arg::Slot(_)))
            .count()
    }

    /// Whether the result comes back through an out slot.
    pub fn has_out(&self) -> bool {
        self.args.contains(&Arg::Out)
    }
}

/// Shorthands for the tables.
pub(crate) mod sh {
    pub use super::{Arg, Arg::*, DescOf::*, Ret, Row, C::*};
    pub use crate::mir::Use::{Borrow as B, Steal as S};
    /// An operand by value, borrowed.
    pub const fn v(c: super::C) -> Arg {
        Arg::Val(c, B)
    }
    pub const fn row(sym: &'static str, args: &'static [Arg], ret: Ret, raises: bool) -> Row {
        Row {
            sym,
            args,
            ret,
            raises,
            ret_owned: matches!(ret, Ret::Val(super::C::Ptr)),
        }
    }
}

static TABLES: [&[Row]; 3] = [scalar::ROWS, str_ops::ROWS, containers::ROWS];

fn all() -> &'static [&'static [Row]] {
    &TABLES
}

fn index() -> &'static (Vec<&'static Row>, HashMap<&'static str, PrimId>) {
    static INDEX: OnceLock<(Vec<&'static Row>, HashMap<&'static str, PrimId>)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let rows: Vec<&'static Row> = all().iter().flat_map(|t| t.iter()).collect();
        let mut by_sym = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            assert!(by_sym.insert(r.sym, i).is_none(), "{}: two rows", r.sym);
        }
        (rows, by_sym)
    })
}

/// Every row, in id order.
pub fn rows() -> &'static [&'static Row] {
    &index().0
}

pub fn row(id: PrimId) -> &'static Row {
    index().0[id]
}

/// The row of a C symbol (a missing row is a compiler bug).
pub fn prim(sym: &str) -> PrimId {
    *index()
        .1
        .get(sym)
        .unwrap_or_else(|| panic!("no primitive row for {sym}"))
}

/// The row of a C symbol, if there is one.
pub fn lookup(sym: &str) -> Option<PrimId> {
    index().1.get(sym).copied()
}
