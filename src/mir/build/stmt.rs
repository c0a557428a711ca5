//! Statements.

use super::*;
use crate::ir::{Expr, ExprKind, Place, Stmt, StmtKind, Target};

impl<'p> Builder<'p> {
    pub(super) fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        self.at(s.line, s.col);
        self.recursion_check(&reclimit::stmt(s));
        match &s.kind {
            StmtKind::Pass => {}
            StmtKind::Expr(e) => {
                self.expr_effect(e);
            }
            StmtKind::Assign(Target::Place(p), e) if self.is_inplace_of(*p, e) => {
                // x op= y on a mutable container: mutate, x stays bound.
                let ExprKind::InPlace(op, l, r) = &e.kind else {
                    unreachable!()
                };
                let lv = self.expr(l);
                self.inplace(*op, &l.ty, lv, r);
            }
            StmtKind::Assign(Target::Place(p), e) if self.is_str_append(*p, e) => {
                // s += t: the string grows in place when `s` holds its only
                // reference (CPython's unicode_concatenate does the same).
                let ExprKind::Binary(_, _, r) = &e.kind else {
                    unreachable!()
                };
                let rv = self.expr(r);
                let cur = self.place_operand(*p);
                self.at(e.line, e.col);
                let id = crate::primitives::prim("mg_str_append");
                match p {
                    Place::Local(l) => {
                        let l = self.hir_local(*l);
                        self.emit(Some(l), Op::Prim(id, vec![cur, rv]))
                    }
                    Place::Global(g) => {
                        let _ = cur;
                        let old = self.value(&Ty::Str, Op::TakeGlobal(*g));
                        let v = self.value(&Ty::Str, Op::Prim(id, vec![old, rv]));
                        self.emit(None, Op::StoreGlobal(*g, v));
                    }
                }
            }
            StmtKind::Assign(t, e) => {
                let v = self.expr(e);
                self.at(s.line, s.col);
                self.store_target(t, &e.ty, v);
            }
            StmtKind::MultiAssign(pairs) => {
                let vals: Vec<Operand> = pairs.iter().map(|(_, e)| self.expr_owned(e)).collect();
                self.at(s.line, s.col);
                for ((t, e), v) in pairs.iter().zip(vals) {
                    self.store_target(t, &e.ty, v);
                }
            }
            StmtKind::SetItem { obj, index, value } => {
                // CPython's order: the value, the container, the index.
                let v = self.expr(value);
                let o = self.expr(obj);
                let i = self.expr(index);
                self.at(s.line, s.col);
                self.emit(None, Op::SetItem(o, i, v));
            }
            StmtKind::AugSetItem {
                obj,
                index,
                op,
                value,
            } => {
                let o = self.expr(obj);
                let i = self.expr(index);
                let Some(elem) = elem_of_subscript(&obj.ty) else {
                    unreachable!("checked: item of a list or dict")
                };
                self.at(s.line, s.col);
                let cur = self.value(&elem, Op::Index(o.clone(), i.clone()));
                let inplace = matches!(
                    (&elem, op),
                    (Ty::List(_), BinOp::Add | BinOp::Mul)
                        | (
                            Ty::Set(_),
                            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
                        )
                );
                let new = if inplace {
                    self.inplace(*op, &elem, cur.clone(), value);
                    cur
                } else {
                    let r = self.expr(value);
                    self.at(s.line, s.col);
                    self.binary_values(*op, &elem, &value.ty, &elem, cur, r)
                };
                self.at(s.line, s.col);
                self.emit(None, Op::ReplaceItem(o, i, new));
            }
            StmtKind::DelItem { obj, index } => {
                let o = self.expr(obj);
                let i = self.expr(index);
                self.at(s.line, s.col);
                match &obj.ty {
                    Ty::List(_) => self.prim_void("mg_list_delitem", vec![o, i]),
                    Ty::Dict(..) => self.prim_void("mg_dict_delitem", vec![o, i]),
                    _ => unreachable!("checked: del of a list or dict item"),
                }
            }
            StmtKind::DelSlice { obj, lo, hi, step } => {
                let o = self.expr(obj);
                let mut args = vec![o];
                args.extend(self.slice_args([lo.as_ref(), hi.as_ref(), step.as_ref()]));
                self.at(s.line, s.col);
                self.prim_void("mg_list_delslice", args);
            }
            StmtKind::SetSlice {
                obj,
                lo,
                hi,
                step,
                value,
            } => {
                // The assigned value is evaluated before the target.
                let v = self.expr(value);
                let o = self.expr(obj);
                let mut args = vec![o];
                args.extend(self.slice_args([lo.as_ref(), hi.as_ref(), step.as_ref()]));
                args.push(v);
                self.at(s.line, s.col);
                self.prim_void("mg_list_setslice", args);
            }
            StmtKind::If(c, then, els) => {
                let cv = self.cond(c);
                let tb = self.new_block();
                let eb = self.new_block();
                let end = self.new_block();
                self.branch(cv, tb, eb);
                self.switch_to(tb);
                self.block(then);
                self.goto(end);
                self.switch_to(eb);
                self.block(els);
                self.goto(end);
                self.switch_to(end);
            }
            StmtKind::While { test, body, orelse } => {
                let head = self.new_block();
                let body_bb = self.new_block();
                let else_bb = self.new_block();
                let end = self.new_block();
                self.goto(head);
                self.switch_to(head);
                self.at(s.line, s.col);
                self.recursion_check(&reclimit::combined(test, true));
                let cv = self.cond(test);
                self.branch(cv, body_bb, else_bb);
                self.switch_to(body_bb);
                self.loops.push((head, end));
                self.block(body);
                self.loops.pop();
                self.goto(head);
                self.switch_to(else_bb);
                self.block(orelse);
                self.goto(end);
                self.switch_to(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(s, target, iter, body, orelse),
            StmtKind::Break => {
                let (_, brk) = *self.loops.last().expect("checked: break in a loop");
                self.goto(brk);
            }
            StmtKind::Continue => {
                let (cont, _) = *self.loops.last().expect("checked: continue in a loop");
                self.goto(cont);
            }
            StmtKind::Return(v) => {
                let r = v.as_ref().map(|e| self.expr(e));
                self.terminate(Term::Return(r));
            }
            StmtKind::Assert(test, msg) => {
                let cv = self.cond(test);
                let fail = self.new_block();
                let ok = self.new_block();
                self.branch(cv, ok, fail);
                self.switch_to(fail);
                match msg {
                    Some(m) => {
                        let mv = self.expr(m);
                        self.at(s.line, s.col);
                        self.emit(
                            None,
                            Op::RaiseStr {
                                exc: "AssertionError".into(),
                                msg: mv,
                            },
                        );
                        self.terminate(Term::Unreachable);
                    }
                    None => self.raise("AssertionError", None),
                }
                self.switch_to(ok);
            }
            StmtKind::Print { args, sep, end } => self.print(s, args, sep.as_ref(), end.as_ref()),
        }
    }

    /// `p = p op value` where `op` mutates in place (`InPlace` of `p`).
    fn is_inplace_of(&self, p: Place, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::InPlace(_, l, _) if matches!(l.kind, ExprKind::Load(q) if q == p))
    }

