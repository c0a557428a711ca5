//! Stage 2: type-check the Python AST into the typed IR (`crate::ir`).
//!
//! Rules (see docs/user-guide.md, "The language"): every parameter and
//! return type is annotated; a variable gets one type, from its annotation or
//! its first assignment, and keeps it; no implicit conversion that CPython
//! would not make (an int is never silently stored in a float variable,
//! because CPython would keep it an int and print it differently).
//! Everything outside the supported subset is an error at its location.

mod annot;
mod call;
mod comp;
pub mod dump;
mod expr;
mod format;
mod iter;
mod method;
mod module;
mod names;
mod stmt;

use expr::{binop_of, type_fix_help, unsupported_expr};

use crate::diag::CompileError;
use crate::front::resolve::{DefId, DefKind, Resolution};
use crate::front::{ImportTarget, ModuleGraph, ModuleId};
use crate::ir::*;
use ruff_python_ast::{self as ast, Expr as AExpr, ModModule, Stmt as AStmt};
use ruff_text_size::Ranged;
use std::collections::HashMap;

/// Why checking a statement or an expression stopped.
enum Fail {
    /// A compile error to report.
    Report(CompileError),
    /// It uses something whose definition failed and was reported (a
    /// variable whose assignment failed, a function whose signature did):
    /// stop without a message, so that one mistake gives one message.
    Poisoned,
}

impl From<CompileError> for Fail {
    fn from(e: CompileError) -> Self {
        Fail::Report(e)
    }
}

type R<T> = Result<T, Fail>;

/// What a definition (`front::resolve::DefId`) is bound to while checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// A variable of the IR (it has a type).
    Place(Place),
    /// Its binding statement failed: every use stops quietly.
    Poisoned,
}

