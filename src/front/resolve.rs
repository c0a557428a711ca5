//! The resolver: Python's scopes, and the definition every name refers to.
//!
//! One pass per module, before type checking. Scopes are those of CPython's
//! symbol table: the module, each function, each comprehension, each
//! lambda (and each class body, which its methods do not see). A name
//! bound anywhere in a function (assigned, a loop or `with` target, an
//! import, a nested `def`, ...) is local to all of that function unless
//! declared `global`; a name bound at module level is a global; anything
//! else is a builtin (`len`) or undefined. Comprehension and lambda
//! variables are their own definitions: each `for` clause of a
//! comprehension binds anew, and a name used before its clause binds it
//! refers to the enclosing scope (as CPython evaluates the first iterable
//! there).
//!
//! The result maps every name node (loads, stores, `global` names, `def`
//! names, parameters) to a `DefId`, and names each module-level function
//! with a symbol qualified by its module (`py.__main__:main`), so two
//! modules' functions never collide. Closures (a nested function reading
//! its enclosing function's variables) will add a `Cell` kind here; today a
//! nested function's free names resolve past it to the module.

use super::stdlib;
use crate::diag::CompileError;
use ruff_python_ast::statement_visitor::{walk_stmt as walk_stmt_only, StatementVisitor};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, ModModule, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

pub type DefId = usize;
pub type ScopeId = usize;

/// What a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefKind {
    /// A module-level variable.
    Global,
    /// A function's variable.
    Local,
    /// A function's parameter.
    Param,
    /// A comprehension's loop variable (one definition per `for` clause).
    CompVar,
    /// A lambda's parameter.
    LambdaParam,
    /// A module-level `def` (index into `Resolution::functions`).
    Function(usize),
    /// A nested `def` or a `class` (not supported yet: the checker says so).
    Unsupported,
    /// A name of the `builtins` module (`len`, `print`), and `__name__`.
    Builtin,
    /// Bound nowhere: `name 'x' is not defined`.
    Undefined,
}

#[derive(Debug, Clone)]
pub struct Def {
    pub name: String,
    pub kind: DefKind,
    pub scope: ScopeId,
    /// The first binding (for a builtin or an undefined name: the first use).
    pub range: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    /// A function's body (`Resolution::functions` index for module-level
    /// ones; nested functions have none yet).
    Function(Option<usize>),
    Class,
    Comprehension,
    Lambda,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    /// The names bound in this scope.
    pub names: HashMap<String, DefId>,
}

/// A module-level function.
#[derive(Debug, Clone)]
pub struct FunctionInfo {
    pub name: String,
    /// The symbol of its code: `py.<module>:<name>`.
    pub symbol: String,
    pub def: DefId,
    /// Start of the `def` statement.
    pub stmt: ruff_text_size::TextSize,
    pub scope: ScopeId,
}

#[derive(Debug)]
pub struct Resolution {
    /// The module's dotted name (`__main__` for the entry file).
    pub module: String,
    pub defs: Vec<Def>,
    pub scopes: Vec<Scope>,
    /// Module-level functions, in source order (a name defined twice has
    /// two entries; the name refers to the first).
    pub functions: Vec<FunctionInfo>,
    /// The definition of each name node, by the node's start offset.
    uses: HashMap<u32, DefId>,
}

impl Resolution {
    /// The definition a name node (`ast::ExprName`, a parameter's or a
    /// `def`'s or a `global` statement's identifier) refers to.
    pub fn def_at(&self, node: impl Ranged) -> Option<DefId> {
        self.uses.get(&node.range().start().to_u32()).copied()
    }

    pub fn def(&self, id: DefId) -> &Def {
        &self.defs[id]
    }

    /// The symbol of module-level data of this module: `py.<module>:<name>`.
    pub fn symbol(&self, name: &str) -> String {
        symbol(&self.module, name)
    }
}

/// `py.<module>:<qualified name>`: ':' cannot occur in either part, so
/// symbols of different modules never collide.
pub fn symbol(module: &str, name: &str) -> String {
    format!("py.{module}:{name}")
}

/// Resolve the names of one module. Errors: a module-level name bound both
/// by a `def` and as a variable (mgen cannot rebind a function).
pub fn resolve(module_name: &str, m: &ModModule) -> (Resolution, Vec<CompileError>) {
    let mut r = Resolver {
        res: Resolution {
            module: module_name.to_string(),
            defs: Vec::new(),
            scopes: Vec::new(),
            functions: Vec::new(),
            uses: HashMap::new(),
        },
        stack: Vec::new(),
        builtins: HashMap::new(),
        undefined: HashMap::new(),
        errors: Vec::new(),
    };
    r.module(m);
    (r.res, r.errors)
}