    /// `p = p + r` on a str where evaluating `r` first is unobservable: it
    /// cannot rebind `p` (a local; or a global and `r` calls none of the
    /// program's functions).
    fn is_str_append(&self, p: Place, e: &Expr) -> bool {
        let ExprKind::Binary(BinOp::Add, l, r) = &e.kind else {
            return false;
        };
        e.ty == Ty::Str
            && matches!(l.kind, ExprKind::Load(q) if q == p)
            && (matches!(p, Place::Local(_)) || !r.calls_user_code())
    }

    /// The current value of a variable, given up by it (`s += t`).
    fn place_operand(&mut self, p: Place) -> Operand {
        match p {
            Place::Local(l) => Operand::Local(self.hir_local(l)),
            Place::Global(g) => Operand::Global(g),
        }
    }

    /// Store `v` (of type `ty`) into an assignment target.
    pub(super) fn store_target(&mut self, t: &Target, ty: &Ty, v: Operand) {
        match t {
            Target::Place(Place::Local(l)) => {
                let l = self.hir_local(*l);
                self.emit(Some(l), Op::Move(v))
            }
            Target::Place(Place::Global(g)) => self.emit(None, Op::StoreGlobal(*g, v)),
            Target::Item(obj, idx) => {
                let o = self.expr(obj);
                let i = self.expr(idx);
                self.emit(None, Op::SetItem(o, i, v));
            }
            Target::Unpack(parts) => match ty {
                Ty::Tuple(ts) => {
                    for (k, part) in parts.iter().enumerate() {
                        let f = self.value(&ts[k], Op::TupleGet(v.clone(), k));
                        self.store_target(part, &ts[k], f);
                    }
                }
                Ty::List(et) => {
                    // CPython's unpacking checks the length first.
                    let n = self.value(&Ty::Int, Op::Len(v.clone()));
                    let want = int(parts.len() as i64);
                    let few =
                        self.value(&Ty::Bool, Op::Compare(CmpOp::Lt, n.clone(), want.clone()));
                    let bad_few = self.new_block();
                    let ok1 = self.new_block();
                    self.branch(few, bad_few, ok1);
                    self.switch_to(bad_few);
                    let pre = string(&format!(
                        "not enough values to unpack (expected {}, got ",
                        parts.len()
                    ));
                    let num = self.prim("mg_str_from_int", &Ty::Str, vec![n.clone()]);
                    let m1 = self.prim("mg_str_concat", &Ty::Str, vec![pre, num]);
                    let m2 = self.prim("mg_str_concat", &Ty::Str, vec![m1, string(")")]);
                    self.emit(
                        None,
                        Op::RaiseStr {
                            exc: "ValueError".into(),
                            msg: m2,
                        },
                    );
                    self.terminate(Term::Unreachable);
                    self.switch_to(ok1);
                    let many = self.value(&Ty::Bool, Op::Compare(CmpOp::Gt, n, want));
                    let bad_many = self.new_block();
                    let ok2 = self.new_block();
                    self.branch(many, bad_many, ok2);
                    self.switch_to(bad_many);
                    let msg = format!("too many values to unpack (expected {})", parts.len());
                    self.raise("ValueError", Some(&msg));
                    self.switch_to(ok2);
                    for (k, part) in parts.iter().enumerate() {
                        let e = self.value(et, Op::ListGetUnchecked(v.clone(), int(k as i64)));
                        self.store_target(part, et, e);
                    }
                }
                _ => unreachable!("checked: unpacking a tuple or a list"),
            },
        }
    }

