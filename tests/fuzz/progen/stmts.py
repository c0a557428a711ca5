"""Statement constructs, one function each: `fn(g, ctx) -> bool` (emitted?).

They write lines through ctx.line()/ctx.block() and declare variables with
ctx.add_var(). Nested blocks come from g.body(n).
"""

from . import types as T
from .core import BOUND, LOOP_GUESS, SMALL, E, Var, stmt, P_CMP, P_OR, P_TERN, P_ATOM
from .exprs import (call_text, int_lit, iterable_of, key_lambda, literal_of, slice_text,
                    small_int, str_lit, tapped, float_lit, FLOATS)

MAX_DEPTH = 3


def var_kind(ty):
    k = T.kind(ty)
    return k if k in ("int", "float", "bool", "str") else k


def declare(g, ctx, ty, e, name=None, annotate=None):
    name = name or g.fresh(ctx, var_kind(ty))
    need = e.text in ("[]", "{}", "set()")
    if annotate is None:
        annotate = need or g.chance("knob.annotate")
    if annotate:
        ctx.line("%s: %s = %s" % (name, T.ann(ty), e.text))
    else:
        ctx.line("%s = %s" % (name, e.text))
    v = Var(name, ty, bits=max(e.bits, 1) if ty == T.INT else BOUND, mag=e.mag if ty == T.FLOAT else 6)
    if ty == T.INT and e.bits < BOUND:
        v.bits = BOUND  # later assignments may store any bounded int
    ctx.add_var(v)
    return v


def store_expr(g, ty, depth=2):
    """An expression to store in a variable/container (ints within BOUND)."""
    return g.expr(ty, depth, BOUND)


def fits_inloop_growth(g, ctx, v):
    return ctx.loop == 0 and v.where == "local"


def writable(g, ctx, pred):
    return [v for v in ctx.all_vars() if not v.readonly and pred(v.ty)
            and (v.where != "global" or v.name in ctx.globals_decl or ctx.fn is None)]


def path_to(g, ctx, pred, want_resize=True, methods=False):
    """A mutable container path: a variable, or an item of one (guarded).

    Returns (text, type, root var, guard) where guard is an `if` condition
    to wrap the statement in (or None)."""
    opts = []
    for v in ctx.all_vars():
        if v.readonly and not T.is_container(v.ty):
            continue
        # `G += x` inside a function makes G local (UnboundLocalError):
        # a global is mutated through methods and items only.
        rebinds = v.where == "global" and ctx.fn is not None and v.name not in ctx.globals_decl
        if pred(v.ty) and not rebinds:
            opts.append((4, (v.name, v.ty, v, None)))
        elif pred(v.ty) and methods:
            opts.append((4, (v.name, v.ty, v, None)))
        k = T.kind(v.ty)
        if k == "list" and pred(v.ty[1]):
            i = g.choice(["0", "-1", "len(%s) // 2" % v.name])
            opts.append((1, ("%s[%s]" % (v.name, i), v.ty[1], v, v.name)))
        if k == "dict" and pred(v.ty[2]):
            key = literal_of(g, v.ty[1])
            if g.coin(0.5) and v.ty[2] in (T.List(T.INT), T.Set(T.INT), T.List(T.STR)) and g.can_resize(v.ty):
                g.note_mutation(v, v.ty)  # setdefault may add a key
                opts.append((1, ("%s.setdefault(%s, %s)" % (v.name, key.text, "[]" if T.kind(v.ty[2]) == "list" else "set()"),
                                 v.ty[2], v, None)))
            else:
                opts.append((1, ("%s[%s]" % (v.name, key.text), v.ty[2], v, "%s in %s" % (key.p(P_CMP + 1), v.name))))
    if not opts:
        return None
    res = g.weighted(opts)
    if want_resize and not g.can_resize(res[1]):
        return None
    return res


def both(guard, extra, cond=False, as_bool=False):
    """`guard and extra` where extra is a truthiness test of a container (or,
    with cond, already a bool): mgen's `and` wants operands of one type."""
    if not cond and (guard or as_bool):
        extra = "len(%s) > 0" % extra
    if not guard:
        return extra
    if guard.startswith("len(") or " in " in guard or guard.startswith("not "):
        return "%s and %s" % (guard, extra)
    return "len(%s) > 0 and %s" % (guard, extra)


def guarded(g, ctx, guard, emit):
    if guard and not g.risk():
        with ctx.block("if %s:" % guard):
            emit()
    else:
        emit()


# ------------------------------------------------------------------ declarations

@stmt("decl")
def s_decl(g, ctx):
    ty = g.pick_type()
    e = store_expr(g, ty)
    declare(g, ctx, ty, e)
    return True


@stmt("decl_empty")
def s_decl_empty(g, ctx):
    ty = g.pick_type(want=lambda t: T.kind(t) in ("list", "set", "dict"))
    text = {"list": "[]", "dict": "{}", "set": "set()"}[T.kind(ty)]
    declare(g, ctx, ty, E(text, ty), annotate=True)
    return True


