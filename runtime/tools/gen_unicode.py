#!/usr/bin/env python3
"""Generate runtime/unicode_db.c: the Unicode character database of mgen's
runtime, taken from the running CPython (the oracle every mgen program is
compared with).

    python3 runtime/tools/gen_unicode.py           rewrite runtime/unicode_db.c
    python3 runtime/tools/gen_unicode.py --check   exit 1 if it is out of date
    python3 runtime/tools/gen_unicode.py --sizes   print the table sizes

Nothing is read from UCD files: every property is what CPython's str methods
say about the one-character string chr(c), for all 0x110000 code points:

  flags   isalpha isdecimal isdigit isnumeric isupper islower isprintable
          (one bit each), titlecase (unicodedata.category == 'Lt'), cased
          (Lowercase | Uppercase | Lt, the Unicode definition CPython uses),
          and case-ignorable, probed through lower()'s final-sigma rule:
          for uncased c, ('A' + c + 'Σ').lower() ends in 'ς' exactly when c
          is case-ignorable; for cased c, ('AΣ' + c).lower()[1] is 'ς'
          exactly when c is case-ignorable.
  case    c.lower(), c.upper(), c.title() (= CPython's _PyUnicode_To*Full:
          one-character strings have no final-sigma context) and
          c.casefold(); each is one to three code points.

Tables: two three-level tries map a code point to a record number, one
for the flags (FLAGS[flags_rec(c)]) and one for the case mappings
(LOWER/UPPER/TITLE/FOLD[case_rec(c)]); a trie NAME has levels NAME1 (indexed
by c >> (S1 + S2)), NAME2 (pages of 2**S1 entries) and NAME3 (pages of 2**S2
record numbers), pages deduplicated, with S1 and S2 chosen for the smallest
total. The record arrays are separate so that the linker (-ffunction-sections
-fdata-sections, --gc-sections) keeps only what a program's functions use:
repr() and the is* methods need only the flags trie, upper() only the case
trie. isprintable() has its own smaller table (a sorted list of the code
points where it changes) for repr(). A case field is (delta << 1) for a one-code-point mapping c -> c +
delta, or (index << 3 | length << 1 | 1) for a longer one, whose code
points are EXT[index .. index + length).

The script checks its tables by doing the C lookups in Python for every
code point before writing anything.
"""
import argparse
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "runtime", "unicode_db.c")

FLAGS = [
    ("ALPHA", lambda ch: ch.isalpha()),
    ("DECIMAL", lambda ch: ch.isdecimal()),
    ("DIGIT", lambda ch: ch.isdigit()),
    ("NUMERIC", lambda ch: ch.isnumeric()),
    ("UPPER", lambda ch: ch.isupper()),
    ("LOWER", lambda ch: ch.islower()),
    ("TITLE", lambda ch: unicodedata.category(ch) == "Lt"),
    ("CASED", lambda ch: ch.isupper() or ch.islower() or unicodedata.category(ch) == "Lt"),
    ("CASE_IGNORABLE", None),  # computed in props()
    ("PRINTABLE", lambda ch: ch.isprintable()),
    ("SPACE", lambda ch: ch.isspace()),
]
BIT = {name: 1 << i for i, (name, _) in enumerate(FLAGS)}
CASES = ["lower", "upper", "title", "fold"]


def case_ignorable(ch, cased):
    if cased:
        return ("A\u03a3" + ch).lower()[1] == "\u03c2"
    return ("A" + ch + "\u03a3").lower()[-1] == "\u03c2"


def props(c):
    ch = chr(c)
    f = 0
    for name, fn in FLAGS:
        if fn is not None and fn(ch):
            f |= BIT[name]
    if case_ignorable(ch, bool(f & BIT["CASED"])):
        f |= BIT["CASE_IGNORABLE"]
    maps = (ch.lower(), ch.upper(), ch.title(), ch.casefold())
    return f, maps


