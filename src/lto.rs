//! The runtime as bitcode inside the program module (optimized builds).
//!
//! At `-O1` and above the driver links the runtime's bitcode
//! (`sysroot::RuntimeBuild::bitcode`: `runtime/*.c` and the OS layer) into
//! the program's module before optimization, then internalizes every symbol
//! nothing outside the module can name. LLVM then inlines and constant-folds
//! the hot runtime paths (list indexing and append, dict lookup, reference
//! counts, string building) into generated code, and drops the runtime
//! functions a program does not reach. The compiler builtins
//! (`runtime/builtins/`) stay native objects: code generation may call them
//! (memcpy, __divdi3, ...) after optimization, when bitcode could no longer
//! supply them.
//!
//! What stays external: symbols the runtime marks `__attribute__((used))`
//! (the OS layer's entry points: the linker and the loader name them), and,
//! with `-g`, the functions and type descriptors gdb's container printer
//! calls (`sysroots/gdb/mgen_printers.py`).

use anyhow::{anyhow, Context as _};
use inkwell::attributes::AttributeLoc;
use inkwell::context::Context;
use inkwell::llvm_sys;
use inkwell::module::{Linkage, Module};
use inkwell::values::AsValueRef;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What gdb's container printer calls in the inferior; kept in `-g` builds.
pub const DEBUGGER_ENTRY_POINTS: &[&str] =
    &["mg_val_repr", "mg_type_list", "mg_type_dict", "mg_type_set"];

/// Function attributes clang puts on runtime functions that stop them from
/// inlining into generated code: `no-builtins` (from -fno-builtin) and the
/// per-function CPU and features (the target machine supplies those, from
/// the descriptor, for the whole module).
const BLOCKING_ATTRIBUTES: &[&str] = &["no-builtins", "target-cpu", "target-features", "tune-cpu"];

/// Link the per-file bitcode `inputs` into one module at `out`, with the
/// inlining-blocking attributes removed.
pub fn merge_runtime_bitcode(inputs: &[PathBuf], out: &Path) -> anyhow::Result<()> {
    let ctx = Context::create();
    let mut merged: Option<Module> = None;
    for p in inputs {
        let m = Module::parse_bitcode_from_path(p, &ctx).map_err(|e| {
            anyhow!(
                "cannot read runtime bitcode {}: {}",
                p.display(),
                e.to_string()
            )
        })?;
        match &merged {
            None => merged = Some(m),
            Some(dst) => dst.link_in_module(m).map_err(|e| {
                anyhow!(
                    "cannot link runtime bitcode {}: {}",
                    p.display(),
                    e.to_string()
                )
            })?,
        }
    }
    let merged = merged.ok_or_else(|| anyhow!("the runtime has no sources to build as bitcode"))?;
    for f in merged.get_functions() {
        for a in BLOCKING_ATTRIBUTES {
            f.remove_string_attribute(AttributeLoc::Function, a);
        }
    }
    if !merged.write_bitcode_to_path(out) {
        anyhow::bail!("cannot write {}", out.display());
    }
    Ok(())
}

/// Link the runtime bitcode at `bitcode` into `module` and internalize
/// everything but the entry points (and, with `debug`, what the debugger
/// calls).
pub fn link_runtime<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    bitcode: &Path,
    debug: bool,
) -> anyhow::Result<()> {
    let rt = Module::parse_bitcode_from_path(bitcode, ctx).map_err(|e| {
        anyhow!(
            "cannot read the runtime bitcode {}: {}",
            bitcode.display(),
            e.to_string()
        )
    })?;
    // clang normalizes some triples (versioned Apple ones); the program's
    // module has the descriptor's own, which the target machine uses.
    rt.set_triple(&module.get_triple());
    rt.set_data_layout(&module.get_data_layout());
    check_declarations(ctx, module, &rt)?;
    module
        .link_in_module(rt)
        .map_err(|e| {
            anyhow!(
                "cannot link the runtime bitcode into the program: {}",
                e.to_string()
            )
        })
        .with_context(|| format!("runtime bitcode {}", bitcode.display()))?;

    let mut keep = used_names(module);
    if debug {
        keep.extend(DEBUGGER_ENTRY_POINTS.iter().map(|s| s.to_string()));
    }
    for f in module.get_functions() {
        let name = f.get_name().to_string_lossy();
        if f.count_basic_blocks() > 0
            && f.get_linkage() == Linkage::External
            && !keep.contains(name.as_ref())
        {
            f.set_linkage(Linkage::Internal);
        }
    }
    for g in module.get_globals() {
        let name = g.get_name().to_string_lossy();
        if name.starts_with("llvm.") {
            continue;
        }
        if g.get_initializer().is_some()
            && g.get_linkage() == Linkage::External
            && !keep.contains(name.as_ref())
        {
            g.set_linkage(Linkage::Internal);
        }
    }
    Ok(())
}