@stmt("fill_loop")
def s_fill_loop(g, ctx):
    """acc: list[T] = [] then a loop appending/adding/counting into it."""
    if ctx.depth >= MAX_DEPTH:
        return False
    ty = g.pick_type(want=lambda t: T.kind(t) in ("list", "set", "dict") and not T.unordered(t)
                     and (T.kind(t) != "dict" or t[2] in (T.INT, T.STR, T.List(T.INT))))
    text = {"list": "[]", "dict": "{}", "set": "set()"}[T.kind(ty)]
    acc = declare(g, ctx, ty, E(text, ty), annotate=True)
    src_t = T.elem(ty) if T.kind(ty) != "dict" else ty[1]
    it = iterable_of(g, src_t, 2) if g.coin(0.7) else None
    if it is None:
        src_t = T.INT
        it = ("range(%d)" % g.r.randrange(1, 9), None)
    x = g.fresh(ctx, "elem" if not it[0].startswith("range") else "loop")
    with ctx.loop_body("for %s in %s:" % (x, it[0]), LOOP_GUESS, [it[1]] if it[1] else []):
        ctx.add_var(Var(x, src_t, readonly=True))
        if g.coin(0.4):
            c = g.expr(T.BOOL, 1)
            ctx.line("if %s:" % c.text)
            ctx.indent += 1
            ctx.line("continue")
            ctx.indent -= 1
        k = T.kind(ty)
        if k == "list":
            val = g.expr(ty[1], 1)
            ctx.line("%s.append(%s)" % (acc.name, val.text))
        elif k == "set":
            val = g.expr(ty[1], 1)
            ctx.line("%s.add(%s)" % (acc.name, val.text))
        else:
            key = g.expr(ty[1], 1) if g.coin(0.4) else E(x, src_t)
            if key.ty != ty[1]:
                key = g.expr(ty[1], 1)
            if ty[2] == T.INT:
                form = g.choice(["%s[%s] = %s.get(%s, 0) + 1", "%s.setdefault(%s, 0)", "inc"])
                if form == "inc":
                    ctx.line("if %s in %s:" % (key.p(P_CMP + 1), acc.name))
                    ctx.line("    %s[%s] += 1" % (acc.name, key.text))
                    ctx.line("else:")
                    ctx.line("    %s[%s] = 1" % (acc.name, key.text))
                elif "get" in form:
                    ctx.line(form % (acc.name, key.text, acc.name, key.text))
                else:
                    ctx.line(form % (acc.name, key.text))
            elif ty[2] == T.List(T.INT):
                val = g.expr(T.INT, 1)
                ctx.line("%s.setdefault(%s, []).append(%s)" % (acc.name, key.text, val.text))
            else:
                val = g.expr(ty[2], 1)
                ctx.line("%s[%s] = %s" % (acc.name, key.text, val.text))
        g.add_cost(LOOP_GUESS)
    if g.coin(0.7):
        ctx.line("print(%s)" % printable_text(g, acc.name, ty))
    return True


@stmt("assign")
def s_assign(g, ctx):
    vs = writable(g, ctx, lambda t: True)
    if not vs:
        return False
    v = g.choice(vs)
    if ctx.loop and (v.ty == T.STR or T.is_container(v.ty)) and v.name not in ctx.scopes[-1]:
        # Reassigning an outer sequence inside a loop: only forms that do not
        # grow it (no exponential doubling).
        if v.ty == T.STR:
            forms = ["%s.strip()", "%s[1:]", "%s.upper()", "%s[::-1]", "%s.replace('a', 'b')"]
            ctx.line("%s = %s" % (v.name, g.choice(forms) % v.name))
            return True
        if T.kind(v.ty) == "list":
            f = g.choice(["%s[1:]", "%s[::-1]", "%s[:3]"] + (["sorted(%s)"] if T.orderable(v.ty[1]) else []))
            ctx.line("%s = %s" % (v.name, f % v.name))
            return True
        return False
    if v.where == "global" and v.name not in ctx.globals_decl and ctx.fn is not None:
        return False
    e = store_expr(g, v.ty)
    ctx.line("%s = %s" % (v.name, e.text))
    return True


@stmt("alias")
def s_alias(g, ctx):
    """b = a on a container: both names see later in-place changes."""
    vs = [v for v in ctx.all_vars() if T.is_container(v.ty)]
    if not vs:
        return False
    v = g.choice(vs)
    a = declare(g, ctx, v.ty, E(v.name, v.ty), annotate=False)
    a.where = v.where if v.where == "param" else "local"
    return True


# ------------------------------------------------------------------ augmented assignment