def build():
    """Per code point: (flags record, case record) numbers, the two record
    lists and the EXT code points."""
    ext = []  # code points of multi-code-point mappings
    ext_at = {}
    flag_recs, case_recs = {}, {}
    fl, cs = [], []
    for c in range(0x110000):
        f, maps = props(c)
        fields = []
        for m in maps:
            assert 1 <= len(m) <= 3, (hex(c), m)
            if len(m) == 1:
                fields.append((ord(m) - c) << 1)
            else:
                if m not in ext_at:
                    ext_at[m] = len(ext)
                    ext.extend(ord(x) for x in m)
                fields.append(ext_at[m] << 3 | len(m) << 1 | 1)
        fl.append(flag_recs.setdefault(f, len(flag_recs)))
        cs.append(case_recs.setdefault(tuple(fields), len(case_recs)))
    return fl, list(flag_recs), cs, list(case_recs), ext


def ctype(maxval, signed=False):
    for bits in (8, 16, 32):
        if signed and -(1 << (bits - 1)) <= maxval[0] and maxval[1] < (1 << (bits - 1)):
            return "int%d_t" % bits, bits // 8
        if not signed and maxval < (1 << bits):
            return "uint%d_t" % bits, bits // 8
    raise ValueError(maxval)


def dedup(vals, size):
    """Split vals into pages of `size`, deduplicated: (page numbers, flat pages)."""
    pages = {}
    idx = []
    flat = []
    for i in range(0, len(vals), size):
        p = tuple(vals[i : i + size])
        if p not in pages:
            pages[p] = len(pages)
            flat.extend(p)
        idx.append(pages[p])
    return idx, flat


def trie(vals):
    """The smallest three-level split of vals: (bytes, s1, s2, [level1, level2, level3])."""
    best = None
    for s2 in range(3, 10):
        idx2, leaf = dedup(vals, 1 << s2)
        for s1 in range(2, 10):
            idx1, mid = dedup(idx2, 1 << s1)
            levels = [idx1, mid, leaf]
            size = sum(len(v) * ctype(max(v))[1] for v in levels)
            if best is None or size < best[0]:
                best = (size, s1, s2, levels)
    return best


def lookup(t, c):
    """What the generated C does, for the self-check."""
    _, s1, s2, (l1, l2, l3) = t
    i = l1[c >> (s1 + s2)]
    i = l2[(i << s1) | ((c >> s2) & ((1 << s1) - 1))]
    return l3[(i << s2) | (c & ((1 << s2) - 1))]


def c_array(decl, values, per_line=16):
    lines = []
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i : i + per_line]) + ",")
    return "%s = {\n%s\n};\n" % (decl, "\n".join(lines))


def c_trie(name, t):
    size, s1, s2, levels = t
    o = ["#define %s_S1 %d\n#define %s_S2 %d\n" % (name, s1, name, s2)]
    for k, v in enumerate(levels):
        o.append(c_array("static const %s %s%d[%d]" % (ctype(max(v))[0], name, k + 1, len(v)), v, 32))
    o.append(
        """static unsigned %s(uint32_t c) {
    if (c > 0x10FFFF) /* not a code point (strings never hold one): as U+0000 */
        c = 0;
    unsigned i = %s1[c >> (%s_S1 + %s_S2)];
    i = %s2[(i << %s_S1) | ((c >> %s_S2) & ((1u << %s_S1) - 1))];
    return %s3[(i << %s_S2) | (c & ((1u << %s_S2) - 1))];
}
""" % ((name.lower(),) + (name,) * 10))
    return "\n".join(o)


