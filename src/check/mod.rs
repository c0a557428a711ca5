//! Stage 2: type-check the Python AST into the typed IR (`crate::ir`).
//!
//! Rules (see docs/user-guide.md, "The language"): every parameter and
//! return type is annotated; a variable gets one type, from its annotation or
//! its first assignment, and keeps it; no implicit conversion that CPython
//! would not make (an int is never silently stored in a float variable,
//! because CPython would keep it an int and print it differently).
//! Everything outside the supported subset is an error at its location.

pub mod dump;

use crate::diag::CompileError;
use crate::front::{ImportTarget, ModuleGraph, ModuleId};
use crate::ir::*;
use ruff_python_ast::{self as ast, Expr as AExpr, ModModule, Stmt as AStmt};
use ruff_text_size::Ranged;
use std::collections::{HashMap, HashSet};

type R<T> = Result<T, CompileError>;

/// Check the program's entry module (the only one accepted until modules
/// are supported). `file` is the name shown in tracebacks.
pub fn check(graph: &ModuleGraph, file: &str) -> Result<Program, Vec<CompileError>> {
    let entry = graph.entry();
    let module = &entry.ast;
    let source = graph.files[entry.file].source.as_str();
    let mut c = Checker {
        graph,
        module_id: graph.entry,
        src: source,
        frozen: crate::pyconst::frozen_sets(&module.body),
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
    graph: &'a ModuleGraph,
    /// The module being checked.
    module_id: ModuleId,
    src: &'a str,
    /// Set displays CPython compiles to frozenset constants, by offset.
    frozen: HashMap<usize, crate::pyconst::FrozenUse<'a>>,
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
    /// Comprehension and lambda scopes, innermost last: name -> local.
    inner: Vec<HashMap<String, LocalId>>,
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
            AStmt::Delete(_) => {}
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
        AStmt::Try(_) => "try statements are not supported yet",
        AStmt::Raise(_) => "raise statements are not supported yet",
        AStmt::With(_) => "with statements are not supported yet",
        AStmt::Match(_) => "match statements are not supported yet",
        AStmt::TypeAlias(_) => "type aliases are not supported yet",
        AStmt::Nonlocal(_) => "nonlocal is not supported",
        AStmt::IpyEscapeCommand(_) => "IPython escape commands are not Python",
        _ => return None,
    })
}

