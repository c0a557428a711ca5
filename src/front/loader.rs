//! The module loader: the program's module graph, from the entry file and
//! its `import` / `from ... import` statements.
//!
//! Modules are found as CPython 3.11 finds them when it runs `python3
//! ENTRY.py`: the entry file's directory is the import root (`sys.path[0]`);
//! a name `a.b` is the package `a` (a directory with `__init__.py`; a
//! directory without one is a namespace package, found only when no
//! module of that name exists elsewhere) and its submodule `b` (`a/b.py`
//! or the package `a/b/`). Modules built into the interpreter (`sys`) come
//! before the import root, the rest of the standard library after it, so a
//! program's `math.py` shadows `math` as it does in CPython.
//!
//! Each module is read and parsed once. Imports are found anywhere in a
//! module (inside functions and `if` blocks too), in source order, and
//! followed depth first: `ModuleGraph::modules` is in the order CPython
//! finishes executing them (every module after the modules it imports, the
//! entry module `__main__` last). A missing module, a relative import with
//! no package, and an import cycle are errors at the import.

use super::parse;
use super::resolve::{self, Resolution};
use super::stdlib;
use crate::diag::{CompileError, CompileErrors, FileId, SourceText};
use ruff_python_ast::statement_visitor::{walk_stmt, StatementVisitor};
use ruff_python_ast::{self as ast, ModModule, Stmt};
use ruff_text_size::TextRange;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub type ModuleId = usize;

/// The program's modules, in CPython's import order.
#[derive(Debug)]
pub struct ModuleGraph {
    /// Every module after the modules it imports (but for cycles, which
    /// are errors); the entry module is last.
    pub modules: Vec<Module>,
    /// The entry module (`__main__`): `modules.len() - 1`.
    pub entry: ModuleId,
    /// The source files, indexed by `Module::file` (`CompileError::file`).
    pub files: Vec<SourceText>,
}

#[derive(Debug)]
pub struct Module {
    /// The dotted module name: `__main__` for the entry file, `pkg.sub`.
    pub name: String,
    /// The file (`pkg/__init__.py` for a package; a namespace package's
    /// directory).
    pub path: PathBuf,
    pub file: FileId,
    pub kind: ModuleKind,
    pub ast: ModModule,
    /// Its scopes and the definition of every name (`super::resolve`).
    pub names: Resolution,
    /// The module's imports, in source order.
    pub imports: Vec<Import>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleKind {
    /// A `.py` file.
    Module,
    /// A package's `__init__.py`.
    Package,
    /// A directory without `__init__.py` (no code).
    Namespace,
}

/// One imported name of an `import` or `from ... import` statement.
#[derive(Debug, Clone)]
pub struct Import {
    /// Start of the statement (what the checker looks the import up by).
    pub stmt: ruff_text_size::TextSize,
    /// The module's name in the statement (`a.b` of `import a.b as c`, the
    /// `X` of `from X import y`).
    pub range: TextRange,
    /// The absolute dotted name (relative imports resolved).
    pub name: String,
    pub target: ImportTarget,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportTarget {
    /// A module of the program (the last module of a dotted name; the
    /// packages on the way are imports of their own).
    Module(ModuleId),
    /// `typing` (issue 13 brings it).
    Typing,
    /// `__future__` (issue 13 brings `annotations`).
    Future,
    /// A module of CPython's standard library that mgen does not provide.
    Stdlib,
    /// Reported by the loader (missing, cycle, bad relative import).
    Failed,
}

impl ModuleGraph {
    pub fn entry(&self) -> &Module {
        &self.modules[self.entry]
    }

