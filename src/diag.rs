//! Compile diagnostics: every error names file:line:col, shows the source
//! line, and says how to fix it where there is a fix. Rendered with
//! codespan-reporting.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use std::ops::Range;

/// Index of a source file in `CompileErrors::files` (0: the entry file).
pub type FileId = usize;

/// One error at a byte range of a source file.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl CompileError {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        CompileError {
            file: 0,
            span,
            message: message.into(),
            help: None,
        }
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// The same error in another file of the program.
    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = file;
        self
    }
}

/// A source file errors are shown against: its name as the user sees it
/// (the path given, or found by the module loader) and its text.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub source: String,
}

/// All errors of a program, with the files to render them against
/// (`files[0]` is the entry file, named in the closing line).
#[derive(Debug)]
pub struct CompileErrors {
    pub files: Vec<SourceText>,
    pub errors: Vec<CompileError>,
}

impl CompileErrors {
    /// Errors of one file (the entry file).
    pub fn single(name: String, source: String, errors: Vec<CompileError>) -> Self {
        CompileErrors {
            files: vec![SourceText { name, source }],
            errors,
        }
    }

    fn render(&self, out: &mut dyn termcolor::WriteColor) {
        let mut files = SimpleFiles::new();
        for f in &self.files {
            files.add(f.name.as_str(), f.source.as_str());
        }
        let config = term::Config::default();
        for e in &self.errors {
            let file = e.file.min(self.files.len().saturating_sub(1));
            let mut d = Diagnostic::error()
                .with_message(&e.message)
                .with_labels(vec![Label::primary(file, e.span.clone())]);
            if let Some(h) = &e.help {
                d = d.with_notes(vec![format!("help: {h}")]);
            }
            let _ = term::emit(out, &config, &files, &d);
        }
        let n = self.errors.len();
        let _ = writeln!(
            out,
            "error: could not compile `{}` due to {} error{}",
            self.files.first().map_or("", |f| f.name.as_str()),
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
