//! Builtin functions and methods: rows of the primitives registry, and the
//! few that are built from others.

use super::*;
use crate::ir::{Builtin, Expr, KeyFn, Method};

impl<'p> Builder<'p> {
    pub(super) fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        let ty = &e.ty;
        let vals: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
        self.at(e.line, e.col);
        let a0 = &args[0].ty;
        match b {
            Builtin::Str => {
                let v = vals.into_iter().next().unwrap();
                self.to_str_value(a0, v)
            }
            Builtin::Repr => {
                let v = vals.into_iter().next().unwrap();
                self.repr_value(a0, v)
            }
            Builtin::Len => self.value(ty, Op::Len(vals[0].clone())),
            Builtin::Format => {
                let f = match a0 {
                    Ty::Int => "mg_format_int",
                    Ty::Float => "mg_format_float",
                    Ty::Bool => "mg_format_bool",
                    _ => "mg_format_str",
                };
                self.prim(f, ty, vals)
            }
            Builtin::IntFromStr => self.prim("mg_int_from_str", ty, vals),
            Builtin::FloatFromStr => self.prim("mg_float_from_str", ty, vals),
            Builtin::IntFromFloat => self.prim("mg_int_from_float", ty, vals),
            Builtin::Ord => self.prim("mg_ord", ty, vals),
            Builtin::Chr => self.prim("mg_chr", ty, vals),
            Builtin::RoundInt => self.prim("mg_float_round_int", ty, vals),
            Builtin::RoundFloat => self.prim("mg_float_round", ty, vals),
            Builtin::RoundIntN => self.prim("mg_int_round", ty, vals),
            Builtin::Abs => match a0 {
                Ty::Float => self.value(ty, Op::FloatAbs(vals[0].clone())),
                _ => self.value(ty, Op::IntAbs(vals[0].clone())),
            },
            Builtin::Max | Builtin::Min => {
                // best = first; then each next replaces it when next > best
                // (max) or next < best (min), as CPython's min_max.
                let op = if b == Builtin::Max {
                    CmpOp::Gt
                } else {
                    CmpOp::Lt
                };
                let best = self.join(ty);
                let first = vals[0].clone();
                self.emit(Some(best), Op::Move(first));
                for v in vals.into_iter().skip(1) {
                    let better =
                        self.value(&Ty::Bool, Op::Compare(op, v.clone(), Operand::Local(best)));
                    let take = self.new_block();
                    let next = self.new_block();
                    self.branch(better, take, next);
                    self.switch_to(take);
                    self.emit(Some(best), Op::Move(v));
                    self.goto(next);
                    self.switch_to(next);
                }
                Operand::Local(best)
            }
        }
    }

    pub(super) fn method(&mut self, e: &Expr, m: Method, args: &[Expr]) -> Operand {
        let ty = &e.ty;
        let recv_ty = args[0].ty.clone();
        let et = match &recv_ty {
            Ty::List(x) | Ty::Set(x) => (**x).clone(),
            _ => Ty::None,
        };
        // The receiver, then the arguments, in order.
        let vals: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
        self.at(e.line, e.col);
        let recv = vals[0].clone();
        use Method as M;
        let sym = match m {
            M::ListAppend => "mg_list_append",
            M::SetAdd => "mg_set_add",
            M::ListInsert => "mg_list_insert",
            M::ListExtend => "mg_list_extend",
            M::DictUpdate => "mg_dict_update",
            M::SetUpdate => "mg_set_update",
            M::ListPop => "mg_list_pop",
            M::ListRemove => "mg_list_remove",
            M::ListIndex => "mg_list_index",
            M::ListCount => "mg_list_count",
            M::SetDiscard => {
                self.prim("mg_set_discard", &Ty::Bool, vals);
                return Operand::Const(Const::Int(0));
            }
            M::SetRemove => "mg_set_remove",
            M::SetPop => "mg_set_pop",
            M::ListReverse => "mg_list_reverse",
            M::ListClear => "mg_list_clear",
            M::DictClear => "mg_dict_clear",
            M::SetClear => "mg_set_clear",
            M::ListCopy => "mg_list_copy",
            M::DictCopy => "mg_dict_copy",
            M::SetCopy => "mg_set_copy",
            M::SetUnion | M::SetOr => "mg_set_union",
            M::SetIntersection | M::SetAnd => "mg_set_intersection",
            M::SetDifference | M::SetSub => "mg_set_difference",
            M::SetSymmetricDifference | M::SetXor => "mg_set_symmetric_difference",
            M::SetIsSubset => "mg_set_issubset",
            M::SetIsSuperset => {
                // a.issuperset(b): b's elements all in a
                return self.prim("mg_set_issubset", ty, vec![vals[1].clone(), recv]);
            }
            M::ListSort => unreachable!("sort() is built through SortBy"),
            M::DictGet | M::DictSetDefault => {
                return self.value(
                    ty,
                    Op::DictGet {
                        dict: recv,
                        key: vals[1].clone(),
                        default: vals[2].clone(),
                        set: m == M::DictSetDefault,
                    },
                );
            }
            M::DictPop => {
                return self.value(
                    ty,
                    Op::DictPop {
                        dict: recv,
                        key: vals[1].clone(),
                        default: vals.get(2).cloned(),
                    },
                );
            }
            M::DictKeys | M::DictValues | M::DictItems => unreachable!("only iterated"),
            M::SetUpdateMany | M::SetUnionMany | M::SetIntersectionMany | M::SetDifferenceMany => {
                return self.set_many(m, &recv_ty, recv, &args[1..], &vals[1..]);
            }
            M::SetUnionList | M::SetIntersectionList | M::SetDifferenceList | M::SetUpdateList => {
                return self.set_with_list(m, &recv_ty, &et, recv, vals[1].clone());
            }
            M::Str(fname) => fname,
        };
        self.prim(sym, ty, vals)
    }

    /// `s.update(*others)`, `union`, `intersection`, `difference` with any
    /// number of sets or lists (every argument was evaluated first):
    /// CPython's set_update / set_union / intersection_multi /
    /// difference_multi.
    fn set_many(
        &mut self,
        m: Method,
        set_ty: &Ty,
        recv: Operand,
        args: &[Expr],
        vals: &[Operand],
    ) -> Operand {
        let is_set = |a: &Expr| matches!(a.ty, Ty::Set(_));
        let mut cur: Option<Operand> = match m {
            Method::SetUpdateMany => Some(recv.clone()),
            Method::SetUnionMany => Some(self.prim("mg_set_copy", set_ty, vec![recv.clone()])),
            _ => None,
        };
        for (i, (a, h)) in args.iter().zip(vals).enumerate() {
            match m {
                Method::SetUpdateMany | Method::SetUnionMany => {
                    let f = if is_set(a) {
                        "mg_set_update"
                    } else {
                        "mg_set_update_list"
                    };
                    self.prim_void(f, vec![cur.clone().unwrap(), h.clone()]);
                }
                Method::SetIntersectionMany => {
                    let base = cur.clone().unwrap_or(recv.clone());
                    let f = if is_set(a) {
                        "mg_set_intersection"
                    } else {
                        "mg_set_intersection_list"
                    };
                    cur = Some(self.prim(f, set_ty, vec![base, h.clone()]));
                }
                _ => {
                    if i == 0 && is_set(a) {
                        cur = Some(self.prim(
                            "mg_set_difference",
                            set_ty,
                            vec![recv.clone(), h.clone()],
                        ));
                        continue;
                    }
                    if i == 0 {
                        cur = Some(self.prim("mg_set_copy", set_ty, vec![recv.clone()]));
                    }
                    let f = if is_set(a) {
                        "mg_set_difference_update"
                    } else {
                        "mg_set_difference_update_list"
                    };
                    self.prim_void(f, vec![cur.clone().unwrap(), h.clone()]);
                }
            }
        }
        match m {
            Method::SetUpdateMany => Operand::Const(Const::Int(0)),
            _ => match cur {
                Some(v) => v,
                None => self.prim("mg_set_copy", set_ty, vec![recv]),
            },
        }
    }

    /// union/intersection/difference/update of a set with a list: CPython
    /// iterates the list (union copies and adds each item; intersection
    /// keeps the items found in the set, in the list's order; difference
    /// copies and discards).
    fn set_with_list(
        &mut self,
        m: Method,
        set_ty: &Ty,
        et: &Ty,
        recv: Operand,
        list: Operand,
    ) -> Operand {
        let result = match m {
            Method::SetUnionList | Method::SetDifferenceList => {
                self.prim("mg_set_copy", set_ty, vec![recv.clone()])
            }
            Method::SetIntersectionList => self.prim("mg_set_new", set_ty, vec![]),
            _ => recv.clone(),
        };
        let r2 = result.clone();
        let et2 = et.clone();
        self.each_list_item(&list, et, &mut |b, v| match m {
            Method::SetUnionList | Method::SetUpdateList => {
                b.prim_void("mg_set_add", vec![r2.clone(), v]);
            }
            Method::SetDifferenceList => {
                b.prim("mg_set_discard", &Ty::Bool, vec![r2.clone(), v]);
            }
            _ => {
                let has = b.prim("mg_set_contains", &Ty::Bool, vec![recv.clone(), v.clone()]);
                let add = b.new_block();
                let next = b.new_block();
                b.branch(has, add, next);
                b.switch_to(add);
                b.prim_void("mg_set_add", vec![r2.clone(), v]);
                b.goto(next);
                b.switch_to(next);
                let _ = &et2;
            }
        });
        if m == Method::SetUpdateList {
            Operand::Const(Const::Int(0))
        } else {
            result
        }
    }

    /// `xs.sort(key=..., reverse=...)`.
    pub(super) fn sort_by(&mut self, e: &Expr, list: &Expr, key: Option<&KeyFn>, reverse: &Expr) {
        let l = self.expr(list);
        let rev = self.expr(reverse);
        let Ty::List(et) = &list.ty else {
            unreachable!()
        };
        let et = (**et).clone();
        self.sort_list(e, l, &et, key, rev);
    }

    /// Sort list `l` (of `elem`s) in place, by a key function if any.
    pub(super) fn sort_list(
        &mut self,
        e: &Expr,
        l: Operand,
        elem: &Ty,
        key: Option<&KeyFn>,
        rev: Operand,
    ) {
        match key {
            None => {
                self.at(e.line, e.col);
                self.prim_void("mg_list_sort", vec![l, rev]);
            }
            Some(k) => {
                // The keys of every element first, then one sort.
                let lt = Ty::List(Box::new(k.body.ty.clone()));
                let keys = self.prim("mg_list_new", &lt, vec![int(0)]);
                let keys2 = keys.clone();
                self.each_list_item(&l, elem, &mut |b, v| {
                    let kv = b.apply_key(k, elem, v);
                    b.prim_void("mg_list_append", vec![keys2.clone(), kv]);
                });
                self.at(e.line, e.col);
                self.prim_void("mg_list_sort_by_keys", vec![l, keys, rev]);
            }
        }
    }

    /// A key function applied to an element: bind its parameter, compute.
    pub(super) fn apply_key(&mut self, k: &KeyFn, elem: &Ty, v: Operand) -> Operand {
        self.store_target(&k.param, elem, v);
        // A key function runs in its own frame, called by the builtin
        // (sorted, min, max, list.sort: one C level) that wants the key.
        self.rec_offset += 2;
        self.recursion_check(&reclimit::combined(&k.body, false));
        let r = self.expr(&k.body);
        self.rec_offset -= 2;
        r
    }
}
