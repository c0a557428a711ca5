//! Expressions.

use super::*;
use crate::ir::{Builtin, Expr, ExprKind, Place, UnOp};

impl<'p> Builder<'p> {
    /// Evaluate `e` to an operand: a constant, a variable read in place
    /// (borrowed: no expression can rebind a local), or a temporary.
    pub(super) fn expr(&mut self, e: &Expr) -> Operand {
        self.at(e.line, e.col);
        let ty = &e.ty;
        match &e.kind {
            ExprKind::Int(v) => int(*v),
            ExprKind::Float(v) => Operand::Const(Const::Float(*v)),
            ExprKind::Bool(v) => boolean(*v),
            ExprKind::Str(s) => string(s),
            ExprKind::NullStr => Operand::Const(Const::Zero(Ty::Str)),
            ExprKind::Load(Place::Local(l)) => Operand::Local(self.hir_local(*l)),
            // A global can be rebound by any call: read it into a temporary.
            ExprKind::Load(Place::Global(g)) => self.value(ty, Op::Move(Operand::Global(*g))),
            ExprKind::Binary(op, l, r) => {
                let lv = self.expr(l);
                let rv = self.expr(r);
                self.at(e.line, e.col);
                self.binary_values(*op, &l.ty, &r.ty, ty, lv, rv)
            }
            ExprKind::InPlace(op, l, r) => {
                let lv = self.expr_owned(l);
                self.inplace(*op, &l.ty, lv.clone(), r);
                lv
            }
            ExprKind::Unary(op, v) => {
                let x = self.expr(v);
                self.at(e.line, e.col);
                match (op, &v.ty) {
                    (UnOp::Neg, Ty::Float) => self.value(ty, Op::FloatNeg(x)),
                    (UnOp::Neg, _) => self.value(ty, Op::IntNeg(x)),
                    (UnOp::Invert, _) => self.value(ty, Op::IntInvert(x)),
                }
            }
            ExprKind::Compare(left, pairs) => self.compare_chain(left, pairs, false),
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                self.short_circuit(is_and, a, b, ty, false)
            }
            ExprKind::Not(v) => {
                let x = self.expr(v);
                self.value(&Ty::Bool, Op::Not(x))
            }
            ExprKind::IfExp(c, a, b) => {
                let cv = self.cond(c);
                let r = self.join(ty);
                let tb = self.new_block();
                let eb = self.new_block();
                let end = self.new_block();
                self.branch(cv, tb, eb);
                for (bb, x) in [(tb, a), (eb, b)] {
                    self.switch_to(bb);
                    self.recursion_check(&reclimit::combined(x, false));
                    let v = self.expr(x);
                    self.emit(Some(r), Op::Move(v));
                    self.goto(end);
                }
                self.switch_to(end);
                Operand::Local(r)
            }
            ExprKind::Call(fid, args) => {
                let vals: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
                self.at(e.line, e.col);
                let call = Op::Call(*fid, vals, self.rec_offset);
                if *ty == Ty::None {
                    self.emit(None, call);
                    Operand::Const(Const::Int(0))
                } else {
                    self.value(ty, call)
                }
            }
            ExprKind::Builtin(b, args) => self.builtin(e, *b, args),
            ExprKind::Truthy(v) => {
                let x = self.expr(v);
                self.value(&Ty::Bool, Op::Truthy(x))
            }
            ExprKind::ToFloat(v) => {
                let x = self.expr(v);
                self.value(&Ty::Float, Op::ToFloat(x))
            }
            ExprKind::BoolToInt(v) => {
                let x = self.expr(v);
                self.value(&Ty::Int, Op::BoolToInt(x))
            }
            ExprKind::List(items) => {
                let Ty::List(et) = ty else { unreachable!() };
                let l = self.prim("mg_list_new", ty, vec![int(items.len() as i64)]);
                for it in items {
                    let v = self.expr(it);
                    self.at(e.line, e.col);
                    let _ = et;
                    self.prim_void("mg_list_append", vec![l.clone(), v]);
                }
                l
            }
            ExprKind::Tuple(items) => {
                let vals: Vec<Operand> = items.iter().map(|it| self.expr(it)).collect();
                self.value(ty, Op::TupleNew(vals))
            }
            ExprKind::Dict(items) => {
                let d = self.prim("mg_dict_new", ty, vec![]);
                for (k, v) in items {
                    let kv = self.expr(k);
                    let vv = self.expr(v);
                    self.at(k.line, k.col);
                    self.prim_void("mg_dict_set", vec![d.clone(), kv, vv]);
                }
                d
            }
            ExprKind::Set(items) => {
                // BUILD_SET: the elements are inserted in order.
                let s = self.prim("mg_set_new", ty, vec![]);
                for it in items {
                    let v = self.expr(it);
                    self.at(e.line, e.col);
                    self.prim_void("mg_set_add", vec![s.clone(), v]);
                }
                s
            }
            ExprKind::FrozenSet { id, elems } => {
                // Built once, as CPython's constant, then shared.
                let cached = self.value(ty, Op::FrozenSetCached(*id));
                let missing = self.value(&Ty::Bool, Op::IsNull(cached));
                let build = self.new_block();
                let done = self.new_block();
                self.branch(missing, build, done);
                self.switch_to(build);
                let a = self.prim("mg_set_new", ty, vec![]);
                for el in elems {
                    let v = self.expr(el);
                    self.at(e.line, e.col);
                    self.prim_void("mg_set_add", vec![a.clone(), v]);
                }
                let fz = self.prim("mg_set_freeze", ty, vec![a]);
                self.emit(None, Op::FrozenSetStore(*id, fz));
                self.goto(done);
                self.switch_to(done);
                self.value(ty, Op::FrozenSetCached(*id))
            }
            ExprKind::Comp {
                kind,
                key,
                elt,
                gens,
            } => self.comprehension(e, *kind, key.as_deref(), elt, gens),
            ExprKind::Index(obj, idx) => {
                let o = self.expr(obj);
                let i = self.expr(idx);
                self.at(e.line, e.col);
                match &obj.ty {
                    Ty::Str => self.prim("mg_str_index", ty, vec![o, i]),
                    _ => self.value(ty, Op::Index(o, i)),
                }
            }
            ExprKind::Field(obj, i) => {
                let o = self.expr(obj);
                self.value(ty, Op::TupleGet(o, *i))
            }
            ExprKind::Slice { obj, lo, hi, step } => {
                let o = self.expr(obj);
                let mut args = vec![o];
                args.extend(self.slice_args([lo.as_deref(), hi.as_deref(), step.as_deref()]));
                self.at(e.line, e.col);
                let f = if obj.ty == Ty::Str {
                    "mg_str_slice"
                } else {
                    "mg_list_slice"
                };
                self.prim(f, ty, args)
            }
            ExprKind::TupleSlice(obj, idx) => {
                let o = self.expr(obj);
                let Ty::Tuple(ts) = &obj.ty else {
                    unreachable!()
                };
                let fields: Vec<Operand> = idx
                    .iter()
                    .map(|&i| self.value(&ts[i], Op::TupleGet(o.clone(), i)))
                    .collect();
                self.value(ty, Op::TupleNew(fields))
            }
            ExprKind::In {
                item,
                container,
                negate,
            } => {
                // Python evaluates the item, then the container.
                let iv = self.expr(item);
                let cv = self.expr(container);
                self.at(e.line, e.col);
                let r = match &container.ty {
                    Ty::Str => self.prim("mg_str_contains", &Ty::Bool, vec![cv, iv]),
                    Ty::List(_) => self.prim("mg_list_contains", &Ty::Bool, vec![cv, iv]),
                    Ty::Dict(..) => self.prim("mg_dict_contains", &Ty::Bool, vec![cv, iv]),
                    Ty::Set(_) => self.prim("mg_set_contains", &Ty::Bool, vec![cv, iv]),
                    Ty::Tuple(ts) => {
                        // item == t[0] or item == t[1] ... (all compared, as
                        // the old lowering did; no side effects)
                        let mut acc = boolean(false);
                        for (i, ft) in ts.iter().enumerate() {
                            let f = self.value(ft, Op::TupleGet(cv.clone(), i));
                            let eq = self.value(&Ty::Bool, Op::Compare(CmpOp::Eq, f, iv.clone()));
                            acc = self.value(&Ty::Bool, Op::IntBin(BinOp::BitOr, acc, eq));
                        }
                        acc
                    }
                    _ => unreachable!("checked: `in` of a container"),
                };
                if *negate {
                    self.value(&Ty::Bool, Op::Not(r))
                } else {
                    r
                }
            }
            ExprKind::InRange {
                item,
                start,
                stop,
                step,
                negate,
            } => {
                let vals: Vec<Operand> = [item, start, stop, step]
                    .into_iter()
                    .map(|x| self.expr(x))
                    .collect();
                self.at(e.line, e.col);
                let r = self.prim("mg_range_contains", &Ty::Bool, vals);
                if *negate {
                    self.value(&Ty::Bool, Op::Not(r))
                } else {
                    r
                }
            }
            ExprKind::Method(m, args) => self.method(e, *m, args),
            ExprKind::SortBy { list, key, reverse } => {
                self.sort_by(e, list, key.as_ref(), reverse);
                Operand::Const(Const::Int(0))
            }
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
            ),
            ExprKind::DictFrom(src) => {
                let s = self.expr(src);
                self.at(e.line, e.col);
                match &src.ty {
                    Ty::Dict(..) => self.prim("mg_dict_copy", ty, vec![s]),
                    Ty::List(pair) => {
                        let d = self.prim("mg_dict_new", ty, vec![]);
                        let Ty::Tuple(kv) = &**pair else {
                            unreachable!()
                        };
                        let (kv0, kv1) = (kv[0].clone(), kv[1].clone());
                        let pair = (**pair).clone();
                        self.each_list_item(&s, &pair, &mut |b, item| {
                            let k = b.value(&kv0, Op::TupleGet(item.clone(), 0));
                            let v = b.value(&kv1, Op::TupleGet(item, 1));
                            b.prim_void("mg_dict_set", vec![d.clone(), k, v]);
                        });
                        d
                    }
                    _ => unreachable!("checked: dict() of a dict or of pairs"),
                }
            }
            ExprKind::StrFormat(fmt, args) => {
                let f = self.expr(fmt);
                let vals: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
                self.at(e.line, e.col);
                self.value(ty, Op::StrFormat(f, vals))
            }
            ExprKind::Concat(parts) | ExprKind::FormatCall(parts) => {
                // str(int) parts are formatted in place, not as strings.
                let vals: Vec<Operand> = parts
                    .iter()
                    .map(|p| match &p.kind {
                        ExprKind::Builtin(Builtin::Str, a)
                            if a.len() == 1 && a[0].ty == Ty::Int =>
                        {
                            self.expr(&a[0])
                        }
                        _ => self.expr(p),
                    })
                    .collect();
                self.at(e.line, e.col);
                self.value(ty, Op::Concat(vals))
            }
            ExprKind::Fail { exc, msg, value } => {
                let _ = self.expr(value);
                self.at(e.line, e.col);
                self.raise(exc, Some(msg));
                Operand::Const(Const::Zero(ty.clone()))
            }
        }
    }

    /// Evaluate `e` into a temporary of its own (a variable read is copied:
    /// the variable may be rebound before the value is used).
    pub(super) fn expr_owned(&mut self, e: &Expr) -> Operand {
        match self.expr(e) {
            Operand::Local(l) if self.f.locals[l].kind == LocalKind::Var => {
                let ty = self.f.locals[l].ty.clone();
                self.value(&ty, Op::Move(Operand::Local(l)))
            }
            o => o,
        }
    }

    /// Evaluate for effect (an expression statement).
    pub(super) fn expr_effect(&mut self, e: &Expr) {
        let _ = self.expr(e);
    }

    /// A condition that jumps: comparisons of ints and floats need no
    /// recursion check there (`reclimit`).
    pub(super) fn cond(&mut self, e: &Expr) -> Operand {
        match &e.kind {
            ExprKind::Compare(left, pairs) => self.compare_chain(left, pairs, true),
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                self.short_circuit(is_and, a, b, &e.ty, true)
            }
            ExprKind::Not(v) => {
                let x = self.cond(v);
                self.value(&Ty::Bool, Op::Not(x))
            }
            _ => self.expr(e),
        }
    }

    /// `a and b` / `a or b`: the value of one operand.
    fn short_circuit(&mut self, is_and: bool, a: &Expr, b: &Expr, ty: &Ty, jump: bool) -> Operand {
        let r = self.join(ty);
        let av = if jump { self.cond(a) } else { self.expr(a) };
        let t = if a.ty == Ty::Bool {
            av.clone()
        } else {
            self.value(&Ty::Bool, Op::Truthy(av.clone()))
        };
        let rhs = self.new_block();
        let keep = self.new_block();
        let end = self.new_block();
        if is_and {
            self.branch(t, rhs, keep);
        } else {
            self.branch(t, keep, rhs);
        }
        self.switch_to(keep);
        self.emit(Some(r), Op::Move(av));
        self.goto(end);
        self.switch_to(rhs);
        self.recursion_check(&reclimit::combined(b, jump));
        let bv = if jump {
            stacker::maybe_grow(64 << 10, 4 << 20, || self.cond(b))
        } else {
            stacker::maybe_grow(64 << 10, 4 << 20, || self.expr(b))
        };
        self.emit(Some(r), Op::Move(bv));
        self.goto(end);
        self.switch_to(end);
        Operand::Local(r)
    }

    /// `a < b <= c`: each operand evaluated once, stopping at the first
    /// false comparison.
    fn compare_chain(&mut self, left: &Expr, pairs: &[(CmpOp, Expr)], _jump: bool) -> Operand {
        let mut lv = self.expr(left);
        if pairs.len() == 1 {
            let (op, r) = &pairs[0];
            let rv = self.expr(r);
            self.at(r.line, r.col);
            return self.value(&Ty::Bool, Op::Compare(*op, lv, rv));
        }
        let res = self.join(&Ty::Bool);
        let end = self.new_block();
        for (i, (op, r)) in pairs.iter().enumerate() {
            let rv = self.expr_owned(r);
            self.at(r.line, r.col);
            let c = self.value(&Ty::Bool, Op::Compare(*op, lv, rv.clone()));
            if i + 1 == pairs.len() {
                self.emit(Some(res), Op::Move(c));
                self.goto(end);
            } else {
                let next = self.new_block();
                let fail = self.new_block();
                self.branch(c, next, fail);
                self.switch_to(fail);
                self.emit(Some(res), Op::Move(boolean(false)));
                self.goto(end);
                self.switch_to(next);
            }
            lv = rv;
        }
        self.switch_to(end);
        Operand::Local(res)
    }

    /// `l op r` of values already evaluated.
    pub(super) fn binary_values(
        &mut self,
        op: BinOp,
        lt: &Ty,
        rt: &Ty,
        ty: &Ty,
        lv: Operand,
        rv: Operand,
    ) -> Operand {
        match (lt, rt) {
            (Ty::Tuple(a), Ty::Tuple(b)) => {
                // (a, b) + (c,): the fields of both.
                let mut fields = Vec::new();
                for i in 0..a.len() {
                    fields.push(self.value(&a[i], Op::TupleGet(lv.clone(), i)));
                }
                for i in 0..b.len() {
                    fields.push(self.value(&b[i], Op::TupleGet(rv.clone(), i)));
                }
                self.value(ty, Op::TupleNew(fields))
            }
            (Ty::Str, Ty::Str) => self.prim("mg_str_concat", ty, vec![lv, rv]),
            (Ty::Str, _) => self.prim("mg_str_repeat", ty, vec![lv, rv]),
            (_, Ty::Str) => self.prim("mg_str_repeat", ty, vec![rv, lv]),
            (Ty::List(_), Ty::List(_)) => self.prim("mg_list_concat", ty, vec![lv, rv]),
            (Ty::List(_), _) => self.prim("mg_list_repeat", ty, vec![lv, rv]),
            (_, Ty::List(_)) => self.prim("mg_list_repeat", ty, vec![rv, lv]),
            (Ty::Float, _) | (_, Ty::Float) => self.value(ty, Op::FloatBin(op, lv, rv)),
            _ if op == BinOp::Div => self.prim("mg_int_truediv", ty, vec![lv, rv]),
            (Ty::Bool, Ty::Bool) => self.value(ty, Op::IntBin(op, lv, rv)),
            _ => self.value(ty, Op::IntBin(op, lv, rv)),
        }
    }

    /// `l op= r` mutating `lv` (a list or a set) in place.
    pub(super) fn inplace(&mut self, op: BinOp, lty: &Ty, lv: Operand, r: &Expr) {
        let rv = self.expr(r);
        let f = match (lty, op) {
            (Ty::List(_), BinOp::Add) => "mg_list_extend",
            (Ty::List(_), BinOp::Mul) => "mg_list_irepeat",
            (Ty::Set(_), BinOp::BitOr) => "mg_set_update",
            (Ty::Set(_), BinOp::BitAnd) => "mg_set_intersection_update",
            (Ty::Set(_), BinOp::Sub) => "mg_set_difference_update",
            (Ty::Set(_), BinOp::BitXor) => "mg_set_symmetric_difference_update",
            _ => unreachable!("checked: in-place operator on {lty:?}"),
        };
        self.prim_void(f, vec![lv, rv]);
    }

    /// The six arguments after the object of the runtime's slice
    /// functions: start, stop, step and whether each was given.
    pub(super) fn slice_args(&mut self, parts: [Option<&Expr>; 3]) -> Vec<Operand> {
        let mut vals = Vec::new();
        let mut given = Vec::new();
        for p in parts {
            match p {
                Some(x) => {
                    vals.push(self.expr(x));
                    given.push(boolean(true));
                }
                None => {
                    vals.push(int(0));
                    given.push(boolean(false));
                }
            }
        }
        vals.extend(given);
        vals
    }

    /// `str(v)` of a value of type `t`.
    pub(super) fn to_str_value(&mut self, t: &Ty, v: Operand) -> Operand {
        match t {
            Ty::Str => v,
            Ty::Int => self.prim("mg_str_from_int", &Ty::Str, vec![v]),
            Ty::Float => self.prim("mg_str_from_float", &Ty::Str, vec![v]),
            Ty::Bool => self.prim("mg_str_from_bool", &Ty::Str, vec![v]),
            _ => self.prim("mg_val_str", &Ty::Str, vec![v]),
        }
    }

    /// `repr(v)` of a value of type `t`.
    pub(super) fn repr_value(&mut self, t: &Ty, v: Operand) -> Operand {
        match t {
            Ty::Str => self.prim("mg_str_repr", &Ty::Str, vec![v]),
            Ty::Int | Ty::Float | Ty::Bool => self.to_str_value(t, v),
            _ => self.prim("mg_val_repr", &Ty::Str, vec![v]),
        }
    }
}
