/* mgen runtime: the ABI between generated code and the C runtime.
 *
 * Generated code calls these with the platform C calling convention.
 * Types: Python int = int64_t, float = double, bool = _Bool (i1 in LLVM,
 * passed zero-extended), str = MgStr* (never NULL).
 *
 * The runtime is freestanding C: no libc. Per-OS code (system calls, entry
 * point) lives in runtime/os/<layer>/; everything else is portable.
 */
#ifndef MGEN_RT_H
#define MGEN_RT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- strings ---------------------------------------------------------- */

/* Immutable UTF-8 string. The compiler emits literals as constant globals
 * with exactly this layout ({i64, i64, i64, [N+1 x i8]}) and rc = -1
 * (immortal). `data` is NUL-terminated (not counted in `len`). */
typedef struct MgStr {
    int64_t rc;     /* reference count; -1 = immortal (literals) */
    int64_t len;    /* length in bytes */
    int64_t nchars; /* length in code points */
    char data[];
} MgStr;

MgStr *mg_str_new(const char *bytes, int64_t len); /* copies, computes nchars */
MgStr *mg_str_concat(MgStr *a, MgStr *b);
/* s += t: takes the caller's reference to s; grows s in place when unique. */
MgStr *mg_str_append(MgStr *s, MgStr *t);
MgStr *mg_str_repeat(MgStr *s, int64_t n); /* n <= 0 gives "" */
/* s[i] as a 1-character string; negative i counts from the end.
 * IndexError: string index out of range */
MgStr *mg_str_index(MgStr *s, int64_t i);
int32_t mg_str_cmp(MgStr *a, MgStr *b); /* -1, 0, 1 by code points */
bool mg_str_eq(MgStr *a, MgStr *b);
MgStr *mg_str_repr(MgStr *s);           /* Python repr(): quotes, escapes */

/* ---- conversions ------------------------------------------------------ */

MgStr *mg_str_from_int(int64_t v);
MgStr *mg_str_from_float(double v); /* == repr(float): shortest round-trip */
MgStr *mg_str_from_bool(bool v);    /* "True" / "False" */
/* int(s): strips whitespace, optional sign, digits with single '_' between.
 * ValueError: invalid literal for int() with base 10: '<repr>'
 * (value out of int64 range: OverflowError, see mg_overflow) */
int64_t mg_int_from_str(MgStr *s);
/* float(s): Python syntax incl. inf/nan/infinity, correctly rounded.
 * ValueError: could not convert string to float: '<repr>' */
double mg_float_from_str(MgStr *s);
/* int(x) for a float: truncates.
 * OverflowError: cannot convert float infinity to integer
 * ValueError: cannot convert float NaN to integer
 * out of int64 range: mg_overflow() */
int64_t mg_int_from_float(double v);

/* ---- arithmetic with Python semantics --------------------------------- */

int64_t mg_int_floordiv(int64_t a, int64_t b); /* ZeroDivisionError: integer division or modulo by zero */
int64_t mg_int_mod(int64_t a, int64_t b);      /* ZeroDivisionError: integer modulo by zero; result has sign of b */
int64_t mg_int_pow(int64_t base, int64_t exp); /* exp < 0: see mg_int_pow_negative; overflow checked */
double mg_int_truediv(int64_t a, int64_t b);   /* ZeroDivisionError: division by zero */
double mg_float_div(double a, double b);       /* ZeroDivisionError: float division by zero */
double mg_float_floordiv(double a, double b);  /* ZeroDivisionError: float floor division by zero */
double mg_float_mod(double a, double b);       /* ZeroDivisionError: float modulo */
/* a ** b: ZeroDivisionError: 0.0 cannot be raised to a negative power;
 * negative base with non-integer exponent (complex in CPython):
 * ValueError: negative number cannot be raised to a fractional power */
double mg_float_pow(double a, double b);
/* Exact comparison of an int with a float, as CPython does:
 * -1, 0, 1, or 2 when unordered (NaN). */
int32_t mg_cmp_int_float(int64_t a, double b);
/* len(range(start, stop, step)), step != 0 (reversed(range(...))). */
int64_t mg_range_len(int64_t start, int64_t stop, int64_t step);
/* x in range(start, stop, step). ValueError: range() arg 3 must not be zero */
bool mg_range_contains(int64_t x, int64_t start, int64_t stop, int64_t step);

/* ---- output ----------------------------------------------------------- */

/* Buffered stdout; flushed at exit and before an error is reported. */
void mg_write_str(MgStr *s);
void mg_write_int(int64_t v);
void mg_write_float(double v);
void mg_write_bool(bool v);
void mg_write_cstr(const char *s, int64_t len);