@stmt("aug_num")
def s_aug_num(g, ctx):
    vs = writable(g, ctx, lambda t: t in (T.INT, T.FLOAT))
    if not vs:
        return False
    v = g.choice(vs)
    if v.ty == T.INT:
        op = g.choice(["+=", "-=", "+=", "*=", "//=", "%=", "|=", "&=", "^=", "<<=", ">>=", "**="])
        if op in ("+=", "-="):
            e = g.expr(T.INT, 1, SMALL if ctx.loop else 20)
        elif op in ("*=", "<<=", "**="):
            if ctx.loop or v.where != "local":
                ctx.line("%s = (%s * %d + %s) %% %d" % (v.name, v.name, g.choice([31, 7, 3, 10]),
                                                        g.expr(T.INT, 1, SMALL).text,
                                                        g.choice([1000003, 9973, 65536, 1000])))
                return True
            e = {"*=": lambda: int_lit(g, 6), "<<=": lambda: E(str(g.r.randrange(0, 8)), T.INT),
                 "**=": lambda: E(str(g.r.randrange(0, 3)), T.INT)}[op]()
            if op == "**=":
                ctx.line("%s %%= 1000" % v.name)
        elif op in ("//=", "%="):
            if g.risk():
                e = g.expr(T.INT, 1, 16)
            else:
                m = g.choice([2, 3, 7, 10, 100, -3, 1000])
                e = E(str(m), T.INT)
        elif op == ">>=":
            e = E(str(g.r.randrange(0, 6)), T.INT)
        else:
            e = g.expr(T.INT, 1, BOUND)
        ctx.line("%s %s %s" % (v.name, op, e.text))
        return True
    op = g.choice(["+=", "-=", "*=", "/=", "+="])
    if op == "/=":
        d = float_lit(g)
        if d.text in ("0.0", "-0.0") and not g.risk():
            d = E("4.0", T.FLOAT)
        ctx.line("%s /= %s" % (v.name, d.text))
        return True
    if op == "*=" and ctx.loop:
        ctx.line("%s *= %s" % (v.name, g.choice(["0.5", "1.01", "0.9", "-1.0"])))
        return True
    e = g.expr(g.choice([T.FLOAT, T.INT]), 1, 20)
    ctx.line("%s %s %s" % (v.name, op, e.text))
    v.mag = 400
    return True


@stmt("aug_str")
def s_aug_str(g, ctx):
    vs = writable(g, ctx, lambda t: t == T.STR)
    if not vs:
        return False
    v = g.choice(vs)
    if ctx.loop:
        e = g.choice([str_lit(g, g.choice(["x", "-", ",", "ab", " "])),
                      E("str(%s)" % g.expr(T.INT, 0).text, T.STR),
                      E("chr(97 + %s)" % small_int(g, 26).text, T.STR)])
        ctx.line("%s += %s" % (v.name, e.text))
    elif g.coin(0.2):
        ctx.line("%s *= %s" % (v.name, small_int(g, 3).text))
    else:
        ctx.line("%s += %s" % (v.name, g.expr(T.STR, 1).text))
    return True


@stmt("inplace_list")
def s_inplace_list(g, ctx):
    """`xs += ...` / `xs *= n` on a list, possibly through an alias/item."""
    p = path_to(g, ctx, lambda t: T.kind(t) == "list")
    if p is None:
        return False
    text, ty, root, guard = p
    if text.startswith(root.name + ".setdefault"):
        return False
    g.note_mutation(root, ty)
    if ctx.loop or root.where != "local" or text != root.name:
        op = "+="
        rhs = g.choice([lambda: literal_of(g, ty),
                        lambda: E("[%s]" % g.expr(ty[1], 1).text, ty)])()
    else:
        op = g.choice(["+=", "+=", "*="])
        rhs = small_int(g, 3) if op == "*=" else g.expr(ty, 2)
        if op == "+=" and g.coin(0.08) and ty[1] in (T.INT, T.STR):
            rhs = E(g.choice(["range(3)", "(7, 8)"]) if ty[1] == T.INT else "'xyz'", ty)
    guarded(g, ctx, guard, lambda: ctx.line("%s %s %s" % (text, op, rhs.text)))
    return True


@stmt("inplace_set")
def s_inplace_set(g, ctx):
    p = path_to(g, ctx, lambda t: T.kind(t) == "set")
    if p is None:
        return False
    text, ty, root, guard = p
    if ".setdefault" in text:
        return False
    g.note_mutation(root, ty)
    op = g.choice(["|=", "&=", "-=", "^=", "|="])
    rhs = g.expr(ty, 1)
    guarded(g, ctx, guard, lambda: ctx.line("%s %s %s" % (text, op, rhs.text)))
    return True


@stmt("item_assign")
def s_item_assign(g, ctx):
    vs = [v for v in ctx.all_vars() if T.kind(v.ty) in ("list", "dict")]
    if not vs:
        return False
    v = g.choice(vs)
    if T.kind(v.ty) == "list":
        val = store_expr(g, v.ty[1], 1)
        if g.risk():
            ctx.line("%s[%s] = %s" % (v.name, int_lit(g, 3).text, val.text))
            return True
        i = g.expr(T.INT, 1, 20)
        with ctx.block("if %s:" % v.name):
            ctx.line("%s[%s %% len(%s)] = %s" % (v.name, i.p(12), v.name, val.text))
        return True
    if not g.can_resize(v.ty):
        return False
    g.note_mutation(v, v.ty)
    key = g.expr(v.ty[1], 1)
    val = store_expr(g, v.ty[2], 1)
    ctx.line("%s[%s] = %s" % (v.name, key.text, val.text))
    return True


