//! Iteration: `for` loops, comprehensions, generator expressions and the
//! builtins that consume an iterable.
//!
//! An iteration is a cursor (`Cursor`: the iterated object, held in a
//! temporary for the whole loop, and a position variable) pulled one
//! element at a time (`iter_next`), or, for a generator expression,
//! driven: its loops run with the consumer's code inside the innermost
//! (`drive`), as CPython's generator interleaves with its consumer.

use super::*;
use crate::ir::{CompGen, CompKind, Expr, Iter, IterKind, KeyFn, Reduce, Stmt, Target};

pub(super) enum Cursor {
    Range {
        cur: LocalId,
        stop: Operand,
        step: Operand,
        step_const: Option<i64>,
    },
    RangeRev {
        cur: LocalId,
        left: LocalId,
        step: Operand,
    },
    /// A list or homogeneous tuple, by index.
    Seq {
        obj: Operand,
        idx: LocalId,
        reversed: bool,
        tuple_len: Option<i64>,
    },
    Str {
        s: Operand,
        pos: LocalId,
    },
    StrRev {
        s: Operand,
        idx: LocalId,
    },
    /// Dict keys/values/items and set elements, through `IterNext`.
    Table {
        obj: Operand,
        pos: LocalId,
        kind: IterNextKind,
    },
    Enumerate {
        inner: Box<Cursor>,
        counter: LocalId,
        ty: Ty,
    },
    Zip {
        inner: Vec<(Cursor, Ty)>,
        ty: Ty,
    },
    /// A generator expression: its outermost iterable's cursor.
    Gen {
        first: Box<Cursor>,
    },
}

type Each<'a, 'p> = &'a mut dyn FnMut(&mut Builder<'p>, Operand);

impl<'p> Builder<'p> {
    fn var(&mut self, ty: &Ty, init: Operand) -> LocalId {
        let v = self.join(ty);
        self.emit(Some(v), Op::Move(init));
        v
    }

