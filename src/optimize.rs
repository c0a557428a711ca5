//! Stage 4: optimize with LLVM's new pass manager pipelines.

use crate::driver::OptLevel;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::module::{Linkage, Module};
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::TargetMachine;
use inkwell::values::{BasicValue, CallSiteValue, FunctionValue};
use std::collections::HashMap;

/// The largest function (in IR instructions, before optimization) that the
/// inliner may build out of functions with a single call site.
const MAX_MERGED_SIZE: usize = 10_000;

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
    if level != OptLevel::O0 {
        bound_single_call_inlining(module);
    }
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

/// LLVM inlines an internal function with a single call site whatever its
/// size, so a `main()` that calls 5,000 functions once each becomes one
/// function of the whole program's size, and parts of the optimizer are
/// superlinear in a function's size (InstCombine's known-bits queries walk
/// the dominator tree: a generated 200,000-line program spent most of its
/// -O2 build there). So where such inlining would build a function larger
/// than `MAX_MERGED_SIZE`, the largest single-call callees (mgen's `py.*`
/// functions) are marked `noinline`, bottom-up. Programs whose functions
/// stay below that size after inlining are not touched.
fn bound_single_call_inlining(module: &Module) {
    let mut size: HashMap<FunctionValue, usize> = HashMap::new();
    let mut calls: HashMap<FunctionValue, Vec<(FunctionValue, FunctionValue)>> = HashMap::new();
    for f in module.get_functions() {
        let mut n = 0;
        for bb in f.get_basic_block_iter() {
            let mut i = bb.get_first_instruction();
            while let Some(inst) = i {
                n += 1;
                if let Some(callee) = CallSiteValue::try_from(inst)
                    .ok()
                    .and_then(|c| c.get_called_fn_value())
                {
                    calls.entry(callee).or_default().push((f, callee));
                }
                i = inst.get_next_instruction();
            }
        }
        if n > 0 {
            size.insert(f, n);
        }
    }
    let noinline = Attribute::get_named_enum_kind_id("noinline");
    // caller -> its callees that have a single call site (and no other use).
    let mut once: HashMap<FunctionValue, Vec<FunctionValue>> = HashMap::new();
    for (callee, sites) in &calls {
        let single_use = callee
            .as_global_value()
            .as_pointer_value()
            .get_first_use()
            .is_some_and(|u| u.get_next_use().is_none());
        let name = callee.get_name().to_string_lossy();
        if sites.len() == 1
            && single_use
            && sites[0].0 != *callee
            && callee.get_linkage() == Linkage::Internal
            && name.starts_with("py.")
            && callee
                .get_enum_attribute(AttributeLoc::Function, noinline)
                .is_none()
        {
            once.entry(sites[0].0).or_default().push(*callee);
        }
    }
    // Post-order over the single-call tree (a cycle is never inlined whole:
    // a function met again on the path counts as a call).
    fn merged<'ctx>(
        f: FunctionValue<'ctx>,
        size: &HashMap<FunctionValue<'ctx>, usize>,
        once: &HashMap<FunctionValue<'ctx>, Vec<FunctionValue<'ctx>>>,
        done: &mut HashMap<FunctionValue<'ctx>, usize>,
        path: &mut Vec<FunctionValue<'ctx>>,
        mark: &mut Vec<FunctionValue<'ctx>>,
    ) -> usize {
        if let Some(&n) = done.get(&f) {
            return n;
        }
        path.push(f);
        let mut kids: Vec<(usize, FunctionValue<'ctx>)> = Vec::new();
        for &g in once.get(&f).map(|v| v.as_slice()).unwrap_or(&[]) {
            if !path.contains(&g) {
                kids.push((merged(g, size, once, done, path, mark), g));
            }
        }
        path.pop();
        let mut n = size.get(&f).copied().unwrap_or(0) + kids.iter().map(|k| k.0).sum::<usize>();
        // Largest first; ties by name, so the result is reproducible.
        kids.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.get_name().cmp(b.1.get_name()))
        });
        for (k, g) in kids {
            if n <= MAX_MERGED_SIZE {
                break;
            }
            mark.push(g);
            n -= k;
        }
        done.insert(f, n);
        n
    }
    let mut done = HashMap::new();
    let mut mark = Vec::new();
    let mut roots: Vec<FunctionValue> = size.keys().copied().collect();
    roots.sort_by(|a, b| a.get_name().cmp(b.get_name()));
    for f in roots {
        merged(f, &size, &once, &mut done, &mut Vec::new(), &mut mark);
    }
    let ctx = module.get_context();
    for g in mark {
        g.add_attribute(
            AttributeLoc::Function,
            ctx.create_enum_attribute(noinline, 0),
        );
    }
}
