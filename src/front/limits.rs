//! CPython 3.11's limits on how deeply a program may nest, reproduced as
//! compile errors with CPython's messages (part of `parse`).
//!
//! CPython refuses some valid-looking programs before running a line of
//! them. mgen refuses the same programs, with the same message, and
//! compiles everything below the limits (the build runs on a large stack,
//! see `driver::build`). The limits, in the order CPython meets them:
//!
//! 1. Tokenizer (Parser/tokenizer.c): an opening bracket at nesting level
//!    200 (`MAXLEVEL`) is `SyntaxError: too many nested parentheses`; an
//!    indented block at level 100 (`MAXINDENT`) is `IndentationError: too
//!    many levels of indentation`. Inside an f-string replacement field
//!    CPython 3.11 runs a tokenizer of its own, so brackets count afresh
//!    there (from 1, for the parenthesis it wraps the field in).
//! 2. Parser (Parser/parser.c): its rule functions recurse, and 6000 levels
//!    (`MAXSTACK`) give `MemoryError`. How many levels a construct costs
//!    depends on the grammar and on what the parser has memoized, so this
//!    is a model (`cost`), calibrated with python3 3.11.7 on the shapes
//!    that can get there: chains of unary operators (1 level each), `**`
//!    and `lambda` (2), `x if c else ...` (1), brackets (24-29), blocks
//!    (6-7), elif clauses (1). It is exact on the measured shapes
//!    (tests/limits.rs) and may be off by a few levels elsewhere.
//! 3. AST optimizer (Python/ast_opt.c) and symbol table (symtable.c):
//!    every statement and expression node of CPython's AST is one level of
//!    recursion, and more than 3000 (the recursion limit 1000 times
//!    `COMPILER_STACK_FRAME_SCALE`) is `RecursionError: maximum recursion
//!    depth exceeded during compilation`. CPython's AST is ruff's except
//!    that each `elif` is an `if` nested in the previous one's `else`, and
//!    an f-string is a `JoinedStr` of `FormattedValue`s.
//! 4. Compiler (Python/compile.c): more than 20 (`CO_MAXBLOCKS`) nested
//!    loops, `try` or `with` blocks in one function are `SyntaxError: too
//!    many statically nested blocks`.