/* ---- errors and tracebacks -------------------------------------------- */

/* What a traceback line names: the source file and the function. The
 * compiler emits one constant per function. */
typedef struct MgCode {
    const char *file; /* NUL-terminated, as the user named the source */
    const char *func; /* "<module>" for module-level code */
} MgCode;

/* One activation of a generated function. Generated code keeps these in a
 * linked list through `mg_frame_top`: it pushes a frame on entry (three
 * stores: prev, code, depth), updates `line` before anything that can
 * raise, and pops it on return (one store). The list ends at
 * `mg_root_frame` (code NULL, depth 0), so `prev` is never NULL for a
 * generated frame and the depth is the caller's plus one. */
typedef struct MgFrame {
    struct MgFrame *prev;
    const MgCode *code;
    int32_t line;
    int32_t depth; /* Python call depth (CPython's recursion limit: 1000) */
} MgFrame;

extern MgFrame mg_root_frame;
extern MgFrame *mg_frame_top;

/* Print "Traceback (most recent call last):", one
 *   File "F", line N, in FUNC
 * line per frame (outermost first), then "<exc>: <msg>" (or just "<exc>"
 * when msg is NULL / empty), on stderr; flush stdout first; exit(1). */
_Noreturn void mg_raise(const char *exc, const char *msg);
_Noreturn void mg_raise_str(const char *exc, MgStr *msg);
/* RecursionError with CPython's suffix for the C-level check that is
 * over the limit (src/lower/reclimit.rs): msgs[j-1] for level j. */
_Noreturn void mg_raise_recursion(int32_t depth, int32_t k, const char *const *msgs);
/* An int result does not fit in 64 bits. */
_Noreturn void mg_overflow(void);

/* ---- process ---------------------------------------------------------- */

/* Provided by the generated module: runs the module body. */
void mg_module_main(void);
/* Flush stdout and end the process. */
_Noreturn void mg_exit(int32_t code);

/* ---- memory ----------------------------------------------------------- */

void *mg_alloc(size_t size); /* never NULL: MemoryError on exhaustion */

/* ==== Issue 3: values, reference counting, containers ================== */

/* Every heap object starts with a reference count. rc < 0 = immortal
 * (literals, empty constants): never changed, never freed. Generated code
 * increfs inline (`if (rc >= 0) rc++`) and decrefs inline
 * (`if (rc > 0 && --rc == 0) mg_<kind>_free(obj)`). */
typedef struct MgObj {
    int64_t rc;
} MgObj;

void mg_str_free(MgStr *s);

/* ---- type descriptors --------------------------------------------------
 * Containers store values inline in "slots". A slot's representation:
 *   int: int64_t (8)   float: double (8)   bool: uint8_t 0/1 (1)
 *   str/list/dict/set: pointer to the object
 *   tuple: a struct with its fields at `offsets` (size/align as the target's
 *          C ABI lays out the struct of its field slots)
 * The runtime provides the descriptors of int, float, bool, str, and one
 * shared descriptor for all lists, one for all dicts, one for all sets (a
 * list/dict/set object records its own element types). The compiler emits a
 * constant descriptor for each tuple shape it uses. */
enum {
    MG_KIND_INT = 1,
    MG_KIND_FLOAT = 2,
    MG_KIND_BOOL = 3,
    MG_KIND_STR = 4,
    MG_KIND_LIST = 5,
    MG_KIND_DICT = 6,
    MG_KIND_SET = 7,
    MG_KIND_TUPLE = 8,
};

typedef struct MgType {
    int32_t kind;
    int32_t size;  /* bytes of one slot */
    int32_t align; /* alignment of one slot */
    int32_t nfields;                    /* tuples: number of fields */
    const struct MgType *const *fields; /* tuples: field types */
    const int64_t *offsets;             /* tuples: byte offset of each field */
} MgType;

extern const MgType mg_type_int, mg_type_float, mg_type_bool, mg_type_str;
extern const MgType mg_type_list, mg_type_dict, mg_type_set;

/* Operations on one slot of type t (a, b point at slots). Semantics are
 * CPython's: eq is ==, cmp orders like < (-1, 0, 1; 2 when unordered, e.g.
 * NaN), hash is CPython's hash() for int/float/bool/tuple (so set iteration
 * order of ints and tuples of ints matches CPython) and any good hash for str.
 * Errors: hash of list/dict/set -> TypeError: unhashable type: 'list';
 * ordering dicts/sets -> TypeError: '<' not supported between instances of
 * 'dict' and 'dict'. */
