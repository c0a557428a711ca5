/* mgen runtime: the ABI between generated code and the C runtime.
 *
 * Generated code calls these with the platform C calling convention.
 * Types: Python int = int64_t, float = double, bool = _Bool (i1 in LLVM,
 * passed zero-extended), str = MgStr* (never NULL).
 *
 * The runtime is freestanding C: no libc. Per-OS code (system calls, entry
 * point) lives in runtime/os/<layer>/; everything else is portable.
 *
 * ---- Errors: how each function raises ------------------------------------
 * A raise either ends the process or propagates, as `mg_raise_mode` says:
 *   MG_RAISE_EXIT (0, the default; today's generated code): the traceback
 *     of the live frames and "<exc>: <msg>" go to stderr, exit status 1.
 *   MG_RAISE_PROPAGATE (1): the exception becomes the pending exception
 *     `mg_exc` and the function returns its error value. A function never
 *     returns its error value with mg_exc NULL.
 * Every function below is marked, on its prototype's line, with one of
 *   never raises                 no Python exception (but see MemoryError)
 *   raises -> NULL: E...         pointer results: NULL on error, exact (a
 *                                successful call never returns NULL)
 *   raises -> NULL, mg_exc: E    NULL is also a normal result: on NULL,
 *                                mg_exc != NULL tells the error
 *   raises -> -1: E              exact sentinel (never a normal result)
 *   raises -> MG_CMP_ERR: E      exact (mg_val_cmp)
 *   raises -> -1, mg_exc: E      -1 (int64), -1.0 (double) or false (bool)
 *   raises -> -1.0, mg_exc: E    is also a normal result: only when the
 *   raises -> false, mg_exc: E   result equals it, mg_exc tells the error
 *   raises -> mg_exc: E          void: mg_exc != NULL after the call
 *   fatal                        always ends the process (both modes)
 * where E lists the exception types it can raise (CPython's names, the
 * `const char *` stored in MgExc.type).
 * On error every data structure stays valid and nothing leaks: a function
 * releases what it allocated; a container keeps a consistent length and no
 * half-made entry. Arguments a function takes over (the references in a
 * stored slot `v`, dict keys and values, the keys list of
 * mg_list_sort_by_keys) are released on error too, unless the prototype
 * says otherwise (mg_str_append). Out-parameters are untouched on error.
 * MemoryError: a size checked before allocating (string and list
 * repetition, concatenation and padding lengths, list/dict/set size
 * limits) raises MemoryError like any exception. An allocation the OS
 * refuses (mg_alloc, mg_realloc, the allocator's arenas) is fatal in both
 * modes: it prints the traceback of the live frames and "MemoryError" and
 * exits with 1; "never raises" does not exclude that. The checked limit is
 * half the address space (SIZE_MAX / 2 bytes): on 64-bit targets a size
 * below it that the OS still refuses (2**50 bytes, say) is fatal. */
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

/* Copies, computes nchars (len: bytes that exist, <= MG_STR_MAX). */
MgStr *mg_str_new(const char *bytes, int64_t len); /* never raises */
MgStr *mg_str_concat(MgStr *a, MgStr *b); /* raises -> NULL: MemoryError */
/* s += t: takes the caller's reference to s; grows s in place when unique.
 * On error s is unchanged and the reference stays the caller's. */
MgStr *mg_str_append(MgStr *s, MgStr *t); /* raises -> NULL: MemoryError */
/* n <= 0 gives "". OverflowError: repeated string is too long */
MgStr *mg_str_repeat(MgStr *s, int64_t n); /* raises -> NULL: OverflowError, MemoryError */
/* s[i] as a 1-character string; negative i counts from the end.
 * IndexError: string index out of range */
MgStr *mg_str_index(MgStr *s, int64_t i); /* raises -> NULL: IndexError */
int32_t mg_str_cmp(MgStr *a, MgStr *b); /* never raises; -1, 0, 1 by code points */
bool mg_str_eq(MgStr *a, MgStr *b);     /* never raises */
MgStr *mg_str_repr(MgStr *s);           /* never raises; Python repr(): quotes, escapes */

/* ---- conversions ------------------------------------------------------ */