@stmt("item_aug")
def s_item_aug(g, ctx):
    """d[k] += v, xs[i] += v, grid[i][j] += v, d[k] += [..] (in place)."""
    opts = []
    for v in ctx.all_vars():
        k = T.kind(v.ty)
        if k == "list" and v.ty[1] in (T.INT, T.FLOAT, T.STR):
            opts.append(v)
        elif k == "list" and T.kind(v.ty[1]) == "list" and v.ty[1][1] == T.INT:
            opts.append(v)
        elif k == "dict" and (v.ty[2] in (T.INT, T.FLOAT, T.STR) or T.kind(v.ty[2]) in ("list", "set")):
            opts.append(v)
    if not opts:
        return False
    v = g.choice(opts)
    k = T.kind(v.ty)
    if k == "list":
        if T.kind(v.ty[1]) == "list":
            with ctx.block("if %s and len(%s[0]) > 0:" % (both(None, v.name, as_bool=True), v.name)):
                ctx.line("%s[0][-1] += %s" % (v.name, g.expr(T.INT, 1, SMALL).text))
            return True
        rhs = g.expr(v.ty[1], 1, SMALL) if v.ty[1] != T.STR else str_lit(g, g.choice(["!", "x", "-"]))
        op = "+=" if v.ty[1] == T.STR else g.choice(["+=", "-=", "+="])
        i = g.choice(["0", "-1", "len(%s) - 1" % v.name, "%s %% len(%s)" % (small_int(g, 9).p(12), v.name)])
        with ctx.block("if %s:" % v.name):
            ctx.line("%s[%s] %s %s" % (v.name, i, op, rhs.text))
        return True
    vt = v.ty[2]
    key = literal_of(g, v.ty[1]) if g.coin(0.6) else g.expr(v.ty[1], 1)
    if T.kind(vt) == "set" and g.coin(0.85):
        return False  # d[k] |= s: rejected by mgen today (rare, reported)
    if T.kind(vt) in ("list", "set"):
        g.note_mutation(v, vt)
        if not g.can_resize(vt):
            return False
        op = "+=" if T.kind(vt) == "list" else g.choice(["|=", "-=", "&=", "^="])
        rhs = literal_of(g, vt)
    else:
        op = "+=" if vt == T.STR else g.choice(["+=", "-=", "+=", "*="])
        if op == "*=" and ctx.loop:
            op = "+="
        rhs = g.expr(vt, 1, SMALL) if vt != T.STR else str_lit(g, g.choice(["!", "x", "-"]))
        if op == "*=":
            rhs = int_lit(g, 3) if vt == T.INT else E("2.0", T.FLOAT)
    line = "%s[%s] %s %s" % (v.name, key.text, op, rhs.text)
    if g.risk() or not key.pure:
        ctx.line(line)
    else:
        with ctx.block("if %s in %s:" % (key.p(P_CMP + 1), v.name)):
            ctx.line(line)
    return True


# ------------------------------------------------------------------ container methods

@stmt("list_method")
def s_list_method(g, ctx):
    p = path_to(g, ctx, lambda t: T.kind(t) == "list", want_resize=False, methods=True)
    if p is None:
        return False
    text, ty, root, guard = p
    et = ty[1]
    resize = g.can_resize(ty)
    ms = ["sort", "reverse"] if T.orderable(et) else ["reverse"]
    if resize:
        ms += ["append", "append", "append", "extend", "insert", "pop", "remove", "clear", "del"]
    m = g.choice(ms)
    if m in ("append", "extend", "insert", "pop", "remove", "clear", "del"):
        g.note_mutation(root, ty)
    if m == "append":
        line = "%s.append(%s)" % (text, store_expr(g, et, 1).text)
    elif m == "extend":
        if ctx.loop:
            src = literal_of(g, ty).text
            if et == T.INT and g.coin(0.1):
                src = "range(%d)" % g.r.randrange(4)
        else:
            src = g.expr(ty, 1).text
            if g.coin(0.15) and iterable_of(g, et, 1):
                src = iterable_of(g, et, 1)[0]
            if src == text:
                src = "%s[:]" % src
        line = "%s.extend(%s)" % (text, src)
    elif m == "insert":
        line = "%s.insert(%s, %s)" % (text, int_lit(g, 4).text, store_expr(g, et, 1).text)
    elif m == "pop":
        arg = g.choice(["", "0", "-1", "len(%s) // 2" % text if "(" not in text else ""])
        line = "%s.pop(%s)" % (text, arg)
        if not g.risk():
            guard = both(guard, text)
    elif m == "remove":
        x = g.expr(et, 1)
        line = "%s.remove(%s)" % (text, x.text)
        if not g.risk() and x.pure:
            guard = both(guard, "%s in %s" % (x.p(P_CMP + 1), text), cond=True)
    elif m == "clear":
        line = "%s.clear()" % text
    elif m == "del":
        if "(" in text:
            return False
        line = "del %s[%s]" % (text, g.choice(["0", "-1", slice_text(g, 1)]))
        if not g.risk() and ":" not in line:
            guard = both(guard, text)
    elif m == "sort":
        extra = []
        if g.coin(0.4):
            lam = key_lambda(g, et)
            if lam:
                extra.append("key=%s" % lam)
        if g.coin(0.4):
            extra.append("reverse=True")
        line = "%s.sort(%s)" % (text, ", ".join(extra))
    else:
        line = "%s.reverse()" % text
    guarded(g, ctx, guard, lambda: ctx.line(line))
    if g.coin(0.3) and "(" not in text:
        ctx.line("print(%s)" % text)
    return True


