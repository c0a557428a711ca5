"""Expression constructs, one function each, keyed by the type they produce.

Each construct is `fn(g, ctx, ty, depth, bits) -> E | None`: `g` the Gen,
`ctx` the FCtx, `ty` the wanted type, `depth` the remaining nesting, `bits`
the magnitude budget of an int result (|v| < 2**bits). None = not here.
"""

from . import types as T
from .core import (BOUND, E, P_ADD, P_AND, P_ATOM, P_BAND, P_BOR, P_BXOR, P_CMP,
                   P_MUL, P_NOT, P_OR, P_POW, P_SHIFT, P_TERN, P_UNARY, expr)

WORDS = ["apple", "kiwi", "banana", "fig", "cherry", "date", "lemon", "mango", "pear",
         "plum", "grape", "melon", "alpha", "beta", "gamma", "delta", "omega", "red",
         "green", "blue", "north", "south", "east", "west", "zip", "zap", "foo", "bar",
         "baz", "Hello", "World", "ABC", "x", "y", "ok", "id", "a", "b", "c", "aa", "ab"]
ODD_STRS = ["", " ", "  padded  ", "a,b,,c", "one two  three", "MiXeD CaSe", "12", "-7",
            " 42 ", "3.5", "1e3", "abc123", "tab\there", "line1\nline2", "café", "straße",
            "Ωmega", "日本語", "naïve", "ǆemal", "ΟΔΟΣ", "x_y-z", "...", "a.b.c", "0042",
            "nan", "inf", "-0", "hello world", "The Quick Brown Fox", "𝔘nicode", "é", "İ"]
SEPS = [",", " ", "-", ", ", ":", "", " | ", "/", "\n"]
FLOATS = ["0.5", "1.25", "-3.0", "2.5e-3", "0.1", "3.14159", "100.0", "-0.75", "2.0",
          "1.5", "0.0", "-0.0", "7.25", "1e-7", "123.456", "0.3", "9.99", "1e10", "6.02e23"]
BIG_FLOATS = ["1e300", "-1e308", "1.7976931348623157e308", "5e-324", 'float("inf")',
              'float("-inf")', 'float("nan")']


def str_lit(g, s=None):
    if s is None:
        s = g.choice(WORDS) if g.coin(0.7) else g.choice(ODD_STRS)
    if g.fctx is not None and g.fctx.in_fstring:
        s = s.replace("\\", "").replace("\n", " ").replace("\t", " ").replace('"', "")
        return E("'%s'" % s.replace("'", ""), T.STR)
    r = repr(s)
    return E(r, T.STR)


def int_lit(g, bits=BOUND):
    r = g.r.random()
    if r < 0.55:
        v = g.r.randrange(0, 11)
    elif r < 0.7:
        v = -g.r.randrange(1, 11)
    elif r < 0.9:
        v = g.r.randrange(11, 1000)
    elif r < 0.95:
        v = -g.r.randrange(11, 1000)
    else:
        v = g.r.randrange(1000, max(1001, 2 ** min(bits, 31)))
    while v and abs(v).bit_length() > bits:
        v = int(v / 2)
    return E(str(v), T.INT, P_UNARY if v < 0 else P_ATOM, bits=abs(v).bit_length())


def float_lit(g):
    if g.coin(0.06):
        t = g.choice(BIG_FLOATS)
        if g.fctx is not None and g.fctx.in_fstring:
            t = t.replace('"', "'")
        return E(t, T.FLOAT, P_ATOM if not t.startswith("-") else P_UNARY, mag=400)
    t = g.choice(FLOATS)
    mag = 24 if "e23" in t else 10
    return E(t, T.FLOAT, P_UNARY if t.startswith("-") else P_ATOM, mag=mag)


def literal_of(g, ty, bits=BOUND):
    k = T.kind(ty)
    if ty == T.INT:
        return int_lit(g, bits)
    if ty == T.FLOAT:
        return float_lit(g)
    if ty == T.BOOL:
        return E(g.choice(["True", "False"]), T.BOOL)
    if ty == T.STR:
        return str_lit(g)
    if k == "list":
        n = g.r.randrange(1, 5)
        return E("[%s]" % ", ".join(literal_of(g, ty[1]).text for _ in range(n)), ty)
    if k == "set":
        n = g.r.randrange(1, 5)
        return E("{%s}" % ", ".join(literal_of(g, ty[1]).text for _ in range(n)), ty)
    if k == "dict":
        n = g.r.randrange(1, 4)
        return E("{%s}" % ", ".join("%s: %s" % (literal_of(g, ty[1]).text, literal_of(g, ty[2]).text)
                                    for _ in range(n)), ty)
    if k == "tuple":
        parts = [literal_of(g, t).text for t in ty[1:]]
        return E("(%s)" % ", ".join(parts) + ("," if len(parts) == 1 else ""), ty)
    raise ValueError(ty)


def var_of(g, ty, bits=BOUND):
    vs = g.vars_of(ty)
    if ty == T.INT:
        vs = [v for v in vs if v.bits <= bits]
    if not vs:
        return None
    v = g.choice(vs)
    return E(v.name, ty, bits=v.bits if ty == T.INT else None, mag=v.mag if ty == T.FLOAT else None)


def small_int(g, hi=8, depth=1):
    """A small non-negative int expression (< hi)."""
    r = g.r.random()
    vs = g.vars_of(T.INT)
    if r < 0.5 or not vs:
        return E(str(g.r.randrange(0, hi)), T.INT, bits=hi.bit_length())
    v = g.choice(vs)
    if r < 0.8:
        return E("%s %% %d" % (v.name, hi), T.INT, P_MUL, bits=hi.bit_length())
    return E("min(abs(%s), %d)" % (v.name, hi - 1), T.INT, bits=hi.bit_length())


def container_vars(g, pred):
    return g.vars_where(lambda v: pred(v.ty))


def tapped(g, ty, e):
    f = g.taps.get(ty)
    if f is None or not g.call_ok(f):
        return e
    g.add_cost(f.cost)
    return E("%s(%s, %s)" % (f.name, tag_lit(g), e.text), ty, bits=e.bits, mag=e.mag, pure=False)


TAGS = ["a", "b", "c", "left", "right", "lo", "hi", "arg1", "arg2", "key", "dflt",
        "first", "second", "x", "y", "base", "exp", "start", "stop", "k", "v"]


def tag_lit(g):
    return "'%s'" % g.choice(TAGS) if (g.fctx and g.fctx.in_fstring) else '"%s"' % g.choice(TAGS)


# ------------------------------------------------------------------ generic helpers

def call_returning(g, ctx, ty, depth):
    fs = [f for f in g.funcs if f.ret == ty and not f.tap and g.call_ok(f)]
    if not fs:
        return None
    f = g.choice(fs)
    return E(call_text(g, f, depth), ty, pure=False)


def call_text(g, f, depth):
    args = []
    used = set()
    for i, (pname, pty) in enumerate(f.params):
        if f.rec is not None and f.rec[0] == i:
            args.append(small_int(g, f.rec[1] + 1).text)
            continue
        e = None
        if T.is_container(pty):
            # Distinct containers per call (a function may extend one
            # parameter with another; passing one list twice doubles it).
            vs = [v for v in g.vars_of(pty) if v.name not in used]
            if vs and g.coin(0.8):
                v = g.choice(vs)
                used.add(v.name)
                e = E(v.name, pty)
            elif pty in f.mutates:
                e = literal_of(g, pty)
        if e is None:
            e = g.expr(pty, depth - 1)
        args.append(e.text)
    g.add_cost(f.cost)
    return "%s(%s)" % (f.name, ", ".join(args))


