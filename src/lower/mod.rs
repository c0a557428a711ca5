//! Stage 3: lower the typed IR to LLVM IR (with inkwell).
//!
//! Representation: int = i64, float = double, bool = i1, str/list/dict/set
//! = pointer to a runtime object (see runtime/mgen_rt.h), tuple = an LLVM
//! struct of its fields' container-slot representations (bool as i8).
//!
//! Ownership: every expression produces an *owned* reference (for types that
//! hold references); whoever consumes it either stores it (a variable, a
//! container slot — ownership moves) or releases it. Loads of locals can be
//! *borrowed* (`expr_borrow`) where the value is only looked at. Functions
//! own their parameters and release every local at their single exit.
//!
//! Every generated function keeps an `MgFrame` on its stack, linked through
//! `mg_frame_top`, so the runtime can print a CPython-style traceback; the
//! frame's line is written before calls and in raise blocks (`flush_line`). Calls into
//! the runtime use the platform C convention; generated functions call each
//! other with the descriptor's internal convention.
//!
//! Code map: `mod.rs` functions, statements and scalar expressions;
//! `values.rs` types, slots, type descriptors and reference counting;
//! `containers.rs` lists, tuples, dicts, sets, iteration, comprehensions,
//! methods; `chunks.rs` long module-level code as a sequence of functions;
//! `debug.rs` DWARF.

mod chunks;
mod containers;
mod debug;
mod reclimit;
mod values;

use crate::ir::*;
use crate::target::Target as TargetSpec;
use anyhow::Result;
use debug::DebugInfo;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::intrinsics::Intrinsic;
use inkwell::module::{Linkage, Module};
use inkwell::targets::TargetData;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, StructType};
use inkwell::values::{
    BasicMetadataValueEnum, BasicValueEnum, FunctionValue, GlobalValue, IntValue, PointerValue,
    ValueKind,
};
use inkwell::{AddressSpace, FloatPredicate, IntPredicate};
use std::collections::HashMap;

/// CPython's default recursion limit: deeper recursion raises RecursionError
/// exactly where CPython does.
const RECURSION_LIMIT: i32 = 1000;

pub struct LowerOptions<'a> {
    pub target: &'a TargetSpec,
    pub debug: bool,
    /// Directory and file name recorded in debug info.
    pub source_dir: String,
    pub source_name: String,
    /// Whether LLVM optimizes this build (recorded in the debug info).
    pub optimized: bool,
}

/// Lower a checked program into a new LLVM module.
pub fn lower<'ctx>(
    ctx: &'ctx Context,
    prog: &Program,
    opts: &LowerOptions,
) -> Result<Module<'ctx>> {
    let module = ctx.create_module(&opts.source_name);
    let builder = ctx.create_builder();
    let dbg = opts.debug.then(|| {
        DebugInfo::new(
            ctx,
            &module,
            opts.target,
            &opts.source_name,
            &opts.source_dir,
            opts.optimized,
        )
    });
    let mut l = Lowerer::new(ctx, module, builder, prog, opts, dbg);
    l.declare_all()?;
    for (i, f) in prog.functions.iter().enumerate() {
        l.function(i, f)?;
    }
    if let Some(d) = &l.dbg {
        d.finalize();
    }
    let Lowerer { module, .. } = l;
    if let Err(e) = module.verify() {
        anyhow::bail!(
            "internal compiler error: generated LLVM IR does not verify:\n{}",
            e.to_string()
        );
    }
    Ok(module)
}

/// A value and whether the holder owns a reference to it.
#[derive(Clone, Copy)]
struct Held<'ctx> {
    v: BasicValueEnum<'ctx>,
    owned: bool,
}

struct Lowerer<'ctx, 'p> {
    ctx: &'ctx Context,
    module: Module<'ctx>,
    b: Builder<'ctx>,
    prog: &'p Program,
    target: &'p TargetSpec,
    td: TargetData,
    dbg: Option<DebugInfo<'ctx>>,
    funcs: Vec<FunctionValue<'ctx>>,
    globals: Vec<GlobalValue<'ctx>>,
    strings: HashMap<String, PointerValue<'ctx>>,
    cstrings: HashMap<String, PointerValue<'ctx>>,
    tuple_descs: HashMap<Ty, PointerValue<'ctx>>,
    str_hdr: StructType<'ctx>,
    list_ty: StructType<'ctx>,
    frame_ty: StructType<'ctx>,
    frame_top: GlobalValue<'ctx>,
    /// The caller's frame (`mg_frame_top` at entry), restored at exit.
    frame_prev: Option<BasicValueEnum<'ctx>>,
    // per-function state
    cur: Option<FuncId>,
    cur_fn: Option<FunctionValue<'ctx>>,
    frame: Option<PointerValue<'ctx>>,
    /// Each local's stack slot; `None` until first use in a chunk of
    /// module-level code (`chunks.rs`), which creates slots lazily.
    locals: Vec<Option<PointerValue<'ctx>>>,
    /// Module-level code in chunks: the chunk being lowered, and which
    /// chunk created each `<module>` local (a local never spans chunks).
    chunk: Option<usize>,
    local_chunk: HashMap<LocalId, usize>,
    /// Whether LLVM optimizes this build: at -O0 the reference-count
    /// helpers stay calls (inlining them doubles -O0's code and build).
    optimized: bool,
    /// (continue target, break target, iterator depth at the loop)
    loops: Vec<(BasicBlock<'ctx>, BasicBlock<'ctx>, usize)>,
    /// Owned references held by enclosing `for` loops (their iterables),
    /// released by `return` and at loop end.
    iter_temps: Vec<(Ty, BasicValueEnum<'ctx>)>,
    exit_bb: Option<BasicBlock<'ctx>>,
    ret_slot: Option<PointerValue<'ctx>>,
    entry_bb: Option<BasicBlock<'ctx>>,
    /// The frame's `line` as stored in memory on every path here (None:
    /// unknown), and the line the current code belongs to.
    stored_line: Option<u32>,
    line: Option<u32>,
    overflow_bb: Option<BasicBlock<'ctx>>,
    /// This function's frame depth (CPython's count of frames).
    depth: Option<IntValue<'ctx>>,
    /// Frames CPython would have above this one where the code being
    /// lowered runs (a comprehension's, a generator's, a key lambda's), and
    /// the C level a generator about to be driven runs under (reclimit).
    rec_offset: u32,
    gen_consumer: u32,
    /// The expression being lowered is a condition that jumps.
    jump_ctx: bool,
    /// Message tables of recursion checks, by content.
    rec_msgs: HashMap<Vec<reclimit::Why>, inkwell::values::GlobalValue<'ctx>>,
    /// Shared raise blocks for `//` and `%` by zero (CPython words them differently).
    zerodiv_bb: [Option<BasicBlock<'ctx>>; 2],
}

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    fn new(
        ctx: &'ctx Context,
        module: Module<'ctx>,
        b: Builder<'ctx>,
        prog: &'p Program,
        opts: &'p LowerOptions,
        dbg: Option<DebugInfo<'ctx>>,
    ) -> Self {
        let i64t = ctx.i64_type();
        let ptr = ctx.ptr_type(AddressSpace::default());
        let str_hdr = ctx.struct_type(&[i64t.into(), i64t.into(), i64t.into()], false);
        let list_ty = ctx.struct_type(
            &[
                i64t.into(),
                ptr.into(),
                i64t.into(),
                i64t.into(),
                ptr.into(),
            ],
            false,
        );
        // MgFrame {prev, code, line, depth} (runtime/mgen_rt.h).
        let frame_ty = ctx.struct_type(
            &[
                ptr.into(),
                ptr.into(),
                ctx.i32_type().into(),
                ctx.i32_type().into(),
            ],
            false,
        );
        let frame_top = module.add_global(ptr, None, "mg_frame_top");
        frame_top.set_linkage(Linkage::External);
        Lowerer {
            ctx,
            module,
            b,
            prog,
            target: opts.target,
            td: TargetData::create(&opts.target.data_layout),
            dbg,
            funcs: Vec::new(),
            globals: Vec::new(),
            strings: HashMap::new(),
            cstrings: HashMap::new(),
            tuple_descs: HashMap::new(),
            str_hdr,
            list_ty,
            frame_ty,
            frame_top,
            cur: None,
            cur_fn: None,
            frame: None,
            frame_prev: None,
            locals: Vec::new(),
            chunk: None,
            local_chunk: HashMap::new(),
            optimized: opts.optimized,
            loops: Vec::new(),
            iter_temps: Vec::new(),
            exit_bb: None,
            ret_slot: None,
            entry_bb: None,
            stored_line: None,
            line: None,
            overflow_bb: None,
            depth: None,
            rec_offset: 0,
            gen_consumer: 0,
            jump_ctx: false,
            rec_msgs: HashMap::new(),
            zerodiv_bb: [None, None],
        }
    }

    fn ptr_t(&self) -> inkwell::types::PointerType<'ctx> {
        self.ctx.ptr_type(AddressSpace::default())
    }