    /// Evaluate an iterable and set up its iteration.
    pub(super) fn iter_begin(&mut self, it: &Iter) -> Cursor {
        match &it.kind {
            IterKind::Range(a, b, c) => {
                let start = self.expr(a);
                let stop = self.expr_owned(b);
                let step = self.expr_owned(c);
                let step_const = match c.kind {
                    crate::ir::ExprKind::Int(k) => Some(k),
                    _ => None,
                };
                if step_const.is_none() {
                    self.at(c.line, c.col);
                    let z = self.value(&Ty::Bool, Op::Compare(CmpOp::Eq, step.clone(), int(0)));
                    self.raise_if(z, "ValueError", "range() arg 3 must not be zero");
                }
                let cur = self.var(&Ty::Int, start);
                Cursor::Range {
                    cur,
                    stop,
                    step,
                    step_const,
                }
            }
            IterKind::RangeRev(a, b, c) => {
                // From the last element (start + (n-1)*step), n times.
                let start = self.expr_owned(a);
                let stop = self.expr_owned(b);
                let step = self.expr_owned(c);
                self.at(c.line, c.col);
                let z = self.value(&Ty::Bool, Op::Compare(CmpOp::Eq, step.clone(), int(0)));
                self.raise_if(z, "ValueError", "range() arg 3 must not be zero");
                let n = self.prim(
                    "mg_range_len",
                    &Ty::Int,
                    vec![start.clone(), stop, step.clone()],
                );
                let left = self.var(&Ty::Int, n.clone());
                let last = self.value(&Ty::Int, Op::RangeLast(start, n, step.clone()));
                let cur = self.var(&Ty::Int, last);
                Cursor::RangeRev { cur, left, step }
            }
            IterKind::List(e) | IterKind::Tuple(e) => {
                let obj = self.expr_owned(e);
                let idx = self.var(&Ty::Int, int(0));
                let tuple_len = match &e.ty {
                    Ty::Tuple(ts) => Some(ts.len() as i64),
                    _ => None,
                };
                Cursor::Seq {
                    obj,
                    idx,
                    reversed: false,
                    tuple_len,
                }
            }
            IterKind::Reversed(e) => {
                let obj = self.expr_owned(e);
                match &e.ty {
                    Ty::Str => {
                        let n = self.value(&Ty::Int, Op::Len(obj.clone()));
                        let last = self.value(&Ty::Int, Op::IntBin(BinOp::Sub, n, int(1)));
                        let idx = self.var(&Ty::Int, last);
                        Cursor::StrRev { s: obj, idx }
                    }
                    t => {
                        let tuple_len = match t {
                            Ty::Tuple(ts) => Some(ts.len() as i64),
                            _ => None,
                        };
                        let n = self.value(&Ty::Int, Op::Len(obj.clone()));
                        let last = self.value(&Ty::Int, Op::IntBin(BinOp::Sub, n, int(1)));
                        let idx = self.var(&Ty::Int, last);
                        Cursor::Seq {
                            obj,
                            idx,
                            reversed: true,
                            tuple_len,
                        }
                    }
                }
            }
            IterKind::Str(e) => {
                let s = self.expr_owned(e);
                let pos = self.var(&Ty::Int, int(0));
                Cursor::Str { s, pos }
            }
            IterKind::DictKeys(e) | IterKind::DictValues(e) | IterKind::DictItems(e) => {
                let obj = self.expr_owned(e);
                let pos = self.var(&Ty::Int, int(0));
                let kind = match it.kind {
                    IterKind::DictKeys(_) => IterNextKind::DictKeys,
                    IterKind::DictValues(_) => IterNextKind::DictValues,
                    _ => IterNextKind::DictItems,
                };
                Cursor::Table { obj, pos, kind }
            }
            IterKind::Set(e) => {
                let obj = self.expr_owned(e);
                let pos = self.var(&Ty::Int, int(0));
                Cursor::Table {
                    obj,
                    pos,
                    kind: IterNextKind::SetElems,
                }
            }
            IterKind::Enumerate(inner, start) => {
                let inner = self.iter_begin(inner);
                let s = self.expr(start);
                let counter = self.var(&Ty::Int, s);
                Cursor::Enumerate {
                    inner: Box::new(inner),
                    counter,
                    ty: it.elem.clone(),
                }
            }
            IterKind::Zip(its) => {
                let inner = its
                    .iter()
                    .map(|i| (self.iter_begin(i), i.elem.clone()))
                    .collect();
                Cursor::Zip {
                    inner,
                    ty: it.elem.clone(),
                }
            }
            IterKind::Gen { gens, .. } => {
                let first = self.iter_begin(&gens[0].iter);
                Cursor::Gen {
                    first: Box::new(first),
                }
            }
        }
    }

    /// Branch to a fresh block raising `exc(msg)` when `cond` holds.
    pub(super) fn raise_if(&mut self, cond: Operand, exc: &str, msg: &str) {
        let bad = self.new_block();
        let ok = self.new_block();
        self.branch(cond, bad, ok);
        self.switch_to(bad);
        self.raise(exc, Some(msg));
        self.switch_to(ok);
    }

