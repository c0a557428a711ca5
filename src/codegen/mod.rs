//! MIR → LLVM IR (with inkwell).
//!
//! Representation: int = i64, float = double, bool = i1, str/list/dict/set
//! = pointer to a runtime object (see runtime/mgen_rt.h), tuple = an LLVM
//! struct of its fields' container-slot representations (bool as i8).
//!
//! Each MIR local becomes an SSA value when it is assigned once (a
//! temporary) and a stack slot otherwise (variables, loop counters, join
//! values; LLVM's mem2reg promotes them); blocks are emitted in reverse
//! post-order so every value is defined before its uses. Reference counts
//! are the MIR's own (`IncRef`/`DecRef`): nothing here adds any.
//!
//! Every generated function keeps an `MgFrame` on its stack, linked through
//! `mg_frame_top`, so the runtime can print a CPython-style traceback; the
//! frame's line is written before calls and in raise blocks (`flush_line`).
//! Calls into the runtime use the platform C convention and the
//! declarations of the primitives registry; generated functions call each
//! other with the descriptor's internal convention.
//!
//! Code map: `mod.rs` functions, blocks, scalar helpers; `ops.rs` one
//! emitter per MIR operation; `values.rs` types, slots, type descriptors
//! and reference counting; `containers.rs` list/dict/set constructors and
//! inline indexing; `debug.rs` DWARF.

mod containers;
mod debug;
mod ops;
mod values;

use crate::ir::{BinOp, CmpOp, Ty};
use crate::mir;
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

