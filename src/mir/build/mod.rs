//! Typed IR → MIR. A hub that owns the function being built and the
//! current block; one module per kind of construct does the work, in the
//! manner of mypyc's `irbuild/`:
//!
//! - `stmt.rs`: statements, assignment targets, `print`, `assert`
//! - `expr.rs`: expressions (operators, comparisons, short circuits,
//!   displays, subscripts, f-strings)
//! - `call.rs`: calls of builtins and methods (mostly rows of the
//!   primitives registry)
//! - `iter.rs`: iteration: `for`, comprehensions, generator expressions,
//!   and the builtins that consume an iterable
//!
//! Evaluation order is the order in which these modules emit; every value
//! is an operand (a constant, a variable read in place, or a temporary).
//! No reference counting happens here: `refcount` adds it.

mod call;
mod chunks;
mod expr;
mod iter;
mod stmt;

use super::*;
use crate::ir;
use std::collections::HashMap;

/// Build the MIR of a checked program.
pub fn build(prog: &ir::Program) -> Program {
    let mut functions = Vec::with_capacity(prog.functions.len());
    let mut chunks = Vec::new();
    for (id, hf) in prog.functions.iter().enumerate() {
        if id == prog.module_fn && chunks::is_large(&hf.body) {
            let next = prog.functions.len();
            let (f, cs) = Builder::chunked_module(id, hf, next);
            functions.push(f);
            chunks = cs;
        } else {
            functions.push(Builder::function(id, hf, id == prog.module_fn));
        }
    }
    functions.extend(chunks);
    Program {
        file: prog.file.clone(),
        globals: prog.globals.clone(),
        functions,
        module_fn: prog.module_fn,
    }
}

pub(super) struct Builder<'p> {
    f: Function,
    cur: BlockId,
    /// Where errors go: the function's propagate block.
    unwind: BlockId,
    /// (continue, break) of the enclosing loops.
    loops: Vec<(BlockId, BlockId)>,
    /// The line and column of what is being built.
    line: u32,
    col: u32,
    /// Frames CPython has above this one where the code being built runs
    /// (a comprehension's, a generator's, a key function's: `reclimit`),
    /// and the C level a generator about to be driven runs under.
    rec_offset: u32,
    gen_consumer: u32,
    /// The typed IR's variables of the function being built, when only the
    /// ones used get a MIR local (`chunks`: a piece of `<module>`); None
    /// when every variable is the MIR local of the same number.
    sparse_locals: Option<(&'p [ir::Var], HashMap<ir::LocalId, LocalId>)>,
}