@stmt("set_method")
def s_set_method(g, ctx):
    p = path_to(g, ctx, lambda t: T.kind(t) == "set", methods=True)
    if p is None:
        return False
    text, ty, root, guard = p
    g.note_mutation(root, ty)
    et = ty[1]
    m = g.choice(["add", "add", "discard", "remove", "update", "clear", "pop",
                  "intersection_update", "difference_update"])
    if m == "pop" and T.unordered(ty):
        m = "discard"
    if m in ("add", "discard"):
        line = "%s.%s(%s)" % (text, m, store_expr(g, et, 1).text)
    elif m == "remove":
        x = g.expr(et, 1)
        line = "%s.remove(%s)" % (text, x.text)
        if not g.risk() and x.pure:
            guard = both(guard, "%s in %s" % (x.p(P_CMP + 1), text), cond=True)
    elif m == "update":
        args = [g.expr(g.choice([ty, T.List(et)]), 1).text for _ in range(g.r.randrange(1, 3))]
        line = "%s.update(%s)" % (text, ", ".join(args))
    elif m in ("intersection_update", "difference_update"):
        if "(" in text or (root.where == "global" and ctx.fn is not None and text == root.name):
            return False
        m2 = {"intersection_update": "&=", "difference_update": "-="}[m]
        line = "%s %s %s" % (text, m2, g.expr(ty, 1).text)
    elif m == "clear":
        line = "%s.clear()" % text
    else:
        line = "print(%s.pop())" % text
        if not g.risk():
            guard = both(guard, text)
    guarded(g, ctx, guard, lambda: ctx.line(line))
    return True


@stmt("dict_method")
def s_dict_method(g, ctx):
    p = path_to(g, ctx, lambda t: T.kind(t) == "dict", methods=True)
    if p is None:
        return False
    text, ty, root, guard = p
    g.note_mutation(root, ty)
    m = g.choice(["update", "pop", "pop_default", "setdefault", "del", "clear", "set"])
    kt, vt = ty[1], ty[2]
    if m == "update":
        line = "%s.update(%s)" % (text, g.expr(ty, 1).text)
    elif m == "pop":
        k = literal_of(g, kt)
        line = "print(%s.pop(%s))" % (text, k.text) if not T.unordered(vt) else "%s.pop(%s)" % (text, k.text)
        if not g.risk():
            guard = "%s in %s" % (k.p(P_CMP + 1), text) if not guard else guard
    elif m == "pop_default":
        k = g.expr(kt, 1)
        d = g.expr(vt, 1)
        if g.coin(0.3) and vt in g.taps:
            d = tapped(g, vt, d)
        line = "%s.pop(%s, %s)" % (text, k.text, d.text)
        if not T.unordered(vt):
            line = "print(%s)" % line
    elif m == "setdefault":
        line = "%s.setdefault(%s, %s)" % (text, g.expr(kt, 1).text, store_expr(g, vt, 1).text)
    elif m == "del":
        k = literal_of(g, kt)
        line = "del %s[%s]" % (text, k.text)
        if not g.risk():
            guard = "%s in %s" % (k.p(P_CMP + 1), text) if not guard else guard
    elif m == "clear":
        line = "%s.clear()" % text
    else:
        line = "%s[%s] = %s" % (text, g.expr(kt, 1).text, store_expr(g, vt, 1).text)
    guarded(g, ctx, guard, lambda: ctx.line(line))
    return True


@stmt("slice_assign")
def s_slice_assign(g, ctx):
    vs = [v for v in ctx.all_vars() if T.kind(v.ty) == "list" and g.can_resize(v.ty)]
    if not vs:
        return False
    v = g.choice(vs)
    g.note_mutation(v, v.ty)
    if g.coin(0.4):
        ctx.line("del %s[%s]" % (v.name, slice_text(g, 1)))
        return True
    a, b = g.r.randrange(0, 3), g.r.randrange(0, 5)
    src = literal_of(g, v.ty) if ctx.loop else g.expr(v.ty, 1)
    ctx.line("%s[%d:%d] = %s" % (v.name, a, b, src.text))
    return True


@stmt("sort_floats")
def s_sort_floats(g, ctx):
    """Sorting floats with nan/inf/-0.0 (timsort uses only <)."""
    pool = ["1.5", "-2.0", "0.0", "-0.0", 'float("nan")', 'float("inf")', 'float("-inf")',
            "3.25", "1e-9", "2.0", "0.5", "-7.5", "1e300"]
    n = g.r.randrange(3, 8)
    items = [g.choice(pool) for _ in range(n)]
    name = g.fresh(ctx, "list")
    ctx.line("%s = [%s]" % (name, ", ".join(items)))
    ctx.add_var(Var(name, T.List(T.FLOAT)))
    form = g.choice(["print(sorted(%s))", "print(sorted(%s, reverse=True))", "%s.sort()\nprint(%s)",
                     "print(min(%s), max(%s))", "print(sorted(%s, key=lambda v: -v))",
                     "%s.sort(reverse=True)\nprint(%s)", "print(max(%s, default=0.0), min(%s, key=abs))"])
    for line in form.replace("%s", name).split("\n"):
        ctx.line(line)
    return True


# ------------------------------------------------------------------ output

def printable_text(g, text, ty):
    if T.unordered(ty):
        if T.kind(ty) == "set":
            return "sorted(%s)" % text
        return "len(%s)" % text
    return text