MgStr *mg_str_from_int(int64_t v);   /* never raises */
MgStr *mg_str_from_float(double v); /* never raises; == repr(float): shortest round-trip */
MgStr *mg_str_from_bool(bool v);    /* never raises; "True" / "False" */
/* int(s): strips whitespace, optional sign, digits with single '_' between.
 * ValueError: invalid literal for int() with base 10: '<repr>'
 * (value out of int64 range: OverflowError, as mg_overflow) */
int64_t mg_int_from_str(MgStr *s); /* raises -> -1, mg_exc: ValueError, OverflowError */
/* float(s): Python syntax incl. inf/nan/infinity, correctly rounded.
 * ValueError: could not convert string to float: '<repr>' */
double mg_float_from_str(MgStr *s); /* raises -> -1.0, mg_exc: ValueError */
/* int(x) for a float: truncates.
 * OverflowError: cannot convert float infinity to integer
 * ValueError: cannot convert float NaN to integer
 * out of int64 range: OverflowError as mg_overflow */
int64_t mg_int_from_float(double v); /* raises -> -1, mg_exc: ValueError, OverflowError */

/* ---- arithmetic with Python semantics --------------------------------- */

/* ZeroDivisionError: integer division or modulo by zero; INT64_MIN // -1: OverflowError */
int64_t mg_int_floordiv(int64_t a, int64_t b); /* raises -> -1, mg_exc: ZeroDivisionError, OverflowError */
/* ZeroDivisionError: integer modulo by zero; result has sign of b */
int64_t mg_int_mod(int64_t a, int64_t b); /* raises -> -1, mg_exc: ZeroDivisionError */
/* exp < 0: ValueError naming mgen's divergence (CPython gives a float);
 * overflow checked (OverflowError) */
int64_t mg_int_pow(int64_t base, int64_t exp); /* raises -> -1, mg_exc: ValueError, OverflowError */
/* ZeroDivisionError: division by zero */
double mg_int_truediv(int64_t a, int64_t b); /* raises -> -1.0, mg_exc: ZeroDivisionError */
/* ZeroDivisionError: float division by zero */
double mg_float_div(double a, double b); /* raises -> -1.0, mg_exc: ZeroDivisionError */
/* ZeroDivisionError: float floor division by zero */
double mg_float_floordiv(double a, double b); /* raises -> -1.0, mg_exc: ZeroDivisionError */
/* ZeroDivisionError: float modulo */
double mg_float_mod(double a, double b); /* raises -> -1.0, mg_exc: ZeroDivisionError */
/* a ** b: ZeroDivisionError: 0.0 cannot be raised to a negative power;
 * negative base with non-integer exponent (complex in CPython):
 * ValueError: negative number cannot be raised to a fractional power;
 * OverflowError: (34, 'Numerical result out of range') */
double mg_float_pow(double a, double b); /* raises -> -1.0, mg_exc: ZeroDivisionError, ValueError, OverflowError */
/* Exact comparison of an int with a float, as CPython does:
 * -1, 0, 1, or 2 when unordered (NaN). */
int32_t mg_cmp_int_float(int64_t a, double b); /* never raises */
/* len(range(start, stop, step)), step != 0 (reversed(range(...))). */
int64_t mg_range_len(int64_t start, int64_t stop, int64_t step); /* never raises */
/* x in range(start, stop, step). ValueError: range() arg 3 must not be zero */
bool mg_range_contains(int64_t x, int64_t start, int64_t stop, int64_t step); /* raises -> false, mg_exc: ValueError */

/* ---- output ----------------------------------------------------------- */

/* Buffered stdout; flushed at exit and before an error is reported. */
void mg_write_str(MgStr *s);                    /* never raises */
void mg_write_int(int64_t v);                   /* never raises */
void mg_write_float(double v);                  /* never raises */
void mg_write_bool(bool v);                     /* never raises */
void mg_write_cstr(const char *s, int64_t len); /* never raises */

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

/* The fatal raise, in both modes (today's generated code declares these
 * noreturn). Print "Traceback (most recent call last):", one
 *   File "F", line N, in FUNC
 * line per live frame (outermost first; CPython's limit of 1000 entries and
 * its "[Previous line repeated N more times]"), then "<exc>: <msg>" (or
 * just "<exc>" when msg is NULL / empty), on stderr; flush stdout first;
 * exit(1). mg_raise_str prints msg->data up to its first NUL. */
