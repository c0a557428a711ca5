//! Stage 2: type-check the Python AST into the typed IR (`crate::ir`).
//!
//! Rules (see docs/user-guide.md, "The language"): every parameter and
//! return type is annotated; a variable gets one type, from its annotation or
//! its first assignment, and keeps it; no implicit conversion that CPython
//! would not make (an int is never silently stored in a float variable,
//! because CPython would keep it an int and print it differently).
//! Everything outside the supported subset is an error at its location.

use crate::diag::CompileError;
use crate::ir::*;
use ruff_python_ast::{self as ast, Expr as AExpr, ModModule, Stmt as AStmt};
use ruff_text_size::Ranged;
use std::collections::{HashMap, HashSet};

type R<T> = Result<T, CompileError>;

/// Check a parsed module. `file` is the name shown in tracebacks.
pub fn check(module: &ModModule, source: &str, file: &str) -> Result<Program, Vec<CompileError>> {
    let mut c = Checker {
        src: source,
        line_starts: std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        errors: Vec::new(),
        sigs: Vec::new(),
        func_index: HashMap::new(),
        globals: Vec::new(),
        global_index: HashMap::new(),
    };
    let prog = c.check_module(module, file);
    if c.errors.is_empty() {
        Ok(prog)
    } else {
        Err(c.errors)
    }
}

struct Sig {
    name: String,
    params: Vec<(String, Ty)>,
    ret: Ty,
}

struct Checker<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
    errors: Vec<CompileError>,
    sigs: Vec<Sig>,
    func_index: HashMap<String, FuncId>,
    globals: Vec<Var>,
    global_index: HashMap<String, GlobalId>,
}

/// Per-function state while checking its body.
struct Scope {
    is_module: bool,
    fname: String,
    ret: Ty,
    locals: Vec<Var>,
    local_index: HashMap<String, LocalId>,
    /// Names assigned anywhere in the function (locals unless `global`).
    assigned: HashSet<String>,
    declared_global: HashSet<String>,
    /// Types from annotations, declared before first use.
    annotated: HashMap<String, Ty>,
    loop_depth: u32,
}

fn span(r: impl Ranged) -> std::ops::Range<usize> {
    let r = r.range();
    r.start().to_usize()..r.end().to_usize()
}

/// From the start of a `def`/`class` to the end of its name.
fn header_span(start: usize, name: &ast::Identifier) -> std::ops::Range<usize> {
    start..name.range.end().to_usize()
}

fn err<T>(r: impl Ranged, msg: impl Into<String>) -> R<T> {
    Err(CompileError::new(span(r), msg))
}

/// Collect names assigned by a statement list (not descending into defs).
fn collect_assigned(stmts: &[AStmt], out: &mut HashSet<String>, globals: &mut HashSet<String>) {
    fn target(e: &AExpr, out: &mut HashSet<String>) {
        match e {
            AExpr::Name(n) => {
                out.insert(n.id.to_string());
            }
            AExpr::Tuple(t) => t.elts.iter().for_each(|e| target(e, out)),
            AExpr::List(t) => t.elts.iter().for_each(|e| target(e, out)),
            _ => {}
        }
    }
    for s in stmts {
        match s {
            AStmt::Assign(a) => a.targets.iter().for_each(|t| target(t, out)),
            AStmt::AnnAssign(a) => target(&a.target, out),
            AStmt::AugAssign(a) => target(&a.target, out),
            AStmt::For(f) => {
                target(&f.target, out);
                collect_assigned(&f.body, out, globals);
                collect_assigned(&f.orelse, out, globals);
            }
            AStmt::While(w) => {
                collect_assigned(&w.body, out, globals);
                collect_assigned(&w.orelse, out, globals);
            }
            AStmt::If(i) => {
                collect_assigned(&i.body, out, globals);
                for c in &i.elif_else_clauses {
                    collect_assigned(&c.body, out, globals);
                }
            }
            AStmt::Global(g) => g.names.iter().for_each(|n| {
                globals.insert(n.id.to_string());
            }),
            _ => {}
        }
    }
}

/// Whether control can never fall off the end of `stmts`.
fn always_returns(stmts: &[AStmt]) -> bool {
    stmts.iter().any(|s| match s {
        AStmt::Return(_) => true,
        AStmt::Raise(_) => true,
        AStmt::If(i) => {
            always_returns(&i.body)
                && i.elif_else_clauses.iter().any(|c| c.test.is_none())
                && i.elif_else_clauses.iter().all(|c| always_returns(&c.body))
        }
        AStmt::While(w) => {
            matches!(&*w.test, AExpr::BooleanLiteral(b) if b.value) && !contains_break(&w.body)
        }
        AStmt::Assert(a) => matches!(&*a.test, AExpr::BooleanLiteral(b) if !b.value),
        _ => false,
    })
}

fn contains_break(stmts: &[AStmt]) -> bool {
    stmts.iter().any(|s| match s {
        AStmt::Break(_) => true,
        AStmt::If(i) => {
            contains_break(&i.body) || i.elif_else_clauses.iter().any(|c| contains_break(&c.body))
        }
        // break inside a nested loop belongs to that loop
        _ => false,
    })
}

