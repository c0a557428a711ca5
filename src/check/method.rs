//! Method calls on list, dict, set and str receivers.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn method(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        at: &ast::ExprAttribute,
        call: &ast::ExprCall,
        hint: Option<&Ty>,
    ) -> R<Expr> {
        let _ = hint;
        let m = at.attr.id.as_str();
        let args = &call.arguments.args;
        let n = args.len();
        // "...".format(...) on a literal format string.
        if m == "format" {
            if let AExpr::StringLiteral(s) = &*at.value {
                if let Some(k) = call.arguments.keywords.first() {
                    return err(k, "str.format() keyword arguments are not supported yet");
                }
                // What the compile-time expansion does not handle (nested
                // fields in specs, !a, fields that raise) takes the run-time
                // path, which has CPython's semantics and errors.
                if let Ok(v) = self.str_format(sc, e, s.value.to_str(), args) {
                    return Ok(v);
                }
            }
            let fmt = self.expr_value(sc, &at.value, None)?;
            if fmt.ty == Ty::Str {
                if let Some(k) = call.arguments.keywords.first() {
                    return err(k, "str.format() keyword arguments are not supported yet");
                }
                let mut vals = Vec::new();
                for a in args.iter() {
                    if let AExpr::Starred(_) = a {
                        return err(a, "starred arguments are not supported yet");
                    }
                    vals.push(self.expr_value(sc, a, None)?);
                }
                return Ok(self.mk(e, ExprKind::StrFormat(Box::new(fmt), vals), Ty::Str));
            }
            return err(
                &at.attr,
                format!("'{}' object has no attribute 'format'", fmt.ty.kind_name()),
            );
        }
        let obj = self.expr_value(sc, &at.value, None)?;
        let ty = obj.ty.clone();
        let kw = |k: &str| {
            call.arguments
                .keywords
                .iter()
                .find(|kw| kw.arg.as_ref().map(|a| a.id.as_str()) == Some(k))
        };
        let sort_kws = m == "sort" && matches!(ty, Ty::List(_));
        for k in call.arguments.keywords.iter() {
            let ok = sort_kws
                && matches!(
                    k.arg.as_ref().map(|a| a.id.as_str()),
                    Some("key" | "reverse")
                );
            if !ok {
                return err(
                    k,
                    format!(
                        "{}.{m}() keyword arguments are not supported",
                        ty.kind_name()
                    ),
                );
            }
        }
        let arity = |lo: usize, hi: usize| -> R<()> {
            if n < lo || n > hi {
                let want = if lo == hi {
                    format!("{lo}")
                } else {
                    format!("{lo} to {hi}")
                };
                return err(
                    e,
                    format!(
                        "{}.{m}() takes {want} argument{} ({n} given)",
                        ty.kind_name(),
                        if hi == 1 { "" } else { "s" }
                    ),
                );
            }
            Ok(())
        };
        let (line, col) = self.line_col(e);
        let mk = |kind: ExprKind, t: Ty| Expr {
            kind,
            ty: t,
            line,
            col,
        };
        let none = Ty::None;
        match &ty {
            Ty::List(et) => {
                let et = (**et).clone();
                if m == "extend" {
                    // list.extend takes any iterable (converted to a list of
                    // its items; a list is extended from directly).
                    arity(1, 1)?;
                    let items = self.list_of_iterable(sc, &args[0], &et)?;
                    return Ok(mk(
                        ExprKind::Method(Method::ListExtend, vec![obj, items]),
                        none,
                    ));
                }
                let (meth, rty, arg_tys): (Method, Ty, Vec<Ty>) = match m {
                    "append" => (Method::ListAppend, none, vec![et.clone()]),
                    "extend" => (Method::ListExtend, none, vec![ty.clone()]),
                    "insert" => (Method::ListInsert, none, vec![Ty::Int, et.clone()]),
                    "pop" => {
                        arity(0, 1)?;
                        let idx = if n == 1 {
                            self.int_index(sc, &args[0])?
                        } else {
                            mk(ExprKind::Int(-1), Ty::Int)
                        };
                        let _ = &idx;
                        return Ok(mk(ExprKind::Method(Method::ListPop, vec![obj, idx]), et));
                    }
                    "remove" => (Method::ListRemove, none, vec![et.clone()]),
                    "index" => (Method::ListIndex, Ty::Int, vec![et.clone()]),
                    "count" => (Method::ListCount, Ty::Int, vec![et.clone()]),
                    "reverse" => (Method::ListReverse, none, vec![]),
                    "copy" => (Method::ListCopy, ty.clone(), vec![]),
                    "clear" => (Method::ListClear, none, vec![]),
                    "sort" => {
                        arity(0, 0)?;
                        let key = match kw("key") {
                            Some(k) => Some(self.key_fn(sc, &k.value, &et)?),
                            None => None,
                        };
                        if key.is_none() && !et.is_orderable() {
                            return err(
                                e,
                                format!(
                                    "'<' not supported between instances of '{}' and '{}'",
                                    et.kind_name(),
                                    et.kind_name()
                                ),
                            );
                        }
                        if let Some(k) = &key {
                            if !k.body.ty.is_orderable() {
                                return err(
                                    e,
                                    format!(
                                        "key values of type {} cannot be ordered",
                                        k.body.ty.name()
                                    ),
                                );
                            }
                        }
                        let reverse = match kw("reverse") {
                            Some(k) => self.expr_expect(sc, &k.value, &Ty::Bool)?,
                            None => mk(ExprKind::Bool(false), Ty::Bool),
                        };
                        return Ok(mk(
                            ExprKind::SortBy {
                                list: Box::new(obj),
                                key,
                                reverse: Box::new(reverse),
                            },
                            Ty::None,
                        ));
                    }
                    _ => return err(&at.attr, format!("'list' object has no attribute '{m}'")),
                };
                self.method_call(sc, e, meth, obj, args, &arg_tys, rty)
            }
            Ty::Dict(kt, vt) => {
                let (kt, vt) = ((**kt).clone(), (**vt).clone());
                let (meth, rty, arg_tys): (Method, Ty, Vec<Ty>) = match m {
                    "get" => {
                        if n == 1 {
                            return err(e, "d.get(key) without a default is not supported (it may return None); use d.get(key, default) or `key in d`");
                        }
                        (Method::DictGet, vt.clone(), vec![kt.clone(), vt.clone()])
                    }
                    "setdefault" => {
                        arity(2, 2)?;
                        (
                            Method::DictSetDefault,
                            vt.clone(),
                            vec![kt.clone(), vt.clone()],
                        )
                    }
                    "pop" => {
                        arity(1, 2)?;
                        let tys = if n == 1 {
                            vec![kt.clone()]
                        } else {
                            vec![kt.clone(), vt.clone()]
                        };
                        (Method::DictPop, vt.clone(), tys)
                    }
                    "keys" | "values" | "items" => {
                        return err(e, format!("d.{m}() is only supported where it is iterated (for, list(), sorted(), comprehensions)"));
                    }
                    "update" => (Method::DictUpdate, none, vec![ty.clone()]),
                    "clear" => (Method::DictClear, none, vec![]),
                    "copy" => (Method::DictCopy, ty.clone(), vec![]),
                    _ => return err(&at.attr, format!("'dict' object has no attribute '{m}'")),
                };
                self.method_call(sc, e, meth, obj, args, &arg_tys, rty)
            }
            Ty::Set(et) => {
                let et = (**et).clone();
                // Several arguments, or an iterable that is neither a set
                // nor a list (`a.update([1], {2})`, `a.union(range(3))`).
                if matches!(
                    m,
                    "union" | "intersection" | "difference" | "update" | "isdisjoint"
                ) && (m == "isdisjoint" || n != 1 || !self.is_set_or_list(sc, &args[0], &ty))
                {
                    if let Some(k) = call.arguments.keywords.first() {
                        return err(k, format!("set.{m}() takes no keyword arguments"));
                    }
                    if m == "isdisjoint" && n != 1 {
                        return err(
                            e,
                            format!("set.isdisjoint() takes exactly one argument ({n} given)"),
                        );
                    }
                    let mut vals = vec![obj];
                    for a in args.iter() {
                        vals.push(self.set_operand(sc, a, &ty, &et)?);
                    }
                    let (meth, rty) = match m {
                        "update" => (Method::SetUpdateMany, none),
                        "union" => (Method::SetUnionMany, ty.clone()),
                        "difference" => (Method::SetDifferenceMany, ty.clone()),
                        _ => (Method::SetIntersectionMany, ty.clone()),
                    };
                    let r = self.mk(e, ExprKind::Method(meth, vals), rty);
                    if m == "isdisjoint" {
                        let t = self.truthy_of(r);
                        return Ok(self.mk(e, ExprKind::Not(Box::new(t)), Ty::Bool));
                    }
                    return Ok(r);
                }
                // union/intersection/difference/update/issubset/issuperset of
                // a list: CPython iterates the list (order-preserving paths).
                if n == 1
                    && matches!(
                        m,
                        "union"
                            | "intersection"
                            | "difference"
                            | "update"
                            | "issubset"
                            | "issuperset"
                    )
                {
                    let arg = self.expr_value(sc, &args[0], Some(&ty))?;
                    let list_ty = Ty::List(Box::new(et.clone()));
                    if arg.ty == list_ty || arg.ty == ty {
                        let is_list = arg.ty == list_ty;
                        let (meth, rty) = match (m, is_list) {
                            ("union", false) => (Method::SetUnion, ty.clone()),
                            ("union", true) => (Method::SetUnionList, ty.clone()),
                            ("intersection", false) => (Method::SetIntersection, ty.clone()),
                            ("intersection", true) => (Method::SetIntersectionList, ty.clone()),
                            ("difference", false) => (Method::SetDifference, ty.clone()),
                            ("difference", true) => (Method::SetDifferenceList, ty.clone()),
                            ("update", false) => (Method::SetUpdate, none),
                            ("update", true) => (Method::SetUpdateList, none),
                            ("issubset", _) | ("issuperset", _) => {
                                let other = if is_list {
                                    let (line, col) = (arg.line, arg.col);
                                    let it = Iter {
                                        kind: IterKind::List(Box::new(arg)),
                                        elem: et.clone(),
                                    };
                                    Expr {
                                        kind: ExprKind::Reduce {
                                            op: Reduce::Set,
                                            iter: Box::new(it),
                                            key: None,
                                            reverse: None,
                                            start: None,
                                        },
                                        ty: ty.clone(),
                                        line,
                                        col,
                                    }
                                } else {
                                    arg
                                };
                                let (line, col) = self.line_col(e);
                                let args = vec![obj, other];
                                let meth = if m == "issubset" {
                                    Method::SetIsSubset
                                } else {
                                    Method::SetIsSuperset
                                };
                                return Ok(Expr {
                                    kind: ExprKind::Method(meth, args),
                                    ty: Ty::Bool,
                                    line,
                                    col,
                                });
                            }
                            _ => unreachable!(),
                        };
                        let (line, col) = self.line_col(e);
                        return Ok(Expr {
                            kind: ExprKind::Method(meth, vec![obj, arg]),
                            ty: rty,
                            line,
                            col,
                        });
                    }
                    return err(
                        &args[0],
                        format!(
                            "expected {} or {}, found {}",
                            ty.name(),
                            list_ty.name(),
                            arg.ty.name()
                        ),
                    );
                }
                let (meth, rty, arg_tys): (Method, Ty, Vec<Ty>) = match m {
                    "add" => (Method::SetAdd, none, vec![et.clone()]),
                    "discard" => (Method::SetDiscard, none, vec![et.clone()]),
                    "remove" => (Method::SetRemove, none, vec![et.clone()]),
                    "pop" => (Method::SetPop, et.clone(), vec![]),
                    "union" => (Method::SetUnion, ty.clone(), vec![ty.clone()]),
                    "intersection" => (Method::SetIntersection, ty.clone(), vec![ty.clone()]),
                    "difference" => (Method::SetDifference, ty.clone(), vec![ty.clone()]),
                    "symmetric_difference" => {
                        (Method::SetSymmetricDifference, ty.clone(), vec![ty.clone()])
                    }
                    "issubset" => (Method::SetIsSubset, Ty::Bool, vec![ty.clone()]),
                    "isdisjoint" => {
                        // no common element: the intersection is empty
                        let inter = self.method_call(
                            sc,
                            e,
                            Method::SetIntersection,
                            obj,
                            args,
                            &[ty.clone()],
                            ty.clone(),
                        )?;
                        let t = self.truthy_of(inter);
                        return Ok(self.mk(e, ExprKind::Not(Box::new(t)), Ty::Bool));
                    }
                    "update" => (Method::SetUpdate, none, vec![ty.clone()]),
                    "clear" => (Method::SetClear, none, vec![]),
                    "copy" => (Method::SetCopy, ty.clone(), vec![]),
                    _ => return err(&at.attr, format!("'set' object has no attribute '{m}'")),
                };
                self.method_call(sc, e, meth, obj, args, &arg_tys, rty)
            }
            Ty::Str => self.str_method(sc, e, at, obj, args),
            t => err(
                &at.attr,
                format!("'{}' object has no attribute '{m}'", t.kind_name()),
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn method_call(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        meth: Method,
        obj: Expr,
        args: &[AExpr],
        arg_tys: &[Ty],
        rty: Ty,
    ) -> R<Expr> {
        if args.len() != arg_tys.len() {
            return err(
                e,
                format!(
                    "{}() takes {} argument{} ({} given)",
                    method_name(meth),
                    arg_tys.len(),
                    if arg_tys.len() == 1 { "" } else { "s" },
                    args.len()
                ),
            );
        }
        let mut vals = vec![obj];
        for (a, t) in args.iter().zip(arg_tys) {
            let v = match t {
                Ty::Int => self.int_index(sc, a)?,
                _ => self.expr_expect(sc, a, t)?,
            };
            vals.push(v);
        }
        Ok(self.mk(e, ExprKind::Method(meth, vals), rty))
    }

    pub(super) fn str_method(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        at: &ast::ExprAttribute,
        obj: Expr,
        args: &[AExpr],
    ) -> R<Expr> {
        let m = at.attr.id.as_str();
        let n = args.len();
        let (line, col) = self.line_col(e);
        let null_str = Expr {
            kind: ExprKind::NullStr,
            ty: Ty::Str,
            line,
            col,
        };
        let int = |v: i64| Expr {
            kind: ExprKind::Int(v),
            ty: Ty::Int,
            line,
            col,
        };
        let bool_ = |v: bool| Expr {
            kind: ExprKind::Bool(v),
            ty: Ty::Bool,
            line,
            col,
        };
        let list_str = Ty::List(Box::new(Ty::Str));
        let arity = |lo: usize, hi: usize| -> R<()> {
            if n < lo || n > hi {
                return err(
                    e,
                    format!("str.{m}() takes {lo} to {hi} arguments ({n} given)"),
                );
            }
            Ok(())
        };
        let str_arg = |c: &mut Self, i: usize, sc: &mut Scope| -> R<Expr> {
            c.expr_expect(sc, &args[i], &Ty::Str)
        };
        let (fname, rty, mut vals): (&'static str, Ty, Vec<Expr>) = match m {
            "split" | "rsplit" => {
                arity(0, 2)?;
                let sep = if n >= 1 {
                    str_arg(self, 0, sc)?
                } else {
                    null_str
                };
                let maxs = if n == 2 {
                    self.int_index(sc, &args[1])?
                } else {
                    int(-1)
                };
                (
                    if m == "split" {
                        "mg_str_split"
                    } else {
                        "mg_str_rsplit"
                    },
                    list_str,
                    vec![sep, maxs],
                )
            }
            "splitlines" => {
                arity(0, 1)?;
                let k = if n == 1 {
                    self.expr_expect(sc, &args[0], &Ty::Bool)?
                } else {
                    bool_(false)
                };
                ("mg_str_splitlines", list_str, vec![k])
            }
            "join" => {
                arity(1, 1)?;
                let mut iter = self.iter_of(sc, &args[0])?;
                if let IterKind::List(l) = &iter.kind {
                    if matches!(&l.kind, ExprKind::List(items) if items.is_empty()) {
                        // "".join([]): an empty display joins as list[str]
                        let ty = Ty::List(Box::new(Ty::Str));
                        let v = Expr {
                            kind: ExprKind::List(vec![]),
                            ty,
                            line: l.line,
                            col: l.col,
                        };
                        iter = Iter {
                            kind: IterKind::List(Box::new(v)),
                            elem: Ty::Str,
                        };
                    }
                }
                if iter.elem != Ty::Str {
                    return err(
                        &args[0],
                        format!(
                            "sequence item 0: expected str instance, {} found",
                            iter.elem.kind_name()
                        ),
                    );
                }
                let (line, col) = self.line_col(&args[0]);
                let list = match iter.kind {
                    IterKind::List(l) => *l,
                    _ => Expr {
                        kind: ExprKind::Reduce {
                            op: Reduce::List,
                            iter: Box::new(iter),
                            key: None,
                            reverse: None,
                            start: None,
                        },
                        ty: list_str.clone(),
                        line,
                        col,
                    },
                };
                ("mg_str_join", Ty::Str, vec![list])
            }
            "strip" | "lstrip" | "rstrip" => {
                arity(0, 1)?;
                let c = if n == 1 {
                    str_arg(self, 0, sc)?
                } else {
                    null_str
                };
                let f = match m {
                    "strip" => "mg_str_strip",
                    "lstrip" => "mg_str_lstrip",
                    _ => "mg_str_rstrip",
                };
                (f, Ty::Str, vec![c])
            }
            "lower" | "upper" | "title" | "capitalize" | "swapcase" | "casefold" => {
                arity(0, 0)?;
                let f = match m {
                    "lower" => "mg_str_lower",
                    "upper" => "mg_str_upper",
                    "title" => "mg_str_title",
                    "capitalize" => "mg_str_capitalize",
                    "casefold" => "mg_str_casefold",
                    _ => "mg_str_swapcase",
                };
                (f, Ty::Str, vec![])
            }
            "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" | "isdecimal"
            | "isnumeric" | "isprintable" | "istitle" => {
                arity(0, 0)?;
                let f = match m {
                    "isdigit" => "mg_str_isdigit",
                    "isalpha" => "mg_str_isalpha",
                    "isalnum" => "mg_str_isalnum",
                    "isspace" => "mg_str_isspace",
                    "isupper" => "mg_str_isupper",
                    "isdecimal" => "mg_str_isdecimal",
                    "isnumeric" => "mg_str_isnumeric",
                    "isprintable" => "mg_str_isprintable",
                    "istitle" => "mg_str_istitle",
                    _ => "mg_str_islower",
                };
                (f, Ty::Bool, vec![])
            }
            "replace" => {
                arity(2, 3)?;
                let a = str_arg(self, 0, sc)?;
                let b = str_arg(self, 1, sc)?;
                let c = if n == 3 {
                    self.int_index(sc, &args[2])?
                } else {
                    int(-1)
                };
                ("mg_str_replace", Ty::Str, vec![a, b, c])
            }
            "startswith" | "endswith" | "find" | "rfind" | "index" | "count" => {
                arity(1, 3)?;
                if let AExpr::Tuple(_) = &args[0] {
                    return err(
                        &args[0],
                        format!("str.{m}() with a tuple of arguments is not supported yet"),
                    );
                }
                let a = str_arg(self, 0, sc)?;
                let rty = if matches!(m, "startswith" | "endswith") {
                    Ty::Bool
                } else {
                    Ty::Int
                };
                if n == 1 {
                    let f = match m {
                        "startswith" => "mg_str_startswith",
                        "endswith" => "mg_str_endswith",
                        "find" => "mg_str_find",
                        "rfind" => "mg_str_rfind",
                        "index" => "mg_str_index_of",
                        _ => "mg_str_count",
                    };
                    (f, rty, vec![a])
                } else {
                    // s.m(sub, start[, end]): CPython's slice-index rules,
                    // results relative to the whole string.
                    let start = self.int_index(sc, &args[1])?;
                    let (end, has_end) = if n == 3 {
                        (self.int_index(sc, &args[2])?, true)
                    } else {
                        (int(0), false)
                    };
                    let which = match m {
                        "startswith" => 0,
                        "endswith" => 1,
                        "find" => 2,
                        "rfind" => 3,
                        "index" => 4,
                        _ => 5,
                    };
                    let f = if rty == Ty::Bool {
                        "mg_str_match_range"
                    } else {
                        "mg_str_find_range"
                    };
                    (f, rty, vec![a, start, end, bool_(has_end), int(which)])
                }
            }
            "center" | "ljust" | "rjust" => {
                arity(1, 2)?;
                let w = self.int_index(sc, &args[0])?;
                let f = if n == 2 {
                    str_arg(self, 1, sc)?
                } else {
                    null_str
                };
                let name = match m {
                    "center" => "mg_str_center",
                    "ljust" => "mg_str_ljust",
                    _ => "mg_str_rjust",
                };
                (name, Ty::Str, vec![w, f])
            }
            "zfill" => {
                arity(1, 1)?;
                let w = self.int_index(sc, &args[0])?;
                ("mg_str_zfill", Ty::Str, vec![w])
            }
            "partition" | "rpartition" => {
                arity(1, 1)?;
                let a = str_arg(self, 0, sc)?;
                (
                    if m == "partition" {
                        "mg_str_partition"
                    } else {
                        "mg_str_rpartition"
                    },
                    Ty::Tuple(vec![Ty::Str, Ty::Str, Ty::Str]),
                    vec![a],
                )
            }
            _ => return err(&at.attr, format!("'str' object has no attribute '{m}'")),
        };
        vals.insert(0, obj);
        Ok(self.mk(e, ExprKind::Method(Method::Str(fname), vals), rty))
    }

    /// Whether a set method argument is (syntactically or by type) a set
    /// or a list of the set's element type; checked without side effects
    /// on the scope (a trial type check, the errors dropped).
    pub(super) fn is_set_or_list(&mut self, sc: &mut Scope, e: &AExpr, set_ty: &Ty) -> bool {
        match e {
            AExpr::Set(_) | AExpr::SetComp(_) | AExpr::ListComp(_) => return true,
            AExpr::List(l) => return !l.elts.is_empty(),
            AExpr::Name(n) => {
                if let Some(t) = self.declared_type(sc, n) {
                    let Ty::Set(et) = set_ty else { return false };
                    return t == *set_ty || t == Ty::List(et.clone());
                }
                false
            }
            _ => false,
        }
    }

    /// An argument of a set method: a set of the same type, or else a list
    /// of its items (any iterable, through `list(...)`).
    pub(super) fn set_operand(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        set_ty: &Ty,
        elem: &Ty,
    ) -> R<Expr> {
        if matches!(e, AExpr::Set(_) | AExpr::SetComp(_)) {
            return self.expr_expect(sc, e, set_ty);
        }
        if let AExpr::Dict(d) = e {
            if d.items.is_empty() {
                return Ok(self.mk(e, ExprKind::List(vec![]), Ty::List(Box::new(elem.clone()))));
            }
        }
        self.iterable_as_list(sc, e, elem, true)
    }
}

/// `set.update` for Method::SetUpdate (as CPython names methods in errors).
pub(super) fn method_name(m: Method) -> String {
    let dbg = format!("{m:?}");
    let mut out = String::new();
    for (i, c) in dbg.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(if out.contains('.') { '_' } else { '.' });
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}
