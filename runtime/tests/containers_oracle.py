# Recomputes containers_driver.c's output with CPython: the same operations
# in the same order (the same LCG feeds both), printed the same way.
# With the argument "errors": the exception line of each error case.
import struct, sys

M64 = (1 << 64) - 1
lcg = 0x9E3779B97F4A7C15
def step():
    global lcg
    lcg = (lcg * 6364136223846793005 + 1442695040888963407) & M64
    return lcg
def r(n): return (step() >> 33) % n
def rnd():
    s = step()
    x = s ^ (s >> 31)
    if x >= 1 << 63: x -= 1 << 64
    return x >> (s >> 58)
def rfloat():
    u = step()
    if (u >> 52) & 0x7FF == 0x7FF: u ^= 1 << 62
    return struct.unpack('<d', u.to_bytes(8, 'little'))[0]
def P(label, *vals): print(label, *map(repr, vals))
def cmp(a, b): return -1 if a < b else 1 if a > b else 0 if a == b else 2

def errors():
    def cases():
        l = [1, 2, 3]
        yield lambda: l[3]
        yield lambda: [].pop()
        yield lambda: l.pop(5)
        def f(): l[-4] = 0
        yield f
        def g(): del l[3]
        yield g
        yield lambda: l.remove(9)
        yield lambda: l.index(3 + 4)
        yield lambda: ['a', "it's"].index('zed')
        yield lambda: l[::0]
        yield lambda: {'a': 1}['zed']
        yield lambda: {1: 1}[3]
        yield lambda: {(1, 2): 0}[(1, 3)]
        def h(): d = {'x': 1}; del d['y']
        yield h
        yield lambda: set().pop()
        yield lambda: {1, 2}.remove(5)
        yield lambda: hash([1])
        yield lambda: hash({1: 2})
        yield lambda: hash({1})
        yield lambda: {1: 2} < {1: 2}
        yield lambda: [{1: 2}] < [{1: 3}]
    for c in cases():
        try:
            c()
            print('no error')
        except Exception as e:
            print(f'{type(e).__name__}: {e}')

