"""The generator's machinery: registry, scopes, contexts, expression values.

Constructs live in exprs.py, stmts.py and funcs.py; each is one function
registered with @expr(kind, name) / @stmt(name) / @func(name) and weighted
in weights.py. A construct returns None when it does not apply in the
current context; the generator then tries another one.
"""

import random
from contextlib import contextmanager

from . import types as T
from .weights import w

EXPRS = {}   # kind -> [(name, fn)]
STMTS = []   # [(name, fn)]
FUNCS = []   # [(name, fn)]

BOUND = 31        # stored ints keep |v| < 2**BOUND (overflow stays rare)
SMALL = 12        # bit budget of "small" increments used inside loops
LOOP_GUESS = 12   # iterations assumed for a loop of unknown length
COST_LIMIT = 40000


def expr(kind, name):
    def deco(fn):
        EXPRS.setdefault(kind, []).append((name, fn))
        return fn
    return deco


def stmt(name):
    def deco(fn):
        STMTS.append((name, fn))
        return fn
    return deco


def func(name):
    def deco(fn):
        FUNCS.append((name, fn))
        return fn
    return deco


class E:
    """A generated expression: text, type, precedence, int/float bounds."""

    __slots__ = ("text", "ty", "prec", "bits", "mag", "pure")

    def __init__(self, text, ty, prec=16, bits=None, mag=None, pure=True):
        self.text = text
        self.ty = ty
        self.prec = prec
        self.bits = bits if bits is not None else (BOUND if ty == T.INT else 0)
        self.mag = mag if mag is not None else (6 if ty == T.FLOAT else 0)
        self.pure = pure

    def p(self, prec):
        """Text, parenthesized when its precedence is below `prec`."""
        return self.text if self.prec >= prec else "(%s)" % self.text


# Python precedences (higher binds tighter).
P_TERN, P_OR, P_AND, P_NOT, P_CMP = 1, 2, 3, 4, 5
P_BOR, P_BXOR, P_BAND, P_SHIFT, P_ADD, P_MUL, P_UNARY, P_POW = 6, 7, 8, 9, 10, 11, 12, 13
P_ATOM = 16


class Var:
    def __init__(self, name, ty, bits=BOUND, mag=6, readonly=False, where="local"):
        self.name = name
        self.ty = ty
        self.bits = bits
        self.mag = mag
        self.readonly = readonly
        self.where = where   # local | param | global


class Func:
    def __init__(self, name, params, ret):
        self.name = name
        self.params = params      # [(name, type)]
        self.ret = ret            # type or None
        self.cost = 1
        self.mutates = set()      # types of containers it may resize
        self.prints = False
        self.rec = None           # (param index, max argument) for recursion
        self.tap = False


class FCtx:
    """State while generating one function body (or the module's code)."""

    def __init__(self, fn, indent=0):
        self.fn = fn              # Func, or None at module level
        self.scopes = [{}]
        self.loop = 0             # loop nesting
        self.mult = 1             # estimated executions of the current point
        self.frozen = set()       # container types that must not be resized
        self.names = set()        # every local name used (unique per function)
        self.cost = 0
        self.globals_decl = set()
        self.lines = []
        self.indent = indent
        self.depth = 0            # block nesting
        self.in_fstring = False
        self.header_at = 0        # where `global` declarations go

    def line(self, text):
        self.lines.append("    " * self.indent + text)

    @contextmanager
    def block(self, header, mult=1, frozen=()):
        self.line(header)
        self.indent += 1
        self.depth += 1
        n = len(self.lines)
        self.scopes.append({})
        saved = (self.mult, set(self.frozen))
        self.mult *= mult
        self.frozen |= set(frozen)
        try:
            yield
        finally:
            if len(self.lines) == n:
                self.line("pass")
            self.scopes.pop()
            self.mult, self.frozen = saved
            self.indent -= 1
            self.depth -= 1

    @contextmanager
    def loop_body(self, header, mult, frozen=()):
        self.loop += 1
        try:
            with self.block(header, mult, frozen):
                yield
        finally:
            self.loop -= 1

    def all_vars(self):
        seen = {}
        for s in self.scopes:
            seen.update(s)
        return list(seen.values())

    def add_var(self, v):
        self.scopes[-1][v.name] = v
        self.names.add(v.name)


