//! Comprehensions (their own scope) and key functions (`key=lambda x: ...`, `key=len`).

use super::names::Callee;
use super::*;

impl<'a> Checker<'a> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn comprehension(
        &mut self,
        sc: &mut Scope,
        at: &AExpr,
        kind: CompKind,
        key: Option<&AExpr>,
        elt: &AExpr,
        gens: &[ast::Comprehension],
        hint: Option<&Ty>,
    ) -> R<Expr> {
        // The comprehension's variables are definitions of their own (the
        // resolver's comprehension scope).
        let result = (|| {
            let mut out = Vec::new();
            for g in gens {
                if g.is_async {
                    return err(g, "async comprehensions are not supported");
                }
                let iter = self.iter_of(sc, &g.iter)?;
                let target = self.bind_target(sc, &g.target, &iter.elem)?;
                let mut conds = Vec::new();
                for c in &g.ifs {
                    conds.push(self.truthy(sc, c)?);
                }
                out.push(CompGen {
                    target,
                    iter,
                    conds,
                });
            }
            let (elt_hint, key_hint) = match (kind, hint) {
                (CompKind::List, Some(Ty::List(t))) | (CompKind::Set, Some(Ty::Set(t))) => {
                    (Some((**t).clone()), None)
                }
                (CompKind::Dict, Some(Ty::Dict(k, v))) => {
                    (Some((**v).clone()), Some((**k).clone()))
                }
                _ => (None, None),
            };
            let keyv = match key {
                Some(k) => Some(Box::new(self.expr_value(sc, k, key_hint.as_ref())?)),
                None => None,
            };
            let eltv = self.expr_value(sc, elt, elt_hint.as_ref())?;
            let ty = match kind {
                CompKind::List => Ty::List(Box::new(eltv.ty.clone())),
                CompKind::Set => {
                    if !eltv.ty.is_hashable() {
                        return err(elt, format!("unhashable type: '{}'", eltv.ty.kind_name()));
                    }
                    Ty::Set(Box::new(eltv.ty.clone()))
                }
                CompKind::Dict => {
                    let k = keyv.as_ref().unwrap();
                    if !k.ty.is_hashable() {
                        return err(
                            key.unwrap(),
                            format!("unhashable type: '{}'", k.ty.kind_name()),
                        );
                    }
                    Ty::Dict(Box::new(k.ty.clone()), Box::new(eltv.ty.clone()))
                }
            };
            Ok(self.mk(
                at,
                ExprKind::Comp {
                    kind,
                    key: keyv,
                    elt: Box::new(eltv),
                    gens: out,
                },
                ty,
            ))
        })();
        result
    }

    /// `key=` argument: a one-parameter lambda or a function name, applied
    /// to elements of type `elem`.
    pub(super) fn key_fn(&mut self, sc: &mut Scope, e: &AExpr, elem: &Ty) -> R<KeyFn> {
        let (line, col) = self.line_col(e);
        match e {
            AExpr::Lambda(l) => {
                let params = l.parameters.as_deref();
                let names: Vec<&ast::ParameterWithDefault> = params
                    .map(|p| p.posonlyargs.iter().chain(p.args.iter()).collect())
                    .unwrap_or_default();
                if names.len() != 1
                    || params
                        .map(|p| {
                            p.vararg.is_some() || p.kwarg.is_some() || !p.kwonlyargs.is_empty()
                        })
                        .unwrap_or(false)
                {
                    return err(e, "a key function takes exactly one parameter");
                }
                if names[0].default.is_some() {
                    return err(e, "lambda default values are not supported");
                }
                let pname = &names[0].parameter.name;
                let id = self.hidden_local(sc, pname, elem.clone(), line);
                if let Some(d) = self.def_of(pname) {
                    self.slots[d] = Some(Slot::Place(Place::Local(id)));
                }
                let body = self.expr_value(sc, &l.body, None)?;
                Ok(KeyFn {
                    param: Target::Place(Place::Local(id)),
                    body: Box::new(body),
                })
            }
            AExpr::Name(n) => {
                let id = self.hidden_local(sc, "key#arg", elem.clone(), line);
                let arg = Expr {
                    kind: ExprKind::Load(Place::Local(id)),
                    ty: elem.clone(),
                    line,
                    col,
                };
                let callee = self.callee(n);
                let body = if let Callee::Function(fid) = callee {
                    let SigSlot::Ok(sig) = &self.sigs[fid] else {
                        return Err(Fail::Poisoned);
                    };
                    if sig.params.len() != 1 || sig.params[0].1 != *elem {
                        return err(
                            e,
                            format!(
                                "{}() cannot be a key function for elements of type {}",
                                n.id,
                                elem.name()
                            ),
                        );
                    }
                    Expr {
                        kind: ExprKind::Call(fid, vec![arg]),
                        ty: sig.ret.clone(),
                        line,
                        col,
                    }
                } else {
                    match callee {
                        Callee::Builtin => {}
                        Callee::Poisoned => return Err(Fail::Poisoned),
                        Callee::Function(_)
                        | Callee::Variable
                        | Callee::Unbound
                        | Callee::Undefined => {
                            return err(
                                e,
                                format!(
                                    "'{}' is not supported as a key function; use a lambda",
                                    n.id
                                ),
                            )
                        }
                    }
                    match n.id.as_str() {
                        "len" => {
                            if !matches!(
                                elem,
                                Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Tuple(_)
                            ) {
                                return err(
                                    e,
                                    format!("len() of {} is not supported", elem.name()),
                                );
                            }
                            Expr {
                                kind: ExprKind::Builtin(Builtin::Len, vec![arg]),
                                ty: Ty::Int,
                                line,
                                col,
                            }
                        }
                        "abs" if matches!(elem, Ty::Int | Ty::Float) => Expr {
                            kind: ExprKind::Builtin(Builtin::Abs, vec![arg]),
                            ty: elem.clone(),
                            line,
                            col,
                        },
                        "str" => self.to_str(arg),
                        _ => {
                            return err(
                                e,
                                format!(
                                    "'{}' is not supported as a key function; use a lambda",
                                    n.id
                                ),
                            )
                        }
                    }
                };
                if body.ty == Ty::None {
                    return err(e, "a key function must return a value");
                }
                Ok(KeyFn {
                    param: Target::Place(Place::Local(id)),
                    body: Box::new(body),
                })
            }
            _ => err(e, "key= must be a lambda or a function name"),
        }
    }
}
