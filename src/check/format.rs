//! f-strings, format specs and `str.format` with a literal format string.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn fstring(&mut self, sc: &mut Scope, e: &AExpr, f: &ast::ExprFString) -> R<Expr> {
        let mut parts = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    parts.push(self.mk(l, ExprKind::Str(l.value.to_string()), Ty::Str))
                }
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(sc, &fs.elements, &mut parts)?
                }
            }
        }
        Ok(self.mk(e, ExprKind::Concat(parts), Ty::Str))
    }

    pub(super) fn fstring_elements(
        &mut self,
        sc: &mut Scope,
        elements: &[ast::InterpolatedStringElement],
        parts: &mut Vec<Expr>,
    ) -> R<()> {
        for el in elements {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    parts.push(self.mk(l, ExprKind::Str(l.value.to_string()), Ty::Str))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let v = self.expr_value(sc, &i.expression, None)?;
                    let mut conversion = i.conversion;
                    if let Some(d) = &i.debug_text {
                        let text = format!(
                            "{}{}{}",
                            d.leading(),
                            &self.src[span(&*i.expression)],
                            d.trailing()
                        );
                        parts.push(self.mk(i, ExprKind::Str(text), Ty::Str));
                        if i.format_spec.is_none()
                            && matches!(conversion, ast::ConversionFlag::None)
                        {
                            conversion = ast::ConversionFlag::Repr;
                        }
                    }
                    let v = match conversion {
                        ast::ConversionFlag::None => v,
                        ast::ConversionFlag::Str => self.to_str(v),
                        ast::ConversionFlag::Repr => {
                            self.mk(i, ExprKind::Builtin(Builtin::Repr, vec![v]), Ty::Str)
                        }
                        ast::ConversionFlag::Ascii => {
                            return err(i, "!a conversion is not supported yet")
                        }
                    };
                    match &i.format_spec {
                        None => parts.push(self.to_str(v)),
                        Some(spec) => {
                            let mut sp = Vec::new();
                            self.fstring_elements(sc, &spec.elements, &mut sp)?;
                            let spec_e = self.mk(&**spec, ExprKind::Concat(sp), Ty::Str);
                            parts.push(self.format_value(v, spec_e, i)?);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    pub(super) fn format_value(&self, v: Expr, spec: Expr, at: impl Ranged) -> R<Expr> {
        if !matches!(v.ty, Ty::Int | Ty::Float | Ty::Bool | Ty::Str) {
            // CPython: format specs on containers raise TypeError unless empty.
            return err(
                at,
                format!("format specs for {} values are not supported", v.ty.name()),
            );
        }
        Ok(self.mk(
            at,
            ExprKind::Builtin(Builtin::Format, vec![v, spec]),
            Ty::Str,
        ))
    }

    /// "literal {} {:>5}".format(a, b), for a literal format string.
    pub(super) fn str_format(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        fmt: &str,
        args: &[AExpr],
    ) -> R<Expr> {
        let mut parts = Vec::new();
        let mut vals: Vec<Option<Expr>> = Vec::new();
        for a in args {
            vals.push(Some(self.expr_value(sc, a, None)?));
        }
        let mut lit = String::new();
        let mut auto = 0usize;
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{') {
                lit.push('{');
                i += 2;
                continue;
            }
            if c == '}' && chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            if c == '}' {
                return err(e, "Single '}' encountered in format string");
            }
            if c != '{' {
                lit.push(c);
                i += 1;
                continue;
            }
            let close = chars[i..]
                .iter()
                .position(|&c| c == '}')
                .map(|p| p + i)
                .ok_or_else(|| {
                    CompileError::new(span(e), "Single '{' encountered in format string")
                })?;
            let field: String = chars[i + 1..close].iter().collect();
            i = close + 1;
            if !lit.is_empty() {
                parts.push(self.mk(e, ExprKind::Str(std::mem::take(&mut lit)), Ty::Str));
            }
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], Some(&field[p + 1..])),
                None => (&field[..], None),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (&head[..p], Some(&head[p + 1..])),
                None => (head, None),
            };
            let idx = if name.is_empty() {
                auto += 1;
                auto - 1
            } else {
                name.parse::<usize>().map_err(|_| {
                    CompileError::new(
                        span(e),
                        format!("format field '{name}' is not supported (only positional fields)"),
                    )
                })?
            };
            let v = vals.get(idx).cloned().flatten().ok_or_else(|| {
                CompileError::new(
                    span(e),
                    format!("Replacement index {idx} out of range for positional args tuple"),
                )
            })?;
            let v = match conv {
                None => v,
                Some("r") => self.mk(e, ExprKind::Builtin(Builtin::Repr, vec![v]), Ty::Str),
                Some("s") => self.to_str(v),
                Some(o) => return err(e, format!("Unknown conversion specifier {o}")),
            };
            match spec {
                None | Some("") => parts.push(self.to_str(v)),
                Some(sp) => {
                    let spec_e = self.mk(e, ExprKind::Str(sp.to_string()), Ty::Str);
                    parts.push(self.format_value(v, spec_e, e)?);
                }
            }
        }
        if !lit.is_empty() {
            parts.push(self.mk(e, ExprKind::Str(lit), Ty::Str));
        }
        Ok(self.mk(e, ExprKind::FormatCall(parts), Ty::Str))
    }
}