_Noreturn void mg_raise(const char *exc, const char *msg); /* fatal */
_Noreturn void mg_raise_str(const char *exc, MgStr *msg);  /* fatal */
/* RecursionError with CPython's suffix for the C-level check that is
 * over the limit (src/lower/reclimit.rs): msgs[j-1] for level j. */
_Noreturn void mg_raise_recursion(int32_t depth, int32_t k, const char *const *msgs); /* fatal */
/* An int result does not fit in 64 bits:
 * OverflowError: integer overflow: result does not fit in 64 bits */
_Noreturn void mg_overflow(void); /* fatal */

/* ---- the pending exception (MG_RAISE_PROPAGATE) -------------------------
 * How generated code uses it:
 *   - once, before anything can raise: mg_raise_mode = MG_RAISE_PROPAGATE;
 *   - `raise E(msg)`: mg_exc_raise / mg_exc_raise_str, then its error edge;
 *   - after a call of a function marked "raises": test its result as the
 *     mark says (or mg_exc != NULL), then its error edge;
 *   - on an error edge, first mg_exc_traceback_here(&frame) (the frame's
 *     line is the line that raised, or of the call that failed: one entry
 *     per frame the exception passes, as CPython's PyTraceBack_Here), then
 *     a handler (`except`: mg_exc_matches, mg_exc_fetch or mg_exc_clear) or
 *     the function's error exit (release the locals, pop the frame, return
 *     the caller's error value);
 *   - mg_module_main returning with mg_exc set: mg_rt_main prints it
 *     (mg_exc_print_uncaught) and exits with 1, as CPython does.
 * The message is str(e) in CPython's terms: what follows "<type>: " on the
 * last line of the traceback (for KeyError the repr of the key, with its
 * quotes). NULL = no message (MemoryError), printed as just "<type>". */
enum { MG_RAISE_EXIT = 0, MG_RAISE_PROPAGATE = 1 };
extern int32_t mg_raise_mode;

typedef struct MgTb {
    const MgCode *code;
    int32_t line;
} MgTb;

typedef struct MgExc {
    int64_t rc;       /* 1: owned by mg_exc, or by whoever fetched it */
    const char *type; /* "ValueError", ...: a static string */
    MgStr *msg;       /* str(e), owned; NULL = no message */
    int64_t ntb;      /* traceback entries, innermost first */
    int64_t captb;
    MgTb *tb;
} MgExc;

/* The pending exception; NULL = none. */
extern MgExc *mg_exc;

/* Raise exc (a static string) with message msg (copied; NULL = none). In
 * MG_RAISE_EXIT mode this is mg_raise. A pending exception is replaced. */
void mg_exc_raise(const char *exc, const char *msg); /* raises -> mg_exc: exc (always) */
/* The same with a string message (borrowed: the exception takes its own
 * reference). */
void mg_exc_raise_str(const char *exc, MgStr *msg); /* raises -> mg_exc: exc (always) */
/* OverflowError: integer overflow: result does not fit in 64 bits */
void mg_exc_overflow(void); /* raises -> mg_exc: OverflowError (always) */
/* RecursionError, with the message mg_raise_recursion prints. */
void mg_exc_raise_recursion(int32_t depth, int32_t k, const char *const *msgs); /* raises -> mg_exc: RecursionError (always) */
/* Add frame f (its code and current line) to the pending exception's
 * traceback; nothing without one. */
void mg_exc_traceback_here(const MgFrame *f); /* never raises */
/* Drop the pending exception (`except E: pass`). */
void mg_exc_clear(void); /* never raises */
/* Take the pending exception (`except E as e`): mg_exc becomes NULL and
 * the caller owns the result (NULL if none). */
MgExc *mg_exc_fetch(void); /* never raises */
/* Make e (owned, from mg_exc_fetch) pending again (a bare `raise`); a
 * different pending exception is freed. */
void mg_exc_restore(MgExc *e); /* never raises */
void mg_exc_free(MgExc *e);    /* never raises; NULL is ignored */
/* isinstance(e, <built-in exception class named type>), by CPython 3.11's
 * hierarchy ("LookupError" matches KeyError and IndexError, "Exception"
 * every built-in exception but SystemExit, KeyboardInterrupt,
 * GeneratorExit). */