impl<'p> Builder<'p> {
    /// A new function named `name` and the builder positioned at its entry.
    fn start(f: Function, sparse: Option<&'p [ir::Var]>) -> Builder<'p> {
        let mut f = f;
        let entry = f.new_block();
        let unwind = f.new_block();
        f.blocks[unwind].term = Term::Propagate;
        f.blocks[unwind].is_handler = true;
        Builder {
            line: f.line,
            f,
            cur: entry,
            unwind,
            loops: Vec::new(),
            col: 0,
            rec_offset: 0,
            gen_consumer: 0,
            sparse_locals: sparse.map(|v| (v, HashMap::new())),
        }
    }

    fn function(id: FuncId, hf: &'p ir::Function, is_module: bool) -> Function {
        let locals = hf
            .locals
            .iter()
            .map(|v| Local {
                ty: v.ty.clone(),
                kind: LocalKind::Var,
                name: Some(v.name.clone()),
                line: v.line,
            })
            .collect();
        let f = Function {
            name: hf.name.clone(),
            symbol: hf.symbol.clone(),
            id,
            params: hf.params.clone(),
            ret: hf.ret.clone(),
            locals,
            blocks: Vec::new(),
            line: hf.line,
            is_module,
            chunk: false,
        };
        let mut b = Builder::start(f, None);
        b.block(&hf.body);
        b.finish(&hf.ret)
    }

    /// End the function: falling off the end returns None; `check` proves
    /// that a function with a value returns on every path, so there this
    /// block is dead.
    fn finish(mut self, ret: &Ty) -> Function {
        let end = self.cur;
        self.f.blocks[end].line = self.line;
        self.f.blocks[end].term = if *ret == Ty::None {
            Term::Return(None)
        } else {
            Term::Unreachable
        };
        self.f
    }

    /// The MIR local of the typed IR's variable `l`.
    fn hir_local(&mut self, l: ir::LocalId) -> LocalId {
        let Some((vars, map)) = &mut self.sparse_locals else {
            return l;
        };
        if let Some(&m) = map.get(&l) {
            return m;
        }
        let v = &vars[l];
        self.f.locals.push(Local {
            ty: v.ty.clone(),
            kind: LocalKind::Var,
            name: Some(v.name.clone()),
            line: v.line,
        });
        let m = self.f.locals.len() - 1;
        map.insert(l, m);
        m
    }

    // ---- locals and blocks ------------------------------------------------

    fn temp(&mut self, ty: &Ty) -> LocalId {
        self.f.locals.push(Local {
            ty: ty.clone(),
            kind: LocalKind::Temp,
            name: None,
            line: self.line,
        });
        self.f.locals.len() - 1
    }

    /// A local assigned on several paths (a loop counter, the result of a
    /// short circuit): not a Python variable, released after its last use.
    fn join(&mut self, ty: &Ty) -> LocalId {
        self.f.locals.push(Local {
            ty: ty.clone(),
            kind: LocalKind::Join,
            name: None,
            line: self.line,
        });
        self.f.locals.len() - 1
    }

    fn new_block(&mut self) -> BlockId {
        self.f.new_block()
    }

    fn switch_to(&mut self, b: BlockId) {
        self.cur = b;
    }

    fn terminate(&mut self, t: Term) {
        let blk = &mut self.f.blocks[self.cur];
        blk.term = t;
        (blk.line, blk.col) = (self.line, self.col);
        // Anything emitted after a terminator lands in a dead block.
        let dead = self.new_block();
        self.cur = dead;
    }

    fn goto(&mut self, b: BlockId) {
        self.terminate(Term::Goto(b));
    }

    fn branch(&mut self, c: Operand, t: BlockId, e: BlockId) {
        self.terminate(Term::Branch(c, t, e));
    }

    /// Append an instruction to the current block; an operation that can
    /// raise gets the function's error edge.
    fn emit(&mut self, dst: Option<LocalId>, op: Op) {
        let err = op.may_raise().then_some(self.unwind);
        self.f.blocks[self.cur].insts.push(Inst {
            dst,
            op,
            err,
            line: self.line,
            col: self.col,
        });
    }

    /// A temporary holding `op`'s value.
    fn value(&mut self, ty: &Ty, op: Op) -> Operand {
        let t = self.temp(ty);
        self.emit(Some(t), op);
        Operand::Local(t)
    }

    fn prim(&mut self, sym: &str, ty: &Ty, args: Vec<Operand>) -> Operand {
        let id = crate::primitives::prim(sym);
        if *ty == Ty::None {
            self.emit(None, Op::Prim(id, args));
            Operand::Const(Const::Int(0))
        } else {
            self.value(ty, Op::Prim(id, args))
        }
    }

    fn prim_void(&mut self, sym: &str, args: Vec<Operand>) {
        let id = crate::primitives::prim(sym);
        self.emit(None, Op::Prim(id, args));
    }

    /// Raise `exc(msg)` here: the rest of the block is dead.
    fn raise(&mut self, exc: &str, msg: Option<&str>) {
        self.emit(
            None,
            Op::Raise {
                exc: exc.to_string(),
                msg: msg.map(|m| m.to_string()),
            },
        );
        self.terminate(Term::Unreachable);
    }

    fn at(&mut self, line: u32, col: u32) {
        self.line = line;
        self.col = col;
    }

    /// A RecursionCheck for what is about to run (`reclimit`), unless it
    /// checks nothing (or only calls of the program's functions, which
    /// check on entry).
    fn recursion_check(&mut self, checks: &reclimit::Checks) {
        let levels = reclimit::per_level(checks);
        if levels.is_empty() || (self.rec_offset == 0 && levels == [reclimit::Why::UserCall]) {
            return;
        }
        let levels = levels.iter().map(|w| w.suffix()).collect();
        self.emit(
            None,
            Op::RecursionCheck {
                levels,
                offset: self.rec_offset,
            },
        );
    }
}

fn int(v: i64) -> Operand {
    Operand::Const(Const::Int(v))
}

fn boolean(v: bool) -> Operand {
    Operand::Const(Const::Bool(v))
}

fn string(s: &str) -> Operand {
    Operand::Const(Const::Str(s.to_string()))
}
