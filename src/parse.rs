//! Stage 1: parse Python source with Astral's ruff parser.

use crate::diag::CompileError;
use ruff_python_ast::ModModule;
use ruff_text_size::Ranged;

/// Parse a module; syntax errors become compile errors at their location.
pub fn parse(source: &str) -> Result<ModModule, Vec<CompileError>> {
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => {
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
        Err(e) => {
            let r = e.location;
            Err(vec![CompileError::new(
                r.start().to_usize()..r.end().to_usize(),
                format!("invalid syntax: {}", e.error),
            )])
        }
    }
}
