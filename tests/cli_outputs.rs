//! What `mgen build` writes where: it never overwrites its own input, and a
//! refused build leaves the source byte for byte as it was.

use std::path::Path;
use std::process::Command;

const PROGRAM: &str = "def main() -> None:\n    print(\"hello\")\n\n\nmain()\n";

fn mgen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mgen"))
}

fn refused(dir: &Path, args: &[&str], input: &str) {
    let out = mgen().current_dir(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "mgen {args:?} succeeded");
    assert!(
        stderr.contains("would be overwritten by the generated") && stderr.contains(input),
        "mgen {args:?}: {stderr}"
    );
    let now = std::fs::read_to_string(dir.join(input)).expect("the source is still there");
    assert_eq!(now, PROGRAM, "mgen {args:?} changed its input");
}

#[test]
fn the_input_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A source without the .py suffix: the default output is its own name.
    std::fs::write(d.join("hello"), PROGRAM).unwrap();
    refused(d, &["build", "hello"], "hello");
    std::fs::write(d.join("prog.py"), PROGRAM).unwrap();
    refused(d, &["build", "-o", "prog.py", "prog.py"], "prog.py");
    refused(d, &["build", "-o", "./prog.py", "prog.py"], "prog.py");
    refused(
        d,
        &["build", "--emit", "obj", "-o", "prog.py", "prog.py"],
        "prog.py",
    );
    // Another name is fine.
    let out = mgen()
        .current_dir(d)
        .args(["build", "-o", "prog", "prog.py"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(d.join("prog")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello\n");
}