    /// The next element (a new reference), or a branch to `done` when the
    /// iteration is over.
    pub(super) fn iter_next(&mut self, c: &Cursor, elem: &Ty, done: BlockId) -> Operand {
        let more = self.new_block();
        let v = match c {
            Cursor::Range {
                cur,
                stop,
                step,
                step_const,
            } => {
                let v = Operand::Local(*cur);
                let ok = match step_const {
                    Some(k) if *k > 0 => {
                        self.value(&Ty::Bool, Op::Compare(CmpOp::Lt, v.clone(), stop.clone()))
                    }
                    Some(_) => {
                        self.value(&Ty::Bool, Op::Compare(CmpOp::Gt, v.clone(), stop.clone()))
                    }
                    None => {
                        let up =
                            self.value(&Ty::Bool, Op::Compare(CmpOp::Gt, step.clone(), int(0)));
                        let lt =
                            self.value(&Ty::Bool, Op::Compare(CmpOp::Lt, v.clone(), stop.clone()));
                        let gt =
                            self.value(&Ty::Bool, Op::Compare(CmpOp::Gt, v.clone(), stop.clone()));
                        let a = self.value(&Ty::Bool, Op::IntBin(BinOp::BitAnd, up.clone(), lt));
                        let nup = self.value(&Ty::Bool, Op::Not(up));
                        let b = self.value(&Ty::Bool, Op::IntBin(BinOp::BitAnd, nup, gt));
                        self.value(&Ty::Bool, Op::IntBin(BinOp::BitOr, a, b))
                    }
                };
                self.branch(ok, more, done);
                self.switch_to(more);
                let x = self.value(&Ty::Int, Op::Move(v.clone()));
                self.emit(Some(*cur), Op::RangeAdvance(v, step.clone(), stop.clone()));
                return x;
            }
            Cursor::RangeRev { cur, left, step } => {
                let has = self.value(
                    &Ty::Bool,
                    Op::Compare(CmpOp::Gt, Operand::Local(*left), int(0)),
                );
                self.branch(has, more, done);
                self.switch_to(more);
                let x = self.value(&Ty::Int, Op::Move(Operand::Local(*cur)));
                let l1 = self.value(
                    &Ty::Int,
                    Op::IntBin(BinOp::Sub, Operand::Local(*left), int(1)),
                );
                self.emit(Some(*left), Op::Move(l1.clone()));
                // The next value exists only while elements are left.
                let again = self.value(&Ty::Bool, Op::Compare(CmpOp::Gt, l1, int(0)));
                let step_bb = self.new_block();
                let cont = self.new_block();
                self.branch(again, step_bb, cont);
                self.switch_to(step_bb);
                let n = self.value(
                    &Ty::Int,
                    Op::IntBin(BinOp::Sub, Operand::Local(*cur), step.clone()),
                );
                self.emit(Some(*cur), Op::Move(n));
                self.goto(cont);
                self.switch_to(cont);
                return x;
            }
            Cursor::Seq {
                obj,
                idx,
                reversed,
                tuple_len,
            } => {
                let i = Operand::Local(*idx);
                let n = match tuple_len {
                    Some(k) => int(*k),
                    None => self.value(&Ty::Int, Op::Len(obj.clone())),
                };
                let ok = if *reversed {
                    // CPython's reversed() checks both bounds each step.
                    let ge = self.value(&Ty::Bool, Op::Compare(CmpOp::Ge, i.clone(), int(0)));
                    let lt = self.value(&Ty::Bool, Op::Compare(CmpOp::Lt, i.clone(), n));
                    self.value(&Ty::Bool, Op::IntBin(BinOp::BitAnd, ge, lt))
                } else {
                    self.value(&Ty::Bool, Op::Compare(CmpOp::Lt, i.clone(), n))
                };
                self.branch(ok, more, done);
                self.switch_to(more);
                let x = self.value(elem, Op::ListGetUnchecked(obj.clone(), i.clone()));
                if *reversed {
                    let n1 = self.value(&Ty::Int, Op::IntBin(BinOp::Sub, i, int(1)));
                    self.emit(Some(*idx), Op::Move(n1));
                } else {
                    self.emit(Some(*idx), Op::IntIncr(i));
                }
                return x;
            }
            Cursor::Str { s, pos } => {
                let e = self.temp(elem);
                let has = self.value(
                    &Ty::Bool,
                    Op::IterNext {
                        kind: IterNextKind::StrChars,
                        obj: s.clone(),
                        pos: *pos,
                        elem: e,
                    },
                );
                self.branch(has, more, done);
                self.switch_to(more);
                Operand::Local(e)
            }
            Cursor::StrRev { s, idx } => {
                let i = Operand::Local(*idx);
                let ok = self.value(&Ty::Bool, Op::Compare(CmpOp::Ge, i.clone(), int(0)));
                self.branch(ok, more, done);
                self.switch_to(more);
                let x = self.prim("mg_str_index", &Ty::Str, vec![s.clone(), i.clone()]);
                let n1 = self.value(&Ty::Int, Op::IntBin(BinOp::Sub, i, int(1)));
                self.emit(Some(*idx), Op::Move(n1));
                return x;
            }
            Cursor::Table { obj, pos, kind } => {
                let e = self.temp(elem);
                let has = self.value(
                    &Ty::Bool,
                    Op::IterNext {
                        kind: *kind,
                        obj: obj.clone(),
                        pos: *pos,
                        elem: e,
                    },
                );
                self.branch(has, more, done);
                self.switch_to(more);
                Operand::Local(e)
            }
            Cursor::Enumerate { inner, counter, ty } => {
                let Ty::Tuple(ts) = ty else { unreachable!() };
                let v = self.iter_next(inner, &ts[1].clone(), done);
                let n = self.value(&Ty::Int, Op::Move(Operand::Local(*counter)));
                self.emit(Some(*counter), Op::IntIncr(Operand::Local(*counter)));
                return self.value(ty, Op::TupleNew(vec![n, v]));
            }
            Cursor::Zip { inner, ty } => {
                let mut vals = Vec::new();
                for (c, t) in inner {
                    vals.push(self.iter_next(c, t, done));
                }
                return self.value(ty, Op::TupleNew(vals));
            }
            Cursor::Gen { .. } => {
                unreachable!(
                    "a generator expression is driven, never pulled (check keeps it out of zip)"
                )
            }
        };
        let _ = self.cur;
        v
    }