    /// The imports of `module`'s statement starting at `stmt`.
    pub fn imports_at(
        &self,
        module: ModuleId,
        stmt: ruff_text_size::TextSize,
    ) -> impl Iterator<Item = &Import> {
        self.modules[module]
            .imports
            .iter()
            .filter(move |i| i.stmt == stmt)
    }
}

/// Load the program whose entry file is `entry` (already read as
/// `source`, shown as `display` in errors): parse it and every module it
/// imports. When the entry module parses, the graph comes back with the
/// errors found in the other files and at imports (its imports that failed
/// are `ImportTarget::Failed`), so the entry module can still be checked;
/// else all errors.
pub fn load(
    entry: &Path,
    display: &str,
    source: String,
) -> Result<(ModuleGraph, Vec<CompileError>), CompileErrors> {
    let root = match entry.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut l = Loader {
        root,
        files: Vec::new(),
        errors: Vec::new(),
        state: HashMap::new(),
        modules: Vec::new(),
        stack: Vec::new(),
    };
    l.load_module(
        "__main__".into(),
        entry.to_path_buf(),
        display.to_string(),
        source,
        ModuleKind::Module,
    );
    let Loader {
        files,
        mut errors,
        modules,
        ..
    } = l;
    errors.sort_by_key(|e| (e.file, e.span.start));
    match modules.last() {
        Some(m) if m.name == "__main__" => {}
        _ => return Err(CompileErrors { files, errors }),
    }
    let entry = modules.len() - 1;
    Ok((
        ModuleGraph {
            modules,
            entry,
            files,
        },
        errors,
    ))
}

enum State {
    /// Being loaded (on the import stack): importing it again is a cycle.
    Loading,
    Done(ModuleId),
    /// Its file could not be read or parsed (already reported).
    Failed,
}

struct Loader {
    root: PathBuf,
    files: Vec<SourceText>,
    errors: Vec<CompileError>,
    state: HashMap<String, State>,
    modules: Vec<Module>,
    /// Names of the modules being loaded, outermost first.
    stack: Vec<String>,
}

/// Where a module name was found.
enum Found {
    File(PathBuf, ModuleKind),
    Typing,
    Future,
    Stdlib,
    NotFound,
    /// `a.b` where `a` is a module, not a package.
    NotAPackage(String),
}

/// The import statements of a module, wherever they are.
struct ImportFinder<'a> {
    stmts: Vec<&'a Stmt>,
}

impl<'a> StatementVisitor<'a> for ImportFinder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if matches!(stmt, Stmt::Import(_) | Stmt::ImportFrom(_)) {
            self.stmts.push(stmt);
        }
        walk_stmt(self, stmt);
    }
}

impl Loader {
    fn load_module(
        &mut self,
        name: String,
        path: PathBuf,
        display: String,
        source: String,
        kind: ModuleKind,
    ) -> Option<ModuleId> {
        let file = self.files.len();
        self.files.push(SourceText {
            name: display,
            source,
        });
        let parsed = parse::parse(&self.files[file].source);
        let ast = match parsed {
            Ok(a) => a,
            Err(errs) => {
                self.errors
                    .extend(errs.into_iter().map(|e| e.in_file(file)));
                self.state.insert(name, State::Failed);
                return None;
            }
        };
        self.state.insert(name.clone(), State::Loading);
        self.stack.push(name.clone());
        let mut finder = ImportFinder { stmts: Vec::new() };
        finder.visit_body(&ast.body);
        let package = match kind {
            ModuleKind::Package | ModuleKind::Namespace => Some(name.clone()),
            ModuleKind::Module => name.rsplit_once('.').map(|(p, _)| p.to_string()),
        };
        let package = if name == "__main__" { None } else { package };
        let mut imports = Vec::new();
        for stmt in finder.stmts {
            match stmt {
                Stmt::Import(i) => {
                    for alias in &i.names {
                        let range = alias.name.range;
                        let target = self.import(file, &alias.name.id, range);
                        imports.push(Import {
                            stmt: i.range.start(),
                            range,
                            name: alias.name.id.to_string(),
                            target,
                        });
                    }
                }
                Stmt::ImportFrom(f) => {
                    self.import_from(file, f, package.as_deref(), &mut imports);
                }
                _ => {}
            }
        }
        self.stack.pop();
        let (names, errors) = resolve::resolve(&name, &ast);
        self.errors
            .extend(errors.into_iter().map(|e| e.in_file(file)));
        let id = self.modules.len();
        self.modules.push(Module {
            name: name.clone(),
            path,
            file,
            kind,
            ast,
            names,
            imports,
        });
        self.state.insert(name, State::Done(id));
        Some(id)
    }

