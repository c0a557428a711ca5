//! Long module-level code, lowered as a sequence of chunk functions.
//!
//! A program's module-level code is one function, `<module>`. When it is
//! long (a generated program, a long script), one LLVM function would hold
//! all of it: LLVM's code generator keeps a whole function's machine code in
//! memory at once (at -O0 about 18 KB per source line: 200,000 lines took
//! 5.9 GB), and parts of the optimizer are superlinear in a function's size
//! (-O2 had not finished after 95 minutes, 25 of them CPU in SROA's
//! mem2reg). So past `CHUNK_WEIGHT` statements, runs of top-level
//! statements become internal functions `mg_module_main.K(frame)`, called
//! in order from `mg_module_main` and marked `noinline` so the optimizer
//! does not rebuild the giant function.
//!
//! A chunk pushes no frame of its own: it writes its lines into the
//! `<module>` frame it is passed, so tracebacks, line numbers and the
//! recursion depth are exactly as without chunks. In DWARF each chunk is a
//! subprogram named `<module>` (a debugger shows `<module>` called from
//! `<module>`). The locals of `<module>` are expression-scoped (comprehension
//! and lambda variables; module-level variables are globals), so each chunk
//! creates the slots of the locals it uses on first use; a local used by two
//! chunks would be an internal compiler error.
//!
//! A module-level `if` too large for one chunk (`if __name__ == "__main__":`
//! around the whole program) is lowered in `mg_module_main` with its
//! branches chunked in turn. Loops are never split.

use super::*;

/// Statements per chunk, counting nested ones (about a source line each).
/// -O2's pipeline on 10,000 generated module-level lines took 10 s in
/// chunks of 50 or 100 statements, 17 s in chunks of 400 and 46 s in chunks
/// of 1,600 (superlinear in the function's size); one call per chunk costs
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

/// Whether module-level code this long is lowered in chunks.
pub(super) fn is_large(body: &[Stmt]) -> bool {
    weight(body) > CHUNK_WEIGHT
}