    /// `print(args, sep=, end=)`: every argument is evaluated before
    /// anything is written.
    fn print(&mut self, s: &Stmt, args: &[Expr], sep: Option<&Expr>, end: Option<&Expr>) {
        let vals: Vec<(Operand, Ty)> = args.iter().map(|a| (self.expr(a), a.ty.clone())).collect();
        let sepv = sep.map(|e| self.expr(e));
        let endv = end.map(|e| self.expr(e));
        self.at(s.line, s.col);
        for (i, (v, t)) in vals.into_iter().enumerate() {
            if i > 0 {
                match &sepv {
                    Some(sv) => self.prim_void("mg_write_str", vec![sv.clone()]),
                    None => self.write_cstr(" "),
                }
            }
            match &t {
                Ty::Int => self.prim_void("mg_write_int", vec![v]),
                Ty::Float => self.prim_void("mg_write_float", vec![v]),
                Ty::Bool => self.prim_void("mg_write_bool", vec![v]),
                Ty::Str => self.prim_void("mg_write_str", vec![v]),
                Ty::None => self.write_cstr("None"),
                _ => {
                    let sv = self.to_str_value(&t, v);
                    self.prim_void("mg_write_str", vec![sv]);
                }
            }
        }
        match endv {
            Some(ev) => self.prim_void("mg_write_str", vec![ev]),
            None => self.write_cstr("\n"),
        }
    }

    fn write_cstr(&mut self, s: &str) {
        self.prim_void(
            "mg_write_cstr",
            vec![
                Operand::Const(Const::CStr(s.to_string())),
                int(s.len() as i64),
            ],
        );
    }
}

/// The element type of `obj[i]` for a list or a dict.
pub(super) fn elem_of_subscript(t: &Ty) -> Option<Ty> {
    match t {
        Ty::List(e) => Some((**e).clone()),
        Ty::Dict(_, v) => Some((**v).clone()),
        _ => None,
    }
}
