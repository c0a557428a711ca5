# gdb pretty-printers for mgen executables.
#
#   (gdb) source MGEN_HOME/sysroots/gdb/mgen_printers.py
#
# Shows Python values as Python writes them: a `str` local prints as
# 'hi bob' instead of a pointer to the runtime's MgStr. Also adds MGEN_HOME
# to gdb's source path, so the runtime's sources (recorded as
# runtime/<file>.c) are found.
#
# To extend (containers, say): write a printer class with `to_string` (and
# `children` / `display_hint` for sequences) and add it to PRINTERS under
# the DWARF type name mgen gives that Python type (src/lower/debug.rs).

import os

import gdb
import gdb.printing

MGEN_HOME = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# runtime/mgen_rt.h: struct MgStr { int64_t rc, len, nchars; char data[]; }
MGSTR_DATA_OFFSET = 24


def _python_repr(text):
    return repr(text)


class StrPrinter:
    """`str`: a pointer to an MgStr; prints its text like Python's repr."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        addr = int(self.val)
        if addr == 0:
            return "<NULL str>"
        n = int(self.val.dereference()["len"])
        if n < 0 or n > 1 << 24:
            return "<bad str at 0x%x (len %d)>" % (addr, n)
        mem = gdb.selected_inferior().read_memory(addr + MGSTR_DATA_OFFSET, n)
        return _python_repr(bytes(mem).decode("utf-8", "replace"))


class ContainerPrinter:
    """`list[...]`, `dict[...]`, `set[...]`: a pointer to the runtime's
    object. Prints Python's repr, computed by the program itself
    (mg_val_repr through the container's MgType), so it needs a live
    process (gdb calls into it; the small result string is not freed)."""

    DESCRIPTORS = {"list": "mg_type_list", "dict": "mg_type_dict", "set": "mg_type_set"}

    def __init__(self, val, kind):
        self.val = val
        self.kind = kind

    def to_string(self):
        addr = int(self.val)
        if addr == 0:
            return "<unassigned %s>" % self.kind
        slot = self.val.address
        if slot is None:
            return "<%s at 0x%x>" % (self.kind, addr)
        try:
            s = gdb.parse_and_eval(
                "(long)mg_val_repr(&%s, (void *)%d)" % (self.DESCRIPTORS[self.kind], int(slot))
            )
        except gdb.error as e:
            return "<%s at 0x%x: %s>" % (self.kind, addr, e)
        p = int(s)
        inf = gdb.selected_inferior()
        n = int.from_bytes(bytes(inf.read_memory(p + 8, 8)), "little", signed=True)
        if n < 0 or n > 1 << 24:
            return "<%s at 0x%x>" % (self.kind, addr)
        return bytes(inf.read_memory(p + MGSTR_DATA_OFFSET, n)).decode("utf-8", "replace")


# DWARF type name -> printer class.
PRINTERS = {
    "str": StrPrinter,
}


def lookup(val):
    t = val.type
    # Match on the typedef name before stripping it (`str` is a typedef of
    # `MgStr *`).
    name = t.name or t.unqualified().name
    if name in PRINTERS:
        return PRINTERS[name](val)
    kind = (name or "").split("[", 1)[0]
    if kind in ContainerPrinter.DESCRIPTORS and name.endswith("]"):
        return ContainerPrinter(val, kind)
    return None


def register(objfile=None):
    target = objfile if objfile is not None else gdb
    if lookup not in target.pretty_printers:
        target.pretty_printers.append(lookup)


register()
gdb.execute("directory %s" % MGEN_HOME, to_string=True)
