//! Expressions: literals, displays, operators, comparisons, subscripts, and the implicit conversions Python performs (explicit nodes in the IR).

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn number(&mut self, e: &AExpr, n: &ast::ExprNumberLiteral) -> R<Expr> {
        Ok(match &n.value {
            ast::Number::Int(i) => match i.as_i64() {
                Some(v) => self.mk(e, ExprKind::Int(v), Ty::Int),
                None => {
                    return err(
                        e,
                        "integer literal does not fit in 64 bits (mgen ints are 64-bit)",
                    )
                }
            },
            ast::Number::Float(f) => self.mk(e, ExprKind::Float(*f), Ty::Float),
            ast::Number::Complex { .. } => return err(e, "complex numbers are not supported"),
        })
    }

    pub(super) fn string(&mut self, e: &AExpr, s: &ast::ExprStringLiteral) -> R<Expr> {
        Ok(self.mk(e, ExprKind::Str(s.value.to_str().to_string()), Ty::Str))
    }

    pub(super) fn list_display(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        l: &ast::ExprList,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let eh = match hint {
                Some(Ty::List(t)) => Some((**t).clone()),
                _ => None,
            };
            let (vals, t) = self.elements(sc, &l.elts, eh.as_ref(), "list", e)?;
            self.mk(e, ExprKind::List(vals), Ty::List(Box::new(t)))
        })
    }

    pub(super) fn set_display(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        l: &ast::ExprSet,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let eh = match hint {
                Some(Ty::Set(t)) => Some((**t).clone()),
                _ => None,
            };
            let (vals, t) = self.elements(sc, &l.elts, eh.as_ref(), "set", e)?;
            if !t.is_hashable() {
                return err(e, format!("unhashable type: '{}'", t.kind_name()));
            }
            let set_ty = Ty::Set(Box::new(t.clone()));
            if let Some(u) = self.frozen.get(&l.range.start().to_usize()).cloned() {
                // CPython's frozenset constant: the elements of its first
                // occurrence (constants: they type-check anywhere).
                let elems = if std::ptr::eq(u.elems.as_ptr(), l.elts.as_ptr()) {
                    vals
                } else {
                    let mut out = Vec::new();
                    for el in u.elems {
                        out.push(self.expr_expect(sc, el, &t)?);
                    }
                    out
                };
                let fz = self.mk(e, ExprKind::FrozenSet { id: u.id, elems }, set_ty.clone());
                return Ok(match u.kind {
                    crate::pyconst::FrozenKind::Iter => fz,
                    crate::pyconst::FrozenKind::Display => {
                        self.mk(e, ExprKind::Method(Method::SetCopy, vec![fz]), set_ty)
                    }
                });
            }
            self.mk(e, ExprKind::Set(vals), set_ty)
        })
    }

    pub(super) fn tuple_display(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        t: &ast::ExprTuple,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let hints: Vec<Option<Ty>> = match hint {
                Some(Ty::Tuple(ts)) if ts.len() == t.elts.len() => {
                    ts.iter().cloned().map(Some).collect()
                }
                _ => vec![None; t.elts.len()],
            };
            let mut vals = Vec::new();
            for (el, h) in t.elts.iter().zip(hints) {
                if let AExpr::Starred(_) = el {
                    return err(el, "starred elements are not supported yet");
                }
                vals.push(self.expr_value(sc, el, h.as_ref())?);
            }
            let ty = Ty::Tuple(vals.iter().map(|v| v.ty.clone()).collect());
            self.mk(e, ExprKind::Tuple(vals), ty)
        })
    }

    pub(super) fn dict_display(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        d: &ast::ExprDict,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let (kh, vh) = match hint {
                Some(Ty::Dict(k, v)) => (Some((**k).clone()), Some((**v).clone())),
                _ => (None, None),
            };
            let mut kt = kh;
            let mut vt = vh;
            let mut items = Vec::new();
            for item in d.items.iter() {
                let Some(k) = &item.key else {
                    return err(&item.value, "dict unpacking (**d) is not supported yet");
                };
                let kv = match &kt {
                    Some(t) => self.expr_expect(sc, k, &t.clone())?,
                    None => self.expr_value(sc, k, None)?,
                };
                let vv = match &vt {
                    Some(t) => self.expr_expect(sc, &item.value, &t.clone())?,
                    None => self.expr_value(sc, &item.value, None)?,
                };
                kt.get_or_insert(kv.ty.clone());
                vt.get_or_insert(vv.ty.clone());
                items.push((kv, vv));
            }
            let (Some(kt), Some(vt)) = (kt, vt) else {
                return Err(CompileError::new(
                    span(e),
                    "cannot infer the key and value types of an empty dict",
                )
                .with_help("annotate the variable, e.g. `d: dict[str, int] = {}`")
                .into());
            };
            if !kt.is_hashable() {
                return err(e, format!("unhashable type: '{}'", kt.kind_name()));
            }
            self.mk(
                e,
                ExprKind::Dict(items),
                Ty::Dict(Box::new(kt), Box::new(vt)),
            )
        })
    }

    pub(super) fn list_comp(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        c: &ast::ExprListComp,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        self.comprehension(sc, e, CompKind::List, None, &c.elt, &c.generators, hint)
    }

    pub(super) fn set_comp(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        c: &ast::ExprSetComp,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        self.comprehension(sc, e, CompKind::Set, None, &c.elt, &c.generators, hint)
    }

    pub(super) fn dict_comp(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        c: &ast::ExprDictComp,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let key = c.key.as_deref();
            self.comprehension(sc, e, CompKind::Dict, key, &c.value, &c.generators, hint)?
        })
    }

    pub(super) fn binop(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        b: &ast::ExprBinOp,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let l = self.expr_value(sc, &b.left, hint)?;
            let r = self.expr_value(sc, &b.right, None)?;
            let (line, col) = self.line_col(e);
            self.binary(b.op, l, r, e, line, col)?
        })
    }

    pub(super) fn unary(&mut self, sc: &mut Scope, e: &AExpr, u: &ast::ExprUnaryOp) -> R<Expr> {
        if matches!(u.op, ast::UnaryOp::USub)
            && matches!(&*u.operand, AExpr::NumberLiteral(n)
                if matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(1u64 << 63)))
        {
            // -9223372036854775808: the one negative literal whose
            // magnitude does not fit.
            return Ok(self.mk(e, ExprKind::Int(i64::MIN), Ty::Int));
        }
        Ok({
            let v = self.expr_value(sc, &u.operand, None)?;
            match u.op {
                ast::UnaryOp::Not => {
                    let t = self.truthy_of(v);
                    self.mk(e, ExprKind::Not(Box::new(t)), Ty::Bool)
                }
                ast::UnaryOp::UAdd => match v.ty {
                    Ty::Int | Ty::Float => v,
                    Ty::Bool => self.bool_to_int(v),
                    ref t => {
                        return err(
                            e,
                            format!("bad operand type for unary +: '{}'", t.kind_name()),
                        )
                    }
                },
                ast::UnaryOp::USub => match v.ty {
                    Ty::Int | Ty::Float => {
                        let ty = v.ty.clone();
                        self.mk(e, ExprKind::Unary(UnOp::Neg, Box::new(v)), ty)
                    }
                    Ty::Bool => {
                        let v = self.bool_to_int(v);
                        self.mk(e, ExprKind::Unary(UnOp::Neg, Box::new(v)), Ty::Int)
                    }
                    ref t => {
                        return err(
                            e,
                            format!("bad operand type for unary -: '{}'", t.kind_name()),
                        )
                    }
                },
                ast::UnaryOp::Invert => match v.ty {
                    Ty::Int => self.mk(e, ExprKind::Unary(UnOp::Invert, Box::new(v)), Ty::Int),
                    Ty::Bool => {
                        let v = self.bool_to_int(v);
                        self.mk(e, ExprKind::Unary(UnOp::Invert, Box::new(v)), Ty::Int)
                    }
                    ref t => {
                        return err(
                            e,
                            format!("bad operand type for unary ~: '{}'", t.kind_name()),
                        )
                    }
                },
            }
        })
    }

    pub(super) fn boolop(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        b: &ast::ExprBoolOp,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let opname = match b.op {
                ast::BoolOp::And => "and",
                ast::BoolOp::Or => "or",
            };
            let mut vals = Vec::new();
            for v in &b.values {
                let h = vals
                    .first()
                    .map(|f: &Expr| f.ty.clone())
                    .or_else(|| hint.cloned());
                vals.push(self.expr_value(sc, v, h.as_ref())?);
            }
            let ty = vals[0].ty.clone();
            if let Some(o) = vals.iter().find(|v| v.ty != ty) {
                return Err(CompileError::new(
                    span(e),
                    format!(
                        "operands of '{opname}' must have the same type, found {} and {}",
                        ty.name(),
                        o.ty.name()
                    ),
                )
                .with_help("convert one side, e.g. with bool(...)")
                .into());
            }
            let mut it = vals.into_iter().rev();
            let mut acc = it.next().unwrap();
            for v in it {
                let (line, col) = (v.line, v.col);
                let kind = match b.op {
                    ast::BoolOp::And => ExprKind::And(Box::new(v), Box::new(acc)),
                    ast::BoolOp::Or => ExprKind::Or(Box::new(v), Box::new(acc)),
                };
                acc = Expr {
                    kind,
                    ty: ty.clone(),
                    line,
                    col,
                };
            }
            acc
        })
    }

    pub(super) fn if_expr(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        i: &ast::ExprIf,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        Ok({
            let test = self.truthy(sc, &i.test)?;
            let a = self.expr_value(sc, &i.body, hint)?;
            let b = self.expr_value(sc, &i.orelse, Some(&a.ty.clone()))?;
            if a.ty != b.ty {
                return err(
                    e,
                    format!(
                        "branches of a conditional expression have different types: {} and {}",
                        a.ty.name(),
                        b.ty.name()
                    ),
                );
            }
            let ty = a.ty.clone();
            self.mk(
                e,
                ExprKind::IfExp(Box::new(test), Box::new(a), Box::new(b)),
                ty,
            )
        })
    }

    /// An expression that must produce a value; `hint` is the type the
    /// context expects (used to type empty displays like `[]`).
    pub(super) fn expr_value(&mut self, sc: &mut Scope, e: &AExpr, hint: Option<&Ty>) -> R<Expr> {
        let v = self.expr(sc, e, hint)?;
        if v.ty == Ty::None {
            return err(
                e,
                "this call returns None; its result cannot be used as a value",
            );
        }
        Ok(v)
    }

    /// An expression that must have type `want`.
    pub(super) fn expr_expect(&mut self, sc: &mut Scope, e: &AExpr, want: &Ty) -> R<Expr> {
        let v = self.expr_value(sc, e, Some(want))?;
        if v.ty != *want {
            return Err(CompileError::new(
                span(e),
                format!("expected {}, found {}", want.name(), v.ty.name()),
            )
            .with_help(type_fix_help(want, &v.ty))
            .into());
        }
        Ok(v)
    }

    pub(super) fn truthy(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        let v = self.expr_value(sc, e, None)?;
        Ok(self.truthy_of(v))
    }

    /// A conversion node around `v`, at `v`'s location.
    pub(super) fn wrap(v: Expr, ty: Ty, kind: impl FnOnce(Box<Expr>) -> ExprKind) -> Expr {
        let (line, col) = (v.line, v.col);
        Expr {
            kind: kind(Box::new(v)),
            ty,
            line,
            col,
        }
    }

    pub(super) fn truthy_of(&self, v: Expr) -> Expr {
        if v.ty == Ty::Bool {
            return v;
        }
        Self::wrap(v, Ty::Bool, ExprKind::Truthy)
    }

    pub(super) fn bool_to_int(&self, v: Expr) -> Expr {
        Self::wrap(v, Ty::Int, ExprKind::BoolToInt)
    }

    pub(super) fn to_float(&self, v: Expr) -> Expr {
        if v.ty == Ty::Float {
            return v;
        }
        Self::wrap(v, Ty::Float, ExprKind::ToFloat)
    }

    pub(super) fn to_str(&self, v: Expr) -> Expr {
        if v.ty == Ty::Str {
            return v;
        }
        Self::wrap(v, Ty::Str, |b| ExprKind::Builtin(Builtin::Str, vec![*b]))
    }

    pub(super) fn int_index(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        let v = self.expr_value(sc, e, None)?;
        match v.ty {
            Ty::Int => Ok(v),
            Ty::Bool => Ok(self.bool_to_int(v)),
            ref t => err(
                e,
                format!("indices must be integers, not '{}'", t.kind_name()),
            ),
        }
    }

    /// Element type of a display: from the hint, else from the first element.
    pub(super) fn elements(
        &mut self,
        sc: &mut Scope,
        elts: &[AExpr],
        hint: Option<&Ty>,
        what: &str,
        at: &AExpr,
    ) -> R<(Vec<Expr>, Ty)> {
        let mut out = Vec::new();
        let mut ty = hint.cloned();
        for el in elts {
            if let AExpr::Starred(_) = el {
                return err(el, "starred elements are not supported yet");
            }
            let v = match &ty {
                Some(t) if hint.is_some() => self.expr_expect(sc, el, &t.clone())?,
                Some(t) => {
                    let t = t.clone();
                    let v = self.expr_value(sc, el, Some(&t))?;
                    if v.ty != t {
                        return Err(CompileError::new(
                            span(el),
                            format!("{what} elements have different types: {} and {}", t.name(), v.ty.name()),
                        )
                        .with_help(format!(
                            "a {what} holds one type; annotate it (e.g. {what}[float]) and convert the elements"
                        )).into());
                    }
                    v
                }
                None => self.expr_value(sc, el, None)?,
            };
            if ty.is_none() {
                ty = Some(v.ty.clone());
            }
            out.push(v);
        }
        match ty {
            Some(t) => Ok((out, t)),
            None => Err(CompileError::new(
                span(at),
                format!("cannot infer the element type of an empty {what}"),
            )
            .with_help(format!(
                "annotate the variable, e.g. `xs: {what}[int] = {}`",
                &self.src[span(at)]
            ))
            .into()),
        }
    }

    pub(super) fn compare(&mut self, sc: &mut Scope, e: &AExpr, c: &ast::ExprCompare) -> R<Expr> {
        if c.ops
            .iter()
            .any(|o| matches!(o, ast::CmpOp::In | ast::CmpOp::NotIn))
        {
            if c.ops.len() != 1 {
                return err(e, "'in' in a chained comparison is not supported yet");
            }
            let negate = matches!(c.ops[0], ast::CmpOp::NotIn);
            if let AExpr::Call(call) = &c.comparators[0] {
                if matches!(&*call.func, AExpr::Name(n) if self.is_builtin(n, "range")) {
                    let item = self.int_index(sc, &c.left).map_err(|_| {
                        CompileError::new(
                            span(&*c.left),
                            "`in range(...)` is only supported for an int (or bool)",
                        )
                    })?;
                    let (start, stop, step) = self.range_args(sc, &c.comparators[0])?;
                    return Ok(self.mk(
                        e,
                        ExprKind::InRange {
                            item: Box::new(item),
                            start: Box::new(start),
                            stop: Box::new(stop),
                            step: Box::new(step),
                            negate,
                        },
                        Ty::Bool,
                    ));
                }
            }
            let container = self.in_container(sc, &c.comparators[0])?;
            let item_ty = match &container.ty {
                Ty::List(t) | Ty::Set(t) => (**t).clone(),
                Ty::Dict(k, _) => (**k).clone(),
                Ty::Str => Ty::Str,
                Ty::Tuple(ts) if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) => ts[0].clone(),
                t => {
                    return err(
                        &c.comparators[0],
                        format!("argument of type '{}' is not iterable", t.kind_name()),
                    )
                }
            };
            let item = self.expr_expect(sc, &c.left, &item_ty)?;
            let negate = matches!(c.ops[0], ast::CmpOp::NotIn);
            return Ok(self.mk(
                e,
                ExprKind::In {
                    item: Box::new(item),
                    container: Box::new(container),
                    negate,
                },
                Ty::Bool,
            ));
        }
        // `[] < [0]`: an empty display takes its type from the other side.
        let empty_left = match &*c.left {
            AExpr::List(l) => l.elts.is_empty(),
            AExpr::Dict(d) => d.items.is_empty(),
            _ => false,
        };
        let mut first_right = None;
        let left = if empty_left {
            let r = self.expr_value(sc, &c.comparators[0], None)?;
            let l = self.expr_value(sc, &c.left, Some(&r.ty))?;
            first_right = Some(r);
            l
        } else {
            self.expr_value(sc, &c.left, None)?
        };
        let mut prev_ty = left.ty.clone();
        let mut pairs = Vec::new();
        for (op, rhs) in c.ops.iter().zip(c.comparators.iter()) {
            let hint = if prev_ty.is_numeric() {
                None
            } else {
                Some(prev_ty.clone())
            };
            let r = match first_right.take() {
                Some(r) => r,
                None => self.expr_value(sc, rhs, hint.as_ref())?,
            };
            let cop = match op {
                ast::CmpOp::Eq => CmpOp::Eq,
                ast::CmpOp::NotEq => CmpOp::Ne,
                ast::CmpOp::Lt => CmpOp::Lt,
                ast::CmpOp::LtE => CmpOp::Le,
                ast::CmpOp::Gt => CmpOp::Gt,
                ast::CmpOp::GtE => CmpOp::Ge,
                ast::CmpOp::Is | ast::CmpOp::IsNot => {
                    return err(e, "'is' comparisons are not supported yet; use ==")
                }
                ast::CmpOp::In | ast::CmpOp::NotIn => unreachable!(),
            };
            let ok = comparable(&prev_ty, &r.ty, cop);
            if !ok {
                if prev_ty == r.ty {
                    return err(
                        e,
                        format!(
                            "'{}' not supported between instances of '{}' and '{}'",
                            op.as_str(),
                            prev_ty.kind_name(),
                            r.ty.kind_name()
                        ),
                    );
                }
                return err(
                    e,
                    format!(
                        "cannot compare {} and {} with '{}'",
                        prev_ty.name(),
                        r.ty.name(),
                        op.as_str()
                    ),
                );
            }
            prev_ty = r.ty.clone();
            pairs.push((cop, r));
        }
        Ok(self.mk(e, ExprKind::Compare(Box::new(left), pairs), Ty::Bool))
    }

    /// The right side of `in`: a value, or a dict view (`d.keys()` is the
    /// dict itself; values() and items() are searched as lists).
    pub(super) fn in_container(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        if let AExpr::Call(call) = e {
            if let AExpr::Attribute(at) = &*call.func {
                if matches!(at.attr.id.as_str(), "keys" | "values" | "items")
                    && call.arguments.args.is_empty()
                {
                    let it = self.iter_of(sc, e)?;
                    if let IterKind::DictKeys(d) = it.kind {
                        return Ok(*d);
                    }
                    let ty = Ty::List(Box::new(it.elem.clone()));
                    return Ok(self.mk(
                        e,
                        ExprKind::Reduce {
                            op: Reduce::List,
                            iter: Box::new(it),
                            key: None,
                            reverse: None,
                            start: None,
                        },
                        ty,
                    ));
                }
            }
        }
        self.expr_value(sc, e, None)
    }

    pub(super) fn const_int(e: &AExpr) -> Option<i64> {
        match e {
            AExpr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => i.as_i64(),
                _ => None,
            },
            AExpr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => {
                Self::const_int(&u.operand).map(|v| -v)
            }
            _ => None,
        }
    }

    pub(super) fn subscript(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        s: &ast::ExprSubscript,
    ) -> R<Expr> {
        let obj = self.expr_value(sc, &s.value, None)?;
        if let AExpr::Slice(sl) = &*s.slice {
            if let Ty::Tuple(ts) = &obj.ty {
                let c = |x: &Option<Box<AExpr>>| -> Result<Option<i64>, ()> {
                    match x {
                        None => Ok(None),
                        Some(v) => Self::const_int(v).map(Some).ok_or(()),
                    }
                };
                let (Ok(lo), Ok(hi), Ok(st)) = (c(&sl.lower), c(&sl.upper), c(&sl.step)) else {
                    return err(&*s.slice, "a tuple can only be sliced with constant bounds");
                };
                let n = ts.len() as i64;
                let Some(idx) = slice_indices(n, lo, hi, st) else {
                    // A zero step: ValueError when this runs, as in CPython.
                    return Ok(self.mk(
                        e,
                        ExprKind::Fail {
                            exc: "ValueError",
                            msg: "slice step cannot be zero",
                            value: Box::new(obj),
                        },
                        Ty::Tuple(vec![]),
                    ));
                };
                let ty = Ty::Tuple(idx.iter().map(|&i| ts[i].clone()).collect());
                return Ok(self.mk(e, ExprKind::TupleSlice(Box::new(obj), idx), ty));
            }
            if !matches!(obj.ty, Ty::List(_) | Ty::Str) {
                return err(
                    &*s.value,
                    format!(
                        "'{}' object is not subscriptable with a slice",
                        obj.ty.kind_name()
                    ),
                );
            }
            let mut part = |x: &Option<Box<AExpr>>| -> R<Option<Box<Expr>>> {
                match x {
                    None => Ok(None),
                    Some(v) => Ok(Some(Box::new(self.int_index(sc, v)?))),
                }
            };
            let lo = part(&sl.lower)?;
            let hi = part(&sl.upper)?;
            let step = part(&sl.step)?;
            let ty = obj.ty.clone();
            return Ok(self.mk(
                e,
                ExprKind::Slice {
                    obj: Box::new(obj),
                    lo,
                    hi,
                    step,
                },
                ty,
            ));
        }
        match obj.ty.clone() {
            Ty::List(t) => {
                let i = self.int_index(sc, &s.slice)?;
                Ok(self.mk(e, ExprKind::Index(Box::new(obj), Box::new(i)), *t))
            }
            Ty::Str => {
                let i = self.int_index(sc, &s.slice)?;
                Ok(self.mk(e, ExprKind::Index(Box::new(obj), Box::new(i)), Ty::Str))
            }
            Ty::Dict(k, v) => {
                let key = self.expr_expect(sc, &s.slice, &k)?;
                Ok(self.mk(e, ExprKind::Index(Box::new(obj), Box::new(key)), *v))
            }
            Ty::Tuple(ts) => {
                if let Some(i) = Self::const_int(&s.slice) {
                    let n = ts.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j >= 0 && j < n {
                        return Ok(self.mk(
                            e,
                            ExprKind::Field(Box::new(obj), j as usize),
                            ts[j as usize].clone(),
                        ));
                    }
                }
                if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) {
                    let i = self.int_index(sc, &s.slice)?;
                    return Ok(self.mk(
                        e,
                        ExprKind::Index(Box::new(obj), Box::new(i)),
                        ts[0].clone(),
                    ));
                }
                err(
                    &*s.slice,
                    format!(
                        "a {} can only be indexed with a constant in range",
                        obj.ty.name()
                    ),
                )
            }
            t => err(
                &*s.value,
                format!("'{}' object is not subscriptable", t.kind_name()),
            ),
        }
    }

    pub(super) fn binary(
        &mut self,
        op: ast::Operator,
        l: Expr,
        r: Expr,
        at: impl Ranged + Copy,
        line: u32,
        col: u32,
    ) -> R<Expr> {
        use Ty::*;
        let opstr = op.as_str();
        let bad = |l: &Expr, r: &Expr| -> R<Expr> {
            err(
                at,
                format!(
                    "unsupported operand types for {opstr}: '{}' and '{}'",
                    l.ty.kind_name(),
                    r.ty.kind_name()
                ),
            )
        };
        let mk = |kind, ty| Expr {
            kind,
            ty,
            line,
            col,
        };
        let Some(bop) = binop_of(op) else {
            return bad(&l, &r);
        };
        // Containers and strings.
        match (&l.ty, &r.ty, bop) {
            (Str, Str, BinOp::Add) => {
                return Ok(mk(
                    ExprKind::Binary(BinOp::Add, Box::new(l), Box::new(r)),
                    Str,
                ))
            }
            (Str | List(_), Int | Bool, BinOp::Mul) => {
                let ty = l.ty.clone();
                let r = if r.ty == Bool { self.bool_to_int(r) } else { r };
                return Ok(mk(
                    ExprKind::Binary(BinOp::Mul, Box::new(l), Box::new(r)),
                    ty,
                ));
            }
            (Int | Bool, Str | List(_), BinOp::Mul) => {
                // n * seq: the operands stay in order (evaluated left first).
                let ty = r.ty.clone();
                let l = if l.ty == Bool { self.bool_to_int(l) } else { l };
                return Ok(mk(
                    ExprKind::Binary(BinOp::Mul, Box::new(l), Box::new(r)),
                    ty,
                ));
            }
            (List(a), List(b), BinOp::Add) if a == b => {
                let ty = l.ty.clone();
                return Ok(mk(
                    ExprKind::Binary(BinOp::Add, Box::new(l), Box::new(r)),
                    ty,
                ));
            }
            (Tuple(a), Tuple(b), BinOp::Add) => {
                let ty = Tuple(a.iter().chain(b.iter()).cloned().collect());
                return Ok(mk(
                    ExprKind::Binary(BinOp::Add, Box::new(l), Box::new(r)),
                    ty,
                ));
            }
            (Set(a), Set(b), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
                if a == b =>
            {
                let m = match bop {
                    BinOp::BitOr => Method::SetOr,
                    BinOp::BitAnd => Method::SetAnd,
                    BinOp::Sub => Method::SetSub,
                    _ => Method::SetXor,
                };
                let ty = l.ty.clone();
                return Ok(mk(ExprKind::Method(m, vec![l, r]), ty));
            }
            _ => {}
        }
        if !l.ty.is_numeric() || !r.ty.is_numeric() {
            return bad(&l, &r);
        }
        // bool & | ^ bool stays bool.
        if l.ty == Bool
            && r.ty == Bool
            && matches!(bop, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor)
        {
            return Ok(mk(ExprKind::Binary(bop, Box::new(l), Box::new(r)), Bool));
        }
        let l = if l.ty == Bool { self.bool_to_int(l) } else { l };
        let r = if r.ty == Bool { self.bool_to_int(r) } else { r };
        match (&l.ty, &r.ty) {
            (Int, Int) => {
                let ty = if bop == BinOp::Div { Float } else { Int };
                if bop == BinOp::Pow {
                    if let ExprKind::Int(v) = r.kind {
                        if v < 0 {
                            return Err(CompileError::new(span(at), "negative exponent in int ** int is not supported (CPython returns a float)").with_help("use a float base, e.g. 2.0 ** -1").into());
                        }
                    }
                }
                Ok(mk(ExprKind::Binary(bop, Box::new(l), Box::new(r)), ty))
            }
            _ => {
                if matches!(
                    bop,
                    BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
                ) {
                    return bad(&l, &r);
                }
                let l = self.to_float(l);
                let r = self.to_float(r);
                Ok(mk(ExprKind::Binary(bop, Box::new(l), Box::new(r)), Float))
            }
        }
    }
}

