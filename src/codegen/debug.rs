//! DWARF for generated code: compile unit, subprograms, locations, and
//! variables with their Python types. `codegen` calls into this module only
//! through `DebugInfo`; with `-g` off there is no `DebugInfo` at all.

use crate::ir::Ty;
use crate::target::Target;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::debug_info::{
    AsDIScope, DICompileUnit, DIFlags, DIFlagsConstants, DIScope, DISubprogram, DIType,
    DWARFEmissionKind, DWARFSourceLanguage, DebugInfoBuilder,
};
use inkwell::module::{FlagBehavior, Module};
use inkwell::values::{FunctionValue, PointerValue};

// DWARF base type encodings (DW_ATE_*).
const DW_ATE_BOOLEAN: u32 = 0x02;
const DW_ATE_FLOAT: u32 = 0x04;
const DW_ATE_SIGNED: u32 = 0x05;
const DW_ATE_SIGNED_CHAR: u32 = 0x06;

pub struct DebugInfo<'ctx> {
    ctx: &'ctx Context,
    dib: DebugInfoBuilder<'ctx>,
    cu: DICompileUnit<'ctx>,
    pointer_bits: u64,
    optimized: bool,
    /// The function being lowered.
    sp: Option<DISubprogram<'ctx>>,
    /// Lexical scopes inside the current function (innermost last); the
    /// function body itself is the subprogram's scope.
    scopes: Vec<DIScope<'ctx>>,
    /// `str`: a typedef of a pointer to the runtime's `MgStr`, built once.
    str_ty: Option<DIType<'ctx>>,
    /// The target's layout, for tuple field offsets.
    td: inkwell::targets::TargetData,
}

impl<'ctx> DebugInfo<'ctx> {
    /// Module flags and the compile unit (language Python, producer
    /// `mgen <version>`).
    pub fn new(
        ctx: &'ctx Context,
        module: &Module<'ctx>,
        target: &Target,
        source_name: &str,
        source_dir: &str,
        optimized: bool,
    ) -> Self {
        module.add_basic_value_flag(
            "Debug Info Version",
            FlagBehavior::Warning,
            ctx.i32_type().const_int(3, false),
        );
        module.add_basic_value_flag(
            "Dwarf Version",
            FlagBehavior::Warning,
            ctx.i32_type().const_int(target.dwarf_version as u64, false),
        );
        let (dib, cu) = module.create_debug_info_builder(
            true,
            DWARFSourceLanguage::Python,
            source_name,
            source_dir,
            concat!("mgen ", env!("CARGO_PKG_VERSION")),
            optimized,
            "",
            0,
            "",
            DWARFEmissionKind::Full,
            0,
            false,
            false,
            "",
            "",
        );
        DebugInfo {
            ctx,
            dib,
            cu,
            pointer_bits: target.pointer_width as u64,
            optimized,
            sp: None,
            scopes: Vec::new(),
            str_ty: None,
            td: inkwell::targets::TargetData::create(&target.data_layout),
        }
    }