struct Resolver {
    res: Resolution,
    /// The scopes being walked, innermost last.
    stack: Vec<ScopeId>,
    builtins: HashMap<String, DefId>,
    undefined: HashMap<String, DefId>,
    errors: Vec<CompileError>,
}

/// A name a scope binds, found before its uses are resolved.
struct Binding {
    name: String,
    range: TextRange,
    /// A `def` at this level (its statement start).
    function: Option<ruff_text_size::TextSize>,
    /// A nested `def` or a `class`.
    unsupported: bool,
}

/// The bindings of one scope's body (not descending into nested scopes,
/// except that `:=` in a comprehension binds in the enclosing one).
#[derive(Default)]
struct Bindings {
    names: Vec<Binding>,
    globals: Vec<(String, TextRange)>,
}

impl Bindings {
    fn bind(&mut self, name: &str, range: TextRange) {
        self.names.push(Binding {
            name: name.to_string(),
            range,
            function: None,
            unsupported: false,
        });
    }
}

impl<'a> Visitor<'a> for Bindings {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                self.names.push(Binding {
                    name: f.name.id.to_string(),
                    range: f.name.range,
                    function: Some(f.range.start()),
                    unsupported: false,
                });
                // Decorators and defaults belong to this scope; the body not.
                for d in &f.decorator_list {
                    self.visit_decorator(d);
                }
                for p in f.parameters.iter_non_variadic_params() {
                    if let Some(d) = &p.default {
                        self.visit_expr(d);
                    }
                }
            }
            Stmt::ClassDef(c) => {
                self.names.push(Binding {
                    name: c.name.id.to_string(),
                    range: c.name.range,
                    function: None,
                    unsupported: true,
                });
                for d in &c.decorator_list {
                    self.visit_decorator(d);
                }
                if let Some(a) = &c.arguments {
                    self.visit_arguments(a);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.globals.push((n.id.to_string(), n.range));
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    match &a.asname {
                        Some(n) => self.bind(&n.id, n.range),
                        None => {
                            let first = a.name.id.split('.').next().unwrap_or_default();
                            self.bind(first, a.name.range);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    match &a.asname {
                        Some(n) => self.bind(&n.id, n.range),
                        None if a.name.id.as_str() != "*" => self.bind(&a.name.id, a.name.range),
                        None => {}
                    }
                }
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        self.bind(&n.id, n.range);
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) if matches!(n.ctx, ExprContext::Store | ExprContext::Del) => {
                self.bind(&n.id, n.range)
            }
            Expr::Lambda(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }

    fn visit_comprehension(&mut self, c: &'a ast::Comprehension) {
        // The target belongs to the comprehension; a `:=` in it does not.
        self.visit_expr(&c.iter);
        for cond in &c.ifs {
            self.visit_expr(cond);
        }
    }

    fn visit_pattern(&mut self, p: &'a ast::Pattern) {
        match p {
            ast::Pattern::MatchAs(a) => {
                if let Some(n) = &a.name {
                    self.bind(&n.id, n.range);
                }
            }
            ast::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(&n.id, n.range);
                }
            }
            ast::Pattern::MatchMapping(m) => {
                if let Some(n) = &m.rest {
                    self.bind(&n.id, n.range);
                }
            }
            _ => {}
        }
        visitor::walk_pattern(self, p);
    }
}

/// The name nodes a statement binds in its own scope (assignment and loop
/// targets, imports, `def` and `class` names; not the variables of its
/// comprehensions): `Resolution::def_at` gives their definitions.
pub fn bound_names(stmt: &Stmt) -> Vec<TextRange> {
    let mut b = Bindings::default();
    b.visit_stmt(stmt);
    b.names.into_iter().map(|b| b.range).collect()
}

/// `global` statements anywhere in a function body (nested ones too):
/// they name module-level variables.
struct GlobalFinder {
    names: Vec<(String, TextRange)>,
}

impl<'a> StatementVisitor<'a> for GlobalFinder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::Global(g) = stmt {
            for n in &g.names {
                self.names.push((n.id.to_string(), n.range));
            }
        }
        walk_stmt_only(self, stmt);
    }
}

impl Resolver {
    fn new_scope(&mut self, kind: ScopeKind) -> ScopeId {
        let id = self.res.scopes.len();
        self.res.scopes.push(Scope {
            kind,
            parent: self.stack.last().copied(),
            names: HashMap::new(),
        });
        id
    }

    fn new_def(&mut self, name: &str, kind: DefKind, scope: ScopeId, range: TextRange) -> DefId {
        let id = self.res.defs.len();
        self.res.defs.push(Def {
            name: name.to_string(),
            kind,
            scope,
            range,
        });
        id
    }

