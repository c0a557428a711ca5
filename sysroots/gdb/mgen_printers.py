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
    return None


def register(objfile=None):
    target = objfile if objfile is not None else gdb
    if lookup not in target.pretty_printers:
        target.pretty_printers.append(lookup)


register()
gdb.execute("directory %s" % MGEN_HOME, to_string=True)
