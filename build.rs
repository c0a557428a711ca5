//! Compiles `src/llvm_subtarget.cpp` (the CPU and feature tables LLVM's C
//! API does not expose; see src/target.rs) against the LLVM llvm-sys links.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=src/llvm_subtarget.cpp");
    println!("cargo:rerun-if-env-changed=LLVM_SYS_191_PREFIX");
    let config = match std::env::var_os("LLVM_SYS_191_PREFIX") {
        Some(p) => PathBuf::from(p).join("bin/llvm-config"),
        None => PathBuf::from("llvm-config-19"),
    };
    let out = Command::new(&config)
        .arg("--cxxflags")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", config.display()));
    assert!(
        out.status.success(),
        "{} --cxxflags failed: {}",
        config.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let flags = String::from_utf8(out.stdout).expect("llvm-config output is UTF-8");
    let mut build = cc::Build::new();
    build
        .cpp(true)
        .file("src/llvm_subtarget.cpp")
        .warnings(false);
    for f in flags.split_whitespace() {
        // -std/-D/-I/-f flags as LLVM was built; cc adds its own -O and -g.
        build.flag(f);
    }
    build.compile("mgen_llvm_subtarget");
}