def generate():
    fl, flag_recs, cs, case_recs, ext = build()
    ft, cst = trie(fl), trie(cs)
    for c in range(0x110000):
        assert lookup(ft, c) == fl[c] and lookup(cst, c) == cs[c], hex(c)
    flt, flsz = ctype(max(flag_recs))
    fields = [[r[i] for r in case_recs] for i in range(4)]
    ct, csz = ctype((min(min(x) for x in fields), max(max(x) for x in fields)), signed=True)
    assert ct == "int32_t"
    et, esz = ctype(max(ext))
    # Code points where isprintable() changes, starting from False at U+0000.
    runs = [c for c in range(1, 0x110000) if bool(flag_recs[fl[c]] & BIT["PRINTABLE"]) != bool(flag_recs[fl[c - 1]] & BIT["PRINTABLE"])]
    assert not flag_recs[fl[0]] & BIT["PRINTABLE"]
    sizes = {
        "flags trie": ft[0],
        "FLAGS": len(flag_recs) * flsz,
        "case trie": cst[0],
        "LOWER UPPER TITLE FOLD": 4 * len(case_recs) * csz,
        "EXT": len(ext) * esz,
        "PRINTABLE_RUNS": len(runs) * 4,
    }
    sizes["total"] = sum(sizes.values())

    o = []
    o.append(
        "/* GENERATED by runtime/tools/gen_unicode.py from CPython %s's str methods\n"
        " * (Unicode %s). Do not edit: regenerate with\n"
        " *     python3 runtime/tools/gen_unicode.py\n"
        " * and check that it is current with\n"
        " *     python3 runtime/tools/gen_unicode.py --check\n"
        " * (ci/test.sh does). The script describes the tables.\n"
        " *\n"
        " * Sizes in bytes: %s. */\n"
        % (
            "%d.%d" % sys.version_info[:2],
            unicodedata.unidata_version,
            ", ".join("%s %d" % kv for kv in sizes.items()),
        )
    )
    o.append('#include "mg_internal.h"\n\n')
    for name, bit in BIT.items():
        o.append('_Static_assert(MG_U_%s == %d, "mg_internal.h disagrees with the generator");\n' % (name, bit))
    o.append("\n/* ---- flags: FLAGS[flags_rec(c)] ---- */\n\n")
    o.append(c_trie("FLAGS_REC", ft))
    o.append("\n")
    o.append(c_array("static const %s FLAGS[%d]" % (flt, len(flag_recs)), flag_recs))
    o.append("\nunsigned mg_uni_flags(uint32_t c) { return FLAGS[flags_rec(c)]; }\n")
    o.append(
        "\n/* ---- isprintable() alone, for repr(): smaller than the flags trie.\n"
        " * The code points where it changes value; U+0000 is not printable. */\n\n"
    )
    o.append(c_array("static const uint32_t PRINTABLE_RUNS[%d]" % len(runs), runs, 12))
    o.append(
        """
bool mg_uni_isprintable(uint32_t c) {
    unsigned lo = 0, hi = %d; /* count the boundaries <= c */
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (PRINTABLE_RUNS[mid] <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo & 1;
}
"""
        % len(runs)
    )
    o.append("\n/* ---- case mappings: LOWER etc.[case_rec(c)] ---- */\n\n")
    o.append(c_trie("CASE_REC", cst))
    for name, vals in zip(CASES, fields):
        o.append("\n")
        o.append(c_array("static const %s %s[%d]" % (ct, name.upper(), len(vals)), vals))
    o.append("\n")
    o.append(c_array("static const %s EXT[%d]" % (et, len(ext)), ext))
    o.append(
        """
static int expand(uint32_t c, int32_t v, uint32_t *out) {
    if (!(v & 1)) {
        out[0] = (uint32_t)((int32_t)c + (v >> 1));
        return 1;
    }
    int n = (v >> 1) & 3;
    for (int i = 0; i < n; i++)
        out[i] = EXT[(v >> 3) + i];
    return n;
}

int mg_uni_lower(uint32_t c, uint32_t *out) { return expand(c, LOWER[case_rec(c)], out); }
int mg_uni_upper(uint32_t c, uint32_t *out) { return expand(c, UPPER[case_rec(c)], out); }
int mg_uni_title(uint32_t c, uint32_t *out) { return expand(c, TITLE[case_rec(c)], out); }
int mg_uni_fold(uint32_t c, uint32_t *out) { return expand(c, FOLD[case_rec(c)], out); }
"""
    )
    return "".join(o), sizes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if runtime/unicode_db.c is not current")
    ap.add_argument("--sizes", action="store_true", help="print table sizes")
    a = ap.parse_args()
    text, sizes = generate()
    if a.sizes:
        for k, v in sizes.items():
            print("%-18s %6d" % (k, v))
    if a.check:
        try:
            with open(OUT, encoding="utf-8") as f:
                cur = f.read()
        except FileNotFoundError:
            cur = None
        if cur != text:
            sys.stderr.write(
                "runtime/unicode_db.c is not what %s generates with this python3 "
                "(Python %d.%d, Unicode %s); run: python3 runtime/tools/gen_unicode.py\n"
                % (os.path.relpath(__file__, ROOT), *sys.version_info[:2], unicodedata.unidata_version)
            )
            sys.exit(1)
        return
    if not a.sizes:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