    fn error(&mut self, file: FileId, range: TextRange, msg: String) {
        self.errors.push(
            CompileError::new(range.start().to_usize()..range.end().to_usize(), msg).in_file(file),
        );
    }

    /// `from X import a, b` (X possibly relative): X, and each name that is
    /// a submodule of the package X.
    fn import_from(
        &mut self,
        file: FileId,
        f: &ast::StmtImportFrom,
        package: Option<&str>,
        imports: &mut Vec<Import>,
    ) {
        let range = match &f.module {
            Some(m) => m.range,
            None => TextRange::new(
                f.range.start(),
                f.range.start() + ruff_text_size::TextSize::from(4),
            ),
        };
        let base = if f.level == 0 {
            f.module
                .as_ref()
                .map(|m| m.id.to_string())
                .unwrap_or_default()
        } else {
            let Some(pkg) = package else {
                self.error(
                    file,
                    range,
                    "ImportError: attempted relative import with no known parent package".into(),
                );
                imports.push(Import {
                    stmt: f.range.start(),
                    range,
                    name: String::new(),
                    target: ImportTarget::Failed,
                });
                return;
            };
            let parts: Vec<&str> = pkg.split('.').collect();
            if (f.level as usize) > parts.len() {
                self.error(
                    file,
                    range,
                    "ImportError: attempted relative import beyond top-level package".into(),
                );
                imports.push(Import {
                    stmt: f.range.start(),
                    range,
                    name: String::new(),
                    target: ImportTarget::Failed,
                });
                return;
            }
            let mut base = parts[..parts.len() + 1 - f.level as usize].join(".");
            if let Some(m) = &f.module {
                base = format!("{base}.{}", m.id);
            }
            base
        };
        let target = self.import(file, &base, range);
        imports.push(Import {
            stmt: f.range.start(),
            range,
            name: base.clone(),
            target: target.clone(),
        });
        // `from pkg import sub` imports the submodule pkg.sub when there is
        // one (CPython tries the attribute first; a module of the program
        // is found on disk).
        if let ImportTarget::Module(m) = target {
            if self.modules[m].kind != ModuleKind::Module {
                for alias in &f.names {
                    if alias.name.id.as_str() == "*" {
                        continue;
                    }
                    let sub = format!("{base}.{}", alias.name.id);
                    if let Found::File(..) = self.find(&sub) {
                        let t = self.import(file, &sub, alias.name.range);
                        imports.push(Import {
                            stmt: f.range.start(),
                            range: alias.name.range,
                            name: sub,
                            target: t,
                        });
                    }
                }
            }
        }
    }

    /// Import the dotted `name` (each package on the way first), as the
    /// statement at `range` of `file` does.
    fn import(&mut self, file: FileId, name: &str, range: TextRange) -> ImportTarget {
        let parts: Vec<&str> = name.split('.').collect();
        let mut target = ImportTarget::Failed;
        for i in 1..=parts.len() {
            let prefix = parts[..i].join(".");
            target = self.import_one(file, &prefix, range);
            match target {
                ImportTarget::Module(_) => {}
                // `os.path`, `typing.re`: no module of the program below.
                ImportTarget::Typing | ImportTarget::Future | ImportTarget::Stdlib => {
                    return target
                }
                ImportTarget::Failed => return target,
            }
        }
        target
    }

