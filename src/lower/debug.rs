//! DWARF for generated code: compile unit, subprograms, locations, and
//! variables with their Python types. `lower` calls into this module only
//! through `DebugInfo`; with `-g` off there is no `DebugInfo` at all.

use crate::ir::Ty;
use crate::target::Target;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::debug_info::{
    AsDIScope, DICompileUnit, DIFlags, DIFlagsConstants, DISubprogram, DIType, DWARFEmissionKind,
    DWARFSourceLanguage, DebugInfoBuilder,
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
        }
    }

    fn ty(&self, t: &Ty) -> DIType<'ctx> {
        let basic = |name: &str, bits: u64, enc: u32| {
            self.dib
                .create_basic_type(name, bits, enc, DIFlags::ZERO)
                .expect("valid basic type")
                .as_type()
        };
        match t {
            Ty::Int => basic("int", 64, DW_ATE_SIGNED),
            Ty::Float => basic("float", 64, DW_ATE_FLOAT),
            Ty::Bool => basic("bool", 8, DW_ATE_BOOLEAN),
            _ => {
                // str is a pointer to the runtime's MgStr; shown as `char *`
                // at its text (data) until a pretty-printer takes over.
                let ch = basic("char", 8, DW_ATE_SIGNED_CHAR);
                self.dib
                    .create_pointer_type(
                        "str",
                        ch,
                        self.pointer_bits,
                        self.pointer_bits as u32,
                        inkwell::AddressSpace::default(),
                    )
                    .as_type()
            }
        }
    }

    /// Start a function: its subprogram, made current.
    pub fn begin_function(
        &mut self,
        fv: FunctionValue<'ctx>,
        name: &str,
        line: u32,
        local_to_unit: bool,
    ) {
        let file = self.cu.get_file();
        let sty = self
            .dib
            .create_subroutine_type(file, None, &[], DIFlags::PUBLIC);
        let linkage = fv.get_name().to_str().unwrap_or("").to_string();
        let sp = self.dib.create_function(
            file.as_debug_info_scope(),
            name,
            Some(&linkage),
            file,
            line,
            sty,
            local_to_unit,
            true,
            line,
            DIFlags::PUBLIC,
            self.optimized,
        );
        fv.set_subprogram(sp);
        self.sp = Some(sp);
    }

    /// Set the builder's location to `line:col` in the current function.
    pub fn set_location(&self, b: &Builder<'ctx>, line: u32, col: u32) {
        if let Some(sp) = self.sp {
            let loc =
                self.dib
                    .create_debug_location(self.ctx, line, col, sp.as_debug_info_scope(), None);
            b.set_current_debug_location(loc);
        }
    }

    /// Describe a local (or parameter `arg_no`, 1-based) living in `slot`.
    pub fn declare_variable(
        &self,
        slot: PointerValue<'ctx>,
        name: &str,
        ty: &Ty,
        line: u32,
        arg_no: Option<u32>,
        block: BasicBlock<'ctx>,
    ) {
        let Some(sp) = self.sp else { return };
        let file = self.cu.get_file();
        let dty = self.ty(ty);
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