    /// Run `each` on every element of `it` (a new reference each).
    pub(super) fn for_each(&mut self, it: &Iter, each: Each<'_, 'p>) {
        let c = self.iter_begin(it);
        self.drive(it, c, each);
    }

    /// The loop of `for_each`, over a cursor `iter_begin` made: between the
    /// two, a consumer evaluates its other arguments (CPython evaluates a
    /// call's arguments, generator objects included, before running it).
    pub(super) fn drive(&mut self, it: &Iter, c: Cursor, each: Each<'_, 'p>) {
        let consumer = std::mem::replace(&mut self.gen_consumer, 0);
        match (&it.kind, c) {
            (IterKind::Gen { gens, elt }, Cursor::Gen { first }) => {
                // The generator's body runs in its own frame, above its
                // consumer (and the consumer's C level, if it has one).
                let body_off = self.rec_offset + consumer + 1;
                let here = self.rec_offset;
                self.gen_level(gens, elt, 0, Some(*first), (body_off, here), each);
            }
            (
                IterKind::Enumerate(inner, _),
                Cursor::Enumerate {
                    inner: ic,
                    counter,
                    ty,
                },
            ) if inner.is_push_only() => {
                self.gen_consumer = consumer;
                self.drive(inner, *ic, &mut |b, v| {
                    let n = b.value(&Ty::Int, Op::Move(Operand::Local(counter)));
                    b.emit(Some(counter), Op::IntIncr(Operand::Local(counter)));
                    let t = b.value(&ty, Op::TupleNew(vec![n, v]));
                    each(b, t);
                });
            }
            (_, c) => {
                let head = self.new_block();
                let done = self.new_block();
                self.goto(head);
                self.switch_to(head);
                let v = self.iter_next(&c, &it.elem, done);
                each(self, v);
                self.goto(head);
                self.switch_to(done);
            }
        }
    }