fn unsupported_stmt(s: &AStmt) -> Option<&'static str> {
    Some(match s {
        AStmt::ClassDef(_) => "class definitions are not supported yet",
        AStmt::Import(_) | AStmt::ImportFrom(_) => "import is not supported yet",
        AStmt::Try(_) => "try statements are not supported yet",
        AStmt::Raise(_) => "raise statements are not supported yet",
        AStmt::With(_) => "with statements are not supported yet",
        AStmt::Match(_) => "match statements are not supported yet",
        AStmt::Delete(_) => "del statements are not supported yet",
        AStmt::TypeAlias(_) => "type aliases are not supported yet",
        AStmt::Nonlocal(_) => "nonlocal is not supported",
        AStmt::IpyEscapeCommand(_) => "IPython escape commands are not Python",
        _ => return None,
    })
}

fn unsupported_expr(e: &AExpr) -> Option<&'static str> {
    Some(match e {
        AExpr::List(_) => "list displays are not supported yet",
        AExpr::Tuple(_) => "tuples are not supported yet (except in `a, b = x, y` assignments)",
        AExpr::Dict(_) => "dict displays are not supported yet",
        AExpr::Set(_) => "set displays are not supported yet",
        AExpr::ListComp(_) | AExpr::SetComp(_) | AExpr::DictComp(_) | AExpr::Generator(_) => {
            "comprehensions are not supported yet"
        }
        AExpr::Lambda(_) => "lambda expressions are not supported yet",
        AExpr::Named(_) => "assignment expressions (:=) are not supported yet",
        AExpr::Await(_) | AExpr::Yield(_) | AExpr::YieldFrom(_) => {
            "generators and async are not supported"
        }
        AExpr::FString(_) => "f-strings are not supported yet",
        AExpr::TString(_) => "template strings are not supported",
        AExpr::BytesLiteral(_) => "bytes are not supported yet",
        AExpr::EllipsisLiteral(_) => "`...` is not supported",
        AExpr::Attribute(_) => "attribute access and methods are not supported yet",
        AExpr::Starred(_) => "starred expressions are not supported yet",
        AExpr::Slice(_) => "slices are not supported yet",
        AExpr::NoneLiteral(_) => "None is only supported as a return type",
        AExpr::IpyEscapeCommand(_) => "IPython escape commands are not Python",
        _ => return None,
    })
}

impl<'a> Checker<'a> {
    fn line_col(&self, r: impl Ranged) -> (u32, u32) {
        let off = r.range().start().to_usize();
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let col = self.src[self.line_starts[line]..off].chars().count() + 1;
        (line as u32 + 1, col as u32)
    }

    fn annotation(&self, e: &AExpr) -> R<Ty> {
        match e {
            AExpr::Name(n) => match n.id.as_str() {
                "int" => Ok(Ty::Int),
                "float" => Ok(Ty::Float),
                "bool" => Ok(Ty::Bool),
                "str" => Ok(Ty::Str),
                other => err(e, format!("unknown type '{other}'")).map_err(|e: CompileError| {
                    e.with_help(
                        "supported types are int, float, bool, str (and None as a return type)",
                    )
                }),
            },
            AExpr::NoneLiteral(_) => Ok(Ty::None),
            AExpr::StringLiteral(s) => match ruff_python_parser::parse_expression(s.value.to_str())
            {
                Ok(p) => self.annotation(p.expr()).map_err(|mut ce| {
                    ce.span = span(e);
                    ce
                }),
                Err(_) => err(e, "invalid type annotation"),
            },
            _ => {
                let text = &self.src[span(e)];
                err(e, format!("type '{text}' is not supported yet"))
            }
        }
    }

    fn check_module(&mut self, m: &ModModule, file: &str) -> Program {
        // Pass 1: function signatures.
        let mut defs: Vec<&ast::StmtFunctionDef> = Vec::new();
        for s in &m.body {
            if let AStmt::FunctionDef(f) = s {
                match self.signature(f) {
                    Ok(sig) => {
                        if self.func_index.contains_key(&sig.name) {
                            self.errors.push(CompileError::new(
                                span(&f.name),
                                format!("function '{}' is defined twice", sig.name),
                            ));
                            continue;
                        }
                        self.func_index.insert(sig.name.clone(), self.sigs.len());
                        self.sigs.push(sig);
                        defs.push(f);
                    }
                    Err(e) => self.errors.push(e),
                }
            }
        }
        // Pass 2: module-level code (defines the globals' types).
        let mut assigned = HashSet::new();
        let mut g = HashSet::new();
        collect_assigned(&m.body, &mut assigned, &mut g);
        let mut scope = Scope {
            is_module: true,
            fname: "<module>".into(),
            ret: Ty::None,
            locals: Vec::new(),
            local_index: HashMap::new(),
            assigned,
            declared_global: HashSet::new(),
            annotated: HashMap::new(),
            loop_depth: 0,
        };
        let body: Vec<AStmt> = m
            .body
            .iter()
            .filter(|s| !matches!(s, AStmt::FunctionDef(_)))
            .cloned()
            .collect();
        let module_body = self.block(&mut scope, &body);
        let module_fn = Function {
            name: "<module>".into(),
            params: vec![],
            ret: Ty::None,
            locals: scope.locals,
            body: module_body,
            line: 1,
        };
        // Pass 3: function bodies.
        let mut functions = Vec::new();
        for (id, f) in defs.iter().enumerate() {
            functions.push(self.function(id, f));
        }
        let module_id = functions.len();
        functions.push(module_fn);
        Program {
            file: file.to_string(),
            globals: self.globals.clone(),
            functions,
            module_fn: module_id,
        }
    }

