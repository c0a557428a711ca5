//! Types, container slots, type descriptors and reference counting.

use super::*;

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    /// The LLVM type of a value held in a variable or passed around.
    pub(super) fn llty(&self, t: &Ty) -> BasicTypeEnum<'ctx> {
        match t {
            Ty::Int => self.ctx.i64_type().into(),
            Ty::Float => self.ctx.f64_type().into(),
            Ty::Bool => self.ctx.bool_type().into(),
            Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => self.ptr_t().into(),
            Ty::Tuple(ts) => {
                let fields: Vec<BasicTypeEnum> = ts.iter().map(|t| self.slot_ty(t)).collect();
                self.ctx.struct_type(&fields, false).into()
            }
            Ty::None => unreachable!("None has no value representation"),
        }
    }

    /// The LLVM type of a value stored in a container slot or tuple field
    /// (as the runtime's `MgType` describes it: bool is one byte).
    pub(super) fn slot_ty(&self, t: &Ty) -> BasicTypeEnum<'ctx> {
        match t {
            Ty::Bool => self.ctx.i8_type().into(),
            t => self.llty(t),
        }
    }

    pub(super) fn to_slot(
        &mut self,
        t: &Ty,
        v: BasicValueEnum<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        Ok(match t {
            Ty::Bool => self
                .b
                .build_int_z_extend(v.into_int_value(), self.ctx.i8_type(), "")?
                .into(),
            _ => v,
        })
    }

    pub(super) fn from_slot(
        &mut self,
        t: &Ty,
        v: BasicValueEnum<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        Ok(match t {
            Ty::Bool => self
                .b
                .build_int_compare(
                    IntPredicate::NE,
                    v.into_int_value(),
                    self.ctx.i8_type().const_zero(),
                    "",
                )?
                .into(),
            _ => v,
        })
    }

    /// Load a value (borrowed) from a slot pointer.
    pub(super) fn load_slot(
        &mut self,
        t: &Ty,
        p: PointerValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let v = self.b.build_load(self.slot_ty(t), p, "")?;
        if let Some(i) = inkwell::values::BasicValue::as_instruction_value(&v) {
            self.tbaa(i, Tbaa::Slot(t));
            // A slot never holds a null or dead object: its header may be
            // loaded speculatively (hoisted out of loops).
            if let Some(n) = self.object_header_size(t) {
                let i64t = self.ctx.i64_type();
                let _ =
                    i.set_metadata(self.ctx.metadata_node(&[]), self.ctx.get_kind_id("nonnull"));
                let _ = i.set_metadata(
                    self.ctx.metadata_node(&[i64t.const_int(n, false).into()]),
                    self.ctx.get_kind_id("dereferenceable"),
                );
                let a = self.object_header_align(t);
                let _ = i.set_metadata(
                    self.ctx.metadata_node(&[i64t.const_int(a, false).into()]),
                    self.ctx.get_kind_id("align"),
                );
            }
        }
        self.from_slot(t, v)
    }

    /// Alignment of a str's or list's header (the runtime allocates them
    /// at least this aligned).
    pub(super) fn object_header_align(&self, t: &Ty) -> u64 {
        match t {
            Ty::Str => self.td.get_abi_alignment(&self.str_hdr) as u64,
            _ => self.td.get_abi_alignment(&self.list_ty) as u64,
        }
    }

    /// Bytes of a str's or list's header that generated code reads
    /// (`MgStr` without its bytes, `MgList`); None for other types.
    pub(super) fn object_header_size(&self, t: &Ty) -> Option<u64> {
        match t {
            Ty::Str => Some(self.td.get_abi_size(&self.str_hdr)),
            Ty::List(_) => Some(self.td.get_abi_size(&self.list_ty)),
            _ => None,
        }
    }

    /// Store `v` (ownership moves) into a container slot.
    pub(super) fn store_slot(
        &mut self,
        t: &Ty,
        p: PointerValue<'ctx>,
        v: BasicValueEnum<'ctx>,
    ) -> Result<()> {
        let sv = self.to_slot(t, v)?;
        let st = self.b.build_store(p, sv)?;
        self.tbaa(st, Tbaa::Slot(t));
        Ok(())
    }

    /// Attach a type-based alias analysis tag to a load or store. Generated
    /// code tags only memory whose kind it knows for certain: a container
    /// slot holding a scalar of one kind, a list's `len`/`data` fields, the
    /// frame's line number. Distinct tags never alias, so LLVM may keep a
    /// list's length and data pointer in registers across element stores
    /// and hoist the line-number store out of loops. Untagged accesses (and
    /// the C runtime's, whose tags have another root) alias everything.
    pub(super) fn tbaa(&self, inst: inkwell::values::InstructionValue<'ctx>, tag: Tbaa<'_>) {
        let name = match tag {
            Tbaa::ListLen => "mg list.len",
            Tbaa::ListData => "mg list.data",
            Tbaa::FrameLine => "mg frame.line",
            Tbaa::Slot(t) => match t {
                Ty::Int => "mg slot int",
                Ty::Float => "mg slot float",
                Ty::Bool => "mg slot bool",
                t if t.is_object() => "mg slot object",
                _ => return,
            },
        };
        let root = self
            .ctx
            .metadata_node(&[self.ctx.metadata_string("mgen TBAA").into()]);
        let zero = self.ctx.i64_type().const_zero();
        let ty = self.ctx.metadata_node(&[
            self.ctx.metadata_string(name).into(),
            root.into(),
            zero.into(),
        ]);
        let access = self.ctx.metadata_node(&[ty.into(), ty.into(), zero.into()]);
        let kind = self.ctx.get_kind_id("tbaa");
        let _ = inst.set_metadata(access, kind);
    }

    /// Put a value in a fresh stack slot (for runtime calls taking `void *`).
    pub(super) fn spill(&mut self, t: &Ty, v: BasicValueEnum<'ctx>) -> Result<PointerValue<'ctx>> {
        let p = self.entry_alloca(self.slot_ty(t), "slot")?;
        let sv = self.to_slot(t, v)?;
        self.b.build_store(p, sv)?;
        Ok(p)
    }

    /// Field `i` of a tuple value, as a value (not a new reference).
    pub(super) fn tuple_field(
        &mut self,
        t: &Ty,
        v: BasicValueEnum<'ctx>,
        i: usize,
    ) -> Result<BasicValueEnum<'ctx>> {
        let Ty::Tuple(ts) = t else { unreachable!() };
        let f = self
            .b
            .build_extract_value(v.into_struct_value(), i as u32, "")?;
        self.from_slot(&ts[i], f)
    }

    /// Build a tuple value from field values (ownership moves in).
    pub(super) fn make_tuple(
        &mut self,
        t: &Ty,
        fields: &[BasicValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>> {
        let Ty::Tuple(ts) = t else { unreachable!() };
        let st = self.llty(t).into_struct_type();
        let mut agg: inkwell::values::AggregateValueEnum = st.get_undef().into();
        for (i, (f, ft)) in fields.iter().zip(ts).enumerate() {
            let sv = self.to_slot(ft, *f)?;
            agg = self.b.build_insert_value(agg, sv, i as u32, "")?;
        }
        Ok(agg.into_struct_value().into())
    }

    // ---- type descriptors ---------------------------------------------------

    /// Pointer to the runtime `MgType` describing slots of type `t`.
    pub(super) fn type_desc(&mut self, t: &Ty) -> PointerValue<'ctx> {
        let name = match t {
            Ty::Int => "mg_type_int",
            Ty::Float => "mg_type_float",
            Ty::Bool => "mg_type_bool",
            Ty::Str => "mg_type_str",
            Ty::List(_) => "mg_type_list",
            Ty::Dict(..) => "mg_type_dict",
            Ty::Set(_) => "mg_type_set",
            Ty::Tuple(_) => return self.tuple_desc(t),
            Ty::None => unreachable!(),
        };
        if let Some(g) = self.module.get_global(name) {
            return g.as_pointer_value();
        }
        let g = self.module.add_global(self.desc_ty(), None, name);
        g.set_linkage(Linkage::External);
        g.set_constant(true);
        g.as_pointer_value()
    }

    fn desc_ty(&self) -> StructType<'ctx> {
        let i32t = self.ctx.i32_type();
        let p = self.ptr_t();
        self.ctx.struct_type(
            &[
                i32t.into(),
                i32t.into(),
                i32t.into(),
                i32t.into(),
                p.into(),
                p.into(),
            ],
            false,
        )
    }

    /// A constant descriptor for a tuple shape: field types and offsets as
    /// the target lays the struct out.
    fn tuple_desc(&mut self, t: &Ty) -> PointerValue<'ctx> {
        if let Some(p) = self.tuple_descs.get(t) {
            return *p;
        }
        let Ty::Tuple(ts) = t else { unreachable!() };
        let st = self.llty(t).into_struct_type();
        let n = ts.len();
        let field_ptrs: Vec<PointerValue> = ts.iter().map(|f| self.type_desc(f)).collect();
        let fields_arr = self.ptr_t().const_array(&field_ptrs);
        let fg = self.module.add_global(
            fields_arr.get_type(),
            None,
            &format!("tuple.fields.{}", self.tuple_descs.len()),
        );
        fg.set_linkage(Linkage::Private);
        fg.set_constant(true);
        fg.set_initializer(&fields_arr);
        let i64t = self.ctx.i64_type();
        let offs: Vec<IntValue> = (0..n)
            .map(|i| i64t.const_int(self.td.offset_of_element(&st, i as u32).unwrap_or(0), false))
            .collect();
        let offs_arr = i64t.const_array(&offs);
        let og = self.module.add_global(
            offs_arr.get_type(),
            None,
            &format!("tuple.offsets.{}", self.tuple_descs.len()),
        );
        og.set_linkage(Linkage::Private);
        og.set_constant(true);
        og.set_initializer(&offs_arr);
        let i32t = self.ctx.i32_type();
        let size = self.td.get_abi_size(&st);
        let align = self.td.get_abi_alignment(&st);
        let val = self.desc_ty().const_named_struct(&[
            i32t.const_int(8, false).into(), // MG_KIND_TUPLE
            i32t.const_int(size, false).into(),
            i32t.const_int(align as u64, false).into(),
            i32t.const_int(n as u64, false).into(),
            fg.as_pointer_value().into(),
            og.as_pointer_value().into(),
        ]);
        let g = self.module.add_global(
            self.desc_ty(),
            None,
            &format!("tuple.type.{}", self.tuple_descs.len()),
        );
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_initializer(&val);
        let p = g.as_pointer_value();
        self.tuple_descs.insert(t.clone(), p);
        p
    }

    // ---- reference counting ---------------------------------------------------

    /// An internal helper function built once per module, outside the
    /// current function (its own builder, no debug location).
    fn rc_helper(&mut self, name: &str, free: Option<&str>) -> FunctionValue<'ctx> {
        if let Some(f) = self.module.get_function(name) {
            return f;
        }
        let ptr = self.ptr_t();
        let fty = self.ctx.void_type().fn_type(&[ptr.into()], false);
        let f = self.module.add_function(name, fty, Some(Linkage::Internal));
        // Inlined when optimizing; at -O0 a call (inlined, the helpers made
        // up half of -O0's machine code and build time).
        if self.optimized {
            let inline = inkwell::attributes::Attribute::get_named_enum_kind_id("alwaysinline");
            f.add_attribute(
                inkwell::attributes::AttributeLoc::Function,
                self.ctx.create_enum_attribute(inline, 0),
            );
        }
        let b = self.ctx.create_builder();
        let entry = self.ctx.append_basic_block(f, "entry");
        let live = self.ctx.append_basic_block(f, "live");
        let counted = self.ctx.append_basic_block(f, "counted");
        let done = self.ctx.append_basic_block(f, "done");
        let i64t = self.ctx.i64_type();
        let p = f.get_nth_param(0).unwrap().into_pointer_value();
        b.position_at_end(entry);
        let is_null = b.build_is_null(p, "").unwrap();
        b.build_conditional_branch(is_null, done, live).unwrap();
        b.position_at_end(live);
        let rc = b.build_load(i64t, p, "rc").unwrap().into_int_value();
        match free {
            None => {
                // incref: immortal objects have rc < 0.
                let immortal = b
                    .build_int_compare(IntPredicate::SLT, rc, i64t.const_zero(), "")
                    .unwrap();
                b.build_conditional_branch(immortal, done, counted).unwrap();
                b.position_at_end(counted);
                let rc1 = b.build_int_add(rc, i64t.const_int(1, false), "").unwrap();
                b.build_store(p, rc1).unwrap();
                b.build_unconditional_branch(done).unwrap();
            }
            Some(free) => {
                let positive = b
                    .build_int_compare(IntPredicate::SGT, rc, i64t.const_zero(), "")
                    .unwrap();
                b.build_conditional_branch(positive, counted, done).unwrap();
                b.position_at_end(counted);
                let rc1 = b.build_int_sub(rc, i64t.const_int(1, false), "").unwrap();
                b.build_store(p, rc1).unwrap();
                let dead = self.ctx.append_basic_block(f, "dead");
                let zero = b
                    .build_int_compare(IntPredicate::EQ, rc1, i64t.const_zero(), "")
                    .unwrap();
                b.build_conditional_branch(zero, dead, done).unwrap();
                b.position_at_end(dead);
                let ff = self.rt(free, None, &[ptr.into()]);
                let cs = b.build_call(ff, &[p.into()], "").unwrap();
                cs.set_call_convention(self.target.c_call_conv.llvm_id());
                b.build_unconditional_branch(done).unwrap();
            }
        }
        b.position_at_end(done);
        b.build_return(None).unwrap();
        f
    }

    /// Take one more reference to `v` (no-op for plain values).
    pub(super) fn incref(&mut self, t: &Ty, v: BasicValueEnum<'ctx>) -> Result<()> {
        match t {
            Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => {
                let f = self.rc_helper("mg.incref", None);
                self.b.build_call(f, &[v.into()], "")?;
            }
            Ty::Tuple(ts) => {
                for (i, ft) in ts.iter().enumerate() {
                    if ft.is_heap() {
                        let fv = self.tuple_field(t, v, i)?;
                        self.incref(ft, fv)?;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Drop a reference to `v`, freeing it when it was the last.
    pub(super) fn decref(&mut self, t: &Ty, v: BasicValueEnum<'ctx>) -> Result<()> {
        let (name, free) = match t {
            Ty::Str => ("mg.decref.str", "mg_str_free"),
            Ty::List(_) => ("mg.decref.list", "mg_list_free"),
            Ty::Dict(..) => ("mg.decref.dict", "mg_dict_free"),
            Ty::Set(_) => ("mg.decref.set", "mg_set_free"),
            Ty::Tuple(ts) => {
                for (i, ft) in ts.iter().enumerate() {
                    if ft.is_heap() {
                        let fv = self.tuple_field(t, v, i)?;
                        self.decref(ft, fv)?;
                    }
                }
                return Ok(());
            }
            _ => return Ok(()),
        };
        let f = self.rc_helper(name, Some(free));
        self.b.build_call(f, &[v.into()], "")?;
        Ok(())
    }

    // ---- generic value operations (through the runtime's MgType) ----------

    /// str(x) as a new string.
    pub(super) fn to_str_value(
        &mut self,
        t: &Ty,
        v: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<BasicValueEnum<'ctx>> {
        let ptr = Some(self.t_ptr());
        Ok(match t {
            Ty::Int => self.call_rt("mg_str_from_int", ptr, &[v])?.unwrap(),
            Ty::Float => self.call_rt("mg_str_from_float", ptr, &[v])?.unwrap(),
            Ty::Bool => self.call_rt("mg_str_from_bool", ptr, &[v])?.unwrap(),
            Ty::Str => {
                self.incref(t, v)?;
                v
            }
            _ => {
                self.set_line(line)?;
                let d = self.type_desc(t);
                let s = self.spill(t, v)?;
                self.call_rt("mg_val_str", ptr, &[d.into(), s.into()])?
                    .unwrap()
            }
        })
    }

    /// repr(x) as a new string.
    pub(super) fn repr_value(
        &mut self,
        t: &Ty,
        v: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<BasicValueEnum<'ctx>> {
        match t {
            Ty::Int | Ty::Float | Ty::Bool => self.to_str_value(t, v, line),
            Ty::Str => Ok(self
                .call_rt("mg_str_repr", Some(self.t_ptr()), &[v])?
                .unwrap()),
            _ => {
                self.set_line(line)?;
                let d = self.type_desc(t);
                let s = self.spill(t, v)?;
                Ok(self
                    .call_rt("mg_val_repr", Some(self.t_ptr()), &[d.into(), s.into()])?
                    .unwrap())
            }
        }
    }

    pub(super) fn list_len(&mut self, l: PointerValue<'ctx>) -> Result<IntValue<'ctx>> {
        let p = self.b.build_struct_gep(self.list_ty, l, 2, "")?;
        let v = self.b.build_load(self.ctx.i64_type(), p, "len")?;
        if let Some(i) = inkwell::values::BasicValue::as_instruction_value(&v) {
            self.tbaa(i, Tbaa::ListLen);
        }
        Ok(v.into_int_value())
    }

    /// Pointer to slot `i` (already in range) of a list with element type `et`.
    pub(super) fn list_slot_ptr(
        &mut self,
        l: PointerValue<'ctx>,
        et: &Ty,
        i: IntValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        let data = self.list_data(l)?;
        self.slot_at(data, et, i)
    }

    /// A list's `data` pointer (its slots).
    pub(super) fn list_data(&mut self, l: PointerValue<'ctx>) -> Result<PointerValue<'ctx>> {
        let dp = self.b.build_struct_gep(self.list_ty, l, 4, "")?;
        let data = self.b.build_load(self.ptr_t(), dp, "data")?;
        if let Some(i) = inkwell::values::BasicValue::as_instruction_value(&data) {
            self.tbaa(i, Tbaa::ListData);
        }
        Ok(data.into_pointer_value())
    }

    /// Slot `i` of a slot array.
    pub(super) fn slot_at(
        &mut self,
        data: PointerValue<'ctx>,
        et: &Ty,
        i: IntValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        Ok(unsafe {
            self.b
                .build_in_bounds_gep(self.slot_ty(et), data, &[i], "")?
        })
    }

    /// len() of a str or container.
    pub(super) fn len_value(&mut self, t: &Ty, v: BasicValueEnum<'ctx>) -> Result<IntValue<'ctx>> {
        Ok(match t {
            Ty::Str => {
                let p = self
                    .b
                    .build_struct_gep(self.str_hdr, v.into_pointer_value(), 2, "")?;
                self.b
                    .build_load(self.ctx.i64_type(), p, "nchars")?
                    .into_int_value()
            }
            Ty::Tuple(ts) => self.ctx.i64_type().const_int(ts.len() as u64, false),
            _ => self.container_len(t, v)?,
        })
    }

    pub(super) fn container_len(
        &mut self,
        t: &Ty,
        v: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        Ok(match t {
            Ty::List(_) => self.list_len(v.into_pointer_value())?,
            Ty::Dict(..) => self
                .call_rt("mg_dict_len", Some(self.t_i64()), &[v])?
                .unwrap()
                .into_int_value(),
            Ty::Set(_) => self
                .call_rt("mg_set_len", Some(self.t_i64()), &[v])?
                .unwrap()
                .into_int_value(),
            _ => unreachable!(),
        })
    }

    /// == / < between two containers (or tuples) of the same type.
    pub(super) fn compare_values(
        &mut self,
        op: CmpOp,
        t: &Ty,
        l: BasicValueEnum<'ctx>,
        r: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<IntValue<'ctx>> {
        self.set_line(line)?;
        let d = self.type_desc(t);
        let a = self.spill(t, l)?;
        let b = self.spill(t, r)?;
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let eq = self
                .call_rt(
                    "mg_val_eq",
                    Some(self.t_bool()),
                    &[d.into(), a.into(), b.into()],
                )?
                .unwrap()
                .into_int_value();
            return Ok(if op == CmpOp::Eq {
                eq
            } else {
                self.b.build_not(eq, "")?
            });
        }
        if let Ty::Set(_) = t {
            // Sets order by inclusion: a <= b is a.issubset(b).
            let (x, y) = if matches!(op, CmpOp::Le | CmpOp::Lt) {
                (l, r)
            } else {
                (r, l)
            };
            let sub = self
                .call_rt("mg_set_issubset", Some(self.t_bool()), &[x, y])?
                .unwrap()
                .into_int_value();
            if matches!(op, CmpOp::Le | CmpOp::Ge) {
                return Ok(sub);
            }
            let eq = self
                .call_rt(
                    "mg_val_eq",
                    Some(self.t_bool()),
                    &[d.into(), a.into(), b.into()],
                )?
                .unwrap()
                .into_int_value();
            let ne = self.b.build_not(eq, "")?;
            return Ok(self.b.build_and(sub, ne, "")?);
        }
        let c = self
            .call_rt(
                "mg_val_cmp",
                Some(self.t_i32()),
                &[d.into(), a.into(), b.into()],
            )?
            .unwrap()
            .into_int_value();
        let i32t = self.ctx.i32_type();
        let k = |v: i64| i32t.const_int(v as u64, true);
        Ok(match op {
            CmpOp::Lt => self.b.build_int_compare(IntPredicate::EQ, c, k(-1), "")?,
            CmpOp::Gt => self.b.build_int_compare(IntPredicate::EQ, c, k(1), "")?,
            CmpOp::Le => {
                let a = self.b.build_int_compare(IntPredicate::EQ, c, k(-1), "")?;
                let b = self.b.build_int_compare(IntPredicate::EQ, c, k(0), "")?;
                self.b.build_or(a, b, "")?
            }
            CmpOp::Ge => {
                let a = self.b.build_int_compare(IntPredicate::EQ, c, k(1), "")?;
                let b = self.b.build_int_compare(IntPredicate::EQ, c, k(0), "")?;
                self.b.build_or(a, b, "")?
            }
            _ => unreachable!(),
        })
    }

    /// Tuples of different shapes (checked: each pair of the common prefix
    /// comparable), as CPython: the first pair that is not equal decides,
    /// else the lengths do. `l`, `r` are borrowed.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn compare_tuples(
        &mut self,
        op: CmpOp,
        lt: &Ty,
        l: BasicValueEnum<'ctx>,
        rt: &Ty,
        r: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<IntValue<'ctx>> {
        let (Ty::Tuple(ls), Ty::Tuple(rs)) = (lt, rt) else {
            unreachable!()
        };
        let bool_t = self.ctx.bool_type();
        let end = self.new_block("tcmp.end");
        let mut incoming: Vec<(IntValue<'ctx>, BasicBlock<'ctx>)> = Vec::new();
        for i in 0..ls.len().min(rs.len()) {
            let a = self.tuple_field(lt, l, i)?;
            let b = self.tuple_field(rt, r, i)?;
            let eq = self.compare(CmpOp::Eq, &ls[i], a, &rs[i], b, line)?;
            let next = self.new_block("tcmp.next");
            let diff = self.new_block("tcmp.diff");
            self.b.build_conditional_branch(eq, next, diff)?;
            self.position(diff);
            let res = match op {
                CmpOp::Eq => bool_t.const_zero(),
                CmpOp::Ne => bool_t.const_all_ones(),
                _ => self.compare(op, &ls[i], a, &rs[i], b, line)?,
            };
            incoming.push((res, self.b.get_insert_block().unwrap()));
            self.b.build_unconditional_branch(end)?;
            self.position(next);
        }
        let (n, m) = (ls.len(), rs.len());
        let by_len = match op {
            CmpOp::Eq => n == m,
            CmpOp::Ne => n != m,
            CmpOp::Lt => n < m,
            CmpOp::Le => n <= m,
            CmpOp::Gt => n > m,
            CmpOp::Ge => n >= m,
        };
        incoming.push((
            bool_t.const_int(by_len as u64, false),
            self.b.get_insert_block().unwrap(),
        ));
        self.b.build_unconditional_branch(end)?;
        self.position(end);
        let phi = self.b.build_phi(bool_t, "")?;
        for (v, bb) in &incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        Ok(phi.as_basic_value().into_int_value())
    }
}

/// What a tagged memory access touches (see `Lowerer::tbaa`).
#[derive(Clone, Copy)]
pub(super) enum Tbaa<'t> {
    ListLen,
    ListData,
    FrameLine,
    /// A container slot holding a value of this type.
    Slot(&'t Ty),
}