/// Chunk functions declared and called, whose bodies are lowered once
/// `<module>` itself is complete.
pub(super) type Pending<'ctx, 'p> = Vec<(FunctionValue<'ctx>, &'p [Stmt])>;

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    /// Lower the module body `stmts` (in `mg_module_main`) as calls to
    /// chunk functions.
    pub(super) fn module_chunks(&mut self, stmts: &'p [Stmt]) -> Result<Pending<'ctx, 'p>> {
        let mut pending = Vec::new();
        self.chunk_block(stmts, &mut pending)?;
        Ok(pending)
    }

    fn chunk_block(&mut self, stmts: &'p [Stmt], pending: &mut Pending<'ctx, 'p>) -> Result<()> {
        let (mut start, mut w) = (0, 0);
        for (i, s) in stmts.iter().enumerate() {
            let sw = stmt_weight(s);
            if let (StmtKind::If(c, then, els), true) = (&s.kind, sw > CHUNK_WEIGHT) {
                self.chunk_call(&stmts[start..i], pending)?;
                (start, w) = (i + 1, 0);
                self.chunked_if(s, c, then, els, pending)?;
                continue;
            }
            if w > 0 && w + sw > CHUNK_WEIGHT {
                self.chunk_call(&stmts[start..i], pending)?;
                (start, w) = (i, 0);
            }
            w += sw;
        }
        self.chunk_call(&stmts[start..], pending)
    }

    fn chunked_if(
        &mut self,
        s: &Stmt,
        c: &Expr,
        then: &'p [Stmt],
        els: &'p [Stmt],
        pending: &mut Pending<'ctx, 'p>,
    ) -> Result<()> {
        self.set_debug_loc(s.line, s.col);
        let cv = self.expr(c)?.into_int_value();
        let tb = self.new_block("then");
        let eb = self.new_block("else");
        let end = self.new_block("endif");
        self.b.build_conditional_branch(cv, tb, eb)?;
        for (bb, body) in [(tb, then), (eb, els)] {
            self.position(bb);
            self.chunk_block(body, pending)?;
            self.b.build_unconditional_branch(end)?;
        }
        self.position(end);
        Ok(())
    }

    /// Declare a chunk for `stmts` and call it (with the `<module>` frame).
    fn chunk_call(&mut self, stmts: &'p [Stmt], pending: &mut Pending<'ctx, 'p>) -> Result<()> {
        let Some(first) = stmts.first() else {
            return Ok(());
        };
        let fty = self.ctx.void_type().fn_type(&[self.ptr_t().into()], false);
        let name = format!("mg_module_main.{}", pending.len());
        let fv = self
            .module
            .add_function(&name, fty, Some(Linkage::Internal));
        fv.set_call_conventions(self.target.internal_call_conv.llvm_id());
        let noinline = inkwell::attributes::Attribute::get_named_enum_kind_id("noinline");
        fv.add_attribute(
            inkwell::attributes::AttributeLoc::Function,
            self.ctx.create_enum_attribute(noinline, 0),
        );
        self.set_debug_loc(first.line, first.col);
        let frame = self.frame.unwrap();
        let cs = self.b.build_call(fv, &[frame.into()], "")?;
        cs.set_call_convention(self.target.internal_call_conv.llvm_id());
        // The chunk writes the frame's line.
        self.stored_line = None;
        pending.push((fv, stmts));
        Ok(())
    }

    /// Lower chunk `k` of `<module>` (function `f`) into `fv`.
    pub(super) fn lower_chunk(
        &mut self,
        k: usize,
        fv: FunctionValue<'ctx>,
        f: &'p Function,
        stmts: &'p [Stmt],
    ) -> Result<()> {
        let first = &stmts[0];
        self.cur_fn = Some(fv);
        self.chunk = Some(k);
        self.overflow_bb = None;
        self.zerodiv_bb = [None, None];
        self.loops.clear();
        self.iter_temps.clear();
        self.rec_offset = 0;
        self.gen_consumer = 0;
        self.jump_ctx = false;
        self.frame_prev = None;
        self.ret_slot = None;
        self.locals = vec![None; f.locals.len()];
        if let Some(d) = &mut self.dbg {
            d.begin_function(fv, &f.name, first.line, true, &[], &Ty::None);
        }
        let entry = self.ctx.append_basic_block(fv, "entry");
        self.entry_bb = Some(entry);
        self.position(entry);
        self.set_debug_loc(first.line, first.col);
        let frame = fv.get_nth_param(0).unwrap().into_pointer_value();
        self.frame = Some(frame);
        // The `<module>` frame's depth, read in this function (the value
        // `mg_module_main` computed belongs to that function); recursion
        // checks and calls from inlined frames use it.
        let pd = self.b.build_struct_gep(self.frame_ty, frame, 3, "")?;
        let depth = self.b.build_load(self.ctx.i32_type(), pd, "depth")?;
        self.depth = Some(depth.into_int_value());
        self.line = Some(first.line);
        let exit = self.ctx.append_basic_block(fv, "exit");
        self.exit_bb = Some(exit);
        self.block(stmts)?;
        if !self.terminated() {
            self.b.build_unconditional_branch(exit)?;
        }
        self.position(exit);
        self.release_locals(f)?;
        self.b.build_return(None)?;
        self.chunk = None;
        Ok(())
    }

    /// Create the slot of `<module>` local `l` on its first use in the
    /// current chunk (or in `mg_module_main` itself, e.g. in the condition
    /// of a chunked `if`): an alloca in the entry block, initialized there.
    pub(super) fn chunk_local(&mut self, l: LocalId) -> Result<PointerValue<'ctx>> {
        let prog = self.prog;
        let v = &prog.functions[self.cur.unwrap()].locals[l];
        let owner = self.chunk.unwrap_or(usize::MAX);
        if let Some(&o) = self.local_chunk.get(&l) {
            if o != owner {
                anyhow::bail!(
                    "internal compiler error: module-level local '{}' is used by two chunks of module code",
                    v.name
                );
            }
        }
        self.local_chunk.insert(l, owner);
        let init = self.initial_value(&v.ty);
        let ty = self.llty(&v.ty);
        let entry = self.entry_bb.unwrap();
        let b = self.ctx.create_builder();
        match entry.get_first_instruction() {
            Some(i) => b.position_before(&i),
            None => b.position_at_end(entry),
        }
        let slot = b.build_alloca(ty, &v.name)?;
        let init_store = b.build_store(slot, init)?;
        if let Some(d) = &mut self.dbg {
            d.declare_variable(slot, &v.name, &v.ty, v.line, None, entry, Some(init_store));
        }
        self.locals[l] = Some(slot);
        Ok(slot)
    }
}