    fn import_one(&mut self, file: FileId, name: &str, range: TextRange) -> ImportTarget {
        match self.state.get(name) {
            Some(State::Done(id)) => return ImportTarget::Module(*id),
            Some(State::Failed) => return ImportTarget::Failed,
            Some(State::Loading) => {
                let from = self.stack.iter().position(|m| m == name).unwrap_or(0);
                let mut chain: Vec<String> = self.stack[from..]
                    .iter()
                    .map(|m| format!("'{m}'"))
                    .collect();
                chain.push(format!("'{name}'"));
                self.error(
                    file,
                    range,
                    format!(
                        "circular import: {} (mgen does not support import cycles yet)",
                        chain.join(" imports ")
                    ),
                );
                return ImportTarget::Failed;
            }
            None => {}
        }
        match self.find(name) {
            Found::Typing => ImportTarget::Typing,
            Found::Future => ImportTarget::Future,
            Found::Stdlib => {
                self.error(
                    file,
                    range,
                    format!("mgen does not provide module '{name}' yet"),
                );
                ImportTarget::Stdlib
            }
            Found::NotFound => {
                self.error(
                    file,
                    range,
                    format!("ModuleNotFoundError: No module named '{name}'"),
                );
                ImportTarget::Failed
            }
            Found::NotAPackage(parent) => {
                self.error(
                    file,
                    range,
                    format!(
                        "ModuleNotFoundError: No module named '{name}'; '{parent}' is not a package"
                    ),
                );
                ImportTarget::Failed
            }
            Found::File(path, kind) => {
                let display = path.display().to_string();
                let source = if kind == ModuleKind::Namespace {
                    Ok(String::new())
                } else {
                    std::fs::read_to_string(&path)
                };
                match source {
                    Ok(src) => match self.load_module(name.to_string(), path, display, src, kind) {
                        Some(id) => ImportTarget::Module(id),
                        None => ImportTarget::Failed,
                    },
                    Err(e) => {
                        self.error(file, range, format!("cannot read {display}: {e}"));
                        self.state.insert(name.to_string(), State::Failed);
                        ImportTarget::Failed
                    }
                }
            }
        }
    }

