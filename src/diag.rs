//! Compile diagnostics, rendered with codespan-reporting.

#[derive(Debug)]
pub struct CompileErrors;
impl CompileErrors {
    pub fn emit(&self) {}
}
impl std::fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "compile errors")
    }
}
impl std::error::Error for CompileErrors {}
