//! Long module-level code, built as a sequence of chunk functions.
//!
//! A program's module-level code is one function, `<module>`. When it is
//! long (a generated program, a long script), one LLVM function would hold
//! all of it: LLVM's code generator keeps a whole function's machine code in
//! memory at once (at -O0 about 18 KB per source line: a 200,000-line
//! script took 5.9 GB), and parts of the optimizer are superlinear in a
//! function's size (-O2 had not finished after 95 minutes, most of it in
//! SROA's mem2reg). So past `CHUNK_WEIGHT` statements, runs of top-level
//! statements become functions of their own (`Function::chunk`), called in
//! order from `<module>`; codegen makes them `noinline` so the optimizer
//! does not rebuild the giant function.
//!
//! A chunk pushes no frame: it writes its lines into the `<module>` frame
//! its caller passes, so tracebacks, line numbers and the recursion depth
//! are exactly as without chunks. In DWARF each chunk is a subprogram named
//! `<module>`. The locals of `<module>` are expression-scoped
//! (comprehension and lambda variables; module-level variables are
//! globals), so each chunk gets MIR locals for the variables it uses only.
//!
//! A module-level `if` too large for one chunk (`if __name__ == "__main__":`
//! around the whole program) is built in `<module>`, its branches chunked in
//! turn. Loops are never split (`break` and `continue` stay in one
//! function).

use super::*;
use crate::ir::{Stmt, StmtKind};

/// Statements per chunk, counting nested ones (about a source line each).
/// -O2's pipeline on 10,000 generated module-level lines took 10 s in
/// chunks of 50 or 100 statements, 17 s in chunks of 400 and 46 s in chunks
/// of 1,600 (superlinear in a function's size); one call per chunk costs
/// nothing measurable.
const CHUNK_WEIGHT: usize = 100;

fn weight(stmts: &[Stmt]) -> usize {
    stmts.iter().map(stmt_weight).sum()
}

fn stmt_weight(s: &Stmt) -> usize {
    1 + match &s.kind {
        StmtKind::If(_, then, els) => weight(then) + weight(els),
        StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
            weight(body) + weight(orelse)
        }
        _ => 0,
    }
}

/// Whether module-level code this long is built in chunks.
pub(super) fn is_large(body: &[Stmt]) -> bool {
    weight(body) > CHUNK_WEIGHT
}

impl<'p> Builder<'p> {
    /// `<module>` as calls of chunk functions, numbered from `first_id`.
    pub(super) fn chunked_module(
        id: FuncId,
        hf: &'p ir::Function,
        first_id: FuncId,
    ) -> (Function, Vec<Function>) {
        let f = Function {
            name: hf.name.clone(),
            symbol: hf.symbol.clone(),
            id,
            params: Vec::new(),
            ret: Ty::None,
            locals: Vec::new(),
            blocks: Vec::new(),
            line: hf.line,
            is_module: true,
            chunk: false,
        };
        let mut b = Builder::start(f, Some(&hf.locals));
        let mut chunks = Vec::new();
        b.chunk_block(hf, &hf.body, first_id, &mut chunks);
        (b.finish(&Ty::None), chunks)
    }

    fn chunk_block(
        &mut self,
        hf: &'p ir::Function,
        stmts: &'p [Stmt],
        first_id: FuncId,
        chunks: &mut Vec<Function>,
    ) {
        let (mut start, mut w) = (0, 0);
        for (i, s) in stmts.iter().enumerate() {
            let sw = stmt_weight(s);
            if let (StmtKind::If(c, then, els), true) = (&s.kind, sw > CHUNK_WEIGHT) {
                self.chunk_call(hf, &stmts[start..i], first_id, chunks);
                (start, w) = (i + 1, 0);
                self.at(s.line, s.col);
                self.recursion_check(&reclimit::stmt(s));
                let cv = self.cond(c);
                let tb = self.new_block();
                let eb = self.new_block();
                let end = self.new_block();
                self.branch(cv, tb, eb);
                for (bb, body) in [(tb, then), (eb, els)] {
                    self.switch_to(bb);
                    self.chunk_block(hf, body, first_id, chunks);
                    self.goto(end);
                }
                self.switch_to(end);
                continue;
            }
            if w > 0 && w + sw > CHUNK_WEIGHT {
                self.chunk_call(hf, &stmts[start..i], first_id, chunks);
                (start, w) = (i, 0);
            }
            w += sw;
        }
        self.chunk_call(hf, &stmts[start..], first_id, chunks);
    }

    /// Build a chunk of `stmts` and call it from here.
    fn chunk_call(
        &mut self,
        hf: &'p ir::Function,
        stmts: &'p [Stmt],
        first_id: FuncId,
        chunks: &mut Vec<Function>,
    ) {
        let Some(first) = stmts.first() else {
            return;
        };
        let id = first_id + chunks.len();
        let f = Function {
            name: hf.name.clone(),
            symbol: hf.symbol.clone(),
            id,
            params: Vec::new(),
            ret: Ty::None,
            locals: Vec::new(),
            blocks: Vec::new(),
            line: first.line,
            is_module: true,
            chunk: true,
        };
        let mut b = Builder::start(f, Some(&hf.locals));
        b.block(stmts);
        chunks.push(b.finish(&Ty::None));
        self.at(first.line, first.col);
        // The chunk's own error edges record the `<module>` traceback entry;
        // until exceptions propagate, the runtime's raise exits.
        self.emit(None, Op::Call(id, Vec::new(), 0));
    }
}