/// The generated code declares the runtime functions it calls from the
/// C ABI's point of view: a `_Bool` argument goes as a zero-extended i32,
/// where clang's definition takes an `i1 zeroext`. Once the two meet in one
/// module the IR types must agree (a call through a mismatched type traps
/// on wasm and is undefined elsewhere), so each such declaration becomes a
/// small internal shim with the generated code's type that converts and
/// calls the definition (and is inlined away). Calling convention and
/// parameter count must agree outright.
fn check_declarations<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    rt: &Module<'ctx>,
) -> anyhow::Result<()> {
    for decl in module.get_functions() {
        if decl.count_basic_blocks() > 0 {
            continue;
        }
        let name = decl.get_name().to_string_lossy().into_owned();
        let Some(def) = rt.get_function(&name) else {
            continue;
        };
        if def.count_basic_blocks() == 0 || decl.get_type() == def.get_type() {
            continue;
        }
        let mismatch = || {
            anyhow!(
                "internal compiler error: the generated code declares runtime function `{name}` \
                 as `{}` but the runtime defines it as `{}` (check the descriptor's c-call-conv \
                 and runtime/mgen_rt.h)",
                decl.get_type().print_to_string().to_string(),
                def.get_type().print_to_string().to_string()
            )
        };
        if decl.get_call_conventions() != def.get_call_conventions()
            || decl.count_params() != def.count_params()
        {
            return Err(mismatch());
        }
        // The shim takes over the declaration's name and uses.
        decl.as_global_value().set_name(&format!("{name}.abi"));
        let target = module.add_function(&name, def.get_type(), None);
        target.set_call_conventions(def.get_call_conventions());
        let b = ctx.create_builder();
        let entry = ctx.append_basic_block(decl, "entry");
        b.position_at_end(entry);
        let mut args: Vec<inkwell::values::BasicMetadataValueEnum> = Vec::new();
        for (ours, theirs) in decl.get_param_iter().zip(def.get_param_iter()) {
            let want = theirs.get_type();
            let v = if ours.get_type() == want {
                ours
            } else if ours.is_int_value() && want.is_int_type() {
                b.build_int_truncate_or_bit_cast(ours.into_int_value(), want.into_int_type(), "")?
                    .into()
            } else {
                return Err(mismatch());
            };
            args.push(v.into());
        }
        let call = b.build_call(target, &args, "")?;
        call.set_call_convention(def.get_call_conventions());
        match (
            decl.get_type().get_return_type(),
            match call.try_as_basic_value() {
                inkwell::values::ValueKind::Basic(v) => Some(v),
                _ => None,
            },
        ) {
            (None, _) => {
                b.build_return(None)?;
            }
            (Some(rt_ty), Some(v)) if rt_ty == v.get_type() => {
                b.build_return(Some(&v))?;
            }
            (Some(rt_ty), Some(v)) if rt_ty.is_int_type() && v.is_int_value() => {
                let w = b.build_int_z_extend_or_bit_cast(
                    v.into_int_value(),
                    rt_ty.into_int_type(),
                    "",
                )?;
                b.build_return(Some(&w))?;
            }
            _ => return Err(mismatch()),
        }
        decl.set_linkage(Linkage::Internal);
        let inline = inkwell::attributes::Attribute::get_named_enum_kind_id("alwaysinline");
        decl.add_attribute(AttributeLoc::Function, ctx.create_enum_attribute(inline, 0));
    }
    Ok(())
}

/// Names listed in `@llvm.used` and `@llvm.compiler.used`.
fn used_names(module: &Module) -> HashSet<String> {
    let mut out = HashSet::new();
    for list in ["llvm.used", "llvm.compiler.used"] {
        let Some(g) = module.get_global(list) else {
            continue;
        };
        let Some(init) = g.get_initializer() else {
            continue;
        };
        // SAFETY: `init` is a live constant array of this module; operands
        // and names are read, nothing is modified.
        unsafe {
            let arr = init.as_value_ref();
            let n = llvm_sys::core::LLVMGetNumOperands(arr);
            for i in 0..n.max(0) as u32 {
                let v = llvm_sys::core::LLVMGetOperand(arr, i);
                if v.is_null() {
                    continue;
                }
                let mut len = 0usize;
                let p = llvm_sys::core::LLVMGetValueName2(v, &mut len);
                if !p.is_null() && len > 0 {
                    let bytes = std::slice::from_raw_parts(p as *const u8, len);
                    out.insert(String::from_utf8_lossy(bytes).into_owned());
                }
            }
        }
    }
    out
}