bool mg_exc_matches(const MgExc *e, const char *type); /* never raises */
/* str(e): a new reference ("" when there is no message). */
MgStr *mg_exc_str(const MgExc *e); /* never raises */
/* Print the pending exception as CPython prints an uncaught one (its
 * traceback entries, outermost first, with the limit and the repeat lines
 * of mg_raise; then "<exc>: <msg>") after flushing stdout; exit(1). */
_Noreturn void mg_exc_print_uncaught(void); /* fatal */

/* ---- process ---------------------------------------------------------- */

/* Provided by the generated module: runs the module body. In
 * MG_RAISE_PROPAGATE mode it returns with mg_exc set for an uncaught
 * exception. */
void mg_module_main(void); /* raises -> mg_exc: any (MG_RAISE_PROPAGATE) */
/* Flush stdout and end the process. */
_Noreturn void mg_exit(int32_t code); /* never raises */

/* ---- memory ----------------------------------------------------------- */

void *mg_alloc(size_t size); /* never raises; never NULL: MemoryError on exhaustion is fatal */

/* ==== Issue 3: values, reference counting, containers ================== */

/* Every heap object starts with a reference count. rc < 0 = immortal
 * (literals, empty constants): never changed, never freed. Generated code
 * increfs inline (`if (rc >= 0) rc++`) and decrefs inline
 * (`if (rc > 0 && --rc == 0) mg_<kind>_free(obj)`). */
typedef struct MgObj {
    int64_t rc;
} MgObj;

void mg_str_free(MgStr *s); /* never raises */

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
 * order of ints and tuples of ints matches CPython) and any good hash for str
 * (never -1, which is the error value).
 * Errors: hash of list/dict/set -> TypeError: unhashable type: 'list';
 * ordering dicts/sets -> TypeError: '<' not supported between instances of
 * 'dict' and 'dict' (also inside lists and tuples). Equality never raises:
 * the keys of an existing dict or set are hashable. */
#define MG_CMP_ERR ((int32_t)-2)
bool mg_val_eq(const MgType *t, const void *a, const void *b);      /* never raises */
int32_t mg_val_cmp(const MgType *t, const void *a, const void *b);  /* raises -> MG_CMP_ERR: TypeError */
int64_t mg_val_hash(const MgType *t, const void *a);                /* raises -> -1: TypeError */
MgStr *mg_val_repr(const MgType *t, const void *a);                 /* never raises; repr(x) */
MgStr *mg_val_str(const MgType *t, const void *a);                  /* never raises; str(x) */
void mg_val_incref(const MgType *t, void *a);                       /* never raises */
void mg_val_decref(const MgType *t, void *a);                       /* never raises */

/* ---- memory ----------------------------------------------------------- */
/* mg_alloc (above) and mg_free: a real allocator (size classes + large
 * blocks returned to the OS), so long-running programs do not grow. */
void mg_free(void *p);                  /* never raises */
void *mg_realloc(void *p, size_t size); /* never raises; MemoryError on exhaustion is fatal */

/* ---- list[T] ----------------------------------------------------------
 * Ownership: functions taking `const void *v` to store it take over the
 * references held by the slot (the caller does not decref it; on error
 * they are released); functions that copy elements out (slice, copy,
 * concat) incref them. MemoryError: the slots of a list would take more
 * than half the address space. */
typedef struct MgList {
    int64_t rc;
    const MgType *elem;
    int64_t len;
    int64_t cap;
    char *data; /* len slots of elem->size bytes */
} MgList;

MgList *mg_list_new(const MgType *elem, int64_t cap); /* raises -> NULL: MemoryError */
void mg_list_free(MgList *l);                          /* never raises */
void mg_list_append(MgList *l, const void *v);         /* raises -> mg_exc: MemoryError */
/* increfs copied slots; l may be other */
void mg_list_extend(MgList *l, MgList *other); /* raises -> mg_exc: MemoryError */
/* Python's clamping */
void mg_list_insert(MgList *l, int64_t i, const void *v); /* raises -> mg_exc: MemoryError */
/* pop(i): moves the element into *out. IndexError: pop from empty list /
 * pop index out of range */