@stmt("print")
def s_print(g, ctx):
    r = g.r.random()
    if r < 0.35:
        vs = [v for v in ctx.all_vars()]
        if not vs:
            return False
        v = g.choice(vs)
        parts = [printable_text(g, v.name, v.ty)]
        if g.coin(0.5):
            parts.insert(0, str_lit(g, v.name + ":").text)
        if g.coin(0.3):
            w = g.choice(vs)
            parts.append(printable_text(g, w.name, w.ty))
        extra = ""
        if g.coin(0.15):
            extra = ", sep=%s" % str_lit(g, g.choice([", ", "", " | ", "\t", "-"])).text
        if g.coin(0.1):
            extra += ", end=%s" % str_lit(g, g.choice(["\n\n", " !\n", ";\n"])).text
        ctx.line("print(%s%s)" % (", ".join(parts), extra))
        return True
    n = g.r.randrange(1, 4)
    parts = []
    for _ in range(n):
        ty = g.pick_type()
        if T.unordered(ty):
            ty = T.INT
        parts.append(g.expr(ty, 2).text)
    ctx.line("print(%s)" % ", ".join(parts))
    return True


# ------------------------------------------------------------------ control flow

@stmt("if")
def s_if(g, ctx):
    if ctx.depth >= MAX_DEPTH:
        return False
    c = g.expr(T.BOOL, 2)
    with ctx.block("if %s:" % c.text):
        g.body(g.r.randrange(1, 4))
    n_elif = g.weighted([(5, 0), (2, 1), (1, 2)])
    for _ in range(n_elif):
        c = g.expr(T.BOOL, 2)
        with ctx.block("elif %s:" % c.text):
            g.body(g.r.randrange(1, 3))
    if g.coin(0.5):
        with ctx.block("else:"):
            g.body(g.r.randrange(1, 3))
    return True


def loop_tail(g, ctx):
    if g.coin(0.25):
        with ctx.block("else:"):
            g.body(1)


@stmt("for_range")
def s_for_range(g, ctx):
    if ctx.depth >= MAX_DEPTH:
        return False
    i = g.fresh(ctx, "loop")
    r = g.r.random()
    if r < 0.4:
        n = g.r.randrange(0, 9)
        hdr, mult = "range(%d)" % n, n
    elif r < 0.6:
        a = g.r.randrange(-3, 4)
        b = a + g.r.randrange(0, 10)
        st = g.choice([1, 2, 3])
        hdr, mult = "range(%d, %d%s)" % (a, b, ", %d" % st if st > 1 else ""), (b - a) // st + 1
    elif r < 0.75:
        a = g.r.randrange(0, 12)
        hdr, mult = "range(%d, %d, -%d)" % (a, g.r.randrange(-3, 1), g.choice([1, 2])), a + 3
    else:
        vs = [v for v in ctx.all_vars() if T.kind(v.ty) in ("list", "str") or v.ty == T.STR]
        if vs:
            v = g.choice(vs)
            hdr, mult = "range(len(%s))" % v.name, LOOP_GUESS
        else:
            hdr, mult = "range(%s)" % small_int(g, 10).text, 10
    with ctx.loop_body("for %s in %s:" % (i, hdr), max(mult, 1)):
        ctx.add_var(Var(i, T.INT, readonly=True, bits=16))
        g.body(g.r.randrange(1, 4))
    loop_tail(g, ctx)
    return True


@stmt("for_iter")
def s_for_iter(g, ctx):
    if ctx.depth >= MAX_DEPTH:
        return False
    t = g.pick_type(want=lambda t: t in (T.INT, T.STR, T.FLOAT) or T.kind(t) == "tuple" or t == T.List(T.INT))
    it = iterable_of(g, t, 2)
    if it is None:
        return False
    x = g.fresh(ctx, var_kind(t) if T.kind(t) == "tuple" else "elem")
    frozen = [it[1]] if it[1] else []
    if T.kind(t) == "tuple" and g.coin(0.6):
        names = [g.fresh(ctx, "elem") for _ in t[1:]]
        header = "for %s in %s:" % (", ".join(names), it[0])
        with ctx.loop_body(header, LOOP_GUESS, frozen):
            for n, et in zip(names, t[1:]):
                ctx.add_var(Var(n, et, readonly=True))
            g.body(g.r.randrange(1, 4))
    else:
        with ctx.loop_body("for %s in %s:" % (x, it[0]), LOOP_GUESS, frozen):
            ctx.add_var(Var(x, t, readonly=True))
            g.body(g.r.randrange(1, 4))
    loop_tail(g, ctx)
    return True


@stmt("for_dict")
def s_for_dict(g, ctx):
    if ctx.depth >= MAX_DEPTH:
        return False
    vs = [v for v in ctx.all_vars() if T.kind(v.ty) == "dict"]
    if not vs:
        return False
    v = g.choice(vs)
    kt, vt = v.ty[1], v.ty[2]
    form = g.choice(["items", "items", "keys", "sorted_items", "values"])
    if form == "values" and T.unordered(vt):
        form = "keys"
    with_frozen = [v.ty] if form != "sorted_items" else []
    a, b = g.fresh(ctx, "elem"), g.fresh(ctx, "elem")
    if form == "items":
        hdr = "for %s, %s in %s.items():" % (a, b, v.name)
    elif form == "sorted_items":
        if not T.orderable(kt):
            return False
        hdr = "for %s, %s in sorted(%s.items()%s):" % (a, b, v.name, "" if T.orderable(vt) else ", key=lambda kv: kv[0]")
    elif form == "keys":
        hdr = "for %s in %s:" % (a, v.name) if g.coin(0.5) else "for %s in %s.keys():" % (a, v.name)
    else:
        hdr = "for %s in %s.values():" % (b, v.name)
    with ctx.loop_body(hdr, LOOP_GUESS, with_frozen):
        if form in ("items", "sorted_items", "keys"):
            ctx.add_var(Var(a, kt, readonly=True))
        if form in ("items", "sorted_items", "values"):
            ctx.add_var(Var(b, vt, readonly=True))
        g.body(g.r.randrange(1, 4))
    loop_tail(g, ctx)
    return True