    /// The LLVM type of a container slot / tuple field (as `Lowerer::slot_ty`).
    fn slot_llty(&self, t: &Ty) -> inkwell::types::BasicTypeEnum<'ctx> {
        use inkwell::types::BasicType;
        match t {
            Ty::Int => self.ctx.i64_type().into(),
            Ty::Float => self.ctx.f64_type().into(),
            Ty::Bool => self.ctx.i8_type().into(),
            Ty::Tuple(ts) => {
                let fs: Vec<_> = ts.iter().map(|f| self.slot_llty(f)).collect();
                self.ctx.struct_type(&fs, false).as_basic_type_enum()
            }
            _ => self.ctx.ptr_type(inkwell::AddressSpace::default()).into(),
        }
    }

    /// A tuple as a struct whose members are named by position (`[0]`, `[1]`).
    fn tuple_type(&mut self, t: &Ty) -> Option<DIType<'ctx>> {
        let Ty::Tuple(ts) = t else { return None };
        let st = self.slot_llty(t).into_struct_type();
        let file = self.cu.get_file();
        let scope = self.cu.as_debug_info_scope();
        let mut members = Vec::new();
        for (i, ft) in ts.iter().enumerate() {
            let fty = self.ty(ft)?;
            let bits = self.td.get_bit_size(&self.slot_llty(ft));
            let off = self.td.offset_of_element(&st, i as u32).unwrap_or(0) * 8;
            members.push(
                self.dib
                    .create_member_type(
                        scope,
                        &format!("[{i}]"),
                        file,
                        0,
                        bits,
                        0,
                        off,
                        DIFlags::ZERO,
                        fty,
                    )
                    .as_type(),
            );
        }
        let size = self.td.get_bit_size(&st);
        let align = self.td.get_abi_alignment(&st) * 8;
        let name = t.name();
        Some(
            self.dib
                .create_struct_type(
                    scope,
                    &name,
                    file,
                    0,
                    size,
                    align,
                    DIFlags::ZERO,
                    None,
                    &members,
                    0,
                    None,
                    &name,
                )
                .as_type(),
        )
    }

    fn basic(&self, name: &str, bits: u64, enc: u32) -> DIType<'ctx> {
        self.dib
            .create_basic_type(name, bits, enc, DIFlags::ZERO)
            .expect("valid basic type")
            .as_type()
    }

    /// The DWARF type of a Python type; `None` for `None` (no value).
    fn ty(&mut self, t: &Ty) -> Option<DIType<'ctx>> {
        Some(match t {
            Ty::Int => self.basic("int", 64, DW_ATE_SIGNED),
            Ty::Float => self.basic("float", 64, DW_ATE_FLOAT),
            Ty::Bool => self.basic("bool", 8, DW_ATE_BOOLEAN),
            Ty::Str => self.str_type(),
            Ty::None => return None,
            // Containers: a named pointer (the printers in
            // sysroots/gdb/ can grow to show the elements).
            Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => {
                // A typedef named as Python spells the type (`list[int]`),
                // of a pointer: sysroots/gdb/mgen_printers.py matches the
                // name and prints the value's repr.
                let ch = self.basic("char", 8, DW_ATE_SIGNED_CHAR);
                let ptr = self
                    .dib
                    .create_pointer_type(
                        "",
                        ch,
                        self.pointer_bits,
                        self.pointer_bits as u32,
                        inkwell::AddressSpace::default(),
                    )
                    .as_type();
                let file = self.cu.get_file();
                let scope = self.cu.as_debug_info_scope();
                self.dib
                    .create_typedef(ptr, &t.name(), file, 0, scope, self.pointer_bits as u32)
                    .as_type()
            }
            Ty::Tuple(_) => return self.tuple_type(t),
        })
    }

    /// `typedef struct MgStr *str;` with `MgStr` as in runtime/mgen_rt.h:
    /// `{int64_t rc; int64_t len; int64_t nchars; char data[];}`. gdb shows
    /// the fields as they are; `sysroots/gdb/mgen_printers.py` prints the
    /// text (it matches the typedef name `str`).
    fn str_type(&mut self) -> DIType<'ctx> {
        if let Some(t) = self.str_ty {
            return t;
        }
        let file = self.cu.get_file();
        let scope = self.cu.as_debug_info_scope();
        let i64t = self.basic("int64_t", 64, DW_ATE_SIGNED);
        let ch = self.basic("char", 8, DW_ATE_SIGNED_CHAR);
        // A flexible array member: count -1 means "unknown".
        let data_ty = self.dib.create_array_type(ch, 0, 8, &[0..-1]).as_type();
        let member = |name: &str, ty: DIType<'ctx>, bits: u64, offset: u64| {
            self.dib
                .create_member_type(scope, name, file, 0, bits, 0, offset, DIFlags::ZERO, ty)
                .as_type()
        };
        let fields = [
            member("rc", i64t, 64, 0),
            member("len", i64t, 64, 64),
            member("nchars", i64t, 64, 128),
            member("data", data_ty, 0, 192),
        ];
        let st = self
            .dib
            .create_struct_type(
                scope,
                "MgStr",
                file,
                0,
                192,
                64,
                DIFlags::ZERO,
                None,
                &fields,
                0,
                None,
                "MgStr",
            )
            .as_type();
        let ptr = self
            .dib
            .create_pointer_type(
                "",
                st,
                self.pointer_bits,
                self.pointer_bits as u32,
                inkwell::AddressSpace::default(),
            )
            .as_type();
        let t = self
            .dib
            .create_typedef(ptr, "str", file, 0, scope, self.pointer_bits as u32)
            .as_type();
        self.str_ty = Some(t);
        t
    }

    /// Start a function: its subprogram (named with the Python name and no
    /// separate linkage name, so debuggers show `f`, not `py.__main__:f`), made
    /// current. `params` and `ret` give the subroutine type.
    pub fn begin_function(
        &mut self,
        fv: FunctionValue<'ctx>,
        name: &str,
        line: u32,
        local_to_unit: bool,
        params: &[Ty],
        ret: &Ty,
    ) {
        let file = self.cu.get_file();
        let ret_ty = self.ty(ret);
        let param_tys: Vec<DIType<'ctx>> = params.iter().filter_map(|t| self.ty(t)).collect();
        let sty = self
            .dib
            .create_subroutine_type(file, ret_ty, &param_tys, DIFlags::PUBLIC);
        let sp = self.dib.create_function(
            file.as_debug_info_scope(),
            name,
            None,
            file,
            line,
            sty,
            local_to_unit,
            true,
            line,
            DIFlags::PUBLIC | DIFlags::PROTOTYPED,
            self.optimized,
        );
        fv.set_subprogram(sp);
        self.sp = Some(sp);
        self.scopes.clear();
    }

    /// Set the builder's location to `line:col` in the current function.
    pub fn set_location(&self, b: &Builder<'ctx>, line: u32, col: u32) {
        if let Some(sp) = self.sp {
            let scope = self
                .scopes
                .last()
                .copied()
                .unwrap_or_else(|| sp.as_debug_info_scope());
            let loc = self
                .dib
                .create_debug_location(self.ctx, line, col, scope, None);
            b.set_current_debug_location(loc);
        }
    }

    /// Describe a local (or parameter `arg_no`, 1-based) living in `slot`.
    pub fn declare_variable(
        &mut self,
        slot: PointerValue<'ctx>,
        name: &str,
        ty: &Ty,
        line: u32,
        arg_no: Option<u32>,
        block: BasicBlock<'ctx>,
    ) {
        let Some(sp) = self.sp else { return };
        let file = self.cu.get_file();
        let Some(dty) = self.ty(ty) else { return };
        let var = match arg_no {
            Some(n) => self.dib.create_parameter_variable(
                sp.as_debug_info_scope(),
                name,
                n,
                file,
                line,
                dty,
                true,
                DIFlags::ZERO,
            ),
            None => self.dib.create_auto_variable(
                sp.as_debug_info_scope(),
                name,
                file,
                line,
                dty,
                true,
                DIFlags::ZERO,
                0,
            ),
        };
        let loc = self
            .dib
            .create_debug_location(self.ctx, line, 0, sp.as_debug_info_scope(), None);
        self.dib
            .insert_declare_at_end(slot, Some(var), None, loc, block);
    }

    pub fn finalize(&self) {
        self.dib.finalize();
    }
}