    /// Generator expression level `level`: iterate its iterable (`first`:
    /// already begun, for level 0), bind the target, test the conditions,
    /// then the next level or, innermost, the element into `each`.
    fn gen_level(
        &mut self,
        gens: &[CompGen],
        elt: &Expr,
        level: usize,
        first: Option<Cursor>,
        (body_off, consumer_off): (u32, u32),
        each: Each<'_, 'p>,
    ) {
        let g = &gens[level];
        let c = match first {
            Some(c) => c,
            None => {
                self.recursion_check(&reclimit::iter_creation(&g.iter));
                self.iter_begin(&g.iter)
            }
        };
        self.drive(&g.iter, c, &mut |b, v| {
            b.rec_offset = body_off;
            b.store_target(&g.target, &g.iter.elem, v);
            let skip = b.new_block();
            for c in &g.conds {
                b.recursion_check(&reclimit::combined(c, true));
                let cv = b.cond(c);
                let next = b.new_block();
                b.branch(cv, next, skip);
                b.switch_to(next);
            }
            if level + 1 < gens.len() {
                b.rec_offset = body_off;
                b.gen_level(gens, elt, level + 1, None, (body_off, consumer_off), each);
            } else {
                b.recursion_check(&reclimit::combined(elt, false));
                let v = b.expr(elt);
                // The consumer's code runs where the consumer is.
                b.rec_offset = consumer_off;
                each(b, v);
            }
            b.rec_offset = body_off;
            b.goto(skip);
            b.switch_to(skip);
        });
        self.rec_offset = consumer_off;
    }

    /// `for target in iter: body else: orelse`.
    pub(super) fn for_stmt(
        &mut self,
        s: &Stmt,
        target: &Target,
        it: &Iter,
        body: &[Stmt],
        orelse: &[Stmt],
    ) {
        let c = self.iter_begin(it);
        let end = self.new_block();
        if it.is_push_only() {
            // A generator expression: the body runs inside its innermost
            // loop; `break` leaves it (what its loops hold is released on
            // the way: `refcount`).
            self.drive(it, c, &mut |b, v| {
                b.at(s.line, s.col);
                b.store_target(target, &it.elem, v);
                let cont = b.new_block();
                b.loops.push((cont, end));
                b.block(body);
                b.loops.pop();
                b.goto(cont);
                b.switch_to(cont);
            });
            self.block(orelse);
            self.goto(end);
            self.switch_to(end);
            return;
        }
        let head = self.new_block();
        let else_bb = self.new_block();
        self.goto(head);
        self.switch_to(head);
        self.at(s.line, s.col);
        let v = self.iter_next(&c, &it.elem, else_bb);
        self.store_target(target, &it.elem, v);
        self.loops.push((head, end));
        self.block(body);
        self.loops.pop();
        self.goto(head);
        self.switch_to(else_bb);
        self.block(orelse);
        self.goto(end);
        self.switch_to(end);
    }

    /// Run `each` on every item of a list operand (by index).
    pub(super) fn each_list_item(&mut self, l: &Operand, elem: &Ty, each: Each<'_, 'p>) {
        let idx = self.var(&Ty::Int, int(0));
        let head = self.new_block();
        let more = self.new_block();
        let done = self.new_block();
        self.goto(head);
        self.switch_to(head);
        let n = self.value(&Ty::Int, Op::Len(l.clone()));
        let ok = self.value(&Ty::Bool, Op::Compare(CmpOp::Lt, Operand::Local(idx), n));
        self.branch(ok, more, done);
        self.switch_to(more);
        let v = self.value(elem, Op::ListGetUnchecked(l.clone(), Operand::Local(idx)));
        self.emit(Some(idx), Op::IntIncr(Operand::Local(idx)));
        each(self, v);
        self.goto(head);
        self.switch_to(done);
    }

