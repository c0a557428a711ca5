"""Helper-function constructs: `fn(g) -> Func | None`, each defining one
function (its source lines in Func.lines). Called by program.py in order, so
a function may call only the ones defined before it (calls terminate)."""

from . import types as T
from .core import BOUND, COST_LIMIT, E, FCtx, Func, Var, func
from .exprs import str_lit
from .stmts import store_expr

VERBS = {
    T.INT: ["count", "total", "score", "checksum", "measure", "rank", "weigh", "tally", "sum"],
    T.FLOAT: ["average", "ratio", "scale", "mean", "blend", "norm", "rate"],
    T.BOOL: ["is_valid", "has", "check", "contains", "is_sorted", "matches", "can_fit"],
    T.STR: ["describe", "format", "render", "label", "encode", "join", "tag", "summarize"],
    "list": ["collect", "build", "filter", "merge", "split", "expand", "pick", "ordered"],
    "set": ["unique", "gather", "common", "distinct"],
    "dict": ["index", "group", "count_by", "tabulate", "invert"],
    "tuple": ["split_pair", "bounds", "pair_of", "min_max"],
    None: ["update", "record", "apply", "push", "grow", "report", "merge_into", "reset"],
}
NOUNS = ["items", "words", "scores", "values", "names", "rows", "parts", "data", "tokens",
         "points", "orders", "events", "pairs", "chars", "marks", "entries", "levels"]


def fname(g, ret):
    key = ret if ret in VERBS else (T.kind(ret) if ret is not None else None)
    verb = g.choice(VERBS.get(key, VERBS[T.INT]))
    base = verb if g.coin(0.3) else "%s_%s" % (verb, g.choice(NOUNS))
    return g.fresh_global(base)


def new_ctx(g, f):
    ctx = FCtx(f, indent=1)
    for v in g.globals.values():
        ctx.scopes[0][v.name] = v
    for pname, pty in f.params:
        ctx.add_var(Var(pname, pty, where="param"))
    for n in g.global_names:
        ctx.names.add(n)
    return ctx


def finish(g, f, ctx, header):
    f.lines = [header] + ctx.lines
    f.cost = max(1, ctx.cost + len(ctx.lines))
    return f


def param_list(g, n):
    params = []
    used = set()
    for _ in range(n):
        ty = g.pick_type()
        base = {"int": "n", "float": "x", "bool": "flag", "str": "s"}.get(T.kind(ty))
        pool = {
            "int": ["n", "k", "limit", "start", "width", "step", "base", "count"],
            "float": ["x", "factor", "rate", "weight", "scale"],
            "bool": ["flag", "strict", "reverse_it", "verbose"],
            "str": ["s", "name", "text", "sep", "prefix", "word"],
            "list": ["xs", "items", "values", "nums", "words", "rows", "acc"],
            "set": ["seen", "pool", "tags", "allowed"],
            "dict": ["counts", "table", "index", "mapping"],
            "tuple": ["pair", "point", "rec"],
        }[T.kind(ty)]
        taken = used | g.global_names | {f.name for f in g.funcs}
        cands = [p for p in pool if p not in taken]
        name = g.choice(cands) if cands else "%s%d" % (base or "p", len(used))
        used.add(name)
        params.append((name, ty))
    return params


def sig(f):
    ps = ", ".join("%s: %s" % (n, T.ann(t)) for n, t in f.params)
    ret = "None" if f.ret is None else T.ann(f.ret)
    return "def %s(%s) -> %s:" % (f.name, ps, ret)


@func("plain")
def f_plain(g):
    ret = g.pick_type()
    f = Func(None, param_list(g, g.r.randrange(1, 4)), ret)
    f.name = fname(g, ret)
    ctx = new_ctx(g, f)
    g.fctx = ctx
    g.body(g.r.randrange(2, 6))
    ctx.line("return %s" % store_expr(g, ret, 2).text)
    return finish(g, f, ctx, sig(f))


@func("procedure")
def f_procedure(g):
    """Mutates its container parameters (in place) and prints."""
    params = param_list(g, g.r.randrange(1, 4))
    if not any(T.is_container(t) for _, t in params):
        params[0] = ("acc", g.pick_type(want=lambda t: T.kind(t) in ("list", "set", "dict")))
    f = Func(None, params, None)
    f.name = fname(g, None)
    ctx = new_ctx(g, f)
    g.fctx = ctx
    from .stmts import s_inplace_list, s_inplace_set, s_list_method, s_dict_method, s_set_method
    for _ in range(g.r.randrange(2, 6)):
        g.body(1)
        g.weighted([(3, s_inplace_list), (2, s_inplace_set), (2, s_list_method),
                    (1, s_dict_method), (1, s_set_method)])(g, ctx)
    f.prints = True
    return finish(g, f, ctx, sig(f))


REC_TEMPLATES = ["linear", "double", "list_walk", "str_walk", "gcd", "digits"]


