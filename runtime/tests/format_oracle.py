# Recomputes format_driver's lines with CPython (see the driver for the
# line forms).
import struct, sys
def f(h): return struct.unpack('<d', bytes.fromhex(h)[::-1])[0]
def s(x): return bytes.fromhex(x[1:]).decode()
def fmt(v, spec):
    try:
        return '=' + repr(format(v, spec))
    except Exception as e:
        return '!' + type(e).__name__ + ': ' + str(e)
out = []
for line in sys.stdin:
    p = line.rstrip('\n').split(' ')
    k = p[0]
    if k == 'FI': r = fmt(int(p[1]), s(p[2]))
    elif k == 'FF': r = fmt(f(p[1]), s(p[2]))
    elif k == 'FS': r = fmt(s(p[1]), s(p[2]))
    elif k == 'FB': r = fmt(p[1] == '1', s(p[2]))
    elif k == 'RD': r = repr(round(f(p[1]), int(p[2])))
    elif k == 'RI': r = str(round(f(p[1])))
    elif k == 'RN': r = str(round(int(p[1]), int(p[2])))
    else: r = '?'
    n = 2 if k in ('RI',) else 3
    out.append(' '.join(p[:n] + [r]))
sys.stdout.write('\n'.join(out) + '\n')