void mg_list_pop(MgList *l, int64_t i, void *out); /* raises -> mg_exc: IndexError */
/* ValueError: list.remove(x): x not in list */
void mg_list_remove(MgList *l, const void *v); /* raises -> mg_exc: ValueError */
/* ValueError: <repr(x)> is not in list */
int64_t mg_list_index(MgList *l, const void *v); /* raises -> -1: ValueError */
int64_t mg_list_count(MgList *l, const void *v);  /* never raises */
bool mg_list_contains(MgList *l, const void *v);  /* never raises */
void mg_list_reverse(MgList *l);                  /* never raises */
void mg_list_clear(MgList *l);                    /* never raises */
MgList *mg_list_copy(MgList *l);                  /* never raises */
/* Stable sort by mg_val_cmp of the elements (only "<" used, like CPython).
 * On error (a comparison raised) l holds its elements in their original
 * order. */
void mg_list_sort(MgList *l, bool reverse); /* raises -> mg_exc: TypeError */
/* Stable sort of l by the parallel list `keys` (same length; keys[i] is
 * the key of l[i]); keys is consumed (freed), on error too.
 * ValueError: list modified during sort (lengths differ) */
void mg_list_sort_by_keys(MgList *l, MgList *keys, bool reverse); /* raises -> mg_exc: TypeError, ValueError */
/* l[start:stop:step]; has_* false = omitted. ValueError: slice step cannot be zero */
MgList *mg_list_slice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop,
                      bool has_step); /* raises -> NULL: ValueError */
/* del l[start:stop:step] (has_* as for mg_list_slice). */
void mg_list_delslice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop,
                      bool has_step); /* raises -> mg_exc: ValueError */
/* l[start:stop:step] = v (v is borrowed and may be l; a step other than 1
 * needs len(v) == the slice length. ValueError: attempt to assign sequence
 * of size N to extended slice of size M) */
void mg_list_setslice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop, bool has_step,
                      MgList *v); /* raises -> mg_exc: ValueError, MemoryError */
/* l[i] = v (takes v). IndexError: list assignment index out of range */
void mg_list_setitem(MgList *l, int64_t i, const void *v); /* raises -> mg_exc: IndexError */
/* del l[i]. IndexError: list assignment index out of range */
void mg_list_delitem(MgList *l, int64_t i);          /* raises -> mg_exc: IndexError */
MgList *mg_list_concat(MgList *a, MgList *b);        /* raises -> NULL: MemoryError */
MgList *mg_list_repeat(MgList *l, int64_t n);        /* raises -> NULL: MemoryError */
void mg_list_irepeat(MgList *l, int64_t n);          /* raises -> mg_exc: MemoryError; xs *= n, in place */
/* Pointer to slot i after Python index normalisation (borrowed).
 * IndexError: list index out of range */
void *mg_list_at(MgList *l, int64_t i); /* raises -> NULL: IndexError */

/* ---- dict[K, V]: insertion-ordered, like CPython ------------------------
 * TypeError: the key type is unhashable (mg_val_hash). MemoryError: more
 * than 2**30 index slots. */
typedef struct MgDict MgDict;
MgDict *mg_dict_new(const MgType *key, const MgType *val); /* never raises */
void mg_dict_free(MgDict *d);                              /* never raises */
int64_t mg_dict_len(MgDict *d);                            /* never raises */
/* d[k] = v: takes both (if k is present its old key stays and the new key
 * is decref'd, the old value is decref'd; on error both are released). */
void mg_dict_set(MgDict *d, const void *k, const void *v); /* raises -> mg_exc: TypeError, MemoryError */
/* Pointer to the value slot of k, or NULL (borrowed). */
void *mg_dict_find(MgDict *d, const void *k); /* raises -> NULL, mg_exc: TypeError */
/* Pointer to the value slot of k (borrowed). KeyError: <repr(k)> */
void *mg_dict_at(MgDict *d, const void *k); /* raises -> NULL: KeyError, TypeError */
/* del d[k]. KeyError: <repr(k)> */
void mg_dict_delitem(MgDict *d, const void *k); /* raises -> mg_exc: KeyError, TypeError */
/* d.pop(k): moves the value into *out; false if k is absent (the caller
 * then raises KeyError or uses its default). */
