//! Parse one module with Astral's ruff parser, then check CPython 3.11's
//! nesting limits (`super::limits`).
//!
//! ruff's parser recovers from syntax errors, so every error of a file is
//! reported, each at its location and in CPython's words where CPython has
//! a specific message (`'(' was never closed`, `expected ':'`,
//! `unterminated string literal`, ...), else `invalid syntax` with ruff's
//! description as help. Two rules keep one mistake one message: an error
//! that follows an unclosed bracket is dropped (everything after it is
//! inside the bracket for the parser), and so is a later error on a line
//! that already has one.

use crate::diag::CompileError;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::ModModule;
use ruff_python_parser::{LexicalErrorType, Mode, ParseErrorType, ParseOptions};
use ruff_text_size::{Ranged, TextRange};

/// Parse a module; syntax errors, and programs CPython 3.11 refuses for
/// nesting too deeply, become compile errors at their location.
pub fn parse(source: &str) -> Result<ModModule, Vec<CompileError>> {
    // ruff's parser grows its stack as it recurses, so any depth parses.
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(Mode::Module))
        .try_into_module()
        .expect("Mode::Module parses to a module");
    let brackets = bracket_error(parsed.tokens());
    let first_error = parsed
        .errors()
        .iter()
        .map(|e| e.location.start().to_usize())
        .chain(brackets.as_ref().map(|b| b.span.start))
        .min();
    let limit = super::limits::check(
        first_error.is_none().then(|| parsed.syntax()),
        parsed.tokens(),
        first_error,
    );
    if let Some(e) = limit {
        // Dropping an AST nested this deeply recurses as deep as it goes
        // (ruff's nodes have no iterative Drop); the build ends here, so
        // leave it to the process.
        std::mem::forget(parsed);
        return Err(vec![e]);
    }
    if first_error.is_some() {
        return Err(syntax_errors(source, parsed.errors(), brackets));
    }
    let errs: Vec<CompileError> = parsed
        .unsupported_syntax_errors()
        .iter()
        .map(|e| {
            CompileError::new(
                e.range().start().to_usize()..e.range().end().to_usize(),
                format!("SyntaxError: invalid syntax: {e}"),
            )
        })
        .collect();
    if errs.is_empty() {
        Ok(parsed.into_syntax())
    } else {
        Err(errs)
    }
}

/// A bracket error of CPython's tokenizer, which it reports before any
/// error of the parser.
struct BracketError {
    span: std::ops::Range<usize>,
    message: String,
    /// `'(' was never closed` (or closed by the wrong bracket): every later
    /// error is a consequence.
    unclosed: bool,
}

fn span(r: TextRange) -> std::ops::Range<usize> {
    r.start().to_usize()..r.end().to_usize()
}

fn bracket_char(k: TokenKind) -> char {
    match k {
        TokenKind::Lpar => '(',
        TokenKind::Rpar => ')',
        TokenKind::Lsqb => '[',
        TokenKind::Rsqb => ']',
        TokenKind::Lbrace => '{',
        _ => '}',
    }
}