@func("recursive")
def f_recursive(g):
    kind = g.choice(REC_TEMPLATES)
    if kind in ("linear", "double"):
        extra = g.pick_type(want=lambda t: t in (T.INT, T.STR, T.List(T.INT)))
        params = [("n", T.INT), ("k" if extra == T.INT else "tag" if extra == T.STR else "xs", extra)]
        ret = T.INT
        maxn = 12 if kind == "linear" else 9
    elif kind == "list_walk":
        params = [("xs", T.List(T.INT)), ("i", T.INT)]
        ret = g.choice([T.INT, T.List(T.INT)])
        maxn = 3
    elif kind == "str_walk":
        params = [("s", T.STR)]
        ret = T.STR
        maxn = 0
    elif kind == "gcd":
        params = [("a", T.INT), ("b", T.INT)]
        ret = T.INT
        maxn = 0
    else:
        params = [("n", T.INT)]
        ret = g.choice([T.INT, T.STR])
        maxn = 0
    f = Func(None, params, ret)
    f.name = g.fresh_global({"linear": "walk", "double": "ways", "list_walk": "rsum",
                             "str_walk": "mirror", "gcd": "gcd", "digits": "digits"}[kind])
    ctx = new_ctx(g, f)
    for v in ctx.scopes[0].values():
        if v.where == "param":
            v.readonly = True  # the recursion must keep its measure
    g.fctx = ctx
    ln = ctx.line
    calls = 1
    if kind in ("linear", "double"):
        a2 = params[1][0]
        ln("if n <= %d:" % g.r.randrange(0, 2))
        base = {T.INT: a2 if g.coin(0.5) else "1", T.STR: "len(%s)" % a2, T.List(T.INT): "len(%s)" % a2}[params[1][1]]
        ln("    return %s" % base)
        g.body(g.r.randrange(0, 3))
        if kind == "linear":
            arg2 = {T.INT: "%s + 1" % a2 if g.coin(0.5) else a2, T.STR: "%s[1:]" % a2, T.List(T.INT): a2}[params[1][1]]
            ln("return (%s(n - 1, %s) * %d + n) %% %d" % (f.name, arg2, g.choice([2, 3, 10, 31]),
                                                       g.choice([1000003, 9973, 65521])))
            calls = maxn + 1
        else:
            ln("return (%s(n - 1, %s) + %s(n - 2, %s)) %% %d" % (f.name, a2, f.name, a2,
                                                            g.choice([1000003, 10007, 1 << 20])))
            calls = 110
    elif kind == "list_walk":
        if ret == T.INT:
            ln("if i >= len(xs) or i > 60:")
            ln("    return 0")
            ln("return xs[i] %% %d + %s(xs, i + %d)" % (g.choice([100, 1000, 7]), f.name, g.choice([1, 2])))
        else:
            ln("if i >= len(xs) or i > 60:")
            ln("    return []")
            ln("rest = %s(xs, i + 1)" % f.name)
            ctx.add_var(Var("rest", T.List(T.INT)))
            ctx.names.add("rest")
            ln(g.choice(["if xs[i] % 2 == 0:\n        rest.append(xs[i])", "rest.insert(0, xs[i] * 2 % 1000)"]))
            ln("return rest")
        calls = 60
    elif kind == "str_walk":
        ln("if len(s) <= 1 or len(s) > 300:")
        ln("    return s")
        ln(g.choice(["return %s(s[1:]) + s[0]", "return s[-1] + %s(s[:-1])",
                     "return s[0].upper() + %s(s[2:])"]) % f.name)
        calls = 300
    elif kind == "gcd":
        ln("if b == 0:")
        ln("    return abs(a)")
        ln("return %s(b, a %% b)" % f.name)
        calls = 90
    else:
        ln("if n < 10 and n > -10:")
        ln("    return %s" % ("n" if ret == T.INT else "str(n)"))
        ln("return %s" % ("%s(n // 10) + n %% 10" % f.name if ret == T.INT else "%s(n // 10) + str(n %% 10)" % f.name))
        calls = 25
    for i, line in enumerate(list(ctx.lines)):
        if "\n" in line:
            ind = line[: len(line) - len(line.lstrip())]
            parts = line.split("\n")
            ctx.lines[i] = "\n".join([parts[0]] + [ind + p.strip() if not p.startswith("    ") else ind + p for p in parts[1:]])
    f.rec = (0, maxn) if maxn else None
    res = finish(g, f, ctx, sig(f))
    res.cost = min(res.cost * calls, COST_LIMIT)
    if kind in ("list_walk",):
        f.rec = None
    return res


def tap_funcs(g):
    """`note(tag, v) -> v`: logs its call, so evaluation order is visible."""
    g.log_name = g.fresh_global(g.choice(["log", "trace", "events", "journal"]))
    out = ["%s: list[str] = []" % g.log_name]
    defs = []
    kinds = [T.INT, T.List(T.INT), T.STR]
    for ty in kinds:
        if ty != T.INT and g.coin(0.4):
            continue
        name = g.fresh_global(g.choice(["note", "tap", "probe", "watch", "logged"]) +
                              {T.INT: "", T.STR: "_s", T.List(T.INT): "_list"}[ty])
        f = Func(name, [("tag", T.STR), ("v", ty)], ty)
        f.tap = True
        f.cost = 2
        body = ["def %s(tag: str, v: %s) -> %s:" % (name, T.ann(ty), T.ann(ty))]
        if g.coin(0.5):
            body.append("    %s.append(tag)" % g.log_name)
        else:
            body.append("    %s.append(f\"{tag}={v}\")" % g.log_name)
        if g.coin(0.3):
            body.append("    print(\"eval\", tag)")
        body.append("    return v")
        f.lines = body
        g.taps[ty] = f
        defs.append(f)
    return out, defs