    /// `[elt for ...]`, `{elt for ...}`, `{key: elt for ...}`.
    pub(super) fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        key: Option<&Expr>,
        elt: &Expr,
        gens: &[CompGen],
    ) -> Operand {
        let container = match kind {
            CompKind::List => self.prim("mg_list_new", &e.ty, vec![int(0)]),
            CompKind::Set => self.prim("mg_set_new", &e.ty, vec![]),
            CompKind::Dict => self.prim("mg_dict_new", &e.ty, vec![]),
        };
        self.comp_level(e, kind, &container, key, elt, gens, 0);
        container
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_level(
        &mut self,
        e: &Expr,
        kind: CompKind,
        container: &Operand,
        key: Option<&Expr>,
        elt: &Expr,
        gens: &[CompGen],
        level: usize,
    ) {
        let g = &gens[level];
        if level > 0 {
            // Inner iterables are made inside the comprehension's frame.
            self.recursion_check(&reclimit::iter_creation(&g.iter));
        }
        // The comprehension's frame drives its outermost iterable.
        self.gen_consumer = if level == 0 { 1 } else { 0 };
        let outer = self.rec_offset;
        self.for_each(&g.iter, &mut |b, v| {
            // The body runs in the comprehension's frame (CPython 3.11).
            b.rec_offset = if level == 0 { outer + 1 } else { outer };
            b.store_target(&g.target, &g.iter.elem, v);
            let skip = b.new_block();
            for c in &g.conds {
                b.recursion_check(&reclimit::combined(c, true));
                let cv = b.cond(c);
                let next = b.new_block();
                b.branch(cv, next, skip);
                b.switch_to(next);
            }
            if level + 1 < gens.len() {
                b.comp_level(e, kind, container, key, elt, gens, level + 1);
            } else {
                let mut ch = key
                    .map(|k| reclimit::combined(k, false))
                    .unwrap_or_default();
                ch.extend(reclimit::combined(elt, false));
                b.recursion_check(&ch);
                match kind {
                    CompKind::List => {
                        let v = b.expr(elt);
                        b.prim_void("mg_list_append", vec![container.clone(), v]);
                    }
                    CompKind::Set => {
                        let v = b.expr(elt);
                        b.prim_void("mg_set_add", vec![container.clone(), v]);
                    }
                    CompKind::Dict => {
                        let kv = b.expr(key.unwrap());
                        let vv = b.expr(elt);
                        b.prim_void("mg_dict_set", vec![container.clone(), kv, vv]);
                    }
                }
            }
            b.goto(skip);
            b.switch_to(skip);
            b.rec_offset = outer;
        });
        self.rec_offset = outer;
    }

    /// A builtin consuming an iterable: sum, min, max, any, all, list,
    /// sorted, set.
    pub(super) fn reduce(
        &mut self,
        e: &Expr,
        op: Reduce,
        it: &Iter,
        key: Option<&KeyFn>,
        reverse: Option<&Expr>,
        start: Option<&Expr>,
    ) -> Operand {
        let elem = it.elem.clone();
        let ty = &e.ty;
        // CPython evaluates the iterable (a generator expression's outermost
        // iterable), then the other arguments, then iterates.
        let c = self.iter_begin(it);
        let extra = match (op, reverse, start) {
            (Reduce::Sorted, Some(r), _) => Some(self.expr(r)),
            (Reduce::Sum | Reduce::Min | Reduce::Max, _, Some(s)) => Some(self.expr_owned(s)),
            _ => None,
        };
        self.at(e.line, e.col);
        self.gen_consumer = reclimit::gen_consumer_level(op);
        match op {
            Reduce::List | Reduce::Sorted => {
                let l = self.prim(
                    "mg_list_new",
                    &Ty::List(Box::new(elem.clone())),
                    vec![int(0)],
                );
                let l2 = l.clone();
                self.drive(it, c, &mut |b, v| {
                    b.prim_void("mg_list_append", vec![l2.clone(), v])
                });
                if op == Reduce::Sorted {
                    let rev = extra.unwrap_or(boolean(false));
                    self.sort_list(e, l.clone(), &elem, key, rev);
                }
                l
            }
            Reduce::Set => {
                let s = self.prim("mg_set_new", &Ty::Set(Box::new(elem.clone())), vec![]);
                let s2 = s.clone();
                self.drive(it, c, &mut |b, v| {
                    b.prim_void("mg_set_add", vec![s2.clone(), v])
                });
                s
            }
            Reduce::Sum => {
                let acc = self.join(ty);
                let init = extra.unwrap_or(Operand::Const(Const::Zero(ty.clone())));
                self.emit(Some(acc), Op::Move(init));
                let rt = ty.clone();
                let line = (e.line, e.col);
                self.drive(it, c, &mut |b, v| {
                    let v = if elem == Ty::Bool {
                        b.value(&Ty::Int, Op::BoolToInt(v))
                    } else {
                        v
                    };
                    b.at(line.0, line.1);
                    let vt = if elem == Ty::Bool {
                        Ty::Int
                    } else {
                        elem.clone()
                    };
                    let s = b.binary_values(BinOp::Add, &rt, &vt, &rt, Operand::Local(acc), v);
                    b.emit(Some(acc), Op::Move(s));
                });
                Operand::Local(acc)
            }
            Reduce::Any | Reduce::All => {
                let is_any = op == Reduce::Any;
                let res = self.join(&Ty::Bool);
                self.emit(Some(res), Op::Move(boolean(!is_any)));
                let after = self.new_block();
                let found = self.new_block();
                let el = elem.clone();
                self.drive(it, c, &mut |b, v| {
                    let t = if el == Ty::Bool {
                        v
                    } else {
                        b.value(&Ty::Bool, Op::Truthy(v))
                    };
                    let next = b.new_block();
                    if is_any {
                        b.branch(t, found, next);
                    } else {
                        b.branch(t, next, found);
                    }
                    b.switch_to(next);
                });
                self.goto(after);
                self.switch_to(found);
                self.emit(Some(res), Op::Move(boolean(is_any)));
                self.goto(after);
                self.switch_to(after);
                Operand::Local(res)
            }
            Reduce::Min | Reduce::Max => {
                let cmp = if op == Reduce::Max {
                    CmpOp::Gt
                } else {
                    CmpOp::Lt
                };
                let best = self.join(&elem);
                let key_ty = key.map(|k| k.body.ty.clone());
                let best_key = key_ty.as_ref().map(|t| self.join(t));
                let have = self.join(&Ty::Bool);
                self.emit(Some(have), Op::Move(boolean(false)));
                let line = (e.line, e.col);
                let el = elem.clone();
                self.drive(it, c, &mut |b, v| {
                    let kv = key.map(|k| b.apply_key(k, &el, v.clone()));
                    let first = b.new_block();
                    let test = b.new_block();
                    let take = b.new_block();
                    let next = b.new_block();
                    b.branch(Operand::Local(have), test, first);
                    b.switch_to(test);
                    // The comparison runs inside min()/max(): a C level up.
                    b.at(line.0, line.1);
                    b.rec_offset += 1;
                    let ct = key_ty.clone().unwrap_or(el.clone());
                    b.recursion_check(&reclimit::compare(&ct, cmp, false));
                    b.rec_offset -= 1;
                    let better = match (&kv, best_key) {
                        (Some(kv), Some(bk)) => {
                            b.value(&Ty::Bool, Op::Compare(cmp, kv.clone(), Operand::Local(bk)))
                        }
                        _ => b.value(&Ty::Bool, Op::Compare(cmp, v.clone(), Operand::Local(best))),
                    };
                    b.branch(better, take, next);
                    b.switch_to(take);
                    b.goto(first);
                    b.switch_to(first);
                    b.emit(Some(best), Op::Move(v));
                    if let (Some(kv), Some(bk)) = (kv, best_key) {
                        b.emit(Some(bk), Op::Move(kv));
                    }
                    b.emit(Some(have), Op::Move(boolean(true)));
                    b.goto(next);
                    b.switch_to(next);
                });
                match extra {
                    Some(dv) => {
                        // The default was evaluated before iterating.
                        let r = self.join(&elem);
                        let use_default = self.new_block();
                        let keep = self.new_block();
                        let end = self.new_block();
                        self.branch(Operand::Local(have), keep, use_default);
                        self.switch_to(keep);
                        self.emit(Some(r), Op::Move(Operand::Local(best)));
                        self.goto(end);
                        self.switch_to(use_default);
                        self.emit(Some(r), Op::Move(dv));
                        self.goto(end);
                        self.switch_to(end);
                        Operand::Local(r)
                    }
                    None => {
                        let empty = self.value(&Ty::Bool, Op::Not(Operand::Local(have)));
                        let name = if op == Reduce::Max { "max" } else { "min" };
                        self.raise_if(
                            empty,
                            "ValueError",
                            &format!("{name}() arg is an empty sequence"),
                        );
                        Operand::Local(best)
                    }
                }
            }
        }
    }
}