pub(super) fn binop_of(op: ast::Operator) -> Option<BinOp> {
    Some(match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::Div => BinOp::Div,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitAnd => BinOp::BitAnd,
        ast::Operator::BitOr => BinOp::BitOr,
        ast::Operator::BitXor => BinOp::BitXor,
        ast::Operator::MatMult => return None,
    })
}
/// Indices selected by `[lo:hi:step]` on a sequence of length n (Python's
/// slice.indices), or None for a zero step.
pub(super) fn slice_indices(
    n: i64,
    lo: Option<i64>,
    hi: Option<i64>,
    step: Option<i64>,
) -> Option<Vec<usize>> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return None;
    }
    let clamp = |v: i64, lo_b: i64, hi_b: i64| v.max(lo_b).min(hi_b);
    let norm = |v: i64| if v < 0 { v + n } else { v };
    let (start, stop) = if step > 0 {
        (
            lo.map(|v| clamp(norm(v), 0, n)).unwrap_or(0),
            hi.map(|v| clamp(norm(v), 0, n)).unwrap_or(n),
        )
    } else {
        (
            lo.map(|v| clamp(norm(v), -1, n - 1)).unwrap_or(n - 1),
            hi.map(|v| clamp(norm(v), -1, n - 1)).unwrap_or(-1),
        )
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Some(out)
}
/// Whether `a op b` is defined between values of these types. Tuples of
/// different shapes compare pairwise over their common prefix (each pair
/// must support `==` and, for an ordering, `op`), then by length.
pub(super) fn comparable(a: &Ty, b: &Ty, op: CmpOp) -> bool {
    let ordering = !matches!(op, CmpOp::Eq | CmpOp::Ne);
    if a.is_numeric() && b.is_numeric() {
        true
    } else if a == b {
        !ordering || a.is_orderable() || matches!(a, Ty::Set(_))
    } else if let (Ty::Tuple(xs), Ty::Tuple(ys)) = (a, b) {
        xs.iter()
            .zip(ys)
            .all(|(x, y)| comparable(x, y, CmpOp::Eq) && comparable(x, y, op))
    } else {
        false
    }
}
pub(super) fn type_fix_help(want: &Ty, have: &Ty) -> String {
    match (want, have) {
        (Ty::Float, Ty::Int) => "mgen never converts an int to float implicitly (CPython would keep it an int); write a float literal like 1.0 or float(x)".into(),
        (Ty::Int, Ty::Bool) => "write int(x) to convert the bool".into(),
        (Ty::Str, _) => "write str(x) to convert".into(),
        (Ty::Int, Ty::Float) => "write int(x) to truncate".into(),
        _ => format!("convert it to {}", want.name()),
    }
}
pub(super) fn unsupported_expr(e: &AExpr) -> Option<&'static str> {
    Some(match e {
        AExpr::Lambda(_) => "lambda is only supported as a key= argument (sort, sorted, min, max)",
        AExpr::Generator(_) => "generator expressions are only supported where an iterable is consumed (sum, join, sorted, ...)",
        AExpr::Named(_) => "assignment expressions (:=) are not supported yet",
        AExpr::Await(_) | AExpr::Yield(_) | AExpr::YieldFrom(_) => {
            "generators and async are not supported"
        }
        AExpr::TString(_) => "template strings are not supported",
        AExpr::BytesLiteral(_) => "bytes are not supported yet",
        AExpr::EllipsisLiteral(_) => "`...` is not supported",
        AExpr::Attribute(_) => "attribute access is not supported yet (methods are called directly: s.upper())",
        AExpr::Starred(_) => "starred expressions are not supported yet",
        AExpr::Slice(_) => "a slice is only valid inside [ ]",
        AExpr::NoneLiteral(_) => "None is only supported as a return type",
        AExpr::IpyEscapeCommand(_) => "IPython escape commands are not Python",
        _ => return None,
    })
}