/// The first bracket CPython's tokenizer rejects: a closing bracket with
/// no opening one (`unmatched ')'`), one of the wrong kind, or an opening
/// bracket still open at the end (`'(' was never closed`); or a number run
/// into a name (`invalid decimal literal`).
fn bracket_error(tokens: &Tokens) -> Option<BracketError> {
    let mut open: Vec<(TokenKind, TextRange)> = Vec::new();
    let mut prev: Option<(TokenKind, TextRange)> = None;
    for t in tokens.iter() {
        // `5int`: CPython's tokenizer refuses a number run into a name.
        if let Some((pk, pr)) = prev {
            if matches!(pk, TokenKind::Int | TokenKind::Float)
                && t.kind() == TokenKind::Name
                && pr.end() == t.start()
            {
                let last = pr.end().to_usize().saturating_sub(1);
                return Some(BracketError {
                    span: last..pr.end().to_usize(),
                    message: "SyntaxError: invalid decimal literal".into(),
                    unclosed: false,
                });
            }
        }
        prev = Some((t.kind(), t.range()));
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                open.push((t.kind(), t.range()))
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let close = bracket_char(t.kind());
                match open.pop() {
                    None => {
                        return Some(BracketError {
                            span: span(t.range()),
                            message: format!("SyntaxError: unmatched '{close}'"),
                            unclosed: false,
                        })
                    }
                    Some((k, _)) if bracket_char(k) == matching(close) => {}
                    Some((k, _)) => {
                        return Some(BracketError {
                            span: span(t.range()),
                            message: format!(
                                "SyntaxError: closing parenthesis '{close}' does not match opening parenthesis '{}'",
                                bracket_char(k)
                            ),
                            // The opening bracket stays open for the parser.
                            unclosed: true,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    open.pop().map(|(k, r)| BracketError {
        span: span(r),
        message: format!("SyntaxError: '{}' was never closed", bracket_char(k)),
        unclosed: true,
    })
}

fn matching(close: char) -> char {
    match close {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

/// The 1-based line of a byte offset (any offset: newlines are counted as
/// bytes, so one inside a multi-byte character is fine).
fn line_of(source: &str, offset: usize) -> usize {
    let before = &source.as_bytes()[..offset.min(source.len())];
    before.iter().filter(|&&b| b == b'\n').count() + 1
}

/// The errors to report: the bracket error first, then ruff's, one per
/// line, none after an unclosed bracket.
fn syntax_errors(
    source: &str,
    errors: &[ruff_python_parser::ParseError],
    brackets: Option<BracketError>,
) -> Vec<CompileError> {
    let mut out: Vec<CompileError> = Vec::new();
    let mut lines_with_error = std::collections::HashSet::new();
    let mut cut = usize::MAX;
    // An unterminated string after an unclosed bracket swallowed the
    // closing one: the string is the mistake, and what follows it (still
    // inside the bracket for the parser) is a consequence.
    if let Some(b) = &brackets {
        let string = errors
            .iter()
            .filter(|e| {
                matches!(
                    e.error,
                    ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError)
                ) && e.location.start().to_usize() > b.span.start
            })
            .map(|e| e.location.start().to_usize())
            .min();
        if let (Some(at), true) = (string, b.message.ends_with("was never closed")) {
            cut = at + 1;
        }
    }
    let brackets = brackets.filter(|_| cut == usize::MAX);
    if let Some(b) = brackets {
        lines_with_error.insert(line_of(source, b.span.start));
        if b.unclosed {
            cut = b.span.start;
        }
        out.push(CompileError::new(b.span, b.message));
    }
    let mut errors: Vec<&ruff_python_parser::ParseError> = errors.iter().collect();
    errors.sort_by_key(|e| e.location.start());
    for e in errors {
        let at = e.location.start().to_usize();
        if at >= cut || !lines_with_error.insert(line_of(source, at)) {
            continue;
        }
        out.push(cpython_error(source, e));
    }
    out
}

/// A ruff parse error in CPython's words where CPython has specific ones.
fn cpython_error(source: &str, e: &ruff_python_parser::ParseError) -> CompileError {
    let sp = span(e.location);
    let detail = e.error.to_string();
    let invalid =
        || CompileError::new(sp.clone(), "SyntaxError: invalid syntax").with_help(detail.clone());
    let words = |msg: &str| CompileError::new(sp.clone(), msg.to_string());
    match &e.error {
        ParseErrorType::ExpectedToken { expected, found } => match (expected, found) {
            (TokenKind::Colon, _) => words("SyntaxError: expected ':'"),
            (
                TokenKind::Comma,
                TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringStart
                | TokenKind::Lpar
                | TokenKind::Lsqb
                | TokenKind::Lbrace,
            ) => CompileError::new(
                sp.clone(),
                "SyntaxError: invalid syntax. Perhaps you forgot a comma?",
            )
            .with_help(detail.clone()),
            (TokenKind::Indent, _) => {
                words("IndentationError: expected an indented block").with_help(detail.clone())
            }
            _ => invalid(),
        },
        ParseErrorType::UnexpectedIndentation => words("IndentationError: unexpected indent"),
        ParseErrorType::PositionalAfterKeywordArgument => {
            words("SyntaxError: positional argument follows keyword argument")
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            words("SyntaxError: positional argument follows keyword argument unpacking")
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            words("SyntaxError: non-default argument follows default argument")
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => CompileError::new(
            sp.clone(),
            format!("SyntaxError: cannot assign to this expression"),
        )
        .with_help(detail.clone()),
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::UnclosedStringError => {
                let text = &source[sp.start.min(source.len())..];
                let triple = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                let kind = if triple.starts_with("\"\"\"") || triple.starts_with("'''") {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                // The line of the string's last character (its end may be
                // a newline, which belongs to the line it ends).
                let end = sp.end.min(source.len());
                let last = source
                    .get(sp.start.min(end)..end)
                    .and_then(|t| t.char_indices().next_back())
                    .map_or(sp.start, |(i, _)| sp.start + i);
                let line = line_of(source, last);
                words(&format!("SyntaxError: {kind} (detected at line {line})"))
            }
            LexicalErrorType::IndentationError => {
                words("IndentationError: unindent does not match any outer indentation level")
            }
            LexicalErrorType::LineContinuationError => {
                words("SyntaxError: unexpected character after line continuation character")
            }
            LexicalErrorType::UnrecognizedToken { tok } => words(&format!(
                "SyntaxError: invalid character '{tok}' (U+{:04X})",
                *tok as u32
            )),
            LexicalErrorType::Eof => words("SyntaxError: unexpected EOF while parsing"),
            _ => invalid(),
        },
        _ => invalid(),
    }
}
