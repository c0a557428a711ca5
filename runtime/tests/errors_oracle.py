# What errors_driver.c must print, computed with CPython: per case the
# exception line (type(e).__name__ and str(e)) and the objects involved
# afterwards. Argument `uncaught a` / `uncaught b`: prints the Python
# program whose traceback the driver's `uncaught` mode must reproduce.
#
# Three kinds of case cannot be run as such in CPython, and use the nearest
# CPython operation with the same outcome:
#   - mgen's documented divergences: ints are 64-bit (OverflowError:
#     integer overflow ...) and int ** negative int is a ValueError
#     (i64() and ipow() below raise what mgen raises);
#   - operands CPython cannot build (strings and lists of 2**61 items): the
#     case raises CPython's own MemoryError from a size check
#     (too_big(): [0] * 2**62 fails in list_repeat before allocating);
#   - a keys list of another length than the list (generated code computes
#     the keys; CPython's key function appending to the list gives the same
#     ValueError).
import builtins, sys

HUGE = 1 << 62
I64_MSG = "integer overflow: result does not fit in 64 bits"

def i64(v):
    if not -(1 << 63) <= v < (1 << 63):
        raise OverflowError(I64_MSG)
    return v

def ipow(a, b):
    if b < 0:
        raise ValueError("negative exponent in int ** int is not supported by mgen "
                         "(CPython returns a float); use a float base")
    return i64(a ** b)

def fpow(a, b):
    r = a ** b
    if isinstance(r, complex):  # mgen has no complex numbers
        raise ValueError("negative number cannot be raised to a fractional power")
    return r

def too_big():
    [0] * HUGE

def line(name, f, state=None):
    try:
        f()
        out = 'no exception'
    except BaseException as e:
        out = f'{type(e).__name__}: {e}' if str(e) else type(e).__name__
    if state is not None:
        out += ' | ' + repr(state())
    print(f'{name}: {out}')

def strings():
    line('str_concat', too_big)
    s = 'abc'
    def app():
        nonlocal s
        s += 'é' * HUGE
    line('str_append_unique', app, lambda: s)
    line('str_append_shared', app, lambda: s)
    line('str_repeat_overflow', lambda: 'ab' * HUGE)
    line('str_repeat_memory', lambda: 'é' * HUGE)
    line('str_index', lambda: 'abc'[3])
    line('str_index_neg', lambda: 'abc'[-4])
    line('str_slice', lambda: 'abc'[::0])
    line('ord', lambda: ord('ab'))
    line('ord_empty', lambda: ord(''))
    line('chr', lambda: chr(0x110000))
    line('chr_neg', lambda: chr(-1))
    line('split', lambda: 'abc'.split(''))
    line('rsplit', lambda: 'abc'.rsplit('', 1))
    line('partition', lambda: 'abc'.partition(''))
    line('rpartition', lambda: 'abc'.rpartition(''))
    line('join', too_big)
    line('concat_parts', too_big)
    line('str_index_of', lambda: 'abc'.index('z'))
    line('find_range_index', lambda: 'abc'.index('c', 0, 2))
    line('center', lambda: 'abc'.center(10, 'xy'))
    line('ljust', lambda: 'abc'.ljust(10, ''))
    line('rjust', lambda: 'abc'.rjust(10, 'xy'))
    line('ljust_memory', lambda: 'z'.ljust(HUGE, '€'))
    line('center_memory', lambda: 'z'.center(sys.maxsize, '€'))
    line('zfill_memory', lambda: '€'.zfill(sys.maxsize))

def formatting():
    one, half, a, q, l1 = 1, 0.5, 'a', 'q', [1]
    line('format_open', lambda: 'x{'.format())
    line('format_close', lambda: 'x}y'.format())
    line('format_index', lambda: '{0}{1}'.format(one))
    line('format_key', lambda: '{x}'.format())
    line('format_code', lambda: '{0:d}'.format(half))
    line('format_conversion', lambda: '{0!z}'.format(one, q))
    line('format_nested', lambda: '{0:{1}}'.format(one, q))
    line('format_switch', lambda: '{0:{}}'.format(one, q))
    line('format_list', lambda: '{0:5}'.format(l1))
    line('format_conv_nested', lambda: '{0!r:{1}}'.format(a))
    line('format_recursion', lambda: '{0:{1:{2}}}'.format(one, q))
    line('format_int_c', lambda: format(1 << 40, 'c'))
    line('format_int_precision', lambda: format(5, '.2'))
    line('format_float', lambda: format(1.5, 'd'))
    line('format_str', lambda: format(a, '+'))
    line('format_bool', lambda: format(True, 'q'))