    /// Where `name` (dotted; its parent packages already found) is.
    fn find(&self, name: &str) -> Found {
        let (parent, last) = match name.rsplit_once('.') {
            Some((p, l)) => (Some(p), l),
            None => (None, name),
        };
        let dir = match parent {
            None => {
                if name == "__future__" {
                    return Found::Future;
                }
                if stdlib::is_builtin(name) {
                    return Found::Stdlib;
                }
                self.root.clone()
            }
            Some(p) => match self.state.get(p) {
                Some(State::Done(id)) => {
                    let m = &self.modules[*id];
                    match m.kind {
                        ModuleKind::Module => return Found::NotAPackage(p.to_string()),
                        ModuleKind::Package => {
                            m.path.parent().map(Path::to_path_buf).unwrap_or_default()
                        }
                        ModuleKind::Namespace => m.path.clone(),
                    }
                }
                // A package being loaded (its __init__ imports a submodule).
                _ => self.package_dir(p),
            },
        };
        let pkg = dir.join(last);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Found::File(init, ModuleKind::Package);
        }
        let file = dir.join(format!("{last}.py"));
        if file.is_file() {
            return Found::File(file, ModuleKind::Module);
        }
        if parent.is_none() {
            if name == "typing" {
                return Found::Typing;
            }
            if stdlib::is_stdlib(name) {
                return Found::Stdlib;
            }
        }
        if pkg.is_dir() {
            return Found::File(pkg, ModuleKind::Namespace);
        }
        Found::NotFound
    }

    /// The directory of a package by its dotted name, from the root.
    fn package_dir(&self, dotted: &str) -> PathBuf {
        let mut d = self.root.clone();
        for part in dotted.split('.') {
            d.push(part);
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A program in a temporary directory: (relative path, text) files;
    /// the first one is the entry.
    fn program(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
        }
        let entry = dir.path().join(files[0].0);
        (dir, entry)
    }

    fn load_program(files: &[(&str, &str)]) -> (ModuleGraph, Vec<String>) {
        let (_dir, entry) = program(files);
        let src = std::fs::read_to_string(&entry).unwrap();
        let (g, errs) = load(&entry, "main.py", src).expect("the entry parses");
        let msgs = errs
            .iter()
            .map(|e| {
                format!(
                    "{}: {}",
                    g.files[e.file].name.rsplit('/').next().unwrap(),
                    e.message
                )
            })
            .collect();
        (g, msgs)
    }

    fn names(g: &ModuleGraph) -> Vec<&str> {
        g.modules.iter().map(|m| m.name.as_str()).collect()
    }

    #[test]
    fn modules_in_import_order_each_once() {
        let (g, errs) = load_program(&[
            ("main.py", "import a\nimport b\n"),
            ("a.py", "import c\n"),
            ("b.py", "def f() -> None:\n    import c\n"),
            ("c.py", "x = 1\n"),
        ]);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(names(&g), ["c", "a", "b", "__main__"]);
        assert_eq!(g.entry, 3);
        let b = &g.modules[2];
        assert_eq!(b.imports.len(), 1);
        assert_eq!(b.imports[0].target, ImportTarget::Module(0));
    }

    #[test]
    fn packages_and_submodules() {
        let (g, errs) = load_program(&[
            (
                "main.py",
                "import pkg.sub\nfrom pkg import other\nfrom ns import leaf\n",
            ),
            ("pkg/__init__.py", ""),
            ("pkg/sub.py", "from . import other\nfrom .other import y\n"),
            ("pkg/other.py", "y = 2\n"),
            ("ns/leaf.py", ""),
        ]);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(
            names(&g),
            ["pkg", "pkg.other", "pkg.sub", "ns", "ns.leaf", "__main__"]
        );
        assert_eq!(g.modules[0].kind, ModuleKind::Package);
        assert_eq!(g.modules[3].kind, ModuleKind::Namespace);
    }

    #[test]
    fn missing_modules_cycles_and_bad_relative_imports_are_errors() {
        let (_, errs) = load_program(&[
            (
                "main.py",
                "import a\nimport nowhere\nfrom . import x\nimport a.b\n",
            ),
            ("a.py", "import b\n"),
            ("b.py", "import a\n"),
        ]);
        assert_eq!(
            errs,
            [
                "main.py: ModuleNotFoundError: No module named 'nowhere'",
                "main.py: ImportError: attempted relative import with no known parent package",
                "main.py: ModuleNotFoundError: No module named 'a.b'; 'a' is not a package",
                "b.py: circular import: 'a' imports 'b' imports 'a' (mgen does not support import cycles yet)",
            ]
        );
    }

    #[test]
    fn the_standard_library_and_shadowing() {
        let (g, errs) = load_program(&[
            ("main.py", "import math\nimport json\nimport sys\nimport typing\nfrom __future__ import annotations\n"),
            ("math.py", ""),
            ("sys.py", ""),
        ]);
        // A file of the program shadows a standard module, not a built-in one.
        assert_eq!(names(&g), ["math", "__main__"]);
        assert_eq!(
            errs,
            [
                "main.py: mgen does not provide module 'json' yet",
                "main.py: mgen does not provide module 'sys' yet",
            ]
        );
        let targets: Vec<&ImportTarget> = g.entry().imports.iter().map(|i| &i.target).collect();
        assert_eq!(
            targets,
            [
                &ImportTarget::Module(0),
                &ImportTarget::Stdlib,
                &ImportTarget::Stdlib,
                &ImportTarget::Typing,
                &ImportTarget::Future
            ]
        );
    }

    #[test]
    fn errors_in_an_imported_module_are_located_there() {
        let (g, errs) = load_program(&[
            ("main.py", "import bad\nprint(1)\n"),
            ("bad.py", "x = (1,\n"),
        ]);
        assert_eq!(errs, ["bad.py: SyntaxError: '(' was never closed"]);
        assert_eq!(g.entry().imports[0].target, ImportTarget::Failed);
    }
}
