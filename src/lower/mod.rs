//! Stage 3: lower the typed IR to LLVM IR (with inkwell).
//!
//! Representation: int = i64, float = double, bool = i1, str = ptr to an
//! `MgStr` (see runtime/mgen_rt.h). Every generated function keeps an
//! `MgFrame` on its stack, linked through `mg_frame_top`, so the runtime can
//! print a CPython-style traceback; the frame's line is stored before each
//! operation that can raise. Calls into the runtime use the platform C
//! convention; generated functions call each other with the descriptor's
//! internal convention.

mod debug;

use crate::ir::*;
use crate::target::Target;
use anyhow::Result;
use debug::DebugInfo;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::intrinsics::Intrinsic;
use inkwell::module::{Linkage, Module};
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
    pub target: &'a Target,
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

struct Lowerer<'ctx, 'p> {
    ctx: &'ctx Context,
    module: Module<'ctx>,
    b: Builder<'ctx>,
    prog: &'p Program,
    target: &'p Target,
    dbg: Option<DebugInfo<'ctx>>,
    funcs: Vec<FunctionValue<'ctx>>,
    globals: Vec<GlobalValue<'ctx>>,
    strings: HashMap<String, PointerValue<'ctx>>,
    cstrings: HashMap<String, PointerValue<'ctx>>,
    str_hdr: StructType<'ctx>,
    frame_ty: StructType<'ctx>,
    frame_top: GlobalValue<'ctx>,
    depth: GlobalValue<'ctx>,
    // per-function state
    cur_fn: Option<FunctionValue<'ctx>>,
    frame: Option<PointerValue<'ctx>>,
    locals: Vec<PointerValue<'ctx>>,
    loops: Vec<(BasicBlock<'ctx>, BasicBlock<'ctx>)>,
    stored_line: Option<u32>,
    overflow_bb: Option<BasicBlock<'ctx>>,
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
        let frame_ty = ctx.struct_type(
            &[ptr.into(), ptr.into(), ptr.into(), ctx.i32_type().into()],
            false,
        );
        let frame_top = module.add_global(ptr, None, "mg_frame_top");
        frame_top.set_linkage(Linkage::External);
        let depth = module.add_global(ctx.i32_type(), None, "mg_depth");
        depth.set_linkage(Linkage::Internal);
        depth.set_initializer(&ctx.i32_type().const_int(0, false));
        Lowerer {
            ctx,
            module,
            b,
            prog,
            target: opts.target,
            dbg,
            funcs: Vec::new(),
            globals: Vec::new(),
            strings: HashMap::new(),
            cstrings: HashMap::new(),
            str_hdr,
            frame_ty,
            frame_top,
            depth,
            cur_fn: None,
            frame: None,
            locals: Vec::new(),
            loops: Vec::new(),
            stored_line: None,
            overflow_bb: None,
            zerodiv_bb: [None, None],
        }
    }

    fn llty(&self, t: Ty) -> BasicTypeEnum<'ctx> {
        match t {
            Ty::Int => self.ctx.i64_type().into(),
            Ty::Float => self.ctx.f64_type().into(),
            Ty::Bool => self.ctx.bool_type().into(),
            Ty::Str => self.ctx.ptr_type(AddressSpace::default()).into(),
            Ty::None => unreachable!("None has no value representation"),
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
                .map(|&p| self.llty(f.locals[p].ty).into())
                .collect();
            let fty = match f.ret {
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
                let fv = self.module.add_function(
                    &format!("py.{}", f.name),
                    fty,
                    Some(Linkage::Internal),
                );
                fv.set_call_conventions(self.target.internal_call_conv.llvm_id());
                fv
            };
            self.funcs.push(fv);
        }
        for (i, g) in self.prog.globals.iter().enumerate() {
            let ty = self.llty(g.ty);
            let gv = self
                .module
                .add_global(ty, None, &format!("py.g.{}", g.name));
            gv.set_linkage(Linkage::Internal);
            let init: BasicValueEnum = match g.ty {
                Ty::Str => self.str_const("").into(),
                Ty::Int => self.ctx.i64_type().const_zero().into(),
                Ty::Float => self.ctx.f64_type().const_zero().into(),
                Ty::Bool => self.ctx.bool_type().const_zero().into(),
                Ty::None => unreachable!(),
            };
            gv.set_initializer(&init);
            let _ = i;
            self.globals.push(gv);
        }
        Ok(())
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

    /// Record `line` in the frame before something that can raise.
    fn set_line(&mut self, line: u32) -> Result<()> {
        if self.stored_line == Some(line) {
            return Ok(());
        }
        let f = self.frame.unwrap();
        let p = self.b.build_struct_gep(self.frame_ty, f, 3, "line")?;
        self.b
            .build_store(p, self.ctx.i32_type().const_int(line as u64, false))?;
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

    fn overflow_block(&mut self) -> Result<BasicBlock<'ctx>> {
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

    fn zerodiv_block(&mut self, modulo: bool) -> Result<BasicBlock<'ctx>> {
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

    fn function(&mut self, id: FuncId, f: &Function) -> Result<()> {
        let fv = self.funcs[id];
        self.cur_fn = Some(fv);
        self.overflow_bb = None;
        self.zerodiv_bb = [None, None];
        self.loops.clear();
        let is_module = id == self.prog.module_fn;
        if let Some(d) = &mut self.dbg {
            let params: Vec<Ty> = f.params.iter().map(|&p| f.locals[p].ty).collect();
            d.begin_function(fv, &f.name, f.line, !is_module, &params, f.ret);
        }
        let entry = self.ctx.append_basic_block(fv, "entry");
        self.position(entry);
        self.set_debug_loc(f.line, 1);
        // Locals: one stack slot each (mem2reg promotes them).
        self.locals.clear();
        for v in &f.locals {
            let ty = self.llty(v.ty);
            let slot = self.b.build_alloca(ty, &v.name)?;
            self.locals.push(slot);
        }
        for (i, v) in f.locals.iter().enumerate() {
            let init: BasicValueEnum = match f.params.iter().position(|&p| p == i) {
                Some(pi) => fv.get_nth_param(pi as u32).unwrap(),
                None => match v.ty {
                    Ty::Str => self.str_const("").into(),
                    t => self.llty(t).const_zero(),
                },
            };
            self.b.build_store(self.locals[i], init)?;
            if let Some(d) = &mut self.dbg {
                let arg_no = f.params.iter().position(|&p| p == i).map(|p| p as u32 + 1);
                d.declare_variable(self.locals[i], &v.name, v.ty, v.line, arg_no, entry);
            }
        }
        // Frame push.
        let frame = self.b.build_alloca(self.frame_ty, "frame")?;
        self.frame = Some(frame);
        let top_ptr = self.frame_top.as_pointer_value();
        let prev = self.b.build_load(self.ptr_t(), top_ptr, "prev")?;
        let p0 = self.b.build_struct_gep(self.frame_ty, frame, 0, "")?;
        self.b.build_store(p0, prev)?;
        let file = self.cstr(&self.prog.file.clone());
        let p1 = self.b.build_struct_gep(self.frame_ty, frame, 1, "")?;
        self.b.build_store(p1, file)?;
        let fname = self.cstr(&f.name);
        let p2 = self.b.build_struct_gep(self.frame_ty, frame, 2, "")?;
        self.b.build_store(p2, fname)?;
        self.b.build_store(top_ptr, frame)?;
        self.set_line(f.line)?;
        // Recursion depth, as CPython counts it.
        let d = self
            .b
            .build_load(self.ctx.i32_type(), self.depth.as_pointer_value(), "depth")?
            .into_int_value();
        let d1 = self
            .b
            .build_int_add(d, self.ctx.i32_type().const_int(1, false), "")?;
        self.b.build_store(self.depth.as_pointer_value(), d1)?;
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

        self.block(&f.body)?;
        if !self.terminated() {
            if f.ret == Ty::None {
                self.frame_pop()?;
                self.b.build_return(None)?;
            } else {
                self.raise("SystemError", Some("function fell off its end (mgen bug)"))?;
            }
        }
        Ok(())
    }

    fn frame_pop(&mut self) -> Result<()> {
        let frame = self.frame.unwrap();
        let p0 = self.b.build_struct_gep(self.frame_ty, frame, 0, "")?;
        let prev = self.b.build_load(self.ptr_t(), p0, "prev")?;
        self.b
            .build_store(self.frame_top.as_pointer_value(), prev)?;
        let d = self
            .b
            .build_load(self.ctx.i32_type(), self.depth.as_pointer_value(), "depth")?
            .into_int_value();
        let d1 = self
            .b
            .build_int_sub(d, self.ctx.i32_type().const_int(1, false), "")?;
        self.b.build_store(self.depth.as_pointer_value(), d1)?;
        Ok(())
    }

    fn place_ptr(&self, p: Place) -> PointerValue<'ctx> {
        match p {
            Place::Local(l) => self.locals[l],
            Place::Global(g) => self.globals[g].as_pointer_value(),
        }
    }

    fn place_ty(&self, p: Place) -> Ty {
        match p {
            Place::Local(l) => {
                let f = self.cur_fn_ir();
                f.locals[l].ty
            }
            Place::Global(g) => self.prog.globals[g].ty,
        }
    }

    fn cur_fn_ir(&self) -> &'p Function {
        let fv = self.cur_fn.unwrap();
        let idx = self.funcs.iter().position(|&f| f == fv).unwrap();
        &self.prog.functions[idx]
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

    fn stmt(&mut self, s: &Stmt) -> Result<()> {
        self.set_debug_loc(s.line, s.col);
        match &s.kind {
            StmtKind::Pass => {}
            StmtKind::Expr(e) => {
                self.expr_maybe(e)?;
            }
            StmtKind::Assign(p, e) => {
                let v = self.expr(e)?;
                self.b.build_store(self.place_ptr(*p), v)?;
            }
            StmtKind::MultiAssign(pairs) => {
                let mut vals = Vec::new();
                for (_, e) in pairs {
                    vals.push(self.expr(e)?);
                }
                for ((p, _), v) in pairs.iter().zip(vals) {
                    self.b.build_store(self.place_ptr(*p), v)?;
                }
            }
            StmtKind::If(c, then, els) => {
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
                let cv = self.expr(test)?.into_int_value();
                self.b.build_conditional_branch(cv, body_bb, else_bb)?;
                self.position(body_bb);
                self.loops.push((cond_bb, end));
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
            StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            } => self.for_range(s, *var, start, stop, step, body, orelse)?,
            StmtKind::Break => {
                let (_, brk) = *self.loops.last().expect("checked: break in loop");
                self.b.build_unconditional_branch(brk)?;
            }
            StmtKind::Continue => {
                let (cont, _) = *self.loops.last().expect("checked: continue in loop");
                self.b.build_unconditional_branch(cont)?;
            }
            StmtKind::Return(v) => {
                let val = match v {
                    Some(e) => Some(self.expr(e)?),
                    None => None,
                };
                self.frame_pop()?;
                match val {
                    Some(v) => self.b.build_return(Some(&v))?,
                    None => self.b.build_return(None)?,
                };
            }
            StmtKind::Assert(test, msg) => {
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
                let mut vals = Vec::new();
                for a in args {
                    vals.push((a.ty, self.expr(a)?));
                }
                let sepv = match sep {
                    Some(e) => Some(self.expr(e)?),
                    None => None,
                };
                let endv = match end {
                    Some(e) => Some(self.expr(e)?),
                    None => None,
                };
                for (i, (ty, v)) in vals.into_iter().enumerate() {
                    if i > 0 {
                        self.write_str_or(sepv, " ")?;
                    }
                    let f = match ty {
                        Ty::Int => "mg_write_int",
                        Ty::Float => "mg_write_float",
                        Ty::Bool => "mg_write_bool",
                        Ty::Str => "mg_write_str",
                        Ty::None => unreachable!(),
                    };
                    self.call_rt(f, None, &[v])?;
                }
                self.write_str_or(endv, "\n")?;
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

    #[allow(clippy::too_many_arguments)]
    fn for_range(
        &mut self,
        s: &Stmt,
        var: Place,
        start: &Expr,
        stop: &Expr,
        step: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> Result<()> {
        let i64t = self.ctx.i64_type();
        let startv = self.expr(start)?.into_int_value();
        let stopv = self.expr(stop)?.into_int_value();
        let stepv = self.expr(step)?.into_int_value();
        if !matches!(step.kind, ExprKind::Int(_)) {
            self.set_line(s.line)?;
            let z = self
                .b
                .build_int_compare(IntPredicate::EQ, stepv, i64t.const_zero(), "")?;
            self.raise_if(z, "ValueError", Some("range() arg 3 must not be zero"))?;
        }
        let cur = self.b.build_alloca(i64t, "range.cur")?;
        self.b.build_store(cur, startv)?;
        let cond_bb = self.new_block("for.cond");
        let body_bb = self.new_block("for.body");
        let inc_bb = self.new_block("for.inc");
        let else_bb = self.new_block("for.else");
        let end = self.new_block("for.end");
        self.b.build_unconditional_branch(cond_bb)?;
        self.position(cond_bb);
        let c = self.b.build_load(i64t, cur, "")?.into_int_value();
        let cond = match step.kind {
            ExprKind::Int(k) if k > 0 => {
                self.b.build_int_compare(IntPredicate::SLT, c, stopv, "")?
            }
            ExprKind::Int(_) => self.b.build_int_compare(IntPredicate::SGT, c, stopv, "")?,
            _ => {
                let up =
                    self.b
                        .build_int_compare(IntPredicate::SGT, stepv, i64t.const_zero(), "")?;
                let lt = self.b.build_int_compare(IntPredicate::SLT, c, stopv, "")?;
                let gt = self.b.build_int_compare(IntPredicate::SGT, c, stopv, "")?;
                self.b.build_select(up, lt, gt, "")?.into_int_value()
            }
        };
        self.b.build_conditional_branch(cond, body_bb, else_bb)?;
        self.position(body_bb);
        self.b.build_store(self.place_ptr(var), c)?;
        self.loops.push((inc_bb, end));
        self.block(body)?;
        self.loops.pop();
        if !self.terminated() {
            self.b.build_unconditional_branch(inc_bb)?;
        }
        self.position(inc_bb);
        // The next value; on overflow it is past any representable stop.
        let c = self.b.build_load(i64t, cur, "")?.into_int_value();
        let (next, ovf) = self.int_overflow_op("llvm.sadd.with.overflow", c, stepv)?;
        self.b.build_store(cur, next)?;
        self.b.build_conditional_branch(ovf, else_bb, cond_bb)?;
        self.position(else_bb);
        self.block(orelse)?;
        if !self.terminated() {
            self.b.build_unconditional_branch(end)?;
        }
        self.position(end);
        Ok(())
    }

    // ---- expressions ------------------------------------------------------

    fn expr_maybe(&mut self, e: &Expr) -> Result<Option<BasicValueEnum<'ctx>>> {
        if let ExprKind::Call(fid, args) = &e.kind {
            return self.call(e, *fid, args);
        }
        Ok(Some(self.expr(e)?))
    }

    fn expr(&mut self, e: &Expr) -> Result<BasicValueEnum<'ctx>> {
        let i64t = self.ctx.i64_type();
        let f64t = self.ctx.f64_type();
        Ok(match &e.kind {
            ExprKind::Int(v) => i64t.const_int(*v as u64, true).into(),
            ExprKind::Float(v) => f64t.const_float(*v).into(),
            ExprKind::Bool(v) => self.ctx.bool_type().const_int(*v as u64, false).into(),
            ExprKind::Str(s) => self.str_const(s).into(),
            ExprKind::Load(p) => {
                let ty = self.llty(self.place_ty(*p));
                self.b.build_load(ty, self.place_ptr(*p), "")?
            }
            ExprKind::Binary(op, l, r) => {
                let lv = self.expr(l)?;
                let rv = self.expr(r)?;
                self.binary(e, *op, l.ty, lv, rv)?
            }
            ExprKind::Unary(op, v) => {
                let x = self.expr(v)?;
                match (op, v.ty) {
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
                let av = self.expr(a)?;
                let t = self.truthy(a.ty, av)?;
                let from = self.b.get_insert_block().unwrap();
                let rhs = self.new_block(if is_and { "and.rhs" } else { "or.rhs" });
                let end = self.new_block("bool.end");
                if is_and {
                    self.b.build_conditional_branch(t, rhs, end)?;
                } else {
                    self.b.build_conditional_branch(t, end, rhs)?;
                }
                self.position(rhs);
                let bv = self.expr(b)?;
                let rhs_end = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(end)?;
                self.position(end);
                let phi = self.b.build_phi(self.llty(e.ty), "")?;
                phi.add_incoming(&[(&av, from), (&bv, rhs_end)]);
                phi.as_basic_value()
            }
            ExprKind::Not(v) => {
                let x = self.expr(v)?.into_int_value();
                self.b.build_not(x, "")?.into()
            }
            ExprKind::IfExp(c, a, b) => {
                let cv = self.expr(c)?.into_int_value();
                let tb = self.new_block("ifx.then");
                let eb = self.new_block("ifx.else");
                let end = self.new_block("ifx.end");
                self.b.build_conditional_branch(cv, tb, eb)?;
                self.position(tb);
                let av = self.expr(a)?;
                let a_end = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(end)?;
                self.position(eb);
                let bv = self.expr(b)?;
                let b_end = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(end)?;
                self.position(end);
                let phi = self.b.build_phi(self.llty(e.ty), "")?;
                phi.add_incoming(&[(&av, a_end), (&bv, b_end)]);
                phi.as_basic_value()
            }
            ExprKind::Call(fid, args) => match self.call(e, *fid, args)? {
                Some(v) => v,
                None => unreachable!("checked: None call used as value"),
            },
            ExprKind::Builtin(b, args) => self.builtin(e, *b, args)?,
            ExprKind::Truthy(v) => {
                let x = self.expr(v)?;
                self.truthy(v.ty, x)?.into()
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
        })
    }

    fn call(
        &mut self,
        e: &Expr,
        fid: FuncId,
        args: &[Expr],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let mut vals: Vec<BasicMetadataValueEnum> = Vec::new();
        for a in args {
            vals.push(self.expr(a)?.into());
        }
        self.set_line(e.line)?;
        self.set_debug_loc(e.line, e.col);
        let cs = self.b.build_call(self.funcs[fid], &vals, "")?;
        cs.set_call_convention(self.target.internal_call_conv.llvm_id());
        Ok(match cs.try_as_basic_value() {
            ValueKind::Basic(v) => Some(v),
            _ => None,
        })
    }

    fn truthy(&mut self, ty: Ty, v: BasicValueEnum<'ctx>) -> Result<IntValue<'ctx>> {
        Ok(match ty {
            Ty::Bool => v.into_int_value(),
            Ty::Int => self.b.build_int_compare(
                IntPredicate::NE,
                v.into_int_value(),
                self.ctx.i64_type().const_zero(),
                "",
            )?,
            Ty::Float => self.b.build_float_compare(
                FloatPredicate::UNE,
                v.into_float_value(),
                self.ctx.f64_type().const_zero(),
                "",
            )?,
            Ty::Str => {
                let n = self.str_len_bytes(v.into_pointer_value())?;
                self.b.build_int_compare(
                    IntPredicate::NE,
                    n,
                    self.ctx.i64_type().const_zero(),
                    "",
                )?
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
        ty: Ty,
        l: BasicValueEnum<'ctx>,
        r: BasicValueEnum<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let i64t = self.ctx.i64_type();
        match ty {
            Ty::Str => {
                self.set_line(e.line)?;
                let v = match op {
                    BinOp::Add => self.call_rt("mg_str_concat", Some(self.t_ptr()), &[l, r])?,
                    BinOp::Mul => self.call_rt("mg_str_repeat", Some(self.t_ptr()), &[l, r])?,
                    _ => unreachable!(),
                };
                Ok(v.unwrap())
            }
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
                        if op == BinOp::FloorDiv {
                            let q1 = self.b.build_int_sub(q, i64t.const_int(1, false), "")?;
                            self.b.build_select(adj, q1, q, "")?
                        } else {
                            let r1 = self.b.build_int_add(rm, b, "")?;
                            self.b.build_select(adj, r1, rm, "")?
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
            Ty::None => unreachable!(),
        }
    }

    fn compare_chain(
        &mut self,
        left: &Expr,
        pairs: &[(CmpOp, Expr)],
    ) -> Result<BasicValueEnum<'ctx>> {
        let mut lv = self.expr(left)?;
        let mut lty = left.ty;
        if pairs.len() == 1 {
            let (op, r) = &pairs[0];
            let rv = self.expr(r)?;
            return Ok(self.compare(*op, lty, lv, r.ty, rv, r.line)?.into());
        }
        let end = self.new_block("cmp.end");
        let mut incoming: Vec<(IntValue<'ctx>, BasicBlock<'ctx>)> = Vec::new();
        for (i, (op, r)) in pairs.iter().enumerate() {
            let rv = self.expr(r)?;
            let c = self.compare(*op, lty, lv, r.ty, rv, r.line)?;
            let here = self.b.get_insert_block().unwrap();
            if i + 1 == pairs.len() {
                incoming.push((c, here));
                self.b.build_unconditional_branch(end)?;
            } else {
                incoming.push((self.ctx.bool_type().const_zero(), here));
                let next = self.new_block("cmp.next");
                self.b.build_conditional_branch(c, next, end)?;
                self.position(next);
            }
            lv = rv;
            lty = r.ty;
        }
        self.position(end);
        let phi = self.b.build_phi(self.ctx.bool_type(), "")?;
        for (v, bb) in &incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        Ok(phi.as_basic_value())
    }

    fn compare(
        &mut self,
        op: CmpOp,
        lt: Ty,
        l: BasicValueEnum<'ctx>,
        rt: Ty,
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
        if lt == Ty::Str {
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
            |s: &mut Self, t: Ty, v: BasicValueEnum<'ctx>| -> Result<(Ty, BasicValueEnum<'ctx>)> {
                if t == Ty::Bool {
                    Ok((
                        Ty::Int,
                        s.b.build_int_z_extend(v.into_int_value(), i64t, "")?.into(),
                    ))
                } else {
                    Ok((t, v))
                }
            };
        if lt == Ty::Bool && rt == Ty::Bool {
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
        Ok(match (lt, rt) {
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

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Result<BasicValueEnum<'ctx>> {
        let mut vals = Vec::new();
        for a in args {
            vals.push(self.expr(a)?);
        }
        let ptr = self.t_ptr();
        Ok(match b {
            Builtin::Str => {
                let name = match args[0].ty {
                    Ty::Int => "mg_str_from_int",
                    Ty::Float => "mg_str_from_float",
                    Ty::Bool => "mg_str_from_bool",
                    Ty::Str => return Ok(vals[0]),
                    Ty::None => unreachable!(),
                };
                self.call_rt(name, Some(ptr), &vals)?.unwrap()
            }
            Builtin::IntFromFloat => {
                self.set_line(e.line)?;
                self.call_rt("mg_int_from_float", Some(self.t_i64()), &vals)?
                    .unwrap()
            }
            Builtin::IntFromStr => {
                self.set_line(e.line)?;
                self.call_rt("mg_int_from_str", Some(self.t_i64()), &vals)?
                    .unwrap()
            }
            Builtin::FloatFromStr => {
                self.set_line(e.line)?;
                self.call_rt("mg_float_from_str", Some(self.t_f64()), &vals)?
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
                let ty = args[0].ty;
                let mut best = vals[0];
                for v in vals.iter().skip(1) {
                    let better = self.compare(op, ty, *v, ty, best, e.line)?;
                    best = self.b.build_select(better, *v, best, "")?;
                }
                best
            }
            Builtin::Len => {
                let p =
                    self.b
                        .build_struct_gep(self.str_hdr, vals[0].into_pointer_value(), 2, "")?;
                self.b.build_load(self.ctx.i64_type(), p, "nchars")?
            }
            Builtin::StrIndex => {
                self.set_line(e.line)?;
                self.call_rt("mg_str_index", Some(ptr), &vals)?.unwrap()
            }
        })
    }
}
