//! Compile diagnostics: every error names file:line:col, shows the source
//! line, and says how to fix it where there is a fix. Rendered with
//! codespan-reporting.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use std::ops::Range;

/// One error at a byte range of the source.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl CompileError {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        CompileError {
            span,
            message: message.into(),
            help: None,
        }
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// All errors of one source file, with the file to render them against.
#[derive(Debug)]
pub struct CompileErrors {
    pub file_name: String,
    pub source: String,
    pub errors: Vec<CompileError>,
}

impl CompileErrors {
    fn render(&self, out: &mut dyn termcolor::WriteColor) {
        let file = SimpleFile::new(self.file_name.as_str(), self.source.as_str());
        let config = term::Config::default();
        for e in &self.errors {
            let mut d = Diagnostic::error()
                .with_message(&e.message)
                .with_labels(vec![Label::primary((), e.span.clone())]);
            if let Some(h) = &e.help {
                d = d.with_notes(vec![format!("help: {h}")]);
            }
            let _ = term::emit(out, &config, &file, &d);
        }
        let n = self.errors.len();
        let _ = writeln!(
            out,
            "error: could not compile `{}` due to {} error{}",
            self.file_name,
            n,
            if n == 1 { "" } else { "s" }
        );
    }

    /// Print to stderr, in color when stderr is a terminal.
    pub fn emit(&self) {
        use std::io::IsTerminal;
        let choice = if std::io::stderr().is_terminal() {
            termcolor::ColorChoice::Auto
        } else {
            termcolor::ColorChoice::Never
        };
        let mut w = termcolor::StandardStream::stderr(choice);
        self.render(&mut w);
    }

    /// Line and column (1-based, column in characters) of a byte offset.
    pub fn line_col(source: &str, offset: usize) -> (u32, u32) {
        let before = &source[..offset.min(source.len())];
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let col = source[line_start..offset.min(source.len())].chars().count() as u32 + 1;
        (line, col)
    }
}

impl std::fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = termcolor::NoColor::new(Vec::new());
        self.render(&mut buf);
        let text = String::from_utf8_lossy(buf.get_ref());
        write!(f, "{}", text.trim_end())
    }
}

impl std::error::Error for CompileErrors {}