/// Emit a MIR program (after `mir::refcount`) into a new LLVM module.
pub fn generate<'ctx>(
    ctx: &'ctx Context,
    prog: &mir::Program,
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
    for f in prog.functions.iter() {
        l.function(f)?;
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

/// Where a MIR local lives.
#[derive(Clone, Copy)]
enum Slot<'ctx> {
    /// Assigned once: its value, once emitted.
    Ssa(Option<BasicValueEnum<'ctx>>),
    /// Assigned several times: a stack slot.
    Stack(PointerValue<'ctx>),
}

struct Lowerer<'ctx, 'p> {
    ctx: &'ctx Context,
    module: Module<'ctx>,
    b: Builder<'ctx>,
    prog: &'p mir::Program,
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
    cur_fn: Option<FunctionValue<'ctx>>,
    mf: Option<&'p mir::Function>,
    frame: Option<PointerValue<'ctx>>,
    slots: Vec<Slot<'ctx>>,
    blocks: Vec<BasicBlock<'ctx>>,
    entry_bb: Option<BasicBlock<'ctx>>,
    /// The frame's `line` as stored in memory on every path here (None:
    /// unknown), and the line the current code belongs to.
    stored_line: Option<u32>,
    line: Option<u32>,
    overflow_bb: Option<BasicBlock<'ctx>>,
    /// This function's frame depth (CPython's count of frames).
    depth: Option<IntValue<'ctx>>,
    /// Message tables of recursion checks, by content.
    rec_msgs: HashMap<Vec<&'static str>, GlobalValue<'ctx>>,
    /// Shared raise blocks for `//` and `%` by zero (CPython words them differently).
    zerodiv_bb: [Option<BasicBlock<'ctx>>; 2],
    /// Whether LLVM optimizes this build: at -O0 the reference-count
    /// helpers stay calls (inlining them doubles -O0's code and build).
    opts_optimized: bool,
}

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    fn new(
        ctx: &'ctx Context,
        module: Module<'ctx>,
        b: Builder<'ctx>,
        prog: &'p mir::Program,
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
            frame_prev: None,
            cur_fn: None,
            mf: None,
            frame: None,
            slots: Vec::new(),
            blocks: Vec::new(),
            entry_bb: None,
            stored_line: None,
            line: None,
            overflow_bb: None,
            depth: None,
            rec_msgs: HashMap::new(),
            zerodiv_bb: [None, None],
            opts_optimized: opts.optimized,
        }
    }

    fn ptr_t(&self) -> inkwell::types::PointerType<'ctx> {
        self.ctx.ptr_type(AddressSpace::default())
    }

    fn declare_all(&mut self) -> Result<()> {
        // Chunks come after every other function (`mir::build::build`).
        let first_chunk = self.prog.functions.iter().take_while(|f| !f.chunk).count();
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
            let fv = if f.chunk {
                // A piece of `<module>` (mir::build::chunks): takes the
                // `<module>` frame; never inlined back into `<module>`.
                let fty = self.ctx.void_type().fn_type(&[self.ptr_t().into()], false);
                let chunk_no = i - first_chunk;
                let fv = self.module.add_function(
                    &format!("mg_module_main.{chunk_no}"),
                    fty,
                    Some(Linkage::Internal),
                );
                fv.set_call_conventions(self.target.internal_call_conv.llvm_id());
                let noinline = inkwell::attributes::Attribute::get_named_enum_kind_id("noinline");
                fv.add_attribute(
                    inkwell::attributes::AttributeLoc::Function,
                    self.ctx.create_enum_attribute(noinline, 0),
                );
                fv
            } else if i == self.prog.module_fn {
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

    /// Emit one MIR function: its locals, the frame push and recursion
    /// check, then its blocks in reverse post-order.
    fn function(&mut self, f: &'p mir::Function) -> Result<()> {
        let fv = self.funcs[f.id];
        self.cur_fn = Some(fv);
        self.mf = Some(f);
        self.overflow_bb = None;
        self.zerodiv_bb = [None, None];
        self.frame = None;
        self.frame_prev = None;
        self.line = None;
        self.stored_line = None;
        if let Some(d) = &mut self.dbg {
            let params: Vec<Ty> = f.params.iter().map(|&p| f.locals[p].ty.clone()).collect();
            d.begin_function(
                fv,
                &f.name,
                f.line,
                !f.is_module || f.chunk,
                &params,
                &f.ret,
            );
        }
        let entry = self.ctx.append_basic_block(fv, "entry");
        self.entry_bb = Some(entry);
        self.b.position_at_end(entry);
        self.set_debug_loc(f.line, 0);
        // Locals: a stack slot for what is assigned more than once (and
        // for the variables: the debugger reads them there).
        let mut defs = vec![0usize; f.locals.len()];
        for blk in &f.blocks {
            for i in &blk.insts {
                for d in i.defs() {
                    defs[d] += 1;
                }
            }
        }
        self.slots = Vec::with_capacity(f.locals.len());
        for (i, l) in f.locals.iter().enumerate() {
            let stack = l.kind != mir::LocalKind::Temp || defs[i] != 1;
            let slot = if stack {
                let name = l.name.clone().unwrap_or_else(|| format!("t{i}"));
                let a = self.b.build_alloca(self.llty(&l.ty), &name)?;
                Slot::Stack(a)
            } else {
                Slot::Ssa(None)
            };
            self.slots.push(slot);
        }
        for (i, l) in f.locals.iter().enumerate() {
            if let Slot::Stack(a) = self.slots[i] {
                let init: BasicValueEnum = match f.params.iter().position(|&p| p == i) {
                    Some(k) => fv.get_nth_param(k as u32).unwrap(),
                    None => self.initial_value(&l.ty),
                };
                self.b.build_store(a, init)?;
                if l.kind == mir::LocalKind::Var {
                    if let Some(d) = &mut self.dbg {
                        let arg_no = f.params.iter().position(|&p| p == i).map(|p| p as u32 + 1);
                        d.declare_variable(
                            a,
                            l.name.as_deref().unwrap_or("_"),
                            &l.ty,
                            l.line,
                            arg_no,
                            entry,
                        );
                    }
                }
            }
        }
        if f.chunk {
            // A chunk runs in the `<module>` frame it is passed.
            let frame = fv.get_nth_param(0).unwrap().into_pointer_value();
            self.frame = Some(frame);
            let pd = self.b.build_struct_gep(self.frame_ty, frame, 3, "")?;
            let d = self.b.build_load(self.ctx.i32_type(), pd, "depth")?;
            self.depth = Some(d.into_int_value());
        } else {
            self.frame_push(f)?;
        }
        // The blocks.
        self.blocks = (0..f.blocks.len())
            .map(|i| self.ctx.append_basic_block(fv, &format!("bb{i}")))
            .collect();
        self.b.build_unconditional_branch(self.blocks[0])?;
        for b in rpo(f) {
            self.position(self.blocks[b]);
            let blk = &f.blocks[b];
            for inst in &blk.insts {
                self.set_debug_loc(inst.line, inst.col);
                self.inst(inst)?;
            }
            if blk.line != 0 {
                self.set_debug_loc(blk.line, blk.col);
            }
            self.terminator(&blk.term)?;
        }
        // Blocks nothing reaches are dropped.
        for bb in self.blocks.clone() {
            if bb.get_terminator().is_none() {
                unsafe { bb.delete() }.ok();
            }
        }
        Ok(())
    }

    /// Push the function's frame: prev, code ({file, func} constant), depth
    /// = the caller's + 1 (the list ends at the runtime's root frame, depth
    /// 0); RecursionError past the limit.
    fn frame_push(&mut self, f: &mir::Function) -> Result<()> {
        let frame = self.entry_alloca(self.frame_ty.into(), "frame")?;
        self.frame = Some(frame);
        let top_ptr = self.frame_top.as_pointer_value();
        let prev = self.b.build_load(self.ptr_t(), top_ptr, "prev")?;
        self.frame_prev = Some(prev);
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
        self.depth = Some(d1);
        // Past the limit the call fails before the frame is linked: as in
        // CPython 3.11 (`_Py_EnterRecursivePy` fails before the frame runs),
        // the traceback ends at the caller's line.
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
        let p0 = self.b.build_struct_gep(self.frame_ty, frame, 0, "")?;
        self.b.build_store(p0, prev)?;
        let code = self.code_record(&f.name);
        let p1 = self.b.build_struct_gep(self.frame_ty, frame, 1, "")?;
        self.b.build_store(p1, code)?;
        let p3 = self.b.build_struct_gep(self.frame_ty, frame, 3, "")?;
        self.b.build_store(p3, d1)?;
        self.b.build_store(top_ptr, frame)?;
        self.set_line(f.line)?;
        Ok(())
    }

    fn terminator(&mut self, t: &mir::Term) -> Result<()> {
        match t {
            mir::Term::Goto(b) => {
                self.b.build_unconditional_branch(self.blocks[*b])?;
            }
            mir::Term::Branch(c, a, b) => {
                let cv = self.operand(c)?.into_int_value();
                self.b
                    .build_conditional_branch(cv, self.blocks[*a], self.blocks[*b])?;
            }
            mir::Term::Return(v) => {
                let rv = match v {
                    Some(o) => Some(self.operand(o)?),
                    None => None,
                };
                self.frame_pop()?;
                match rv {
                    Some(v) => self.b.build_return(Some(&v))?,
                    None => self.b.build_return(None)?,
                };
            }
            mir::Term::Propagate => {
                // Until exceptions propagate (the runtime's raise exits),
                // nothing reaches here.
                self.frame_pop()?;
                let f = self.mf.unwrap();
                match &f.ret {
                    Ty::None => self.b.build_return(None)?,
                    t => {
                        let z = self.llty(t).const_zero();
                        self.b.build_return(Some(&z))?
                    }
                };
            }
            mir::Term::Unreachable => {
                self.b.build_unreachable()?;
            }
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
        &mut self,
        name: &str,
        ret: Option<BasicTypeEnum<'ctx>>,
        params: &[BasicTypeEnum<'ctx>],
    ) -> FunctionValue<'ctx> {
        if let Some(f) = self.module.get_function(name) {
            return f;
        }
        if let Some(id) = crate::primitives::lookup(name) {
            return self.prim_decl(crate::primitives::row(id));
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

    fn frame_pop(&mut self) -> Result<()> {
        // The caller's frame, as loaded at entry (a frame's `prev` never
        // changes): one store. A chunk pushed none.
        let Some(prev) = self.frame_prev else {
            return Ok(());
        };
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

    // ---- statements -------------------------------------------------------

    // ---- expressions ------------------------------------------------------

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
        line: u32,
        pow_const: Option<f64>,
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
                        self.set_line(line)?;
                        let z = self.b.build_float_compare(
                            FloatPredicate::OEQ,
                            b,
                            self.ctx.f64_type().const_zero(),
                            "",
                        )?;
                        self.raise_if(z, "ZeroDivisionError", Some("float division by zero"))?;
                        self.b.build_float_div(a, b, "")?.into()
                    }
                    BinOp::Pow if pow_const.is_some() => {
                        self.set_line(line)?;
                        self.float_pow_const(a, b, pow_const.unwrap())?
                    }
                    BinOp::FloorDiv | BinOp::Mod | BinOp::Pow => {
                        self.set_line(line)?;
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
                        self.set_line(line)?;
                        let (v, o) = self.int_overflow_op(name, a, b)?;
                        let ob = self.overflow_block()?;
                        self.branch_to_if(o, ob)?;
                        v.into()
                    }
                    BinOp::Div => {
                        self.set_line(line)?;
                        self.call_rt("mg_int_truediv", Some(self.t_f64()), &[l, r])?
                            .unwrap()
                    }
                    BinOp::FloorDiv | BinOp::Mod => {
                        self.set_line(line)?;
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
                        self.set_line(line)?;
                        self.call_rt("mg_int_pow", Some(self.t_i64()), &[l, r])?
                            .unwrap()
                    }
                    BinOp::BitAnd => self.b.build_and(a, b, "")?.into(),
                    BinOp::BitOr => self.b.build_or(a, b, "")?.into(),
                    BinOp::BitXor => self.b.build_xor(a, b, "")?.into(),
                    BinOp::LShift | BinOp::RShift => {
                        self.set_line(line)?;
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

/// The blocks of `f` reachable from its entry, in reverse post-order
/// (every block after the blocks that dominate it).
fn rpo(f: &mir::Function) -> Vec<mir::BlockId> {
    let n = f.blocks.len();
    let mut seen = vec![false; n];
    let mut post = Vec::with_capacity(n);
    // Iterative DFS: (block, next successor index).
    let succs = |b: usize| -> Vec<usize> {
        let blk = &f.blocks[b];
        let mut v: Vec<usize> = Vec::new();
        for i in &blk.insts {
            if let Some(e) = i.err {
                v.push(e);
            }
        }
        match &blk.term {
            mir::Term::Goto(x) => v.push(*x),
            mir::Term::Branch(_, x, y) => {
                v.push(*x);
                v.push(*y);
            }
            _ => {}
        }
        v
    };
    let mut stack = vec![(0usize, succs(0), 0usize)];
    seen[0] = true;
    while let Some((b, ss, k)) = stack.pop() {
        if k < ss.len() {
            let s = ss[k];
            stack.push((b, ss, k + 1));
            if !seen[s] {
                seen[s] = true;
                let t = succs(s);
                stack.push((s, t, 0));
            }
        } else {
            post.push(b);
        }
    }
    post.reverse();
    post
}