bool mg_val_eq(const MgType *t, const void *a, const void *b);
int32_t mg_val_cmp(const MgType *t, const void *a, const void *b);
int64_t mg_val_hash(const MgType *t, const void *a);
MgStr *mg_val_repr(const MgType *t, const void *a); /* repr(x) */
MgStr *mg_val_str(const MgType *t, const void *a);  /* str(x) */
void mg_val_incref(const MgType *t, void *a);
void mg_val_decref(const MgType *t, void *a);

/* ---- memory ----------------------------------------------------------- */
/* mg_alloc (above) and mg_free: a real allocator (size classes + large
 * blocks returned to the OS), so long-running programs do not grow. */
void mg_free(void *p);
void *mg_realloc(void *p, size_t size);

/* ---- list[T] ----------------------------------------------------------
 * Ownership: functions taking `const void *v` to store it take over the
 * references held by the slot (the caller does not decref it); functions
 * that copy elements out (slice, copy, concat) incref them. */
typedef struct MgList {
    int64_t rc;
    const MgType *elem;
    int64_t len;
    int64_t cap;
    char *data; /* len slots of elem->size bytes */
} MgList;

MgList *mg_list_new(const MgType *elem, int64_t cap);
void mg_list_free(MgList *l);
void mg_list_append(MgList *l, const void *v);
void mg_list_extend(MgList *l, MgList *other);           /* increfs copied slots; l may be other */
void mg_list_insert(MgList *l, int64_t i, const void *v); /* Python's clamping */
/* pop(i): moves the element into *out. IndexError: pop from empty list /
 * pop index out of range */
void mg_list_pop(MgList *l, int64_t i, void *out);
/* ValueError: list.remove(x): x not in list */
void mg_list_remove(MgList *l, const void *v);
/* ValueError: <repr(x)> is not in list */
int64_t mg_list_index(MgList *l, const void *v);
int64_t mg_list_count(MgList *l, const void *v);
bool mg_list_contains(MgList *l, const void *v);
void mg_list_reverse(MgList *l);
void mg_list_clear(MgList *l);
MgList *mg_list_copy(MgList *l);
/* Stable sort by mg_val_cmp of the elements (only "<" used, like CPython). */
void mg_list_sort(MgList *l, bool reverse);
/* Stable sort of l by the parallel list `keys` (same length; keys[i] is
 * the key of l[i]); keys is consumed (freed). */
void mg_list_sort_by_keys(MgList *l, MgList *keys, bool reverse);
/* l[start:stop:step]; has_* false = omitted. ValueError: slice step cannot be zero */
MgList *mg_list_slice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop, bool has_step);
/* del l[start:stop:step] (has_* as for mg_list_slice). */
void mg_list_delslice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop, bool has_step);
/* l[start:stop:step] = v (v is borrowed and may be l; a step other than 1
 * needs len(v) == the slice length. ValueError: attempt to assign sequence
 * of size N to extended slice of size M) */
void mg_list_setslice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop, bool has_step,
                      MgList *v);
/* l[i] = v (takes v). IndexError: list assignment index out of range */
void mg_list_setitem(MgList *l, int64_t i, const void *v);
/* del l[i]. IndexError: list assignment index out of range */
void mg_list_delitem(MgList *l, int64_t i);
MgList *mg_list_concat(MgList *a, MgList *b);
MgList *mg_list_repeat(MgList *l, int64_t n);
void mg_list_irepeat(MgList *l, int64_t n); /* xs *= n, in place */
/* Pointer to slot i after Python index normalisation (borrowed).
 * IndexError: list index out of range */
void *mg_list_at(MgList *l, int64_t i);

/* ---- dict[K, V]: insertion-ordered, like CPython ------------------------ */
typedef struct MgDict MgDict;
MgDict *mg_dict_new(const MgType *key, const MgType *val);
void mg_dict_free(MgDict *d);
int64_t mg_dict_len(MgDict *d);
/* d[k] = v: takes both (if k is present its old key stays and the new key
 * is decref'd, the old value is decref'd). */
void mg_dict_set(MgDict *d, const void *k, const void *v);
/* Pointer to the value slot of k, or NULL (borrowed). */
void *mg_dict_find(MgDict *d, const void *k);
/* Pointer to the value slot of k (borrowed). KeyError: <repr(k)> */
void *mg_dict_at(MgDict *d, const void *k);
/* del d[k]. KeyError: <repr(k)> */
void mg_dict_delitem(MgDict *d, const void *k);
/* d.pop(k): moves the value into *out; false if k is absent (the caller
 * then raises KeyError or uses its default). */