@stmt("for_enum_zip")
def s_for_enum_zip(g, ctx):
    if ctx.depth >= MAX_DEPTH:
        return False
    t1 = g.choice([T.INT, T.STR, T.FLOAT])
    it1 = iterable_of(g, t1, 2)
    if it1 is None:
        return False
    fr = [it1[1]] if it1[1] else []
    if g.coin(0.5):
        i, x = g.fresh(ctx, "loop"), g.fresh(ctx, "elem")
        start = g.choice(["", ", 1", ", start=10" if False else ", -2"])
        with ctx.loop_body("for %s, %s in enumerate(%s%s):" % (i, x, it1[0], start), LOOP_GUESS, fr):
            ctx.add_var(Var(i, T.INT, readonly=True, bits=16))
            ctx.add_var(Var(x, t1, readonly=True))
            g.body(g.r.randrange(1, 4))
    else:
        t2 = g.choice([T.INT, T.STR, T.FLOAT])
        it2 = iterable_of(g, t2, 2)
        if it2 is None:
            return False
        if it2[1]:
            fr.append(it2[1])
        x, y = g.fresh(ctx, "elem"), g.fresh(ctx, "elem")
        with ctx.loop_body("for %s, %s in zip(%s, %s):" % (x, y, it1[0], it2[0]), LOOP_GUESS, fr):
            ctx.add_var(Var(x, t1, readonly=True))
            ctx.add_var(Var(y, t2, readonly=True))
            g.body(g.r.randrange(1, 4))
    loop_tail(g, ctx)
    return True


@stmt("while")
def s_while(g, ctx):
    if ctx.depth >= MAX_DEPTH:
        return False
    i = g.fresh(ctx, "loop")
    n = g.r.randrange(1, 10)
    ctx.line("%s = 0" % i)
    cv = Var(i, T.INT, readonly=True, bits=16)
    ctx.add_var(cv)
    extra = ""
    if g.coin(0.3):
        c = g.expr(T.BOOL, 1)
        extra = " and %s" % c.p(P_OR + 1)
    with ctx.loop_body("while %s < %d%s:" % (i, n, extra), n):
        ctx.line("%s += 1" % i)
        g.body(g.r.randrange(1, 4))
    loop_tail(g, ctx)
    return True


@stmt("break_continue")
def s_break_continue(g, ctx):
    if not ctx.loop:
        return False
    c = g.expr(T.BOOL, 1)
    with ctx.block("if %s:" % c.text):
        if g.coin(0.4):
            g.body(1)
        ctx.line(g.choice(["break", "continue"]))
    return True


@stmt("unpack")
def s_unpack(g, ctx):
    r = g.r.random()
    vs = writable(g, ctx, lambda t: t in (T.INT, T.STR) )
    if r < 0.4:
        pairs = {}
        for v in vs:
            if v.where == "global":
                continue
            pairs.setdefault(v.ty, []).append(v)
        cands = [l for l in pairs.values() if len(l) >= 2]
        if cands:
            a, b = g.r.sample(g.choice(cands), 2)
            ctx.line("%s, %s = %s, %s" % (a.name, b.name, b.name, a.name))
            return True
    if r < 0.7:
        tv = [v for v in ctx.all_vars() if T.kind(v.ty) == "tuple"]
        if tv:
            v = g.choice(tv)
            names = [g.fresh(ctx, var_kind(t)) for t in v.ty[1:]]
            ctx.line("%s = %s" % (", ".join(names), v.name))
            for n, t in zip(names, v.ty[1:]):
                ctx.add_var(Var(n, t))
            return True
    lv = [v for v in ctx.all_vars() if T.kind(v.ty) == "list" and T.kind(v.ty[1]) in ("int", "str")]
    if lv and g.risk():
        v = g.choice(lv)
        names = [g.fresh(ctx, var_kind(v.ty[1])) for _ in range(2)]
        ctx.line("%s = %s" % (", ".join(names), v.name))
        return True
    a = g.expr(T.INT, 1)
    name_q, name_r = g.fresh(ctx, "int"), g.fresh(ctx, "int")
    d = g.choice(["3", "10", "7", "-4"])
    ctx.line("%s, %s = %s // %s, %s %% %s" % (name_q, name_r, a.p(12), d, a.p(12), d))
    ctx.add_var(Var(name_q, T.INT))
    ctx.add_var(Var(name_r, T.INT))
    return True


@stmt("call")
def s_call(g, ctx):
    fs = [f for f in g.funcs if not f.tap and g.call_ok(f)]
    if not fs:
        return False
    f = g.choice(fs)
    text = call_text(g, f, 2)
    if f.ret is None:
        ctx.line(text)
    elif g.coin(0.6):
        declare(g, ctx, f.ret, E(text, f.ret, pure=False))
    else:
        ctx.line("print(%s)" % printable_text(g, text, f.ret))
    return True