    fn declare_all(&mut self) -> Result<()> {
        for (i, f) in self.prog.functions.iter().enumerate() {
            let params: Vec<BasicMetadataTypeEnum> = f
                .params
                .iter()
                .map(|&p| self.llty(&f.locals[p].ty).into())
                .collect();
            let fty = match &f.ret {
                Ty::None => self.ctx.void_type().fn_type(&params, false),
                t => self.llty(t).fn_type(&params, false),
            };
            let fv = if i == self.prog.module_fn {
                let fv = self
                    .module
                    .add_function("mg_module_main", fty, Some(Linkage::External));
                fv.set_call_conventions(self.target.c_call_conv.llvm_id());
                fv
            } else {
                let fv = self
                    .module
                    .add_function(&f.symbol, fty, Some(Linkage::Internal));
                fv.set_call_conventions(self.target.internal_call_conv.llvm_id());
                // A str or list argument is always a live object: LLVM may
                // load its header speculatively (hoist len/data out of loops).
                for (k, &p) in f.params.iter().enumerate() {
                    let t = &f.locals[p].ty;
                    if let Some(n) = self.object_header_size(t) {
                        let a = self.object_header_align(t);
                        for (name, v) in [("nonnull", 0), ("dereferenceable", n), ("align", a)] {
                            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id(name);
                            fv.add_attribute(
                                inkwell::attributes::AttributeLoc::Param(k as u32),
                                self.ctx.create_enum_attribute(kind, v),
                            );
                        }
                    }
                }
                fv
            };
            self.funcs.push(fv);
        }
        for g in self.prog.globals.iter() {
            let ty = self.llty(&g.ty);
            let gv = self.module.add_global(ty, None, &g.symbol);
            gv.set_linkage(Linkage::Internal);
            let init = self.initial_value(&g.ty);
            gv.set_initializer(&init);
            self.globals.push(gv);
        }
        Ok(())
    }

