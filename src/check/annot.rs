//! Type annotations: `int`, `list[int]`, `dict[str, int]`, `tuple[...]`, string annotations; function signatures.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn annotation(&self, e: &AExpr) -> R<Ty> {
        match e {
            AExpr::Name(n) => match n.id.as_str() {
                "int" => Ok(Ty::Int),
                "float" => Ok(Ty::Float),
                "bool" => Ok(Ty::Bool),
                "str" => Ok(Ty::Str),
                "list" | "dict" | "set" | "tuple" => err(e, format!("'{}' needs its element types, e.g. list[int], dict[str, int], tuple[int, str]", n.id)),
                other => Err(CompileError::new(span(e), format!("unknown type '{other}'"))
                    .with_help("supported types are int, float, bool, str, list[T], dict[K, V], set[T], tuple[...] (and None as a return type)")
                    .into()),
            },
            AExpr::NoneLiteral(_) => Ok(Ty::None),
            AExpr::Subscript(s) => {
                let AExpr::Name(base) = &*s.value else {
                    return err(e, format!("type '{}' is not supported", &self.src[span(e)]));
                };
                let args: Vec<&AExpr> = match &*s.slice {
                    AExpr::Tuple(t) => t.elts.iter().collect(),
                    other => vec![other],
                };
                match (base.id.as_str(), args.len()) {
                    ("list", 1) => Ok(Ty::List(Box::new(self.value_annotation(args[0])?))),
                    ("set", 1) => {
                        let t = self.value_annotation(args[0])?;
                        if !t.is_hashable() {
                            return err(args[0], format!("unhashable type: '{}' cannot be a set element", t.kind_name()));
                        }
                        Ok(Ty::Set(Box::new(t)))
                    }
                    ("dict", 2) => {
                        let k = self.value_annotation(args[0])?;
                        if !k.is_hashable() {
                            return err(args[0], format!("unhashable type: '{}' cannot be a dict key", k.kind_name()));
                        }
                        Ok(Ty::Dict(Box::new(k), Box::new(self.value_annotation(args[1])?)))
                    }
                    ("tuple", _) => {
                        if let AExpr::Tuple(t) = &*s.slice {
                            if t.elts.is_empty() {
                                return Ok(Ty::Tuple(vec![]));
                            }
                            if t.elts.len() == 2 && matches!(t.elts[1], AExpr::EllipsisLiteral(_)) {
                                return err(e, "variable-length tuples (tuple[T, ...]) are not supported yet; use list[T]");
                            }
                        }
                        let mut ts = Vec::new();
                        for a in args {
                            ts.push(self.value_annotation(a)?);
                        }
                        Ok(Ty::Tuple(ts))
                    }
                    ("list" | "set", n) => err(e, format!("{}[...] takes 1 type, got {n}", base.id)),
                    ("dict", n) => err(e, format!("dict[...] takes 2 types, got {n}")),
                    (other, _) => err(&*s.value, format!("unknown type '{other}'")),
                }
            }
            AExpr::StringLiteral(s) => match ruff_python_parser::parse_expression(s.value.to_str()) {
                Ok(p) => self.annotation(p.expr()).map_err(|f| match f {
                    Fail::Report(mut ce) => {
                        ce.span = span(e);
                        Fail::Report(ce)
                    }
                    Fail::Poisoned => Fail::Poisoned,
                }),
                Err(_) => err(e, "invalid type annotation"),
            },
            _ => {
                let text = &self.src[span(e)];
                err(e, format!("type '{text}' is not supported yet"))
            }
        }
    }

    pub(super) fn value_annotation(&self, e: &AExpr) -> R<Ty> {
        let t = self.annotation(e)?;
        if t == Ty::None {
            return err(e, "None is only supported as a return type");
        }
        Ok(t)
    }

    pub(super) fn signature(&self, f: &ast::StmtFunctionDef) -> R<Sig> {
        let name = f.name.id.to_string();
        if f.is_async {
            return err(&f.name, "async functions are not supported");
        }
        if let Some(d) = f.decorator_list.first() {
            return err(d, "decorators are not supported yet");
        }
        let p = &f.parameters;
        if let Some(v) = &p.vararg {
            return err(&**v, "*args parameters are not supported yet");
        }
        if let Some(v) = &p.kwarg {
            return err(&**v, "**kwargs parameters are not supported yet");
        }
        if let Some(v) = p.kwonlyargs.first() {
            return err(v, "keyword-only parameters are not supported yet");
        }
        let mut params = Vec::new();
        for pd in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &pd.default {
                return err(&**d, "default parameter values are not supported yet");
            }
            let pname = pd.parameter.name.id.to_string();
            let Some(ann) = &pd.parameter.annotation else {
                return Err(CompileError::new(
                    span(&pd.parameter),
                    format!("parameter '{pname}' of {name}() needs a type annotation"),
                )
                .with_help(format!(
                    "write `{pname}: int` (or float, bool, str, list[int], ...)"
                ))
                .into());
            };
            let ty = self.annotation(ann)?;
            if ty == Ty::None {
                return err(&**ann, "a parameter cannot have type None");
            }
            params.push((pname, ty));
        }
        let ret = match &f.returns {
            Some(r) => self.annotation(r)?,
            None => Ty::None,
        };
        Ok(Sig { name, params, ret })
    }
}
