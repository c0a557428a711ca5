//! Stage 1: parse Python source with Astral's ruff parser, then check
//! CPython 3.11's nesting limits (`crate::limits`).

use crate::diag::CompileError;
use ruff_python_ast::ModModule;
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::Ranged;

/// Parse a module; syntax errors, and programs CPython 3.11 refuses for
/// nesting too deeply, become compile errors at their location.
pub fn parse(source: &str) -> Result<ModModule, Vec<CompileError>> {
    // ruff's parser grows its stack as it recurses, so any depth parses.
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(Mode::Module))
        .try_into_module()
        .expect("Mode::Module parses to a module");
    let first_error = parsed
        .errors()
        .first()
        .map(|e| e.location.start().to_usize());
    let limit = crate::limits::check(
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
    if let Some(e) = parsed.errors().first() {
        let r = e.location;
        return Err(vec![CompileError::new(
            r.start().to_usize()..r.end().to_usize(),
            format!("invalid syntax: {}", e.error),
        )]);
    }
    let errs: Vec<CompileError> = parsed
        .unsupported_syntax_errors()
        .iter()
        .map(|e| {
            CompileError::new(
                e.range().start().to_usize()..e.range().end().to_usize(),
                format!("invalid syntax: {e}"),
            )
        })
        .collect();
    if errs.is_empty() {
        Ok(parsed.into_syntax())
    } else {
        Err(errs)
    }
}