bool mg_dict_pop(MgDict *d, const void *k, void *out);
bool mg_dict_contains(MgDict *d, const void *k);
void mg_dict_clear(MgDict *d);
MgDict *mg_dict_copy(MgDict *d);
void mg_dict_update(MgDict *d, MgDict *other);
/* Iteration in insertion order: *pos starts at 0; returns false at the
 * end; sets borrowed pointers to the key and value slots. */
bool mg_dict_next(MgDict *d, int64_t *pos, void **key, void **val);
/* New lists of the keys / values (increfs). items: a list of tuple slots
 * {key, value} laid out by `item_type` (a 2-field tuple descriptor). */
MgList *mg_dict_keys(MgDict *d);
MgList *mg_dict_values(MgDict *d);
MgList *mg_dict_items(MgDict *d, const MgType *item_type);
const MgType *mg_dict_key_type(MgDict *d);
const MgType *mg_dict_val_type(MgDict *d);

/* ---- set[T]: CPython's setobject algorithm, so iteration order of int
 * and tuple sets matches CPython's ---------------------------------------- */
typedef struct MgSet MgSet;
MgSet *mg_set_new(const MgType *elem);
void mg_set_free(MgSet *s);
int64_t mg_set_len(MgSet *s);
void mg_set_add(MgSet *s, const void *v);      /* takes v (decref'd if present) */
bool mg_set_contains(MgSet *s, const void *v);
bool mg_set_discard(MgSet *s, const void *v);  /* true if it was present */
void mg_set_remove(MgSet *s, const void *v);   /* KeyError: <repr(v)> */
void mg_set_pop(MgSet *s, void *out);          /* KeyError: 'pop from an empty set' */
void mg_set_clear(MgSet *s);
MgSet *mg_set_copy(MgSet *s);
MgSet *mg_set_freeze(MgSet *a); /* CPython's frozenset constant from the set of its elements; immortal */
MgSet *mg_set_union(MgSet *a, MgSet *b);
MgSet *mg_set_intersection(MgSet *a, MgSet *b);
MgSet *mg_set_difference(MgSet *a, MgSet *b);
MgSet *mg_set_symmetric_difference(MgSet *a, MgSet *b);
bool mg_set_issubset(MgSet *a, MgSet *b);
void mg_set_update(MgSet *a, MgSet *b);
bool mg_set_next(MgSet *s, int64_t *pos, void **slot);
/* For set methods with a non-set argument (its items as a list, borrowed)
 * and with several arguments: CPython's set_update_internal,
 * set_intersection and set_difference_update_internal paths. */
void mg_set_difference_update(MgSet *s, MgSet *o);   /* s -= o */
void mg_set_intersection_update(MgSet *s, MgSet *o); /* s &= o */
void mg_set_symmetric_difference_update(MgSet *s, MgSet *o); /* s ^= o */
void mg_set_update_list(MgSet *s, MgList *l);
MgSet *mg_set_intersection_list(MgSet *s, MgList *l);
void mg_set_difference_update_list(MgSet *s, MgList *l);
const MgType *mg_set_elem_type(MgSet *s);

/* ---- more str ----------------------------------------------------------- */
/* s[start:stop:step] by code points (has_* false = omitted). */
MgStr *mg_str_slice(MgStr *s, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop, bool has_step);
bool mg_str_contains(MgStr *s, MgStr *sub); /* sub in s */
/* Iteration by code point: *pos is a byte offset starting at 0; returns
 * NULL at the end, else a new 1-character string. */
MgStr *mg_str_next_char(MgStr *s, int64_t *pos);
int64_t mg_str_hash(MgStr *s);
int64_t mg_ord(MgStr *s);  /* TypeError: ord() expected a character, but string of length N found */
MgStr *mg_chr(int64_t c);  /* ValueError: chr() arg not in range(0x110000) */
/* Methods: names as in Python; `none` arguments are passed as NULL (for
 * split/strip with no argument) or as has_* flags. Errors as CPython's. */