    /// What a variable holds before its first assignment: "" for str (an
    /// immortal constant), null for containers (never dereferenced: decref
    /// skips null), zero otherwise.
    fn initial_value(&mut self, t: &Ty) -> BasicValueEnum<'ctx> {
        match t {
            Ty::Str => self.str_const("").into(),
            t => self.llty(t).const_zero(),
        }
    }

    /// A string literal as an immortal `MgStr` constant.
    fn str_const(&mut self, s: &str) -> PointerValue<'ctx> {
        if let Some(p) = self.strings.get(s) {
            return *p;
        }
        let i64t = self.ctx.i64_type();
        let data = self.ctx.const_string(s.as_bytes(), true);
        let val = self.ctx.const_struct(
            &[
                i64t.const_int(u64::MAX, true).into(),
                i64t.const_int(s.len() as u64, false).into(),
                i64t.const_int(s.chars().count() as u64, false).into(),
                data.into(),
            ],
            false,
        );
        let gv =
            self.module
                .add_global(val.get_type(), None, &format!("str.{}", self.strings.len()));
        gv.set_linkage(Linkage::Private);
        gv.set_constant(true);
        gv.set_unnamed_addr(true);
        gv.set_initializer(&val);
        gv.set_alignment(8);
        let p = gv.as_pointer_value();
        self.strings.insert(s.to_string(), p);
        p
    }

    /// A NUL-terminated C string constant.
    fn cstr(&mut self, s: &str) -> PointerValue<'ctx> {
        if let Some(p) = self.cstrings.get(s) {
            return *p;
        }
        let data = self.ctx.const_string(s.as_bytes(), true);
        let gv = self.module.add_global(
            data.get_type(),
            None,
            &format!("cstr.{}", self.cstrings.len()),
        );
        gv.set_linkage(Linkage::Private);
        gv.set_constant(true);
        gv.set_unnamed_addr(true);
        gv.set_initializer(&data);
        let p = gv.as_pointer_value();
        self.cstrings.insert(s.to_string(), p);
        p
    }

    /// Declare (once) a runtime function with the C convention.
    fn rt(
        &self,
        name: &str,
        ret: Option<BasicTypeEnum<'ctx>>,
        params: &[BasicTypeEnum<'ctx>],
    ) -> FunctionValue<'ctx> {
        if let Some(f) = self.module.get_function(name) {
            return f;
        }
        let ps: Vec<BasicMetadataTypeEnum> = params.iter().map(|&p| p.into()).collect();
        let fty = match ret {
            Some(r) => r.fn_type(&ps, false),
            None => self.ctx.void_type().fn_type(&ps, false),
        };
        let f = self.module.add_function(name, fty, Some(Linkage::External));
        f.set_call_conventions(self.target.c_call_conv.llvm_id());
        if name == "mg_raise" || name == "mg_raise_str" || name == "mg_overflow" {
            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("noreturn");
            f.add_attribute(
                inkwell::attributes::AttributeLoc::Function,
                self.ctx.create_enum_attribute(kind, 0),
            );
            let cold = inkwell::attributes::Attribute::get_named_enum_kind_id("cold");
            f.add_attribute(
                inkwell::attributes::AttributeLoc::Function,
                self.ctx.create_enum_attribute(cold, 0),
            );
        }
        f
    }

    fn call_rt(
        &mut self,
        name: &str,
        ret: Option<BasicTypeEnum<'ctx>>,
        args: &[BasicValueEnum<'ctx>],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        // C `_Bool` parameters are passed zero-extended: widen i1 to i32
        // ourselves so no target relies on a `zeroext` attribute.
        let mut widened = Vec::with_capacity(args.len());
        for a in args {
            match a {
                BasicValueEnum::IntValue(iv) if iv.get_type().get_bit_width() == 1 => widened.push(
                    self.b
                        .build_int_z_extend(*iv, self.ctx.i32_type(), "")?
                        .into(),
                ),
                _ => widened.push(*a),
            }
        }
        let args = &widened[..];
        self.flush_line()?;
        let tys: Vec<BasicTypeEnum> = args.iter().map(|a| a.get_type()).collect();
        let f = self.rt(name, ret, &tys);
        let margs: Vec<BasicMetadataValueEnum> = args.iter().map(|&a| a.into()).collect();
        let cs = self.b.build_call(f, &margs, "")?;
        cs.set_call_convention(self.target.c_call_conv.llvm_id());
        Ok(match cs.try_as_basic_value() {
            ValueKind::Basic(v) => Some(v),
            _ => None,
        })
    }

    fn t_i64(&self) -> BasicTypeEnum<'ctx> {
        self.ctx.i64_type().into()
    }
    fn t_f64(&self) -> BasicTypeEnum<'ctx> {
        self.ctx.f64_type().into()
    }
    fn t_ptr(&self) -> BasicTypeEnum<'ctx> {
        self.ptr_t().into()
    }
    fn t_bool(&self) -> BasicTypeEnum<'ctx> {
        self.ctx.bool_type().into()
    }
    fn t_i32(&self) -> BasicTypeEnum<'ctx> {
        self.ctx.i32_type().into()
    }

    // ---- blocks and lines ------------------------------------------------

    fn new_block(&self, name: &str) -> BasicBlock<'ctx> {
        self.ctx.append_basic_block(self.cur_fn.unwrap(), name)
    }

    fn position(&mut self, bb: BasicBlock<'ctx>) {
        self.b.position_at_end(bb);
        self.stored_line = None;
    }

    fn terminated(&self) -> bool {
        self.b
            .get_insert_block()
            .and_then(|b| b.get_terminator())
            .is_some()
    }

    /// The current statement's line, for tracebacks. The frame's `line` is
    /// written lazily (`flush_line`): before calls (the callee's traceback
    /// or the runtime's raise reads it) and in raise blocks, so checks
    /// that never fail cost no store on the hot path.
    fn set_line(&mut self, line: u32) -> Result<()> {
        self.line = Some(line);
        Ok(())
    }

    /// Write the current line into the frame unless it is known to be there.
    fn flush_line(&mut self) -> Result<()> {
        let Some(line) = self.line else { return Ok(()) };
        if self.stored_line == Some(line) {
            return Ok(());
        }
        let f = self.frame.unwrap();
        let p = self.b.build_struct_gep(self.frame_ty, f, 2, "line")?;
        let st = self
            .b
            .build_store(p, self.ctx.i32_type().const_int(line as u64, false))?;
        self.tbaa(st, values::Tbaa::FrameLine);
        self.stored_line = Some(line);
        Ok(())
    }

    fn set_debug_loc(&self, line: u32, col: u32) {
        if let Some(d) = &self.dbg {
            d.set_location(&self.b, line, col);
        }
    }

    /// Raise `exc: msg` at the current line.
    fn raise(&mut self, exc: &str, msg: Option<&str>) -> Result<()> {
        let e = self.cstr(exc);
        let m: BasicValueEnum = match msg {
            Some(m) => self.cstr(m).into(),
            None => self.ptr_t().const_null().into(),
        };
        self.call_rt("mg_raise", None, &[e.into(), m])?;
        self.b.build_unreachable()?;
        Ok(())
    }

    /// Branch to a fresh block if `cond`, where `exc: msg` is raised.
    fn raise_if(&mut self, cond: IntValue<'ctx>, exc: &str, msg: Option<&str>) -> Result<()> {
        let bad = self.new_block("raise");
        let ok = self.new_block("ok");
        self.b.build_conditional_branch(cond, bad, ok)?;
        let saved = self.stored_line;
        self.position(bad);
        self.raise(exc, msg)?;
        self.position(ok);
        self.stored_line = saved;
        Ok(())
    }

    /// CPython's C-level recursion checks of what is about to run
    /// (`reclimit`): past the limit, RecursionError with the message of
    /// the first check that is over it.
    fn recursion_check(&mut self, checks: &reclimit::Checks, line: u32) -> Result<()> {
        let levels = reclimit::per_level(checks);
        if levels.is_empty() {
            return Ok(());
        }
        // A call of the program's own function checks on entry itself.
        if self.rec_offset == 0 && levels == [reclimit::Why::UserCall] {
            return Ok(());
        }
        let Some(depth) = self.depth else {
            return Ok(());
        };
        let i32t = self.ctx.i32_type();
        let k = levels.len() as u32;
        let limit = (RECURSION_LIMIT as u32).saturating_sub(self.rec_offset + k);
        let over = self.b.build_int_compare(
            IntPredicate::SGT,
            depth,
            i32t.const_int(limit as u64, false),
            "",
        )?;
        let bad = self.new_block("recursion");
        let ok = self.new_block("ok");
        self.b.build_conditional_branch(over, bad, ok)?;
        let saved = (self.stored_line, self.line);
        self.position(bad);
        self.set_line(line)?;
        let table = match self.rec_msgs.get(&levels) {
            Some(g) => *g,
            None => {
                let ptrs: Vec<PointerValue> =
                    levels.iter().map(|w| self.cstr(w.suffix())).collect();
                let arr = self.ptr_t().const_array(&ptrs);
                let g = self
                    .module
                    .add_global(arr.get_type(), None, "mg.recursion.msgs");
                g.set_linkage(Linkage::Private);
                g.set_constant(true);
                g.set_initializer(&arr);
                self.rec_msgs.insert(levels.clone(), g);
                g
            }
        };
        let d = self
            .b
            .build_int_add(depth, i32t.const_int(self.rec_offset as u64, false), "")?;
        self.call_rt(
            "mg_raise_recursion",
            None,
            &[
                d.into(),
                i32t.const_int(k as u64, false).into(),
                table.as_pointer_value().into(),
            ],
        )?;
        self.b.build_unreachable()?;
        self.position(ok);
        (self.stored_line, self.line) = saved;
        Ok(())
    }

    /// The function's shared OverflowError block. Shared: the line is
    /// written on the way in (here, in the current block), not inside it.
    fn overflow_block(&mut self) -> Result<BasicBlock<'ctx>> {
        self.flush_line()?;
        if let Some(bb) = self.overflow_bb {
            return Ok(bb);
        }
        let cur = self.b.get_insert_block().unwrap();
        let saved = self.stored_line;
        let bb = self.new_block("overflow");
        self.b.position_at_end(bb);
        self.call_rt("mg_overflow", None, &[])?;
        self.b.build_unreachable()?;
        self.b.position_at_end(cur);
        self.stored_line = saved;
        self.overflow_bb = Some(bb);
        Ok(bb)
    }

    /// A shared ZeroDivisionError block; as `overflow_block`, the line is
    /// written on the way in.
    fn zerodiv_block(&mut self, modulo: bool) -> Result<BasicBlock<'ctx>> {
        self.flush_line()?;
        if let Some(bb) = self.zerodiv_bb[modulo as usize] {
            return Ok(bb);
        }
        let cur = self.b.get_insert_block().unwrap();
        let saved = self.stored_line;
        let bb = self.new_block("zerodiv");
        self.b.position_at_end(bb);
        let msg = if modulo {
            "integer modulo by zero"
        } else {
            "integer division or modulo by zero"
        };
        self.raise("ZeroDivisionError", Some(msg))?;
        self.b.position_at_end(cur);
        self.stored_line = saved;
        self.zerodiv_bb[modulo as usize] = Some(bb);
        Ok(bb)
    }

    fn branch_to_if(&mut self, cond: IntValue<'ctx>, target: BasicBlock<'ctx>) -> Result<()> {
        let ok = self.new_block("ok");
        self.b.build_conditional_branch(cond, target, ok)?;
        let saved = self.stored_line;
        self.position(ok);
        self.stored_line = saved;
        Ok(())
    }

    // ---- functions --------------------------------------------------------

    fn function(&mut self, id: FuncId, f: &'p Function) -> Result<()> {
        let fv = self.funcs[id];
        self.cur = Some(id);
        self.cur_fn = Some(fv);
        self.overflow_bb = None;
        self.zerodiv_bb = [None, None];
        self.loops.clear();
        self.iter_temps.clear();
        self.rec_offset = 0;
        self.gen_consumer = 0;
        self.jump_ctx = false;
        self.frame = None;
        self.frame_prev = None;
        self.line = None;
        self.stored_line = None;
        let is_module = id == self.prog.module_fn;
        if let Some(d) = &mut self.dbg {
            let params: Vec<Ty> = f.params.iter().map(|&p| f.locals[p].ty.clone()).collect();
            d.begin_function(fv, &f.name, f.line, !is_module, &params, &f.ret);
        }
        let entry = self.ctx.append_basic_block(fv, "entry");
        self.entry_bb = Some(entry);
        self.position(entry);
        self.set_debug_loc(f.line, 1);
        // Locals: one stack slot each (mem2reg promotes them).
        self.locals.clear();
        // Module-level code in chunks creates its (expression-scoped)
        // locals in the chunk that uses them.
        let chunked = is_module && chunks::is_large(&f.body);
        let mut slots = Vec::with_capacity(f.locals.len());
        for v in &f.locals {
            if chunked {
                slots.push(None);
                continue;
            }
            let ty = self.llty(&v.ty);
            slots.push(Some(self.b.build_alloca(ty, &v.name)?));
        }
        self.locals = slots;
        for (i, v) in f.locals.iter().enumerate() {
            let Some(slot) = self.locals[i] else { continue };
            let init: BasicValueEnum = match f.params.iter().position(|&p| p == i) {
                Some(pi) => fv.get_nth_param(pi as u32).unwrap(),
                None => self.initial_value(&v.ty),
            };
            self.b.build_store(slot, init)?;
            if let Some(d) = &mut self.dbg {
                let arg_no = f.params.iter().position(|&p| p == i).map(|p| p as u32 + 1);
                d.declare_variable(slot, &v.name, &v.ty, v.line, arg_no, entry, None);
            }
        }
        self.ret_slot = match &f.ret {
            Ty::None => None,
            t => Some(self.b.build_alloca(self.llty(t), "ret")?),
        };
        // Frame push: prev, code ({file, func} constant), depth = the
        // caller's + 1 (the list ends at the runtime's root frame, depth 0).
        let frame = self.entry_alloca(self.frame_ty.into(), "frame")?;
        self.frame = Some(frame);
        let top_ptr = self.frame_top.as_pointer_value();
        let prev = self.b.build_load(self.ptr_t(), top_ptr, "prev")?;
        self.frame_prev = Some(prev);
        let p0 = self.b.build_struct_gep(self.frame_ty, frame, 0, "")?;
        self.b.build_store(p0, prev)?;
        let code = self.code_record(&f.name);
        let p1 = self.b.build_struct_gep(self.frame_ty, frame, 1, "")?;
        self.b.build_store(p1, code)?;
        self.b.build_store(top_ptr, frame)?;
        self.set_line(f.line)?;
        // Recursion depth, as CPython counts it.
        let pd = self
            .b
            .build_struct_gep(self.frame_ty, prev.into_pointer_value(), 3, "")?;
        let d = self
            .b
            .build_load(self.ctx.i32_type(), pd, "depth")?
            .into_int_value();
        let d1 = self
            .b
            .build_int_add(d, self.ctx.i32_type().const_int(1, false), "")?;
        let p3 = self.b.build_struct_gep(self.frame_ty, frame, 3, "")?;
        self.b.build_store(p3, d1)?;
        self.depth = Some(d1);
        let too_deep = self.b.build_int_compare(
            IntPredicate::SGT,
            d1,
            self.ctx.i32_type().const_int(RECURSION_LIMIT as u64, false),
            "",
        )?;
        self.raise_if(
            too_deep,
            "RecursionError",
            Some("maximum recursion depth exceeded"),
        )?;

        let exit = self.ctx.append_basic_block(fv, "exit");
        self.exit_bb = Some(exit);
        let pending = if chunked {
            self.module_chunks(&f.body)?
        } else {
            self.block(&f.body)?;
            Vec::new()
        };
        if !self.terminated() {
            if f.ret == Ty::None {
                self.b.build_unconditional_branch(exit)?;
            } else {
                self.raise("SystemError", Some("function fell off its end (mgen bug)"))?;
            }
        }
        // The single exit: release every local, pop the frame, return.
        self.position(exit);
        self.release_locals(f)?;
        self.frame_pop()?;
        match self.ret_slot {
            Some(slot) => {
                let v = self.b.build_load(self.llty(&f.ret), slot, "")?;
                self.b.build_return(Some(&v))?;
            }
            None => {
                self.b.build_return(None)?;
            }
        }
        for (k, (chunk_fv, stmts)) in pending.into_iter().enumerate() {
            self.lower_chunk(k, chunk_fv, f, stmts)?;
        }
        Ok(())
    }

    /// Release every local that has a slot (at a function's exit).
    fn release_locals(&mut self, f: &Function) -> Result<()> {
        for (i, v) in f.locals.iter().enumerate() {
            if let (true, Some(slot)) = (v.ty.is_heap(), self.locals[i]) {
                let val = self.b.build_load(self.llty(&v.ty), slot, "")?;
                self.decref(&v.ty, val)?;
            }
        }
        Ok(())
    }

    /// The stack slot of local `l` (created on first use in a chunk).
    fn local_ptr(&mut self, l: LocalId) -> Result<PointerValue<'ctx>> {
        match self.locals[l] {
            Some(p) => Ok(p),
            None => self.chunk_local(l),
        }
    }

    fn frame_pop(&mut self) -> Result<()> {
        // The caller's frame, as loaded at entry (a frame's `prev` never
        // changes): one store.
        let prev = self.frame_prev.unwrap();
        self.b
            .build_store(self.frame_top.as_pointer_value(), prev)?;
        Ok(())
    }

    /// The constant `MgCode {file, func}` a function's frames point at.
    fn code_record(&mut self, func: &str) -> PointerValue<'ctx> {
        let file = self.cstr(&self.prog.file.clone());
        let name = self.cstr(func);
        let ptr = self.ptr_t();
        let ty = self.ctx.struct_type(&[ptr.into(), ptr.into()], false);
        let g = self.module.add_global(ty, None, "code");
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_unnamed_addr(true);
        g.set_initializer(&ty.const_named_struct(&[file.into(), name.into()]));
        g.as_pointer_value()
    }

    /// An alloca in the entry block (so loops do not grow the stack).
    fn entry_alloca(&self, ty: BasicTypeEnum<'ctx>, name: &str) -> Result<PointerValue<'ctx>> {
        let entry = self.entry_bb.unwrap();
        let b = self.ctx.create_builder();
        match entry.get_first_instruction() {
            Some(i) => b.position_before(&i),
            None => b.position_at_end(entry),
        }
        Ok(b.build_alloca(ty, name)?)
    }

    fn place_ptr(&mut self, p: Place) -> Result<PointerValue<'ctx>> {
        Ok(match p {
            Place::Local(l) => self.local_ptr(l)?,
            Place::Global(g) => self.globals[g].as_pointer_value(),
        })
    }

    fn place_ty(&self, p: Place) -> &'p Ty {
        match p {
            Place::Local(l) => &self.prog.functions[self.cur.unwrap()].locals[l].ty,
            Place::Global(g) => &self.prog.globals[g].ty,
        }
    }

    // ---- statements -------------------------------------------------------

    fn block(&mut self, stmts: &[Stmt]) -> Result<()> {
        if let (Some(d), Some(first)) = (&mut self.dbg, stmts.first()) {
            d.enter_block(first.line, first.col);
        }
        let r = self.block_stmts(stmts);
        if let (Some(d), false) = (&mut self.dbg, stmts.is_empty()) {
            d.leave_block();
        }
        r
    }

    fn block_stmts(&mut self, stmts: &[Stmt]) -> Result<()> {
        for s in stmts {
            if self.terminated() {
                // Code after return/break/continue is unreachable.
                let dead = self.new_block("dead");
                self.position(dead);
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    /// Store an owned value into a target (moving its reference), releasing
    /// what the variable held.
    fn store_target(
        &mut self,
        t: &Target,
        ty: &Ty,
        v: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<()> {
        match t {
            Target::Place(p) => {
                let ptr = self.place_ptr(*p)?;
                if ty.is_heap() {
                    let old = self.b.build_load(self.llty(ty), ptr, "old")?;
                    self.b.build_store(ptr, v)?;
                    self.decref(ty, old)?;
                } else {
                    self.b.build_store(ptr, v)?;
                }
                Ok(())
            }
            Target::Item(obj, index) => self.set_item_value(line, obj, index, v),
            Target::Unpack(parts) => match ty {
                Ty::Tuple(ts) => {
                    for (i, (part, ft)) in parts.iter().zip(ts).enumerate() {
                        let fv = self.tuple_field(ty, v, i)?;
                        self.store_target(part, ft, fv, line)?;
                    }
                    Ok(())
                }
                Ty::List(et) => {
                    // Runtime length check, as CPython's unpacking does.
                    self.set_line(line)?;
                    let l = v.into_pointer_value();
                    let n = self.list_len(l)?;
                    let want = self.ctx.i64_type().const_int(parts.len() as u64, false);
                    let few = self.b.build_int_compare(IntPredicate::SLT, n, want, "")?;
                    let bad_few = self.new_block("unpack.few");
                    let ok1 = self.new_block("unpack.ok");
                    self.b.build_conditional_branch(few, bad_few, ok1)?;
                    let saved = self.stored_line;
                    self.position(bad_few);
                    let e = self.cstr("ValueError");
                    let pre = self.str_const(&format!(
                        "not enough values to unpack (expected {}, got ",
                        parts.len()
                    ));
                    let num = self
                        .call_rt("mg_str_from_int", Some(self.t_ptr()), &[n.into()])?
                        .unwrap();
                    let close = self.str_const(")");
                    let m1 = self
                        .call_rt("mg_str_concat", Some(self.t_ptr()), &[pre.into(), num])?
                        .unwrap();
                    let m2 = self
                        .call_rt("mg_str_concat", Some(self.t_ptr()), &[m1, close.into()])?
                        .unwrap();
                    self.call_rt("mg_raise_str", None, &[e.into(), m2])?;
                    self.b.build_unreachable()?;
                    self.position(ok1);
                    self.stored_line = saved;
                    let many = self.b.build_int_compare(IntPredicate::SGT, n, want, "")?;
                    let msg = format!("too many values to unpack (expected {})", parts.len());
                    self.raise_if(many, "ValueError", Some(&msg))?;
                    for (i, part) in parts.iter().enumerate() {
                        let idx = self.ctx.i64_type().const_int(i as u64, false);
                        let slot = self.list_slot_ptr(l, et, idx)?;
                        let ev = self.load_slot(et, slot)?;
                        self.incref(et, ev)?;
                        self.store_target(part, et, ev, line)?;
                    }
                    self.decref(ty, v)?;
                    Ok(())
                }
                _ => unreachable!("checked: unpack of tuple or list"),
            },
        }
    }

    /// `p = p + r` on a str (what `p += r` becomes) where evaluating `r`
    /// first is unobservable: it cannot rebind `p` (a local; or a global
    /// and `r` calls none of the program's functions).
    fn is_str_append(&self, p: Place, e: &Expr) -> bool {
        let ExprKind::Binary(BinOp::Add, l, r) = &e.kind else {
            return false;
        };
        e.ty == Ty::Str
            && matches!(l.kind, ExprKind::Load(q) if q == p)
            && (matches!(p, Place::Local(_)) || !r.calls_user_code())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<()> {
        self.set_debug_loc(s.line, s.col);
        self.recursion_check(&reclimit::stmt(s), s.line)?;
        match &s.kind {
            StmtKind::Pass => {}
            StmtKind::Expr(e) => {
                if let Some(v) = self.expr_maybe(e)? {
                    self.decref(&e.ty, v)?;
                }
            }
            StmtKind::Assign(Target::Place(p), e) if self.is_str_append(*p, e) => {
                // s += t / s = s + t: the string grows in place when this
                // variable holds its only reference (CPython does the same).
                let ExprKind::Binary(_, _, r) = &e.kind else {
                    unreachable!()
                };
                let rh = self.expr_borrow(r)?;
                self.set_line(e.line)?;
                let ptr = self.place_ptr(*p)?;
                let old = self.b.build_load(self.ptr_t(), ptr, "")?;
                let new = self
                    .call_rt("mg_str_append", Some(self.t_ptr()), &[old, rh.v])?
                    .unwrap();
                self.b.build_store(ptr, new)?;
                self.release(&Ty::Str, rh)?;
            }
            StmtKind::Assign(t, e) => {
                let v = self.expr(e)?;
                self.store_target(t, &e.ty, v, s.line)?;
            }
            StmtKind::MultiAssign(pairs) => {
                let mut vals = Vec::new();
                for (_, e) in pairs {
                    vals.push(self.expr(e)?);
                }
                for ((t, e), v) in pairs.iter().zip(vals) {
                    self.store_target(t, &e.ty, v, s.line)?;
                }
            }
            StmtKind::SetItem { obj, index, value } => self.set_item(s.line, obj, index, value)?,
            StmtKind::AugSetItem {
                obj,
                index,
                op,
                value,
            } => self.aug_set_item(s.line, obj, index, *op, value)?,
            StmtKind::DelItem { obj, index } => self.del_item(s.line, obj, index)?,
            StmtKind::DelSlice { obj, lo, hi, step } => {
                self.slice_stmt(s.line, obj, [lo, hi, step], None)?
            }
            StmtKind::SetSlice {
                obj,
                lo,
                hi,
                step,
                value,
            } => self.slice_stmt(s.line, obj, [lo, hi, step], Some(value))?,
            StmtKind::If(c, then, els) => {
                self.jump_ctx = true;
                let cv = self.expr(c)?.into_int_value();
                let tb = self.new_block("then");
                let eb = self.new_block("else");
                let end = self.new_block("endif");
                self.b.build_conditional_branch(cv, tb, eb)?;
                self.position(tb);
                self.block(then)?;
                if !self.terminated() {
                    self.b.build_unconditional_branch(end)?;
                }
                self.position(eb);
                self.block(els)?;
                if !self.terminated() {
                    self.b.build_unconditional_branch(end)?;
                }
                self.position(end);
            }
            StmtKind::While { test, body, orelse } => {
                let cond_bb = self.new_block("while.cond");
                let body_bb = self.new_block("while.body");
                let else_bb = self.new_block("while.else");
                let end = self.new_block("while.end");
                self.b.build_unconditional_branch(cond_bb)?;
                self.position(cond_bb);
                self.set_debug_loc(s.line, s.col);
                self.recursion_check(&reclimit::combined(test, true), s.line)?;
                self.jump_ctx = true;
                let cv = self.expr(test)?.into_int_value();
                self.b.build_conditional_branch(cv, body_bb, else_bb)?;
                self.position(body_bb);
                self.loops.push((cond_bb, end, self.iter_temps.len()));
                self.block(body)?;
                self.loops.pop();
                if !self.terminated() {
                    self.b.build_unconditional_branch(cond_bb)?;
                }
                self.position(else_bb);
                self.block(orelse)?;
                if !self.terminated() {
                    self.b.build_unconditional_branch(end)?;
                }
                self.position(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_loop(s, target, iter, body, orelse)?,
            StmtKind::Break => {
                let (_, brk, _) = *self.loops.last().expect("checked: break in loop");
                self.b.build_unconditional_branch(brk)?;
            }
            StmtKind::Continue => {
                let (cont, _, _) = *self.loops.last().expect("checked: continue in loop");
                self.b.build_unconditional_branch(cont)?;
            }
            StmtKind::Return(v) => {
                if let Some(e) = v {
                    let val = self.expr(e)?;
                    self.b.build_store(self.ret_slot.unwrap(), val)?;
                }
                // Release what enclosing for-loops hold.
                for (ty, v) in self.iter_temps.clone().iter().rev() {
                    self.decref(ty, *v)?;
                }
                self.b.build_unconditional_branch(self.exit_bb.unwrap())?;
            }
            StmtKind::Assert(test, msg) => {
                self.jump_ctx = true;
                let cv = self.expr(test)?.into_int_value();
                let fail = self.new_block("assert.fail");
                let ok = self.new_block("assert.ok");
                self.b.build_conditional_branch(cv, ok, fail)?;
                self.position(fail);
                match msg {
                    Some(m) => {
                        let mv = self.expr(m)?;
                        self.set_line(s.line)?;
                        let e = self.cstr("AssertionError");
                        self.call_rt("mg_raise_str", None, &[e.into(), mv])?;
                        self.b.build_unreachable()?;
                    }
                    None => {
                        self.set_line(s.line)?;
                        self.raise("AssertionError", None)?;
                    }
                }
                self.position(ok);
            }
            StmtKind::Print { args, sep, end } => {
                // CPython evaluates every argument before printing anything.
                let mut vals = Vec::new();
                for a in args {
                    vals.push((&a.ty, self.expr_borrow(a)?));
                }
                let sepv = match sep {
                    Some(e) => Some(self.expr_borrow(e)?),
                    None => None,
                };
                let endv = match end {
                    Some(e) => Some(self.expr_borrow(e)?),
                    None => None,
                };
                for (i, (ty, h)) in vals.iter().enumerate() {
                    if i > 0 {
                        self.write_str_or(sepv.map(|h| h.v), " ")?;
                    }
                    match ty {
                        Ty::Int => self.call_rt("mg_write_int", None, &[h.v])?,
                        Ty::Float => self.call_rt("mg_write_float", None, &[h.v])?,
                        Ty::Bool => self.call_rt("mg_write_bool", None, &[h.v])?,
                        Ty::Str => self.call_rt("mg_write_str", None, &[h.v])?,
                        t => {
                            let sv = self.to_str_value(t, h.v, s.line)?;
                            self.call_rt("mg_write_str", None, &[sv])?;
                            self.decref(&Ty::Str, sv)?;
                            None
                        }
                    };
                }
                self.write_str_or(endv.map(|h| h.v), "\n")?;
                for (ty, h) in vals {
                    self.release(ty, h)?;
                }
                if let Some(h) = sepv {
                    self.release(&Ty::Str, h)?;
                }
                if let Some(h) = endv {
                    self.release(&Ty::Str, h)?;
                }
            }
        }
        Ok(())
    }

    fn write_str_or(&mut self, v: Option<BasicValueEnum<'ctx>>, default: &str) -> Result<()> {
        match v {
            Some(v) => {
                self.call_rt("mg_write_str", None, &[v])?;
            }
            None => {
                let p = self.cstr(default);
                let n = self.ctx.i64_type().const_int(default.len() as u64, false);
                self.call_rt("mg_write_cstr", None, &[p.into(), n.into()])?;
            }
        }
        Ok(())
    }

    // ---- expressions ------------------------------------------------------

    fn expr_maybe(&mut self, e: &Expr) -> Result<Option<BasicValueEnum<'ctx>>> {
        match &e.kind {
            ExprKind::Call(fid, args) => self.call(e, *fid, args),
            ExprKind::Method(m, args) if e.ty == Ty::None => {
                self.method(e, *m, args)?;
                Ok(None)
            }
            ExprKind::SortBy { list, key, reverse } => {
                self.sort_by(e, list, key.as_ref(), reverse)?;
                Ok(None)
            }
            _ => Ok(Some(self.expr(e)?)),
        }
    }

    /// Evaluate for a look only: loads of locals are borrowed (no refcount
    /// traffic); anything else is owned and must be released after use.
    fn expr_borrow(&mut self, e: &Expr) -> Result<Held<'ctx>> {
        if let ExprKind::Load(Place::Local(l)) = &e.kind {
            let slot = self.local_ptr(*l)?;
            let v = self.b.build_load(self.llty(&e.ty), slot, "")?;
            return Ok(Held { v, owned: false });
        }
        if let ExprKind::Str(s) = &e.kind {
            return Ok(Held {
                v: self.str_const(s).into(),
                owned: false,
            });
        }
        Ok(Held {
            v: self.expr(e)?,
            owned: true,
        })
    }

    fn release(&mut self, ty: &Ty, h: Held<'ctx>) -> Result<()> {
        if h.owned {
            self.decref(ty, h.v)?;
        }
        Ok(())
    }

    /// Evaluate to an owned value.
    fn expr(&mut self, e: &Expr) -> Result<BasicValueEnum<'ctx>> {
        let i64t = self.ctx.i64_type();
        let f64t = self.ctx.f64_type();
        // Whether this expression is a jumping condition (only And, Or,
        // Not and IfExp pass it on to their operands).
        let jump = std::mem::replace(&mut self.jump_ctx, false);
        Ok(match &e.kind {
            ExprKind::Int(v) => i64t.const_int(*v as u64, true).into(),
            ExprKind::Float(v) => f64t.const_float(*v).into(),
            ExprKind::Bool(v) => self.ctx.bool_type().const_int(*v as u64, false).into(),
            ExprKind::Str(s) => self.str_const(s).into(),
            ExprKind::NullStr => self.ptr_t().const_null().into(),
            ExprKind::Load(p) => {
                let ty = self.place_ty(*p);
                let ptr = self.place_ptr(*p)?;
                let v = self.b.build_load(self.llty(ty), ptr, "")?;
                self.incref(ty, v)?;
                v
            }
            ExprKind::Binary(op, l, r) => {
                if matches!(l.ty, Ty::Str | Ty::List(_) | Ty::Tuple(_))
                    || matches!(r.ty, Ty::Str | Ty::List(_))
                {
                    return self.seq_binary(e, *op, l, r);
                }
                let lv = self.expr(l)?;
                let rv = self.expr(r)?;
                self.binary(e, *op, &l.ty, lv, rv)?
            }
            ExprKind::InPlace(op, l, r) => {
                let lv = self.expr(l)?;
                self.inplace_op(e.line, *op, &l.ty, lv, r)?
            }
            ExprKind::Unary(op, v) => {
                let x = self.expr(v)?;
                match (op, &v.ty) {
                    (UnOp::Neg, Ty::Float) => {
                        self.b.build_float_neg(x.into_float_value(), "")?.into()
                    }
                    (UnOp::Neg, _) => {
                        self.set_line(e.line)?;
                        let (r, o) = self.int_overflow_op(
                            "llvm.ssub.with.overflow",
                            i64t.const_zero(),
                            x.into_int_value(),
                        )?;
                        let ob = self.overflow_block()?;
                        self.branch_to_if(o, ob)?;
                        r.into()
                    }
                    (UnOp::Invert, _) => self.b.build_not(x.into_int_value(), "")?.into(),
                }
            }
            ExprKind::Compare(left, pairs) => self.compare_chain(left, pairs)?,
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                self.jump_ctx = jump;
                let av = self.expr(a)?;
                let t = self.truthy(&a.ty, av)?;
                let from = self.b.get_insert_block().unwrap();
                let rhs = self.new_block(if is_and { "and.rhs" } else { "or.rhs" });
                let end = self.new_block("bool.end");
                if is_and {
                    self.b.build_conditional_branch(t, rhs, end)?;
                } else {
                    self.b.build_conditional_branch(t, end, rhs)?;
                }
                self.position(rhs);
                // The left operand is not the result on this path.
                self.decref(&a.ty, av)?;
                self.recursion_check(&reclimit::combined(b, jump), b.line)?;
                self.jump_ctx = jump;
                // and/or chains nest to the right: any length
                let bv = stacker::maybe_grow(64 << 10, 4 << 20, || self.expr(b))?;
                let rhs_end = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(end)?;
                self.position(end);
                let phi = self.b.build_phi(self.llty(&e.ty), "")?;
                phi.add_incoming(&[(&av, from), (&bv, rhs_end)]);
                phi.as_basic_value()
            }
            ExprKind::Not(v) => {
                self.jump_ctx = jump;
                let x = self.expr(v)?.into_int_value();
                self.b.build_not(x, "")?.into()
            }
            ExprKind::IfExp(c, a, b) => {
                self.jump_ctx = true;
                let cv = self.expr(c)?.into_int_value();
                let tb = self.new_block("ifx.then");
                let eb = self.new_block("ifx.else");
                let end = self.new_block("ifx.end");
                self.b.build_conditional_branch(cv, tb, eb)?;
                self.position(tb);
                self.recursion_check(&reclimit::combined(a, false), a.line)?;
                let av = self.expr(a)?;
                let a_end = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(end)?;
                self.position(eb);
                self.recursion_check(&reclimit::combined(b, false), b.line)?;
                let bv = self.expr(b)?;
                let b_end = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(end)?;
                self.position(end);
                let phi = self.b.build_phi(self.llty(&e.ty), "")?;
                phi.add_incoming(&[(&av, a_end), (&bv, b_end)]);
                phi.as_basic_value()
            }
            ExprKind::Call(fid, args) => match self.call(e, *fid, args)? {
                Some(v) => v,
                None => unreachable!("checked: None call used as value"),
            },
            ExprKind::Builtin(b, args) => self.builtin(e, *b, args)?,
            ExprKind::Truthy(v) => {
                let h = self.expr_borrow(v)?;
                let t = self.truthy(&v.ty, h.v)?;
                self.release(&v.ty, h)?;
                t.into()
            }
            ExprKind::ToFloat(v) => {
                let x = self.expr(v)?.into_int_value();
                if v.ty == Ty::Bool {
                    self.b.build_unsigned_int_to_float(x, f64t, "")?.into()
                } else {
                    self.b.build_signed_int_to_float(x, f64t, "")?.into()
                }
            }
            ExprKind::BoolToInt(v) => {
                let x = self.expr(v)?.into_int_value();
                self.b.build_int_z_extend(x, i64t, "")?.into()
            }
            ExprKind::Concat(parts) | ExprKind::FormatCall(parts) => self.concat(parts)?,
            ExprKind::Fail { exc, msg, value } => {
                let v = self.expr(value)?;
                self.decref(&value.ty, v)?;
                self.set_line(e.line)?;
                self.raise(exc, Some(msg))?;
                // Code after the raise is unreachable; give it a value.
                let dead = self.new_block("after.raise");
                self.position(dead);
                self.llty(&e.ty).const_zero()
            }
            _ => self.container_expr(e)?,
        })
    }

    /// An f-string: one `MgPart {bytes, len, nchars}` per piece, then one
    /// allocation (`mg_str_concat_parts`). `str(int)` pieces are formatted
    /// into stack buffers (no string of their own); other pieces are
    /// borrowed strings, their header read in place.
    fn concat(&mut self, parts: &[Expr]) -> Result<BasicValueEnum<'ctx>> {
        let i64t = self.ctx.i64_type();
        let ptr = self.ptr_t();
        let part_ty = self
            .ctx
            .struct_type(&[ptr.into(), i64t.into(), i64t.into()], false);
        let n = parts.len();
        let arr_ty = part_ty.array_type(n.max(1) as u32);
        let arr = self.entry_alloca(arr_ty.into(), "parts")?;
        let hdr = self.td.get_abi_size(&self.str_hdr);
        let mut held = Vec::new();
        for (i, p) in parts.iter().enumerate() {
            let (bytes, len, nchars) = match &p.kind {
                ExprKind::Builtin(Builtin::Str, args)
                    if args.len() == 1 && args[0].ty == Ty::Int =>
                {
                    let v = self.expr(&args[0])?;
                    let buf =
                        self.entry_alloca(self.ctx.i8_type().array_type(24).into(), "digits")?;
                    let len = self
                        .call_rt("mg_fmt_int", Some(self.t_i32()), &[buf.into(), v])?
                        .unwrap()
                        .into_int_value();
                    let len = self.b.build_int_s_extend(len, i64t, "")?;
                    (buf, len, len)
                }
                _ => {
                    let h = self.expr_borrow(p)?;
                    let s = h.v.into_pointer_value();
                    held.push(h);
                    let lp = self.b.build_struct_gep(self.str_hdr, s, 1, "")?;
                    let len = self.b.build_load(i64t, lp, "len")?.into_int_value();
                    let np = self.b.build_struct_gep(self.str_hdr, s, 2, "")?;
                    let nchars = self.b.build_load(i64t, np, "nchars")?.into_int_value();
                    let bytes = unsafe {
                        self.b.build_in_bounds_gep(
                            self.ctx.i8_type(),
                            s,
                            &[i64t.const_int(hdr, false)],
                            "bytes",
                        )?
                    };
                    (bytes, len, nchars)
                }
            };
            for (k, v) in [bytes.into(), len.into(), nchars.into()]
                .into_iter()
                .enumerate()
            {
                let slot = unsafe {
                    self.b.build_in_bounds_gep(
                        arr_ty,
                        arr,
                        &[
                            i64t.const_zero(),
                            i64t.const_int(i as u64, false),
                            self.ctx.i32_type().const_int(k as u64, false),
                        ],
                        "",
                    )?
                };
                let v: BasicValueEnum = v;
                self.b.build_store(slot, v)?;
            }
        }
        let r = self
            .call_rt(
                "mg_str_concat_parts",
                Some(self.t_ptr()),
                &[arr.into(), i64t.const_int(n as u64, false).into()],
            )?
            .unwrap();
        for h in held {
            self.release(&Ty::Str, h)?;
        }
        Ok(r)
    }

    fn call(
        &mut self,
        e: &Expr,
        fid: FuncId,
        args: &[Expr],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let mut vals: Vec<BasicMetadataValueEnum> = Vec::new();
        for a in args {
            // The callee owns its parameters.
            vals.push(self.expr(a)?.into());
        }
        self.set_line(e.line)?;
        self.set_debug_loc(e.line, e.col);
        self.flush_line()?;
        // Inside a frame CPython has and mgen inlines (a comprehension's, a
        // key lambda's), the callee is that much deeper.
        let bump = match (self.rec_offset, self.depth, self.frame) {
            (0, _, _) | (_, None, _) | (_, _, None) => None,
            (k, Some(d), Some(f)) => {
                let i32t = self.ctx.i32_type();
                let p = self.b.build_struct_gep(self.frame_ty, f, 3, "")?;
                let dk = self
                    .b
                    .build_int_add(d, i32t.const_int(k as u64, false), "")?;
                self.b.build_store(p, dk)?;
                Some((p, d))
            }
        };
        let cs = self.b.build_call(self.funcs[fid], &vals, "")?;
        cs.set_call_convention(self.target.internal_call_conv.llvm_id());
        if let Some((p, d)) = bump {
            self.b.build_store(p, d)?;
        }
        Ok(match cs.try_as_basic_value() {
            ValueKind::Basic(v) => Some(v),
            _ => None,
        })
    }

    fn truthy(&mut self, ty: &Ty, v: BasicValueEnum<'ctx>) -> Result<IntValue<'ctx>> {
        let zero = self.ctx.i64_type().const_zero();
        Ok(match ty {
            Ty::Bool => v.into_int_value(),
            Ty::Int => self
                .b
                .build_int_compare(IntPredicate::NE, v.into_int_value(), zero, "")?,
            Ty::Float => self.b.build_float_compare(
                FloatPredicate::UNE,
                v.into_float_value(),
                self.ctx.f64_type().const_zero(),
                "",
            )?,
            Ty::Str => {
                let n = self.str_len_bytes(v.into_pointer_value())?;
                self.b.build_int_compare(IntPredicate::NE, n, zero, "")?
            }
            Ty::Tuple(ts) => self.ctx.bool_type().const_int(!ts.is_empty() as u64, false),
            Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => {
                let n = self.container_len(ty, v)?;
                self.b.build_int_compare(IntPredicate::NE, n, zero, "")?
            }
            Ty::None => unreachable!(),
        })
    }

    fn str_len_bytes(&mut self, s: PointerValue<'ctx>) -> Result<IntValue<'ctx>> {
        let p = self.b.build_struct_gep(self.str_hdr, s, 1, "")?;
        Ok(self
            .b
            .build_load(self.ctx.i64_type(), p, "len")?
            .into_int_value())
    }

    fn int_overflow_op(
        &mut self,
        name: &str,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<(IntValue<'ctx>, IntValue<'ctx>)> {
        let i64t = self.ctx.i64_type();
        let intr = Intrinsic::find(name).expect("LLVM intrinsic");
        let decl = intr
            .get_declaration(&self.module, &[i64t.into()])
            .expect("intrinsic declaration");
        let cs = self.b.build_call(decl, &[a.into(), b.into()], "")?;
        let sv = match cs.try_as_basic_value() {
            ValueKind::Basic(v) => v.into_struct_value(),
            _ => unreachable!(),
        };
        let r = self.b.build_extract_value(sv, 0, "")?.into_int_value();
        let o = self.b.build_extract_value(sv, 1, "")?.into_int_value();
        Ok((r, o))
    }

    fn binary(
        &mut self,
        e: &Expr,
        op: BinOp,
        ty: &Ty,
        l: BasicValueEnum<'ctx>,
        r: BasicValueEnum<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let i64t = self.ctx.i64_type();
        match ty {
            Ty::Bool => {
                let (a, b) = (l.into_int_value(), r.into_int_value());
                Ok(match op {
                    BinOp::BitAnd => self.b.build_and(a, b, "")?,
                    BinOp::BitOr => self.b.build_or(a, b, "")?,
                    BinOp::BitXor => self.b.build_xor(a, b, "")?,
                    _ => unreachable!(),
                }
                .into())
            }
            Ty::Float => {
                let (a, b) = (l.into_float_value(), r.into_float_value());
                Ok(match op {
                    BinOp::Add => self.b.build_float_add(a, b, "")?.into(),
                    BinOp::Sub => self.b.build_float_sub(a, b, "")?.into(),
                    BinOp::Mul => self.b.build_float_mul(a, b, "")?.into(),
                    BinOp::Div => {
                        self.set_line(e.line)?;
                        let z = self.b.build_float_compare(
                            FloatPredicate::OEQ,
                            b,
                            self.ctx.f64_type().const_zero(),
                            "",
                        )?;
                        self.raise_if(z, "ZeroDivisionError", Some("float division by zero"))?;
                        self.b.build_float_div(a, b, "")?.into()
                    }
                    BinOp::Pow if const_exponent(e).is_some() => {
                        self.set_line(e.line)?;
                        self.float_pow_const(a, b, const_exponent(e).unwrap())?
                    }
                    BinOp::FloorDiv | BinOp::Mod | BinOp::Pow => {
                        self.set_line(e.line)?;
                        let name = match op {
                            BinOp::FloorDiv => "mg_float_floordiv",
                            BinOp::Mod => "mg_float_mod",
                            _ => "mg_float_pow",
                        };
                        self.call_rt(name, Some(self.t_f64()), &[l, r])?.unwrap()
                    }
                    _ => unreachable!("checked: no bit operations on floats"),
                })
            }
            Ty::Int => {
                let (a, b) = (l.into_int_value(), r.into_int_value());
                Ok(match op {
                    BinOp::Add | BinOp::Sub | BinOp::Mul => {
                        let name = match op {
                            BinOp::Add => "llvm.sadd.with.overflow",
                            BinOp::Sub => "llvm.ssub.with.overflow",
                            _ => "llvm.smul.with.overflow",
                        };
                        self.set_line(e.line)?;
                        let (v, o) = self.int_overflow_op(name, a, b)?;
                        let ob = self.overflow_block()?;
                        self.branch_to_if(o, ob)?;
                        v.into()
                    }
                    BinOp::Div => {
                        self.set_line(e.line)?;
                        self.call_rt("mg_int_truediv", Some(self.t_f64()), &[l, r])?
                            .unwrap()
                    }
                    BinOp::FloorDiv | BinOp::Mod => {
                        self.set_line(e.line)?;
                        let zero = i64t.const_zero();
                        let z = self.b.build_int_compare(IntPredicate::EQ, b, zero, "")?;
                        let zb = self.zerodiv_block(op == BinOp::Mod)?;
                        self.branch_to_if(z, zb)?;
                        // INT64_MIN // -1 overflows; INT64_MIN % -1 is 0.
                        let minus1 = i64t.const_all_ones();
                        let is_m1 = self.b.build_int_compare(IntPredicate::EQ, b, minus1, "")?;
                        let is_min = self.b.build_int_compare(
                            IntPredicate::EQ,
                            a,
                            i64t.const_int(i64::MIN as u64, true),
                            "",
                        )?;
                        let both = self.b.build_and(is_m1, is_min, "")?;
                        if op == BinOp::FloorDiv {
                            let ob = self.overflow_block()?;
                            self.branch_to_if(both, ob)?;
                        }
                        // Divide by 1 instead of -1 in the INT64_MIN % -1 case (no trap).
                        let safe_b = self
                            .b
                            .build_select(both, i64t.const_int(1, false), b, "")?
                            .into_int_value();
                        let q = self.b.build_int_signed_div(a, safe_b, "")?;
                        let rm = self.b.build_int_signed_rem(a, safe_b, "")?;
                        // Floor: if the remainder is non-zero and its sign differs from b's.
                        let rnz = self.b.build_int_compare(IntPredicate::NE, rm, zero, "")?;
                        let x = self.b.build_xor(rm, b, "")?;
                        let diff = self.b.build_int_compare(IntPredicate::SLT, x, zero, "")?;
                        let adj = self.b.build_and(rnz, diff, "")?;
                        // Adjusted arithmetically (q - adj, rm + (adj ? b : 0)), not
                        // by selecting between two computed values: known-bits
                        // queries on such selects are quadratic in a long
                        // chain of `%` (InstCombine spent minutes on one).
                        if op == BinOp::FloorDiv {
                            let one = self.b.build_int_z_extend(adj, i64t, "")?;
                            self.b.build_int_sub(q, one, "")?.into()
                        } else {
                            let mask = self.b.build_int_s_extend(adj, i64t, "")?;
                            let add = self.b.build_and(b, mask, "")?;
                            self.b.build_int_add(rm, add, "")?.into()
                        }
                    }
                    BinOp::Pow => {
                        self.set_line(e.line)?;
                        self.call_rt("mg_int_pow", Some(self.t_i64()), &[l, r])?
                            .unwrap()
                    }
                    BinOp::BitAnd => self.b.build_and(a, b, "")?.into(),
                    BinOp::BitOr => self.b.build_or(a, b, "")?.into(),
                    BinOp::BitXor => self.b.build_xor(a, b, "")?.into(),
                    BinOp::LShift | BinOp::RShift => {
                        self.set_line(e.line)?;
                        let zero = i64t.const_zero();
                        let neg = self.b.build_int_compare(IntPredicate::SLT, b, zero, "")?;
                        self.raise_if(neg, "ValueError", Some("negative shift count"))?;
                        let big = self.b.build_int_compare(
                            IntPredicate::SGE,
                            b,
                            i64t.const_int(64, false),
                            "",
                        )?;
                        let n = self
                            .b
                            .build_select(big, i64t.const_int(63, false), b, "")?
                            .into_int_value();
                        if op == BinOp::RShift {
                            // Shifting by >= 64 gives the sign: same as by 63.
                            self.b.build_right_shift(a, n, true, "")?.into()
                        } else {
                            let shifted = self.b.build_left_shift(a, n, "")?;
                            let back = self.b.build_right_shift(shifted, n, true, "")?;
                            let lost = self.b.build_int_compare(IntPredicate::NE, back, a, "")?;
                            let nonzero =
                                self.b.build_int_compare(IntPredicate::NE, a, zero, "")?;
                            let big_nz = self.b.build_and(big, nonzero, "")?;
                            let ovf = self.b.build_or(lost, big_nz, "")?;
                            let ob = self.overflow_block()?;
                            self.branch_to_if(ovf, ob)?;
                            self.b.build_select(big, zero, shifted, "")?
                        }
                    }
                })
            }
            _ => unreachable!("checked: scalar binary operation"),
        }
    }

    fn compare(
        &mut self,
        op: CmpOp,
        lt: &Ty,
        l: BasicValueEnum<'ctx>,
        rt: &Ty,
        r: BasicValueEnum<'ctx>,
        line: u32,
    ) -> Result<IntValue<'ctx>> {
        let i64t = self.ctx.i64_type();
        let ipred = |op: CmpOp| match op {
            CmpOp::Eq => IntPredicate::EQ,
            CmpOp::Ne => IntPredicate::NE,
            CmpOp::Lt => IntPredicate::SLT,
            CmpOp::Le => IntPredicate::SLE,
            CmpOp::Gt => IntPredicate::SGT,
            CmpOp::Ge => IntPredicate::SGE,
        };
        if lt != rt && matches!((lt, rt), (Ty::Tuple(_), Ty::Tuple(_))) {
            return self.compare_tuples(op, lt, l, rt, r, line);
        }
        if matches!(lt, Ty::List(_) | Ty::Tuple(_) | Ty::Dict(..) | Ty::Set(_)) {
            return self.compare_values(op, lt, l, r, line);
        }
        if *lt == Ty::Str {
            self.set_line(line)?;
            return Ok(match op {
                CmpOp::Eq | CmpOp::Ne => {
                    let eq = self
                        .call_rt("mg_str_eq", Some(self.t_bool()), &[l, r])?
                        .unwrap()
                        .into_int_value();
                    if op == CmpOp::Eq {
                        eq
                    } else {
                        self.b.build_not(eq, "")?
                    }
                }
                _ => {
                    let c = self
                        .call_rt("mg_str_cmp", Some(self.t_i32()), &[l, r])?
                        .unwrap()
                        .into_int_value();
                    self.b
                        .build_int_compare(ipred(op), c, self.ctx.i32_type().const_zero(), "")?
                }
            });
        }
        // Numbers: bool compares as int.
        let widen =
            |s: &mut Self, t: &Ty, v: BasicValueEnum<'ctx>| -> Result<(Ty, BasicValueEnum<'ctx>)> {
                if *t == Ty::Bool {
                    Ok((
                        Ty::Int,
                        s.b.build_int_z_extend(v.into_int_value(), i64t, "")?.into(),
                    ))
                } else {
                    Ok((t.clone(), v))
                }
            };
        if *lt == Ty::Bool && *rt == Ty::Bool {
            let pred = match op {
                CmpOp::Eq => IntPredicate::EQ,
                CmpOp::Ne => IntPredicate::NE,
                CmpOp::Lt => IntPredicate::ULT,
                CmpOp::Le => IntPredicate::ULE,
                CmpOp::Gt => IntPredicate::UGT,
                CmpOp::Ge => IntPredicate::UGE,
            };
            return Ok(self.b.build_int_compare(
                pred,
                l.into_int_value(),
                r.into_int_value(),
                "",
            )?);
        }
        let (lt, l) = widen(self, lt, l)?;
        let (rt, r) = widen(self, rt, r)?;
        Ok(match (lt.clone(), rt) {
            (Ty::Int, Ty::Int) => {
                self.b
                    .build_int_compare(ipred(op), l.into_int_value(), r.into_int_value(), "")?
            }
            (Ty::Float, Ty::Float) => {
                let pred = match op {
                    CmpOp::Eq => FloatPredicate::OEQ,
                    CmpOp::Ne => FloatPredicate::UNE,
                    CmpOp::Lt => FloatPredicate::OLT,
                    CmpOp::Le => FloatPredicate::OLE,
                    CmpOp::Gt => FloatPredicate::OGT,
                    CmpOp::Ge => FloatPredicate::OGE,
                };
                self.b
                    .build_float_compare(pred, l.into_float_value(), r.into_float_value(), "")?
            }
            (Ty::Int, Ty::Float) | (Ty::Float, Ty::Int) => {
                // Exact comparison in the runtime: -1, 0, 1, or 2 if unordered.
                let swapped = lt == Ty::Float;
                let (iv, fv) = if swapped { (r, l) } else { (l, r) };
                let c = self
                    .call_rt("mg_cmp_int_float", Some(self.t_i32()), &[iv, fv])?
                    .unwrap()
                    .into_int_value();
                let i32t = self.ctx.i32_type();
                let op = if swapped {
                    match op {
                        CmpOp::Lt => CmpOp::Gt,
                        CmpOp::Le => CmpOp::Ge,
                        CmpOp::Gt => CmpOp::Lt,
                        CmpOp::Ge => CmpOp::Le,
                        o => o,
                    }
                } else {
                    op
                };
                let k = |v: i64| i32t.const_int(v as u64, true);
                match op {
                    CmpOp::Eq => self.b.build_int_compare(IntPredicate::EQ, c, k(0), "")?,
                    CmpOp::Ne => self.b.build_int_compare(IntPredicate::NE, c, k(0), "")?,
                    CmpOp::Lt => self.b.build_int_compare(IntPredicate::EQ, c, k(-1), "")?,
                    CmpOp::Le => {
                        let a = self.b.build_int_compare(IntPredicate::EQ, c, k(-1), "")?;
                        let b = self.b.build_int_compare(IntPredicate::EQ, c, k(0), "")?;
                        self.b.build_or(a, b, "")?
                    }
                    CmpOp::Gt => self.b.build_int_compare(IntPredicate::EQ, c, k(1), "")?,
                    CmpOp::Ge => {
                        let a = self.b.build_int_compare(IntPredicate::EQ, c, k(1), "")?;
                        let b = self.b.build_int_compare(IntPredicate::EQ, c, k(0), "")?;
                        self.b.build_or(a, b, "")?
                    }
                }
            }
            _ => unreachable!("checked: comparable types"),
        })
    }

    fn compare_chain(
        &mut self,
        left: &Expr,
        pairs: &[(CmpOp, Expr)],
    ) -> Result<BasicValueEnum<'ctx>> {
        let mut lh = self.expr_borrow(left)?;
        let mut lty = &left.ty;
        if pairs.len() == 1 {
            let (op, r) = &pairs[0];
            let rh = self.expr_borrow(r)?;
            let c = self.compare(*op, lty, lh.v, &r.ty, rh.v, r.line)?;
            self.release(lty, lh)?;
            self.release(&r.ty, rh)?;
            return Ok(c.into());
        }
        let end = self.new_block("cmp.end");
        let mut incoming: Vec<(IntValue<'ctx>, BasicBlock<'ctx>)> = Vec::new();
        for (i, (op, r)) in pairs.iter().enumerate() {
            let rh = self.expr_borrow(r)?;
            let c = self.compare(*op, lty, lh.v, &r.ty, rh.v, r.line)?;
            self.release(lty, lh)?;
            if i + 1 == pairs.len() {
                self.release(&r.ty, rh)?;
                incoming.push((c, self.b.get_insert_block().unwrap()));
                self.b.build_unconditional_branch(end)?;
            } else {
                let next = self.new_block("cmp.next");
                let fail = self.new_block("cmp.fail");
                self.b.build_conditional_branch(c, next, fail)?;
                self.position(fail);
                self.release(&r.ty, rh)?;
                incoming.push((
                    self.ctx.bool_type().const_zero(),
                    self.b.get_insert_block().unwrap(),
                ));
                self.b.build_unconditional_branch(end)?;
                self.position(next);
            }
            lh = rh;
            lty = &r.ty;
        }
        self.position(end);
        let phi = self.b.build_phi(self.ctx.bool_type(), "")?;
        for (v, bb) in &incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        Ok(phi.as_basic_value())
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Result<BasicValueEnum<'ctx>> {
        let ptr = self.t_ptr();
        // Builtins that look at a value without keeping it.
        match b {
            Builtin::Str
            | Builtin::Repr
            | Builtin::Len
            | Builtin::Format
            | Builtin::IntFromStr
            | Builtin::FloatFromStr
            | Builtin::Ord => {
                let h = self.expr_borrow(&args[0])?;
                let ty = &args[0].ty;
                let r: BasicValueEnum = match b {
                    Builtin::Str => {
                        if *ty == Ty::Str {
                            if !h.owned {
                                self.incref(ty, h.v)?;
                            }
                            return Ok(h.v);
                        }
                        self.to_str_value(ty, h.v, e.line)?
                    }
                    Builtin::Repr => self.repr_value(ty, h.v, e.line)?,
                    Builtin::Len => self.len_value(ty, h.v)?.into(),
                    Builtin::Format => {
                        let spec = self.expr_borrow(&args[1])?;
                        self.set_line(e.line)?;
                        let name = match ty {
                            Ty::Int => "mg_format_int",
                            Ty::Float => "mg_format_float",
                            Ty::Bool => "mg_format_bool",
                            _ => "mg_format_str",
                        };
                        let r = self.call_rt(name, Some(ptr), &[h.v, spec.v])?.unwrap();
                        self.release(&Ty::Str, spec)?;
                        r
                    }
                    Builtin::IntFromStr => {
                        self.set_line(e.line)?;
                        self.call_rt("mg_int_from_str", Some(self.t_i64()), &[h.v])?
                            .unwrap()
                    }
                    Builtin::FloatFromStr => {
                        self.set_line(e.line)?;
                        self.call_rt("mg_float_from_str", Some(self.t_f64()), &[h.v])?
                            .unwrap()
                    }
                    Builtin::Ord => {
                        self.set_line(e.line)?;
                        self.call_rt("mg_ord", Some(self.t_i64()), &[h.v])?.unwrap()
                    }
                    _ => unreachable!(),
                };
                self.release(ty, h)?;
                return Ok(r);
            }
            _ => {}
        }
        let mut vals = Vec::new();
        for a in args {
            vals.push(self.expr(a)?);
        }
        Ok(match b {
            Builtin::IntFromFloat => {
                self.set_line(e.line)?;
                self.call_rt("mg_int_from_float", Some(self.t_i64()), &vals)?
                    .unwrap()
            }
            Builtin::Chr => {
                self.set_line(e.line)?;
                self.call_rt("mg_chr", Some(ptr), &vals)?.unwrap()
            }
            Builtin::RoundInt => {
                self.set_line(e.line)?;
                self.call_rt("mg_float_round_int", Some(self.t_i64()), &vals)?
                    .unwrap()
            }
            Builtin::RoundFloat => {
                self.set_line(e.line)?;
                self.call_rt("mg_float_round", Some(self.t_f64()), &vals)?
                    .unwrap()
            }
            Builtin::RoundIntN => {
                self.set_line(e.line)?;
                self.call_rt("mg_int_round", Some(self.t_i64()), &vals)?
                    .unwrap()
            }
            Builtin::Abs => match args[0].ty {
                Ty::Float => {
                    let intr = Intrinsic::find("llvm.fabs").unwrap();
                    let decl = intr.get_declaration(&self.module, &[self.t_f64()]).unwrap();
                    match self
                        .b
                        .build_call(decl, &[vals[0].into()], "")?
                        .try_as_basic_value()
                    {
                        ValueKind::Basic(v) => v,
                        _ => unreachable!(),
                    }
                }
                _ => {
                    self.set_line(e.line)?;
                    let x = vals[0].into_int_value();
                    let i64t = self.ctx.i64_type();
                    let is_min = self.b.build_int_compare(
                        IntPredicate::EQ,
                        x,
                        i64t.const_int(i64::MIN as u64, true),
                        "",
                    )?;
                    let ob = self.overflow_block()?;
                    self.branch_to_if(is_min, ob)?;
                    let neg =
                        self.b
                            .build_int_compare(IntPredicate::SLT, x, i64t.const_zero(), "")?;
                    let nx = self.b.build_int_neg(x, "")?;
                    self.b.build_select(neg, nx, x, "")?
                }
            },
            Builtin::Max | Builtin::Min => {
                // Python: best = first; for each next: if next > best (max) / next < best (min).
                let op = if b == Builtin::Max {
                    CmpOp::Gt
                } else {
                    CmpOp::Lt
                };
                let ty = &args[0].ty;
                let mut best = vals[0];
                for v in vals.iter().skip(1) {
                    let better = self.compare(op, ty, *v, ty, best, e.line)?;
                    let loser = self.b.build_select(better, best, *v, "")?;
                    best = self.b.build_select(better, *v, best, "")?;
                    self.decref(ty, loser)?;
                }
                best
            }
            _ => unreachable!(),
        })
    }
}

/// `x ** 0.5` and `x ** 2.0` have exact fast forms (see `float_pow_const`).
fn const_exponent(e: &Expr) -> Option<f64> {
    let ExprKind::Binary(BinOp::Pow, _, r) = &e.kind else {
        return None;
    };
    let v = match &r.kind {
        ExprKind::Float(v) => *v,
        ExprKind::ToFloat(i) => match i.kind {
            ExprKind::Int(v) => v as f64,
            _ => return None,
        },
        _ => return None,
    };
    (v == 0.5 || v == 2.0).then_some(v)
}

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    /// `x ** 0.5` is sqrt(x) and `x ** 2.0` is x * x, bit for bit, where
    /// both are the correctly rounded value CPython's pow gives: for x > 0
    /// (sqrt) and for a finite product (square). Elsewhere (zero, negative,
    /// infinite, NaN, overflow) the runtime's pow decides, with CPython's
    /// special cases and errors.
    fn float_pow_const(
        &mut self,
        x: inkwell::values::FloatValue<'ctx>,
        y: inkwell::values::FloatValue<'ctx>,
        k: f64,
    ) -> Result<BasicValueEnum<'ctx>> {
        let f64t = self.ctx.f64_type();
        let (fast, ok) = if k == 0.5 {
            let intr = Intrinsic::find("llvm.sqrt").unwrap();
            let decl = intr.get_declaration(&self.module, &[f64t.into()]).unwrap();
            let r = match self
                .b
                .build_call(decl, &[x.into()], "")?
                .try_as_basic_value()
            {
                ValueKind::Basic(v) => v.into_float_value(),
                _ => unreachable!(),
            };
            let pos = self
                .b
                .build_float_compare(FloatPredicate::OGT, x, f64t.const_zero(), "")?;
            (r, pos)
        } else {
            let r = self.b.build_float_mul(x, x, "")?;
            let fin = self.b.build_float_compare(
                FloatPredicate::OLT,
                r,
                f64t.const_float(f64::INFINITY),
                "",
            )?;
            (r, fin)
        };
        let here = self.b.get_insert_block().unwrap();
        let slow_bb = self.new_block("pow.slow");
        let end = self.new_block("pow.end");
        self.b.build_conditional_branch(ok, end, slow_bb)?;
        let saved = self.stored_line;
        self.position(slow_bb);
        self.stored_line = saved;
        let slow = self
            .call_rt("mg_float_pow", Some(self.t_f64()), &[x.into(), y.into()])?
            .unwrap();
        let slow_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(end)?;
        self.position(end);
        // The slow path may have written the line; the fast one did not.
        self.stored_line = if self.line == saved { saved } else { None };
        let phi = self.b.build_phi(f64t, "")?;
        phi.add_incoming(&[(&fast, here), (&slow, slow_end)]);
        Ok(phi.as_basic_value())
    }
}
