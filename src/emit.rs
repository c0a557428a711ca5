//! Stage 5: the target machine, and object / assembly emission.
//!
//! The TargetMachine is built only from the descriptor (triple, CPU,
//! features, ABI, relocation and code model); its data layout must equal the
//! descriptor's `data-layout`.

use crate::driver::OptLevel;
use crate::target::{CodeModel as TCode, RelocModel as TReloc, Target};
use anyhow::{bail, Context as _};
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target as LlvmTarget, TargetMachine,
    TargetMachineOptions, TargetTriple,
};
use inkwell::OptimizationLevel;
use std::path::Path;
use std::sync::Once;

/// Registers the LLVM targets mgen supports (also used by descriptor
/// validation in `target.rs`). Idempotent.
pub(crate) fn init_llvm() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let cfg = InitializationConfig::default();
        LlvmTarget::initialize_x86(&cfg);
        LlvmTarget::initialize_arm(&cfg);
        LlvmTarget::initialize_aarch64(&cfg);
        LlvmTarget::initialize_riscv(&cfg);
        LlvmTarget::initialize_webassembly(&cfg);
    });
}

/// Build the TargetMachine for `t` and check the descriptor's data layout.
pub fn target_machine(t: &Target, level: OptLevel) -> anyhow::Result<TargetMachine> {
    init_llvm();
    let triple = TargetTriple::create(&t.triple);
    let lt = LlvmTarget::from_triple(&triple).map_err(|e| {
        anyhow::anyhow!(
            "{}: key `triple`: LLVM does not know the triple `{}` ({})",
            t.path.display(),
            t.triple,
            e.to_string()
        )
    })?;
    let reloc = match t.reloc_model {
        TReloc::Static => RelocMode::Static,
        TReloc::Pic => RelocMode::PIC,
        TReloc::DynamicNoPic => RelocMode::DynamicNoPic,
    };
    let code = match t.code_model {
        TCode::Default => CodeModel::Default,
        TCode::Small => CodeModel::Small,
        TCode::Kernel => CodeModel::Kernel,
        TCode::Medium => CodeModel::Medium,
        TCode::Large => CodeModel::Large,
    };
    let opt = match level {
        OptLevel::O0 => OptimizationLevel::None,
        OptLevel::O1 => OptimizationLevel::Less,
        OptLevel::O2 | OptLevel::Os | OptLevel::Oz => OptimizationLevel::Default,
        OptLevel::O3 => OptimizationLevel::Aggressive,
    };
    let mut o = TargetMachineOptions::default()
        .set_cpu(&t.cpu)
        .set_features(&t.features)
        .set_level(opt)
        .set_reloc_mode(reloc)
        .set_code_model(code);
    if !t.abi.is_empty() {
        o = o.set_abi(&t.abi);
    }
    let tm = lt
        .create_target_machine_from_options(&triple, o)
        .with_context(|| {
            format!(
                "{}: LLVM could not create a target machine for `{}` (check `cpu` and `features`)",
                t.path.display(),
                t.triple
            )
        })?;
    let dl = tm.get_target_data().get_data_layout();
    let dl = dl.as_str().to_string_lossy().into_owned();
    if dl != t.data_layout {
        bail!(
            "{}: key `data-layout` is \"{}\" but LLVM's target machine for `{}` (cpu `{}`, features `{}`) uses \"{}\"; set `data-layout = \"{}\"`",
            t.path.display(),
            t.data_layout,
            t.triple,
            t.cpu,
            t.features,
            dl,
            dl
        );
    }
    Ok(tm)
}

/// Write an object file or assembly for `module`.
pub fn write(
    tm: &TargetMachine,
    module: &inkwell::module::Module,
    kind: FileType,
    path: &Path,
) -> anyhow::Result<()> {
    tm.write_to_file(module, kind, path)
        .map_err(|e| anyhow::anyhow!("LLVM could not write {}: {}", path.display(), e.to_string()))
}