def main():
    # ---- hashes (64-bit CPython)
    ints = [0, 1, -1, -2, 2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -2**61, 2**63 - 1, -2**63]
    ints += [rnd() for _ in range(30)]
    for v in ints: P('Hi', v, hash(v))
    floats = [0.0, -0.0, 1.0, -1.0, 1.5, -2.5, 0.1, 1e300, -1e-300, 5e-324, 2.2250738585072014e-308,
              float('inf'), float('-inf'), 2.0**61, 2.0**62, 1e22, 123456789.125, -(2.0**61 - 1)]
    floats += [rfloat() for _ in range(30)]
    for v in floats: P('Hf', v, hash(v))
    P('Hb', hash(True), hash(False))
    tuples = [(1, 2), (-1, -2), (0,), (), ((1, 2), 3.5), (True, -7), (2**61, 1.5), ((), ()), (-1,)]
    tuples += [(rnd(), r(100)) for _ in range(10)]
    for t in tuples: P('Ht', t, hash(t))

    # ---- lists of ints
    l = [r(100) - 50 for _ in range(40)]
    P('L0', l)
    P('L1', len(l), l.index(l[7]), l.count(l[3]), l[5] in l, 1000 in l, l[-1], l[0])
    l.insert(0, 111); l.insert(-1, 222); l.insert(-100, 333); l.insert(100, 444); l.insert(5, 555)
    P('L2', l)
    a = l.pop(); b = l.pop(0); c = l.pop(-2); d = l.pop(3)
    P('L3', a, b, c, d, l)
    l.remove(l[10]); l.remove(555)
    P('L4', l)
    l.reverse(); P('L5', l)
    l[3] = 7; l[-1] = 8; del l[0]; del l[-2]
    P('L6', l)
    specs = [(None, None, None), (2, None, None), (None, 5, None), (-3, None, None), (None, -3, None),
             (1, 10, 2), (None, None, -1), (10, 2, -2), (-1, -10, -3), (100, None, None), (None, None, 3),
             (-100, 100, None), (5, 5, None), (8, 2, None), (None, None, -4), (2**63 - 1, -2**63, -1),
             (-2**63, 2**63 - 1, 2**63 - 1), (None, None, -2**63)]
    for i, (s0, s1, s2) in enumerate(specs): P('S', i, l[s0:s1:s2])
    P('L7', l + l[:3], [] + [], l[:2] + [])
    P('L8', l[:4] * 3, l[:4] * 0, l[:4] * -1, [] * 5)
    c = l.copy(); c.extend(c); P('L9', c, l)
    c.clear(); P('L10', c, len(c))
    big = []
    for i in range(1000): big.append(i * 3)
    for i in range(990): big.pop()
    P('L11', big, len(big))

    # ---- other element types
    fl = [1.5, -0.0, 1e100, 0.1 + 0.2, float('inf'), -1e-7, 3.0]
    P('F0', fl, fl.index(3.0), 0.30000000000000004 in fl)
    fl.sort(); P('F1', fl)
    sl = ['b', "it's", 'a\nb', '', 'caf\u00e9', 'say "hi"', 'a', 'B']
    P('T0', sl, sl.index('a'), 'B' in sl, sl.count('zz'))
    sl.sort(); P('T1', sl); sl.sort(reverse=True); P('T2', sl)
    bl = [True, False, True]; P('B0', bl, bl.count(True)); bl.sort(); P('B1', bl)
    ll = [[1, 2], [], [3], [1], [1, 2, 0], [0, 5]]
    P('N0', ll, ll.index([3]), [1] in ll)
    ll.sort(); P('N1', ll)
    tl = [(r(5), 'x' * r(3)) for _ in range(12)]
    P('U0', tl)
    tl.sort(); P('U1', tl); tl.sort(reverse=True); P('U2', tl)
    P('U3', [(1,), (2,)], [()], [((1, 2), 0.5)])
    dl = [{'a': [1.5, 2.5], 'b': []}, {}]
    P('D0', dl)
    P('E0', [1, 2] == [1, 2], [1, 2] == [1, 3], [] == [], [[1]] == [[1]], [1.0] == [1.0])
    cmps = [([1, 2], [1, 2, 3]), ([1, 3], [1, 2, 3]), ([], []), ([float('nan')], [float('nan')]),
            ([0.0], [-0.0]), (['a'], ['a', 'b']), ([[1, 2]], [[1, 3]])]
    for x, y in cmps: P('C', x, y, cmp(x, y))
    tc = [((1, 'a'), (1, 'b')), ((2, 'a'), (1, 'b')), ((1, 'a'), (1, 'a')), ((1.5, float('nan')), (1.5, float('nan')))]
    for x, y in tc: P('C', x, y, cmp(x, y))

    # ---- sorting: random data, stability with keys, reverse stability
    for n in (0, 1, 2, 5, 17, 100, 2000):
        v = [r(50) for _ in range(n)]
        w = sorted(v); P('Q', n, w == sorted(w), w[:10], w[-10:])
    recs = [(r(7), i) for i in range(300)]
    ks = sorted(recs, key=lambda t: t[0]); P('K0', ks[:40], ks[-20:])
    ks = sorted(recs, key=lambda t: t[0], reverse=True); P('K1', ks[:40], ks[-20:])
    rr = [(r(4), i) for i in range(60)]
    rr2 = list(rr); rr2.sort(key=lambda t: -t[0]); P('K2', rr2)
    fs = [rfloat() for _ in range(200)]
    fs.sort(); P('K3', fs[:5], fs[-5:])
    ss = ['w%d' % r(1000) for _ in range(300)]
    ss.sort(); P('K4', ss[:8], ss[-8:])
    ss.sort(key=len, reverse=True); P('K5', ss[:8], ss[-8:])

    # ---- dicts
    d = {}
    for w in ['apple', 'pear', 'fig', 'kiwi', 'plum']: d[w] = len(w)
    P('D1', d, len(d))
    d['fig'] = 30; del d['pear']; d['pear'] = 4; P('D2', d)
    v = d.pop('apple'); P('D3', v, d, 'apple' in d, 'kiwi' in d, d.get('zzz'))
    P('D4', list(d.keys()), list(d.values()), list(d.items()))
    e = d.copy(); e.update({'kiwi': 0, 'lime': 9}); P('D5', e, d, e == d, d.copy() == d)
    e.clear(); P('D6', e, len(e)); e['x'] = 1; P('D7', e)
    dt = {(1, 2): 'a', (0, 0): 'b'}; dt[(1, 2)] = 'c'; P('D8', dt, list(dt.items()))
    dfl = {1.5: [1], 2.0: [], -0.0: [2, 3]}; P('D9', dfl)
    dd = {}
    for i in range(100000): dd[i * 7919 % 1000003] = i
    for i in range(0, 100000, 3): del dd[i * 7919 % 1000003]
    acc = 0
    for i in range(100000):
        k = i * 7919 % 1000003
        if k in dd: acc = (acc * 31 + dd[k]) % 1000000007
    ks = list(dd)
    P('DB', len(dd), acc, ks[:5], ks[-5:], sum(dd.values()))
    for i in range(0, 100000, 3): dd[i] = -i
    P('DC', len(dd), list(dd)[-3:], dd[99999])

    # ---- sets: CPython's order
    s = set()
    for x in [10, 3, 7, 100, 33, 64, 17]: s.add(x)
    P('Z0', s, len(s), 7 in s, 8 in s)
    s.discard(3); s.discard(99); s.remove(100); P('Z1', s)
    P('Z2', s.pop(), s.pop(), s)
    P('Z3', set(), set([1]) == set([1]), set() == set())
    for trial in range(6):
        s = set()
        span = [20, 200, 5000, 1 << 40][trial % 4]
        for i in range(r(300) + 1):
            op = r(10)
            if op < 6: s.add(r(span) - span // 4)
            elif op < 8: s.discard(r(span) - span // 4)
            elif s: s.pop()
        P('ZR', trial, s)
        if s: P('ZP', s.pop(), s.pop() if s else None, s)
    ts = set()
    for i in range(40): ts.add((r(6), r(6) - 3))
    P('ZT', ts)
    fs2 = set()
    for x in [0.5, 1.0, 2.5, -0.0, 1e10, 1e-10, 3.25]: fs2.add(x)
    P('ZF', fs2)
    P('ZB', {True, False}, {False})
    strs = set()
    for w in ['x', 'y', 'x', 'zz', '']: strs.add(w)
    P('ZS', sorted(strs), len(strs))
    def mk(n, span):
        t = set()
        for _ in range(n): t.add(r(span))
        return t
    for (na, nb, span) in [(10, 10, 30), (50, 5, 100), (5, 60, 100), (200, 3, 1000), (3, 200, 300), (40, 40, 60), (0, 5, 10), (100, 30, 10 ** 9)]:
        A = mk(na, span); B = mk(nb, span)
        P('ZO', A | B, A & B, A - B, B - A, A ^ B, B ^ A)
        P('ZQ', A <= B, A & B <= A, A == B, A == set(A), A.copy())
        C = A.copy(); C.update(B); P('ZU', C)
    E = set()
    for i in range(100): E.add(i)
    for i in range(100): E.pop()
    E.clear(); E.add(5); E.add(13); P('ZE', E, E.pop(), E)

    # ---- memory: see the driver
    print('M 1 1 1')

if len(sys.argv) > 1 and sys.argv[1] == 'errors':
    errors()
else:
    main()