    fn signature(&self, f: &ast::StmtFunctionDef) -> R<Sig> {
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
                .with_help(format!("write `{pname}: int` (or float, bool, str)")));
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

    fn function(&mut self, id: FuncId, f: &ast::StmtFunctionDef) -> Function {
        let sig = &self.sigs[id];
        let (line, _) = self.line_col(f);
        let mut assigned = HashSet::new();
        let mut declared_global = HashSet::new();
        collect_assigned(&f.body, &mut assigned, &mut declared_global);
        let mut scope = Scope {
            is_module: false,
            fname: sig.name.clone(),
            ret: sig.ret,
            locals: Vec::new(),
            local_index: HashMap::new(),
            assigned,
            declared_global,
            annotated: HashMap::new(),
            loop_depth: 0,
        };
        let mut params = Vec::new();
        for (n, t) in &sig.params {
            scope.local_index.insert(n.clone(), scope.locals.len());
            params.push(scope.locals.len());
            scope.locals.push(Var {
                name: n.clone(),
                ty: *t,
                line,
            });
            scope.assigned.insert(n.clone());
        }
        for g in &scope.declared_global {
            if scope.local_index.contains_key(g) {
                self.errors.push(CompileError::new(
                    span(&f.name),
                    format!("name '{g}' is parameter and global"),
                ));
            }
        }
        let ret = sig.ret;
        let name = sig.name.clone();
        if ret == Ty::None {
            // A function without annotation must not return a value.
            if let Some(r) = find_value_return(&f.body) {
                let msg = if f.returns.is_none() {
                    format!("{name}() returns a value but has no return type annotation")
                } else {
                    format!("{name}() is declared to return None, but this returns a value")
                };
                self.errors.push(
                    CompileError::new(span(r), msg)
                        .with_help(format!("annotate it: `def {name}(...) -> int:`")),
                );
            }
        } else if !always_returns(&f.body) {
            self.errors.push(
                CompileError::new(
                    header_span(f.range.start().to_usize(), &f.name),
                    format!(
                        "{name}() is declared to return {} but can reach its end without returning",
                        ret.name()
                    ),
                )
                .with_help("add a return statement at the end"),
            );
        }
        let body = self.block(&mut scope, &f.body);
        Function {
            name,
            params,
            ret,
            locals: scope.locals,
            body,
            line,
        }
    }

    fn block(&mut self, sc: &mut Scope, stmts: &[AStmt]) -> Vec<Stmt> {
        let mut out = Vec::new();
        for s in stmts {
            match self.stmt(sc, s) {
                Ok(Some(st)) => out.push(st),
                Ok(None) => {}
                Err(e) => self.errors.push(e),
            }
        }
        out
    }

    fn mk_stmt(&self, r: impl Ranged, kind: StmtKind) -> Stmt {
        let (line, col) = self.line_col(r);
        Stmt { kind, line, col }
    }