NAME_POOL = {
    "int": ["count", "total", "n", "k", "idx", "step", "acc", "width", "limit", "offset",
            "score", "delta", "pos", "size", "hits", "carry", "seed", "level", "best",
            "span", "steps", "lo", "hi", "mid", "rank", "depth", "gap", "bonus", "quota"],
    "float": ["ratio", "avg", "rate", "weight", "scale", "mean", "temp", "factor",
              "price", "dist", "share", "x", "y", "alpha", "frac"],
    "bool": ["found", "ok", "done", "valid", "flag", "seen_all", "changed", "is_even"],
    "str": ["name", "word", "text", "label", "line", "key", "tag", "msg", "prefix",
            "title", "code", "token", "suffix", "head", "status", "unit"],
    "list": ["nums", "values", "items", "scores", "buf", "stack", "queue", "row",
             "data", "heights", "words", "parts", "names", "acc_list", "pending",
             "costs", "samples", "chunks", "result", "window"],
    "set": ["seen", "visited", "tags", "ids", "keys_seen", "pool", "uniq", "marks"],
    "dict": ["counts", "index", "table", "totals", "lookup", "freq", "groups",
             "cache", "by_name", "ages", "prices", "slots"],
    "tuple": ["pair", "point", "entry", "rec", "span_t", "item", "cell"],
    "loop": ["i", "j", "k2", "r", "c", "t"],
    "elem": ["x", "v", "w", "e", "it", "val", "cur"],
}


