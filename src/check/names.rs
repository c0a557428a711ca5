//! Names: binding assignment and loop targets, loading variables (module globals, function locals, comprehension and lambda variables).

use super::*;

impl<'a> Checker<'a> {
    /// A fresh local only code generated for this function can name
    /// (comprehension and lambda variables).
    pub(super) fn hidden_local(&self, sc: &mut Scope, name: &str, ty: Ty, line: u32) -> LocalId {
        let id = sc.locals.len();
        sc.locals.push(Var {
            name: name.to_string(),
            ty,
            line,
        });
        id
    }

    /// Resolve a name being assigned to; declares it with `ty` if new.
    pub(super) fn assign_place(
        &mut self,
        sc: &mut Scope,
        name: &ast::ExprName,
        ty: &Ty,
        value_range: impl Ranged,
    ) -> R<Place> {
        let n = name.id.as_str();
        let (line, _) = self.line_col(name);
        if *ty == Ty::None {
            return err(
                value_range,
                "this expression has no value (it returns None)",
            );
        }
        for scope in sc.inner.iter().rev() {
            if let Some(&l) = scope.get(n) {
                if sc.locals[l].ty != *ty {
                    return err(
                        value_range,
                        format!(
                            "variable '{n}' has type {}; cannot assign {}",
                            sc.locals[l].ty.name(),
                            ty.name()
                        ),
                    );
                }
                return Ok(Place::Local(l));
            }
        }
        let is_global = sc.is_module || sc.declared_global.contains(n);
        let existing = if is_global {
            self.global_index
                .get(n)
                .map(|&g| (Place::Global(g), self.globals[g].ty.clone()))
        } else {
            sc.local_index
                .get(n)
                .map(|&l| (Place::Local(l), sc.locals[l].ty.clone()))
        };
        if let Some((place, have)) = existing {
            if have != *ty {
                return Err(CompileError::new(span(value_range), format!("variable '{n}' has type {}; cannot assign {}", have.name(), ty.name()))
                    .with_help(format!("a variable keeps the type of its first assignment; use another name for the {} value, or convert it", ty.name())));
            }
            return Ok(place);
        }
        if is_global {
            if !sc.is_module {
                return err(
                    name,
                    format!("global '{n}' must first be assigned at module level"),
                );
            }
            let id = self.globals.len();
            self.globals.push(Var {
                name: n.to_string(),
                ty: ty.clone(),
                line,
            });
            self.global_index.insert(n.to_string(), id);
            Ok(Place::Global(id))
        } else {
            let id = sc.locals.len();
            sc.locals.push(Var {
                name: n.to_string(),
                ty: ty.clone(),
                line,
            });
            sc.local_index.insert(n.to_string(), id);
            Ok(Place::Local(id))
        }
    }

    /// The declared type of a name about to be assigned, if known.
    pub(super) fn declared_type(&self, sc: &Scope, n: &str) -> Option<Ty> {
        for scope in sc.inner.iter().rev() {
            if let Some(&l) = scope.get(n) {
                return Some(sc.locals[l].ty.clone());
            }
        }
        if let Some(t) = sc.annotated.get(n) {
            return Some(t.clone());
        }
        if sc.is_module || sc.declared_global.contains(n) {
            self.global_index
                .get(n)
                .map(|&g| self.globals[g].ty.clone())
        } else {
            sc.local_index.get(n).map(|&l| sc.locals[l].ty.clone())
        }
    }

    /// Bind an assignment / for target to values of type `ty`. In an inner
    /// scope (comprehension, lambda) names are fresh hidden locals.
    pub(super) fn bind_target(
        &mut self,
        sc: &mut Scope,
        t: &AExpr,
        ty: &Ty,
        fresh: bool,
    ) -> R<Target> {
        match t {
            AExpr::Name(n) => {
                if fresh {
                    let (line, _) = self.line_col(n);
                    let id = self.hidden_local(sc, &n.id, ty.clone(), line);
                    sc.inner
                        .last_mut()
                        .expect("inner scope")
                        .insert(n.id.to_string(), id);
                    return Ok(Target::Place(Place::Local(id)));
                }
                Ok(Target::Place(self.assign_place(sc, n, ty, t)?))
            }
            AExpr::Tuple(ast::ExprTuple { elts, .. }) | AExpr::List(ast::ExprList { elts, .. }) => {
                let mut parts = Vec::new();
                match ty {
                    Ty::Tuple(ts) => {
                        if ts.len() != elts.len() {
                            let msg = if ts.len() < elts.len() {
                                format!(
                                    "not enough values to unpack (expected {}, got {})",
                                    elts.len(),
                                    ts.len()
                                )
                            } else {
                                format!("too many values to unpack (expected {})", elts.len())
                            };
                            return err(t, format!("{msg}: the value is a {}", ty.name()));
                        }
                        for (e, et) in elts.iter().zip(ts) {
                            parts.push(self.bind_target(sc, e, et, fresh)?);
                        }
                    }
                    Ty::List(et) => {
                        for e in elts {
                            parts.push(self.bind_target(sc, e, et, fresh)?);
                        }
                    }
                    other => {
                        return err(
                            t,
                            format!("cannot unpack non-iterable {} object", other.kind_name()),
                        )
                    }
                }
                Ok(Target::Unpack(parts))
            }
            AExpr::Starred(_) => err(t, "starred assignment targets are not supported yet"),
            _ => err(t, "only names and tuples of names can be assigned here"),
        }
    }

    pub(super) fn load_name(&mut self, sc: &mut Scope, n: &ast::ExprName) -> R<Expr> {
        let name = n.id.as_str();
        for scope in sc.inner.iter().rev() {
            if let Some(&l) = scope.get(name) {
                let ty = sc.locals[l].ty.clone();
                return Ok(self.mk(n, ExprKind::Load(Place::Local(l)), ty));
            }
        }
        let global_lookup = |c: &Self| {
            c.global_index
                .get(name)
                .map(|&g| (Place::Global(g), c.globals[g].ty.clone()))
        };
        let found = if sc.is_module || sc.declared_global.contains(name) {
            global_lookup(self)
        } else if sc.assigned.contains(name) {
            match sc.local_index.get(name) {
                Some(&l) => Some((Place::Local(l), sc.locals[l].ty.clone())),
                None => {
                    return Err(CompileError::new(
                        span(n),
                        format!("local variable '{name}' is used before its type is known"),
                    )
                    .with_help(format!(
                        "declare it before this use, e.g. `{name}: int = 0`"
                    )))
                }
            }
        } else {
            global_lookup(self)
        };
        match found {
            Some((p, ty)) => Ok(self.mk(n, ExprKind::Load(p), ty)),
            None => {
                if name == "__name__" {
                    return Ok(self.mk(n, ExprKind::Str("__main__".into()), Ty::Str));
                }
                if self.func_index.contains_key(name) {
                    return err(
                        n,
                        format!("function '{name}' cannot be used as a value yet"),
                    );
                }
                err(n, format!("name '{name}' is not defined"))
            }
        }
    }
}
