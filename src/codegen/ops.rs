//! One emitter per MIR operation.

use super::*;
use crate::mir::{Const, Inst, IterNextKind, Op, Operand};
use crate::primitives::{self, Arg, DescOf, Ret, Row, C};

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    pub(super) fn local_ty(&self, l: mir::LocalId) -> &'p Ty {
        &self.mf.unwrap().locals[l].ty
    }

    pub(super) fn operand_ty(&self, o: &Operand) -> Ty {
        match o {
            Operand::Local(l) => self.local_ty(*l).clone(),
            Operand::Global(g) => self.prog.globals[*g].ty.clone(),
            Operand::Const(c) => match c {
                Const::Int(_) => Ty::Int,
                Const::Float(_) => Ty::Float,
                Const::Bool(_) => Ty::Bool,
                Const::Str(_) | Const::CStr(_) => Ty::Str,
                Const::Zero(t) => t.clone(),
            },
        }
    }

    pub(super) fn operand(&mut self, o: &Operand) -> Result<BasicValueEnum<'ctx>> {
        Ok(match o {
            Operand::Local(l) => match self.slots[*l] {
                Slot::Ssa(Some(v)) => v,
                Slot::Ssa(None) => {
                    panic!(
                        "MIR {}: %{l} used before its definition was emitted",
                        self.mf.unwrap().name
                    )
                }
                Slot::Stack(p) => {
                    let t = self.llty(self.local_ty(*l));
                    self.b.build_load(t, p, "")?
                }
            },
            Operand::Global(g) => {
                let t = self.llty(&self.prog.globals[*g].ty.clone());
                self.b
                    .build_load(t, self.globals[*g].as_pointer_value(), "")?
            }
            Operand::Const(c) => match c {
                Const::Int(v) => self.ctx.i64_type().const_int(*v as u64, true).into(),
                Const::Float(v) => self.ctx.f64_type().const_float(*v).into(),
                Const::Bool(v) => self.ctx.bool_type().const_int(*v as u64, false).into(),
                Const::Str(s) => self.str_const(s).into(),
                Const::CStr(s) => self.cstr(s).into(),
                Const::Zero(t) => self.llty(t).const_zero(),
            },
        })
    }

    fn set_local(&mut self, l: mir::LocalId, v: BasicValueEnum<'ctx>) -> Result<()> {
        match self.slots[l] {
            Slot::Stack(p) => {
                self.b.build_store(p, v)?;
            }
            Slot::Ssa(_) => self.slots[l] = Slot::Ssa(Some(v)),
        }
        Ok(())
    }

    fn local_ptr(&self, l: mir::LocalId) -> PointerValue<'ctx> {
        match self.slots[l] {
            Slot::Stack(p) => p,
            Slot::Ssa(_) => panic!("MIR: %{l} must live in a stack slot"),
        }
    }

    pub(super) fn inst(&mut self, i: &Inst) -> Result<()> {
        self.set_line(i.line)?;
        let dst_ty = i.dst.map(|d| self.local_ty(d).clone());
        let v: Option<BasicValueEnum<'ctx>> = match &i.op {
            Op::Move(o) => Some(self.operand(o)?),
            Op::Call(fid, args, extra) => {
                let mut vals: Vec<BasicMetadataValueEnum> = Vec::new();
                for a in args {
                    vals.push(self.operand(a)?.into());
                }
                if self.prog.functions[*fid].chunk {
                    vals.push(self.frame.unwrap().into());
                }
                self.flush_line()?;
                // Inside a frame CPython has and mgen runs inline, the
                // callee is that much deeper: the frame says so during the
                // call.
                let bump = match (*extra, self.depth, self.frame) {
                    (0, _, _) | (_, None, _) | (_, _, None) => None,
                    (k, Some(d), Some(f)) => {
                        let i32t = self.ctx.i32_type();
                        let p = self.b.build_struct_gep(self.frame_ty, f, 3, "")?;
                        let dk = self
                            .b
                            .build_int_add(d, i32t.const_int(k as u64, false), "")?;
                        self.b.build_store(p, dk)?;
                        Some((p, d))
                    }
                };
                let cs = self.b.build_call(self.funcs[*fid], &vals, "")?;
                cs.set_call_convention(self.target.internal_call_conv.llvm_id());
                if let Some((p, d)) = bump {
                    self.b.build_store(p, d)?;
                }
                match cs.try_as_basic_value() {
                    ValueKind::Basic(v) => Some(v),
                    _ => None,
                }
            }
            Op::Prim(id, args) => {
                let row = primitives::row(*id);
                self.call_prim(row, args, dst_ty.as_ref())?
            }
            Op::IntBin(op, a, b) | Op::FloatBin(op, a, b) => {
                let lt = self.operand_ty(a);
                let x = self.operand(a)?;
                let y = self.operand(b)?;
                let pow_const = match (op, b) {
                    (BinOp::Pow, Operand::Const(Const::Float(k))) if *k == 0.5 || *k == 2.0 => {
                        Some(*k)
                    }
                    _ => None,
                };
                let ty = if lt == Ty::Bool {
                    Ty::Bool
                } else {
                    dst_ty.clone().unwrap()
                };
                let ty = if ty == Ty::Int && lt == Ty::Float {
                    Ty::Float
                } else {
                    ty
                };
                Some(self.binary(i.line, pow_const, *op, &ty, x, y)?)
            }
            Op::IntNeg(a) => {
                let x = self.operand(a)?.into_int_value();
                let (r, o) = self.int_overflow_op(
                    "llvm.ssub.with.overflow",
                    self.ctx.i64_type().const_zero(),
                    x,
                )?;
                let ob = self.overflow_block()?;
                self.branch_to_if(o, ob)?;
                Some(r.into())
            }
            Op::IntInvert(a) => {
                let x = self.operand(a)?.into_int_value();
                Some(self.b.build_not(x, "")?.into())
            }
            Op::FloatNeg(a) => {
                let x = self.operand(a)?.into_float_value();
                Some(self.b.build_float_neg(x, "")?.into())
            }
            Op::IntAbs(a) => {
                let x = self.operand(a)?.into_int_value();
                let i64t = self.ctx.i64_type();
                let is_min = self.b.build_int_compare(
                    IntPredicate::EQ,
                    x,
                    i64t.const_int(i64::MIN as u64, true),
                    "",
                )?;
                let ob = self.overflow_block()?;
                self.branch_to_if(is_min, ob)?;
                let neg = self
                    .b
                    .build_int_compare(IntPredicate::SLT, x, i64t.const_zero(), "")?;
                let nx = self.b.build_int_neg(x, "")?;
                Some(self.b.build_select(neg, nx, x, "")?)
            }
            Op::FloatAbs(a) => {
                let x = self.operand(a)?;
                let intr = Intrinsic::find("llvm.fabs").unwrap();
                let decl = intr.get_declaration(&self.module, &[self.t_f64()]).unwrap();
                match self
                    .b
                    .build_call(decl, &[x.into()], "")?
                    .try_as_basic_value()
                {
                    ValueKind::Basic(v) => Some(v),
                    _ => unreachable!(),
                }
            }
            Op::Compare(op, a, b) => {
                let (lt, rt) = (self.operand_ty(a), self.operand_ty(b));
                let x = self.operand(a)?;
                let y = self.operand(b)?;
                Some(self.compare(*op, &lt, x, &rt, y, i.line)?.into())
            }
            Op::Not(a) => {
                let x = self.operand(a)?.into_int_value();
                Some(self.b.build_not(x, "")?.into())
            }
            Op::ToFloat(a) => {
                let t = self.operand_ty(a);
                let x = self.operand(a)?.into_int_value();
                let f64t = self.ctx.f64_type();
                Some(if t == Ty::Bool {
                    self.b.build_unsigned_int_to_float(x, f64t, "")?.into()
                } else {
                    self.b.build_signed_int_to_float(x, f64t, "")?.into()
                })
            }
            Op::BoolToInt(a) => {
                let x = self.operand(a)?.into_int_value();
                Some(
                    self.b
                        .build_int_z_extend(x, self.ctx.i64_type(), "")?
                        .into(),
                )
            }
            Op::Truthy(a) => {
                let t = self.operand_ty(a);
                let x = self.operand(a)?;
                Some(self.truthy(&t, x)?.into())
            }
            Op::TupleNew(fields) => {
                let mut vals = Vec::new();
                for f in fields {
                    vals.push(self.operand(f)?);
                }
                Some(self.make_tuple(dst_ty.as_ref().unwrap(), &vals)?)
            }
            Op::TupleGet(t, k) => {
                let tt = self.operand_ty(t);
                let tv = self.operand(t)?;
                let Ty::Tuple(ts) = &tt else { unreachable!() };
                let f = self.tuple_field(&tt, tv, *k)?;
                self.incref(&ts[*k].clone(), f)?;
                Some(f)
            }
            Op::Len(a) => {
                let t = self.operand_ty(a);
                let x = self.operand(a)?;
                Some(self.len_value(&t, x)?.into())
            }
            Op::Index(o, idx) => Some(self.index_op(i.line, o, idx, dst_ty.as_ref().unwrap())?),
            Op::ListGetUnchecked(o, idx) => {
                let ot = self.operand_ty(o);
                let ov = self.operand(o)?;
                let iv = self.operand(idx)?.into_int_value();
                let et = dst_ty.clone().unwrap();
                let v = match &ot {
                    Ty::List(_) => {
                        let data = self.list_data(ov.into_pointer_value())?;
                        let p = self.slot_at(data, &et, iv)?;
                        self.load_slot(&et, p)?
                    }
                    _ => {
                        let tp = self.spill(&ot, ov)?;
                        let p = self.tuple_elem_ptr(&ot, tp, iv)?;
                        self.load_slot(&et, p)?
                    }
                };
                self.incref(&et, v)?;
                Some(v)
            }
            Op::IntIncr(a) => {
                let x = self.operand(a)?.into_int_value();
                Some(
                    self.b
                        .build_int_add(x, self.ctx.i64_type().const_int(1, false), "")?
                        .into(),
                )
            }
            Op::RangeAdvance(v, step, stop) => {
                let x = self.operand(v)?.into_int_value();
                let s = self.operand(step)?.into_int_value();
                let e = self.operand(stop)?.into_int_value();
                let (r, o) = self.int_overflow_op("llvm.sadd.with.overflow", x, s)?;
                Some(self.b.build_select(o, e, r, "")?)
            }
            Op::RangeLast(start, n, step) => {
                let a = self.operand(start)?.into_int_value();
                let n = self.operand(n)?.into_int_value();
                let s = self.operand(step)?.into_int_value();
                let i64t = self.ctx.i64_type();
                let n1 = self.b.build_int_sub(n, i64t.const_int(1, false), "")?;
                let off = self.b.build_int_mul(n1, s, "")?;
                Some(self.b.build_int_add(a, off, "")?.into())
            }
            Op::SetItem(o, idx, v) => {
                self.set_item_op(i.line, o, idx, v, false)?;
                None
            }
            Op::ReplaceItem(o, idx, v) => {
                self.set_item_op(i.line, o, idx, v, true)?;
                None
            }
            Op::IterNext {
                kind,
                obj,
                pos,
                elem,
            } => {
                let (has, e) = self.iter_next_op(*kind, obj, *pos, self.local_ty(*elem))?;
                self.set_local(*elem, e)?;
                Some(has.into())
            }
            Op::IsNull(a) => {
                let x = self.operand(a)?.into_pointer_value();
                Some(self.b.build_is_null(x, "")?.into())
            }
            Op::StoreGlobal(g, v) => {
                let t = self.prog.globals[*g].ty.clone();
                let nv = self.operand(v)?;
                let p = self.globals[*g].as_pointer_value();
                let old = self.b.build_load(self.llty(&t), p, "")?;
                self.b.build_store(p, nv)?;
                self.decref(&t, old)?;
                None
            }
            Op::TakeGlobal(g) => {
                let t = self.prog.globals[*g].ty.clone();
                let p = self.globals[*g].as_pointer_value();
                let old = self.b.build_load(self.llty(&t), p, "")?;
                let placeholder = self.initial_value(&t);
                self.b.build_store(p, placeholder)?;
                Some(old)
            }
            Op::DictGet {
                dict,
                key,
                default,
                set,
            } => Some(self.dict_get_op(i.line, dict, key, default, *set)?),
            Op::DictPop { dict, key, default } => Some(self.dict_pop_op(
                i.line,
                dict,
                key,
                default.as_ref(),
                dst_ty.as_ref().unwrap(),
            )?),
            Op::StrFormat(f, args) => Some(self.str_format_op(f, args)?),
            Op::FrozenSetCached(id) => {
                let g = self.frozen_cache(*id);
                Some(self.b.build_load(self.ptr_t(), g.as_pointer_value(), "")?)
            }
            Op::FrozenSetStore(id, v) => {
                let g = self.frozen_cache(*id);
                let x = self.operand(v)?;
                self.b.build_store(g.as_pointer_value(), x)?;
                None
            }
            Op::Concat(parts) => Some(self.concat_op(parts)?),
            Op::Raise { exc, msg } => {
                self.raise_no_term(exc, msg.as_deref())?;
                None
            }
            Op::RaiseStr { exc, msg } => {
                let m = self.operand(msg)?;
                let e = self.cstr(exc);
                self.call_rt("mg_raise_str", None, &[e.into(), m])?;
                None
            }
            Op::RecursionCheck { levels, offset } => {
                self.recursion_check_op(levels, *offset, i.line)?;
                None
            }
            Op::Traceback => None,
            Op::IncRef(a) => {
                let t = self.operand_ty(a);
                if t.is_heap() {
                    let x = self.operand(a)?;
                    self.incref(&t, x)?;
                }
                None
            }
            Op::DecRef(a) => {
                let t = self.operand_ty(a);
                if t.is_heap() {
                    let x = self.operand(a)?;
                    self.decref(&t, x)?;
                }
                None
            }
        };
        if let (Some(d), Some(v)) = (i.dst, v) {
            self.set_local(d, v)?;
        }
        Ok(())
    }

    /// Declare a primitive from its registry row (bool parameters are
    /// passed widened to i32, as C's `_Bool` arrives zero-extended).
    pub(super) fn prim_decl(&mut self, row: &Row) -> FunctionValue<'ctx> {
        if let Some(f) = self.module.get_function(row.sym) {
            return f;
        }
        let c = |s: &Self, k: C| -> BasicTypeEnum<'ctx> {
            match k {
                C::I64 => s.ctx.i64_type().into(),
                C::F64 => s.ctx.f64_type().into(),
                C::Bool | C::I32 => s.ctx.i32_type().into(),
                C::Ptr => s.ptr_t().into(),
            }
        };
        let params: Vec<BasicMetadataTypeEnum> = row
            .args
            .iter()
            .map(|a| match a {
                Arg::Val(k, _) => c(self, *k).into(),
                _ => self.ptr_t().into(),
            })
            .collect();
        let fty = match row.ret {
            Ret::Void => self.ctx.void_type().fn_type(&params, false),
            Ret::Val(C::Bool) => self.ctx.bool_type().fn_type(&params, false),
            Ret::Val(k) => c(self, k).fn_type(&params, false),
        };
        let f = self
            .module
            .add_function(row.sym, fty, Some(Linkage::External));
        f.set_call_conventions(self.target.c_call_conv.llvm_id());
        f
    }

    /// Call a primitive with MIR operands, as its row says.
    fn call_prim(
        &mut self,
        row: &'static Row,
        args: &[Operand],
        dst: Option<&Ty>,
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let f = self.prim_decl(row);
        let mut vals: Vec<BasicMetadataValueEnum> = Vec::new();
        let mut next = 0;
        let mut out: Option<PointerValue<'ctx>> = None;
        for a in row.args {
            match a {
                Arg::Val(k, _) => {
                    let o = &args[next];
                    next += 1;
                    let v = self.operand(o)?;
                    let v = match (k, v) {
                        (C::Bool, BasicValueEnum::IntValue(iv))
                            if iv.get_type().get_bit_width() == 1 =>
                        {
                            self.b
                                .build_int_z_extend(iv, self.ctx.i32_type(), "")?
                                .into()
                        }
                        (_, v) => v,
                    };
                    vals.push(v.into());
                }
                Arg::Slot(_) => {
                    let o = &args[next];
                    next += 1;
                    let t = self.operand_ty(o);
                    let v = self.operand(o)?;
                    vals.push(self.spill(&t, v)?.into());
                }
                Arg::Desc(which) => {
                    let t = self.desc_type(*which, args, dst);
                    vals.push(self.type_desc(&t).into());
                }
                Arg::Out => {
                    let t = dst.expect("a primitive with an out slot has a result");
                    let p = self.entry_alloca(self.slot_ty(t), "out")?;
                    out = Some(p);
                    vals.push(p.into());
                }
            }
        }
        self.flush_line()?;
        let cs = self.b.build_call(f, &vals, "")?;
        cs.set_call_convention(self.target.c_call_conv.llvm_id());
        if let Some(p) = out {
            return Ok(Some(self.load_slot(dst.unwrap(), p)?));
        }
        Ok(match cs.try_as_basic_value() {
            ValueKind::Basic(v) => Some(v),
            _ => None,
        })
    }

    fn desc_type(&self, which: DescOf, args: &[Operand], dst: Option<&Ty>) -> Ty {
        let elem = |t: Ty| match t {
            Ty::List(e) | Ty::Set(e) => *e,
            t => panic!("no element type in {t:?}"),
        };
        match which {
            DescOf::Arg(i) => self.operand_ty(&args[i]),
            DescOf::ArgElem(i) => elem(self.operand_ty(&args[i])),
            DescOf::Dst => dst.unwrap().clone(),
            DescOf::DstElem => elem(dst.unwrap().clone()),
            DescOf::DstKey | DescOf::DstVal => match dst.unwrap() {
                Ty::Dict(k, v) => {
                    if which == DescOf::DstKey {
                        (**k).clone()
                    } else {
                        (**v).clone()
                    }
                }
                t => panic!("no key/value types in {t:?}"),
            },
        }
    }

    /// `obj[idx]` of a list (bounds-checked), dict or homogeneous tuple: a
    /// new reference.
    fn index_op(
        &mut self,
        line: u32,
        o: &Operand,
        idx: &Operand,
        et: &Ty,
    ) -> Result<BasicValueEnum<'ctx>> {
        let ot = self.operand_ty(o);
        let ov = self.operand(o)?;
        let r = match &ot {
            Ty::List(_) => {
                let iv = self.operand(idx)?.into_int_value();
                self.set_line(line)?;
                let p = self.list_index_ptr(
                    ov.into_pointer_value(),
                    et,
                    iv,
                    "list index out of range",
                )?;
                self.load_slot(et, p)?
            }
            Ty::Dict(kt, _) => {
                let kt = (**kt).clone();
                let kv = self.operand(idx)?;
                self.set_line(line)?;
                let ks = self.spill(&kt, kv)?;
                let p = self
                    .call_rt("mg_dict_at", Some(self.t_ptr()), &[ov, ks.into()])?
                    .unwrap()
                    .into_pointer_value();
                self.load_slot(et, p)?
            }
            Ty::Tuple(ts) => {
                let n = ts.len() as i64;
                let iv = self.operand(idx)?.into_int_value();
                let i64t = self.ctx.i64_type();
                self.set_line(line)?;
                // Python's negative indices, then the bounds.
                let neg = self
                    .b
                    .build_int_compare(IntPredicate::SLT, iv, i64t.const_zero(), "")?;
                let adj = self
                    .b
                    .build_int_add(iv, i64t.const_int(n as u64, true), "")?;
                let k = self.b.build_select(neg, adj, iv, "")?.into_int_value();
                let bad = self.b.build_int_compare(
                    IntPredicate::UGE,
                    k,
                    i64t.const_int(n as u64, true),
                    "",
                )?;
                self.raise_if(bad, "IndexError", Some("tuple index out of range"))?;
                let tp = self.spill(&ot, ov)?;
                let p = self.tuple_elem_ptr(&ot, tp, k)?;
                self.load_slot(et, p)?
            }
            _ => unreachable!("checked: indexing a list, dict or tuple"),
        };
        self.incref(et, r)?;
        Ok(r)
    }

    /// `obj[idx] = v` (takes v): a list's item (IndexError), a dict's
    /// entry (the dict takes a reference to the key too).
    fn set_item_op(
        &mut self,
        line: u32,
        o: &Operand,
        idx: &Operand,
        v: &Operand,
        replace: bool,
    ) -> Result<()> {
        let ot = self.operand_ty(o);
        let ov = self.operand(o)?;
        let vv = self.operand(v)?;
        match &ot {
            Ty::List(et) => {
                let et = (**et).clone();
                let iv = self.operand(idx)?.into_int_value();
                self.set_line(line)?;
                // Bounds check, store, then drop the old item, as CPython.
                let p = self.list_index_ptr(
                    ov.into_pointer_value(),
                    &et,
                    iv,
                    "list assignment index out of range",
                )?;
                let old = if et.is_heap() {
                    Some(self.load_slot(&et, p)?)
                } else {
                    None
                };
                self.store_slot(&et, p, vv)?;
                if let Some(old) = old {
                    self.decref(&et, old)?;
                }
            }
            Ty::Dict(kt, vt) => {
                let (kt, vt) = ((**kt).clone(), (**vt).clone());
                let kv = self.operand(idx)?;
                self.set_line(line)?;
                if !replace {
                    self.incref(&kt, kv)?;
                    self.dict_set(ov.into_pointer_value(), &kt, kv, &vt, vv)?;
                    return Ok(());
                }
                // Still present: replace the value in its slot (the old one
                // released after the store, as CPython does); else insert
                // the key again, as `d[k] = v` would.
                let ks = self.spill(&kt, kv)?;
                let p = self
                    .call_rt("mg_dict_find", Some(self.t_ptr()), &[ov.into(), ks.into()])?
                    .unwrap()
                    .into_pointer_value();
                let present = self.new_block("replace.present");
                let absent = self.new_block("replace.absent");
                let done = self.new_block("replace.done");
                let isnull = self.b.build_is_null(p, "")?;
                self.b.build_conditional_branch(isnull, absent, present)?;
                self.position(present);
                let old = self.load_slot(&vt, p)?;
                self.store_slot(&vt, p, vv)?;
                self.decref(&vt, old)?;
                self.b.build_unconditional_branch(done)?;
                self.position(absent);
                self.incref(&kt, kv)?;
                self.dict_set(ov.into_pointer_value(), &kt, kv, &vt, vv)?;
                self.b.build_unconditional_branch(done)?;
                self.position(done);
            }
            _ => unreachable!("checked: item assignment of a list or dict"),
        }
        Ok(())
    }

    /// The next element of a str, dict or set from position `pos`: (there
    /// was one, the element as a new reference).
    fn iter_next_op(
        &mut self,
        kind: IterNextKind,
        obj: &Operand,
        pos: mir::LocalId,
        et: &Ty,
    ) -> Result<(IntValue<'ctx>, BasicValueEnum<'ctx>)> {
        let ov = self.operand(obj)?;
        let pp = self.local_ptr(pos);
        let ptr = Some(self.t_ptr());
        Ok(match kind {
            IterNextKind::StrChars => {
                let c = self
                    .call_rt("mg_str_next_char", ptr, &[ov, pp.into()])?
                    .unwrap();
                let has = self.b.build_is_not_null(c.into_pointer_value(), "")?;
                (has, c)
            }
            IterNextKind::SetElems => {
                let sp = self.entry_alloca(self.t_ptr(), "it.slot")?;
                let has = self
                    .call_rt(
                        "mg_set_next",
                        Some(self.t_bool()),
                        &[ov, pp.into(), sp.into()],
                    )?
                    .unwrap()
                    .into_int_value();
                let v = self.load_through(sp, et, has)?;
                (has, v)
            }
            IterNextKind::DictKeys | IterNextKind::DictValues | IterNextKind::DictItems => {
                let kp = self.entry_alloca(self.t_ptr(), "it.k")?;
                let vp = self.entry_alloca(self.t_ptr(), "it.v")?;
                let has = self
                    .call_rt(
                        "mg_dict_next",
                        Some(self.t_bool()),
                        &[ov, pp.into(), kp.into(), vp.into()],
                    )?
                    .unwrap()
                    .into_int_value();
                let dt = self.operand_ty(obj);
                let Ty::Dict(kt, vt) = &dt else {
                    unreachable!()
                };
                let v = match kind {
                    IterNextKind::DictKeys => self.load_through(kp, kt, has)?,
                    IterNextKind::DictValues => self.load_through(vp, vt, has)?,
                    _ => {
                        let k = self.load_through(kp, kt, has)?;
                        let v = self.load_through(vp, vt, has)?;
                        self.make_tuple(et, &[k, v])?
                    }
                };
                (has, v)
            }
        })
    }

    /// The value in the slot `*pp` points at, as a new reference, when
    /// `has`; a zero value otherwise (never used).
    fn load_through(
        &mut self,
        pp: PointerValue<'ctx>,
        t: &Ty,
        has: IntValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let here = self.b.get_insert_block().unwrap();
        let yes = self.new_block("it.has");
        let join = self.new_block("it.join");
        self.b.build_conditional_branch(has, yes, join)?;
        let saved = self.stored_line;
        self.b.position_at_end(yes);
        let p = self
            .b
            .build_load(self.ptr_t(), pp, "")?
            .into_pointer_value();
        let v = self.load_slot(t, p)?;
        self.incref(t, v)?;
        let yes_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        self.stored_line = saved;
        let phi = self.b.build_phi(self.llty(t), "")?;
        let z = self.llty(t).const_zero();
        phi.add_incoming(&[(&v, yes_end), (&z, here)]);
        Ok(phi.as_basic_value())
    }

    /// `d.get(k, default)` / `d.setdefault(k, default)`: a new reference.
    fn dict_get_op(
        &mut self,
        line: u32,
        dict: &Operand,
        key: &Operand,
        default: &Operand,
        set: bool,
    ) -> Result<BasicValueEnum<'ctx>> {
        let dt = self.operand_ty(dict);
        let Ty::Dict(kt, vt) = &dt else {
            unreachable!()
        };
        let (kt, vt) = ((**kt).clone(), (**vt).clone());
        let dv = self.operand(dict)?;
        let kv = self.operand(key)?;
        let defv = self.operand(default)?;
        self.set_line(line)?;
        let ks = self.spill(&kt, kv)?;
        let p = self
            .call_rt("mg_dict_find", Some(self.t_ptr()), &[dv, ks.into()])?
            .unwrap()
            .into_pointer_value();
        let found = self.new_block("get.found");
        let missing = self.new_block("get.missing");
        let end = self.new_block("get.end");
        let isnull = self.b.build_is_null(p, "")?;
        self.b.build_conditional_branch(isnull, missing, found)?;
        let saved = self.stored_line;
        self.b.position_at_end(found);
        let v1 = self.load_slot(&vt, p)?;
        self.incref(&vt, v1)?;
        let found_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(end)?;
        self.b.position_at_end(missing);
        self.stored_line = saved;
        self.incref(&vt, defv)?;
        if set {
            // The dict keeps references to the key and the default.
            self.incref(&vt, defv)?;
            self.incref(&kt, kv)?;
            self.dict_set(dv.into_pointer_value(), &kt, kv, &vt, defv)?;
        }
        let miss_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(end)?;
        self.b.position_at_end(end);
        self.stored_line = None;
        let phi = self.b.build_phi(self.llty(&vt), "")?;
        phi.add_incoming(&[(&v1, found_end), (&defv, miss_end)]);
        Ok(phi.as_basic_value())
    }

    /// `d.pop(k)` (KeyError) / `d.pop(k, default)`: a new reference.
    fn dict_pop_op(
        &mut self,
        line: u32,
        dict: &Operand,
        key: &Operand,
        default: Option<&Operand>,
        vt: &Ty,
    ) -> Result<BasicValueEnum<'ctx>> {
        let dt = self.operand_ty(dict);
        let Ty::Dict(kt, _) = &dt else { unreachable!() };
        let kt = (**kt).clone();
        let dv = self.operand(dict)?;
        let kv = self.operand(key)?;
        let defv = match default {
            Some(d) => Some(self.operand(d)?),
            None => None,
        };
        self.set_line(line)?;
        let ks = self.spill(&kt, kv)?;
        let out = self.entry_alloca(self.slot_ty(vt), "popped")?;
        let ok = self
            .call_rt(
                "mg_dict_pop",
                Some(self.t_bool()),
                &[dv, ks.into(), out.into()],
            )?
            .unwrap()
            .into_int_value();
        let found = self.new_block("pop.found");
        let missing = self.new_block("pop.missing");
        let end = self.new_block("pop.end");
        self.b.build_conditional_branch(ok, found, missing)?;
        let saved = self.stored_line;
        self.b.position_at_end(found);
        let v1 = self.load_slot(vt, out)?;
        let found_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(end)?;
        self.b.position_at_end(missing);
        self.stored_line = saved;
        let d = match defv {
            Some(d) => {
                self.incref(vt, d)?;
                d
            }
            None => {
                // KeyError: repr(key)
                let rep = self.repr_value(&kt, kv, line)?;
                let ex = self.cstr("KeyError");
                self.call_rt("mg_raise_str", None, &[ex.into(), rep])?;
                self.b.build_unreachable()?;
                let dead = self.new_block("dead");
                self.b.position_at_end(dead);
                self.llty(vt).const_zero()
            }
        };
        let miss_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(end)?;
        self.b.position_at_end(end);
        self.stored_line = None;
        let phi = self.b.build_phi(self.llty(vt), "")?;
        phi.add_incoming(&[(&v1, found_end), (&d, miss_end)]);
        Ok(phi.as_basic_value())
    }

    /// `fmt.format(args)` parsed at run time: the arguments' descriptors
    /// and slots in two arrays.
    fn str_format_op(&mut self, f: &Operand, args: &[Operand]) -> Result<BasicValueEnum<'ctx>> {
        let fv = self.operand(f)?;
        let n = args.len();
        let arr_ty = self.ptr_t().array_type(n.max(1) as u32);
        let types = self.entry_alloca(arr_ty.into(), "fmt.types")?;
        let slots = self.entry_alloca(arr_ty.into(), "fmt.slots")?;
        let i64t = self.ctx.i64_type();
        for (i, a) in args.iter().enumerate() {
            let t = self.operand_ty(a);
            let v = self.operand(a)?;
            let desc = self.type_desc(&t);
            let slot = self.spill(&t, v)?;
            for (arr, val) in [(types, desc), (slots, slot)] {
                let p = unsafe {
                    self.b.build_in_bounds_gep(
                        arr_ty,
                        arr,
                        &[i64t.const_zero(), i64t.const_int(i as u64, false)],
                        "",
                    )?
                };
                self.b.build_store(p, val)?;
            }
        }
        Ok(self
            .call_rt(
                "mg_str_format",
                Some(self.t_ptr()),
                &[
                    fv,
                    i64t.const_int(n as u64, false).into(),
                    types.into(),
                    slots.into(),
                ],
            )?
            .unwrap())
    }

    /// The global caching frozenset constant `id`.
    fn frozen_cache(&mut self, id: usize) -> GlobalValue<'ctx> {
        let name = format!("mg.frozenset.{id}");
        match self.module.get_global(&name) {
            Some(g) => g,
            None => {
                let g = self.module.add_global(self.ptr_t(), None, &name);
                g.set_linkage(Linkage::Internal);
                g.set_initializer(&self.ptr_t().const_null());
                g
            }
        }
    }

    /// Raise `exc(msg)` (the runtime's raise; the MIR block ends after it).
    fn raise_no_term(&mut self, exc: &str, msg: Option<&str>) -> Result<()> {
        let e = self.cstr(exc);
        let m: BasicValueEnum = match msg {
            Some(m) => self.cstr(m).into(),
            None => self.ptr_t().const_null().into(),
        };
        self.call_rt("mg_raise", None, &[e.into(), m])?;
        Ok(())
    }

    /// CPython's C-level recursion checks (`mir::reclimit`): past the limit,
    /// RecursionError with the message of the first check over it.
    fn recursion_check_op(
        &mut self,
        levels: &[&'static str],
        offset: u32,
        line: u32,
    ) -> Result<()> {
        let Some(depth) = self.depth else {
            return Ok(());
        };
        let i32t = self.ctx.i32_type();
        let k = levels.len() as u32;
        let limit = (RECURSION_LIMIT as u32).saturating_sub(offset + k);
        let over = self.b.build_int_compare(
            IntPredicate::SGT,
            depth,
            i32t.const_int(limit as u64, false),
            "",
        )?;
        let bad = self.new_block("recursion");
        let ok = self.new_block("ok");
        self.b.build_conditional_branch(over, bad, ok)?;
        let saved = (self.stored_line, self.line);
        self.position(bad);
        self.set_line(line)?;
        let key: Vec<&'static str> = levels.to_vec();
        let table = match self.rec_msgs.get(&key) {
            Some(g) => *g,
            None => {
                let ptrs: Vec<PointerValue> = levels.iter().map(|w| self.cstr(w)).collect();
                let arr = self.ptr_t().const_array(&ptrs);
                let g = self
                    .module
                    .add_global(arr.get_type(), None, "mg.recursion.msgs");
                g.set_linkage(Linkage::Private);
                g.set_constant(true);
                g.set_initializer(&arr);
                self.rec_msgs.insert(key, g);
                g
            }
        };
        let d = self
            .b
            .build_int_add(depth, i32t.const_int(offset as u64, false), "")?;
        self.call_rt(
            "mg_raise_recursion",
            None,
            &[
                d.into(),
                i32t.const_int(k as u64, false).into(),
                table.as_pointer_value().into(),
            ],
        )?;
        self.b.build_unreachable()?;
        self.position(ok);
        (self.stored_line, self.line) = saved;
        Ok(())
    }

    /// An f-string: one `MgPart {bytes, len, nchars}` per piece, then one
    /// allocation (`mg_str_concat_parts`). Int pieces are formatted into
    /// stack buffers (no string of their own); str pieces are borrowed, their
    /// header read in place.
    fn concat_op(&mut self, parts: &[Operand]) -> Result<BasicValueEnum<'ctx>> {
        let i64t = self.ctx.i64_type();
        let ptr = self.ptr_t();
        let part_ty = self
            .ctx
            .struct_type(&[ptr.into(), i64t.into(), i64t.into()], false);
        let n = parts.len();
        let arr_ty = part_ty.array_type(n.max(1) as u32);
        let arr = self.entry_alloca(arr_ty.into(), "parts")?;
        let hdr = self.td.get_abi_size(&self.str_hdr);
        for (i, p) in parts.iter().enumerate() {
            let t = self.operand_ty(p);
            let v = self.operand(p)?;
            let (bytes, len, nchars) = if t == Ty::Int {
                let buf = self.entry_alloca(self.ctx.i8_type().array_type(24).into(), "digits")?;
                let len = self
                    .call_rt("mg_fmt_int", Some(self.t_i32()), &[buf.into(), v])?
                    .unwrap()
                    .into_int_value();
                let len = self.b.build_int_s_extend(len, i64t, "")?;
                (buf, len, len)
            } else {
                let s = v.into_pointer_value();
                let lp = self.b.build_struct_gep(self.str_hdr, s, 1, "")?;
                let len = self.b.build_load(i64t, lp, "len")?.into_int_value();
                let np = self.b.build_struct_gep(self.str_hdr, s, 2, "")?;
                let nchars = self.b.build_load(i64t, np, "nchars")?.into_int_value();
                let bytes = unsafe {
                    self.b.build_in_bounds_gep(
                        self.ctx.i8_type(),
                        s,
                        &[i64t.const_int(hdr, false)],
                        "bytes",
                    )?
                };
                (bytes, len, nchars)
            };
            for (k, v) in [bytes.into(), len.into(), nchars.into()]
                .into_iter()
                .enumerate()
            {
                let slot = unsafe {
                    self.b.build_in_bounds_gep(
                        arr_ty,
                        arr,
                        &[
                            i64t.const_zero(),
                            i64t.const_int(i as u64, false),
                            self.ctx.i32_type().const_int(k as u64, false),
                        ],
                        "",
                    )?
                };
                let v: BasicValueEnum = v;
                self.b.build_store(slot, v)?;
            }
        }
        Ok(self
            .call_rt(
                "mg_str_concat_parts",
                Some(self.t_ptr()),
                &[arr.into(), i64t.const_int(n as u64, false).into()],
            )?
            .unwrap())
    }
}
