//! Names: binding assignment and loop targets, loading variables. What a
//! name refers to comes from the resolver (`front::resolve`: a definition
//! per name node); here a definition gets its IR variable (a global, a
//! local of the function being checked, a comprehension or lambda
//! variable) at its first assignment, with the type of that assignment.

use super::*;

/// A name that must be bound when it is read.
enum Read {
    Var(Place, Ty),
    /// `__name__` of the entry module.
    MainName,
}

impl<'a> Checker<'a> {
    /// A fresh local only code generated for this function can name (the
    /// argument of a key function given by name).
    pub(super) fn hidden_local(&self, sc: &mut Scope, name: &str, ty: Ty, line: u32) -> LocalId {
        let id = sc.locals.len();
        sc.locals.push(Var {
            name: name.to_string(),
            ty,
            line,
            symbol: String::new(),
        });
        id
    }

    /// The definition of a name node.
    pub(super) fn def_of(&self, node: impl Ranged) -> Option<DefId> {
        self.names.def_at(node)
    }

    /// The type of a definition's variable, if it has one.
    fn slot_type(&self, sc: &Scope, slot: Slot) -> Option<Ty> {
        match slot {
            Slot::Place(Place::Local(l)) => Some(sc.locals[l].ty.clone()),
            Slot::Place(Place::Global(g)) => Some(self.globals[g].ty.clone()),
            Slot::Poisoned => None,
        }
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
        let Some(d) = self.def_of(name) else {
            return err(name, format!("cannot assign to '{n}' here"));
        };
        let kind = self.names.def(d).kind;
        match self.slots[d] {
            Some(Slot::Poisoned) => return Err(Fail::Poisoned),
            Some(slot @ Slot::Place(place)) => {
                let have = self.slot_type(sc, slot).expect("a place has a type");
                if have != *ty {
                    let e = CompileError::new(
                        span(value_range),
                        format!(
                            "variable '{n}' has type {}; cannot assign {}",
                            have.name(),
                            ty.name()
                        ),
                    );
                    let e = match kind {
                        DefKind::CompVar | DefKind::LambdaParam => e,
                        _ => e.with_help(format!("a variable keeps the type of its first assignment; use another name for the {} value, or convert it", ty.name())),
                    };
                    return Err(e.into());
                }
                return Ok(place);
            }
            None => {}
        }
        let place = match kind {
            DefKind::Global => {
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
                    symbol: self.names.symbol(n),
                });
                Place::Global(id)
            }
            DefKind::Local | DefKind::Param | DefKind::CompVar | DefKind::LambdaParam => {
                let id = sc.locals.len();
                sc.locals.push(Var {
                    name: n.to_string(),
                    ty: ty.clone(),
                    line,
                    symbol: String::new(),
                });
                Place::Local(id)
            }
            // Reported by the resolver (a function name assigned) or where
            // the definition is (a class, a nested function).
            DefKind::Function(_) | DefKind::Unsupported => return Err(Fail::Poisoned),
            DefKind::Builtin | DefKind::Undefined => {
                return err(name, format!("cannot assign to '{n}' here"))
            }
        };
        self.slots[d] = Some(Slot::Place(place));
        Ok(place)
    }

    /// The declared type of a name about to be assigned, if known.
    pub(super) fn declared_type(&self, sc: &Scope, name: &ast::ExprName) -> Option<Ty> {
        let d = self.def_of(name)?;
        if let Some(t) = sc.annotated.get(&d) {
            return Some(t.clone());
        }
        match self.slots[d]? {
            slot @ Slot::Place(_) => self.slot_type(sc, slot),
            Slot::Poisoned => None,
        }
    }

    /// Bind an assignment / for target to values of type `ty` (in a
    /// comprehension the names are its own variables: the resolver made
    /// them definitions of their own).
    pub(super) fn bind_target(&mut self, sc: &mut Scope, t: &AExpr, ty: &Ty) -> R<Target> {
        match t {
            AExpr::Name(n) => Ok(Target::Place(self.assign_place(sc, n, ty, t)?)),
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
                            parts.push(self.bind_target(sc, e, et)?);
                        }
                    }
                    Ty::List(et) => {
                        for e in elts {
                            parts.push(self.bind_target(sc, e, et)?);
                        }
                    }
                    Ty::Int
                    | Ty::Float
                    | Ty::Bool
                    | Ty::Str
                    | Ty::None
                    | Ty::Dict(..)
                    | Ty::Set(_) => {
                        return err(
                            t,
                            format!("cannot unpack non-iterable {} object", ty.kind_name()),
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
        match self.read(sc, n)? {
            Read::Var(p, ty) => Ok(self.mk(n, ExprKind::Load(p), ty)),
            Read::MainName => Ok(self.mk(n, ExprKind::Str("__main__".into()), Ty::Str)),
        }
    }

    fn read(&self, sc: &Scope, n: &ast::ExprName) -> R<Read> {
        let name = n.id.as_str();
        let Some(d) = self.def_of(n) else {
            return err(n, format!("name '{name}' is not defined"));
        };
        let def = self.names.def(d);
        match (self.slots[d], def.kind) {
            (Some(Slot::Poisoned), _) => Err(Fail::Poisoned),
            (Some(slot @ Slot::Place(p)), _) => Ok(Read::Var(
                p,
                self.slot_type(sc, slot).expect("a place has a type"),
            )),
            (None, DefKind::Local | DefKind::Param | DefKind::CompVar | DefKind::LambdaParam) => {
                Err(CompileError::new(
                    span(n),
                    format!("local variable '{name}' is used before its type is known"),
                )
                .with_help(format!(
                    "declare it before this use, e.g. `{name}: int = 0`"
                ))
                .into())
            }
            (None, DefKind::Global | DefKind::Undefined) => {
                err(n, format!("name '{name}' is not defined"))
            }
            (None, DefKind::Builtin) if name == "__name__" => Ok(Read::MainName),
            (None, DefKind::Builtin) => err(
                n,
                format!("the builtin '{name}' cannot be used as a value yet"),
            ),
            (None, DefKind::Function(_)) => err(
                n,
                format!("function '{name}' cannot be used as a value yet"),
            ),
            (None, DefKind::Unsupported) => Err(Fail::Poisoned),
        }
    }

    /// What a called name is: a function of the program, a builtin (also a
    /// module-level name not assigned yet where it is called, which CPython
    /// looks up in the builtins), or something else.
    pub(super) fn callee(&self, n: &ast::ExprName) -> Callee {
        let Some(d) = self.def_of(n) else {
            return Callee::Undefined;
        };
        let def = self.names.def(d);
        match (self.slots[d], def.kind) {
            (_, DefKind::Function(i)) => Callee::Function(i),
            (Some(Slot::Poisoned), _) | (None, DefKind::Unsupported) => Callee::Poisoned,
            (None, DefKind::Builtin) => Callee::Builtin,
            (None, DefKind::Global) if crate::front::stdlib::is_builtin_name(&def.name) => {
                Callee::Builtin
            }
            (None, DefKind::Global | DefKind::Undefined) => Callee::Undefined,
            (None, DefKind::Local | DefKind::Param | DefKind::CompVar | DefKind::LambdaParam) => {
                Callee::Unbound
            }
            (Some(Slot::Place(_)), _) => Callee::Variable,
        }
    }

    /// Whether the called name `n` is the builtin `builtin` (not shadowed).
    pub(super) fn is_builtin(&self, n: &ast::ExprName, builtin: &str) -> bool {
        n.id.as_str() == builtin && matches!(self.callee(n), Callee::Builtin)
    }
}

/// What a called name refers to.
pub(super) enum Callee {
    /// A module-level function (`Resolution::functions` index).
    Function(usize),
    Builtin,
    /// A variable (with a type).
    Variable,
    /// A local variable not assigned yet.
    Unbound,
    Undefined,
    /// Its definition failed (reported).
    Poisoned,
}
