//! Lists, tuples, dicts, sets: displays, indexing, methods, iteration,
//! comprehensions and the builtins that consume iterables.

use super::reclimit;
use super::*;

/// State of one iteration in progress (see `iter_begin`).
struct Cursor<'ctx> {
    kind: CursorKind<'ctx>,
}

enum CursorKind<'ctx> {
    Range {
        cur: PointerValue<'ctx>,
        stop: IntValue<'ctx>,
        step: IntValue<'ctx>,
        step_const: Option<i64>,
    },
    RangeRev {
        cur: PointerValue<'ctx>,
        left: PointerValue<'ctx>,
        step: IntValue<'ctx>,
    },
    /// list (or reversed list) by index; holds an owned reference
    List {
        l: PointerValue<'ctx>,
        elem: Ty,
        idx: PointerValue<'ctx>,
        reversed: bool,
    },
    Tuple {
        t: PointerValue<'ctx>,
        ty: Ty,
        elem: Ty,
        n: u64,
        idx: PointerValue<'ctx>,
        reversed: bool,
    },
    Str {
        s: PointerValue<'ctx>,
        pos: PointerValue<'ctx>,
    },
    StrRev {
        s: PointerValue<'ctx>,
        idx: PointerValue<'ctx>,
    },
    Dict {
        d: PointerValue<'ctx>,
        pos: PointerValue<'ctx>,
        kp: PointerValue<'ctx>,
        vp: PointerValue<'ctx>,
        kt: Ty,
        vt: Ty,
        what: u8,
    },
    Set {
        s: PointerValue<'ctx>,
        pos: PointerValue<'ctx>,
        sp: PointerValue<'ctx>,
        elem: Ty,
    },
    Enumerate {
        inner: Box<Cursor<'ctx>>,
        counter: PointerValue<'ctx>,
        ty: Ty,
    },
    Zip {
        inner: Vec<(Cursor<'ctx>, Ty)>,
        ty: Ty,
    },
    /// A generator expression whose outermost iterable is evaluated (its
    /// cursor); the rest runs in `drive`.
    Gen { first: Box<Cursor<'ctx>> },
}

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    fn i64c(&self, v: i64) -> IntValue<'ctx> {
        self.ctx.i64_type().const_int(v as u64, true)
    }

    // ---- iteration ---------------------------------------------------------

    /// Evaluate an iterable and set up its iteration. Owned references the
    /// cursor holds are pushed on `iter_temps` (released by `iter_end`, or
    /// by a `return` inside the loop).
    fn iter_begin(&mut self, it: &Iter) -> Result<Cursor<'ctx>> {
        let i64t = self.ctx.i64_type();
        let kind = match &it.kind {
            IterKind::Range(a, b, c) => {
                let start = self.expr(a)?.into_int_value();
                let stop = self.expr(b)?.into_int_value();
                let step = self.expr(c)?.into_int_value();
                let step_const = match c.kind {
                    ExprKind::Int(k) => Some(k),
                    _ => None,
                };
                if step_const.is_none() {
                    self.set_line(c.line)?;
                    let z =
                        self.b
                            .build_int_compare(IntPredicate::EQ, step, i64t.const_zero(), "")?;
                    self.raise_if(z, "ValueError", Some("range() arg 3 must not be zero"))?;
                }
                let cur = self.entry_alloca(i64t.into(), "range.cur")?;
                self.b.build_store(cur, start)?;
                CursorKind::Range {
                    cur,
                    stop,
                    step,
                    step_const,
                }
            }
            IterKind::RangeRev(a, b, c) => {
                // The last element of range(a, b, c) is a + (n-1)*c where n
                // is its length; walk back by c from there, n times.
                let start = self.expr(a)?.into_int_value();
                let stop = self.expr(b)?.into_int_value();
                let step = self.expr(c)?.into_int_value();
                self.set_line(c.line)?;
                let z = self
                    .b
                    .build_int_compare(IntPredicate::EQ, step, i64t.const_zero(), "")?;
                self.raise_if(z, "ValueError", Some("range() arg 3 must not be zero"))?;
                let n = self
                    .call_rt(
                        "mg_range_len",
                        Some(self.t_i64()),
                        &[start.into(), stop.into(), step.into()],
                    )?
                    .unwrap()
                    .into_int_value();
                let left = self.entry_alloca(i64t.into(), "rrange.left")?;
                self.b.build_store(left, n)?;
                let cur = self.entry_alloca(i64t.into(), "rrange.cur")?;
                // start + (n - 1) * step is an element of the range: no overflow.
                let n1 = self.b.build_int_sub(n, i64t.const_int(1, false), "")?;
                let off = self.b.build_int_mul(n1, step, "")?;
                let last = self.b.build_int_add(start, off, "")?;
                self.b.build_store(cur, last)?;
                CursorKind::RangeRev { cur, left, step }
            }
            IterKind::List(e) | IterKind::Reversed(e) if matches!(e.ty, Ty::List(_)) => {
                let l = self.expr(e)?;
                self.iter_temps.push((e.ty.clone(), l));
                let l = l.into_pointer_value();
                let idx = self.entry_alloca(i64t.into(), "it.idx")?;
                let reversed = matches!(it.kind, IterKind::Reversed(_));
                let start = if reversed {
                    let n = self.list_len(l)?;
                    self.b.build_int_sub(n, i64t.const_int(1, false), "")?
                } else {
                    i64t.const_zero()
                };
                self.b.build_store(idx, start)?;
                CursorKind::List {
                    l,
                    elem: it.elem.clone(),
                    idx,
                    reversed,
                }
            }
            IterKind::Tuple(e) | IterKind::Reversed(e) if matches!(e.ty, Ty::Tuple(_)) => {
                let v = self.expr(e)?;
                self.iter_temps.push((e.ty.clone(), v));
                let t = self.entry_alloca(self.llty(&e.ty), "it.tuple")?;
                self.b.build_store(t, v)?;
                let Ty::Tuple(ts) = &e.ty else { unreachable!() };
                let n = ts.len() as u64;
                let idx = self.entry_alloca(i64t.into(), "it.idx")?;
                let reversed = matches!(it.kind, IterKind::Reversed(_));
                self.b.build_store(
                    idx,
                    if reversed {
                        i64t.const_int(n - 1, false)
                    } else {
                        i64t.const_zero()
                    },
                )?;
                CursorKind::Tuple {
                    t,
                    ty: e.ty.clone(),
                    elem: it.elem.clone(),
                    n,
                    idx,
                    reversed,
                }
            }
            IterKind::Str(e) => {
                let s = self.expr(e)?;
                self.iter_temps.push((Ty::Str, s));
                let pos = self.entry_alloca(i64t.into(), "it.pos")?;
                self.b.build_store(pos, i64t.const_zero())?;
                CursorKind::Str {
                    s: s.into_pointer_value(),
                    pos,
                }
            }
            IterKind::Reversed(e) => {
                // str
                let s = self.expr(e)?;
                self.iter_temps.push((Ty::Str, s));
                let n = self.len_value(&Ty::Str, s)?;
                let idx = self.entry_alloca(i64t.into(), "it.idx")?;
                let start = self.b.build_int_sub(n, i64t.const_int(1, false), "")?;
                self.b.build_store(idx, start)?;
                CursorKind::StrRev {
                    s: s.into_pointer_value(),
                    idx,
                }
            }
            IterKind::DictKeys(e) | IterKind::DictValues(e) | IterKind::DictItems(e) => {
                let d = self.expr(e)?;
                self.iter_temps.push((e.ty.clone(), d));
                let Ty::Dict(kt, vt) = &e.ty else {
                    unreachable!()
                };
                let pos = self.entry_alloca(i64t.into(), "it.pos")?;
                self.b.build_store(pos, i64t.const_zero())?;
                let kp = self.entry_alloca(self.t_ptr(), "it.k")?;
                let vp = self.entry_alloca(self.t_ptr(), "it.v")?;
                let what = match it.kind {
                    IterKind::DictKeys(_) => 0,
                    IterKind::DictValues(_) => 1,
                    _ => 2,
                };
                CursorKind::Dict {
                    d: d.into_pointer_value(),
                    pos,
                    kp,
                    vp,
                    kt: (**kt).clone(),
                    vt: (**vt).clone(),
                    what,
                }
            }
            IterKind::Set(e) => {
                let s = self.expr(e)?;
                self.iter_temps.push((e.ty.clone(), s));
                let pos = self.entry_alloca(i64t.into(), "it.pos")?;
                self.b.build_store(pos, i64t.const_zero())?;
                let sp = self.entry_alloca(self.t_ptr(), "it.slot")?;
                CursorKind::Set {
                    s: s.into_pointer_value(),
                    pos,
                    sp,
                    elem: it.elem.clone(),
                }
            }
            IterKind::Enumerate(inner, start) => {
                let inner = self.iter_begin(inner)?;
                let s = self.expr(start)?;
                let counter = self.entry_alloca(i64t.into(), "it.count")?;
                self.b.build_store(counter, s)?;
                CursorKind::Enumerate {
                    inner: Box::new(inner),
                    counter,
                    ty: it.elem.clone(),
                }
            }
            IterKind::Zip(its) => {
                let mut inner = Vec::new();
                for i in its {
                    inner.push((self.iter_begin(i)?, i.elem.clone()));
                }
                CursorKind::Zip {
                    inner,
                    ty: it.elem.clone(),
                }
            }
            IterKind::Gen { gens, .. } => {
                let first = self.iter_begin(&gens[0].iter)?;
                CursorKind::Gen {
                    first: Box::new(first),
                }
            }
            IterKind::List(_) | IterKind::Tuple(_) => unreachable!(),
        };
        Ok(Cursor { kind })
    }

    /// The next element (owned), or a branch to `done` when exhausted.
    fn iter_next(
        &mut self,
        c: &Cursor<'ctx>,
        done: BasicBlock<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let i64t = self.ctx.i64_type();
        let one = i64t.const_int(1, false);
        Ok(match &c.kind {
            CursorKind::Gen { .. } => {
                unreachable!(
                    "a generator expression is driven, never pulled (check keeps it out of zip)"
                )
            }
            CursorKind::Range {
                cur,
                stop,
                step,
                step_const,
            } => {
                let v = self.b.build_load(i64t, *cur, "")?.into_int_value();
                let cond = match step_const {
                    Some(k) if *k > 0 => {
                        self.b.build_int_compare(IntPredicate::SLT, v, *stop, "")?
                    }
                    Some(_) => self.b.build_int_compare(IntPredicate::SGT, v, *stop, "")?,
                    None => {
                        let up = self.b.build_int_compare(
                            IntPredicate::SGT,
                            *step,
                            i64t.const_zero(),
                            "",
                        )?;
                        let lt = self.b.build_int_compare(IntPredicate::SLT, v, *stop, "")?;
                        let gt = self.b.build_int_compare(IntPredicate::SGT, v, *stop, "")?;
                        self.b.build_select(up, lt, gt, "")?.into_int_value()
                    }
                };
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(cond, go, done)?;
                self.position(go);
                // The next value; on overflow it is past any stop: end there.
                let (next, ovf) = self.int_overflow_op("llvm.sadd.with.overflow", v, *step)?;
                let next = self.b.build_select(ovf, *stop, next, "")?;
                self.b.build_store(*cur, next)?;
                v.into()
            }
            CursorKind::RangeRev { cur, left, step } => {
                let n = self.b.build_load(i64t, *left, "")?.into_int_value();
                let more = self
                    .b
                    .build_int_compare(IntPredicate::SGT, n, i64t.const_zero(), "")?;
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(more, go, done)?;
                self.position(go);
                let v = self.b.build_load(i64t, *cur, "")?.into_int_value();
                let n1 = self.b.build_int_sub(n, one, "")?;
                self.b.build_store(*left, n1)?;
                // may wrap after the last element; that value is never used
                let next = self.b.build_int_sub(v, *step, "")?;
                self.b.build_store(*cur, next)?;
                v.into()
            }
            CursorKind::List {
                l,
                elem,
                idx,
                reversed,
            } => {
                let i = self.b.build_load(i64t, *idx, "")?.into_int_value();
                let n = self.list_len(*l)?;
                // unsigned compare also rejects i < 0 (end of a reversed walk)
                let ok = self.b.build_int_compare(IntPredicate::ULT, i, n, "")?;
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(ok, go, done)?;
                self.position(go);
                let next = if *reversed {
                    self.b.build_int_sub(i, one, "")?
                } else {
                    self.b.build_int_add(i, one, "")?
                };
                self.b.build_store(*idx, next)?;
                let p = self.list_slot_ptr(*l, elem, i)?;
                let v = self.load_slot(elem, p)?;
                self.incref(elem, v)?;
                v
            }
            CursorKind::Tuple {
                t,
                ty,
                elem,
                n,
                idx,
                reversed,
            } => {
                let i = self.b.build_load(i64t, *idx, "")?.into_int_value();
                let ok = self.b.build_int_compare(
                    IntPredicate::ULT,
                    i,
                    i64t.const_int(*n, false),
                    "",
                )?;
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(ok, go, done)?;
                self.position(go);
                let next = if *reversed {
                    self.b.build_int_sub(i, one, "")?
                } else {
                    self.b.build_int_add(i, one, "")?
                };
                self.b.build_store(*idx, next)?;
                let p = self.tuple_elem_ptr(ty, *t, i)?;
                let v = self.load_slot(elem, p)?;
                self.incref(elem, v)?;
                v
            }
            CursorKind::Str { s, pos } => {
                let ch = self
                    .call_rt(
                        "mg_str_next_char",
                        Some(self.t_ptr()),
                        &[(*s).into(), (*pos).into()],
                    )?
                    .unwrap();
                let end = self.b.build_is_null(ch.into_pointer_value(), "")?;
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(end, done, go)?;
                self.position(go);
                ch
            }
            CursorKind::StrRev { s, idx } => {
                let i = self.b.build_load(i64t, *idx, "")?.into_int_value();
                let neg = self
                    .b
                    .build_int_compare(IntPredicate::SLT, i, i64t.const_zero(), "")?;
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(neg, done, go)?;
                self.position(go);
                let next = self.b.build_int_sub(i, one, "")?;
                self.b.build_store(*idx, next)?;
                self.call_rt("mg_str_index", Some(self.t_ptr()), &[(*s).into(), i.into()])?
                    .unwrap()
            }
            CursorKind::Dict {
                d,
                pos,
                kp,
                vp,
                kt,
                vt,
                what,
            } => {
                let more = self
                    .call_rt(
                        "mg_dict_next",
                        Some(self.t_bool()),
                        &[(*d).into(), (*pos).into(), (*kp).into(), (*vp).into()],
                    )?
                    .unwrap()
                    .into_int_value();
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(more, go, done)?;
                self.position(go);
                let ks = self
                    .b
                    .build_load(self.ptr_t(), *kp, "")?
                    .into_pointer_value();
                let vs = self
                    .b
                    .build_load(self.ptr_t(), *vp, "")?
                    .into_pointer_value();
                match what {
                    0 => {
                        let k = self.load_slot(kt, ks)?;
                        self.incref(kt, k)?;
                        k
                    }
                    1 => {
                        let v = self.load_slot(vt, vs)?;
                        self.incref(vt, v)?;
                        v
                    }
                    _ => {
                        let k = self.load_slot(kt, ks)?;
                        self.incref(kt, k)?;
                        let v = self.load_slot(vt, vs)?;
                        self.incref(vt, v)?;
                        let tt = Ty::Tuple(vec![kt.clone(), vt.clone()]);
                        self.make_tuple(&tt, &[k, v])?
                    }
                }
            }
            CursorKind::Set { s, pos, sp, elem } => {
                let more = self
                    .call_rt(
                        "mg_set_next",
                        Some(self.t_bool()),
                        &[(*s).into(), (*pos).into(), (*sp).into()],
                    )?
                    .unwrap()
                    .into_int_value();
                let go = self.new_block("it.go");
                self.b.build_conditional_branch(more, go, done)?;
                self.position(go);
                let slot = self
                    .b
                    .build_load(self.ptr_t(), *sp, "")?
                    .into_pointer_value();
                let v = self.load_slot(elem, slot)?;
                self.incref(elem, v)?;
                v
            }
            CursorKind::Enumerate { inner, counter, ty } => {
                let v = self.iter_next(inner, done)?;
                let i = self.b.build_load(i64t, *counter, "")?.into_int_value();
                let next = self.b.build_int_add(i, one, "")?;
                self.b.build_store(*counter, next)?;
                self.make_tuple(ty, &[i.into(), v])?
            }
            CursorKind::Zip { inner, ty } => {
                let mut vals: Vec<BasicValueEnum> = Vec::new();
                for (j, (cur, et)) in inner.iter().enumerate() {
                    if j == 0 {
                        vals.push(self.iter_next(cur, done)?);
                        continue;
                    }
                    // If this one is exhausted, release what the earlier ones produced.
                    let cleanup = self.new_block("zip.cleanup");
                    let v = self.iter_next(cur, cleanup)?;
                    let cont = self.b.get_insert_block().unwrap();
                    self.position(cleanup);
                    for (k, pv) in vals.iter().enumerate() {
                        let pt = inner[k].1.clone();
                        self.decref(&pt, *pv)?;
                    }
                    self.b.build_unconditional_branch(done)?;
                    self.position(cont);
                    let _ = et;
                    vals.push(v);
                }
                self.make_tuple(ty, &vals)?
            }
        })
    }

    /// Release the references the cursor holds (they are the last
    /// `iter_temps` entries it pushed).
    fn iter_end(&mut self, c: &Cursor<'ctx>) -> Result<()> {
        let n = Self::cursor_temps(c);
        for _ in 0..n {
            let (ty, v) = self.iter_temps.pop().expect("iterator temp");
            self.decref(&ty, v)?;
        }
        Ok(())
    }

    fn cursor_temps(c: &Cursor<'ctx>) -> usize {
        match &c.kind {
            CursorKind::Range { .. } | CursorKind::RangeRev { .. } => 0,
            CursorKind::Enumerate { inner, .. } | CursorKind::Gen { first: inner } => {
                Self::cursor_temps(inner)
            }
            CursorKind::Zip { inner, .. } => inner.iter().map(|(c, _)| Self::cursor_temps(c)).sum(),
            _ => 1,
        }
    }

    /// Run `each` on every element of list `l` (borrowed values), by index.
    fn each_list_slot(
        &mut self,
        l: PointerValue<'ctx>,
        elem: &Ty,
        each: &mut dyn FnMut(&mut Self, BasicValueEnum<'ctx>) -> Result<()>,
    ) -> Result<()> {
        let n = self.list_len(l)?;
        let idx = self.entry_alloca(self.t_i64(), "i")?;
        self.b.build_store(idx, self.i64c(0))?;
        let head = self.new_block("slots.head");
        let body = self.new_block("slots.body");
        let end = self.new_block("slots.end");
        self.b.build_unconditional_branch(head)?;
        self.position(head);
        let i = self
            .b
            .build_load(self.ctx.i64_type(), idx, "")?
            .into_int_value();
        let c = self.b.build_int_compare(IntPredicate::SLT, i, n, "")?;
        self.b.build_conditional_branch(c, body, end)?;
        self.position(body);
        let p = self.list_slot_ptr(l, elem, i)?;
        let v = self.load_slot(elem, p)?;
        each(self, v)?;
        let i1 = self.b.build_int_add(i, self.i64c(1), "")?;
        self.b.build_store(idx, i1)?;
        self.b.build_unconditional_branch(head)?;
        self.position(end);
        Ok(())
    }

    fn tuple_elem_ptr(
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

    pub(super) fn for_loop(
        &mut self,
        s: &Stmt,
        target: &Target,
        iter: &Iter,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> Result<()> {
        let cursor = self.iter_begin(iter)?;
        if iter.is_push_only() {
            // A generator expression: the body runs inside its innermost
            // loop; `break` releases what its loops hold, then leaves.
            let end = self.new_block("for.end");
            let base = self.iter_temps.len() - Self::cursor_temps(&cursor);
            self.drive(iter, cursor, &mut |this, v| {
                this.set_debug_loc(s.line, s.col);
                this.store_target(target, &iter.elem, v, s.line)?;
                let cont = this.new_block("for.cont");
                let brk = this.new_block("for.break");
                let held: Vec<_> = this.iter_temps[base..].to_vec();
                this.loops.push((cont, brk, this.iter_temps.len()));
                this.block(body)?;
                this.loops.pop();
                if !this.terminated() {
                    this.b.build_unconditional_branch(cont)?;
                }
                this.position(brk);
                for (ty, tv) in held.iter().rev() {
                    this.decref(ty, *tv)?;
                }
                this.b.build_unconditional_branch(end)?;
                this.position(cont);
                Ok(())
            })?;
            self.block(orelse)?;
            if !self.terminated() {
                self.b.build_unconditional_branch(end)?;
            }
            self.position(end);
            return Ok(());
        }
        let head = self.new_block("for.head");
        let else_bb = self.new_block("for.else");
        let end = self.new_block("for.end");
        self.b.build_unconditional_branch(head)?;
        self.position(head);
        self.set_debug_loc(s.line, s.col);
        let v = self.iter_next(&cursor, else_bb)?;
        self.store_target(target, &iter.elem, v, s.line)?;
        self.loops.push((head, end, self.iter_temps.len()));
        self.block(body)?;
        self.loops.pop();
        if !self.terminated() {
            self.b.build_unconditional_branch(head)?;
        }
        self.position(else_bb);
        self.block(orelse)?;
        if !self.terminated() {
            self.b.build_unconditional_branch(end)?;
        }
        self.position(end);
        self.iter_end(&cursor)?;
        Ok(())
    }

    /// Run `each` on every element of `iter` (elements owned by `each`).
    /// `each` may leave early by branching elsewhere after releasing
    /// `iter_temps` above the depth it saw on entry (see `Reduce::Any`).
    fn for_each(
        &mut self,
        iter: &Iter,
        each: &mut dyn FnMut(&mut Self, BasicValueEnum<'ctx>) -> Result<()>,
    ) -> Result<()> {
        let cursor = self.iter_begin(iter)?;
        self.drive(iter, cursor, each)
    }

    /// The loop of `for_each`, over a cursor `iter_begin` made: between the
    /// two, a consumer evaluates its other arguments (CPython evaluates a
    /// call's arguments, generator objects included, before running it).
    fn drive(
        &mut self,
        iter: &Iter,
        cursor: Cursor<'ctx>,
        each: &mut dyn FnMut(&mut Self, BasicValueEnum<'ctx>) -> Result<()>,
    ) -> Result<()> {
        let consumer = std::mem::replace(&mut self.gen_consumer, 0);
        match (&iter.kind, cursor.kind) {
            (IterKind::Gen { gens, elt }, CursorKind::Gen { first }) => {
                // The generator's body runs in its own frame, above its
                // consumer (and the consumer's C level, if it has one).
                let body_off = self.rec_offset + consumer + 1;
                let here = self.rec_offset;
                self.gen_level(gens, elt, 0, Some(*first), (body_off, here), each)
            }
            (
                IterKind::Enumerate(inner, _),
                CursorKind::Enumerate {
                    inner: ic,
                    counter,
                    ty,
                },
            ) if inner.is_push_only() => {
                let i64t = self.ctx.i64_type();
                self.gen_consumer = consumer;
                self.drive(inner, *ic, &mut |this, v| {
                    let n = this.b.build_load(i64t, counter, "")?.into_int_value();
                    let t = this.make_tuple(&ty, &[n.into(), v])?;
                    let n1 = this.b.build_int_add(n, i64t.const_int(1, false), "")?;
                    this.b.build_store(counter, n1)?;
                    each(this, t)
                })
            }
            (_, kind) => {
                let cursor = Cursor { kind };
                let head = self.new_block("each.head");
                let end = self.new_block("each.end");
                self.b.build_unconditional_branch(head)?;
                self.position(head);
                let v = self.iter_next(&cursor, end)?;
                each(self, v)?;
                if !self.terminated() {
                    self.b.build_unconditional_branch(head)?;
                }
                self.position(end);
                self.iter_end(&cursor)?;
                Ok(())
            }
        }
    }

    /// Generator expression level `level`: iterate its iterable (`first`:
    /// already begun, for level 0), bind the target, test the conditions,
    /// then the next level or, innermost, the element into `each`.
    #[allow(clippy::too_many_arguments)]
    fn gen_level(
        &mut self,
        gens: &[CompGen],
        elt: &Expr,
        level: usize,
        first: Option<Cursor<'ctx>>,
        (body_off, consumer_off): (u32, u32),
        each: &mut dyn FnMut(&mut Self, BasicValueEnum<'ctx>) -> Result<()>,
    ) -> Result<()> {
        let g = &gens[level];
        let cursor = match first {
            Some(c) => c,
            None => {
                self.recursion_check(&reclimit::iter_creation(&g.iter), elt.line)?;
                self.iter_begin(&g.iter)?
            }
        };
        self.drive(&g.iter, cursor, &mut |this, v| {
            this.rec_offset = body_off;
            this.store_target(&g.target, &g.iter.elem, v, elt.line)?;
            let mut skip = None;
            for c in &g.conds {
                this.recursion_check(&reclimit::combined(c, true), c.line)?;
                this.jump_ctx = true;
                let cv = this.expr(c)?.into_int_value();
                let next = this.new_block("gen.if");
                let sk = *skip.get_or_insert_with(|| this.new_block("gen.skip"));
                this.b.build_conditional_branch(cv, next, sk)?;
                this.position(next);
            }
            if level + 1 < gens.len() {
                this.rec_offset = body_off;
                this.gen_level(gens, elt, level + 1, None, (body_off, consumer_off), each)?;
            } else {
                this.recursion_check(&reclimit::combined(elt, false), elt.line)?;
                let v = this.expr(elt)?;
                // The consumer's code runs where the consumer is.
                this.rec_offset = consumer_off;
                each(this, v)?;
            }
            this.rec_offset = body_off;
            if let Some(sk) = skip {
                if !this.terminated() {
                    this.b.build_unconditional_branch(sk)?;
                }
                this.position(sk);
            }
            Ok(())
        })?;
        self.rec_offset = consumer_off;
        Ok(())
    }

    // ---- constructors -------------------------------------------------------

    fn new_list(&mut self, elem: &Ty, cap: u64) -> Result<PointerValue<'ctx>> {
        let d = self.type_desc(elem);
        Ok(self
            .call_rt(
                "mg_list_new",
                Some(self.t_ptr()),
                &[d.into(), self.i64c(cap as i64).into()],
            )?
            .unwrap()
            .into_pointer_value())
    }

    /// Move an owned value into a container with `fname(container, slot)`.
    fn put(
        &mut self,
        fname: &str,
        c: PointerValue<'ctx>,
        t: &Ty,
        v: BasicValueEnum<'ctx>,
    ) -> Result<()> {
        let slot = self.spill(t, v)?;
        self.call_rt(fname, None, &[c.into(), slot.into()])?;
        Ok(())
    }

    fn new_dict(&mut self, kt: &Ty, vt: &Ty) -> Result<PointerValue<'ctx>> {
        let kd = self.type_desc(kt);
        let vd = self.type_desc(vt);
        Ok(self
            .call_rt("mg_dict_new", Some(self.t_ptr()), &[kd.into(), vd.into()])?
            .unwrap()
            .into_pointer_value())
    }

    fn dict_set(
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

    fn new_set(&mut self, elem: &Ty) -> Result<PointerValue<'ctx>> {
        let d = self.type_desc(elem);
        Ok(self
            .call_rt("mg_set_new", Some(self.t_ptr()), &[d.into()])?
            .unwrap()
            .into_pointer_value())
    }

    pub(super) fn container_expr(&mut self, e: &Expr) -> Result<BasicValueEnum<'ctx>> {
        let ptr = Some(self.t_ptr());
        Ok(match &e.kind {
            ExprKind::List(items) => {
                let Ty::List(et) = &e.ty else { unreachable!() };
                let l = self.new_list(et, items.len() as u64)?;
                for it in items {
                    let v = self.expr(it)?;
                    self.put("mg_list_append", l, et, v)?;
                }
                l.into()
            }
            ExprKind::Tuple(items) => {
                let mut vals = Vec::new();
                for it in items {
                    vals.push(self.expr(it)?);
                }
                self.make_tuple(&e.ty, &vals)?
            }
            ExprKind::Dict(items) => {
                let Ty::Dict(kt, vt) = &e.ty else {
                    unreachable!()
                };
                let d = self.new_dict(kt, vt)?;
                for (k, v) in items {
                    let kv = self.expr(k)?;
                    let vv = self.expr(v)?;
                    self.set_line(k.line)?;
                    self.dict_set(d, kt, kv, vt, vv)?;
                }
                d.into()
            }
            ExprKind::Set(items) => {
                let Ty::Set(et) = &e.ty else { unreachable!() };
                let s = self.new_set(et)?;
                // BUILD_SET: the elements are inserted in order (displays
                // CPython folds to constants are `FrozenSet`s, see pyconst).
                for it in items {
                    let v = self.expr(it)?;
                    self.put("mg_set_add", s, et, v)?;
                }
                s.into()
            }
            ExprKind::FrozenSet { id, elems } => {
                let Ty::Set(et) = &e.ty else { unreachable!() };
                self.frozen_set(*id, et, elems)?
            }
            ExprKind::Comp {
                kind,
                key,
                elt,
                gens,
            } => self.comprehension(e, *kind, key.as_deref(), elt, gens)?,
            ExprKind::Index(obj, idx) => self.index(e, obj, idx)?,
            ExprKind::Field(obj, i) => {
                let h = self.expr_borrow(obj)?;
                let Ty::Tuple(ts) = &obj.ty else {
                    unreachable!()
                };
                let f = self.tuple_field(&obj.ty, h.v, *i)?;
                self.incref(&ts[*i], f)?;
                self.release(&obj.ty, h)?;
                f
            }
            ExprKind::TupleSlice(obj, idx) => {
                let h = self.expr_borrow(obj)?;
                let Ty::Tuple(ts) = &obj.ty else {
                    unreachable!()
                };
                let mut vals = Vec::new();
                for &i in idx {
                    let f = self.tuple_field(&obj.ty, h.v, i)?;
                    self.incref(&ts[i], f)?;
                    vals.push(f);
                }
                self.release(&obj.ty, h)?;
                self.make_tuple(&e.ty, &vals)?
            }
            ExprKind::Slice { obj, lo, hi, step } => {
                let h = self.expr_borrow(obj)?;
                let mut args: Vec<BasicValueEnum> = vec![h.v];
                let bounds = [lo.as_deref(), hi.as_deref(), step.as_deref()];
                args.extend(self.slice_args(&bounds)?);
                self.set_line(e.line)?;
                let f = if obj.ty == Ty::Str {
                    "mg_str_slice"
                } else {
                    "mg_list_slice"
                };
                let r = self.call_rt(f, ptr, &args)?.unwrap();
                self.release(&obj.ty, h)?;
                r
            }
            ExprKind::In {
                item,
                container,
                negate,
            } => {
                // Python evaluates the item, then the container.
                let ih = self.expr_borrow(item)?;
                let ch = self.expr_borrow(container)?;
                self.set_line(e.line)?;
                let r = match &container.ty {
                    Ty::Str => self
                        .call_rt("mg_str_contains", Some(self.t_bool()), &[ch.v, ih.v])?
                        .unwrap()
                        .into_int_value(),
                    Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => {
                        let slot = self.spill(&item.ty, ih.v)?;
                        let f = match &container.ty {
                            Ty::List(_) => "mg_list_contains",
                            Ty::Dict(..) => "mg_dict_contains",
                            _ => "mg_set_contains",
                        };
                        self.call_rt(f, Some(self.t_bool()), &[ch.v, slot.into()])?
                            .unwrap()
                            .into_int_value()
                    }
                    Ty::Tuple(ts) => {
                        let mut acc = self.ctx.bool_type().const_zero();
                        for i in 0..ts.len() {
                            let f = self.tuple_field(&container.ty, ch.v, i)?;
                            let eq = self.compare(CmpOp::Eq, &ts[i], f, &item.ty, ih.v, e.line)?;
                            acc = self.b.build_or(acc, eq, "")?;
                        }
                        acc
                    }
                    _ => unreachable!(),
                };
                self.release(&item.ty, ih)?;
                self.release(&container.ty, ch)?;
                if *negate {
                    self.b.build_not(r, "")?.into()
                } else {
                    r.into()
                }
            }
            ExprKind::StrFormat(fmt, args) => {
                let fh = self.expr_borrow(fmt)?;
                let mut held = Vec::new();
                for a in args {
                    held.push(self.expr_borrow(a)?);
                }
                let n = args.len();
                let arr_ty = self.ptr_t().array_type(n.max(1) as u32);
                let types = self.entry_alloca(arr_ty.into(), "fmt.types")?;
                let slots = self.entry_alloca(arr_ty.into(), "fmt.slots")?;
                let i64t = self.ctx.i64_type();
                for (i, (a, h)) in args.iter().zip(&held).enumerate() {
                    let idx = [i64t.const_zero(), i64t.const_int(i as u64, false)];
                    let d = self.type_desc(&a.ty);
                    let slot = self.spill(&a.ty, h.v)?;
                    let tp = unsafe { self.b.build_in_bounds_gep(arr_ty, types, &idx, "")? };
                    self.b.build_store(tp, d)?;
                    let sp = unsafe { self.b.build_in_bounds_gep(arr_ty, slots, &idx, "")? };
                    self.b.build_store(sp, slot)?;
                }
                self.set_line(e.line)?;
                let r = self
                    .call_rt(
                        "mg_str_format",
                        ptr,
                        &[fh.v, self.i64c(n as i64).into(), types.into(), slots.into()],
                    )?
                    .unwrap();
                for (a, h) in args.iter().zip(held) {
                    self.release(&a.ty, h)?;
                }
                self.release(&fmt.ty, fh)?;
                r
            }
            ExprKind::InRange {
                item,
                start,
                stop,
                step,
                negate,
            } => {
                let mut vals = vec![self.expr(item)?];
                for x in [start, stop, step] {
                    vals.push(self.expr(x)?);
                }
                self.set_line(e.line)?;
                let r = self
                    .call_rt("mg_range_contains", Some(self.t_bool()), &vals)?
                    .unwrap()
                    .into_int_value();
                if *negate {
                    self.b.build_not(r, "")?.into()
                } else {
                    r.into()
                }
            }
            ExprKind::Method(m, args) => match self.method(e, *m, args)? {
                Some(v) => v,
                None => unreachable!("checked: None method used as value"),
            },
            ExprKind::Reduce {
                op,
                iter,
                key,
                reverse,
                start,
            } => self.reduce(
                e,
                *op,
                iter,
                key.as_ref(),
                reverse.as_deref(),
                start.as_deref(),
            )?,
            ExprKind::DictFrom(src) => {
                let h = self.expr_borrow(src)?;
                let r = match &src.ty {
                    Ty::Dict(..) => self.call_rt("mg_dict_copy", ptr, &[h.v])?.unwrap(),
                    Ty::List(pair) => {
                        let Ty::Dict(kt, vt) = &e.ty else {
                            unreachable!()
                        };
                        let d = self.new_dict(kt, vt)?;
                        self.each_list_slot(h.v.into_pointer_value(), pair, &mut |this, pv| {
                            this.incref(pair, pv)?;
                            let k = this.tuple_field(pair, pv, 0)?;
                            let v = this.tuple_field(pair, pv, 1)?;
                            this.dict_set(d, kt, k, vt, v)
                        })?;
                        d.into()
                    }
                    _ => unreachable!(),
                };
                self.release(&src.ty, h)?;
                r
            }
            ExprKind::SortBy { .. } => unreachable!("sort() has no value"),
            _ => unreachable!("expression kind handled in mod.rs"),
        })
    }

    /// A frozenset constant: a global built on first use (`mg_set_freeze`
    /// makes CPython's frozenset from the set of `elems` and makes it
    /// immortal), then shared by every use of the same `id`.
    fn frozen_set(&mut self, id: usize, et: &Ty, elems: &[Expr]) -> Result<BasicValueEnum<'ctx>> {
        let name = format!("mg.frozenset.{id}");
        let g = match self.module.get_global(&name) {
            Some(g) => g,
            None => {
                let g = self.module.add_global(self.ptr_t(), None, &name);
                g.set_linkage(Linkage::Internal);
                g.set_initializer(&self.ptr_t().const_null());
                g
            }
        };
        let cached = self
            .b
            .build_load(self.ptr_t(), g.as_pointer_value(), "")?
            .into_pointer_value();
        let from = self.b.get_insert_block().unwrap();
        let build = self.new_block("frozenset.build");
        let done = self.new_block("frozenset.done");
        let missing = self.b.build_is_null(cached, "")?;
        self.b.build_conditional_branch(missing, build, done)?;
        self.position(build);
        let a = self.new_set(et)?;
        for el in elems {
            let v = self.expr(el)?;
            self.put("mg_set_add", a, et, v)?;
        }
        let fz = self
            .call_rt("mg_set_freeze", Some(self.t_ptr()), &[a.into()])?
            .unwrap()
            .into_pointer_value();
        self.b.build_store(g.as_pointer_value(), fz)?;
        let built = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(done)?;
        self.position(done);
        let phi = self.b.build_phi(self.ptr_t(), "frozenset")?;
        phi.add_incoming(&[(&cached, from), (&fz, built)]);
        Ok(phi.as_basic_value())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        key: Option<&Expr>,
        elt: &Expr,
        gens: &[CompGen],
    ) -> Result<BasicValueEnum<'ctx>> {
        let container = match (&e.ty, kind) {
            (Ty::List(et), CompKind::List) => self.new_list(et, 0)?,
            (Ty::Set(et), CompKind::Set) => self.new_set(et)?,
            (Ty::Dict(kt, vt), CompKind::Dict) => self.new_dict(kt, vt)?,
            _ => unreachable!(),
        };
        self.comp_level(e, kind, container, key, elt, gens, 0)?;
        Ok(container.into())
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_level(
        &mut self,
        e: &Expr,
        kind: CompKind,
        container: PointerValue<'ctx>,
        key: Option<&Expr>,
        elt: &Expr,
        gens: &[CompGen],
        level: usize,
    ) -> Result<()> {
        let g = &gens[level];
        if level > 0 {
            // Inner iterables are made inside the comprehension's frame.
            self.recursion_check(&reclimit::iter_creation(&g.iter), e.line)?;
        }
        // The comprehension's frame drives its outermost iterable.
        self.gen_consumer = if level == 0 { 1 } else { 0 };
        let outer = self.rec_offset;
        self.for_each(&g.iter, &mut |this, v| {
            // The body runs in the comprehension's frame (CPython 3.11).
            this.rec_offset = if level == 0 { outer + 1 } else { outer };
            this.store_target(&g.target, &g.iter.elem, v, e.line)?;
            let mut skip = None;
            for c in &g.conds {
                this.recursion_check(&reclimit::combined(c, true), c.line)?;
                this.jump_ctx = true;
                let cv = this.expr(c)?.into_int_value();
                let next = this.new_block("comp.if");
                let sk = *skip.get_or_insert_with(|| this.new_block("comp.skip"));
                this.b.build_conditional_branch(cv, next, sk)?;
                this.position(next);
            }
            if level + 1 < gens.len() {
                this.comp_level(e, kind, container, key, elt, gens, level + 1)?;
            } else {
                let mut ch = key
                    .map(|k| reclimit::combined(k, false))
                    .unwrap_or_default();
                ch.extend(reclimit::combined(elt, false));
                this.recursion_check(&ch, elt.line)?;
                match kind {
                    CompKind::List => {
                        let v = this.expr(elt)?;
                        this.put("mg_list_append", container, &elt.ty, v)?;
                    }
                    CompKind::Set => {
                        let v = this.expr(elt)?;
                        this.put("mg_set_add", container, &elt.ty, v)?;
                    }
                    CompKind::Dict => {
                        let k = key.unwrap();
                        let kv = this.expr(k)?;
                        let vv = this.expr(elt)?;
                        this.dict_set(container, &k.ty, kv, &elt.ty, vv)?;
                    }
                }
            }
            if let Some(sk) = skip {
                if !this.terminated() {
                    this.b.build_unconditional_branch(sk)?;
                }
                this.position(sk);
            }
            this.rec_offset = outer;
            Ok(())
        })?;
        self.rec_offset = outer;
        Ok(())
    }

    fn index(&mut self, e: &Expr, obj: &Expr, idx: &Expr) -> Result<BasicValueEnum<'ctx>> {
        let oh = self.expr_borrow(obj)?;
        let r = match &obj.ty {
            Ty::List(et) => {
                let i = self.expr(idx)?.into_int_value();
                self.set_line(e.line)?;
                let p = self.list_index_ptr(
                    oh.v.into_pointer_value(),
                    et,
                    i,
                    "list index out of range",
                )?;
                let v = self.load_slot(et, p)?;
                self.incref(et, v)?;
                v
            }
            Ty::Str => {
                let i = self.expr(idx)?;
                self.set_line(e.line)?;
                self.call_rt("mg_str_index", Some(self.t_ptr()), &[oh.v, i])?
                    .unwrap()
            }
            Ty::Dict(kt, vt) => {
                let kh = self.expr_borrow(idx)?;
                self.set_line(e.line)?;
                let ks = self.spill(kt, kh.v)?;
                let p = self
                    .call_rt("mg_dict_at", Some(self.t_ptr()), &[oh.v, ks.into()])?
                    .unwrap()
                    .into_pointer_value();
                let v = self.load_slot(vt, p)?;
                self.incref(vt, v)?;
                self.release(kt, kh)?;
                v
            }
            Ty::Tuple(ts) => {
                let i = self.expr(idx)?.into_int_value();
                self.set_line(e.line)?;
                let n = self.i64c(ts.len() as i64);
                let neg = self
                    .b
                    .build_int_compare(IntPredicate::SLT, i, self.i64c(0), "")?;
                let adj = self.b.build_int_add(i, n, "")?;
                let i = self.b.build_select(neg, adj, i, "")?.into_int_value();
                let bad = self.b.build_int_compare(IntPredicate::UGE, i, n, "")?;
                self.raise_if(bad, "IndexError", Some("tuple index out of range"))?;
                let t = self.spill(&obj.ty, oh.v)?;
                let p = self.tuple_elem_ptr(&obj.ty, t, i)?;
                let v = self.load_slot(&ts[0], p)?;
                self.incref(&ts[0], v)?;
                v
            }
            _ => unreachable!(),
        };
        self.release(&obj.ty, oh)?;
        Ok(r)
    }

    /// The runtime's slice arguments for `[lo:hi:step]`: the three bounds
    /// (0 where absent), then three "given" flags.
    fn slice_args(&mut self, bounds: &[Option<&Expr>]) -> Result<Vec<BasicValueEnum<'ctx>>> {
        let mut args = Vec::new();
        for part in bounds {
            args.push(match part {
                Some(x) => self.expr(x)?,
                None => self.i64c(0).into(),
            });
        }
        for part in bounds {
            args.push(
                self.ctx
                    .bool_type()
                    .const_int(part.is_some() as u64, false)
                    .into(),
            );
        }
        Ok(args)
    }

    /// Pointer to the slot at Python index `i` of a list, raising
    /// `IndexError: <msg>` when out of range.
    fn list_index_ptr(
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

    pub(super) fn seq_binary(
        &mut self,
        e: &Expr,
        op: BinOp,
        l: &Expr,
        r: &Expr,
    ) -> Result<BasicValueEnum<'ctx>> {
        let ptr = Some(self.t_ptr());
        if let Ty::Tuple(_) = &l.ty {
            // (a, b) + (c,): fields move from the two owned tuples.
            let lv = self.expr(l)?;
            let rv = self.expr(r)?;
            let Ty::Tuple(lt) = &l.ty else { unreachable!() };
            let Ty::Tuple(rt) = &r.ty else { unreachable!() };
            let mut vals = Vec::new();
            for i in 0..lt.len() {
                vals.push(self.tuple_field(&l.ty, lv, i)?);
            }
            for i in 0..rt.len() {
                vals.push(self.tuple_field(&r.ty, rv, i)?);
            }
            return self.make_tuple(&e.ty, &vals);
        }
        let lh = self.expr_borrow(l)?;
        let rh = self.expr_borrow(r)?;
        self.set_line(e.line)?;
        if matches!(r.ty, Ty::Str | Ty::List(_)) && l.ty == Ty::Int {
            // n * seq
            let f = if r.ty == Ty::Str {
                "mg_str_repeat"
            } else {
                "mg_list_repeat"
            };
            let v = self.call_rt(f, ptr, &[rh.v, lh.v])?.unwrap();
            self.release(&r.ty, rh)?;
            return Ok(v);
        }
        let f = match (&l.ty, op) {
            (Ty::Str, BinOp::Add) => "mg_str_concat",
            (Ty::Str, BinOp::Mul) => "mg_str_repeat",
            (Ty::List(_), BinOp::Add) => "mg_list_concat",
            (Ty::List(_), BinOp::Mul) => "mg_list_repeat",
            _ => unreachable!(),
        };
        let v = self.call_rt(f, ptr, &[lh.v, rh.v])?.unwrap();
        self.release(&l.ty, lh)?;
        self.release(&r.ty, rh)?;
        Ok(v)
    }

    /// `l op= r` on a mutable container: `lv` (owned) is mutated in place
    /// and returned (still owned); `r` is evaluated here, after `lv`.
    pub(super) fn inplace_op(
        &mut self,
        line: u32,
        op: BinOp,
        lty: &Ty,
        lv: BasicValueEnum<'ctx>,
        r: &Expr,
    ) -> Result<BasicValueEnum<'ctx>> {
        let rh = self.expr_borrow(r)?;
        self.set_line(line)?;
        let f = match (lty, op) {
            (Ty::List(_), BinOp::Add) => "mg_list_extend",
            (Ty::List(_), BinOp::Mul) => "mg_list_irepeat",
            (Ty::Set(_), BinOp::BitOr) => "mg_set_update",
            (Ty::Set(_), BinOp::BitAnd) => "mg_set_intersection_update",
            (Ty::Set(_), BinOp::Sub) => "mg_set_difference_update",
            (Ty::Set(_), BinOp::BitXor) => "mg_set_symmetric_difference_update",
            _ => unreachable!("checked: in-place operator on {lty:?}"),
        };
        self.call_rt(f, None, &[lv, rh.v])?;
        self.release(&r.ty, rh)?;
        Ok(lv)
    }

    pub(super) fn set_item(
        &mut self,
        line: u32,
        obj: &Expr,
        index: &Expr,
        value: &Expr,
    ) -> Result<()> {
        self.set_item_with(line, obj, index, &mut |this| this.expr(value))
    }

    /// `obj[index] = v` where `v` (owned) was computed earlier, as in
    /// `xs[i], xs[j] = xs[j], xs[i]`.
    pub(super) fn set_item_value(
        &mut self,
        line: u32,
        obj: &Expr,
        index: &Expr,
        v: BasicValueEnum<'ctx>,
    ) -> Result<()> {
        self.set_item_with(line, obj, index, &mut |_| Ok(v))
    }

    /// Python's order: the value, then the container, then the index.
    fn set_item_with(
        &mut self,
        line: u32,
        obj: &Expr,
        index: &Expr,
        value: &mut dyn FnMut(&mut Self) -> Result<BasicValueEnum<'ctx>>,
    ) -> Result<()> {
        let v = value(self)?;
        let oh = self.expr_borrow(obj)?;
        match &obj.ty {
            Ty::List(et) => {
                let i = self.expr(index)?;
                self.set_line(line)?;
                // Inline (the hot path of every in-place list algorithm):
                // bounds check, store, then drop the old item, as CPython.
                let p = self.list_index_ptr(
                    oh.v.into_pointer_value(),
                    et,
                    i.into_int_value(),
                    "list assignment index out of range",
                )?;
                let old = if et.is_heap() {
                    Some(self.load_slot(et, p)?)
                } else {
                    None
                };
                self.store_slot(et, p, v)?;
                if let Some(old) = old {
                    self.decref(et, old)?;
                }
            }
            Ty::Dict(kt, vt) => {
                let k = self.expr(index)?;
                self.set_line(line)?;
                self.dict_set(oh.v.into_pointer_value(), kt, k, vt, v)?;
            }
            _ => unreachable!(),
        }
        self.release(&obj.ty, oh)
    }

    pub(super) fn aug_set_item(
        &mut self,
        line: u32,
        obj: &Expr,
        index: &Expr,
        op: BinOp,
        value: &Expr,
    ) -> Result<()> {
        let oh = self.expr_borrow(obj)?;
        let (elem, key_ty) = match &obj.ty {
            Ty::List(et) => ((**et).clone(), Ty::Int),
            Ty::Dict(kt, vt) => ((**vt).clone(), (**kt).clone()),
            _ => unreachable!(),
        };
        let kh = self.expr_borrow(index)?;
        self.set_line(line)?;
        // Current item (owned: the value expression could drop it).
        let slot_of = |this: &mut Self| -> Result<PointerValue<'ctx>> {
            match &obj.ty {
                Ty::List(et) => this.list_index_ptr(
                    oh.v.into_pointer_value(),
                    et,
                    kh.v.into_int_value(),
                    "list index out of range",
                ),
                Ty::Dict(kt, _) => {
                    let ks = this.spill(kt, kh.v)?;
                    Ok(this
                        .call_rt("mg_dict_at", Some(this.t_ptr()), &[oh.v, ks.into()])?
                        .unwrap()
                        .into_pointer_value())
                }
                _ => unreachable!(),
            }
        };
        let p = slot_of(self)?;
        let cur = self.load_slot(&elem, p)?;
        self.incref(&elem, cur)?;
        let e = Expr {
            kind: ExprKind::Int(0),
            ty: elem.clone(),
            line,
            col: 0,
        };
        let inplace = matches!(
            (&elem, op),
            (Ty::List(_), BinOp::Add | BinOp::Mul)
                | (
                    Ty::Set(_),
                    BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
                )
        );
        let new = if inplace {
            // CPython's INPLACE op: the item itself is mutated (aliases see
            // it), then stored back.
            self.inplace_op(line, op, &elem, cur, value)?
        } else if matches!(elem, Ty::Str | Ty::List(_)) {
            let rhs = self.expr(value)?;
            let f = match (&elem, op) {
                (Ty::Str, BinOp::Add) => "mg_str_concat",
                (Ty::Str, BinOp::Mul) => "mg_str_repeat",
                (Ty::List(_), BinOp::Add) => "mg_list_concat",
                _ => "mg_list_repeat",
            };
            let v = self.call_rt(f, Some(self.t_ptr()), &[cur, rhs])?.unwrap();
            self.decref(&elem, cur)?;
            self.decref(&value.ty, rhs)?;
            v
        } else {
            let rhs = self.expr(value)?;
            self.binary(&e, op, &elem, cur, rhs)?
        };
        // Store as STORE_SUBSCR does, through a fresh lookup (the value
        // expression may have changed the container).
        self.set_line(line)?;
        match &obj.ty {
            Ty::List(et) => {
                let p = self.list_index_ptr(
                    oh.v.into_pointer_value(),
                    et,
                    kh.v.into_int_value(),
                    "list assignment index out of range",
                )?;
                let old = self.load_slot(&elem, p)?;
                self.store_slot(&elem, p, new)?;
                self.decref(&elem, old)?;
            }
            Ty::Dict(kt, vt) => {
                // Still present (the usual case): replace the value in its
                // slot; else insert the key again, as `d[k] = v` would.
                let ks = self.spill(kt, kh.v)?;
                let p = self
                    .call_rt("mg_dict_find", Some(self.t_ptr()), &[oh.v, ks.into()])?
                    .unwrap()
                    .into_pointer_value();
                let present = self.new_block("augset.present");
                let absent = self.new_block("augset.absent");
                let done = self.new_block("augset.done");
                let isnull = self.b.build_is_null(p, "")?;
                self.b.build_conditional_branch(isnull, absent, present)?;
                self.position(present);
                let old = self.load_slot(vt, p)?;
                self.store_slot(vt, p, new)?;
                self.decref(vt, old)?;
                self.b.build_unconditional_branch(done)?;
                self.position(absent);
                self.incref(kt, kh.v)?;
                self.dict_set(oh.v.into_pointer_value(), kt, kh.v, vt, new)?;
                self.b.build_unconditional_branch(done)?;
                self.position(done);
            }
            _ => unreachable!(),
        }
        self.release(&key_ty, kh)?;
        self.release(&obj.ty, oh)
    }

    pub(super) fn del_item(&mut self, line: u32, obj: &Expr, index: &Expr) -> Result<()> {
        let oh = self.expr_borrow(obj)?;
        match &obj.ty {
            Ty::List(_) => {
                let i = self.expr(index)?;
                self.set_line(line)?;
                self.call_rt("mg_list_delitem", None, &[oh.v, i])?;
            }
            Ty::Dict(kt, _) => {
                let kh = self.expr_borrow(index)?;
                self.set_line(line)?;
                let ks = self.spill(kt, kh.v)?;
                self.call_rt("mg_dict_delitem", None, &[oh.v, ks.into()])?;
                self.release(kt, kh)?;
            }
            _ => unreachable!(),
        }
        self.release(&obj.ty, oh)
    }

    /// `del xs[lo:hi:step]` (value None) or `xs[lo:hi:step] = value`.
    pub(super) fn slice_stmt(
        &mut self,
        line: u32,
        obj: &Expr,
        bounds: [&Option<Expr>; 3],
        value: Option<&Expr>,
    ) -> Result<()> {
        // CPython evaluates the assigned value before the target.
        let vh = match value {
            Some(v) => Some(self.expr_borrow(v)?),
            None => None,
        };
        let oh = self.expr_borrow(obj)?;
        let mut args: Vec<BasicValueEnum> = vec![oh.v];
        let bounds: Vec<Option<&Expr>> = bounds.iter().map(|b| b.as_ref()).collect();
        args.extend(self.slice_args(&bounds)?);
        self.set_line(line)?;
        match vh {
            Some(h) => {
                args.push(h.v);
                self.call_rt("mg_list_setslice", None, &args)?;
                self.release(&value.unwrap().ty, h)?;
            }
            None => {
                self.call_rt("mg_list_delslice", None, &args)?;
            }
        }
        self.release(&obj.ty, oh)
    }

    // ---- methods ------------------------------------------------------------

    pub(super) fn method(
        &mut self,
        e: &Expr,
        m: Method,
        args: &[Expr],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let recv = &args[0];
        let rh = self.expr_borrow(recv)?;
        let ptr = Some(self.t_ptr());
        let elem_of = |t: &Ty| -> Ty {
            match t {
                Ty::List(x) | Ty::Set(x) => (**x).clone(),
                _ => Ty::None,
            }
        };
        let et = elem_of(&recv.ty);
        let r: Option<BasicValueEnum> = match m {
            Method::ListAppend | Method::SetAdd => {
                let v = self.expr(&args[1])?;
                self.set_line(e.line)?;
                let f = if m == Method::ListAppend {
                    "mg_list_append"
                } else {
                    "mg_set_add"
                };
                self.put(f, rh.v.into_pointer_value(), &et, v)?;
                None
            }
            Method::ListInsert => {
                let i = self.expr(&args[1])?;
                let v = self.expr(&args[2])?;
                let slot = self.spill(&et, v)?;
                self.call_rt("mg_list_insert", None, &[rh.v, i, slot.into()])?;
                None
            }
            Method::ListExtend | Method::DictUpdate | Method::SetUpdate => {
                let oh = self.expr_borrow(&args[1])?;
                let f = match m {
                    Method::ListExtend => "mg_list_extend",
                    Method::DictUpdate => "mg_dict_update",
                    _ => "mg_set_update",
                };
                self.call_rt(f, None, &[rh.v, oh.v])?;
                self.release(&args[1].ty, oh)?;
                None
            }
            Method::ListPop => {
                let i = self.expr(&args[1])?;
                self.set_line(e.line)?;
                let out = self.entry_alloca(self.slot_ty(&et), "popped")?;
                self.call_rt("mg_list_pop", None, &[rh.v, i, out.into()])?;
                Some(self.load_slot(&et, out)?)
            }
            Method::ListRemove
            | Method::ListIndex
            | Method::ListCount
            | Method::SetDiscard
            | Method::SetRemove => {
                let vh = self.expr_borrow(&args[1])?;
                self.set_line(e.line)?;
                let slot = self.spill(&et, vh.v)?;
                let (f, ret) = match m {
                    Method::ListRemove => ("mg_list_remove", None),
                    Method::ListIndex => ("mg_list_index", Some(self.t_i64())),
                    Method::ListCount => ("mg_list_count", Some(self.t_i64())),
                    Method::SetDiscard => ("mg_set_discard", Some(self.t_bool())),
                    _ => ("mg_set_remove", None),
                };
                let r = self.call_rt(f, ret, &[rh.v, slot.into()])?;
                self.release(&et, vh)?;
                if m == Method::SetDiscard {
                    None
                } else {
                    r
                }
            }
            Method::ListReverse | Method::ListClear | Method::DictClear | Method::SetClear => {
                let f = match m {
                    Method::ListReverse => "mg_list_reverse",
                    Method::ListClear => "mg_list_clear",
                    Method::DictClear => "mg_dict_clear",
                    _ => "mg_set_clear",
                };
                self.call_rt(f, None, &[rh.v])?;
                None
            }
            Method::ListCopy | Method::DictCopy | Method::SetCopy => {
                let f = match m {
                    Method::ListCopy => "mg_list_copy",
                    Method::DictCopy => "mg_dict_copy",
                    _ => "mg_set_copy",
                };
                self.call_rt(f, ptr, &[rh.v])?
            }
            Method::ListSort => unreachable!("sort lowers through SortBy"),
            Method::DictGet | Method::DictSetDefault | Method::DictPop => {
                let Ty::Dict(kt, vt) = &recv.ty else {
                    unreachable!()
                };
                let kh = self.expr_borrow(&args[1])?;
                // Every argument is evaluated before the call, the default too
                // (used or not).
                let dflt = match args.get(2) {
                    Some(d) => Some(self.expr(d)?),
                    None => None,
                };
                self.set_line(e.line)?;
                let ks = self.spill(kt, kh.v)?;
                let result = match m {
                    Method::DictGet | Method::DictSetDefault => {
                        let p = self
                            .call_rt("mg_dict_find", ptr, &[rh.v, ks.into()])?
                            .unwrap()
                            .into_pointer_value();
                        let found = self.new_block("get.found");
                        let missing = self.new_block("get.missing");
                        let end = self.new_block("get.end");
                        let isnull = self.b.build_is_null(p, "")?;
                        self.b.build_conditional_branch(isnull, missing, found)?;
                        self.position(found);
                        let v1 = self.load_slot(vt, p)?;
                        self.incref(vt, v1)?;
                        let d = dflt.expect("checked: get/setdefault with a default");
                        self.decref(vt, d)?;
                        let found_end = self.b.get_insert_block().unwrap();
                        self.b.build_unconditional_branch(end)?;
                        self.position(missing);
                        if m == Method::DictSetDefault {
                            // store a reference to the default under the key
                            self.incref(vt, d)?;
                            self.incref(kt, kh.v)?;
                            self.dict_set(rh.v.into_pointer_value(), kt, kh.v, vt, d)?;
                        }
                        let miss_end = self.b.get_insert_block().unwrap();
                        self.b.build_unconditional_branch(end)?;
                        self.position(end);
                        let phi = self.b.build_phi(self.llty(vt), "")?;
                        phi.add_incoming(&[(&v1, found_end), (&d, miss_end)]);
                        phi.as_basic_value()
                    }
                    _ => {
                        let out = self.entry_alloca(self.slot_ty(vt), "popped")?;
                        let ok = self
                            .call_rt(
                                "mg_dict_pop",
                                Some(self.t_bool()),
                                &[rh.v, ks.into(), out.into()],
                            )?
                            .unwrap()
                            .into_int_value();
                        let found = self.new_block("pop.found");
                        let missing = self.new_block("pop.missing");
                        let end = self.new_block("pop.end");
                        self.b.build_conditional_branch(ok, found, missing)?;
                        self.position(found);
                        let v1 = self.load_slot(vt, out)?;
                        if let Some(d) = dflt {
                            self.decref(vt, d)?;
                        }
                        let found_end = self.b.get_insert_block().unwrap();
                        self.b.build_unconditional_branch(end)?;
                        self.position(missing);
                        let d = if let Some(d) = dflt {
                            d
                        } else {
                            // KeyError: repr(key)
                            let rep = self.repr_value(kt, kh.v, e.line)?;
                            let ex = self.cstr("KeyError");
                            self.call_rt("mg_raise_str", None, &[ex.into(), rep])?;
                            self.b.build_unreachable()?;
                            let dead = self.new_block("dead");
                            self.position(dead);
                            self.llty(vt).const_zero()
                        };
                        let miss_end = self.b.get_insert_block().unwrap();
                        self.b.build_unconditional_branch(end)?;
                        self.position(end);
                        let phi = self.b.build_phi(self.llty(vt), "")?;
                        phi.add_incoming(&[(&v1, found_end), (&d, miss_end)]);
                        phi.as_basic_value()
                    }
                };
                self.release(kt, kh)?;
                Some(result)
            }
            Method::DictKeys | Method::DictValues | Method::DictItems => {
                unreachable!("only iterated")
            }
            Method::SetPop => {
                self.set_line(e.line)?;
                let out = self.entry_alloca(self.slot_ty(&et), "popped")?;
                self.call_rt("mg_set_pop", None, &[rh.v, out.into()])?;
                Some(self.load_slot(&et, out)?)
            }
            Method::SetUnion
            | Method::SetIntersection
            | Method::SetDifference
            | Method::SetSymmetricDifference
            | Method::SetOr
            | Method::SetAnd
            | Method::SetSub
            | Method::SetXor
            | Method::SetIsSubset
            | Method::SetIsSuperset => {
                let oh = self.expr_borrow(&args[1])?;
                let (f, ret) = match m {
                    Method::SetUnion | Method::SetOr => ("mg_set_union", ptr),
                    Method::SetIntersection | Method::SetAnd => ("mg_set_intersection", ptr),
                    Method::SetDifference | Method::SetSub => ("mg_set_difference", ptr),
                    Method::SetSymmetricDifference | Method::SetXor => {
                        ("mg_set_symmetric_difference", ptr)
                    }
                    _ => ("mg_set_issubset", Some(self.t_bool())),
                };
                let r = if m == Method::SetIsSuperset {
                    self.call_rt(f, ret, &[oh.v, rh.v])?
                } else {
                    self.call_rt(f, ret, &[rh.v, oh.v])?
                };
                self.release(&args[1].ty, oh)?;
                r
            }
            Method::SetUpdateMany
            | Method::SetUnionMany
            | Method::SetIntersectionMany
            | Method::SetDifferenceMany => {
                // Every argument is evaluated before the set is touched.
                let mut held = Vec::new();
                for a in &args[1..] {
                    held.push(self.expr_borrow(a)?);
                }
                self.set_line(e.line)?;
                let set_ty = recv.ty.clone();
                let is_set = |a: &Expr| matches!(a.ty, Ty::Set(_));
                let mut cur: Option<BasicValueEnum<'ctx>> = match m {
                    Method::SetUpdateMany => Some(rh.v),
                    Method::SetUnionMany => self.call_rt("mg_set_copy", ptr, &[rh.v])?,
                    _ => None,
                };
                for (i, (a, h)) in args[1..].iter().zip(&held).enumerate() {
                    match m {
                        Method::SetUpdateMany | Method::SetUnionMany => {
                            let f = if is_set(a) {
                                "mg_set_update"
                            } else {
                                "mg_set_update_list"
                            };
                            self.call_rt(f, None, &[cur.unwrap(), h.v])?;
                        }
                        Method::SetIntersectionMany => {
                            let base = cur.unwrap_or(rh.v);
                            let f = if is_set(a) {
                                "mg_set_intersection"
                            } else {
                                "mg_set_intersection_list"
                            };
                            let r = self.call_rt(f, ptr, &[base, h.v])?.unwrap();
                            if let Some(old) = cur {
                                self.decref(&set_ty, old)?;
                            }
                            cur = Some(r);
                        }
                        _ => {
                            if i == 0 && is_set(a) {
                                cur = self.call_rt("mg_set_difference", ptr, &[rh.v, h.v])?;
                                continue;
                            }
                            if i == 0 {
                                cur = self.call_rt("mg_set_copy", ptr, &[rh.v])?;
                            }
                            let f = if is_set(a) {
                                "mg_set_difference_update"
                            } else {
                                "mg_set_difference_update_list"
                            };
                            self.call_rt(f, None, &[cur.unwrap(), h.v])?;
                        }
                    }
                }
                for (a, h) in args[1..].iter().zip(held) {
                    self.release(&a.ty, h)?;
                }
                match m {
                    Method::SetUpdateMany => None,
                    _ => match cur {
                        Some(v) => Some(v),
                        None => self.call_rt("mg_set_copy", ptr, &[rh.v])?,
                    },
                }
            }
            Method::SetUnionList
            | Method::SetIntersectionList
            | Method::SetDifferenceList
            | Method::SetUpdateList => {
                // CPython's paths for a non-set argument: union copies and
                // adds each item; intersection keeps the items found in the
                // set, in the list's order; difference copies and discards.
                let a = rh.v.into_pointer_value();
                let result = match m {
                    Method::SetUnionList | Method::SetDifferenceList => self
                        .call_rt("mg_set_copy", ptr, &[rh.v])?
                        .unwrap()
                        .into_pointer_value(),
                    Method::SetIntersectionList => self.new_set(&et)?,
                    _ => a,
                };
                let it = Iter {
                    kind: IterKind::List(Box::new(args[1].clone())),
                    elem: et.clone(),
                };
                self.set_line(e.line)?;
                self.for_each(&it, &mut |this, v| {
                    match m {
                        Method::SetUnionList | Method::SetUpdateList => {
                            this.put("mg_set_add", result, &et, v)?
                        }
                        Method::SetDifferenceList => {
                            let slot = this.spill(&et, v)?;
                            this.call_rt(
                                "mg_set_discard",
                                Some(this.t_bool()),
                                &[result.into(), slot.into()],
                            )?;
                            this.decref(&et, v)?;
                        }
                        _ => {
                            let slot = this.spill(&et, v)?;
                            let has = this
                                .call_rt(
                                    "mg_set_contains",
                                    Some(this.t_bool()),
                                    &[a.into(), slot.into()],
                                )?
                                .unwrap()
                                .into_int_value();
                            let add = this.new_block("inter.add");
                            let skip = this.new_block("inter.skip");
                            let next = this.new_block("inter.next");
                            this.b.build_conditional_branch(has, add, skip)?;
                            this.position(add);
                            this.put("mg_set_add", result, &et, v)?;
                            this.b.build_unconditional_branch(next)?;
                            this.position(skip);
                            this.decref(&et, v)?;
                            this.b.build_unconditional_branch(next)?;
                            this.position(next);
                        }
                    }
                    Ok(())
                })?;
                if m == Method::SetUpdateList {
                    None
                } else {
                    Some(result.into())
                }
            }
            Method::Str(fname) => {
                let mut held = Vec::new();
                let mut vals = vec![rh.v];
                for a in &args[1..] {
                    let h = self.expr_borrow(a)?;
                    vals.push(h.v);
                    held.push((a, h));
                }
                self.set_line(e.line)?;
                let r = if let Ty::Tuple(_) = e.ty {
                    // partition: results through an out array of 3 strings
                    let arr_ty = self.ptr_t().array_type(3);
                    let out = self.entry_alloca(arr_ty.into(), "parts")?;
                    vals.push(out.into());
                    self.call_rt(fname, None, &vals)?;
                    let mut fields = Vec::new();
                    for i in 0..3 {
                        let p = unsafe {
                            self.b.build_in_bounds_gep(
                                arr_ty,
                                out,
                                &[self.i64c(0), self.i64c(i)],
                                "",
                            )?
                        };
                        fields.push(self.b.build_load(self.ptr_t(), p, "")?);
                    }
                    Some(self.make_tuple(&e.ty, &fields)?)
                } else {
                    let ret = match &e.ty {
                        Ty::Int => Some(self.t_i64()),
                        Ty::Bool => Some(self.t_bool()),
                        _ => ptr,
                    };
                    self.call_rt(fname, ret, &vals)?
                };
                for (a, h) in held {
                    self.release(&a.ty, h)?;
                }
                r
            }
        };
        self.release(&recv.ty, rh)?;
        Ok(r)
    }

    /// Evaluate a key function on an element (borrowed): bind, compute.
    fn apply_key(
        &mut self,
        k: &KeyFn,
        elem_ty: &Ty,
        v: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<BasicValueEnum<'ctx>> {
        self.incref(elem_ty, v)?;
        self.store_target(&k.param, elem_ty, v, line)?;
        // A key function runs in its own frame, called by the builtin
        // (sorted, min, max, list.sort: one C level) that wants the key.
        self.rec_offset += 2;
        let r = self
            .recursion_check(&reclimit::combined(&k.body, false), line)
            .and_then(|_| self.expr(&k.body));
        self.rec_offset -= 2;
        r
    }

    /// Keys of every element of list `l`, as a new list.
    fn key_list(
        &mut self,
        l: PointerValue<'ctx>,
        elem: &Ty,
        k: &KeyFn,
        line: u32,
    ) -> Result<PointerValue<'ctx>> {
        let keys = self.new_list(&k.body.ty, 0)?;
        self.each_list_slot(l, elem, &mut |this, v| {
            let kv = this.apply_key(k, elem, v, line)?;
            this.put("mg_list_append", keys, &k.body.ty, kv)
        })?;
        Ok(keys)
    }

    fn sort_list(
        &mut self,
        l: PointerValue<'ctx>,
        elem: &Ty,
        key: Option<&KeyFn>,
        reverse: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<()> {
        self.set_line(line)?;
        match key {
            None => {
                self.call_rt("mg_list_sort", None, &[l.into(), reverse])?;
            }
            Some(k) => {
                let keys = self.key_list(l, elem, k, line)?;
                self.set_line(line)?;
                self.call_rt(
                    "mg_list_sort_by_keys",
                    None,
                    &[l.into(), keys.into(), reverse],
                )?;
            }
        }
        Ok(())
    }

    pub(super) fn sort_by(
        &mut self,
        e: &Expr,
        list: &Expr,
        key: Option<&KeyFn>,
        reverse: &Expr,
    ) -> Result<()> {
        let h = self.expr_borrow(list)?;
        let rev = self.expr(reverse)?;
        let Ty::List(et) = &list.ty else {
            unreachable!()
        };
        self.sort_list(h.v.into_pointer_value(), et, key, rev, e.line)?;
        self.release(&list.ty, h)
    }

    fn reduce(
        &mut self,
        e: &Expr,
        op: Reduce,
        iter: &Iter,
        key: Option<&KeyFn>,
        reverse: Option<&Expr>,
        start: Option<&Expr>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let elem = iter.elem.clone();
        // CPython evaluates the iterable (a generator expression's outermost
        // iterable), then the other arguments, then iterates.
        let cursor = self.iter_begin(iter)?;
        let extra = match (op, reverse, start) {
            (Reduce::Sorted, Some(r), _) => Some(self.expr(r)?),
            (Reduce::Sum | Reduce::Min | Reduce::Max, _, Some(s)) => Some(self.expr(s)?),
            _ => None,
        };
        self.gen_consumer = reclimit::gen_consumer_level(op);
        match op {
            Reduce::List | Reduce::Sorted => {
                let l = self.new_list(&elem, 0)?;
                self.drive(iter, cursor, &mut |this, v| {
                    this.put("mg_list_append", l, &elem, v)
                })?;
                if op == Reduce::Sorted {
                    let rev = match extra {
                        Some(r) => r,
                        None => self.ctx.bool_type().const_zero().into(),
                    };
                    self.sort_list(l, &elem, key, rev, e.line)?;
                }
                Ok(l.into())
            }
            Reduce::Set => {
                let s = self.new_set(&elem)?;
                self.set_line(e.line)?;
                self.drive(iter, cursor, &mut |this, v| {
                    this.put("mg_set_add", s, &elem, v)
                })?;
                Ok(s.into())
            }
            Reduce::Sum => {
                let acc = self.entry_alloca(self.llty(&e.ty), "sum")?;
                let init = match extra {
                    Some(s) => s,
                    None => self.llty(&e.ty).const_zero(),
                };
                self.b.build_store(acc, init)?;
                let rt = e.ty.clone();
                let ex = e.clone();
                self.drive(iter, cursor, &mut |this, v| {
                    let v = if elem == Ty::Bool {
                        this.b
                            .build_int_z_extend(v.into_int_value(), this.ctx.i64_type(), "")?
                            .into()
                    } else {
                        v
                    };
                    let a = this.b.build_load(this.llty(&rt), acc, "")?;
                    let s = this.binary(&ex, BinOp::Add, &rt, a, v)?;
                    this.b.build_store(acc, s)?;
                    Ok(())
                })?;
                Ok(self.b.build_load(self.llty(&e.ty), acc, "")?)
            }
            Reduce::Any | Reduce::All => {
                let res = self.entry_alloca(self.t_bool(), "anyall")?;
                let is_any = op == Reduce::Any;
                self.b
                    .build_store(res, self.ctx.bool_type().const_int(!is_any as u64, false))?;
                let found = self.new_block("anyall.found");
                let after = self.new_block("anyall.after");
                // the cursor's own references (the iterated list, str, ...)
                // are released on the early exit too
                let iter_depth = self.iter_temps.len() - Self::cursor_temps(&cursor);
                let mut exits: Vec<(BasicBlock<'ctx>, Vec<(Ty, BasicValueEnum<'ctx>)>)> =
                    Vec::new();
                self.drive(iter, cursor, &mut |this, v| {
                    let t = this.truthy(&elem, v)?;
                    this.decref(&elem, v)?;
                    let next = this.new_block("anyall.next");
                    let hit = this.new_block("anyall.hit");
                    if is_any {
                        this.b.build_conditional_branch(t, hit, next)?;
                    } else {
                        this.b.build_conditional_branch(t, next, hit)?;
                    }
                    this.position(hit);
                    // leaving early: release what the iteration holds
                    let temps: Vec<_> = this.iter_temps[iter_depth..].to_vec();
                    for (ty, tv) in temps.iter().rev() {
                        this.decref(ty, *tv)?;
                    }
                    exits.push((hit, temps));
                    this.b.build_unconditional_branch(found)?;
                    this.position(next);
                    Ok(())
                })?;
                self.b.build_unconditional_branch(after)?;
                self.position(found);
                self.b
                    .build_store(res, self.ctx.bool_type().const_int(is_any as u64, false))?;
                self.b.build_unconditional_branch(after)?;
                self.position(after);
                Ok(self.b.build_load(self.t_bool(), res, "")?)
            }
            Reduce::Min | Reduce::Max => {
                let best = self.entry_alloca(self.llty(&elem), "best")?;
                let best_key = key
                    .map(|k| self.entry_alloca(self.llty(&k.body.ty), "bestkey"))
                    .transpose()?;
                let have = self.entry_alloca(self.t_bool(), "have")?;
                self.b
                    .build_store(have, self.ctx.bool_type().const_zero())?;
                let cmp = if op == Reduce::Max {
                    CmpOp::Gt
                } else {
                    CmpOp::Lt
                };
                let line = e.line;
                self.drive(iter, cursor, &mut |this, v| {
                    let had = this.b.build_load(this.t_bool(), have, "")?.into_int_value();
                    let kv = match key {
                        Some(k) => Some(this.apply_key(k, &elem, v, line)?),
                        None => None,
                    };
                    let first = this.new_block("mm.first");
                    let test = this.new_block("mm.test");
                    let take = this.new_block("mm.take");
                    let drop = this.new_block("mm.drop");
                    let next = this.new_block("mm.next");
                    this.b.build_conditional_branch(had, test, first)?;
                    this.position(test);
                    // The comparison runs inside min()/max(): one C level up.
                    this.rec_offset += 1;
                    let cmp_ty = key.map(|k| k.body.ty.clone()).unwrap_or(elem.clone());
                    let r = this.recursion_check(&reclimit::compare(&cmp_ty, cmp, false), line);
                    this.rec_offset -= 1;
                    r?;
                    let better = match (key, kv) {
                        (Some(k), Some(kv)) => {
                            let bk =
                                this.b
                                    .build_load(this.llty(&k.body.ty), best_key.unwrap(), "")?;
                            this.compare(cmp, &k.body.ty, kv, &k.body.ty, bk, line)?
                        }
                        _ => {
                            let b = this.b.build_load(this.llty(&elem), best, "")?;
                            this.compare(cmp, &elem, v, &elem, b, line)?
                        }
                    };
                    this.b.build_conditional_branch(better, take, drop)?;
                    this.position(take);
                    let old = this.b.build_load(this.llty(&elem), best, "")?;
                    this.decref(&elem, old)?;
                    if let (Some(k), Some(_)) = (key, kv) {
                        let ob = this
                            .b
                            .build_load(this.llty(&k.body.ty), best_key.unwrap(), "")?;
                        this.decref(&k.body.ty, ob)?;
                    }
                    this.b.build_unconditional_branch(first)?;
                    this.position(first);
                    this.b.build_store(best, v)?;
                    if let Some(kv) = kv {
                        this.b.build_store(best_key.unwrap(), kv)?;
                    }
                    this.b
                        .build_store(have, this.ctx.bool_type().const_all_ones())?;
                    this.b.build_unconditional_branch(next)?;
                    this.position(drop);
                    this.decref(&elem, v)?;
                    if let (Some(k), Some(kv)) = (key, kv) {
                        this.decref(&k.body.ty, kv)?;
                    }
                    this.b.build_unconditional_branch(next)?;
                    this.position(next);
                    Ok(())
                })?;
                if let (Some(k), Some(bk)) = (key, best_key) {
                    // the winning key is no longer needed
                    let had = self.b.build_load(self.t_bool(), have, "")?.into_int_value();
                    let rel = self.new_block("mm.relkey");
                    let cont = self.new_block("mm.cont");
                    self.b.build_conditional_branch(had, rel, cont)?;
                    self.position(rel);
                    let kv = self.b.build_load(self.llty(&k.body.ty), bk, "")?;
                    self.decref(&k.body.ty, kv)?;
                    self.b.build_unconditional_branch(cont)?;
                    self.position(cont);
                }
                let had = self.b.build_load(self.t_bool(), have, "")?.into_int_value();
                match extra {
                    Some(dv) => {
                        // The default was evaluated before iterating.
                        let use_default = self.new_block("mm.default");
                        let drop_default = self.new_block("mm.dropdefault");
                        let end = self.new_block("mm.end");
                        self.b
                            .build_conditional_branch(had, drop_default, use_default)?;
                        self.position(drop_default);
                        self.decref(&elem, dv)?;
                        self.b.build_unconditional_branch(end)?;
                        self.position(use_default);
                        self.b.build_store(best, dv)?;
                        self.b.build_unconditional_branch(end)?;
                        self.position(end);
                        Ok(self.b.build_load(self.llty(&elem), best, "")?)
                    }
                    None => {
                        self.set_line(e.line)?;
                        let empty = self.b.build_not(had, "")?;
                        let name = if op == Reduce::Max { "max" } else { "min" };
                        self.raise_if(
                            empty,
                            "ValueError",
                            Some(&format!("{name}() arg is an empty sequence")),
                        )?;
                        Ok(self.b.build_load(self.llty(&elem), best, "")?)
                    }
                }
            }
        }
    }
}