    fn record(&mut self, node: TextRange, def: DefId) {
        self.res.uses.insert(node.start().to_u32(), def);
    }

    fn module_scope(&self) -> ScopeId {
        0
    }

    fn module(&mut self, m: &ModModule) {
        let scope = self.new_scope(ScopeKind::Module);
        self.stack.push(scope);
        let mut b = Bindings::default();
        for s in &m.body {
            b.visit_stmt(s);
        }
        let mut g = GlobalFinder { names: Vec::new() };
        g.visit_body(&m.body);
        // Functions first: a name that is also a variable is an error.
        for binding in &b.names {
            if let Some(stmt) = binding.function {
                let index = self.res.functions.len();
                let def = self.new_def(
                    &binding.name,
                    DefKind::Function(index),
                    scope,
                    binding.range,
                );
                self.record(binding.range, def);
                let first = *self.res.scopes[scope]
                    .names
                    .entry(binding.name.clone())
                    .or_insert(def);
                self.res.functions.push(FunctionInfo {
                    name: binding.name.clone(),
                    symbol: symbol(&self.res.module, &binding.name),
                    def: first,
                    stmt,
                    scope: usize::MAX,
                });
            }
        }
        let variables = b
            .names
            .iter()
            .filter(|b| b.function.is_none())
            .map(|b| (b.name.clone(), b.range, b.unsupported))
            .chain(g.names.iter().map(|(n, r)| (n.clone(), *r, false)));
        let variables: Vec<_> = variables.collect();
        for (name, range, unsupported) in variables {
            match self.res.scopes[scope].names.get(&name) {
                Some(&d) => {
                    if let DefKind::Function(_) = self.res.defs[d].kind {
                        self.errors.push(
                            CompileError::new(
                                range.start().to_usize()..range.end().to_usize(),
                                format!(
                                    "'{name}' is a function of this module; mgen cannot bind it to another value"
                                ),
                            )
                            .with_help("use another name for the variable"),
                        );
                    }
                }
                None => {
                    let kind = if unsupported {
                        DefKind::Unsupported
                    } else {
                        DefKind::Global
                    };
                    let d = self.new_def(&name, kind, scope, range);
                    self.res.scopes[scope].names.insert(name, d);
                }
            }
        }
        self.visit_body(&m.body);
        self.stack.pop();
    }

    /// The definition a name refers to from the current scope.
    fn lookup(&mut self, name: &str, at: TextRange) -> DefId {
        let mut first = true;
        for &s in self.stack.iter().rev() {
            let kind = self.res.scopes[s].kind;
            // Names of a class body are not seen from the scopes inside it.
            if kind == ScopeKind::Class && !first {
                continue;
            }
            first = false;
            if let Some(&d) = self.res.scopes[s].names.get(name) {
                return d;
            }
        }
        if name == "__name__" || stdlib::is_builtin_name(name) {
            if let Some(&d) = self.builtins.get(name) {
                return d;
            }
            let d = self.new_def(name, DefKind::Builtin, self.module_scope(), at);
            self.builtins.insert(name.to_string(), d);
            return d;
        }
        if let Some(&d) = self.undefined.get(name) {
            return d;
        }
        let d = self.new_def(name, DefKind::Undefined, self.module_scope(), at);
        self.undefined.insert(name.to_string(), d);
        d
    }

    /// A function's (or lambda's) body scope with its parameters bound.
    fn function(&mut self, f: &ast::StmtFunctionDef, index: Option<usize>) {
        let scope = self.new_scope(ScopeKind::Function(index));
        if let Some(i) = index {
            self.res.functions[i].scope = scope;
        }
        self.stack.push(scope);
        let mut b = Bindings::default();
        for s in &f.body {
            b.visit_stmt(s);
        }
        let mut g = GlobalFinder { names: Vec::new() };
        g.visit_body(&f.body);
        let module = self.module_scope();
        for (name, range) in &g.names {
            let d = match self.res.scopes[module].names.get(name) {
                Some(&d) => d,
                None => {
                    let d = self.new_def(name, DefKind::Global, module, *range);
                    self.res.scopes[module].names.insert(name.clone(), d);
                    d
                }
            };
            self.res.scopes[scope].names.insert(name.clone(), d);
            self.record(*range, d);
        }
        for p in f.parameters.iter() {
            let name = p.name();
            if self.res.scopes[scope].names.contains_key(name.as_str()) {
                continue; // `name 'x' is parameter and global`: the checker says so
            }
            let d = self.new_def(name, DefKind::Param, scope, name.range);
            self.res.scopes[scope].names.insert(name.to_string(), d);
            self.record(name.range, d);
        }
        for binding in &b.names {
            if self.res.scopes[scope].names.contains_key(&binding.name) {
                continue;
            }
            let kind = if binding.function.is_some() || binding.unsupported {
                DefKind::Unsupported
            } else {
                DefKind::Local
            };
            let d = self.new_def(&binding.name, kind, scope, binding.range);
            self.res.scopes[scope].names.insert(binding.name.clone(), d);
        }
        self.visit_body(&f.body);
        self.stack.pop();
    }

