//! Lists, dicts, sets: constructors and the inline paths of indexing.

use super::*;

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    pub(super) fn i64c(&self, v: i64) -> IntValue<'ctx> {
        self.ctx.i64_type().const_int(v as u64, true)
    }

    // ---- iteration ---------------------------------------------------------

    pub(super) fn tuple_elem_ptr(
        &mut self,
        ty: &Ty,
        t: PointerValue<'ctx>,
        i: IntValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        // A homogeneous tuple is laid out like an array of its field slot.
        let Ty::Tuple(ts) = ty else { unreachable!() };
        let arr = self.slot_ty(&ts[0]).array_type(ts.len() as u32);
        Ok(unsafe {
            self.b
                .build_in_bounds_gep(arr, t, &[self.ctx.i64_type().const_zero(), i], "")?
        })
    }

    // ---- constructors -------------------------------------------------------

    pub(super) fn dict_set(
        &mut self,
        d: PointerValue<'ctx>,
        kt: &Ty,
        k: BasicValueEnum<'ctx>,
        vt: &Ty,
        v: BasicValueEnum<'ctx>,
    ) -> Result<()> {
        let ks = self.spill(kt, k)?;
        let vs = self.spill(vt, v)?;
        self.call_rt("mg_dict_set", None, &[d.into(), ks.into(), vs.into()])?;
        Ok(())
    }

    /// Pointer to the slot at Python index `i` of a list, raising
    /// `IndexError: <msg>` when out of range.
    pub(super) fn list_index_ptr(
        &mut self,
        l: PointerValue<'ctx>,
        et: &Ty,
        i: IntValue<'ctx>,
        msg: &str,
    ) -> Result<PointerValue<'ctx>> {
        // One unsigned compare on the common path (0 <= i < len); negative
        // indices and errors go the slow way. `data` and `len` are both
        // loaded before the check, unconditionally, so LLVM can hoist them
        // out of loops (a load after the check may not execute).
        let data = self.list_data(l)?;
        let n = self.list_len(l)?;
        let in_range = self.b.build_int_compare(IntPredicate::ULT, i, n, "")?;
        let fast_bb = self.b.get_insert_block().unwrap();
        let slow = self.new_block("idx.neg");
        let join = self.new_block("idx.ok");
        self.b.build_conditional_branch(in_range, join, slow)?;
        let saved = self.stored_line;
        self.b.position_at_end(slow);
        let neg = self
            .b
            .build_int_compare(IntPredicate::SLT, i, self.i64c(0), "")?;
        // i + len cannot wrap into [0, len) for a non-negative i < 2**63.
        let adj = self.b.build_int_add(i, n, "")?;
        let adj_ok = self.b.build_int_compare(IntPredicate::ULT, adj, n, "")?;
        let good = self.b.build_and(neg, adj_ok, "")?;
        let bad = self.b.build_not(good, "")?;
        self.raise_if(bad, "IndexError", Some(msg))?;
        let slow_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        self.stored_line = saved;
        let phi = self.b.build_phi(self.t_i64(), "idx")?;
        phi.add_incoming(&[(&i, fast_bb), (&adj, slow_end)]);
        let i = phi.as_basic_value().into_int_value();
        self.slot_at(data, et, i)
    }

    // ---- methods ------------------------------------------------------------
}
