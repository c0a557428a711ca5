# Recomputes float_driver's lines with CPython (the oracle). stdin: the
# driver's output; stdout: what it should have been.
import struct, sys
def f(h): return struct.unpack('<d', bytes.fromhex(h)[::-1])[0]
def h(x): return struct.pack('<d', x)[::-1].hex()
for line in sys.stdin:
    p = line.split()
    if not p: continue
    if p[0] == 'F':
        print('F', p[1], repr(f(p[1])), 1)
    elif p[0] == 'P':
        try: r = f(p[1]) ** f(p[2])
        except OverflowError: r = float('inf')
        print('P', p[1], p[2], h(r))
    elif p[0] == 'D':
        a, b = f(p[1]), f(p[2])
        print('D', p[1], p[2], h(a // b), h(a % b))