bool mg_dict_pop(MgDict *d, const void *k, void *out); /* raises -> false, mg_exc: TypeError */
bool mg_dict_contains(MgDict *d, const void *k);       /* raises -> false, mg_exc: TypeError */
void mg_dict_clear(MgDict *d);                         /* never raises */
MgDict *mg_dict_copy(MgDict *d);                       /* never raises */
void mg_dict_update(MgDict *d, MgDict *other);         /* raises -> mg_exc: MemoryError */
/* Iteration in insertion order: *pos starts at 0; returns false at the
 * end; sets borrowed pointers to the key and value slots. */
bool mg_dict_next(MgDict *d, int64_t *pos, void **key, void **val); /* never raises */
/* New lists of the keys / values (increfs). items: a list of tuple slots
 * {key, value} laid out by `item_type` (a 2-field tuple descriptor). */
MgList *mg_dict_keys(MgDict *d);                              /* never raises */
MgList *mg_dict_values(MgDict *d);                            /* never raises */
MgList *mg_dict_items(MgDict *d, const MgType *item_type);    /* never raises */
const MgType *mg_dict_key_type(MgDict *d);                    /* never raises */
const MgType *mg_dict_val_type(MgDict *d);                    /* never raises */

/* ---- set[T]: CPython's setobject algorithm, so iteration order of int
 * and tuple sets matches CPython's ----------------------------------------
 * TypeError: the element type is unhashable (mg_val_hash). MemoryError:
 * more than 2**40 table entries. */
typedef struct MgSet MgSet;
MgSet *mg_set_new(const MgType *elem); /* never raises */
void mg_set_free(MgSet *s);            /* never raises */
int64_t mg_set_len(MgSet *s);          /* never raises */
/* takes v (decref'd if present; on error released, unless the error is
 * the table's growth after v went in: then the set holds it) */
void mg_set_add(MgSet *s, const void *v);     /* raises -> mg_exc: TypeError, MemoryError */
bool mg_set_contains(MgSet *s, const void *v); /* raises -> false, mg_exc: TypeError */
/* true if it was present */
bool mg_set_discard(MgSet *s, const void *v); /* raises -> false, mg_exc: TypeError */
/* KeyError: <repr(v)> */
void mg_set_remove(MgSet *s, const void *v); /* raises -> mg_exc: KeyError, TypeError */
/* KeyError: 'pop from an empty set' */
void mg_set_pop(MgSet *s, void *out); /* raises -> mg_exc: KeyError */
void mg_set_clear(MgSet *s);          /* never raises */
MgSet *mg_set_copy(MgSet *s);         /* raises -> NULL: MemoryError */
/* CPython's frozenset constant from the set of its elements; immortal; a
 * is released (on error too) */
MgSet *mg_set_freeze(MgSet *a);                            /* raises -> NULL: MemoryError */
MgSet *mg_set_union(MgSet *a, MgSet *b);                   /* raises -> NULL: MemoryError */
MgSet *mg_set_intersection(MgSet *a, MgSet *b);            /* raises -> NULL: MemoryError */
MgSet *mg_set_difference(MgSet *a, MgSet *b);              /* raises -> NULL: MemoryError */
MgSet *mg_set_symmetric_difference(MgSet *a, MgSet *b);    /* raises -> NULL: MemoryError */
bool mg_set_issubset(MgSet *a, MgSet *b);                  /* never raises */
void mg_set_update(MgSet *a, MgSet *b);                    /* raises -> mg_exc: MemoryError */
bool mg_set_next(MgSet *s, int64_t *pos, void **slot);     /* never raises */
/* For set methods with a non-set argument (its items as a list, borrowed)
 * and with several arguments: CPython's set_update_internal,
 * set_intersection and set_difference_update_internal paths. */
void mg_set_difference_update(MgSet *s, MgSet *o);           /* raises -> mg_exc: MemoryError; s -= o */
void mg_set_intersection_update(MgSet *s, MgSet *o);         /* raises -> mg_exc: MemoryError; s &= o */
void mg_set_symmetric_difference_update(MgSet *s, MgSet *o); /* raises -> mg_exc: MemoryError; s ^= o */
void mg_set_update_list(MgSet *s, MgList *l);                /* raises -> mg_exc: TypeError, MemoryError */
MgSet *mg_set_intersection_list(MgSet *s, MgList *l);        /* raises -> NULL: TypeError, MemoryError */
void mg_set_difference_update_list(MgSet *s, MgList *l);     /* raises -> mg_exc: TypeError, MemoryError */
const MgType *mg_set_elem_type(MgSet *s);                    /* never raises */