use crate::diag::CompileError;
use ruff_python_ast::token::{parentheses_iterator, TokenKind, Tokens};
use ruff_python_ast::{
    self as ast, AnyNodeRef, Expr, ExprRef, InterpolatedStringElement, Operator, Stmt,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Parser/tokenizer.c `MAXINDENT`: `tok->indent+1 >= MAXINDENT` fails.
const MAXINDENT: usize = 100;
/// Parser/tokenizer.c `MAXLEVEL`: an opening bracket at this level fails.
const MAXLEVEL: usize = 200;
/// ast_opt.c / symtable.c: recursion limit 1000 x COMPILER_STACK_FRAME_SCALE
/// 3, counted from 0 for the main script (`python3 prog.py`).
const AST_LIMIT: usize = 3000;
/// Python/compile.c `CO_MAXBLOCKS`.
const CO_MAXBLOCKS: usize = 20;
/// mgen's own limit (not CPython's): loops nested in one function, the
/// `for` clauses of comprehensions included. LLVM's loop analyses grow
/// with the square of the nesting and its -O2/-O3 loop passes faster
/// still (measured: 100 nested loops build in 0.5 s at -O2 and 3.4 s at
/// -O3; 1000 take 4 minutes at -O2; 50,000 exhaust memory). CPython
/// allows only 20 nested loop statements but any number of clauses (and
/// crashes at about 47,600).
pub const MAX_LOOP_NESTING: usize = 100;

/// The parser model: levels relative to the value of an assignment at
/// module level, whose first operand is at level 0. `MAXSTACK` (6000) is
/// met at level `PARSER_LIMIT`: `x = -...-1` with 5968 minus signs fails.
const PARSER_LIMIT: i64 = 5968;

/// Parser levels a construct adds for its operands (see the module docs).
mod cost {
    /// `factor: '-' factor`, `inversion: 'not' inversion`.
    pub const UNARY: i64 = 1;
    /// `power: await_primary '**' factor`.
    pub const POW_RIGHT: i64 = 2;
    pub const LAMBDA_BODY: i64 = 2;
    pub const IFEXP_TEST: i64 = 1;
    pub const IFEXP_ORELSE: i64 = 1;
    /// A later operand of `and` / `or`.
    pub const BOOL_OPERAND: i64 = 2;
    pub const COMPARATOR: i64 = 3;
    /// A later element of a tuple without parentheses.
    pub const TUPLE_ITEM: i64 = 2;
    pub const NAMED_VALUE: i64 = 1;
    pub const STARRED: i64 = 1;
    pub const PAREN: i64 = 28;
    /// Lists, sets, dicts and comprehensions.
    pub const DISPLAY: i64 = 29;
    /// A later element of a display or parenthesized tuple.
    pub const DISPLAY_LATER: i64 = 30;
    pub const CALL_FIRST_ARG: i64 = 24;
    pub const CALL_ARG: i64 = 28;
    pub const CALL_KEYWORD: i64 = 27;
    pub const SUBSCRIPT: i64 = 24;
    /// The brackets of the primary an assignment or expression statement
    /// starts with are parsed first while the parser tries it as an
    /// assignment target (and memoized): that many levels shallower.
    pub const LEADING_DISCOUNT: i64 = 18;
    /// Bodies of `if`, `while`, `for`, `with`, `try`.
    pub const BLOCK: i64 = 6;
    /// Bodies of `def` and `class`; `else` bodies.
    pub const DEF_BLOCK: i64 = 7;
    /// An f-string field is parsed by a parser of its own (3.11).
    pub const FSTRING_FIELD: i64 = 21;

    // Where a statement's expressions start, relative to an assignment's
    // value.
    pub const EXPR_STMT: i64 = -2;
    /// An expression statement's attempt as an assignment target.
    pub const EXPR_STMT_TARGET: i64 = -3;
    pub const TEST: i64 = -3;
    pub const FOR_ITER: i64 = -2;
    pub const RETURN: i64 = -1;
    pub const ANNOTATED: i64 = 1;
}

/// Check `module` (parsed from `tokens`) against CPython 3.11's limits.
/// `first_syntax_error` is the offset of ruff's first syntax error, if
/// any: a tokenizer limit before it is what CPython reports.
pub fn check(
    module: Option<&ast::ModModule>,
    tokens: &Tokens,
    first_syntax_error: Option<usize>,
) -> Option<CompileError> {
    let tokenizer = check_tokens(tokens);
    if let Some(syntax) = first_syntax_error {
        return tokenizer.filter(|(at, _)| *at < syntax).map(|(_, e)| e);
    }
    let mut w = Walker {
        tokens,
        parser: None,
        ast: None,
        max_ast: 0,
        blocks: None,
        loops: None,
    };
    if let Some(m) = module {
        w.body(&m.body, 0, 0, Nest::default());
    }
    let parse_phase = match (tokenizer, w.parser) {
        (Some(t), Some(p)) => Some(if t.0 <= p.0 { t } else { p }),
        (t, p) => t.or(p),
    };
    if let Some((_, e)) = parse_phase {
        return Some(e);
    }
    if let Some(e) = w.ast {
        let deepest = w.max_ast;
        return Some(e.with_help(format!(
            "CPython 3.11 refuses to compile statements and expressions nested more than {AST_LIMIT} levels deep (every operator, call, subscript, attribute, statement and `elif` is a level); this code is nested {deepest} levels deep. Split it up, e.g. with intermediate variables"
        )));
    }
    w.blocks.or(w.loops)
}

/// The first tokenizer limit met, with its offset.
fn check_tokens(tokens: &Tokens) -> Option<(usize, CompileError)> {
    // Bracket levels: the code's, and one per f-string field being read
    // (CPython 3.11 tokenizes each field on its own, inside parentheses).
    enum Frame {
        Code(usize),
        FString,
    }
    let mut frames = vec![Frame::Code(0)];
    let mut indent = 0usize;
    let toks: &[ruff_python_ast::token::Token] = tokens;
    for (i, tok) in toks.iter().enumerate() {
        match tok.kind() {
            TokenKind::Indent => {
                indent += 1;
                if indent >= MAXINDENT {
                    let at = toks[i + 1..]
                        .iter()
                        .find(|t| !t.kind().is_trivia())
                        .map_or(tok.range(), |t| t.range());
                    return Some((
                        at.start().to_usize(),
                        CompileError::new(
                            span(at),
                            "IndentationError: too many levels of indentation",
                        )
                        .with_help(format!(
                            "CPython 3.11 allows {} nested indented blocks; move the inner blocks into a function",
                            MAXINDENT - 1
                        )),
                    ));
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            TokenKind::FStringStart | TokenKind::TStringStart => frames.push(Frame::FString),
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                while let Some(Frame::Code(_)) = frames.last() {
                    frames.pop();
                }
                if frames.len() > 1 {
                    frames.pop();
                }
            }
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => match frames.last_mut() {
                Some(Frame::FString) => frames.push(Frame::Code(1)),
                Some(Frame::Code(level)) => {
                    if *level >= MAXLEVEL {
                        return Some((
                            tok.start().to_usize(),
                            CompileError::new(
                                span(tok.range()),
                                "SyntaxError: too many nested parentheses",
                            )
                            .with_help(format!(
                                "CPython 3.11's tokenizer allows {MAXLEVEL} nested brackets ((), [] and {{}} together); this is the {}st",
                                MAXLEVEL + 1
                            )),
                        ));
                    }
                    *level += 1;
                }
                None => {}
            },
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let field_ends = frames.len() > 1
                    && matches!(frames.last(), Some(Frame::Code(1)))
                    && matches!(frames.get(frames.len() - 2), Some(Frame::FString));
                if field_ends {
                    frames.pop();
                } else if let Some(Frame::Code(level)) = frames.last_mut() {
                    *level = level.saturating_sub(1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The parser levels of element `i` of a display.
fn display(i: usize) -> i64 {
    if i == 0 {
        cost::DISPLAY
    } else {
        cost::DISPLAY_LATER
    }
}

fn span(r: TextRange) -> std::ops::Range<usize> {
    r.start().to_usize()..r.end().to_usize()
}

struct Walker<'t> {
    tokens: &'t Tokens,
    /// The first parser-stack overflow (by offset).
    parser: Option<(usize, CompileError)>,
    /// The first node past the AST recursion limit (in CPython's order).
    ast: Option<CompileError>,
    max_ast: usize,
    /// The first block nested too deeply.
    blocks: Option<CompileError>,
    /// The first loop past `MAX_LOOP_NESTING`.
    loops: Option<CompileError>,
}

/// Enclosing blocks of a statement in its function: CPython's blocks
/// (loops, `try`, `with`) and loops (mgen's limit).
#[derive(Clone, Copy, Default)]
struct Nest {
    blocks: usize,
    loops: usize,
}

/// Where an expression sits: its AST depth (CPython's) and its parser
/// level. `leading` is set on the leftmost path of an expression the
/// parser first tries as an assignment target (the parts of an assignment,
/// an expression statement): the level of that attempt, where the leading
/// primary's brackets are parsed (and memoized) first.
#[derive(Clone, Copy)]
struct At {
    ast: usize,
    parse: i64,
    leading: Option<i64>,
    /// Loops around it in its function (`MAX_LOOP_NESTING`).
    loops: usize,
}

impl At {
    fn child(self, parse_cost: i64) -> At {
        At {
            ast: self.ast + 1,
            parse: self.parse + parse_cost,
            leading: None,
            loops: self.loops,
        }
    }
    /// A child in the leftmost position, which stays leading.
    fn left(self, parse_cost: i64) -> At {
        At {
            leading: self.leading.map(|l| l + parse_cost),
            ..self.child(parse_cost)
        }
    }
    /// A bracketed child: `cost` more levels, from the target attempt's
    /// level (less the discount) if leading.
    fn bracket(self, cost: i64) -> At {
        let parse = match self.leading {
            Some(l) => l + cost - cost::LEADING_DISCOUNT,
            None => self.parse + cost,
        };
        At {
            ast: self.ast + 1,
            parse,
            leading: None,
            loops: self.loops,
        }
    }
}

/// The first token of `r`, for error spans (a node may span many lines).
fn first_token(tokens: &Tokens, r: TextRange) -> TextRange {
    tokens
        .after(r.start())
        .iter()
        .find(|t| !t.kind().is_trivia())
        .map(|t| t.range())
        .filter(|t| t.end() <= r.end())
        .unwrap_or_else(|| TextRange::new(r.start(), r.start().min(r.end())))
}

impl Walker<'_> {
    fn note_ast(&mut self, depth: usize, r: TextRange) {
        self.max_ast = self.max_ast.max(depth);
        if depth > AST_LIMIT && self.ast.is_none() {
            self.ast = Some(CompileError::new(
                span(first_token(self.tokens, r)),
                "RecursionError: maximum recursion depth exceeded during compilation",
            ));
        }
    }

    fn note_parse(&mut self, level: i64, r: TextRange) {
        if level >= PARSER_LIMIT
            && self
                .parser
                .as_ref()
                .is_none_or(|(at, _)| r.start().to_usize() < *at)
        {
            self.parser = Some((
                r.start().to_usize(),
                CompileError::new(span(first_token(self.tokens, r)), "MemoryError").with_help(
                    "CPython 3.11's parser runs out of stack here (Parser/parser.c MAXSTACK, 6000 levels of its recursive-descent rules): the expression nests too deeply, e.g. a chain of thousands of `**` or unary operators. Split it up, e.g. with intermediate variables",
                ),
            ));
        }
    }

    /// Statements of a body: each at `ast`, parser block level `parse`,
    /// inside `blocks` loop/try/with blocks of its function.
    fn body(&mut self, body: &[Stmt], ast: usize, parse: i64, nest: Nest) {
        for s in body {
            self.stmt(s, ast + 1, parse, nest);
        }
    }

    /// A loop at `range` (its keyword) inside `loops` others.
    fn enter_loop(&mut self, range: TextRange, loops: usize) -> usize {
        if loops >= MAX_LOOP_NESTING && self.loops.is_none() {
            self.loops = Some(
                CompileError::new(
                    span(range),
                    format!("mgen compiles at most {MAX_LOOP_NESTING} nested loops in one function"),
                )
                .with_help(
                    "`for` and `while` statements and the `for` clauses of comprehensions each nest a loop, and LLVM's optimizations take time growing faster than the square of the nesting; move inner loops into a function",
                ),
            );
        }
        loops + 1
    }

    fn enter_block(&mut self, s: &Stmt, nest: Nest, keyword: usize) -> Nest {
        let blocks = nest.blocks;
        if blocks >= CO_MAXBLOCKS && self.blocks.is_none() {
            let start = s.start();
            self.blocks = Some(
                CompileError::new(
                    span(TextRange::at(start, TextSize::from(keyword as u32))),
                    "SyntaxError: too many statically nested blocks",
                )
                .with_help(format!(
                    "CPython 3.11 allows {CO_MAXBLOCKS} nested `for`, `while`, `try` and `with` blocks in one function; move the inner loops into a function"
                )),
            );
        }
        Nest {
            blocks: blocks + 1,
            ..nest
        }
    }

    /// `enter_block` for a loop statement.
    fn enter_loop_stmt(&mut self, s: &Stmt, nest: Nest, keyword: usize) -> Nest {
        let n = self.enter_block(s, nest, keyword);
        let kw = TextRange::at(s.start(), TextSize::from(keyword as u32));
        Nest {
            loops: self.enter_loop(kw, nest.loops),
            ..n
        }
    }

    fn stmt(&mut self, s: &Stmt, ast: usize, parse: i64, nest: Nest) {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
            self.stmt_inner(s, ast, parse, nest)
        })
    }

    fn stmt_inner(&mut self, s: &Stmt, ast: usize, parse: i64, nest: Nest) {
        let blocks = nest;
        self.note_ast(ast, s.range());
        // The statement's own expressions are one level below it.
        let at = |off: i64, leading: Option<i64>| At {
            ast: ast + 1,
            parse: parse + off,
            leading: leading.map(|l| parse + l),
            loops: nest.loops,
        };
        let node = AnyNodeRef::from(s);
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression, node, at(0, None));
                }
                self.parameters(&f.parameters, at(0, None));
                if let Some(r) = &f.returns {
                    self.expr(r, node, at(0, None));
                }
                // A function is a compile unit of its own: no blocks.
                self.body(&f.body, ast, parse + cost::DEF_BLOCK, Nest::default());
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression, node, at(0, None));
                }
                if let Some(a) = &c.arguments {
                    // Bases are one level below the class (`arguments`
                    // adds the level).
                    let class = At {
                        ast,
                        parse,
                        leading: None,
                        loops: nest.loops,
                    };
                    self.arguments(a, class);
                }
                self.body(&c.body, ast, parse + cost::DEF_BLOCK, Nest::default());
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v, node, at(cost::RETURN, None));
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t, node, at(0, None));
                }
            }
            Stmt::TypeAlias(t) => {
                self.expr(&t.name, node, at(0, None));
                self.expr(&t.value, node, at(0, None));
            }
            Stmt::Assign(a) => {
                // `(star_targets '=')+ star_expressions`: each part, the
                // value too, is first tried as a target.
                for t in &a.targets {
                    self.expr(t, node, at(0, Some(0)));
                }
                self.expr(&a.value, node, at(0, Some(0)));
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target, node, at(0, None));
                self.expr(&a.value, node, at(0, None));
            }
            Stmt::AnnAssign(a) => {
                self.expr(&a.target, node, at(0, None));
                self.expr(&a.annotation, node, at(cost::ANNOTATED, None));
                if let Some(v) = &a.value {
                    self.expr(v, node, at(cost::ANNOTATED, None));
                }
            }
            Stmt::For(f) => {
                self.expr(&f.target, node, at(cost::FOR_ITER, None));
                self.expr(&f.iter, node, at(cost::FOR_ITER, None));
                let inner = self.enter_loop_stmt(s, blocks, 3);
                self.body(&f.body, ast, parse + cost::BLOCK, inner);
                self.body(&f.orelse, ast, parse + cost::DEF_BLOCK, blocks);
            }
            Stmt::While(w) => {
                self.expr(&w.test, node, at(cost::TEST, None));
                let inner = self.enter_loop_stmt(s, blocks, 5);
                self.body(&w.body, ast, parse + cost::BLOCK, inner);
                self.body(&w.orelse, ast, parse + cost::DEF_BLOCK, blocks);
            }
            Stmt::If(i) => {
                self.expr(&i.test, node, at(cost::TEST, None));
                self.body(&i.body, ast, parse + cost::BLOCK, blocks);
                // CPython: each `elif` is an `if` in the previous one's
                // `else`, one level deeper in the AST and in the parser.
                let mut k = 0;
                for clause in &i.elif_else_clauses {
                    match &clause.test {
                        Some(test) => {
                            k += 1;
                            let elif_ast = ast + k;
                            self.note_ast(elif_ast, clause.range());
                            let cat = At {
                                ast: elif_ast + 1,
                                parse: parse + cost::TEST + k as i64,
                                leading: None,
                                loops: nest.loops,
                            };
                            self.expr(test, AnyNodeRef::from(clause), cat);
                            self.body(
                                &clause.body,
                                elif_ast,
                                parse + cost::BLOCK + k as i64,
                                blocks,
                            );
                        }
                        None => self.body(
                            &clause.body,
                            ast + k,
                            parse + cost::DEF_BLOCK + k as i64,
                            blocks,
                        ),
                    }
                }
            }
            Stmt::With(w) => {
                let mut inner = blocks;
                for item in &w.items {
                    self.expr(&item.context_expr, AnyNodeRef::from(item), at(0, None));
                    if let Some(v) = &item.optional_vars {
                        self.expr(v, AnyNodeRef::from(item), at(0, None));
                    }
                    inner = self.enter_block(s, inner, 4);
                }
                self.body(&w.body, ast, parse + cost::BLOCK, inner);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject, node, at(0, None));
                for case in &m.cases {
                    // Patterns are one level each in ast_opt; mgen has no
                    // `match`, so they count as one.
                    self.note_ast(ast + 1, case.pattern.range());
                    if let Some(g) = &case.guard {
                        self.expr(g, AnyNodeRef::from(case), at(0, None));
                    }
                    self.body(&case.body, ast, parse + cost::BLOCK, blocks);
                }
            }
            Stmt::Raise(r) => {
                for e in [&r.exc, &r.cause].into_iter().flatten() {
                    self.expr(e, node, at(0, None));
                }
            }
            Stmt::Try(t) => {
                let finally = !t.finalbody.is_empty();
                let mut body_blocks = self.enter_block(s, blocks, 3);
                if finally && !t.handlers.is_empty() {
                    body_blocks = self.enter_block(s, body_blocks, 3);
                }
                self.body(&t.body, ast, parse + cost::BLOCK, body_blocks);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty, AnyNodeRef::from(h), at(0, None));
                    }
                    let mut hb = self.enter_block(s, blocks, 3);
                    if h.name.is_some() {
                        hb = self.enter_block(s, hb, 3);
                    }
                    self.body(&h.body, ast, parse + cost::DEF_BLOCK, hb);
                }
                self.body(&t.orelse, ast, parse + cost::DEF_BLOCK, blocks);
                if finally {
                    let fb = self.enter_block(s, blocks, 3);
                    self.body(&t.finalbody, ast, parse + cost::DEF_BLOCK, fb);
                }
            }
            Stmt::Assert(a) => {
                self.expr(&a.test, node, at(cost::TEST, None));
                if let Some(m) = &a.msg {
                    self.expr(m, node, at(cost::TEST, None));
                }
            }
            Stmt::Expr(e) => self.expr(
                &e.value,
                node,
                at(cost::EXPR_STMT, Some(cost::EXPR_STMT_TARGET)),
            ),
            Stmt::Import(_)
            | Stmt::ImportFrom(_)
            | Stmt::Global(_)
            | Stmt::Nonlocal(_)
            | Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    /// Defaults and annotations of a `def` or `lambda`: expressions one
    /// level below it.
    fn parameters(&mut self, p: &ast::Parameters, at: At) {
        let node = AnyNodeRef::from(p);
        for pd in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(a) = &pd.parameter.annotation {
                self.expr(a, node, at);
            }
            if let Some(d) = &pd.default {
                self.expr(d, node, at);
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(a) = &v.annotation {
                self.expr(a, node, at);
            }
        }
    }

    fn arguments(&mut self, a: &ast::Arguments, at: At) {
        let node = AnyNodeRef::from(a);
        for (i, e) in a.args.iter().enumerate() {
            let c = if i == 0 {
                cost::CALL_FIRST_ARG
            } else {
                cost::CALL_ARG
            };
            self.expr(e, node, at.bracket(c));
        }
        for k in &a.keywords {
            self.expr(&k.value, node, at.bracket(cost::CALL_KEYWORD));
        }
    }

    /// `e`, a child of `parent`, with `at` its AST depth (CPython's: the
    /// depth of this node) and parser level before its own parentheses.
    fn expr(&mut self, e: &Expr, parent: AnyNodeRef, at: At) {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
            self.expr_inner(e, parent, at)
        })
    }

    fn expr_inner(&mut self, e: &Expr, parent: AnyNodeRef, mut at: At) {
        // Redundant parentheses are no AST node, but parser levels.
        let parens = parentheses_iterator(ExprRef::from(e), Some(parent), self.tokens).count();
        for _ in 0..parens {
            at.parse = match at.leading {
                Some(l) => l + cost::PAREN - cost::LEADING_DISCOUNT,
                None => at.parse + cost::PAREN,
            };
            at.leading = None;
        }
        // `at` was computed for the node as a child: its depth is at.ast.
        let depth = at.ast;
        self.note_ast(depth, e.range());
        self.note_parse(at.parse, e.range());
        let here = At { ast: depth, ..at };
        let node = AnyNodeRef::from(e);
        match e {
            Expr::BoolOp(b) => {
                for (i, v) in b.values.iter().enumerate() {
                    let c = if i == 0 {
                        here.left(0)
                    } else {
                        here.child(cost::BOOL_OPERAND)
                    };
                    self.expr(v, node, c);
                }
            }
            Expr::Named(n) => {
                self.expr(&n.target, node, here.left(0));
                self.expr(&n.value, node, here.child(cost::NAMED_VALUE));
            }
            Expr::BinOp(b) => {
                self.expr(&b.left, node, here.left(0));
                let right = if b.op == Operator::Pow {
                    cost::POW_RIGHT
                } else {
                    0
                };
                self.expr(&b.right, node, here.child(right));
            }
            Expr::UnaryOp(u) => self.expr(&u.operand, node, here.child(cost::UNARY)),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameters(p, here.child(cost::LAMBDA_BODY));
                }
                // A function of its own: no loops around its body.
                let body = At {
                    loops: 0,
                    ..here.child(cost::LAMBDA_BODY)
                };
                self.expr(&l.body, node, body);
            }
            Expr::If(i) => {
                self.expr(&i.body, node, here.left(0));
                self.expr(&i.test, node, here.child(cost::IFEXP_TEST));
                self.expr(&i.orelse, node, here.child(cost::IFEXP_ORELSE));
            }
            Expr::Dict(d) => {
                for (i, item) in d.items.iter().enumerate() {
                    let c = here.bracket(display(i));
                    if let Some(k) = &item.key {
                        self.expr(k, node, c);
                    }
                    self.expr(&item.value, node, c);
                }
            }
            Expr::Set(s) => {
                for (i, v) in s.elts.iter().enumerate() {
                    self.expr(v, node, here.bracket(display(i)));
                }
            }
            Expr::List(l) => {
                for (i, v) in l.elts.iter().enumerate() {
                    self.expr(v, node, here.bracket(display(i)));
                }
            }
            Expr::Tuple(t) => {
                for (i, v) in t.elts.iter().enumerate() {
                    let c = match (t.parenthesized, i) {
                        (true, 0) => here.bracket(cost::PAREN),
                        (true, _) => here.bracket(cost::DISPLAY_LATER),
                        (false, 0) => here.left(0),
                        (false, _) => here.child(cost::TUPLE_ITEM),
                    };
                    self.expr(v, node, c);
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(&[&c.elt], &c.generators, node, here.bracket(cost::DISPLAY))
            }
            Expr::SetComp(c) => {
                self.comprehension(&[&c.elt], &c.generators, node, here.bracket(cost::DISPLAY))
            }
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = c.key.iter().map(|k| &**k).collect();
                elts.push(&c.value);
                self.comprehension(&elts, &c.generators, node, here.bracket(cost::DISPLAY))
            }
            Expr::Generator(g) => {
                // Without parentheses it is a call's only argument: the
                // call's brackets are counted already.
                let c = if g.parenthesized {
                    here.bracket(cost::PAREN)
                } else {
                    here.left(0)
                };
                self.comprehension(&[&g.elt], &g.generators, node, At { leading: None, ..c });
            }
            Expr::Await(a) => self.expr(&a.value, node, here.child(cost::UNARY)),
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v, node, here.child(cost::UNARY));
                }
            }
            Expr::YieldFrom(y) => self.expr(&y.value, node, here.child(cost::UNARY)),
            Expr::Compare(c) => {
                self.expr(&c.left, node, here.left(0));
                for v in &c.comparators {
                    self.expr(v, node, here.child(cost::COMPARATOR));
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func, node, here.left(0));
                self.arguments(&c.arguments, here);
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        // CPython: JoinedStr > FormattedValue > value.
                        self.interpolated(&fs.elements, here.ast, here.loops);
                    }
                }
            }
            Expr::TString(t) => {
                for ts in t.value.iter() {
                    self.interpolated(&ts.elements, here.ast, here.loops);
                }
            }
            Expr::Attribute(a) => self.expr(&a.value, node, here.left(0)),
            Expr::Subscript(s) => {
                self.expr(&s.value, node, here.left(0));
                self.expr(&s.slice, node, here.bracket(cost::SUBSCRIPT));
            }
            Expr::Starred(s) => self.expr(&s.value, node, here.child(cost::STARRED)),
            Expr::Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(v, node, here.child(0));
                }
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::Name(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
    }

    /// The fields of an f-string whose `JoinedStr` is at AST depth
    /// `joined`: each a `FormattedValue` one deeper, its value one deeper
    /// still, parsed by a fresh parser; a format spec is a `JoinedStr`
    /// inside the `FormattedValue`.
    fn interpolated(
        &mut self,
        elements: &[InterpolatedStringElement],
        joined: usize,
        loops: usize,
    ) {
        for el in elements {
            if let InterpolatedStringElement::Interpolation(i) = el {
                let formatted = joined + 1;
                self.note_ast(formatted, i.range());
                let at = At {
                    ast: formatted + 1,
                    parse: cost::FSTRING_FIELD,
                    leading: None,
                    loops,
                };
                self.expr(&i.expression, AnyNodeRef::from(i), at);
                if let Some(spec) = &i.format_spec {
                    self.note_ast(formatted + 1, spec.range());
                    self.interpolated(&spec.elements, formatted + 1, loops);
                }
            }
        }
    }

    /// A comprehension's element and clauses (`at` for both). Clause `i`
    /// is a loop inside the ones before it: its iterable (but the first
    /// one's) is evaluated inside them, its target and conditions in its
    /// own; the element in all of them. CPython visits the element first.
    fn comprehension(
        &mut self,
        elts: &[&Expr],
        gens: &[ast::Comprehension],
        parent: AnyNodeRef,
        at: At,
    ) {
        let mut loops = at.loops;
        for g in gens {
            let kw = TextRange::at(g.start(), TextSize::from(3));
            loops = self.enter_loop(kw, loops);
        }
        for e in elts {
            self.expr(e, parent, At { loops, ..at });
        }
        for (i, g) in gens.iter().enumerate() {
            let node = AnyNodeRef::from(g);
            let outer = At {
                loops: at.loops + i,
                ..at
            };
            let inner = At {
                loops: at.loops + i + 1,
                ..at
            };
            self.expr(&g.target, node, inner);
            self.expr(&g.iter, node, if i == 0 { at } else { outer });
            for c in &g.ifs {
                self.expr(c, node, inner);
            }
        }
    }
}
