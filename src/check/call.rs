//! Calls: the program's own functions and the builtin functions.

use super::names::Callee;
use super::*;

impl<'a> Checker<'a> {
    pub(super) fn call(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        call: &ast::ExprCall,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        for a in call.arguments.args.iter() {
            if let AExpr::Starred(_) = a {
                return err(a, "starred arguments are not supported yet");
            }
        }
        if let AExpr::Attribute(at) = &*call.func {
            return self.method(sc, e, at, call, hint);
        }
        let AExpr::Name(fname) = &*call.func else {
            return err(&*call.func, "only named functions can be called");
        };
        let name = fname.id.as_str();
        match self.callee(fname) {
            Callee::Function(fid) => return self.call_function(sc, e, call, fid, name),
            Callee::Builtin => {}
            Callee::Poisoned => return Err(Fail::Poisoned),
            Callee::Variable | Callee::Unbound => {
                let v = self.load_name(sc, fname)?;
                return err(
                    &*call.func,
                    format!("'{}' object is not callable", v.ty.kind_name()),
                );
            }
            Callee::Undefined => return err(&*call.func, format!("name '{name}' is not defined")),
        }
        let kw = |k: &str| {
            call.arguments
                .keywords
                .iter()
                .find(|kw| kw.arg.as_ref().map(|a| a.id.as_str()) == Some(k))
        };
        let allowed: &[&str] = match name {
            "sorted" => &["key", "reverse"],
            "min" | "max" => &["key", "default"],
            "sum" => &["start"],
            _ => &[],
        };
        for k in call.arguments.keywords.iter() {
            match &k.arg {
                Some(a) if allowed.contains(&a.id.as_str()) => {}
                _ if name == "print" => {
                    return err(e, "print() has no value; use it as a statement")
                }
                _ => return err(k, format!("{name}() does not take this keyword argument")),
            }
        }
        let args = &call.arguments.args;
        let n = args.len();
        let one = |what: &str| -> R<()> {
            if n == 1 {
                Ok(())
            } else {
                err(
                    e,
                    format!("{what}() takes exactly one argument ({n} given)"),
                )
            }
        };
        match name {
            "print" => err(e, "print() has no value; use it as a statement"),
            "str" => {
                if n == 0 {
                    return Ok(self.mk(e, ExprKind::Str(String::new()), Ty::Str));
                }
                one("str")?;
                let v = self.expr_value(sc, &args[0], None)?;
                Ok(self.to_str(v))
            }
            "repr" => {
                one("repr")?;
                let v = self.expr_value(sc, &args[0], None)?;
                Ok(self.mk(e, ExprKind::Builtin(Builtin::Repr, vec![v]), Ty::Str))
            }
            "int" => {
                if n == 0 {
                    return Ok(self.mk(e, ExprKind::Int(0), Ty::Int));
                }
                one("int")?;
                let v = self.expr_value(sc, &args[0], None)?;
                Ok(match v.ty {
                    Ty::Int => v,
                    Ty::Bool => self.bool_to_int(v),
                    Ty::Float => self.mk(
                        e,
                        ExprKind::Builtin(Builtin::IntFromFloat, vec![v]),
                        Ty::Int,
                    ),
                    Ty::Str => self.mk(e, ExprKind::Builtin(Builtin::IntFromStr, vec![v]), Ty::Int),
                    ref t => {
                        return err(
                            &args[0],
                            format!(
                                "int() argument must be a string or a real number, not '{}'",
                                t.kind_name()
                            ),
                        )
                    }
                })
            }
            "float" => {
                if n == 0 {
                    return Ok(self.mk(e, ExprKind::Float(0.0), Ty::Float));
                }
                one("float")?;
                let v = self.expr_value(sc, &args[0], None)?;
                Ok(match v.ty {
                    Ty::Float => v,
                    Ty::Int | Ty::Bool => self.to_float(v),
                    Ty::Str => self.mk(
                        e,
                        ExprKind::Builtin(Builtin::FloatFromStr, vec![v]),
                        Ty::Float,
                    ),
                    ref t => {
                        return err(
                            &args[0],
                            format!(
                                "float() argument must be a string or a real number, not '{}'",
                                t.kind_name()
                            ),
                        )
                    }
                })
            }
            "bool" => {
                if n == 0 {
                    return Ok(self.mk(e, ExprKind::Bool(false), Ty::Bool));
                }
                one("bool")?;
                let v = self.expr_value(sc, &args[0], None)?;
                Ok(self.truthy_of(v))
            }
            "abs" => {
                one("abs")?;
                let v = self.expr_value(sc, &args[0], None)?;
                let v = match v.ty {
                    Ty::Bool => self.bool_to_int(v),
                    Ty::Int | Ty::Float => v,
                    ref t => {
                        return err(
                            e,
                            format!("bad operand type for abs(): '{}'", t.kind_name()),
                        )
                    }
                };
                let ty = v.ty.clone();
                Ok(self.mk(e, ExprKind::Builtin(Builtin::Abs, vec![v]), ty))
            }
            "len" => {
                one("len")?;
                let v = self.expr_value(sc, &args[0], None)?;
                if !matches!(
                    v.ty,
                    Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Tuple(_)
                ) {
                    return Err(CompileError::new(
                        span(e),
                        format!("len() of {} is not supported", v.ty.name()),
                    )
                    .with_help("len() takes a str or a container")
                    .into());
                }
                Ok(self.mk(e, ExprKind::Builtin(Builtin::Len, vec![v]), Ty::Int))
            }
            "ord" => {
                one("ord")?;
                let v = self.expr_expect(sc, &args[0], &Ty::Str)?;
                Ok(self.mk(e, ExprKind::Builtin(Builtin::Ord, vec![v]), Ty::Int))
            }
            "chr" => {
                one("chr")?;
                let v = self.int_index(sc, &args[0])?;
                Ok(self.mk(e, ExprKind::Builtin(Builtin::Chr, vec![v]), Ty::Str))
            }
            "round" => {
                if n == 0 || n > 2 {
                    return err(e, format!("round() takes 1 or 2 arguments ({n} given)"));
                }
                let v = self.expr_value(sc, &args[0], None)?;
                let v = if v.ty == Ty::Bool {
                    self.bool_to_int(v)
                } else {
                    v
                };
                if n == 1 {
                    return match v.ty {
                        Ty::Int => Ok(v),
                        Ty::Float => {
                            Ok(self.mk(e, ExprKind::Builtin(Builtin::RoundInt, vec![v]), Ty::Int))
                        }
                        ref t => err(
                            &args[0],
                            format!("type {} doesn't define __round__ method", t.kind_name()),
                        ),
                    };
                }
                let nd = self.int_index(sc, &args[1])?;
                match v.ty {
                    Ty::Int => Ok(self.mk(
                        e,
                        ExprKind::Builtin(Builtin::RoundIntN, vec![v, nd]),
                        Ty::Int,
                    )),
                    Ty::Float => Ok(self.mk(
                        e,
                        ExprKind::Builtin(Builtin::RoundFloat, vec![v, nd]),
                        Ty::Float,
                    )),
                    ref t => err(
                        &args[0],
                        format!("type {} doesn't define __round__ method", t.kind_name()),
                    ),
                }
            }
            "format" => {
                if n == 0 || n > 2 {
                    return err(e, "format() takes 1 or 2 arguments");
                }
                let v = self.expr_value(sc, &args[0], None)?;
                let spec = if n == 2 {
                    self.expr_expect(sc, &args[1], &Ty::Str)?
                } else {
                    self.mk(e, ExprKind::Str(String::new()), Ty::Str)
                };
                self.format_value(v, spec, e)
            }
            "min" | "max" if n >= 2 => {
                if let Some(k) = call.arguments.keywords.first() {
                    return err(
                        k,
                        format!("{name}() of several arguments with keywords is not supported yet"),
                    );
                }
                let mut vals = Vec::new();
                for a in args.iter() {
                    vals.push(self.expr_value(sc, a, None)?);
                }
                let ty = vals[0].ty.clone();
                if let Some(o) = vals.iter().find(|a| a.ty != ty) {
                    return err(
                        e,
                        format!(
                            "arguments of {name}() must have the same type, found {} and {}",
                            ty.name(),
                            o.ty.name()
                        ),
                    );
                }
                if !ty.is_orderable() {
                    return err(
                        e,
                        format!(
                            "'<' not supported between instances of '{}' and '{}'",
                            ty.kind_name(),
                            ty.kind_name()
                        ),
                    );
                }
                let b = if name == "min" {
                    Builtin::Min
                } else {
                    Builtin::Max
                };
                Ok(self.mk(e, ExprKind::Builtin(b, vals), ty))
            }
            "min" | "max" | "sum" | "any" | "all" | "sorted" | "list" | "set" if n == 1 => {
                let iter = self.iter_of(sc, &args[0])?;
                let elem = iter.elem.clone();
                let op = match name {
                    "min" => Reduce::Min,
                    "max" => Reduce::Max,
                    "sum" => Reduce::Sum,
                    "any" => Reduce::Any,
                    "all" => Reduce::All,
                    "sorted" => Reduce::Sorted,
                    "list" => Reduce::List,
                    _ => Reduce::Set,
                };
                let key = match kw("key") {
                    Some(k) => Some(self.key_fn(sc, &k.value, &elem)?),
                    None => None,
                };
                if let Some(k) = &key {
                    if !k.body.ty.is_orderable() {
                        return err(
                            e,
                            format!("key values of type {} cannot be ordered", k.body.ty.name()),
                        );
                    }
                }
                let reverse = match kw("reverse") {
                    Some(k) => Some(Box::new(self.expr_expect(sc, &k.value, &Ty::Bool)?)),
                    None => None,
                };
                let mut start = None;
                let ty = match op {
                    Reduce::Min | Reduce::Max => {
                        if key.is_none() && !elem.is_orderable() {
                            return err(
                                e,
                                format!(
                                    "'<' not supported between instances of '{}' and '{}'",
                                    elem.kind_name(),
                                    elem.kind_name()
                                ),
                            );
                        }
                        if let Some(d) = kw("default") {
                            start = Some(Box::new(self.expr_expect(sc, &d.value, &elem)?));
                        }
                        elem.clone()
                    }
                    Reduce::Sum => {
                        let ty = match elem {
                            Ty::Int | Ty::Bool => Ty::Int,
                            Ty::Float => Ty::Float,
                            ref t => {
                                return err(
                                    &args[0],
                                    format!("sum() of {} values is not supported", t.name()),
                                )
                            }
                        };
                        if let Some(s) = kw("start") {
                            start = Some(Box::new(self.expr_expect(sc, &s.value, &ty)?));
                        }
                        ty
                    }
                    Reduce::Any | Reduce::All => Ty::Bool,
                    Reduce::List | Reduce::Sorted => {
                        if op == Reduce::Sorted && key.is_none() && !elem.is_orderable() {
                            return err(
                                e,
                                format!(
                                    "'<' not supported between instances of '{}' and '{}'",
                                    elem.kind_name(),
                                    elem.kind_name()
                                ),
                            );
                        }
                        Ty::List(Box::new(elem.clone()))
                    }
                    Reduce::Set => {
                        if !elem.is_hashable() {
                            return err(
                                &args[0],
                                format!("unhashable type: '{}'", elem.kind_name()),
                            );
                        }
                        Ty::Set(Box::new(elem.clone()))
                    }
                };
                Ok(self.mk(
                    e,
                    ExprKind::Reduce {
                        op,
                        iter: Box::new(iter),
                        key,
                        reverse,
                        start,
                    },
                    ty,
                ))
            }
            "sum" if n == 2 => {
                let iter = self.iter_of(sc, &args[0])?;
                let ty = match iter.elem {
                    Ty::Int | Ty::Bool => Ty::Int,
                    Ty::Float => Ty::Float,
                    ref t => {
                        return err(
                            &args[0],
                            format!("sum() of {} values is not supported", t.name()),
                        )
                    }
                };
                let start = self.expr_expect(sc, &args[1], &ty)?;
                Ok(self.mk(
                    e,
                    ExprKind::Reduce {
                        op: Reduce::Sum,
                        iter: Box::new(iter),
                        key: None,
                        reverse: None,
                        start: Some(Box::new(start)),
                    },
                    ty,
                ))
            }
            "list" | "set" | "dict" if n == 0 => match (name, hint) {
                ("list", Some(t @ Ty::List(_))) => {
                    Ok(self.mk(e, ExprKind::List(vec![]), t.clone()))
                }
                ("set", Some(t @ Ty::Set(_))) => Ok(self.mk(e, ExprKind::Set(vec![]), t.clone())),
                ("dict", Some(t @ Ty::Dict(..))) => {
                    Ok(self.mk(e, ExprKind::Dict(vec![]), t.clone()))
                }
                _ => Err(CompileError::new(
                    span(e),
                    format!("cannot infer the element type of an empty {name}"),
                )
                .with_help(format!(
                    "annotate the variable, e.g. `xs: {name}[int] = {name}()`"
                ))
                .into()),
            },
            "dict" => {
                one("dict")?;
                // An iterator (zip, enumerate, a generator expression, a
                // dict view) is consumed into a list of its pairs first.
                let lazy = match &args[0] {
                    AExpr::Generator(_) => true,
                    AExpr::Call(c) => match &*c.func {
                        AExpr::Name(n) => {
                            matches!(n.id.as_str(), "zip" | "enumerate" | "reversed")
                                && matches!(self.callee(n), names::Callee::Builtin)
                        }
                        AExpr::Attribute(a) => {
                            matches!(a.attr.id.as_str(), "items" | "keys" | "values")
                        }
                        _ => false,
                    },
                    _ => false,
                };
                let v = if lazy {
                    let it = self.iter_of(sc, &args[0])?;
                    let lt = Ty::List(Box::new(it.elem.clone()));
                    self.mk(
                        &args[0],
                        ExprKind::Reduce {
                            op: Reduce::List,
                            iter: Box::new(it),
                            key: None,
                            reverse: None,
                            start: None,
                        },
                        lt,
                    )
                } else {
                    self.expr_value(sc, &args[0], hint)?
                };
                let v = match &v.ty {
                    Ty::Set(_) | Ty::Tuple(_) => {
                        let it = self.iter_of_value(v, &args[0])?;
                        let lt = Ty::List(Box::new(it.elem.clone()));
                        self.mk(
                            &args[0],
                            ExprKind::Reduce {
                                op: Reduce::List,
                                iter: Box::new(it),
                                key: None,
                                reverse: None,
                                start: None,
                            },
                            lt,
                        )
                    }
                    _ => v,
                };
                let ty = match &v.ty {
                    Ty::Dict(..) => v.ty.clone(),
                    Ty::List(t) => match &**t {
                        Ty::Tuple(kv) if kv.len() == 2 && kv[0].is_hashable() => {
                            Ty::Dict(Box::new(kv[0].clone()), Box::new(kv[1].clone()))
                        }
                        _ => {
                            return err(
                                &args[0],
                                format!(
                                "dict() of {} is not supported (need a list of key, value pairs)",
                                v.ty.name()
                            ),
                            )
                        }
                    },
                    t => return err(&args[0], format!("dict() of {} is not supported", t.name())),
                };
                Ok(self.mk(e, ExprKind::DictFrom(Box::new(v)), ty))
            }
            "tuple" => {
                one("tuple")?;
                let v = self.expr_value(sc, &args[0], None)?;
                if let Ty::Tuple(_) = v.ty {
                    return Ok(v);
                }
                err(&args[0], format!("tuple() of {} is not supported: a tuple needs a length known at compile time", v.ty.name()))
            }
            "range" => err(
                e,
                "range() is only supported where it is iterated (for, list(), sum(), ...)",
            ),
            "enumerate" | "zip" | "reversed" => err(
                e,
                format!(
                    "{name}() is only supported where it is iterated (for, list(), comprehensions)"
                ),
            ),
            "input" | "open" | "exit" | "quit" | "isinstance" | "type" | "hash" | "id"
            | "divmod" | "pow" | "hex" | "oct" | "bin" | "iter" | "next" | "map" | "filter" => err(
                &*call.func,
                format!("builtin {name}() is not supported yet"),
            ),
            _ => err(
                &*call.func,
                format!("builtin {name}() is not supported yet"),
            ),
        }
    }