/* ---- more str ----------------------------------------------------------- */
/* s[start:stop:step] by code points (has_* false = omitted).
 * ValueError: slice step cannot be zero */
MgStr *mg_str_slice(MgStr *s, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop,
                    bool has_step); /* raises -> NULL: ValueError */
bool mg_str_contains(MgStr *s, MgStr *sub); /* never raises; sub in s */
/* Iteration by code point: *pos is a byte offset starting at 0; returns
 * NULL at the end, else a new 1-character string. */
MgStr *mg_str_next_char(MgStr *s, int64_t *pos); /* never raises */
int64_t mg_str_hash(MgStr *s);                   /* never raises; never -1 */
/* TypeError: ord() expected a character, but string of length N found */
int64_t mg_ord(MgStr *s); /* raises -> -1: TypeError */
/* ValueError: chr() arg not in range(0x110000) */
MgStr *mg_chr(int64_t c); /* raises -> NULL: ValueError */
/* Methods: names as in Python; `none` arguments are passed as NULL (for
 * split/strip with no argument) or as has_* flags. Errors as CPython's
 * (ValueError: empty separator). MemoryError: the result list would be too
 * long (see list[T]). */
MgList *mg_str_split(MgStr *s, MgStr *sep /* NULL = whitespace */, int64_t maxsplit /* -1 = all */); /* raises -> NULL: ValueError, MemoryError */
MgList *mg_str_rsplit(MgStr *s, MgStr *sep, int64_t maxsplit); /* raises -> NULL: ValueError, MemoryError */
MgList *mg_str_splitlines(MgStr *s, bool keepends);             /* raises -> NULL: MemoryError */
/* parts is a list[str]: static types rule out CPython's TypeError
 * (sequence item 0: expected str instance, int found) */
MgStr *mg_str_join(MgStr *sep, MgList *parts);          /* raises -> NULL: MemoryError */
MgStr *mg_str_strip(MgStr *s, MgStr *chars /* NULL = whitespace */); /* never raises */
MgStr *mg_str_lstrip(MgStr *s, MgStr *chars);           /* never raises */
MgStr *mg_str_rstrip(MgStr *s, MgStr *chars);           /* never raises */
MgStr *mg_str_lower(MgStr *s);                          /* never raises */
MgStr *mg_str_upper(MgStr *s);                          /* never raises */
MgStr *mg_str_title(MgStr *s);                          /* never raises */
MgStr *mg_str_capitalize(MgStr *s);                     /* never raises */
MgStr *mg_str_swapcase(MgStr *s);                       /* never raises */
MgStr *mg_str_casefold(MgStr *s);                       /* never raises */
MgStr *mg_str_replace(MgStr *s, MgStr *old, MgStr *new_, int64_t count /* -1 = all */); /* never raises */
bool mg_str_startswith(MgStr *s, MgStr *prefix);        /* never raises */
bool mg_str_endswith(MgStr *s, MgStr *suffix);          /* never raises */
int64_t mg_str_find(MgStr *s, MgStr *sub);              /* never raises; code-point index or -1 */
int64_t mg_str_rfind(MgStr *s, MgStr *sub);             /* never raises */
/* ValueError: substring not found */
int64_t mg_str_index_of(MgStr *s, MgStr *sub); /* raises -> -1: ValueError */
int64_t mg_str_count(MgStr *s, MgStr *sub);    /* never raises */
/* The same with start[, end] positions (CPython's slice rules; results are
 * indices of s). which: 2 find, 3 rfind, 4 index (ValueError: substring
 * not found), 5 count; 0 startswith, 1 endswith. */
