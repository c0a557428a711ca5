# Recomputes misc_driver's lines with CPython; also lists the error cases.
import struct, sys
def f(h): return struct.unpack('<d', bytes.fromhex(h)[::-1])[0]
def h(x): return struct.pack('<d', x)[::-1].hex()
def cmp(a, b):
    if b != b: return 2
    return -1 if a < b else 1 if a > b else 0
for line in sys.stdin:
    k, rest = line[0], line[2:].rstrip('\n')
    p = rest.split(' ')
    if k == 'T': print('T', p[0], p[1], h(int(p[0]) / int(p[1])))
    elif k == 'Q': a, b = int(p[0]), int(p[1]); print('Q', a, b, a // b, a % b)
    elif k == 'C': print('C', p[0], p[1], cmp(int(p[0]), f(p[1])))
    elif k == 'J': print('J', p[0], int(f(p[0])))
    elif k == 'W': print('W', p[0], p[1], int(p[0]) ** int(p[1]))
    elif k == 'I':
        s = eval(rest[:rest.rindex(' ')]); print('I', repr(s), int(s))
    elif k == 'G':
        s = eval(rest[:rest.rindex(' ')]); print('G', repr(s), h(float(s)))
    elif k == 'R':
        s = bytes.fromhex(p[0]).decode(); print('R', p[0], repr(s), len(s))
    elif k == 'X':
        u = 'h\u00e9llo\U0001F600'
        print('X', u[1] + u[-1] + u + '!' + 'ab' * 3, '%d%d%d%s' % (-1, 1, 1, True))