def ternary(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    a = g.expr(ty, depth - 1, bits)
    b = g.expr(ty, depth - 1, bits)
    c = g.expr(T.BOOL, depth - 1)
    return E("%s if %s else %s" % (a.p(P_OR), c.p(P_OR), b.p(P_TERN + 1)), ty, P_TERN,
             bits=max(a.bits, b.bits), mag=max(a.mag, b.mag))


def index_into(g, ctx, ty, depth, bits):
    """An element of a list/tuple/dict value whose element type is `ty`."""
    cands = container_vars(g, lambda t: (T.kind(t) == "list" and t[1] == ty)
                           or (T.kind(t) == "tuple" and ty in t[1:])
                           or (T.kind(t) == "dict" and t[2] == ty))
    if not cands:
        return None
    v = g.choice(cands)
    k = T.kind(v.ty)
    if k == "tuple":
        idx = [i for i, t in enumerate(v.ty[1:]) if t == ty]
        i = g.choice(idx)
        if g.coin(0.2):
            i -= len(v.ty) - 1
        return E("%s[%d]" % (v.name, i), ty)
    dflt = literal_of(g, ty, bits) if ty != T.INT else int_lit(g, min(bits, 10))
    if k == "list":
        if g.risk():
            i = g.choice([int_lit(g, 4), E(str(g.r.randrange(0, 6)), T.INT), E("-1", T.INT, P_UNARY)])
            return E("%s[%s]" % (v.name, i.text), ty)
        r = g.r.random()
        if r < 0.3:
            return E("%s[-1] if %s else %s" % (v.name, v.name, dflt.p(P_TERN + 1)), ty, P_TERN)
        if r < 0.5:
            return E("%s[0] if len(%s) > 0 else %s" % (v.name, v.name, dflt.p(P_TERN + 1)), ty, P_TERN)
        i = g.expr(T.INT, depth - 1, 20)
        return E("%s[%s %% len(%s)] if %s else %s" % (v.name, i.p(P_MUL + 1), v.name, v.name,
                                                      dflt.p(P_TERN + 1)), ty, P_TERN)
    # dict
    key = g.expr(v.ty[1], depth - 1)
    if g.risk():
        return E("%s[%s]" % (v.name, key.text), ty)
    if key.pure and g.coin(0.5):
        return E("%s[%s] if %s in %s else %s" % (v.name, key.text, key.p(P_CMP + 1), v.name,
                                                 dflt.p(P_TERN + 1)), ty, P_TERN)
    if g.coin(0.2):
        dflt = tapped(g, ty, dflt)
    return E("%s.get(%s, %s)" % (v.name, key.text, dflt.text), ty)


def dict_get(g, ctx, ty, depth, bits):
    cands = container_vars(g, lambda t: T.kind(t) == "dict" and t[2] == ty)
    if not cands:
        return None
    v = g.choice(cands)
    key = g.expr(v.ty[1], depth - 1)
    dflt = g.expr(ty, depth - 1, min(bits, 20))
    if g.coin(0.3):
        dflt = tapped(g, ty, dflt)
    r = g.r.random()
    if r < 0.7 or not g.can_resize(v.ty):
        return E("%s.get(%s, %s)" % (v.name, key.text, dflt.text), ty)
    g.note_mutation(v, v.ty)
    if r < 0.85:
        return E("%s.pop(%s, %s)" % (v.name, key.text, dflt.text), ty, pure=False)
    return E("%s.setdefault(%s, %s)" % (v.name, key.text, dflt.text), ty, pure=False)


def iterable_of(g, ty, depth, allow_str=True):
    """An iterable expression yielding `ty`, in a deterministic order.

    Returns (text, container type or None, estimated length)."""
    opts = []
    for v in g.fctx.all_vars():
        vt = v.ty
        k = T.kind(vt)
        if k == "list" and vt[1] == ty:
            opts.append((3, ("%s" % v.name, vt)))
            opts.append((1, ("%s[::-1]" % v.name, None)))
        elif k == "set" and vt[1] == ty:
            opts.append((2, (("sorted(%s)" % v.name) if T.unordered(vt) else v.name,
                             None if T.unordered(vt) else vt)))
        elif k == "dict" and vt[1] == ty:
            opts.append((1, (v.name, vt)))
        elif k == "dict" and vt[2] == ty and not T.unordered(ty):
            opts.append((1, ("%s.values()" % v.name, vt)))
        elif k == "tuple" and T.elem(vt) == ty:
            opts.append((1, (v.name, None)))
        elif vt == T.STR and ty == T.STR and allow_str:
            opts.append((1, (v.name, None)))
    if ty == T.INT:
        a = g.r.randrange(0, 4)
        b = g.r.randrange(a, a + 9)
        opts.append((3, ("range(%d)" % b, None)))
        opts.append((1, ("range(%d, %d)" % (a, b), None)))
        opts.append((1, ("range(%d, %d, -%d)" % (b, a - 1, g.r.randrange(1, 3)), None)))
    if ty == T.STR and allow_str:
        opts.append((1, (str_lit(g).text, None)))
    if not opts:
        return None
    return g.weighted(opts)


def key_lambda(g, ty):
    p = g.choice(["v", "p", "s", "q"])
    if ty == T.INT:
        body = g.choice(["-@", "abs(@)", "@ % 3", "(@ % 3, @)", "-abs(@)"])
    elif ty == T.FLOAT:
        body = g.choice(["-@", "abs(@)"])
    elif ty == T.STR:
        if g.coin(0.3):
            return "len"
        body = g.choice(["len(@)", "(len(@), @)", "@[::-1]", "@.lower()", "-len(@)"])
    elif T.kind(ty) == "tuple":
        n = len(ty) - 1
        i = g.r.randrange(n)
        if not T.orderable(ty[1 + i]):
            return None
        body = g.choice(["@[%d]" % i, "(@[%d], @[0])" % i])
    elif T.kind(ty) == "list":
        body = "sum(@)" if ty[1] == T.INT and g.coin(0.5) else "len(@)"
    else:
        return None
    return "lambda %s: %s" % (p, body.replace("@", p))


# ------------------------------------------------------------------ int

@expr("int", "literal")
def int_literal(g, ctx, ty, depth, bits):
    return int_lit(g, bits)


@expr("int", "var")
def int_var(g, ctx, ty, depth, bits):
    e = var_of(g, T.INT, bits)
    if e is None and bits >= 4:
        vs = g.vars_of(T.INT)
        if vs:
            m = g.choice([7, 10, 16, 100, 1000, 97])
            m = min(m, 2 ** (bits - 1))
            return E("%s %% %d" % (g.choice(vs).name, m), T.INT, P_MUL, bits=m.bit_length())
    return e


@expr("int", "arith")
def int_arith(g, ctx, ty, depth, bits):
    if depth < 1 or bits < 3:
        return None
    op = g.choice(["+", "-", "*", "+", "-"])
    if op == "*":
        b1 = g.r.randrange(1, bits)
        a = g.expr(T.INT, depth - 1, b1)
        b = g.expr(T.INT, depth - 1, max(1, bits - a.bits))
        nb = a.bits + b.bits
    else:
        a = g.expr(T.INT, depth - 1, bits - 1)
        b = g.expr(T.INT, depth - 1, bits - 1)
        nb = max(a.bits, b.bits) + 1
    if g.coin(0.15):
        a = tapped(g, T.INT, a)
        b = tapped(g, T.INT, b)
    prec = P_MUL if op == "*" else P_ADD
    return E("%s %s %s" % (a.p(prec), op, b.p(prec + 1)), T.INT, prec, bits=nb,
             pure=a.pure and b.pure)


@expr("int", "divmod")
def int_divmod(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    op = g.choice(["//", "%"])
    a = g.expr(T.INT, depth - 1, bits)
    r = g.r.random()
    if r < 0.5:
        m = g.choice([2, 3, 4, 5, 7, 10, 16, 100, -3, -7, 9])
        b = E(str(m), T.INT, P_UNARY if m < 0 else P_ATOM, bits=abs(m).bit_length())
    elif r < 0.75 or not g.risk():
        d = g.expr(T.INT, depth - 1, 16)
        form = g.choice(["(%s or 1)", "max(%s, 1)", "(abs(%s) + 1)"])
        b = E(form % d.p(P_OR + 1), T.INT, P_ATOM, bits=16)
    else:
        b = g.expr(T.INT, depth - 1, 16)
    if op == "%":
        nb = min(a.bits, max(b.bits, 1)) if op == "%" else a.bits
    else:
        nb = a.bits
    return E("%s %s %s" % (a.p(P_MUL), op, b.p(P_MUL + 1)), T.INT, P_MUL, bits=max(nb, 1),
             pure=a.pure and b.pure)


@expr("int", "pow")
def int_pow(g, ctx, ty, depth, bits):
    if bits < 6:
        return None
    if g.coin(0.4):
        k = g.r.randrange(0, min(bits - 1, 30))
        return E("2 ** %d" % k, T.INT, P_POW, bits=k + 1)
    base = g.expr(T.INT, depth - 1, 4)
    if g.coin(0.3):
        ex = small_int(g, 4)
        ex_t = ex.p(P_UNARY)
    else:
        ex_t = str(g.r.randrange(0, 4))
    if ex_t.isdigit():
        nb = max(1, base.bits * int(ex_t))
    else:
        nb = base.bits * 3
    if nb > bits:
        return None
    return E("%s ** %s" % (base.p(P_POW + 2), ex_t), T.INT, P_POW, bits=nb)


@expr("int", "bitwise")
def int_bitwise(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    op = g.choice(["&", "|", "^", "&"])
    a = g.expr(T.INT, depth - 1, bits)
    b = g.expr(T.INT, depth - 1, bits) if g.coin(0.6) else E(hex(g.choice([0xFF, 0xF0F, 7, 0xFFFF, 1, 3])), T.INT, bits=16)
    prec = {"&": P_BAND, "|": P_BOR, "^": P_BXOR}[op]
    return E("%s %s %s" % (a.p(prec), op, b.p(prec + 1)), T.INT, prec,
             bits=max(a.bits, b.bits) + 1)


@expr("int", "shift")
def int_shift(g, ctx, ty, depth, bits):
    if depth < 1 or bits < 4:
        return None
    if g.coin(0.5):
        k = g.r.randrange(0, min(bits - 2, 12))
        a = g.expr(T.INT, depth - 1, bits - k)
        return E("%s << %d" % (a.p(P_SHIFT), k), T.INT, P_SHIFT, bits=a.bits + k)
    a = g.expr(T.INT, depth - 1, bits)
    if g.risk():
        k = g.expr(T.INT, depth - 1, 5)
    else:
        k = E(str(g.r.randrange(0, 9)), T.INT)
    return E("%s >> %s" % (a.p(P_SHIFT), k.p(P_SHIFT + 1)), T.INT, P_SHIFT, bits=a.bits)


@expr("int", "unary")
def int_unary(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    op = g.choice(["-", "~", "-", "+"])
    a = g.expr(T.INT, depth - 1, bits - 1)
    return E("%s%s" % (op, a.p(P_UNARY)), T.INT, P_UNARY, bits=a.bits + 1)


@expr("int", "len")
def int_len(g, ctx, ty, depth, bits):
    if bits < 12:
        return None
    vs = container_vars(g, lambda t: T.is_container(t) or t == T.STR or T.kind(t) == "tuple")
    if not vs or g.coin(0.2):
        if depth < 1:
            return None
        t = g.pick_type(want=lambda t: t == T.STR or T.kind(t) in ("list", "set", "dict"))
        return E("len(%s)" % g.expr(t, depth - 1).text, T.INT, bits=12)
    return E("len(%s)" % g.choice(vs).name, T.INT, bits=12)


@expr("int", "index")
def int_index(g, ctx, ty, depth, bits):
    return index_into(g, ctx, T.INT, depth, bits)


@expr("int", "dictget")
def int_dictget(g, ctx, ty, depth, bits):
    return dict_get(g, ctx, T.INT, depth, bits)


@expr("int", "call")
def int_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, T.INT, depth)


@expr("int", "convert")
def int_convert(g, ctx, ty, depth, bits):
    r = g.r.random()
    if r < 0.35:
        f = g.expr(T.FLOAT, depth - 1)
        if f.mag > 15 and not g.risk():
            return None
        fn = g.choice(["int", "round", "int"])
        return E("%s(%s)" % (fn, f.text), T.INT, bits=BOUND if f.mag < 9 else 62)
    if r < 0.65:
        i = g.expr(T.INT, depth - 1, bits)
        return E("int(str(%s))" % i.text, T.INT, bits=i.bits)
    if r < 0.85:
        s = g.choice(["12", " 42 ", "-7", "0", "+5", "007", "1_000"])
        if g.risk():
            s = g.choice(["abc", "", "3.5", "1e3", " ", "12a"])
        return E("int(%r)" % s, T.INT, bits=10)
    b = g.expr(T.BOOL, depth - 1)
    return E("int(%s)" % b.text, T.INT, bits=1)


@expr("int", "absminmax")
def int_absminmax(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    fn = g.choice(["abs", "min", "max", "min", "max"])
    if fn == "abs":
        a = g.expr(T.INT, depth - 1, bits)
        return E("abs(%s)" % a.text, T.INT, bits=a.bits)
    n = g.r.randrange(2, 4)
    args = [g.expr(T.INT, depth - 1, bits) for _ in range(n)]
    if g.coin(0.2):
        args = [tapped(g, T.INT, a) for a in args]
    return E("%s(%s)" % (fn, ", ".join(a.text for a in args)), T.INT,
             bits=max(a.bits for a in args), pure=all(a.pure for a in args))


@expr("int", "reduce")
def int_reduce(g, ctx, ty, depth, bits):
    """sum/min/max over an iterable (with key=/default=)."""
    it = iterable_of(g, T.INT, depth)
    if it is None:
        return None
    src = it[0]
    r = g.r.random()
    if r < 0.4:
        if bits < BOUND + 8:
            if g.coin(0.5):
                return E("sum(%s) %% %d" % (src, g.choice([1000, 97, 256, 10007])), T.INT, P_MUL, bits=14)
            return None
        return E("sum(%s)" % src, T.INT, bits=BOUND + 8)
    if r < 0.55 and depth >= 1:
        x = g.fresh(g.fctx, "elem")
        body = g.choice(["%s * %s" % (x, x), "%s %% 3" % x, "abs(%s)" % x, "1"])
        cond = g.choice(["", " if %s %% 2 == 0" % x, " if %s > 0" % x])
        nb = BOUND * 2 + 8 if "*" in body else BOUND + 8
        if nb > bits:
            body = "%s %% 3" % x
        return E("sum(%s for %s in %s%s)" % (body, x, src, cond), T.INT, bits=min(nb, BOUND + 8) if "*" not in body else nb)
    fn = g.choice(["min", "max"])
    extra = ""
    if g.coin(0.4):
        lam = key_lambda(g, T.INT)
        if lam:
            extra += ", key=%s" % lam
    if g.coin(0.6) or not g.risk():
        d = g.expr(T.INT, depth - 1, 20)
        if g.coin(0.3):
            d = tapped(g, T.INT, d)
        extra += ", default=%s" % d.text
    return E("%s(%s%s)" % (fn, src, extra), T.INT)


@expr("int", "search")
def int_search(g, ctx, ty, depth, bits):
    if bits < 12:
        return None
    r = g.r.random()
    if r < 0.6:
        s = g.expr(T.STR, depth - 1)
        sub = g.expr(T.STR, 0) if g.coin(0.5) else str_lit(g, g.choice(["a", "e", "an", "o", " ", ",", "l"]))
        m = g.choice(["find", "rfind", "count", "find", "count"] + (["index", "rindex"] if g.risk() else []))
        if m == "rindex":
            m = "index"
        return E("%s.%s(%s)" % (s.p(P_ATOM), m, sub.text), T.INT, bits=12)
    vs = container_vars(g, lambda t: T.kind(t) == "list" and T.kind(t[1]) in (T.INT, T.STR))
    if not vs:
        return None
    v = g.choice(vs)
    x = g.expr(v.ty[1], depth - 1, 20)
    if g.risk():
        return E("%s.index(%s)" % (v.name, x.text), T.INT, bits=12)
    if x.pure and g.coin(0.5):
        return E("%s.index(%s) if %s in %s else -1" % (v.name, x.text, x.p(P_CMP + 1), v.name),
                 T.INT, P_TERN, bits=12)
    return E("%s.count(%s)" % (v.name, x.text), T.INT, bits=12)


@expr("int", "ternary")
def int_ternary(g, ctx, ty, depth, bits):
    return ternary(g, ctx, T.INT, depth, bits)


@expr("int", "tap")
def int_tap(g, ctx, ty, depth, bits):
    if T.INT not in g.taps:
        return None
    return tapped(g, T.INT, g.expr(T.INT, depth - 1, bits))


@expr("int", "pop")
def int_pop(g, ctx, ty, depth, bits):
    vs = [v for v in container_vars(g, lambda t: t == T.List(T.INT)) if g.can_resize(v.ty)]
    if not vs:
        return None
    v = g.choice(vs)
    g.note_mutation(v, v.ty)
    if g.risk():
        return E("%s.pop()" % v.name, T.INT, pure=False)
    if g.coin(0.5):
        return E("%s.pop() if %s else -1" % (v.name, v.name), T.INT, P_TERN, pure=False)
    return E("%s.pop(0) if len(%s) > 1 else 0" % (v.name, v.name), T.INT, P_TERN, pure=False)


@expr("int", "ord")
def int_ord(g, ctx, ty, depth, bits):
    if bits < 21:
        return None
    vs = g.vars_of(T.STR)
    if vs and g.coin(0.6):
        v = g.choice(vs).name
        if g.risk():
            return E("ord(%s[0])" % v, T.INT, bits=21)
        return E("ord(%s[0]) if %s else 0" % (v, v), T.INT, P_TERN, bits=21)
    return E("ord(%s)" % str_lit(g, g.choice("azAZ09 é€!~")).text, T.INT, bits=21)


@expr("int", "bool")
def int_bool(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    b = g.expr(T.BOOL, depth - 1)
    i = g.expr(T.INT, depth - 1, bits - 1)
    return E("%s + %s" % (i.p(P_ADD), b.p(P_ADD + 1)), T.INT, P_ADD, bits=i.bits + 1)


# ------------------------------------------------------------------ float

@expr("float", "literal")
def float_literal(g, ctx, ty, depth, bits):
    return float_lit(g)


@expr("float", "var")
def float_var(g, ctx, ty, depth, bits):
    return var_of(g, T.FLOAT)


@expr("float", "arith")
def float_arith(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    op = g.choice(["+", "-", "*"])
    a = g.expr(T.FLOAT, depth - 1)
    if g.coin(0.3):
        b = g.expr(T.INT, depth - 1, 20)
        bm = 7
    else:
        b = g.expr(T.FLOAT, depth - 1)
        bm = b.mag
    if g.coin(0.5):
        a, b = b, a
        am, bm = bm, a.mag
    else:
        am = a.mag
    prec = P_MUL if op == "*" else P_ADD
    mag = am + bm if op == "*" else max(am, bm) + 1
    if a.ty == T.INT and b.ty == T.INT:
        return None
    return E("%s %s %s" % (a.p(prec), op, b.p(prec + 1)), T.FLOAT, prec, mag=mag,
             pure=a.pure and b.pure)


@expr("float", "div")
def float_div(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    op = g.choice(["/", "/", "//", "%"])
    a = g.expr(g.choice([T.FLOAT, T.INT]), depth - 1, 24)
    if g.coin(0.4):
        b = float_lit(g) if g.coin(0.5) else int_lit(g, 8)
        if b.text in ("0", "0.0", "-0.0") and not g.risk():
            b = E("2.0", T.FLOAT)
    elif g.risk():
        b = g.expr(g.choice([T.FLOAT, T.INT]), depth - 1, 16)
    else:
        d = g.expr(T.FLOAT, depth - 1)
        b = E("(%s or 1.0)" % d.p(P_OR + 1), T.FLOAT)
    if a.ty == T.INT and b.ty == T.INT and op != "/":
        return None
    return E("%s %s %s" % (a.p(P_MUL), op, b.p(P_MUL + 1)), T.FLOAT, P_MUL, mag=400)


@expr("float", "pow")
def float_pow(g, ctx, ty, depth, bits):
    base = g.expr(T.FLOAT, depth - 1)
    ex = g.choice(["2", "3", "0.5", "2.0", "-1", "1.5", "-0.5", "0", "-2", "10", "0.25"])
    if g.coin(0.08):
        ex = g.choice(["400", "1e308", "1000.0", "-400"])
    if "." in ex and ex not in ("2.0", "1000.0", "1e308") or ex in ("0.5", "1.5", "-0.5", "0.25"):
        base = E("abs(%s)" % base.text, T.FLOAT, mag=base.mag)
    exe = E(ex, T.INT if "." not in ex and "e" not in ex else T.FLOAT,
            P_UNARY if ex.startswith("-") else P_ATOM)
    return E("%s ** %s" % (base.p(P_POW + 2), exe.p(P_UNARY)), T.FLOAT, P_POW, mag=400)


@expr("float", "fromint")
def float_fromint(g, ctx, ty, depth, bits):
    r = g.r.random()
    if r < 0.4:
        i = g.expr(T.INT, depth - 1)
        return E("float(%s)" % i.text, T.FLOAT, mag=10)
    a = g.expr(T.INT, depth - 1, 24)
    if r < 0.7:
        b = int_lit(g, 6)
        if b.text == "0" and not g.risk():
            b = E("3", T.INT)
    else:
        d = g.expr(T.INT, depth - 1, 16)
        b = d if g.risk() else E("max(%s, 1)" % d.text, T.INT)
    return E("%s / %s" % (a.p(P_MUL), b.p(P_MUL + 1)), T.FLOAT, P_MUL, mag=8)


@expr("float", "builtin")
def float_builtin(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    fn = g.choice(["abs", "round", "min", "max", "round"])
    a = g.expr(T.FLOAT, depth - 1)
    if fn == "abs":
        return E("abs(%s)" % a.text, T.FLOAT, mag=a.mag)
    if fn == "round":
        return E("round(%s, %d)" % (a.text, g.r.randrange(0, 4)), T.FLOAT, mag=a.mag)
    b = g.expr(T.FLOAT, depth - 1)
    return E("%s(%s, %s)" % (fn, a.text, b.text), T.FLOAT, mag=max(a.mag, b.mag))


@expr("float", "reduce")
def float_reduce(g, ctx, ty, depth, bits):
    it = iterable_of(g, T.FLOAT, depth)
    if it is None:
        return None
    fn = g.choice(["sum", "min", "max", "sum"])
    if fn == "sum":
        # sum() of an empty float list is 0 in CPython (0.0 in mgen: documented).
        return E("sum(%s, 0.0)" % it[0], T.FLOAT, mag=12)
    extra = ""
    if g.coin(0.3):
        extra = ", key=%s" % key_lambda(g, T.FLOAT)
    if not g.risk() or g.coin(0.5):
        extra += ", default=%s" % float_lit(g).text
    return E("%s(%s%s)" % (fn, it[0], extra), T.FLOAT)


@expr("float", "index")
def float_index(g, ctx, ty, depth, bits):
    return index_into(g, ctx, T.FLOAT, depth, bits)


@expr("float", "dictget")
def float_dictget(g, ctx, ty, depth, bits):
    return dict_get(g, ctx, T.FLOAT, depth, bits)


@expr("float", "call")
def float_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, T.FLOAT, depth)


@expr("float", "ternary")
def float_ternary(g, ctx, ty, depth, bits):
    return ternary(g, ctx, T.FLOAT, depth, bits)


@expr("float", "special")
def float_special(g, ctx, ty, depth, bits):
    t = g.choice(BIG_FLOATS)
    if ctx.in_fstring:
        t = t.replace('"', "'")
    return E(t, T.FLOAT, P_UNARY if t.startswith("-") else P_ATOM, mag=400)


@expr("float", "parse")
def float_parse(g, ctx, ty, depth, bits):
    s = g.choice(["1.5", " 2 ", "-0.25", "1e3", "nan", "-inf", "3", "1_000.5", "  .5"])
    if g.risk():
        s = g.choice(["abc", "", "1,5", "--1"])
    return E("float(%r)" % s, T.FLOAT, mag=400 if s in ("nan", "-inf") else 4)


# ------------------------------------------------------------------ bool

@expr("bool", "literal")
def bool_literal(g, ctx, ty, depth, bits):
    return E(g.choice(["True", "False"]), T.BOOL)


@expr("bool", "var")
def bool_var(g, ctx, ty, depth, bits):
    return var_of(g, T.BOOL)


CMP_OPS = ["<", "<=", ">", ">=", "==", "!="]


@expr("bool", "compare")
def bool_compare(g, ctx, ty, depth, bits):
    t = g.weighted([(6, T.INT), (2, T.FLOAT), (2, T.STR), (1, "mixed")])
    if t == "mixed":
        a = g.expr(T.INT, depth - 1)
        b = g.expr(T.FLOAT, depth - 1)
    else:
        a = g.expr(t, depth - 1)
        b = g.expr(t, depth - 1)
    if g.coin(0.1):
        a = tapped(g, a.ty, a)
        b = tapped(g, b.ty, b)
    return E("%s %s %s" % (a.p(P_CMP + 1), g.choice(CMP_OPS), b.p(P_CMP + 1)), T.BOOL, P_CMP)


@expr("bool", "chain")
def bool_chain(g, ctx, ty, depth, bits):
    t = g.weighted([(6, T.INT), (2, T.FLOAT), (1, T.STR)])
    n = g.r.randrange(3, 5)
    parts = [g.expr(t, depth - 1).p(P_CMP + 1)]
    for _ in range(n - 1):
        parts.append(g.choice(["<", "<=", "<", "==", "!=", ">"]))
        parts.append(g.expr(t, depth - 1).p(P_CMP + 1))
    return E(" ".join(parts), T.BOOL, P_CMP)


@expr("bool", "member")
def bool_member(g, ctx, ty, depth, bits):
    r = g.r.random()
    neg = g.choice(["in", "not in", "in"])
    if r < 0.3:
        a = g.expr(T.STR, depth - 1)
        b = g.expr(T.STR, depth - 1)
        return E("%s %s %s" % (a.p(P_CMP + 1), neg, b.p(P_CMP + 1)), T.BOOL, P_CMP)
    if r < 0.4:
        a = g.expr(T.INT, depth - 1)
        lo, hi = g.r.randrange(-5, 5), g.r.randrange(5, 30)
        st = g.choice(["", ", 2", ", 3", ", -1"])
        if st == ", -1":
            lo, hi = hi, lo
        return E("%s %s range(%d, %d%s)" % (a.p(P_CMP + 1), neg, lo, hi, st), T.BOOL, P_CMP)
    vs = container_vars(g, lambda t: T.kind(t) in ("list", "set", "dict") or
                        (T.kind(t) == "tuple" and T.elem(t) is not None))
    if not vs:
        return None
    v = g.choice(vs)
    a = g.expr(T.elem(v.ty), depth - 1)
    return E("%s %s %s" % (a.p(P_CMP + 1), neg, v.name), T.BOOL, P_CMP)


@expr("bool", "tap_member")
def bool_tap_member(g, ctx, ty, depth, bits):
    """Operand evaluation order of `in`: the left side is evaluated first."""
    if T.INT not in g.taps or List(T.INT) not in g.taps:
        return None
    a = tapped(g, T.INT, g.expr(T.INT, depth - 1))
    b = tapped(g, List(T.INT), g.expr(List(T.INT), depth - 1))
    return E("%s %s %s" % (a.p(P_CMP + 1), g.choice(["in", "not in"]), b.p(P_CMP + 1)), T.BOOL, P_CMP)


List = T.List


@expr("bool", "logic")
def bool_logic(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    op = g.choice(["and", "or"])
    a = g.expr(T.BOOL, depth - 1)
    b = g.expr(T.BOOL, depth - 1)
    prec = P_AND if op == "and" else P_OR
    return E("%s %s %s" % (a.p(prec), op, b.p(prec + 1)), T.BOOL, prec)


@expr("bool", "not")
def bool_not(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    a = g.expr(T.BOOL, depth - 1)
    return E("not %s" % a.p(P_NOT), T.BOOL, P_NOT)


@expr("bool", "strpred")
def bool_strpred(g, ctx, ty, depth, bits):
    s = g.expr(T.STR, depth - 1)
    m = g.choice(["isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle",
                  "isdecimal", "isnumeric", "isprintable", "startswith", "endswith", "startswith"])
    if m in ("startswith", "endswith"):
        arg = g.expr(T.STR, 0) if g.coin(0.4) else str_lit(g, g.choice(["a", "b", "ap", "", "o", "Z"]))
        return E("%s.%s(%s)" % (s.p(P_ATOM), m, arg.text), T.BOOL)
    return E("%s.%s()" % (s.p(P_ATOM), m), T.BOOL)


@expr("bool", "anyall")
def bool_anyall(g, ctx, ty, depth, bits):
    t = g.choice([T.INT, T.INT, T.STR])
    it = iterable_of(g, t, depth)
    if it is None:
        return None
    x = g.fresh(g.fctx, "elem")
    if t == T.INT:
        cond = g.choice(["%s > 0", "%s %% 2 == 0", "%s < 5", "%s != 0"]) % x
    else:
        cond = g.choice(["%s.isalpha()", "len(%s) > 3", "'a' in %s", "%s == %s.lower()"]).replace("%s", x)
    fn = g.choice(["any", "all"])
    if g.coin(0.3):
        return E("%s([%s for %s in %s])" % (fn, cond, x, it[0]), T.BOOL)
    return E("%s(%s for %s in %s)" % (fn, cond, x, it[0]), T.BOOL)


@expr("bool", "setrel")
def bool_setrel(g, ctx, ty, depth, bits):
    vs = container_vars(g, lambda t: T.kind(t) == "set")
    if not vs:
        return None
    v = g.choice(vs)
    o = g.expr(v.ty, depth - 1)
    if g.coin(0.5):
        op = g.choice(["<=", "<", ">=", ">", "==", "!="])
        return E("%s %s %s" % (v.name, op, o.p(P_CMP + 1)), T.BOOL, P_CMP)
    m = g.choice(["issubset", "issuperset", "isdisjoint"])
    if T.is_container(v.ty) and g.coin(0.2) and g.taps.get(v.ty):
        o = tapped(g, v.ty, o)
    return E("%s.%s(%s)" % (v.name, m, o.text), T.BOOL)


@expr("bool", "seqcmp")
def bool_seqcmp(g, ctx, ty, depth, bits):
    vs = container_vars(g, lambda t: T.kind(t) in ("list", "tuple", "dict") and T.orderable(t)
                        or T.kind(t) == "dict")
    if not vs:
        return None
    v = g.choice(vs)
    o = g.expr(v.ty, depth - 1)
    ops = ["==", "!="] if T.kind(v.ty) == "dict" or not T.orderable(v.ty) else CMP_OPS
    return E("%s %s %s" % (v.name, g.choice(ops), o.p(P_CMP + 1)), T.BOOL, P_CMP)


@expr("bool", "call")
def bool_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, T.BOOL, depth)


# ------------------------------------------------------------------ str

@expr("str", "literal")
def str_literal(g, ctx, ty, depth, bits):
    return str_lit(g)


@expr("str", "var")
def str_var(g, ctx, ty, depth, bits):
    return var_of(g, T.STR)


@expr("str", "concat")
def str_concat(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    a = g.expr(T.STR, depth - 1)
    b = g.expr(T.STR, depth - 1)
    return E("%s + %s" % (a.p(P_ADD), b.p(P_ADD + 1)), T.STR, P_ADD, pure=a.pure and b.pure)


@expr("str", "repeat")
def str_repeat(g, ctx, ty, depth, bits):
    a = g.expr(T.STR, depth - 1)
    n = small_int(g, 4)
    if g.coin(0.3):
        n = E("-1", T.INT, P_UNARY)
    if g.coin(0.5):
        return E("%s * %s" % (a.p(P_MUL), n.p(P_MUL + 1)), T.STR, P_MUL)
    return E("%s * %s" % (n.p(P_MUL), a.p(P_MUL + 1)), T.STR, P_MUL)


def slice_text(g, depth):
    parts = []
    for _ in range(2):
        if g.coin(0.45):
            parts.append("")
        else:
            parts.append(g.choice([int_lit(g, 4), int_lit(g, 3), small_int(g, 6)]).text)
    step = ""
    if g.coin(0.4):
        st = g.choice(["2", "-1", "-2", "3", "1", "-3"])
        if g.risk() and g.coin(0.3):
            st = g.choice(g.vars_of(T.INT) or [None]).name if g.vars_of(T.INT) else "0"
        step = ":" + st
    return "%s:%s%s" % (parts[0], parts[1], step)


@expr("str", "slice")
def str_slice(g, ctx, ty, depth, bits):
    a = g.expr(T.STR, depth - 1)
    return E("%s[%s]" % (a.p(P_ATOM), slice_text(g, depth)), T.STR)


@expr("str", "index")
def str_index(g, ctx, ty, depth, bits):
    vs = g.vars_of(T.STR)
    if not vs:
        return None
    v = g.choice(vs).name
    if g.risk():
        return E("%s[%s]" % (v, int_lit(g, 3).text), T.STR)
    i = g.expr(T.INT, depth - 1, 20)
    if g.coin(0.5):
        return E("%s[%s %% len(%s)] if %s else '?'" % (v, i.p(P_MUL + 1), v, v), T.STR, P_TERN)
    return E("%s[-1] if %s else ''" % (v, v), T.STR, P_TERN)


@expr("str", "method")
def str_method(g, ctx, ty, depth, bits):
    s = g.expr(T.STR, depth - 1)
    m = g.choice(["upper", "lower", "strip", "title", "capitalize", "swapcase", "casefold",
                  "lstrip", "rstrip", "replace", "center", "ljust", "rjust", "zfill",
                  "replace", "strip"])
    if m == "replace":
        a = str_lit(g, g.choice(["a", "e", "an", "o", " ", "l", ""]))
        b = str_lit(g, g.choice(["", "_", "A", "xy", "-"]))
        extra = ", %d" % g.r.randrange(0, 3) if g.coin(0.2) else ""
        return E("%s.replace(%s, %s%s)" % (s.p(P_ATOM), a.text, b.text, extra), T.STR)
    if m in ("center", "ljust", "rjust"):
        n = g.r.randrange(0, 14)
        fill = ", %s" % str_lit(g, g.choice(["*", "-", ".", "#", "é"])).text if g.coin(0.5) else ""
        return E("%s.%s(%d%s)" % (s.p(P_ATOM), m, n, fill), T.STR)
    if m == "zfill":
        return E("%s.zfill(%d)" % (s.p(P_ATOM), g.r.randrange(0, 9)), T.STR)
    if m in ("strip", "lstrip", "rstrip") and g.coin(0.3):
        return E("%s.%s(%s)" % (s.p(P_ATOM), m, str_lit(g, g.choice(["ab", " x", "-", ".,"])).text), T.STR)
    return E("%s.%s()" % (s.p(P_ATOM), m), T.STR)


@expr("str", "join")
def str_join(g, ctx, ty, depth, bits):
    sep = str_lit(g, g.choice(SEPS))
    r = g.r.random()
    if r < 0.5:
        it = iterable_of(g, T.STR, depth)
        if it is None:
            return None
        return E("%s.join(%s)" % (sep.text, it[0]), T.STR)
    t = g.choice([T.INT, T.FLOAT, T.INT])
    it = iterable_of(g, t, depth)
    if it is None:
        return None
    x = g.fresh(g.fctx, "elem")
    body = g.choice(["str(%s)" % x, "repr(%s)" % x, "f'{%s}'" % x if not g.fctx.in_fstring else "str(%s)" % x])
    if t == T.INT and g.coin(0.3):
        body = "f'{%s:>3}'" % x if not g.fctx.in_fstring else "str(%s)" % x
    if g.coin(0.3):
        return E("%s.join([%s for %s in %s])" % (sep.text, body, x, it[0]), T.STR)
    return E("%s.join(%s for %s in %s)" % (sep.text, body, x, it[0]), T.STR)


INT_SPECS = ["", "d", ">6", "<5", "^7", "05d", ",", "_", "x", "o", "b", "#x", "+d", " d", "08b",
             "X", "#o", "*>8", "-^9", "=+6", ",d", "e", ".2f", "%"]
FLOAT_SPECS = ["", ".3f", ".2e", "g", ".1%", "10.4f", ",.2f", "+.1f", ".0f", "e", "G", "<10",
               "^12.3g", ".10g", "08.2f", "%", ".3", "_.1f", "E", " .2f", "#.0f"]
STR_SPECS = ["", ">8", "<5", "^9", "*^9", ".3", "-<6", ">3", "10", "^"]


def fstring_part(g, depth):
    ctx = g.fctx
    t = g.weighted([(5, T.INT), (3, T.FLOAT), (4, T.STR), (1, T.BOOL), (2, "cont")])
    if t == "cont":
        t = g.pick_type(want=lambda x: T.is_container(x) or T.kind(x) == "tuple")
        if T.unordered(t):
            return None
        e = g.expr(t, max(0, depth - 1))
        if e.text.startswith("{"):
            e = E("(%s)" % e.text, t)
        conv = g.choice(["", "!r", "="])
        if conv == "=":
            return "{%s=}" % e.text
        return "{%s%s}" % (e.text, conv)
    e = g.expr(t, max(0, depth - 1))
    if e.text.startswith("{"):
        e = E("(%s)" % e.text, t)
    conv = g.weighted([(8, ""), (2, "spec"), (1, "!r"), (1, "=")])
    if conv == "=" and g.coin(0.5):
        return "{%s=}" % e.text
    if conv == "!r":
        return "{%s!r}" % e.text
    if conv == "spec" or conv == "=":
        specs = {T.INT: INT_SPECS, T.FLOAT: FLOAT_SPECS, T.STR: STR_SPECS, T.BOOL: [""]}[t]
        sp = g.choice(specs)
        return "{%s:%s}" % (e.text, sp) if sp else "{%s}" % e.text
    return "{%s}" % e.text


@expr("str", "fstring")
def str_fstring(g, ctx, ty, depth, bits):
    if ctx.in_fstring:
        return None
    ctx.in_fstring = True
    try:
        n = g.r.randrange(1, 4)
        out = []
        for i in range(n):
            if g.coin(0.7):
                lit = g.choice(["", " ", "x=", "n: ", " | ", "(", ") ", "-", "total ", "=", "#", " and "])
                out.append(lit.replace("{", "{{").replace("}", "}}"))
            p = fstring_part(g, depth)
            if p:
                out.append(p)
        if g.coin(0.2):
            out.append(g.choice(["{{}}", "}}", " {{x}}"]))
        return E('f"%s"' % "".join(out), T.STR, pure=False)
    finally:
        ctx.in_fstring = False


@expr("str", "conv")
def str_conv(g, ctx, ty, depth, bits):
    t = g.pick_type()
    if T.unordered(t) or t == T.STR and g.coin(0.5):
        t = T.INT
    e = g.expr(t, depth - 1)
    return E("%s(%s)" % (g.choice(["str", "repr", "str"]), e.text), T.STR)


@expr("str", "format")
def str_format(g, ctx, ty, depth, bits):
    t = g.choice([T.INT, T.FLOAT, T.STR, T.INT])
    e = g.expr(t, depth - 1)
    specs = {T.INT: INT_SPECS, T.FLOAT: FLOAT_SPECS, T.STR: STR_SPECS}[t]
    q = "'" if ctx.in_fstring else '"'
    return E("format(%s, %s%s%s)" % (e.text, q, g.choice(specs), q), T.STR)


@expr("str", "strformat")
def str_strformat(g, ctx, ty, depth, bits):
    if ctx.in_fstring:
        return None
    n = g.r.randrange(1, 4)
    args = []
    fields = []
    auto = g.coin(0.7)
    for i in range(n):
        t = g.choice([T.INT, T.STR, T.FLOAT])
        args.append(g.expr(t, depth - 1).text)
        specs = {T.INT: INT_SPECS, T.FLOAT: FLOAT_SPECS, T.STR: STR_SPECS}[t]
        sp = g.choice(specs) if g.coin(0.4) else ""
        idx = "" if auto else str(i)
        fields.append("{%s%s}" % (idx, ":" + sp if sp else ""))
    tmpl = g.choice(["", "[", "<"]) + g.choice([" ", ", ", "-", " / "]).join(fields) + g.choice(["", "]", ">", "!"])
    return E('"%s".format(%s)' % (tmpl, ", ".join(args)), T.STR)


@expr("str", "chr")
def str_chr(g, ctx, ty, depth, bits):
    if g.risk():
        return E("chr(%s)" % g.expr(T.INT, depth - 1, 22).text, T.STR)
    base = g.choice([65, 97, 48, 0x3b1, 0x4e00])
    k = small_int(g, 26)
    return E("chr(%d + %s)" % (base, k.p(P_ADD + 1)), T.STR)


@expr("str", "elem")
def str_elem(g, ctx, ty, depth, bits):
    return index_into(g, ctx, T.STR, depth, bits)


@expr("str", "dictget")
def str_dictget(g, ctx, ty, depth, bits):
    return dict_get(g, ctx, T.STR, depth, bits)


@expr("str", "call")
def str_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, T.STR, depth)


@expr("str", "ternary")
def str_ternary(g, ctx, ty, depth, bits):
    return ternary(g, ctx, T.STR, depth, bits)


@expr("str", "tap")
def str_tap(g, ctx, ty, depth, bits):
    if T.STR not in g.taps:
        return None
    return tapped(g, T.STR, g.expr(T.STR, depth - 1))


# ------------------------------------------------------------------ list

def elem_expr(g, t, depth):
    if t == T.INT:
        return g.expr(T.INT, depth, BOUND)
    return g.expr(t, depth)


@expr("list", "display")
def list_display(g, ctx, ty, depth, bits):
    n = g.weighted([(1, 1), (3, 2), (3, 3), (2, 4), (1, 5), (1, 6)])
    items = [elem_expr(g, ty[1], depth - 1).text for _ in range(n)]
    return E("[%s]" % ", ".join(items), ty)


@expr("list", "var")
def list_var(g, ctx, ty, depth, bits):
    return var_of(g, ty)


@expr("list", "comp")
def list_comp(g, ctx, ty, depth, bits):
    et = ty[1]
    src_t = g.choice([T.INT, T.STR, et, et]) if T.kind(et) in ("int", "str", "float") else et
    if g.coin(0.3) and T.kind(et) in (T.INT, T.STR, T.FLOAT):
        src_t = g.choice([T.INT, T.STR, T.FLOAT])
    it = iterable_of(g, src_t, depth)
    if it is None:
        return None
    x = g.fresh(g.fctx, "elem")
    body = comp_body(g, x, src_t, et, depth, it)
    if body is None:
        return None
    return E("[%s]" % body, ty)


def comp_body(g, x, src_t, et, depth, it, key=None):
    """`expr for x in it [if cond]` where expr has type `et` and x: src_t."""
    from .core import Var
    ctx = g.fctx
    ctx.scopes.append({})
    saved = (ctx.mult, set(ctx.frozen))
    ctx.mult *= 10
    if it[1] is not None:
        ctx.frozen.add(it[1])
    ctx.add_var(Var(x, src_t, readonly=True, bits=BOUND if src_t == T.INT else 0))
    try:
        e = g.expr(et, max(0, depth - 1))
        cond = ""
        if g.coin(0.35):
            c = g.expr(T.BOOL, max(0, depth - 1))
            cond = " if %s" % c.p(P_OR)
        head = e.p(P_OR) if key is None else "%s: %s" % (key.p(P_OR), e.p(P_OR))
        return "%s for %s in %s%s" % (head, x, it[0], cond)
    finally:
        ctx.scopes.pop()
        ctx.mult, ctx.frozen = saved


@expr("list", "slice")
def list_slice(g, ctx, ty, depth, bits):
    vs = g.vars_of(ty)
    if not vs:
        return None
    return E("%s[%s]" % (g.choice(vs).name, slice_text(g, depth)), ty)


@expr("list", "concat")
def list_concat(g, ctx, ty, depth, bits):
    if depth < 1 or g.fctx.loop:
        return None
    a = g.expr(ty, depth - 1)
    b = g.expr(ty, depth - 1)
    return E("%s + %s" % (a.p(P_ADD), b.p(P_ADD + 1)), ty, P_ADD)


@expr("list", "repeat")
def list_repeat(g, ctx, ty, depth, bits):
    if g.fctx.loop:
        return None
    e = elem_expr(g, ty[1], depth - 1)
    return E("[%s] * %s" % (e.text, small_int(g, 5).p(P_MUL + 1)), ty, P_MUL)


@expr("list", "sorted")
def list_sorted(g, ctx, ty, depth, bits):
    et = ty[1]
    if not T.orderable(et):
        return None
    it = iterable_of(g, et, depth)
    if it is None:
        return None
    src = it[0]
    if src.startswith("sorted("):
        src = src[7:-1]
        if g.coin(0.5):
            return E("sorted(%s)" % src, ty)
        extra = ", reverse=True"
        return E("sorted(%s%s)" % (src, extra), ty)
    extra = ""
    if g.coin(0.4):
        lam = key_lambda(g, et)
        if lam:
            extra += ", key=%s" % lam
    if g.coin(0.3):
        extra += ", reverse=%s" % g.choice(["True", "False"])
    return E("sorted(%s%s)" % (src, extra), ty)


@expr("list", "convert")
def list_convert(g, ctx, ty, depth, bits):
    et = ty[1]
    if et == T.STR and g.coin(0.4):
        return E("list(%s)" % g.expr(T.STR, depth - 1).p(P_OR), ty)
    if et == T.INT and g.coin(0.4):
        a = g.r.randrange(-3, 4)
        return E("list(range(%d, %d%s))" % (a, a + g.r.randrange(0, 8), g.choice(["", ", 2", ", 3"])), ty)
    it = iterable_of(g, et, depth)
    if it is None:
        return None
    return E("list(%s)" % it[0], ty)


@expr("list", "split")
def list_split(g, ctx, ty, depth, bits):
    if ty[1] != T.STR:
        return None
    s = g.expr(T.STR, depth - 1)
    m = g.choice(["split", "split", "rsplit", "splitlines"])
    if m == "splitlines":
        return E("%s.splitlines()" % s.p(P_ATOM), ty)
    arg = ""
    if g.coin(0.6):
        sep = g.choice([",", " ", "a", ", ", "-", "."])
        if g.risk() and g.coin(0.2):
            sep = ""
        arg = str_lit(g, sep).text
        if g.coin(0.2):
            arg += ", %d" % g.r.randrange(0, 3)
    return E("%s.%s(%s)" % (s.p(P_ATOM), m, arg), ty)


@expr("list", "copy")
def list_copy(g, ctx, ty, depth, bits):
    vs = g.vars_of(ty)
    if not vs:
        return None
    v = g.choice(vs).name
    return E(g.choice(["%s.copy()", "list(%s)", "%s[:]"]) % v, ty)


@expr("list", "call")
def list_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, ty, depth)


@expr("list", "elem")
def list_elem(g, ctx, ty, depth, bits):
    return index_into(g, ctx, ty, depth, bits)


@expr("list", "ternary")
def list_ternary(g, ctx, ty, depth, bits):
    return ternary(g, ctx, ty, depth, bits)


@expr("list", "tap")
def list_tap(g, ctx, ty, depth, bits):
    if ty not in g.taps:
        return None
    return tapped(g, ty, g.expr(ty, depth - 1))


# ------------------------------------------------------------------ set

@expr("set", "display")
def set_display(g, ctx, ty, depth, bits):
    n = g.weighted([(1, 1), (2, 2), (3, 3), (3, 4), (2, 5), (2, 6), (1, 7)])
    items = [elem_expr(g, ty[1], max(0, depth - 2) if g.coin(0.7) else depth - 1).text for _ in range(n)]
    return E("{%s}" % ", ".join(items), ty)


@expr("set", "var")
def set_var(g, ctx, ty, depth, bits):
    return var_of(g, ty)


@expr("set", "convert")
def set_convert(g, ctx, ty, depth, bits):
    if ty[1] == T.STR and g.coin(0.3):
        return E("set(%s)" % g.expr(T.STR, depth - 1).text, ty)
    it = iterable_of(g, ty[1], depth)
    if it is None:
        return None
    return E("set(%s)" % it[0], ty)


@expr("set", "comp")
def set_comp(g, ctx, ty, depth, bits):
    et = ty[1]
    src_t = g.choice([T.INT, et]) if T.kind(et) in (T.INT, T.STR) else et
    it = iterable_of(g, src_t, depth)
    if it is None:
        return None
    x = g.fresh(g.fctx, "elem")
    body = comp_body(g, x, src_t, et, depth, it)
    return E("{%s}" % body, ty)


@expr("set", "op")
def set_op(g, ctx, ty, depth, bits):
    if depth < 1:
        return None
    a = g.expr(ty, depth - 1)
    b = g.expr(ty, depth - 1)
    op = g.choice(["|", "&", "-", "^"])
    prec = {"|": P_BOR, "&": P_BAND, "-": P_ADD, "^": P_BXOR}[op]
    return E("%s %s %s" % (a.p(prec), op, b.p(prec + 1)), ty, prec)


@expr("set", "method")
def set_method(g, ctx, ty, depth, bits):
    vs = g.vars_of(ty)
    if not vs:
        return None
    v = g.choice(vs).name
    m = g.choice(["union", "intersection", "difference", "symmetric_difference", "copy"])
    if m == "copy":
        return E("%s.copy()" % v, ty)
    if m == "symmetric_difference":
        return E("%s.%s(%s)" % (v, m, g.expr(ty, depth - 1).text), ty)
    n = g.r.randrange(1, 3)
    args = []
    for _ in range(n):
        if g.coin(0.4):
            args.append(g.expr(List(ty[1]), depth - 1).text)
        else:
            args.append(g.expr(ty, depth - 1).text)
    return E("%s.%s(%s)" % (v, m, ", ".join(args)), ty)


@expr("set", "call")
def set_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, ty, depth)


@expr("set", "elem")
def set_elem(g, ctx, ty, depth, bits):
    return index_into(g, ctx, ty, depth, bits)


# ------------------------------------------------------------------ dict

@expr("dict", "display")
def dict_display(g, ctx, ty, depth, bits):
    n = g.weighted([(1, 1), (3, 2), (3, 3), (1, 4)])
    items = []
    for _ in range(n):
        k = elem_expr(g, ty[1], depth - 1) if g.coin(0.3) else literal_of(g, ty[1])
        items.append("%s: %s" % (k.text, elem_expr(g, ty[2], depth - 1).text))
    return E("{%s}" % ", ".join(items), ty)


@expr("dict", "var")
def dict_var(g, ctx, ty, depth, bits):
    return var_of(g, ty)


@expr("dict", "comp")
def dict_comp(g, ctx, ty, depth, bits):
    kt, vt = ty[1], ty[2]
    it = iterable_of(g, kt, depth)
    if it is None:
        return None
    x = g.fresh(g.fctx, "elem")
    from .core import Var
    ctx.scopes.append({})
    ctx.add_var(Var(x, kt, readonly=True))
    saved = ctx.mult
    ctx.mult *= 10
    try:
        key = E(x, kt) if g.coin(0.6) else g.expr(kt, max(0, depth - 1))
    finally:
        ctx.scopes.pop()
        ctx.mult = saved
    body = comp_body(g, x, kt, vt, depth, it, key=key)
    return E("{%s}" % body, ty)


@expr("dict", "copy")
def dict_copy(g, ctx, ty, depth, bits):
    vs = g.vars_of(ty)
    if not vs:
        return None
    return E(g.choice(["%s.copy()", "dict(%s)"]) % g.choice(vs).name, ty)


@expr("dict", "call")
def dict_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, ty, depth)


@expr("dict", "zip")
def dict_zip(g, ctx, ty, depth, bits):
    """dict(zip(keys, values)): valid Python that mgen rejected (issue 10, 7)."""
    a = g.expr(List(ty[1]), depth - 1)
    b = g.expr(List(ty[2]), depth - 1)
    return E("dict(zip(%s, %s))" % (a.text, b.text), ty)


@expr("dict", "elem")
def dict_elem(g, ctx, ty, depth, bits):
    return index_into(g, ctx, ty, depth, bits)


# ------------------------------------------------------------------ tuple

@expr("tuple", "display")
def tuple_display(g, ctx, ty, depth, bits):
    return E("(%s)" % ", ".join(elem_expr(g, t, depth - 1).text for t in ty[1:]), ty)


@expr("tuple", "var")
def tuple_var(g, ctx, ty, depth, bits):
    return var_of(g, ty)


@expr("tuple", "elem")
def tuple_elem(g, ctx, ty, depth, bits):
    return index_into(g, ctx, ty, depth, bits)


@expr("tuple", "call")
def tuple_call(g, ctx, ty, depth, bits):
    return call_returning(g, ctx, ty, depth)