fn unsupported_expr(e: &AExpr) -> Option<&'static str> {
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
                "list" | "dict" | "set" | "tuple" => err(e, format!("'{}' needs its element types, e.g. list[int], dict[str, int], tuple[int, str]", n.id)),
                other => err(e, format!("unknown type '{other}'")).map_err(|e: CompileError| {
                    e.with_help("supported types are int, float, bool, str, list[T], dict[K, V], set[T], tuple[...] (and None as a return type)")
                }),
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

    fn value_annotation(&self, e: &AExpr) -> R<Ty> {
        let t = self.annotation(e)?;
        if t == Ty::None {
            return err(e, "None is only supported as a return type");
        }
        Ok(t)
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
            inner: Vec::new(),
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
                .with_help(format!(
                    "write `{pname}: int` (or float, bool, str, list[int], ...)"
                )));
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
            ret: sig.ret.clone(),
            locals: Vec::new(),
            local_index: HashMap::new(),
            assigned,
            declared_global,
            annotated: HashMap::new(),
            loop_depth: 0,
            inner: Vec::new(),
        };
        let mut params = Vec::new();
        for (n, t) in &sig.params {
            scope.local_index.insert(n.clone(), scope.locals.len());
            params.push(scope.locals.len());
            scope.locals.push(Var {
                name: n.clone(),
                ty: t.clone(),
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
        let ret = sig.ret.clone();
        let name = sig.name.clone();
        if ret == Ty::None {
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

    /// A fresh local only code generated for this function can name
    /// (comprehension and lambda variables).
    fn hidden_local(&self, sc: &mut Scope, name: &str, ty: Ty, line: u32) -> LocalId {
        let id = sc.locals.len();
        sc.locals.push(Var {
            name: name.to_string(),
            ty,
            line,
        });
        id
    }

    /// Resolve a name being assigned to; declares it with `ty` if new.
    fn assign_place(
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
    fn declared_type(&self, sc: &Scope, n: &str) -> Option<Ty> {
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
    fn bind_target(&mut self, sc: &mut Scope, t: &AExpr, ty: &Ty, fresh: bool) -> R<Target> {
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
            AStmt::Import(_) | AStmt::ImportFrom(_) => return self.import(s),
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
                let v = self.expr(sc, &e.value, None)?;
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
                        sc.annotated.insert(name.id.to_string(), ty.clone());
                        self.assign_place(sc, name, &ty, &*a.annotation)?;
                        return Ok(None);
                    }
                    Some(v) => {
                        let val = self.expr_expect(sc, v, &ty)?;
                        let place = self.assign_place(sc, name, &ty, &**v)?;
                        StmtKind::Assign(Target::Place(place), val)
                    }
                }
            }
            AStmt::Assign(a) => {
                if a.targets.len() != 1 {
                    return err(s, "chained assignment (a = b = x) is not supported yet");
                }
                let target = &a.targets[0];
                match target {
                    AExpr::Name(name) => {
                        let hint = self.declared_type(sc, name.id.as_str());
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
                                        AExpr::Name(name) => {
                                            self.declared_type(sc, name.id.as_str())
                                        }
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
                                        _ => self.bind_target(sc, tgt, &val.ty, false)?,
                                    };
                                    pairs.push((t, val));
                                }
                                StmtKind::MultiAssign(pairs)
                            } else {
                                let val = self.expr_value(sc, &a.value, None)?;
                                let t = self.bind_target(sc, target, &val.ty, false)?;
                                StmtKind::Assign(t, val)
                            }
                        } else {
                            let val = self.expr_value(sc, &a.value, None)?;
                            let t = self.bind_target(sc, target, &val.ty, false)?;
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
            }
            AStmt::AugAssign(a) => match &*a.target {
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
            },
            AStmt::Delete(d) => {
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
            }
            AStmt::If(i) => {
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
                let iter = self.iter_of(sc, &f.iter)?;
                let target = self.bind_target(sc, &f.target, &iter.elem, false)?;
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
                            .with_help(type_fix_help(&ret, &val.ty)));
                        }
                        StmtKind::Return(Some(val))
                    }
                }
            }
            AStmt::Assert(a) => {
                let test = self.truthy(sc, &a.test)?;
                let msg = match &a.msg {
                    Some(m) => {
                        let v = self.expr_value(sc, m, None)?;
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

    /// An import statement: the loader found (or reported) its modules;
    /// none can be used yet.
    fn import(&mut self, s: &AStmt) -> R<Option<Stmt>> {
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
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// `target op= value` where the target is a mutable container with an
    /// in-place operator (`list.__iadd__` takes any iterable, `__imul__` an
    /// int, `set.__ior__` & co. a set of the same type): the operator and the
    /// checked right operand. None when the operation is an ordinary binary
    /// one (immutable values, or no in-place form).
    fn inplace_operand(
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
    fn item_target(
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
    fn slice_bounds(
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

    /// Whether a set method argument is (syntactically or by type) a set
    /// or a list of the set's element type; checked without side effects
    /// on the scope (a trial type check, the errors dropped).
    fn is_set_or_list(&mut self, sc: &mut Scope, e: &AExpr, set_ty: &Ty) -> bool {
        match e {
            AExpr::Set(_) | AExpr::SetComp(_) | AExpr::ListComp(_) => return true,
            AExpr::List(l) => return !l.elts.is_empty(),
            AExpr::Name(n) => {
                if let Some(t) = self.declared_type(sc, n.id.as_str()) {
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
    fn set_operand(&mut self, sc: &mut Scope, e: &AExpr, set_ty: &Ty, elem: &Ty) -> R<Expr> {
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

    /// Any iterable of `elem` items as a `list[elem]` value (a list as is,
    /// anything else through `list(...)`), for slice assignment.
    fn list_of_iterable(&mut self, sc: &mut Scope, e: &AExpr, elem: &Ty) -> R<Expr> {
        self.iterable_as_list(sc, e, elem, false)
    }

    /// `e`, an iterable of `elem` items, as a list value: a list (or, with
    /// `keep_set`, a set) as it is, anything else through `list(...)`.
    fn iterable_as_list(
        &mut self,
        sc: &mut Scope,
        e: &AExpr,
        elem: &Ty,
        keep_set: bool,
    ) -> R<Expr> {
        let list_ty = Ty::List(Box::new(elem.clone()));
        let empty = match e {
            AExpr::List(l) => l.elts.is_empty(),
            AExpr::Tuple(t) => t.elts.is_empty(),
            _ => false,
        };
        if empty {
            return Ok(self.mk(e, ExprKind::List(vec![]), list_ty));
        }
        if matches!(e, AExpr::List(_) | AExpr::ListComp(_)) {
            return self.expr_expect(sc, e, &list_ty);
        }
        let it = self.iter_of(sc, e)?;
        if it.elem != *elem {
            return err(
                e,
                format!(
                    "expected an iterable of {}, found one of {}",
                    elem.name(),
                    it.elem.name()
                ),
            );
        }
        match it.kind {
            IterKind::List(v) => return Ok(*v),
            IterKind::Set(v) if keep_set => return Ok(*v),
            _ => {}
        }
        Ok(self.mk(
            e,
            ExprKind::Reduce {
                op: Reduce::List,
                iter: Box::new(it),
                key: None,
                reverse: None,
                start: None,
            },
            list_ty,
        ))
    }

    fn int_index(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
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

    // ---- iterables --------------------------------------------------------

    fn iter_of(&mut self, sc: &mut Scope, e: &AExpr) -> R<Iter> {
        if let AExpr::Call(call) = e {
            if let AExpr::Name(n) = &*call.func {
                let name = n.id.as_str();
                if !self.func_index.contains_key(name) {
                    match name {
                        "range" => {
                            let (a, b, c) = self.range_args(sc, e)?;
                            return Ok(Iter {
                                kind: IterKind::Range(Box::new(a), Box::new(b), Box::new(c)),
                                elem: Ty::Int,
                            });
                        }
                        "enumerate" => {
                            let args = &call.arguments.args;
                            if args.is_empty() || args.len() > 2 {
                                return err(
                                    e,
                                    "enumerate() takes an iterable and an optional start",
                                );
                            }
                            let inner = self.iter_of(sc, &args[0])?;
                            let mut start = None;
                            if args.len() == 2 {
                                start = Some(self.int_index(sc, &args[1])?);
                            }
                            for k in call.arguments.keywords.iter() {
                                match k.arg.as_ref().map(|a| a.id.as_str()) {
                                    Some("start") => start = Some(self.int_index(sc, &k.value)?),
                                    _ => {
                                        return err(
                                            k,
                                            "enumerate() only takes the keyword argument start",
                                        )
                                    }
                                }
                            }
                            let (line, col) = self.line_col(e);
                            let start = start.unwrap_or(Expr {
                                kind: ExprKind::Int(0),
                                ty: Ty::Int,
                                line,
                                col,
                            });
                            let elem = Ty::Tuple(vec![Ty::Int, inner.elem.clone()]);
                            return Ok(Iter {
                                kind: IterKind::Enumerate(Box::new(inner), Box::new(start)),
                                elem,
                            });
                        }
                        "zip" => {
                            if let Some(k) = call.arguments.keywords.first() {
                                return err(k, "zip() keyword arguments are not supported");
                            }
                            let mut its = Vec::new();
                            for a in call.arguments.args.iter() {
                                let it = self.iter_of(sc, a)?;
                                if it.is_push_only() {
                                    return err(
                                        a,
                                        "a generator expression as an argument of zip() is not supported yet; use a list comprehension",
                                    );
                                }
                                its.push(it);
                            }
                            if its.is_empty() {
                                return err(e, "zip() needs at least one iterable");
                            }
                            let elem = Ty::Tuple(its.iter().map(|i| i.elem.clone()).collect());
                            return Ok(Iter {
                                kind: IterKind::Zip(its),
                                elem,
                            });
                        }
                        "reversed" => {
                            if call.arguments.args.len() != 1 {
                                return err(e, "reversed() takes exactly one argument");
                            }
                            let arg = &call.arguments.args[0];
                            if let AExpr::Call(inner) = arg {
                                if matches!(&*inner.func, AExpr::Name(n) if n.id.as_str() == "range")
                                    && !self.func_index.contains_key("range")
                                {
                                    let (a, b, c) = self.range_args(sc, arg)?;
                                    return Ok(Iter {
                                        kind: IterKind::RangeRev(
                                            Box::new(a),
                                            Box::new(b),
                                            Box::new(c),
                                        ),
                                        elem: Ty::Int,
                                    });
                                }
                            }
                            let v = self.expr_value(sc, arg, None)?;
                            let elem = match &v.ty {
                                Ty::List(t) => (**t).clone(),
                                Ty::Str => Ty::Str,
                                Ty::Tuple(ts)
                                    if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) =>
                                {
                                    ts[0].clone()
                                }
                                t => {
                                    return err(
                                        &call.arguments.args[0],
                                        format!("reversed() of {} is not supported yet", t.name()),
                                    )
                                }
                            };
                            return Ok(Iter {
                                kind: IterKind::Reversed(Box::new(v)),
                                elem,
                            });
                        }
                        _ => {}
                    }
                }
            }
            if let AExpr::Attribute(at) = &*call.func {
                let m = at.attr.id.as_str();
                if matches!(m, "items" | "keys" | "values") && call.arguments.args.is_empty() {
                    let obj = self.expr_value(sc, &at.value, None)?;
                    if let Ty::Dict(k, v) = &obj.ty {
                        let (k, v) = ((**k).clone(), (**v).clone());
                        return Ok(match m {
                            "items" => Iter {
                                kind: IterKind::DictItems(Box::new(obj)),
                                elem: Ty::Tuple(vec![k, v]),
                            },
                            "keys" => Iter {
                                kind: IterKind::DictKeys(Box::new(obj)),
                                elem: k,
                            },
                            _ => Iter {
                                kind: IterKind::DictValues(Box::new(obj)),
                                elem: v,
                            },
                        });
                    }
                }
            }
        }
        // An empty display iterates nothing: its element type cannot show.
        let empty_display = match e {
            AExpr::List(l) => l.elts.is_empty(),
            AExpr::Tuple(t) => t.elts.is_empty(),
            _ => false,
        };
        if empty_display {
            let ty = Ty::List(Box::new(Ty::Int));
            let v = self.mk(e, ExprKind::List(vec![]), ty);
            return Ok(Iter {
                kind: IterKind::List(Box::new(v)),
                elem: Ty::Int,
            });
        }
        let v = match e {
            AExpr::Generator(g) => {
                let c =
                    self.comprehension(sc, e, CompKind::List, None, &g.elt, &g.generators, None)?;
                let ExprKind::Comp { gens, elt, .. } = c.kind else {
                    unreachable!("comprehension() builds a Comp")
                };
                let elem = elt.ty.clone();
                return Ok(Iter {
                    kind: IterKind::Gen { gens, elt },
                    elem,
                });
            }
            _ => self.expr_value(sc, e, None)?,
        };
        self.iter_of_value(v, e)
    }

    fn iter_of_value(&mut self, v: Expr, at: &AExpr) -> R<Iter> {
        let ty = v.ty.clone();
        Ok(match ty {
            Ty::List(t) => Iter {
                kind: IterKind::List(Box::new(v)),
                elem: *t,
            },
            Ty::Str => Iter {
                kind: IterKind::Str(Box::new(v)),
                elem: Ty::Str,
            },
            Ty::Dict(k, _) => Iter {
                kind: IterKind::DictKeys(Box::new(v)),
                elem: *k,
            },
            Ty::Set(t) => Iter {
                kind: IterKind::Set(Box::new(v)),
                elem: *t,
            },
            Ty::Tuple(ts) if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) => Iter {
                kind: IterKind::Tuple(Box::new(v)),
                elem: ts[0].clone(),
            },
            Ty::Tuple(ts) if ts.is_empty() => {
                return err(at, "iterating an empty tuple is not supported")
            }
            Ty::Tuple(_) => {
                return err(
                    at,
                    "iterating a tuple whose fields have different types is not supported",
                )
            }
            t => return err(at, format!("'{}' object is not iterable", t.kind_name())),
        })
    }

    fn range_args(&mut self, sc: &mut Scope, it: &AExpr) -> R<(Expr, Expr, Expr)> {
        let AExpr::Call(call) = it else {
            unreachable!()
        };
        if let Some(k) = call.arguments.keywords.first() {
            return err(k, "range() takes no keyword arguments");
        }
        let args = &call.arguments.args;
        let mut vals = Vec::new();
        for a in args.iter() {
            let v = self.expr_value(sc, a, None)?;
            let v = match v.ty {
                Ty::Int => v,
                Ty::Bool => self.bool_to_int(v),
                ref t => {
                    return err(
                        a,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            t.kind_name()
                        ),
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

    #[allow(clippy::too_many_arguments)]
    fn comprehension(
        &mut self,
        sc: &mut Scope,
        at: &AExpr,
        kind: CompKind,
        key: Option<&AExpr>,
        elt: &AExpr,
        gens: &[ast::Comprehension],
        hint: Option<&Ty>,
    ) -> R<Expr> {
        sc.inner.push(HashMap::new());
        let result = (|| {
            let mut out = Vec::new();
            for g in gens {
                if g.is_async {
                    return err(g, "async comprehensions are not supported");
                }
                let iter = self.iter_of(sc, &g.iter)?;
                let target = self.bind_target(sc, &g.target, &iter.elem, true)?;
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
        sc.inner.pop();
        result
    }

    /// `key=` argument: a one-parameter lambda or a function name, applied
    /// to elements of type `elem`.
    fn key_fn(&mut self, sc: &mut Scope, e: &AExpr, elem: &Ty) -> R<KeyFn> {
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
                sc.inner.push(HashMap::new());
                let id = self.hidden_local(sc, &names[0].parameter.name.id, elem.clone(), line);
                sc.inner
                    .last_mut()
                    .unwrap()
                    .insert(names[0].parameter.name.id.to_string(), id);
                let body = self.expr_value(sc, &l.body, None);
                sc.inner.pop();
                let body = body?;
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
                let body = if let Some(&fid) = self.func_index.get(n.id.as_str()) {
                    let sig = &self.sigs[fid];
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

    fn print(&mut self, sc: &mut Scope, s: &AStmt, call: &ast::ExprCall) -> R<Stmt> {
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

    /// An expression that must produce a value; `hint` is the type the
    /// context expects (used to type empty displays like `[]`).
    fn expr_value(&mut self, sc: &mut Scope, e: &AExpr, hint: Option<&Ty>) -> R<Expr> {
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
    fn expr_expect(&mut self, sc: &mut Scope, e: &AExpr, want: &Ty) -> R<Expr> {
        let v = self.expr_value(sc, e, Some(want))?;
        if v.ty != *want {
            return Err(CompileError::new(
                span(e),
                format!("expected {}, found {}", want.name(), v.ty.name()),
            )
            .with_help(type_fix_help(want, &v.ty)));
        }
        Ok(v)
    }

    fn truthy(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
        let v = self.expr_value(sc, e, None)?;
        Ok(self.truthy_of(v))
    }

    /// A conversion node around `v`, at `v`'s location.
    fn wrap(v: Expr, ty: Ty, kind: impl FnOnce(Box<Expr>) -> ExprKind) -> Expr {
        let (line, col) = (v.line, v.col);
        Expr {
            kind: kind(Box::new(v)),
            ty,
            line,
            col,
        }
    }

    fn truthy_of(&self, v: Expr) -> Expr {
        if v.ty == Ty::Bool {
            return v;
        }
        Self::wrap(v, Ty::Bool, ExprKind::Truthy)
    }

    fn bool_to_int(&self, v: Expr) -> Expr {
        Self::wrap(v, Ty::Int, ExprKind::BoolToInt)
    }

    fn to_float(&self, v: Expr) -> Expr {
        if v.ty == Ty::Float {
            return v;
        }
        Self::wrap(v, Ty::Float, ExprKind::ToFloat)
    }

    fn to_str(&self, v: Expr) -> Expr {
        if v.ty == Ty::Str {
            return v;
        }
        Self::wrap(v, Ty::Str, |b| ExprKind::Builtin(Builtin::Str, vec![*b]))
    }

    fn load_name(&mut self, sc: &mut Scope, n: &ast::ExprName) -> R<Expr> {
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

    /// Element type of a display: from the hint, else from the first element.
    fn elements(
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
                        )));
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
            ))),
        }
    }

    fn expr(&mut self, sc: &mut Scope, e: &AExpr, hint: Option<&Ty>) -> R<Expr> {
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
            AExpr::FString(f) => self.fstring(sc, e, f)?,
            AExpr::Name(n) => self.load_name(sc, n)?,
            AExpr::List(l) => {
                let eh = match hint {
                    Some(Ty::List(t)) => Some((**t).clone()),
                    _ => None,
                };
                let (vals, t) = self.elements(sc, &l.elts, eh.as_ref(), "list", e)?;
                self.mk(e, ExprKind::List(vals), Ty::List(Box::new(t)))
            }
            AExpr::Set(l) => {
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
            }
            AExpr::Tuple(t) => {
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
            }
            AExpr::Dict(d) => {
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
                    .with_help("annotate the variable, e.g. `d: dict[str, int] = {}`"));
                };
                if !kt.is_hashable() {
                    return err(e, format!("unhashable type: '{}'", kt.kind_name()));
                }
                self.mk(
                    e,
                    ExprKind::Dict(items),
                    Ty::Dict(Box::new(kt), Box::new(vt)),
                )
            }
            AExpr::ListComp(c) => {
                self.comprehension(sc, e, CompKind::List, None, &c.elt, &c.generators, hint)?
            }
            AExpr::SetComp(c) => {
                self.comprehension(sc, e, CompKind::Set, None, &c.elt, &c.generators, hint)?
            }
            AExpr::DictComp(c) => {
                let key = c.key.as_deref();
                self.comprehension(sc, e, CompKind::Dict, key, &c.value, &c.generators, hint)?
            }
            AExpr::BinOp(b) => {
                let l = self.expr_value(sc, &b.left, hint)?;
                let r = self.expr_value(sc, &b.right, None)?;
                let (line, col) = self.line_col(e);
                self.binary(b.op, l, r, e, line, col)?
            }
            AExpr::UnaryOp(u)
                if matches!(u.op, ast::UnaryOp::USub)
                    && matches!(&*u.operand, AExpr::NumberLiteral(n)
                        if matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(1u64 << 63))) =>
            {
                // -9223372036854775808: the one negative literal whose
                // magnitude does not fit.
                self.mk(e, ExprKind::Int(i64::MIN), Ty::Int)
            }
            AExpr::UnaryOp(u) => {
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
            }
            AExpr::BoolOp(b) => {
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
                    .with_help("convert one side, e.g. with bool(...)"));
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
            }
            AExpr::Compare(c) => self.compare(sc, e, c)?,
            AExpr::If(i) => {
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
            }
            AExpr::Subscript(s) => self.subscript(sc, e, s)?,
            AExpr::Call(call) => self.call(sc, e, call, hint)?,
            _ => return err(e, "this expression is not supported yet"),
        })
    }

    fn compare(&mut self, sc: &mut Scope, e: &AExpr, c: &ast::ExprCompare) -> R<Expr> {
        if c.ops
            .iter()
            .any(|o| matches!(o, ast::CmpOp::In | ast::CmpOp::NotIn))
        {
            if c.ops.len() != 1 {
                return err(e, "'in' in a chained comparison is not supported yet");
            }
            let negate = matches!(c.ops[0], ast::CmpOp::NotIn);
            if let AExpr::Call(call) = &c.comparators[0] {
                if matches!(&*call.func, AExpr::Name(n) if n.id.as_str() == "range")
                    && !self.func_index.contains_key("range")
                {
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
    fn in_container(&mut self, sc: &mut Scope, e: &AExpr) -> R<Expr> {
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

    fn const_int(e: &AExpr) -> Option<i64> {
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

    fn subscript(&mut self, sc: &mut Scope, e: &AExpr, s: &ast::ExprSubscript) -> R<Expr> {
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

    fn fstring(&mut self, sc: &mut Scope, e: &AExpr, f: &ast::ExprFString) -> R<Expr> {
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

    fn fstring_elements(
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

    fn format_value(&self, v: Expr, spec: Expr, at: impl Ranged) -> R<Expr> {
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
    fn str_format(&mut self, sc: &mut Scope, e: &AExpr, fmt: &str, args: &[AExpr]) -> R<Expr> {
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
                            return Err(CompileError::new(span(at), "negative exponent in int ** int is not supported (CPython returns a float)").with_help("use a float base, e.g. 2.0 ** -1"));
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

    fn call(
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
                let want = self.sigs[fid].params[i].1.clone();
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
                    .with_help(type_fix_help(&want, &v.ty)));
                }
                args.push(v);
            }
            let ret = self.sigs[fid].ret.clone();
            return Ok(self.mk(e, ExprKind::Call(fid, args), ret));
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
                    return err(e, format!("len() of {} is not supported", v.ty.name())).map_err(
                        |ce: CompileError| ce.with_help("len() takes a str or a container"),
                    );
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
                ))),
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
                                && !self.func_index.contains_key(n.id.as_str())
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
            _ => err(&*call.func, format!("name '{name}' is not defined")),
        }
    }

    fn method(
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
    fn method_call(
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

    fn str_method(
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
}

fn binop_of(op: ast::Operator) -> Option<BinOp> {
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

/// `set.update` for Method::SetUpdate (as CPython names methods in errors).
fn method_name(m: Method) -> String {
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

/// Indices selected by `[lo:hi:step]` on a sequence of length n (Python's
/// slice.indices), or None for a zero step.
fn slice_indices(
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
fn comparable(a: &Ty, b: &Ty, op: CmpOp) -> bool {
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

fn type_fix_help(want: &Ty, have: &Ty) -> String {
    match (want, have) {
        (Ty::Float, Ty::Int) => "mgen never converts an int to float implicitly (CPython would keep it an int); write a float literal like 1.0 or float(x)".into(),
        (Ty::Int, Ty::Bool) => "write int(x) to convert the bool".into(),
        (Ty::Str, _) => "write str(x) to convert".into(),
        (Ty::Int, Ty::Float) => "write int(x) to truncate".into(),
        _ => format!("convert it to {}", want.name()),
    }
}