    /// Resolve a name being assigned to; declares it with `ty` if new.
    fn assign_place(
        &mut self,
        sc: &mut Scope,
        name: &ast::ExprName,
        ty: Ty,
        value_range: impl Ranged,
    ) -> R<Place> {
        let n = name.id.as_str();
        let (line, _) = self.line_col(name);
        if ty == Ty::None {
            return err(
                value_range,
                "this expression has no value (it returns None)",
            );
        }
        let is_global = sc.is_module || sc.declared_global.contains(n);
        let existing = if is_global {
            self.global_index
                .get(n)
                .map(|&g| (Place::Global(g), self.globals[g].ty))
        } else {
            sc.local_index
                .get(n)
                .map(|&l| (Place::Local(l), sc.locals[l].ty))
        };
        if let Some((place, have)) = existing {
            if have != ty {
                return Err(CompileError::new(
                    span(value_range),
                    format!("variable '{n}' has type {}; cannot assign {}", have.name(), ty.name()),
                )
                .with_help(format!(
                    "a variable keeps the type of its first assignment; use another name for the {} value, or convert it",
                    ty.name()
                )));
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
                ty,
                line,
            });
            self.global_index.insert(n.to_string(), id);
            Ok(Place::Global(id))
        } else {
            let id = sc.locals.len();
            sc.locals.push(Var {
                name: n.to_string(),
                ty,
                line,
            });
            sc.local_index.insert(n.to_string(), id);
            Ok(Place::Local(id))
        }
    }

    /// The declared type of a name about to be assigned, if known.
    fn declared_type(&self, sc: &Scope, n: &str) -> Option<Ty> {
        if let Some(t) = sc.annotated.get(n) {
            return Some(*t);
        }
        if sc.is_module || sc.declared_global.contains(n) {
            self.global_index.get(n).map(|&g| self.globals[g].ty)
        } else {
            sc.local_index.get(n).map(|&l| sc.locals[l].ty)
        }
    }

    fn stmt(&mut self, sc: &mut Scope, s: &AStmt) -> R<Option<Stmt>> {
        if let Some(msg) = unsupported_stmt(s) {
            if let AStmt::ClassDef(c) = s {
                return Err(CompileError::new(
                    header_span(c.range.start().to_usize(), &c.name),
                    msg,
                ));
            }
            return err(s, msg);
        }
        let kind = match s {
            AStmt::FunctionDef(f) => {
                return err(&f.name, "nested function definitions are not supported yet")
            }
            AStmt::Pass(_) => StmtKind::Pass,
            AStmt::Expr(e) => {
                if let AExpr::StringLiteral(_) = &*e.value {
                    return Ok(None); // docstring or bare string: no effect
                }
                if let AExpr::Call(call) = &*e.value {
                    if let AExpr::Name(n) = &*call.func {
                        if n.id.as_str() == "print" && !self.func_index.contains_key("print") {
                            return Ok(Some(self.print(sc, s, call)?));
                        }
                    }
                }
                let v = self.expr_any(sc, &e.value)?;
                StmtKind::Expr(v)
            }
            AStmt::Global(g) => {
                if sc.is_module {
                    return Ok(None);
                }
                for n in &g.names {
                    if !self.global_index.contains_key(n.id.as_str()) {
                        return err(
                            n,
                            format!("global '{}' must first be assigned at module level", n.id),
                        );
                    }
                }
                return Ok(None);
            }
            AStmt::AnnAssign(a) => {
                let AExpr::Name(name) = &*a.target else {
                    return err(&*a.target, "only simple names can be annotated");
                };
                let ty = self.annotation(&a.annotation)?;
                if ty == Ty::None {
                    return err(&*a.annotation, "a variable cannot have type None");
                }
                if let Some(have) = self.declared_type(sc, name.id.as_str()) {
                    if have != ty {
                        return err(
                            &*a.annotation,
                            format!("variable '{}' already has type {}", name.id, have.name()),
                        );
                    }
                }
                match &a.value {
                    None => {
                        sc.annotated.insert(name.id.to_string(), ty);
                        // Declare it now so later uses know the type.
                        let place = self.assign_place(sc, name, ty, &*a.annotation)?;
                        let _ = place;
                        return Ok(None);
                    }
                    Some(v) => {
                        let val = self.expr_expect(sc, v, ty)?;
                        let place = self.assign_place(sc, name, ty, &**v)?;
                        StmtKind::Assign(place, val)
                    }
                }
            }
            AStmt::Assign(a) => {
                if a.targets.len() != 1 {
                    return err(s, "chained assignment (a = b = x) is not supported yet");
                }
                match &a.targets[0] {
                    AExpr::Name(name) => {
                        let val = self.expr_value(sc, &a.value)?;
                        let place = self.assign_place(sc, name, val.ty, &*a.value)?;
                        StmtKind::Assign(place, val)
                    }
                    AExpr::Tuple(t) => {
                        let AExpr::Tuple(vals) = &*a.value else {
                            return err(&*a.value, "tuple unpacking needs a tuple of expressions on the right (a, b = x, y)");
                        };
                        if vals.elts.len() != t.elts.len() {
                            return err(
                                &*a.value,
                                format!(
                                    "cannot unpack {} values into {} names",
                                    vals.elts.len(),
                                    t.elts.len()
                                ),
                            );
                        }
                        let mut values = Vec::new();
                        for (tgt, v) in t.elts.iter().zip(vals.elts.iter()) {
                            let AExpr::Name(name) = tgt else {
                                return err(tgt, "only names can be assigned to");
                            };
                            let val = self.expr_value(sc, v)?;
                            values.push((name, val, v));
                        }
                        let mut pairs = Vec::new();
                        for (name, val, v) in values {
                            let place = self.assign_place(sc, name, val.ty, v)?;
                            pairs.push((place, val));
                        }
                        StmtKind::MultiAssign(pairs)
                    }
                    AExpr::Subscript(_) => {
                        return err(&a.targets[0], "item assignment is not supported yet")
                    }
                    AExpr::Attribute(_) => {
                        return err(&a.targets[0], "attribute assignment is not supported yet")
                    }
                    other => return err(other, "cannot assign to this expression"),
                }
            }
            AStmt::AugAssign(a) => {
                let AExpr::Name(name) = &*a.target else {
                    return err(
                        &*a.target,
                        "augmented assignment is only supported on names",
                    );
                };
                let cur = self.load_name(sc, name)?;
                let rhs = self.expr_value(sc, &a.value)?;
                let (line, col) = self.line_col(s);
                let val = self.binary(a.op, cur, rhs, s, line, col)?;
                let place = self.assign_place(sc, name, val.ty, s)?;
                StmtKind::Assign(place, val)
            }
            AStmt::If(i) => {
                let test = self.truthy(sc, &i.test)?;
                let body = self.block(sc, &i.body);
                // elif chain: build from the end.
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
            }
            AStmt::While(w) => {
                let test = self.truthy(sc, &w.test)?;
                sc.loop_depth += 1;
                let body = self.block(sc, &w.body);
                sc.loop_depth -= 1;
                let orelse = self.block(sc, &w.orelse);
                StmtKind::While { test, body, orelse }
            }
            AStmt::For(f) => {
                if f.is_async {
                    return err(s, "async for is not supported");
                }
                let AExpr::Name(var) = &*f.target else {
                    return err(
                        &*f.target,
                        "only a single name is supported as a for-loop target yet",
                    );
                };
                let (start, stop, step) = self.range_args(sc, &f.iter)?;
                let place = self.assign_place(sc, var, Ty::Int, &*f.target)?;
                sc.loop_depth += 1;
                let body = self.block(sc, &f.body);
                sc.loop_depth -= 1;
                let orelse = self.block(sc, &f.orelse);
                StmtKind::ForRange {
                    var: place,
                    start,
                    stop,
                    step,
                    body,
                    orelse,
                }
            }
            AStmt::Break(_) => {
                if sc.loop_depth == 0 {
                    return err(s, "'break' outside loop");
                }
                StmtKind::Break
            }
            AStmt::Continue(_) => {
                if sc.loop_depth == 0 {
                    return err(s, "'continue' not properly in loop");
                }
                StmtKind::Continue
            }
            AStmt::Return(r) => {
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
                            // reported once per function in `function`
                            return Ok(None);
                        }
                        let val = self.expr_value(sc, v)?;
                        if val.ty != sc.ret {
                            return Err(CompileError::new(
                                span(s),
                                format!(
                                    "{}() is declared to return {}, but this returns {}",
                                    sc.fname,
                                    sc.ret.name(),
                                    val.ty.name()
                                ),
                            )
                            .with_help(type_fix_help(sc.ret, val.ty)));
                        }
                        StmtKind::Return(Some(val))
                    }
                }
            }
            AStmt::Assert(a) => {
                let test = self.truthy(sc, &a.test)?;
                let msg = match &a.msg {
                    Some(m) => {
                        let v = self.expr_value(sc, m)?;
                        Some(self.to_str(v))
                    }
                    None => None,
                };
                StmtKind::Assert(test, msg)
            }
            _ => return err(s, "this statement is not supported yet"),
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    fn range_args(&mut self, sc: &mut Scope, it: &AExpr) -> R<(Expr, Expr, Expr)> {
        let AExpr::Call(call) = it else {
            return err(it, "only `for x in range(...)` loops are supported yet");
        };
        let is_range = matches!(&*call.func, AExpr::Name(n) if n.id.as_str() == "range")
            && !self.func_index.contains_key("range");
        if !is_range {
            return err(it, "only `for x in range(...)` loops are supported yet");
        }
        if let Some(k) = call.arguments.keywords.first() {
            return err(k, "range() takes no keyword arguments");
        }
        let args = &call.arguments.args;
        let mut vals = Vec::new();
        for a in args.iter() {
            let v = self.expr_value(sc, a)?;
            let v = match v.ty {
                Ty::Int => v,
                Ty::Bool => self.bool_to_int(v),
                t => {
                    return err(
                        a,
                        format!("'{}' object cannot be interpreted as an integer", t.name()),
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

    fn print(&mut self, sc: &mut Scope, s: &AStmt, call: &ast::ExprCall) -> R<Stmt> {
        let mut args = Vec::new();
        for a in call.arguments.args.iter() {
            if let AExpr::Starred(_) = a {
                return err(a, "starred arguments are not supported yet");
            }
            args.push(self.expr_value(sc, a)?);
        }
        let mut sep = None;
        let mut end = None;
        for k in call.arguments.keywords.iter() {
            let Some(name) = &k.arg else {
                return err(k, "**kwargs arguments are not supported");
            };
            let v = self.expr_expect(sc, &k.value, Ty::Str)?;
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

    // ---- expressions ----------------------------------------------------

    fn mk(&self, r: impl Ranged, kind: ExprKind, ty: Ty) -> Expr {
        let (line, col) = self.line_col(r);
        Expr {
            kind,
            ty,
            line,
            col,
        }
    }

    /// An expression of any type, including a None-returning call.
    fn expr_any(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        self.expr(sc, e)
    }

    /// An expression that must produce a value.
    fn expr_value(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        let v = self.expr(sc, e)?;
        if v.ty == Ty::None {
            return err(
                e,
                "this call returns None; its result cannot be used as a value",
            );
        }
        Ok(v)
    }

    /// An expression that must have type `want`.
    fn expr_expect(&mut self, sc: &mut Scope, e: &AExpr, want: Ty) -> R<Expr> {
        let v = self.expr_value(sc, e)?;
        if v.ty != want {
            return Err(CompileError::new(
                span(e),
                format!("expected {}, found {}", want.name(), v.ty.name()),
            )
            .with_help(type_fix_help(want, v.ty)));
        }
        Ok(v)
    }

    fn truthy(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        let v = self.expr_value(sc, e)?;
        Ok(self.truthy_of(v))
    }

    fn truthy_of(&self, v: Expr) -> Expr {
        if v.ty == Ty::Bool {
            return v;
        }
        let (line, col) = (v.line, v.col);
        Expr {
            kind: ExprKind::Truthy(Box::new(v)),
            ty: Ty::Bool,
            line,
            col,
        }
    }

    fn bool_to_int(&self, v: Expr) -> Expr {
        let (line, col) = (v.line, v.col);
        Expr {
            kind: ExprKind::BoolToInt(Box::new(v)),
            ty: Ty::Int,
            line,
            col,
        }
    }

    fn to_float(&self, v: Expr) -> Expr {
        if v.ty == Ty::Float {
            return v;
        }
        let (line, col) = (v.line, v.col);
        Expr {
            kind: ExprKind::ToFloat(Box::new(v)),
            ty: Ty::Float,
            line,
            col,
        }
    }

    fn to_str(&self, v: Expr) -> Expr {
        if v.ty == Ty::Str {
            return v;
        }
        let (line, col) = (v.line, v.col);
        Expr {
            kind: ExprKind::Builtin(Builtin::Str, vec![v]),
            ty: Ty::Str,
            line,
            col,
        }
    }

    fn load_name(&mut self, sc: &mut Scope, n: &ast::ExprName) -> R<Expr> {
        let name = n.id.as_str();
        let global_lookup = |c: &Self| {
            c.global_index
                .get(name)
                .map(|&g| (Place::Global(g), c.globals[g].ty))
        };
        let found = if sc.is_module || sc.declared_global.contains(name) {
            global_lookup(self)
        } else if sc.assigned.contains(name) {
            match sc.local_index.get(name) {
                Some(&l) => Some((Place::Local(l), sc.locals[l].ty)),
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

    fn expr(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        if let Some(msg) = unsupported_expr(e) {
            return err(e, msg);
        }
        Ok(match e {
            AExpr::NumberLiteral(n) => match &n.value {
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
            },
            AExpr::BooleanLiteral(b) => self.mk(e, ExprKind::Bool(b.value), Ty::Bool),
            AExpr::StringLiteral(s) => {
                self.mk(e, ExprKind::Str(s.value.to_str().to_string()), Ty::Str)
            }
            AExpr::Name(n) => self.load_name(sc, n)?,
            AExpr::BinOp(b) => {
                let l = self.expr_value(sc, &b.left)?;
                let r = self.expr_value(sc, &b.right)?;
                let (line, col) = self.line_col(e);
                self.binary(b.op, l, r, e, line, col)?
            }
            AExpr::UnaryOp(u) => {
                let v = self.expr_value(sc, &u.operand)?;
                match u.op {
                    ast::UnaryOp::Not => {
                        let t = self.truthy_of(v);
                        self.mk(e, ExprKind::Not(Box::new(t)), Ty::Bool)
                    }
                    ast::UnaryOp::UAdd => match v.ty {
                        Ty::Int | Ty::Float => v,
                        Ty::Bool => self.bool_to_int(v),
                        t => {
                            return err(e, format!("bad operand type for unary +: '{}'", t.name()))
                        }
                    },
                    ast::UnaryOp::USub => match v.ty {
                        Ty::Int | Ty::Float => {
                            let ty = v.ty;
                            self.mk(e, ExprKind::Unary(UnOp::Neg, Box::new(v)), ty)
                        }
                        Ty::Bool => {
                            let v = self.bool_to_int(v);
                            self.mk(e, ExprKind::Unary(UnOp::Neg, Box::new(v)), Ty::Int)
                        }
                        t => {
                            return err(e, format!("bad operand type for unary -: '{}'", t.name()))
                        }
                    },
                    ast::UnaryOp::Invert => match v.ty {
                        Ty::Int => self.mk(e, ExprKind::Unary(UnOp::Invert, Box::new(v)), Ty::Int),
                        Ty::Bool => {
                            let v = self.bool_to_int(v);
                            self.mk(e, ExprKind::Unary(UnOp::Invert, Box::new(v)), Ty::Int)
                        }
                        t => {
                            return err(e, format!("bad operand type for unary ~: '{}'", t.name()))
                        }
                    },
                }
            }
            AExpr::BoolOp(b) => {
                let opname = match b.op {
                    ast::BoolOp::And => "and",
                    ast::BoolOp::Or => "or",
                };
                let mut vals = Vec::new();
                for v in &b.values {
                    vals.push(self.expr_value(sc, v)?);
                }
                let ty = vals[0].ty;
                if vals.iter().any(|v| v.ty != ty) {
                    let other = vals.iter().find(|v| v.ty != ty).unwrap().ty;
                    return err(
                        e,
                        format!(
                            "operands of '{opname}' must have the same type, found {} and {}",
                            ty.name(),
                            other.name()
                        ),
                    )
                    .map_err(|ce: CompileError| {
                        ce.with_help("convert one side, e.g. with bool(...)")
                    });
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
                        ty,
                        line,
                        col,
                    };
                }
                acc
            }
            AExpr::Compare(c) => {
                let left = self.expr_value(sc, &c.left)?;
                let mut prev_ty = left.ty;
                let mut pairs = Vec::new();
                for (op, rhs) in c.ops.iter().zip(c.comparators.iter()) {
                    let r = self.expr_value(sc, rhs)?;
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
                        ast::CmpOp::In | ast::CmpOp::NotIn => {
                            return err(e, "'in' is not supported yet")
                        }
                    };
                    let numeric = |t: Ty| matches!(t, Ty::Int | Ty::Float | Ty::Bool);
                    let ok = (numeric(prev_ty) && numeric(r.ty))
                        || (prev_ty == Ty::Str && r.ty == Ty::Str);
                    if !ok {
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
                    prev_ty = r.ty;
                    pairs.push((cop, r));
                }
                self.mk(e, ExprKind::Compare(Box::new(left), pairs), Ty::Bool)
            }
            AExpr::If(i) => {
                let test = self.truthy(sc, &i.test)?;
                let a = self.expr_value(sc, &i.body)?;
                let b = self.expr_value(sc, &i.orelse)?;
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
                let ty = a.ty;
                self.mk(
                    e,
                    ExprKind::IfExp(Box::new(test), Box::new(a), Box::new(b)),
                    ty,
                )
            }
            AExpr::Subscript(s) => {
                let v = self.expr_value(sc, &s.value)?;
                if v.ty != Ty::Str {
                    return err(
                        &*s.value,
                        format!("'{}' object is not subscriptable", v.ty.name()),
                    );
                }
                if let AExpr::Slice(_) = &*s.slice {
                    return err(&*s.slice, "string slicing is not supported yet");
                }
                let i = self.expr_value(sc, &s.slice)?;
                let i = match i.ty {
                    Ty::Int => i,
                    Ty::Bool => self.bool_to_int(i),
                    t => {
                        return err(
                            &*s.slice,
                            format!("string indices must be integers, not '{}'", t.name()),
                        )
                    }
                };
                self.mk(e, ExprKind::Builtin(Builtin::StrIndex, vec![v, i]), Ty::Str)
            }
            AExpr::Call(call) => self.call(sc, e, call)?,
            _ => return err(e, "this expression is not supported yet"),
        })
    }

    fn binary(
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
        let bad = || -> R<Expr> {
            err(
                at,
                format!(
                    "unsupported operand types for {opstr}: '{}' and '{}'",
                    l.ty.name(),
                    r.ty.name()
                ),
            )
        };
        let mk = |kind, ty| Expr {
            kind,
            ty,
            line,
            col,
        };
        let bop = match op {
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
            ast::Operator::MatMult => return bad(),
        };
        // Strings.
        if l.ty == Str || r.ty == Str {
            return match (bop, l.ty, r.ty) {
                (BinOp::Add, Str, Str) => Ok(mk(
                    ExprKind::Binary(BinOp::Add, Box::new(l), Box::new(r)),
                    Str,
                )),
                (BinOp::Mul, Str, Int | Bool) => {
                    let r = if r.ty == Bool { self.bool_to_int(r) } else { r };
                    Ok(mk(
                        ExprKind::Binary(BinOp::Mul, Box::new(l), Box::new(r)),
                        Str,
                    ))
                }
                (BinOp::Mul, Int | Bool, Str) => {
                    let l = if l.ty == Bool { self.bool_to_int(l) } else { l };
                    Ok(mk(
                        ExprKind::Binary(BinOp::Mul, Box::new(r), Box::new(l)),
                        Str,
                    ))
                }
                _ => bad(),
            };
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
        match (l.ty, r.ty) {
            (Int, Int) => {
                let ty = if bop == BinOp::Div { Float } else { Int };
                if bop == BinOp::Pow {
                    if let ExprKind::Int(v) = r.kind {
                        if v < 0 {
                            return Err(CompileError::new(
                                span(at),
                                "negative exponent in int ** int is not supported (CPython returns a float)",
                            )
                            .with_help("use a float base, e.g. 2.0 ** -1"));
                        }
                    }
                }
                Ok(mk(ExprKind::Binary(bop, Box::new(l), Box::new(r)), ty))
            }
            (Int | Float, Int | Float) => {
                if matches!(
                    bop,
                    BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
                ) {
                    return err(
                        at,
                        format!(
                            "unsupported operand types for {opstr}: '{}' and '{}'",
                            l.ty.name(),
                            r.ty.name()
                        ),
                    );
                }
                let l = self.to_float(l);
                let r = self.to_float(r);
                Ok(mk(ExprKind::Binary(bop, Box::new(l), Box::new(r)), Float))
            }
            _ => err(
                at,
                format!(
                    "unsupported operand types for {opstr}: '{}' and '{}'",
                    l.ty.name(),
                    r.ty.name()
                ),
            ),
        }
    }

    fn call(&mut self, sc: &mut Scope, e: &AExpr, call: &ast::ExprCall) -> R<Expr> {
        let AExpr::Name(fname) = &*call.func else {
            if let AExpr::Attribute(_) = &*call.func {
                return err(&*call.func, "methods are not supported yet");
            }
            return err(&*call.func, "only named functions can be called");
        };
        let name = fname.id.as_str();
        for a in call.arguments.args.iter() {
            if let AExpr::Starred(_) = a {
                return err(a, "starred arguments are not supported yet");
            }
        }
        if let Some(&fid) = self.func_index.get(name) {
            if let Some(k) = call.arguments.keywords.first() {
                return err(k, "keyword arguments are not supported yet");
            }
            let nparams = self.sigs[fid].params.len();
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
            for (i, a) in call.arguments.args.iter().enumerate() {
                let v = self.expr_value(sc, a)?;
                let want = self.sigs[fid].params[i].1;
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
                    .with_help(type_fix_help(want, v.ty)));
                }
                args.push(v);
            }
            let ret = self.sigs[fid].ret;
            return Ok(self.mk(e, ExprKind::Call(fid, args), ret));
        }
        if let Some(k) = call.arguments.keywords.first() {
            if name == "print" {
                return err(e, "print() has no value; use it as a statement");
            }
            return err(k, format!("{name}() takes no keyword arguments"));
        }
        let mut args = Vec::new();
        for a in call.arguments.args.iter() {
            args.push(self.expr_value(sc, a)?);
        }
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
                let v = args.pop().unwrap();
                Ok(self.to_str(v))
            }
            "int" => {
                if n == 0 {
                    return Ok(self.mk(e, ExprKind::Int(0), Ty::Int));
                }
                one("int")?;
                let v = args.pop().unwrap();
                Ok(match v.ty {
                    Ty::Int => v,
                    Ty::Bool => self.bool_to_int(v),
                    Ty::Float => self.mk(
                        e,
                        ExprKind::Builtin(Builtin::IntFromFloat, vec![v]),
                        Ty::Int,
                    ),
                    Ty::Str => self.mk(e, ExprKind::Builtin(Builtin::IntFromStr, vec![v]), Ty::Int),
                    Ty::None => unreachable!(),
                })
            }
            "float" => {
                if n == 0 {
                    return Ok(self.mk(e, ExprKind::Float(0.0), Ty::Float));
                }
                one("float")?;
                let v = args.pop().unwrap();
                Ok(match v.ty {
                    Ty::Float => v,
                    Ty::Int | Ty::Bool => self.to_float(v),
                    Ty::Str => self.mk(
                        e,
                        ExprKind::Builtin(Builtin::FloatFromStr, vec![v]),
                        Ty::Float,
                    ),
                    Ty::None => unreachable!(),
                })
            }
            "bool" => {
                if n == 0 {
                    return Ok(self.mk(e, ExprKind::Bool(false), Ty::Bool));
                }
                one("bool")?;
                let v = args.pop().unwrap();
                Ok(self.truthy_of(v))
            }
            "abs" => {
                one("abs")?;
                let v = args.pop().unwrap();
                let v = match v.ty {
                    Ty::Bool => self.bool_to_int(v),
                    Ty::Int | Ty::Float => v,
                    t => return err(e, format!("bad operand type for abs(): '{}'", t.name())),
                };
                let ty = v.ty;
                Ok(self.mk(e, ExprKind::Builtin(Builtin::Abs, vec![v]), ty))
            }
            "len" => {
                one("len")?;
                let v = args.pop().unwrap();
                if v.ty != Ty::Str {
                    return err(e, format!("len() of {} is not supported", v.ty.name()))
                        .map_err(|ce: CompileError| ce.with_help("len() takes a str here"));
                }
                Ok(self.mk(e, ExprKind::Builtin(Builtin::Len, vec![v]), Ty::Int))
            }
            "min" | "max" => {
                if n < 2 {
                    return err(e, format!("{name}() of a single iterable is not supported yet; pass two or more arguments"));
                }
                let ty = args[0].ty;
                if let Some(o) = args.iter().find(|a| a.ty != ty) {
                    return err(
                        e,
                        format!(
                            "arguments of {name}() must have the same type, found {} and {}",
                            ty.name(),
                            o.ty.name()
                        ),
                    );
                }
                let b = if name == "min" {
                    Builtin::Min
                } else {
                    Builtin::Max
                };
                Ok(self.mk(e, ExprKind::Builtin(b, args), ty))
            }
            "range" => err(e, "range() is only supported as the iterable of a for loop"),
            "input" | "open" | "exit" | "quit" | "round" | "ord" | "chr" | "repr" | "list"
            | "dict" | "set" | "tuple" | "sum" | "sorted" | "enumerate" | "zip" | "isinstance"
            | "type" | "hash" | "id" | "divmod" | "pow" | "hex" | "oct" | "bin" | "format"
            | "any" | "all" | "iter" | "next" | "reversed" | "map" | "filter" => err(
                &*call.func,
                format!("builtin {name}() is not supported yet"),
            ),
            _ => err(&*call.func, format!("name '{name}' is not defined")),
        }
    }
}

fn find_value_return(stmts: &[AStmt]) -> Option<&AStmt> {
    for s in stmts {
        let found = match s {
            AStmt::Return(r) if r.value.is_some() => Some(s),
            AStmt::If(i) => find_value_return(&i.body).or_else(|| {
                i.elif_else_clauses
                    .iter()
                    .find_map(|c| find_value_return(&c.body))
            }),
            AStmt::While(w) => find_value_return(&w.body).or_else(|| find_value_return(&w.orelse)),
            AStmt::For(f) => find_value_return(&f.body).or_else(|| find_value_return(&f.orelse)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn type_fix_help(want: Ty, have: Ty) -> String {
    match (want, have) {
        (Ty::Float, Ty::Int) => "mgen never converts an int to float implicitly (CPython would keep it an int); write a float literal like 1.0 or float(x)".into(),
        (Ty::Int, Ty::Bool) => "write int(x) to convert the bool".into(),
        (Ty::Str, _) => "write str(x) to convert".into(),
        (Ty::Int, Ty::Float) => "write int(x) to truncate".into(),
        _ => format!("convert it to {}", want.name()),
    }
}