@stmt("eval_order")
def s_eval_order(g, ctx):
    """Arguments/operands with side effects: each must run, left to right."""
    if not g.taps:
        return False
    it = g.taps.get(T.INT)
    if it is None:
        return False
    r = g.r.random()
    tag = lambda: '"%s"' % g.choice(["p", "q", "r", "s", "u", "v"])
    t = lambda e: "%s(%s, %s)" % (it.name, tag(), e)
    dicts = [v for v in ctx.all_vars() if T.kind(v.ty) == "dict" and v.ty[2] == T.INT]
    if r < 0.25 and dicts:
        d = g.choice(dicts)
        k = g.expr(d.ty[1], 1)
        form = g.choice(["get", "pop", "setdefault"]) if g.can_resize(d.ty) else "get"
        if form != "get":
            g.note_mutation(d, d.ty)
        ctx.line("print(%s.%s(%s, %s))" % (d.name, form, k.text, t(g.expr(T.INT, 1).text)))
    elif r < 0.45:
        src = iterable_of(g, T.INT, 1)
        ctx.line("print(%s(%s, default=%s))" % (g.choice(["min", "max"]), src[0], t(g.expr(T.INT, 1).text)))
    elif r < 0.6:
        ctx.line("print(%s - %s * %s)" % (t(g.expr(T.INT, 1, 12).text), t(g.expr(T.INT, 1, 12).text),
                                         t(g.expr(T.INT, 1, 12).text)))
    elif r < 0.75:
        lt = g.taps.get(T.List(T.INT))
        if lt is None:
            return False
        ctx.line("print(%s in %s(%s, %s))" % (t(g.expr(T.INT, 1).text), lt.name, tag(),
                                              g.expr(T.List(T.INT), 1).text))
    elif r < 0.9:
        fs = [f for f in g.funcs if not f.tap and f.params and g.call_ok(f)
              and all(p[1] == T.INT for p in f.params) and f.rec is None]
        if not fs:
            return False
        f = g.choice(fs)
        g.add_cost(f.cost)
        args = ", ".join(t(g.expr(T.INT, 1).text) for _ in f.params)
        ctx.line("print(%s(%s))" % (f.name, args))
    else:
        ctx.line("print([%s, %s][%s])" % (t("1"), t("2"), t(str(g.r.randrange(0, 2)))))
    return True


@stmt("global_bump")
def s_global_bump(g, ctx):
    if g.counter is None or ctx.fn is None or ctx.fn.tap:
        return False
    c = g.counter
    if c.name not in ctx.globals_decl:
        ctx.globals_decl.add(c.name)
        ctx.lines.insert(ctx.header_at, "    global %s" % c.name)
    ctx.line("%s += %s" % (c.name, g.choice(["1", "1", "2"])))
    return True


@stmt("assert")
def s_assert(g, ctx):
    if not g.risky:
        return False
    c = g.expr(T.BOOL, 1)
    msg = ", %s" % g.expr(T.STR, 1).text if g.coin(0.5) else ""
    ctx.line("assert %s%s" % (c.text, msg))
    return True


@stmt("early_return")
def s_early_return(g, ctx):
    fn = ctx.fn
    if fn is None or fn.tap or ctx.depth == 0 or fn.name == "main":
        return False
    if fn.ret is None:
        ctx.line("return")
        return True
    ctx.line("return %s" % store_expr(g, fn.ret, 1).text)
    return True


ERRORS = [
    ("IndexError", "print([1, 2, 3][{i}])"),
    ("KeyError", "print({{'a': 1}}[{s}])"),
    ("ZeroDivisionError", "print({i} // ({i} - {i}))"),
    ("ZeroDivisionError", "print(1.5 / (0.0 * {f}))"),
    ("ValueError", "print(int('x{i}'))"),
    ("ValueError", "print([{i}].index({i} + 1))"),
    ("ValueError", "print(max([{i}][1:]))"),
    ("ValueError", "print('{s0}'.split(''))"),
    ("ValueError", "print(chr(-1 - abs({i})))"),
    ("ValueError", "print({i} >> -1)"),
    ("ValueError", "print(float('nan{s0}'[:3] + 'x'))"),
    ("KeyError", "print(set([{i}]).pop() + set([{i}][:0]).pop())"),
    ("OverflowError", "print(int(float('inf')))"),
    ("ValueError", "print(int(float('nan')))"),
    ("OverflowError", "print(2.5 ** 10000)"),
    ("OverflowError", "print(len('ab' * (2 ** 62)))"),
    ("IndexError", "print('{s0}'[100])"),
    ("IndexError", "print([{i}].pop(5))"),
    ("ValueError", "print([{i}, {i}][::{z}])"),
    ("RecursionError", "print(str(_deep({i})))"),
]


@stmt("error")
def s_error(g, ctx):
    """An operation that always raises (ends the program with a traceback)."""
    if not g.risky or g.errors_planted:
        return False
    g.errors_planted += 1
    name, tmpl = g.choice(ERRORS)
    iv = g.vars_of(T.INT)
    i = g.choice(iv).name if iv and g.coin(0.5) else str(g.r.randrange(4, 9))
    sv = g.vars_of(T.STR)
    s = g.choice(sv).name if sv and g.coin(0.5) else "'zed'"
    fv = g.vars_of(T.FLOAT)
    f = g.choice(fv).name if fv and g.coin(0.5) else "2.0"
    if "_deep" in tmpl:
        g.want_deep = True
    ctx.line(tmpl.format(i=i, s=s, f=f, s0="abc", z="0" if g.coin(0.3) else "%s - %s" % (i, i)))
    return True
