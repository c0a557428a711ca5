//! What can be iterated (`for`, comprehensions, builtins that consume an iterable): ranges, containers, `enumerate`, `zip`, `reversed`, dict views, generator expressions.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn iter_of(&mut self, sc: &mut Scope, e: &AExpr) -> R<Iter> {
        if let AExpr::Call(call) = e {
            if let AExpr::Name(n) = &*call.func {
                let name = n.id.as_str();
                if matches!(self.callee(n), names::Callee::Builtin) {
                    match name {
                        "range" => {
                            let (a, b, c) = self.range_args(sc, e)?;
                            return Ok(Iter {
                                kind: IterKind::Range(Box::new(a), Box::new(b), Box::new(c)),
                                elem: Ty::Int,
                            });
                        }
                        "enumerate" => {
                            let args = &call.arguments.args;
                            if args.is_empty() || args.len() > 2 {
                                return err(
                                    e,
                                    "enumerate() takes an iterable and an optional start",
                                );
                            }
                            let inner = self.iter_of(sc, &args[0])?;
                            let mut start = None;
                            if args.len() == 2 {
                                start = Some(self.int_index(sc, &args[1])?);
                            }
                            for k in call.arguments.keywords.iter() {
                                match k.arg.as_ref().map(|a| a.id.as_str()) {
                                    Some("start") => start = Some(self.int_index(sc, &k.value)?),
                                    _ => {
                                        return err(
                                            k,
                                            "enumerate() only takes the keyword argument start",
                                        )
                                    }
                                }
                            }
                            let (line, col) = self.line_col(e);
                            let start = start.unwrap_or(Expr {
                                kind: ExprKind::Int(0),
                                ty: Ty::Int,
                                line,
                                col,
                            });
                            let elem = Ty::Tuple(vec![Ty::Int, inner.elem.clone()]);
                            return Ok(Iter {
                                kind: IterKind::Enumerate(Box::new(inner), Box::new(start)),
                                elem,
                            });
                        }
                        "zip" => {
                            if let Some(k) = call.arguments.keywords.first() {
                                return err(k, "zip() keyword arguments are not supported");
                            }
                            let mut its = Vec::new();
                            for a in call.arguments.args.iter() {
                                let it = self.iter_of(sc, a)?;
                                if it.is_push_only() {
                                    return err(
                                        a,
                                        "a generator expression as an argument of zip() is not supported yet; use a list comprehension",
                                    );
                                }
                                its.push(it);
                            }
                            if its.is_empty() {
                                return err(e, "zip() needs at least one iterable");
                            }
                            let elem = Ty::Tuple(its.iter().map(|i| i.elem.clone()).collect());
                            return Ok(Iter {
                                kind: IterKind::Zip(its),
                                elem,
                            });
                        }
                        "reversed" => {
                            if call.arguments.args.len() != 1 {
                                return err(e, "reversed() takes exactly one argument");
                            }
                            let arg = &call.arguments.args[0];
                            if let AExpr::Call(inner) = arg {
                                if matches!(&*inner.func, AExpr::Name(n) if self.is_builtin(n, "range"))
                                {
                                    let (a, b, c) = self.range_args(sc, arg)?;
                                    return Ok(Iter {
                                        kind: IterKind::RangeRev(
                                            Box::new(a),
                                            Box::new(b),
                                            Box::new(c),
                                        ),
                                        elem: Ty::Int,
                                    });
                                }
                            }
                            let v = self.expr_value(sc, arg, None)?;
                            let elem = match &v.ty {
                                Ty::List(t) => (**t).clone(),
                                Ty::Str => Ty::Str,
                                Ty::Tuple(ts)
                                    if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) =>
                                {
                                    ts[0].clone()
                                }
                                t => {
                                    return err(
                                        &call.arguments.args[0],
                                        format!("reversed() of {} is not supported yet", t.name()),
                                    )
                                }
                            };
                            return Ok(Iter {
                                kind: IterKind::Reversed(Box::new(v)),
                                elem,
                            });
                        }
                        _ => {}
                    }
                }
            }
            if let AExpr::Attribute(at) = &*call.func {
                let m = at.attr.id.as_str();
                if matches!(m, "items" | "keys" | "values") && call.arguments.args.is_empty() {
                    let obj = self.expr_value(sc, &at.value, None)?;
                    if let Ty::Dict(k, v) = &obj.ty {
                        let (k, v) = ((**k).clone(), (**v).clone());
                        return Ok(match m {
                            "items" => Iter {
                                kind: IterKind::DictItems(Box::new(obj)),
                                elem: Ty::Tuple(vec![k, v]),
                            },
                            "keys" => Iter {
                                kind: IterKind::DictKeys(Box::new(obj)),
                                elem: k,
                            },
                            _ => Iter {
                                kind: IterKind::DictValues(Box::new(obj)),
                                elem: v,
                            },
                        });
                    }
                }
            }
        }
        // An empty display iterates nothing: its element type cannot show.
        let empty_display = match e {
            AExpr::List(l) => l.elts.is_empty(),
            AExpr::Tuple(t) => t.elts.is_empty(),
            _ => false,
        };
        if empty_display {
            let ty = Ty::List(Box::new(Ty::Int));
            let v = self.mk(e, ExprKind::List(vec![]), ty);
            return Ok(Iter {
                kind: IterKind::List(Box::new(v)),
                elem: Ty::Int,
            });
        }
        let v = match e {
            AExpr::Generator(g) => {
                let c =
                    self.comprehension(sc, e, CompKind::List, None, &g.elt, &g.generators, None)?;
                let ExprKind::Comp { gens, elt, .. } = c.kind else {
                    unreachable!("comprehension() builds a Comp")
                };
                let elem = elt.ty.clone();
                return Ok(Iter {
                    kind: IterKind::Gen { gens, elt },
                    elem,
                });
            }
            _ => self.expr_value(sc, e, None)?,
        };
        self.iter_of_value(v, e)
    }

    pub(super) fn iter_of_value(&mut self, v: Expr, at: &AExpr) -> R<Iter> {
        let ty = v.ty.clone();
        Ok(match ty {
            Ty::List(t) => Iter {
                kind: IterKind::List(Box::new(v)),
                elem: *t,
            },
            Ty::Str => Iter {
                kind: IterKind::Str(Box::new(v)),
                elem: Ty::Str,
            },
            Ty::Dict(k, _) => Iter {
                kind: IterKind::DictKeys(Box::new(v)),
                elem: *k,
            },
            Ty::Set(t) => Iter {
                kind: IterKind::Set(Box::new(v)),
                elem: *t,
            },
            Ty::Tuple(ts) if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) => Iter {
                kind: IterKind::Tuple(Box::new(v)),
                elem: ts[0].clone(),
            },
            Ty::Tuple(ts) if ts.is_empty() => {
                return err(at, "iterating an empty tuple is not supported")
            }
            Ty::Tuple(_) => {
                return err(
                    at,
                    "iterating a tuple whose fields have different types is not supported",
                )
            }
            t => return err(at, format!("'{}' object is not iterable", t.kind_name())),
        })
    }

    pub(super) fn range_args(&mut self, sc: &mut Scope, it: &AExpr) -> R<(Expr, Expr, Expr)> {
        let AExpr::Call(call) = it else {
            unreachable!()
        };
        if let Some(k) = call.arguments.keywords.first() {
            return err(k, "range() takes no keyword arguments");
        }
        let args = &call.arguments.args;
        let mut vals = Vec::new();
        for a in args.iter() {
            let v = self.expr_value(sc, a, None)?;
            let v = match v.ty {
                Ty::Int => v,
                Ty::Bool => self.bool_to_int(v),
                ref t => {
                    return err(
                        a,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            t.kind_name()
                        ),
                    )
                }
            };
            vals.push(v);
        }
        let (line, col) = self.line_col(it);
        let lit = |v: i64| Expr {
            kind: ExprKind::Int(v),
            ty: Ty::Int,
            line,
            col,
        };
        Ok(match vals.len() {
            1 => {
                let stop = vals.pop().unwrap();
                (lit(0), stop, lit(1))
            }
            2 => {
                let stop = vals.pop().unwrap();
                let start = vals.pop().unwrap();
                (start, stop, lit(1))
            }
            3 => {
                let step = vals.pop().unwrap();
                let stop = vals.pop().unwrap();
                let start = vals.pop().unwrap();
                if let ExprKind::Int(0) = step.kind {
                    return err(&args[2], "range() arg 3 must not be zero");
                }
                (start, stop, step)
            }
            0 => return err(it, "range expected at least 1 argument, got 0"),
            n => return err(it, format!("range expected at most 3 arguments, got {n}")),
        })
    }

    /// Any iterable of `elem` items as a `list[elem]` value (a list as is,
    /// anything else through `list(...)`), for slice assignment.
    pub(super) fn list_of_iterable(&mut self, sc: &mut Scope, e: &AExpr, elem: &Ty) -> R<Expr> {
        self.iterable_as_list(sc, e, elem, false)
    }

    /// `e`, an iterable of `elem` items, as a list value: a list (or, with
    /// `keep_set`, a set) as it is, anything else through `list(...)`.
    pub(super) fn iterable_as_list(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        elem: &Ty,
        keep_set: bool,
    ) -> R<Expr> {
        let list_ty = Ty::List(Box::new(elem.clone()));
        let empty = match e {
            AExpr::List(l) => l.elts.is_empty(),
            AExpr::Tuple(t) => t.elts.is_empty(),
            _ => false,
        };
        if empty {
            return Ok(self.mk(e, ExprKind::List(vec![]), list_ty));
        }
        if matches!(e, AExpr::List(_) | AExpr::ListComp(_)) {
            return self.expr_expect(sc, e, &list_ty);
        }
        let it = self.iter_of(sc, e)?;
        if it.elem != *elem {
            return err(
                e,
                format!(
                    "expected an iterable of {}, found one of {}",
                    elem.name(),
                    it.elem.name()
                ),
            );
        }
        match it.kind {
            IterKind::List(v) => return Ok(*v),
            IterKind::Set(v) if keep_set => return Ok(*v),
            _ => {}
        }
        Ok(self.mk(
            e,
            ExprKind::Reduce {
                op: Reduce::List,
                iter: Box::new(it),
                key: None,
                reverse: None,
                start: None,
            },
            list_ty,
        ))
    }
}