MgList *mg_str_split(MgStr *s, MgStr *sep /* NULL = whitespace */, int64_t maxsplit /* -1 = all */);
MgList *mg_str_rsplit(MgStr *s, MgStr *sep, int64_t maxsplit);
MgList *mg_str_splitlines(MgStr *s, bool keepends);
MgStr *mg_str_join(MgStr *sep, MgList *parts); /* TypeError: sequence item 0: expected str instance, int found */
MgStr *mg_str_strip(MgStr *s, MgStr *chars /* NULL = whitespace */);
MgStr *mg_str_lstrip(MgStr *s, MgStr *chars);
MgStr *mg_str_rstrip(MgStr *s, MgStr *chars);
MgStr *mg_str_lower(MgStr *s);
MgStr *mg_str_upper(MgStr *s);
MgStr *mg_str_title(MgStr *s);
MgStr *mg_str_capitalize(MgStr *s);
MgStr *mg_str_swapcase(MgStr *s);
MgStr *mg_str_casefold(MgStr *s);
MgStr *mg_str_replace(MgStr *s, MgStr *old, MgStr *new_, int64_t count /* -1 = all */);
bool mg_str_startswith(MgStr *s, MgStr *prefix);
bool mg_str_endswith(MgStr *s, MgStr *suffix);
int64_t mg_str_find(MgStr *s, MgStr *sub);   /* code-point index or -1 */
int64_t mg_str_rfind(MgStr *s, MgStr *sub);
int64_t mg_str_index_of(MgStr *s, MgStr *sub); /* ValueError: substring not found */
int64_t mg_str_count(MgStr *s, MgStr *sub);
/* The same with start[, end] positions (CPython's slice rules; results are
 * indices of s). which: 2 find, 3 rfind, 4 index, 5 count;
 * 0 startswith, 1 endswith. */
int64_t mg_str_find_range(MgStr *s, MgStr *sub, int64_t start, int64_t end, bool has_end, int64_t which);
bool mg_str_match_range(MgStr *s, MgStr *sub, int64_t start, int64_t end, bool has_end, int64_t which);
bool mg_str_isdigit(MgStr *s);
bool mg_str_isalpha(MgStr *s);
bool mg_str_isalnum(MgStr *s);
bool mg_str_isspace(MgStr *s);
bool mg_str_isupper(MgStr *s);
bool mg_str_islower(MgStr *s);
bool mg_str_isdecimal(MgStr *s);
bool mg_str_isnumeric(MgStr *s);
bool mg_str_isprintable(MgStr *s);
bool mg_str_istitle(MgStr *s);
MgStr *mg_str_center(MgStr *s, int64_t width, MgStr *fill /* NULL = ' ' */); /* TypeError: The fill character must be exactly one character long */
MgStr *mg_str_ljust(MgStr *s, int64_t width, MgStr *fill);
MgStr *mg_str_rjust(MgStr *s, int64_t width, MgStr *fill);
MgStr *mg_str_zfill(MgStr *s, int64_t width);
/* s.partition(sep) -> out[0..3] new strings. ValueError: empty separator */
void mg_str_partition(MgStr *s, MgStr *sep, MgStr **out);
void mg_str_rpartition(MgStr *s, MgStr *sep, MgStr **out);

/* ---- formatting (f-strings, str.format, format()) ------------------------
 * `spec` is the format spec after ':' (may be empty). Full mini-language:
 * fill, align (<>^=), sign (+ - space), z, #, 0, width, grouping (, _),
 * .precision, type (d b o x X c n for ints; e E f F g G n % for floats and
 * ints; s for str). Errors: ValueError: Unknown format code 'd' for object
 * of type 'float', etc. exactly as CPython 3.11. */
MgStr *mg_format_int(int64_t v, MgStr *spec);
MgStr *mg_format_float(double v, MgStr *spec);
MgStr *mg_format_str(MgStr *v, MgStr *spec);
MgStr *mg_format_bool(bool v, MgStr *spec); /* bool formats as int unless spec is empty/'s' */
/* fmt.format(*args) for a format string known only at run time: args are
 * n slots (slots[i] points at a slot of type types[i]); errors as CPython's
 * (IndexError: Replacement index 2 out of range for positional args tuple,
 * ValueError: Single '}' encountered in format string, ...). */
MgStr *mg_str_format(MgStr *fmt, int64_t n, const MgType *const *types, void *const *slots);
/* round(x, n) exactly as CPython (correctly rounded, half-even on the
 * decimal value); round(x) -> int with ties to even. */
double mg_float_round(double x, int64_t ndigits);
int64_t mg_float_round_int(double x); /* OverflowError/ValueError like int() */
int64_t mg_int_round(int64_t x, int64_t ndigits); /* round(int, negative n) */
/* Concatenate n strings (f-string pieces) into a new string. */
/* One piece of an f-string: bytes, their length and code-point count
 * (generated code formats ints into stack buffers and points here). */
typedef struct MgPart {
    const char *p;
    int64_t len;
    int64_t nchars;
} MgPart;
MgStr *mg_str_concat_parts(const MgPart *parts, int64_t n);
/* Decimal text of v into buf (at least 21 bytes); returns the length. */
int mg_fmt_int(char *buf, int64_t v);

#endif
