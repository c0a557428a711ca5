//! Statements (dispatched from `Checker::stmt` in the hub).

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn expr_stmt(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        e: &ast::StmtExpr,
    ) -> R<Option<Stmt>> {
        let kind = {
            if let AExpr::StringLiteral(_) = &*e.value {
                return Ok(None); // docstring or bare string: no effect
            }
            if let AExpr::Call(call) = &*e.value {
                if let AExpr::Name(n) = &*call.func {
                    if self.is_builtin(n, "print") {
                        return Ok(Some(self.print(sc, s, call)?));
                    }
                }
            }
            let v = self.expr(sc, &e.value, None)?;
            StmtKind::Expr(v)
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn global(&mut self, sc: &mut Scope, g: &ast::StmtGlobal) -> R<Option<Stmt>> {
        if sc.is_module {
            return Ok(None);
        }
        for n in &g.names {
            let assigned = self
                .def_of(n)
                .is_some_and(|d| matches!(self.slots[d], Some(Slot::Place(Place::Global(_)))));
            if !assigned {
                return err(
                    n,
                    format!("global '{}' must first be assigned at module level", n.id),
                );
            }
        }
        return Ok(None);
    }

    pub(super) fn ann_assign(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        a: &ast::StmtAnnAssign,
    ) -> R<Option<Stmt>> {
        let kind = {
            let AExpr::Name(name) = &*a.target else {
                return err(&*a.target, "only simple names can be annotated");
            };
            let ty = self.annotation(&a.annotation)?;
            if ty == Ty::None {
                return err(&*a.annotation, "a variable cannot have type None");
            }
            if let Some(have) = self.declared_type(sc, name) {
                if have != ty {
                    return err(
                        &*a.annotation,
                        format!("variable '{}' already has type {}", name.id, have.name()),
                    );
                }
            }
            match &a.value {
                None => {
                    if let Some(d) = self.def_of(name) {
                        sc.annotated.insert(d, ty.clone());
                    }
                    self.assign_place(sc, name, &ty, &*a.annotation)?;
                    return Ok(None);
                }
                Some(v) => {
                    let val = self.expr_expect(sc, v, &ty)?;
                    let place = self.assign_place(sc, name, &ty, &**v)?;
                    StmtKind::Assign(Target::Place(place), val)
                }
            }
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn assign(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        a: &ast::StmtAssign,
    ) -> R<Option<Stmt>> {
        let kind = {
            if a.targets.len() != 1 {
                return err(s, "chained assignment (a = b = x) is not supported yet");
            }
            let target = &a.targets[0];
            match target {
                AExpr::Name(name) => {
                    let hint = self.declared_type(sc, name);
                    let val = self.expr_value(sc, &a.value, hint.as_ref())?;
                    let place = self.assign_place(sc, name, &val.ty, &*a.value)?;
                    StmtKind::Assign(Target::Place(place), val)
                }
                AExpr::Tuple(ast::ExprTuple { elts: tgts, .. })
                | AExpr::List(ast::ExprList { elts: tgts, .. }) => {
                    if let AExpr::Tuple(vals) = &*a.value {
                        if vals.elts.len() == tgts.len()
                            && tgts
                                .iter()
                                .all(|t| matches!(t, AExpr::Name(_) | AExpr::Subscript(_)))
                        {
                            // a, b = b, a + b / xs[i], xs[j] = xs[j], xs[i]:
                            // evaluate every value, then store left to right.
                            let mut values = Vec::new();
                            for (tgt, v) in tgts.iter().zip(vals.elts.iter()) {
                                let hint = match tgt {
                                    AExpr::Name(name) => self.declared_type(sc, name),
                                    _ => None,
                                };
                                let val = self.expr_value(sc, v, hint.as_ref())?;
                                values.push((tgt, val, v));
                            }
                            let mut pairs = Vec::new();
                            for (tgt, val, v) in values {
                                let t = match tgt {
                                    AExpr::Subscript(sub) => {
                                        let obj = self.expr_value(sc, &sub.value, None)?;
                                        let (index, elem) = self.item_target(sc, &obj, sub)?;
                                        if val.ty != elem {
                                            return err(
                                                v,
                                                format!(
                                                    "expected {}, found {}",
                                                    elem.name(),
                                                    val.ty.name()
                                                ),
                                            );
                                        }
                                        Target::Item(Box::new(obj), Box::new(index))
                                    }
                                    _ => self.bind_target(sc, tgt, &val.ty)?,
                                };
                                pairs.push((t, val));
                            }
                            StmtKind::MultiAssign(pairs)
                        } else {
                            let val = self.expr_value(sc, &a.value, None)?;
                            let t = self.bind_target(sc, target, &val.ty)?;
                            StmtKind::Assign(t, val)
                        }
                    } else {
                        let val = self.expr_value(sc, &a.value, None)?;
                        let t = self.bind_target(sc, target, &val.ty)?;
                        StmtKind::Assign(t, val)
                    }
                }
                AExpr::Subscript(sub) => {
                    let obj = self.expr_value(sc, &sub.value, None)?;
                    if let (AExpr::Slice(sl), Ty::List(et)) = (&*sub.slice, &obj.ty) {
                        let et = (**et).clone();
                        let value = self.list_of_iterable(sc, &a.value, &et)?;
                        let (lo, hi, step) = self.slice_bounds(sc, sl)?;
                        return Ok(Some(self.mk_stmt(
                            s,
                            StmtKind::SetSlice {
                                obj,
                                lo,
                                hi,
                                step,
                                value,
                            },
                        )));
                    }
                    let (index, elem) = self.item_target(sc, &obj, sub)?;
                    let value = self.expr_expect(sc, &a.value, &elem)?;
                    StmtKind::SetItem { obj, index, value }
                }
                AExpr::Attribute(_) => {
                    return err(target, "attribute assignment is not supported yet")
                }
                other => return err(other, "cannot assign to this expression"),
            }
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn aug_assign(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        a: &ast::StmtAugAssign,
    ) -> R<Option<Stmt>> {
        let kind = match &*a.target {
            AExpr::Name(name) => {
                let cur = self.load_name(sc, name)?;
                let (line, col) = self.line_col(s);
                let val = match self.inplace_operand(sc, a.op, &cur.ty, &a.value)? {
                    Some((op, rhs)) => {
                        let ty = cur.ty.clone();
                        Expr {
                            kind: ExprKind::InPlace(op, Box::new(cur), Box::new(rhs)),
                            ty,
                            line,
                            col,
                        }
                    }
                    None => {
                        let rhs = self.expr_value(sc, &a.value, None)?;
                        self.binary(a.op, cur, rhs, s, line, col)?
                    }
                };
                let place = self.assign_place(sc, name, &val.ty, s)?;
                StmtKind::Assign(Target::Place(place), val)
            }
            AExpr::Subscript(sub) => {
                let obj = self.expr_value(sc, &sub.value, None)?;
                let (index, elem) = self.item_target(sc, &obj, sub)?;
                if let Some((op, value)) = self.inplace_operand(sc, a.op, &elem, &a.value)? {
                    // The item is mutated in place, then stored back.
                    return Ok(Some(self.mk_stmt(
                        s,
                        StmtKind::AugSetItem {
                            obj,
                            index,
                            op,
                            value,
                        },
                    )));
                }
                let rhs = self.expr_value(sc, &a.value, None)?;
                let (line, col) = self.line_col(s);
                // Type-check `elem op rhs` with a stand-in for the element.
                let stand_in = Expr {
                    kind: ExprKind::Int(0),
                    ty: elem.clone(),
                    line,
                    col,
                };
                let val = self.binary(a.op, stand_in, rhs.clone(), s, line, col)?;
                if val.ty != elem {
                    return err(
                        s,
                        format!(
                            "this item has type {}; cannot assign {}",
                            elem.name(),
                            val.ty.name()
                        ),
                    );
                }
                let op = binop_of(a.op)
                    .ok_or_else(|| CompileError::new(span(s), "unsupported operator"))?;
                // `rhs` may have been converted by `binary`; re-derive it.
                let value = match val.kind {
                    ExprKind::Binary(_, _, r) => *r,
                    _ => {
                        return err(
                            s,
                            "this augmented assignment on an item is not supported yet",
                        )
                    }
                };
                StmtKind::AugSetItem {
                    obj,
                    index,
                    op,
                    value,
                }
            }
            other => {
                return err(
                    other,
                    "augmented assignment is only supported on names and items",
                )
            }
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn delete(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        d: &ast::StmtDelete,
    ) -> R<Option<Stmt>> {
        let kind = {
            if d.targets.len() != 1 {
                return err(
                    s,
                    "del of several targets is not supported yet; use one del per target",
                );
            }
            let AExpr::Subscript(sub) = &d.targets[0] else {
                return err(&d.targets[0], "only `del container[index]` is supported");
            };
            let obj = self.expr_value(sc, &sub.value, None)?;
            if let AExpr::Slice(sl) = &*sub.slice {
                if !matches!(obj.ty, Ty::List(_)) {
                    return err(
                        &*sub.value,
                        format!(
                            "'{}' object doesn't support item deletion",
                            obj.ty.kind_name()
                        ),
                    );
                }
                let (lo, hi, step) = self.slice_bounds(sc, sl)?;
                return Ok(Some(
                    self.mk_stmt(s, StmtKind::DelSlice { obj, lo, hi, step }),
                ));
            }
            let index = match &obj.ty {
                Ty::List(_) => self.int_index(sc, &sub.slice)?,
                Ty::Dict(k, _) => self.expr_expect(sc, &sub.slice, &k.clone())?,
                t => {
                    return err(
                        &*sub.value,
                        format!("'{}' object doesn't support item deletion", t.kind_name()),
                    )
                }
            };
            StmtKind::DelItem { obj, index }
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn if_stmt(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        i: &ast::StmtIf,
    ) -> R<Option<Stmt>> {
        let kind = {
            let test = self.truthy(sc, &i.test)?;
            let body = self.block(sc, &i.body);
            let mut orelse: Vec<Stmt> = Vec::new();
            for clause in i.elif_else_clauses.iter().rev() {
                let b = self.block(sc, &clause.body);
                match &clause.test {
                    None => orelse = b,
                    Some(t) => {
                        let tst = self.truthy(sc, t)?;
                        let st = self.mk_stmt(clause, StmtKind::If(tst, b, orelse));
                        orelse = vec![st];
                    }
                }
            }
            StmtKind::If(test, body, orelse)
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn while_stmt(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        w: &ast::StmtWhile,
    ) -> R<Option<Stmt>> {
        let kind = {
            let test = self.truthy(sc, &w.test)?;
            sc.loop_depth += 1;
            let body = self.block(sc, &w.body);
            sc.loop_depth -= 1;
            let orelse = self.block(sc, &w.orelse);
            StmtKind::While { test, body, orelse }
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn for_stmt(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        f: &ast::StmtFor,
    ) -> R<Option<Stmt>> {
        let kind = {
            if f.is_async {
                return err(s, "async for is not supported");
            }
            let iter = self.iter_of(sc, &f.iter)?;
            let target = self.bind_target(sc, &f.target, &iter.elem)?;
            sc.loop_depth += 1;
            let body = self.block(sc, &f.body);
            sc.loop_depth -= 1;
            let orelse = self.block(sc, &f.orelse);
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            }
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn break_stmt(&mut self, sc: &mut Scope, s: &AStmt) -> R<Option<Stmt>> {
        let kind = {
            if sc.loop_depth == 0 {
                return err(s, "'break' outside loop");
            }
            StmtKind::Break
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn continue_stmt(&mut self, sc: &mut Scope, s: &AStmt) -> R<Option<Stmt>> {
        let kind = {
            if sc.loop_depth == 0 {
                return err(s, "'continue' not properly in loop");
            }
            StmtKind::Continue
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn return_stmt(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        r: &ast::StmtReturn,
    ) -> R<Option<Stmt>> {
        let kind = {
            if sc.is_module {
                return err(s, "'return' outside function");
            }
            match &r.value {
                None => {
                    if sc.ret != Ty::None {
                        return err(
                            s,
                            format!(
                                "{}() is declared to return {}, but this returns None",
                                sc.fname,
                                sc.ret.name()
                            ),
                        );
                    }
                    StmtKind::Return(None)
                }
                Some(v) => {
                    if sc.ret == Ty::None {
                        return Ok(None); // reported once per function in `function`
                    }
                    let ret = sc.ret.clone();
                    let val = self.expr_value(sc, v, Some(&ret))?;
                    if val.ty != ret {
                        return Err(CompileError::new(
                            span(s),
                            format!(
                                "{}() is declared to return {}, but this returns {}",
                                sc.fname,
                                ret.name(),
                                val.ty.name()
                            ),
                        )
                        .with_help(type_fix_help(&ret, &val.ty))
                        .into());
                    }
                    StmtKind::Return(Some(val))
                }
            }
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    pub(super) fn assert_stmt(
        &mut self,
        sc: &mut Scope,
        s: &AStmt,
        a: &ast::StmtAssert,
    ) -> R<Option<Stmt>> {
        let kind = {
            let test = self.truthy(sc, &a.test)?;
            let msg = match &a.msg {
                Some(m) => {
                    let v = self.expr_value(sc, m, None)?;
                    Some(self.to_str(v))
                }
                None => None,
            };
            StmtKind::Assert(test, msg)
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    /// An import statement: the loader found (or reported) its modules;
    /// none can be used yet.
    pub(super) fn import(&mut self, s: &AStmt) -> R<Option<Stmt>> {
        let mut first = None;
        for imp in self.graph.imports_at(self.module_id, s.range().start()) {
            let e = match imp.target {
                ImportTarget::Module(_) => CompileError::new(
                    span(imp.range),
                    format!("importing modules is not supported yet (module '{}')", imp.name),
                )
                .with_help("mgen compiles one file for now: move what this program needs into it"),
                ImportTarget::Typing => CompileError::new(
                    span(imp.range),
                    "the typing module is not supported yet",
                )
                .with_help("annotate with the builtin types: int, float, bool, str, list[int], dict[str, int], set[str], tuple[int, str]"),
                ImportTarget::Future => CompileError::new(
                    span(imp.range),
                    "`from __future__ import` is not supported yet",
                ),
                // Reported by the loader.
                ImportTarget::Stdlib | ImportTarget::Failed => continue,
            };
            match first {
                None => first = Some(e),
                Some(_) => self.errors.push(e),
            }
        }
        match first {
            Some(e) => Err(e.into()),
            // Reported by the loader: the names it binds are poisoned.
            None if self
                .graph
                .imports_at(self.module_id, s.range().start())
                .next()
                .is_some() =>
            {
                Err(Fail::Poisoned)
            }
            None => Ok(None),
        }
    }

    pub(super) fn print(&mut self, sc: &mut Scope, s: &AStmt, call: &ast::ExprCall) -> R<Stmt> {
        let mut args = Vec::new();
        for a in call.arguments.args.iter() {
            if let AExpr::Starred(_) = a {
                return err(a, "starred arguments are not supported yet");
            }
            args.push(self.expr_value(sc, a, None)?);
        }
        let mut sep = None;
        let mut end = None;
        for k in call.arguments.keywords.iter() {
            let Some(name) = &k.arg else {
                return err(k, "**kwargs arguments are not supported");
            };
            let v = self.expr_expect(sc, &k.value, &Ty::Str)?;
            match name.id.as_str() {
                "sep" => sep = Some(v),
                "end" => end = Some(v),
                "file" | "flush" => {
                    return err(k, format!("print(..., {}=) is not supported yet", name.id))
                }
                other => {
                    return err(
                        k,
                        format!("'{other}' is an invalid keyword argument for print()"),
                    )
                }
            }
        }
        Ok(self.mk_stmt(s, StmtKind::Print { args, sep, end }))
    }

    /// `target op= value` where the target is a mutable container with an
    /// in-place operator (`list.__iadd__` takes any iterable, `__imul__` an
    /// int, `set.__ior__` & co. a set of the same type): the operator and the
    /// checked right operand. None when the operation is an ordinary binary
    /// one (immutable values, or no in-place form).
    pub(super) fn inplace_operand(
        &mut self,
        sc: &mut Scope,
        op: ast::Operator,
        target: &Ty,
        value: &AExpr,
    ) -> R<Option<(BinOp, Expr)>> {
        Ok(match (target, op) {
            (Ty::List(et), ast::Operator::Add) => {
                let et = (**et).clone();
                Some((BinOp::Add, self.list_of_iterable(sc, value, &et)?))
            }
            (Ty::List(_), ast::Operator::Mult) => {
                let n = self.expr_value(sc, value, None)?;
                let n = match n.ty {
                    Ty::Int => n,
                    Ty::Bool => self.bool_to_int(n),
                    ref t => {
                        return err(
                            value,
                            format!(
                                "can't multiply sequence by non-int of type '{}'",
                                t.kind_name()
                            ),
                        )
                    }
                };
                Some((BinOp::Mul, n))
            }
            (
                Ty::Set(_),
                ast::Operator::BitOr
                | ast::Operator::BitAnd
                | ast::Operator::Sub
                | ast::Operator::BitXor,
            ) => {
                let rhs = self.expr_value(sc, value, Some(target))?;
                if rhs.ty != *target {
                    return err(
                        value,
                        format!(
                            "unsupported operand types for {}=: '{}' and '{}'",
                            op.as_str(),
                            target.name(),
                            rhs.ty.name()
                        ),
                    );
                }
                Some((binop_of(op).expect("set operator"), rhs))
            }
            _ => None,
        })
    }

    /// For `obj[i] = v` and `obj[i] op= v`: the index and the item type.
    pub(super) fn item_target(
        &mut self,
        sc: &mut Scope,
        obj: &Expr,
        sub: &ast::ExprSubscript,
    ) -> R<(Expr, Ty)> {
        if let AExpr::Slice(_) = &*sub.slice {
            return err(&*sub.slice, "assigning to a slice is not supported yet");
        }
        match &obj.ty {
            Ty::List(t) => Ok((self.int_index(sc, &sub.slice)?, (**t).clone())),
            Ty::Dict(k, v) => {
                let k = (**k).clone();
                Ok((self.expr_expect(sc, &sub.slice, &k)?, (**v).clone()))
            }
            t => err(
                &*sub.value,
                format!(
                    "'{}' object does not support item assignment",
                    t.kind_name()
                ),
            ),
        }
    }

    /// The bounds of `[lo:hi:step]` as ints (a literal zero step is an error).
    #[allow(clippy::type_complexity)]
    pub(super) fn slice_bounds(
        &mut self,
        sc: &mut Scope,
        sl: &ast::ExprSlice,
    ) -> R<(Option<Expr>, Option<Expr>, Option<Expr>)> {
        let mut part = |x: &Option<Box<AExpr>>| -> R<Option<Expr>> {
            match x {
                None => Ok(None),
                Some(v) => Ok(Some(self.int_index(sc, v)?)),
            }
        };
        let lo = part(&sl.lower)?;
        let hi = part(&sl.upper)?;
        let step = part(&sl.step)?;
        // A zero step raises ValueError when the statement runs (the
        // runtime checks), as in CPython.
        Ok((lo, hi, step))
    }
}