    /// A call of one of the program's functions.
    fn call_function(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        call: &ast::ExprCall,
        fid: FuncId,
        name: &str,
    ) -> R<Expr> {
        let SigSlot::Ok(sig) = &self.sigs[fid] else {
            // Its signature failed (reported): check the arguments alone.
            for a in call.arguments.args.iter() {
                self.expr(sc, a, None)?;
            }
            return Err(Fail::Poisoned);
        };
        let (params, ret): (Vec<Ty>, Ty) = (
            sig.params.iter().map(|(_, t)| t.clone()).collect(),
            sig.ret.clone(),
        );
        if let Some(k) = call.arguments.keywords.first() {
            return err(k, "keyword arguments are not supported yet");
        }
        let nparams = params.len();
        let nargs = call.arguments.args.len();
        if nparams != nargs {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            return err(
                e,
                format!(
                    "{name}() takes {nparams} argument{} but {nargs} {} given",
                    s(nparams),
                    if nargs == 1 { "was" } else { "were" }
                ),
            );
        }
        let mut args = Vec::new();
        for (i, (a, want)) in call.arguments.args.iter().zip(params).enumerate() {
            let v = self.expr_value(sc, a, Some(&want))?;
            if v.ty != want {
                return Err(CompileError::new(
                    span(a),
                    format!(
                        "argument {} of {name}() has type {}, expected {}",
                        i + 1,
                        v.ty.name(),
                        want.name()
                    ),
                )
                .with_help(type_fix_help(&want, &v.ty))
                .into());
            }
            args.push(v);
        }
        Ok(self.mk(e, ExprKind::Call(fid, args), ret))
    }
}
