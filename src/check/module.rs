//! The module: signatures of its functions, module-level code, function bodies (and the flow facts they need: which names a body assigns, whether it always returns).

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn check_module(&mut self, m: &ModModule, file: &str) -> Program {
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

    pub(super) fn function(&mut self, id: FuncId, f: &ast::StmtFunctionDef) -> Function {
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
}

/// Collect names assigned by a statement list (not descending into defs).
pub(super) fn collect_assigned(
    stmts: &[AStmt],
    out: &mut HashSet<String>,
    globals: &mut HashSet<String>,
) {
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
pub(super) fn always_returns(stmts: &[AStmt]) -> bool {
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
pub(super) fn contains_break(stmts: &[AStmt]) -> bool {
    stmts.iter().any(|s| match s {
        AStmt::Break(_) => true,
        AStmt::If(i) => {
            contains_break(&i.body) || i.elif_else_clauses.iter().any(|c| contains_break(&c.body))
        }
        // break inside a nested loop belongs to that loop
        _ => false,
    })
}
pub(super) fn find_value_return(stmts: &[AStmt]) -> Option<&AStmt> {
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
