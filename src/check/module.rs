//! The module: signatures of its functions, module-level code, function bodies (and the flow facts they need: which names a body assigns, whether it always returns).

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn check_module(&mut self, m: &ModModule, file: &str) -> Program {
        // Pass 1: function signatures, by the resolver's function index.
        let mut defs: Vec<&ast::StmtFunctionDef> = Vec::new();
        for s in &m.body {
            if let AStmt::FunctionDef(f) = s {
                defs.push(f);
            }
        }
        for (i, f) in defs.iter().enumerate() {
            let slot = match self.signature(f) {
                Ok(sig) => {
                    let first = self.names.def(self.names.functions[i].def).kind;
                    if first != DefKind::Function(i) {
                        self.errors.push(CompileError::new(
                            span(&f.name),
                            format!("function '{}' is defined twice", sig.name),
                        ));
                        SigSlot::Failed
                    } else {
                        SigSlot::Ok(sig)
                    }
                }
                Err(e) => {
                    self.report(e);
                    SigSlot::Failed
                }
            };
            self.sigs.push(slot);
        }
        // Pass 2: module-level code (defines the globals' types).
        let mut scope = Scope {
            is_module: true,
            fname: "<module>".into(),
            ret: Ty::None,
            locals: Vec::new(),
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
            // The entry module's code is what the runtime's entry point calls.
            symbol: if self.module_id == self.graph.entry {
                "mg_module_main".into()
            } else {
                self.names.symbol("<module>")
            },
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
        let (line, _) = self.line_col(f);
        let symbol = self.names.functions[id].symbol.clone();
        let SigSlot::Ok(sig) = &self.sigs[id] else {
            // Its signature failed (reported): the body is not checked.
            return Function {
                name: f.name.id.to_string(),
                symbol,
                params: vec![],
                ret: Ty::None,
                locals: vec![],
                body: vec![],
                line,
            };
        };
        let mut scope = Scope {
            is_module: false,
            fname: sig.name.clone(),
            ret: sig.ret.clone(),
            locals: Vec::new(),
            annotated: HashMap::new(),
            loop_depth: 0,
        };
        let param_tys: Vec<Ty> = sig.params.iter().map(|(_, t)| t.clone()).collect();
        let mut params = Vec::new();
        for (p, t) in f.parameters.iter().zip(param_tys) {
            let n = p.name();
            let local = scope.locals.len();
            params.push(local);
            scope.locals.push(Var {
                name: n.to_string(),
                ty: t,
                line,
                symbol: String::new(),
            });
            match self.names.def_at(n.range) {
                Some(d) => self.slots[d] = Some(Slot::Place(Place::Local(local))),
                None => self.errors.push(CompileError::new(
                    span(&f.name),
                    format!("name '{}' is parameter and global", n.as_str()),
                )),
            }
        }
        let SigSlot::Ok(sig) = &self.sigs[id] else {
            unreachable!("checked above")
        };
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
        }
        let errors_before = self.errors.len();
        let body = self.block(&mut scope, &f.body);
        // Whether the end is reachable is only known of a body that checked:
        // a failed statement (a `try`, say) may be what returns.
        if ret != Ty::None && self.errors.len() == errors_before && !always_returns(&f.body) {
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
        Function {
            name,
            symbol,
            params,
            ret,
            locals: scope.locals,
            body,
            line,
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