int64_t mg_str_find_range(MgStr *s, MgStr *sub, int64_t start, int64_t end, bool has_end, int64_t which); /* raises -> -1, mg_exc: ValueError */
bool mg_str_match_range(MgStr *s, MgStr *sub, int64_t start, int64_t end, bool has_end, int64_t which);   /* never raises */
bool mg_str_isdigit(MgStr *s);     /* never raises */
bool mg_str_isalpha(MgStr *s);     /* never raises */
bool mg_str_isalnum(MgStr *s);     /* never raises */
bool mg_str_isspace(MgStr *s);     /* never raises */
bool mg_str_isupper(MgStr *s);     /* never raises */
bool mg_str_islower(MgStr *s);     /* never raises */
bool mg_str_isdecimal(MgStr *s);   /* never raises */
bool mg_str_isnumeric(MgStr *s);   /* never raises */
bool mg_str_isprintable(MgStr *s); /* never raises */
bool mg_str_istitle(MgStr *s);     /* never raises */
/* TypeError: The fill character must be exactly one character long;
 * MemoryError: the padded string would be too long */
MgStr *mg_str_center(MgStr *s, int64_t width, MgStr *fill /* NULL = ' ' */); /* raises -> NULL: TypeError, MemoryError */
MgStr *mg_str_ljust(MgStr *s, int64_t width, MgStr *fill); /* raises -> NULL: TypeError, MemoryError */
MgStr *mg_str_rjust(MgStr *s, int64_t width, MgStr *fill); /* raises -> NULL: TypeError, MemoryError */
MgStr *mg_str_zfill(MgStr *s, int64_t width);              /* raises -> NULL: MemoryError */
/* s.partition(sep) -> out[0..3] new strings. ValueError: empty separator */
void mg_str_partition(MgStr *s, MgStr *sep, MgStr **out);  /* raises -> mg_exc: ValueError */
void mg_str_rpartition(MgStr *s, MgStr *sep, MgStr **out); /* raises -> mg_exc: ValueError */

/* ---- formatting (f-strings, str.format, format()) ------------------------
 * `spec` is the format spec after ':' (may be empty). Full mini-language:
 * fill, align (<>^=), sign (+ - space), z, #, 0, width, grouping (, _),
 * .precision, type (d b o x X c n for ints; e E f F g G n % for floats and
 * ints; s for str). Errors: ValueError: Unknown format code 'd' for object
 * of type 'float', etc. exactly as CPython 3.11. */
MgStr *mg_format_int(int64_t v, MgStr *spec);   /* raises -> NULL: ValueError, OverflowError */
MgStr *mg_format_float(double v, MgStr *spec);  /* raises -> NULL: ValueError */
MgStr *mg_format_str(MgStr *v, MgStr *spec);    /* raises -> NULL: ValueError */
/* bool formats as int unless spec is empty/'s' */
MgStr *mg_format_bool(bool v, MgStr *spec); /* raises -> NULL: ValueError, OverflowError */
/* fmt.format(*args) for a format string known only at run time: args are
 * n slots (slots[i] points at a slot of type types[i]); errors as CPython's
 * (IndexError: Replacement index 2 out of range for positional args tuple,
 * ValueError: Single '}' encountered in format string, KeyError: 'name',
 * TypeError: unsupported format string passed to list.__format__, ...). */
MgStr *mg_str_format(MgStr *fmt, int64_t n, const MgType *const *types, void *const *slots); /* raises -> NULL: ValueError, IndexError, KeyError, TypeError, OverflowError */
/* round(x, n) exactly as CPython (correctly rounded, half-even on the
 * decimal value); round(x) -> int with ties to even.
 * OverflowError: rounded value too large to represent */
double mg_float_round(double x, int64_t ndigits); /* raises -> -1.0, mg_exc: OverflowError */
/* OverflowError/ValueError like int() */
int64_t mg_float_round_int(double x); /* raises -> -1, mg_exc: ValueError, OverflowError */
/* round(int, negative n); OverflowError as mg_overflow */
int64_t mg_int_round(int64_t x, int64_t ndigits); /* raises -> -1, mg_exc: OverflowError */
/* One piece of an f-string: bytes, their length and code-point count
 * (generated code formats ints into stack buffers and points here). */
typedef struct MgPart {
    const char *p;
    int64_t len;
    int64_t nchars;
} MgPart;
/* Concatenate n strings (f-string pieces) into a new string. */
MgStr *mg_str_concat_parts(const MgPart *parts, int64_t n); /* raises -> NULL: MemoryError */
/* Decimal text of v into buf (at least 21 bytes); returns the length. */
int mg_fmt_int(char *buf, int64_t v); /* never raises */

#endif
