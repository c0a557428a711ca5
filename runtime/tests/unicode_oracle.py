# Prints what unicode_driver.c must print (see the driver for the format),
# computed with CPython's str methods over every code point. Reads nothing.
import sys


def mapping(c, r):
    if len(r) == 1:
        return 'd%d' % (ord(r) - c)
    return ','.join('%x' % ord(x) for x in r)


def signature(c):
    s = chr(c)
    flags = ''.join('1' if f() else '0' for f in (
        s.isalpha, s.isdecimal, s.isdigit, s.isnumeric, s.isalnum, s.isupper, s.islower, s.istitle,
        s.isprintable, s.isspace))
    maps = ' '.join(mapping(c, r) for r in (s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(),
                                             s.casefold()))
    ctx = '%d%d%d%d' % ((s + 'a').title()[-1] == 'a', ('A' + s + '\u03a3').lower()[-1] == '\u03c2',
                        ('A\u03a3' + s).lower()[1] == '\u03c2', len(('a' + s + 'b').split()))
    r = repr(s)
    if r == "'" + s + "'":
        rp = 'p'
    elif r == "'" + ('\\x%02x' if c < 0x100 else '\\u%04x' if c < 0x10000 else '\\U%08x') % c + "'":
        rp = 'x'
    else:
        rp = r
    return '%s %s %s %s' % (flags, maps, ctx, rp)


out = []
start, prev = 0, None
for c in range(0x110001):
    cur = signature(c) if c < 0x110000 else None
    if c > 0 and cur != prev:
        out.append('%x %d %s\n' % (start, c - start, prev))
        start = c
    prev = cur
sys.stdout.write(''.join(out))
