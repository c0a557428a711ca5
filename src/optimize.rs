//! Stage 4: optimize with LLVM's new pass manager pipelines.

use crate::driver::OptLevel;
use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::TargetMachine;

/// Run the standard `default<ON>` pipeline for the level asked; with
/// `sanitize`, instrument every function with AddressSanitizer afterwards.
pub fn optimize(
    module: &Module,
    tm: &TargetMachine,
    level: OptLevel,
    sanitize: bool,
) -> anyhow::Result<()> {
    let pipeline = match level {
        OptLevel::O0 => "default<O0>",
        OptLevel::O1 => "default<O1>",
        OptLevel::O2 => "default<O2>",
        OptLevel::O3 => "default<O3>",
        OptLevel::Os => "default<Os>",
        OptLevel::Oz => "default<Oz>",
    };
    let opts = PassBuilderOptions::create();
    opts.set_loop_vectorization(matches!(level, OptLevel::O2 | OptLevel::O3));
    opts.set_loop_slp_vectorization(matches!(level, OptLevel::O2 | OptLevel::O3));
    opts.set_loop_unrolling(!matches!(level, OptLevel::O0 | OptLevel::Os | OptLevel::Oz));
    if sanitize {
        // AddressSanitizer checks every load and store of the functions
        // that carry this attribute (the `asan` pass below instruments them).
        let ctx = module.get_context();
        let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("sanitize_address");
        for f in module.get_functions() {
            if f.count_basic_blocks() > 0 {
                f.add_attribute(
                    inkwell::attributes::AttributeLoc::Function,
                    ctx.create_enum_attribute(kind, 0),
                );
            }
        }
    }
    let pipeline = if sanitize {
        format!("{pipeline},asan")
    } else {
        pipeline.to_string()
    };
    module.run_passes(&pipeline, tm, opts).map_err(|e| {
        anyhow::anyhow!(
            "internal compiler error: LLVM pass pipeline `{pipeline}` failed: {}",
            e.to_string()
        )
    })
}
