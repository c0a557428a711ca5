"""Every weight of the generator, in one table.

Keys are `expr.<kind>.<construct>` (kind: int float bool str list set dict
tuple any), `stmt.<construct>`, `func.<kind>`, `type.<name>` and `knob.<name>`.
A construct missing here has weight 0 (never chosen); a new construct is
registered in exprs.py / stmts.py / funcs.py and given a weight here.
"""

WEIGHTS = {
    # ---- types of new variables, parameters and results
    "type.int": 30, "type.float": 9, "type.bool": 4, "type.str": 16,
    "type.list_int": 14, "type.list_str": 8, "type.list_float": 5,
    "type.set_int": 7, "type.set_str": 3, "type.set_tuple": 1,
    "type.dict_str_int": 7, "type.dict_int_str": 3, "type.dict_str_list": 3,
    "type.dict_tuple_int": 1, "type.dict_int_float": 2,
    "type.tuple_int_str": 3, "type.tuple_int_int": 3, "type.tuple_str_float": 1,
    "type.list_list_int": 3, "type.list_tuple": 3, "type.dict_str_set": 1,

    # ---- int expressions
    "expr.int.literal": 30, "expr.int.var": 45, "expr.int.arith": 22,
    "expr.int.divmod": 8, "expr.int.pow": 3, "expr.int.bitwise": 5,
    "expr.int.shift": 3, "expr.int.unary": 3, "expr.int.len": 10,
    "expr.int.index": 8, "expr.int.call": 8, "expr.int.convert": 4,
    "expr.int.absminmax": 5, "expr.int.reduce": 5, "expr.int.search": 4,
    "expr.int.ternary": 3, "expr.int.tap": 5, "expr.int.pop": 2,
    "expr.int.dictget": 5, "expr.int.ord": 2, "expr.int.bool": 1,
    # ---- float expressions
    "expr.float.literal": 20, "expr.float.var": 30, "expr.float.arith": 20,
    "expr.float.div": 8, "expr.float.pow": 4, "expr.float.fromint": 10,
    "expr.float.builtin": 5, "expr.float.reduce": 4, "expr.float.index": 5,
    "expr.float.call": 5, "expr.float.ternary": 2, "expr.float.special": 3,
    "expr.float.parse": 1, "expr.float.dictget": 2,
    # ---- bool expressions
    "expr.bool.literal": 3, "expr.bool.var": 6, "expr.bool.compare": 30,
    "expr.bool.chain": 8, "expr.bool.member": 12, "expr.bool.logic": 8,
    "expr.bool.not": 4, "expr.bool.strpred": 5, "expr.bool.anyall": 4,
    "expr.bool.setrel": 3, "expr.bool.seqcmp": 4, "expr.bool.call": 3,
    "expr.bool.tap_member": 3,
    # ---- str expressions
    "expr.str.literal": 22, "expr.str.var": 30, "expr.str.concat": 8,
    "expr.str.repeat": 2, "expr.str.slice": 6, "expr.str.index": 4,
    "expr.str.method": 12, "expr.str.join": 6, "expr.str.fstring": 12,
    "expr.str.conv": 8, "expr.str.format": 4, "expr.str.chr": 2,
    "expr.str.elem": 6, "expr.str.call": 5, "expr.str.ternary": 2,
    "expr.str.tap": 2, "expr.str.strformat": 2, "expr.str.dictget": 3,
    # ---- containers
    "expr.list.display": 25, "expr.list.var": 30, "expr.list.comp": 12,
    "expr.list.slice": 6, "expr.list.concat": 4, "expr.list.repeat": 2,
    "expr.list.sorted": 7, "expr.list.convert": 5, "expr.list.split": 4,
    "expr.list.copy": 3, "expr.list.call": 5, "expr.list.elem": 4,
    "expr.list.ternary": 1, "expr.list.tap": 1,
    "expr.set.display": 25, "expr.set.var": 25, "expr.set.convert": 6,
    "expr.set.comp": 8, "expr.set.op": 10, "expr.set.method": 5,
    "expr.set.call": 3, "expr.set.elem": 3,
    "expr.dict.display": 20, "expr.dict.var": 25, "expr.dict.comp": 10,
    "expr.dict.copy": 3, "expr.dict.call": 3, "expr.dict.zip": 0.2,
    "expr.dict.elem": 2,
    "expr.tuple.display": 25, "expr.tuple.var": 25, "expr.tuple.elem": 8,
    "expr.tuple.call": 3,

    # ---- statements
    "stmt.decl": 30, "stmt.decl_empty": 6, "stmt.assign": 10,
    "stmt.aug_num": 12, "stmt.aug_str": 4, "stmt.inplace_list": 8,
    "stmt.inplace_set": 6, "stmt.alias": 5, "stmt.item_assign": 6,
    "stmt.item_aug": 6, "stmt.list_method": 12, "stmt.set_method": 5,
    "stmt.dict_method": 6, "stmt.slice_assign": 2, "stmt.print": 22,
    "stmt.if": 12, "stmt.for_range": 8, "stmt.for_iter": 9,
    "stmt.for_dict": 4, "stmt.for_enum_zip": 4, "stmt.while": 5,
    "stmt.break_continue": 6, "stmt.unpack": 4, "stmt.call": 7,
    "stmt.global_bump": 3, "stmt.assert": 1, "stmt.early_return": 3,
    "stmt.error": 1, "stmt.sort_floats": 2, "stmt.fill_loop": 4,
    "stmt.eval_order": 4,

    # ---- helper functions
    "func.plain": 10, "func.procedure": 5, "func.recursive": 3,

    # ---- knobs (probabilities in percent)
    "knob.risky_program": 25,   # programs allowed unguarded index/key/div
    "knob.risky_op": 12,        # in a risky program: an op is left unguarded
    "knob.main_function": 75,   # code in main() (else at module level)
    "knob.taps": 60,            # has tap functions (evaluation-order log)
    "knob.globals": 50,         # has a global counter bumped by functions
    "knob.annotate": 25,        # annotate a declaration that needs none
}


def w(key):
    return WEIGHTS.get(key, 0)