def numbers():
    for s in ['12x', ' ', '99999999999999999999', '-9223372036854775809']:
        line('int_from_str', lambda: i64(int(s)))
    for s in ['abc', '1_.5', '']:
        line('float_from_str', lambda: float(s))
    line('int_from_float_nan', lambda: i64(int(float('nan'))))
    line('int_from_float_inf', lambda: i64(int(float('-inf'))))
    line('int_from_float_big', lambda: i64(int(1e19)))
    line('int_floordiv_zero', lambda: 1 // 0)
    line('int_floordiv_overflow', lambda: i64(-(1 << 63) // -1))
    line('int_mod', lambda: 1 % 0)
    line('int_pow_overflow', lambda: ipow(3, 40))
    line('int_pow_negative', lambda: ipow(2, -1))
    line('int_truediv', lambda: 1 / 0)
    line('float_div', lambda: 1.0 / 0.0)
    line('float_floordiv', lambda: 1.0 // -0.0)
    line('float_mod', lambda: 1.0 % 0.0)
    line('float_pow_zero', lambda: fpow(0.0, -1.0))
    line('float_pow_fraction', lambda: fpow(-8.0, 1.0 / 3.0))
    line('float_pow_overflow', lambda: fpow(10.0, 400.0))
    line('range_contains', lambda: 3 in range(0, 10, 0))
    line('float_round', lambda: round(1.7976931348623157e308, -308))
    line('float_round_int_nan', lambda: i64(round(float('nan'))))
    line('float_round_int_inf', lambda: i64(round(float('inf'))))
    line('float_round_int_big', lambda: i64(round(-1e19)))
    line('int_round', lambda: i64(round((1 << 63) - 1, -1)))
    line('int_round_19', lambda: i64(round(6000000000000000000, -19)))

def values():
    l, d, s = [1, 2, 3], {1: 2}, set()
    line('hash_list', lambda: hash(l))
    line('hash_dict', lambda: hash(d))
    line('hash_set', lambda: hash(s))
    line('hash_tuple', lambda: hash((1, l)))
    line('cmp_dict', lambda: d < {1: 3})
    line('cmp_list', lambda: [{1: 2}] < [{1: 3}])
    line('cmp_tuple', lambda: (1, {}) < (1, d))

def lists():
    line('list_new', too_big)
    line('list_append', too_big)
    line('list_insert', too_big)
    line('list_extend', too_big)
    line('list_concat', too_big)
    e = []
    line('list_pop_empty', lambda: e.pop(), lambda: e)
    l = [1, 2, 3]
    line('list_pop', lambda: l.pop(5), lambda: l)
    line('list_remove', lambda: l.remove(9), lambda: l)
    line('list_index', lambda: l.index(7))
    ls = ['a', "it's"]
    line('list_index_str', lambda: ls.index('zed'))
    def setitem_str(): ls[-3] = 'w'
    line('list_setitem_str', setitem_str, lambda: ls)
    line('list_slice', lambda: l[::0])
    def delslice(): del l[::0]
    line('list_delslice', delslice, lambda: l)
    def setslice_zero(): l[::0] = []
    line('list_setslice_zero', setslice_zero, lambda: l)
    def setslice_size(): l[::2] = [77]
    line('list_setslice_size', setslice_size, lambda: l)
    def setitem(): l[-4] = 0
    line('list_setitem', setitem, lambda: l)
    def delitem(): del l[3]
    line('list_delitem', delitem, lambda: l)
    line('list_repeat', lambda: l * HUGE)
    def irepeat():
        nonlocal l
        l *= HUGE
    line('list_irepeat', irepeat, lambda: l)
    line('list_at', lambda: l[3])
    line('list_at_neg', lambda: l[-4])
    ld = [{1: 2}, {3: 4}, {5: 6}]
    line('list_sort', lambda: ld.sort(), lambda: ld)
    line('list_sort_reverse', lambda: ld.sort(reverse=True), lambda: ld)
    vals = [1, 2, 3]
    keys = {1: {1: 2}, 2: {3: 4}, 3: {5: 6}}
    line('list_sort_by_keys', lambda: vals.sort(key=lambda x: keys[x], reverse=True), lambda: vals)
    vals.append(4)
    line('list_sort_modified', lambda: vals.sort(key=lambda x: (vals.append(0), x)[1]))

def dicts():
    d = {'a': 1}
    line('dict_at_str', lambda: d['zed'])
    def delitem(): del d['zed']
    line('dict_delitem', delitem, lambda: d)
    line('dict_at_int', lambda: {1: 1}[3])
    line('dict_at_tuple', lambda: {(1, 2): 0}[(1, 3)])
    u = {}
    def set_(): u[[1, 2, 3]] = [1, 2, 3]
    line('dict_set', set_, lambda: u)
    line('dict_find', lambda: u.get([1, 2, 3]))
    line('dict_at', lambda: u[[1, 2, 3]])
    line('dict_contains', lambda: [1, 2, 3] in u)
    def delitem_u(): del u[[1, 2, 3]]
    line('dict_delitem_unhashable', delitem_u)
    line('dict_pop_empty', lambda: {}.pop((1, [1, 2, 3])))

def sets():
    s = set()
    line('set_pop', lambda: s.pop())
    s = {1, 2}
    line('set_remove', lambda: s.remove(5), lambda: s)
    sl = set()
    line('set_add', lambda: sl.add([1, 2, 3]), lambda: sl)
    line('set_contains', lambda: [1, 2, 3] in sl)
    line('set_discard', lambda: sl.discard([1, 2, 3]))
    line('set_remove_unhashable', lambda: sl.remove([1, 2, 3]))
    items = [[1, 2, 3]]
    line('set_update_list', lambda: sl.update(items), lambda: sl)
    line('set_intersection_list', lambda: sl.intersection(items))
    line('set_difference_update_list', lambda: sl.difference_update(items))

NAMES = ["BaseException", "Exception", "ArithmeticError", "LookupError", "ValueError", "TypeError",
         "IndexError", "KeyError", "ZeroDivisionError", "OverflowError", "MemoryError", "RecursionError",
         "RuntimeError", "StopIteration", "SystemExit", "KeyboardInterrupt", "UnicodeError",
         "UnicodeDecodeError", "AssertionError", "NotImplementedError", "OSError", "FileNotFoundError",
         "ConnectionResetError", "NameError", "UnboundLocalError", "Warning", "UserWarning", "TabError"]

def api():
    print('pending_before: no')
    try:
        raise ValueError('first')
    except ValueError as e:
        first = e
        print(f'fetch: clear {type(e).__name__} {e}')
    def reraise():
        try:
            raise KeyError('second')
        except KeyError:
            raise first
    line('restore', reraise)
    print(f"str_no_message: '{MemoryError()}'")
    def from_str(): raise RuntimeError('from a string')
    line('raise_str', from_str)
    def deep():
        a, b = [], []
        for _ in range(100000):
            a, b = [a], [b]
        a < b
    line('raise_recursion', deep)
    line('overflow', lambda: i64(1 << 63))
    for a in NAMES:
        ca = getattr(builtins, a)
        print(f'matches {a} ' + ''.join('1' if issubclass(ca, getattr(builtins, b)) else '0' for b in NAMES))

UNCAUGHT = {
    'a': '''def g(l):
    return l[5]

def f(l):
    return g(l)

l = [1, 2, 3]
print("before")
f(l)
''',
    'b': '''import sys
def r(n, d):
    if n == 0:
        return d['k']
    return r(n - 1, d)
sys.setrecursionlimit(5000)
r(1200, {})
''',
}

if len(sys.argv) > 2 and sys.argv[1] == 'uncaught':
    sys.stdout.write(UNCAUGHT[sys.argv[2]])
else:
    strings()
    formatting()
    numbers()
    values()
    lists()
    dicts()
    sets()
    api()
    print('done')
