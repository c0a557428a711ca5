"""The type model of generated programs: mgen's static types as tuples.

Scalars are the strings 'int', 'float', 'bool', 'str'; containers are tuples:
('list', T), ('set', T), ('dict', K, V), ('tuple', T1, T2, ...).
"""

INT, FLOAT, BOOL, STR = "int", "float", "bool", "str"
SCALARS = (INT, FLOAT, BOOL, STR)


def List(t):
    return ("list", t)


def Set(t):
    return ("set", t)


def Dict(k, v):
    return ("dict", k, v)


def Tuple(*ts):
    return ("tuple",) + tuple(ts)


def kind(t):
    return t if isinstance(t, str) else t[0]


def ann(t):
    """The annotation text of a type."""
    if isinstance(t, str):
        return t
    k = t[0]
    if k == "tuple":
        return "tuple[%s]" % ", ".join(ann(x) for x in t[1:])
    return "%s[%s]" % (k, ", ".join(ann(x) for x in t[1:]))


def elem(t):
    """The type iteration over `t` yields (dict: its keys; str: str)."""
    k = kind(t)
    if k == STR:
        return STR
    if k in ("list", "set", "dict"):
        return t[1]
    if k == "tuple" and len(set(t[1:])) == 1:
        return t[1]
    return None


def is_container(t):
    return kind(t) in ("list", "set", "dict")


def hashable(t):
    if isinstance(t, str):
        return True
    return t[0] == "tuple" and all(hashable(x) for x in t[1:])


def contains(t, pred):
    if pred(t):
        return True
    if isinstance(t, str):
        return False
    return any(contains(x, pred) for x in t[1:])


def _unordered_set(t):
    # A set whose iteration order follows str (or float) hashes: mgen's str
    # hash is not CPython's (documented), so such a set is never iterated,
    # printed or converted in an order-dependent way.
    return kind(t) == "set" and contains(t[1], lambda x: x in (STR, FLOAT))


def unordered(t):
    """True when printing/iterating a value of `t` depends on hash order."""
    return contains(t, _unordered_set)


def orderable(t):
    """`<` is defined (sorted/min/max/comparisons)."""
    k = kind(t)
    if k in (INT, FLOAT, STR, BOOL):
        return True
    if k == "list":
        return orderable(t[1])
    if k == "tuple":
        return all(orderable(x) for x in t[1:])
    return False


def numeric(t):
    return t in (INT, FLOAT)