    /// `for target in iter if cond ...` clauses, then `elt` (and `key`), in
    /// a comprehension scope.
    fn comprehension(&mut self, gens: &[ast::Comprehension], elts: &[&Expr]) {
        let scope = self.new_scope(ScopeKind::Comprehension);
        for (i, g) in gens.iter().enumerate() {
            if i == 0 {
                // The first iterable is evaluated in the enclosing scope.
                self.visit_expr(&g.iter);
                self.stack.push(scope);
            } else {
                self.visit_expr(&g.iter);
            }
            self.bind_fresh(&g.target, scope, DefKind::CompVar);
            for c in &g.ifs {
                self.visit_expr(c);
            }
        }
        if gens.is_empty() {
            self.stack.push(scope);
        }
        for e in elts {
            self.visit_expr(e);
        }
        self.stack.pop();
    }

    /// Bind the names of a target as new definitions of `scope`.
    fn bind_fresh(&mut self, target: &Expr, scope: ScopeId, kind: DefKind) {
        match target {
            Expr::Name(n) => {
                let d = self.new_def(&n.id, kind, scope, n.range);
                self.res.scopes[scope].names.insert(n.id.to_string(), d);
                self.record(n.range, d);
            }
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.bind_fresh(e, scope, kind)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.bind_fresh(e, scope, kind)),
            Expr::Starred(s) => self.bind_fresh(&s.value, scope, kind),
            other => self.visit_expr(other),
        }
    }
}

impl<'a> Visitor<'a> for Resolver {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_decorator(d);
                }
                for p in f.parameters.iter_non_variadic_params() {
                    if let Some(d) = &p.default {
                        self.visit_expr(d);
                    }
                }
                for p in f.parameters.iter() {
                    if let Some(a) = p.annotation() {
                        self.visit_annotation(a);
                    }
                }
                if let Some(r) = &f.returns {
                    self.visit_annotation(r);
                }
                let cur = *self.stack.last().expect("a scope");
                let index = if cur == self.module_scope() {
                    self.res
                        .functions
                        .iter()
                        .position(|fi| fi.stmt == f.range.start())
                } else {
                    let d = self.lookup(&f.name.id, f.name.range);
                    self.record(f.name.range, d);
                    None
                };
                self.function(f, index);
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_decorator(d);
                }
                if let Some(a) = &c.arguments {
                    self.visit_arguments(a);
                }
                let d = self.lookup(&c.name.id, c.name.range);
                self.record(c.name.range, d);
                let scope = self.new_scope(ScopeKind::Class);
                self.stack.push(scope);
                let mut b = Bindings::default();
                for s in &c.body {
                    b.visit_stmt(s);
                }
                for binding in &b.names {
                    if !self.res.scopes[scope].names.contains_key(&binding.name) {
                        let d =
                            self.new_def(&binding.name, DefKind::Unsupported, scope, binding.range);
                        self.res.scopes[scope].names.insert(binding.name.clone(), d);
                    }
                }
                self.visit_body(&c.body);
                self.stack.pop();
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let d = self.lookup(&n.id, n.range);
                    self.record(n.range, d);
                }
            }
            Stmt::Import(_) | Stmt::ImportFrom(_) => {
                let mut b = Bindings::default();
                b.visit_stmt(stmt);
                for binding in b.names {
                    let d = self.lookup(&binding.name, binding.range);
                    self.record(binding.range, d);
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => {
                let d = self.lookup(&n.id, n.range);
                self.record(n.range, d);
            }
            Expr::ListComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = c.key.as_deref().into_iter().collect();
                elts.push(&c.value);
                self.comprehension(&c.generators, &elts)
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    for p in p.iter_non_variadic_params() {
                        if let Some(d) = &p.default {
                            self.visit_expr(d);
                        }
                    }
                }
                let scope = self.new_scope(ScopeKind::Lambda);
                self.stack.push(scope);
                if let Some(p) = &l.parameters {
                    for p in p.iter() {
                        let name = p.name();
                        let d = self.new_def(name, DefKind::LambdaParam, scope, name.range);
                        self.res.scopes[scope].names.insert(name.to_string(), d);
                        self.record(name.range, d);
                    }
                }
                self.visit_expr(&l.body);
                self.stack.pop();
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
