//! Numbers, conversions, output, errors.
use super::sh::*;

pub static ROWS: &[Row] = &[
    // conversions
    row("mg_str_from_int", &[v(I64)], Ret::Val(Ptr), false),
    row("mg_str_from_float", &[v(F64)], Ret::Val(Ptr), false),
    row("mg_str_from_bool", &[v(Bool)], Ret::Val(Ptr), false),
    row("mg_int_from_str", &[v(Ptr)], Ret::Val(I64), true),
    row("mg_float_from_str", &[v(Ptr)], Ret::Val(F64), true),
    row("mg_int_from_float", &[v(F64)], Ret::Val(I64), true),
    row("mg_ord", &[v(Ptr)], Ret::Val(I64), true),
    row("mg_chr", &[v(I64)], Ret::Val(Ptr), true),
    // arithmetic done by the runtime
    row("mg_int_pow", &[v(I64), v(I64)], Ret::Val(I64), true),
    row("mg_int_truediv", &[v(I64), v(I64)], Ret::Val(F64), true),
    row("mg_float_floordiv", &[v(F64), v(F64)], Ret::Val(F64), true),
    row("mg_float_mod", &[v(F64), v(F64)], Ret::Val(F64), true),
    row("mg_float_pow", &[v(F64), v(F64)], Ret::Val(F64), true),
    row("mg_cmp_int_float", &[v(I64), v(F64)], Ret::Val(I32), false),
    row("mg_float_round", &[v(F64), v(I64)], Ret::Val(F64), true),
    row("mg_float_round_int", &[v(F64)], Ret::Val(I64), true),
    row("mg_int_round", &[v(I64), v(I64)], Ret::Val(I64), true),
    row(
        "mg_range_len",
        &[v(I64), v(I64), v(I64)],
        Ret::Val(I64),
        false,
    ),
    row(
        "mg_range_contains",
        &[v(I64), v(I64), v(I64), v(I64)],
        Ret::Val(Bool),
        true,
    ),
    // formatting
    row("mg_format_int", &[v(I64), v(Ptr)], Ret::Val(Ptr), true),
    row("mg_format_float", &[v(F64), v(Ptr)], Ret::Val(Ptr), true),
    row("mg_format_str", &[v(Ptr), v(Ptr)], Ret::Val(Ptr), true),
    row("mg_format_bool", &[v(Bool), v(Ptr)], Ret::Val(Ptr), true),
    // output
    row("mg_write_str", &[v(Ptr)], Ret::Void, false),
    row("mg_write_int", &[v(I64)], Ret::Void, false),
    row("mg_write_float", &[v(F64)], Ret::Void, false),
    row("mg_write_bool", &[v(Bool)], Ret::Void, false),
    row("mg_write_cstr", &[v(Ptr), v(I64)], Ret::Void, false),
    // raising (always raises)
    row("mg_raise", &[v(Ptr), v(Ptr)], Ret::Void, true),
    row("mg_raise_str", &[v(Ptr), v(Ptr)], Ret::Void, true),
];