class Gen:
    """One program's generator: a seeded rng and the program-level state."""

    def __init__(self, rng):
        self.r = rng
        self.funcs = []           # Func, in definition order
        self.globals = {}         # name -> Var
        self.global_names = set()
        self.taps = {}            # type -> Func
        self.log_name = None
        self.counter = None       # Var of a global counter
        self.risky = self.chance("knob.risky_program")
        self.fctx = None
        self.errors_planted = 0

    # ---- randomness
    def chance(self, knob):
        return self.r.randrange(100) < w(knob)

    def coin(self, p):
        return self.r.random() < p

    def choice(self, xs):
        return self.r.choice(xs)

    def weighted(self, items):
        """items: [(weight, value)] -> value, or None when all are 0."""
        items = [(wt, v) for wt, v in items if wt > 0]
        if not items:
            return None
        tot = sum(wt for wt, _ in items)
        x = self.r.random() * tot
        for wt, v in items:
            x -= wt
            if x < 0:
                return v
        return items[-1][1]

    def risk(self):
        """True when this operation may be left unguarded (may raise)."""
        return self.risky and self.chance("knob.risky_op")

    # ---- names
    def fresh(self, ctx, kind_key):
        pool = NAME_POOL.get(kind_key, NAME_POOL["elem"])
        taken = ctx.names | self.global_names | {f.name for f in self.funcs} | BUILTIN_NAMES
        cands = [n for n in pool if n not in taken]
        if cands and self.coin(0.85):
            name = self.choice(cands)
        else:
            base = self.choice(pool)
            i = 2
            while "%s%d" % (base, i) in taken:
                i += 1
            name = "%s%d" % (base, i)
        ctx.names.add(name)
        return name

    def fresh_global(self, base):
        taken = self.global_names | {f.name for f in self.funcs} | BUILTIN_NAMES
        name = base
        i = 2
        while name in taken:
            name = "%s%d" % (base, i)
            i += 1
        self.global_names.add(name)
        return name

    # ---- types
    def pick_type(self, depth=0, want=None):
        table = {
            "int": T.INT, "float": T.FLOAT, "bool": T.BOOL, "str": T.STR,
            "list_int": T.List(T.INT), "list_str": T.List(T.STR),
            "list_float": T.List(T.FLOAT), "set_int": T.Set(T.INT),
            "set_str": T.Set(T.STR), "set_tuple": T.Set(T.Tuple(T.INT, T.INT)),
            "dict_str_int": T.Dict(T.STR, T.INT), "dict_int_str": T.Dict(T.INT, T.STR),
            "dict_str_list": T.Dict(T.STR, T.List(T.INT)),
            "dict_tuple_int": T.Dict(T.Tuple(T.INT, T.INT), T.INT),
            "dict_int_float": T.Dict(T.INT, T.FLOAT),
            "tuple_int_str": T.Tuple(T.INT, T.STR), "tuple_int_int": T.Tuple(T.INT, T.INT),
            "tuple_str_float": T.Tuple(T.STR, T.FLOAT),
            "list_list_int": T.List(T.List(T.INT)),
            "list_tuple": T.List(T.Tuple(T.STR, T.INT)),
            "dict_str_set": T.Dict(T.STR, T.Set(T.INT)),
        }
        items = []
        for k, t in table.items():
            if want and not want(t):
                continue
            items.append((w("type." + k), t))
        return self.weighted(items) or T.INT

    # ---- expressions
    def expr(self, ty, depth=2, bits=BOUND, **kw):
        """An expression of type `ty` (ints within `bits` bits)."""
        ctx = self.fctx
        k = T.kind(ty)
        cands = [(w("expr.%s.%s" % (k, name)), (name, fn)) for name, fn in EXPRS.get(k, [])]
        if depth <= 0:
            leafy = {"literal", "var", "display", "len"}
            cands = [(wt, nf) for wt, nf in cands if nf[0] in leafy]
        for _ in range(30):
            nf = self.weighted(cands)
            if nf is None:
                break
            e = nf[1](self, ctx, ty, depth, bits, **kw)
            if e is not None and (ty != T.INT or e.bits <= bits):
                return e
        return self.fallback(ty, bits)

    def fallback(self, ty, bits=BOUND):
        """A literal of any type (always succeeds)."""
        from .exprs import literal_of
        return literal_of(self, ty, bits)

    def vars_of(self, ty, writable=False, pred=None):
        out = []
        for v in self.fctx.all_vars():
            if v.ty != ty:
                continue
            if writable and v.readonly:
                continue
            if pred and not pred(v):
                continue
            out.append(v)
        return out

    def vars_where(self, pred):
        return [v for v in self.fctx.all_vars() if pred(v)]

    def can_resize(self, ty):
        return ty not in self.fctx.frozen

    def note_mutation(self, root, ty):
        """`root` (a Var) is resized/mutated as a container of type `ty`."""
        fn = self.fctx.fn
        if fn is not None and root is not None and root.where in ("param", "global"):
            fn.mutates.add(ty)

    def add_cost(self, c):
        self.fctx.cost += c * self.fctx.mult

    def call_ok(self, f):
        ctx = self.fctx
        if ctx.fn is f:
            return False
        if ctx.cost + f.cost * ctx.mult > COST_LIMIT:
            return False
        if any(t in ctx.frozen for t in f.mutates):
            return False
        return True


BUILTIN_NAMES = {
    "print", "len", "range", "min", "max", "sum", "sorted", "list", "dict", "set",
    "tuple", "str", "int", "float", "bool", "abs", "round", "ord", "chr", "any",
    "all", "enumerate", "zip", "reversed", "repr", "format", "main", "log", "id",
    "type", "map", "filter", "input", "iter", "next", "hash", "object", "pow",
}


def generate(seed, index):
    """Program `index` of campaign `seed` as source text (reproducible alone)."""
    from .program import build_program
    rng = random.Random("mgen-fuzz:%s:%s" % (seed, index))
    return build_program(Gen(rng))