/// Check the program's entry module (the only one accepted until modules
/// are supported). `file` is the name shown in tracebacks.
pub fn check(graph: &ModuleGraph, file: &str) -> Result<Program, Vec<CompileError>> {
    let entry = graph.entry();
    let module = &entry.ast;
    let source = graph.files[entry.file].source.as_str();
    let mut c = Checker {
        graph,
        module_id: graph.entry,
        names: &entry.names,
        slots: vec![None; entry.names.defs.len()],
        src: source,
        frozen: crate::pyconst::frozen_sets(&module.body),
        line_starts: std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        errors: Vec::new(),
        sigs: Vec::new(),
        globals: Vec::new(),
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

/// A module-level function's signature, by `Resolution::functions` index.
enum SigSlot {
    Ok(Sig),
    /// Its signature failed (reported), or it is a second `def` of a name.
    Failed,
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
    /// The module's names (`front::resolve`).
    names: &'a Resolution,
    /// What each definition is bound to, by `DefId` (None: not yet).
    slots: Vec<Option<Slot>>,
    /// By `Resolution::functions` index (which is the IR's `FuncId`).
    sigs: Vec<SigSlot>,
    globals: Vec<Var>,
}

/// Per-function state while checking its body.
struct Scope {
    is_module: bool,
    fname: String,
    ret: Ty,
    locals: Vec<Var>,
    /// Types from annotations, declared before first use.
    annotated: HashMap<DefId, Ty>,
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
    Err(Fail::Report(CompileError::new(span(r), msg)))
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

    fn block(&mut self, sc: &mut Scope, stmts: &[AStmt]) -> Vec<Stmt> {
        let mut out = Vec::new();
        for s in stmts {
            match self.stmt(sc, s) {
                Ok(Some(st)) => out.push(st),
                Ok(None) => {}
                Err(f) => {
                    if let Fail::Report(e) = f {
                        self.errors.push(e);
                    }
                    self.poison_bindings(s);
                }
            }
        }
        out
    }

    /// After a statement failed: the names it binds and that have no type
    /// yet are poisoned, so their uses give no follow-on errors.
    fn poison_bindings(&mut self, s: &AStmt) {
        for r in crate::front::resolve::bound_names(s) {
            if let Some(d) = self.names.def_at(r) {
                if self.slots[d].is_none() {
                    self.slots[d] = Some(Slot::Poisoned);
                }
            }
        }
    }

    /// Report an error and go on (the caller continues its statement).
    fn report(&mut self, f: Fail) {
        if let Fail::Report(e) = f {
            self.errors.push(e);
        }
    }

    fn mk_stmt(&self, r: impl Ranged, kind: StmtKind) -> Stmt {
        let (line, col) = self.line_col(r);
        Stmt { kind, line, col }
    }

    fn stmt(&mut self, sc: &mut Scope, s: &AStmt) -> R<Option<Stmt>> {
        if let Some(msg) = unsupported_stmt(s) {
            if let AStmt::ClassDef(c) = s {
                return Err(CompileError::new(
                    header_span(c.range.start().to_usize(), &c.name),
                    msg,
                )
                .into());
            }
            return err(s, msg);
        }
        let kind = match s {
            AStmt::Import(_) | AStmt::ImportFrom(_) => return self.import(s),
            AStmt::FunctionDef(f) => {
                return err(&f.name, "nested function definitions are not supported yet")
            }
            AStmt::Pass(_) => StmtKind::Pass,
            AStmt::Expr(e) => return self.expr_stmt(sc, s, e),
            AStmt::Global(g) => return self.global(sc, g),
            AStmt::AnnAssign(a) => return self.ann_assign(sc, s, a),
            AStmt::Assign(a) => return self.assign(sc, s, a),
            AStmt::AugAssign(a) => return self.aug_assign(sc, s, a),
            AStmt::Delete(d) => return self.delete(sc, s, d),
            AStmt::If(i) => return self.if_stmt(sc, s, i),
            AStmt::While(w) => return self.while_stmt(sc, s, w),
            AStmt::For(f) => return self.for_stmt(sc, s, f),
            AStmt::Break(_) => return self.break_stmt(sc, s),
            AStmt::Continue(_) => return self.continue_stmt(sc, s),
            AStmt::Return(r) => return self.return_stmt(sc, s, r),
            AStmt::Assert(a) => return self.assert_stmt(sc, s, a),
            _ => return err(s, "this statement is not supported yet"),
        };
        Ok(Some(self.mk_stmt(s, kind)))
    }

    // ---- iterables --------------------------------------------------------

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

    fn expr(&mut self, sc: &mut Scope, e: &AExpr, hint: Option<&Ty>) -> R<Expr> {
        if let Some(msg) = unsupported_expr(e) {
            return err(e, msg);
        }
        Ok(match e {
            AExpr::NumberLiteral(n) => self.number(e, n)?,
            AExpr::BooleanLiteral(b) => self.mk(e, ExprKind::Bool(b.value), Ty::Bool),
            AExpr::StringLiteral(s) => self.string(e, s)?,
            AExpr::FString(f) => self.fstring(sc, e, f)?,
            AExpr::Name(n) => self.load_name(sc, n)?,
            AExpr::List(l) => self.list_display(sc, e, l, hint)?,
            AExpr::Set(l) => self.set_display(sc, e, l, hint)?,
            AExpr::Tuple(t) => self.tuple_display(sc, e, t, hint)?,
            AExpr::Dict(d) => self.dict_display(sc, e, d, hint)?,
            AExpr::ListComp(c) => self.list_comp(sc, e, c, hint)?,
            AExpr::SetComp(c) => self.set_comp(sc, e, c, hint)?,
            AExpr::DictComp(c) => self.dict_comp(sc, e, c, hint)?,
            AExpr::BinOp(b) => self.binop(sc, e, b, hint)?,
            AExpr::UnaryOp(u) => self.unary(sc, e, u)?,
            AExpr::BoolOp(b) => self.boolop(sc, e, b, hint)?,
            AExpr::Compare(c) => self.compare(sc, e, c)?,
            AExpr::If(i) => self.if_expr(sc, e, i, hint)?,
            AExpr::Subscript(s) => self.subscript(sc, e, s)?,
            AExpr::Call(call) => self.call(sc, e, call, hint)?,
            _ => return err(e, "this expression is not supported yet"),
        })
    }
}
