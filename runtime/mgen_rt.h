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

/* ---- output ----------------------------------------------------------- */

/* Buffered stdout; flushed at exit and before an error is reported. */
void mg_write_str(MgStr *s);
void mg_write_int(int64_t v);
void mg_write_float(double v);
void mg_write_bool(bool v);
void mg_write_cstr(const char *s, int64_t len);

/* ---- errors and tracebacks -------------------------------------------- */

/* One activation of a generated function. Generated code keeps these in a
 * linked list through `mg_frame_top`: it pushes a frame on entry, updates
 * `line` before anything that can raise, and pops it on return. */
typedef struct MgFrame {
    struct MgFrame *prev;
    const char *file; /* NUL-terminated, as the user named the source */
    const char *func; /* "<module>" for module-level code */
    int32_t line;
} MgFrame;

extern MgFrame *mg_frame_top;

/* Print "Traceback (most recent call last):", one
 *   File "F", line N, in FUNC
 * line per frame (outermost first), then "<exc>: <msg>" (or just "<exc>"
 * when msg is NULL / empty), on stderr; flush stdout first; exit(1). */
_Noreturn void mg_raise(const char *exc, const char *msg);
_Noreturn void mg_raise_str(const char *exc, MgStr *msg);
/* An int result does not fit in 64 bits. */
_Noreturn void mg_overflow(void);

/* ---- process ---------------------------------------------------------- */

/* Provided by the generated module: runs the module body. */
void mg_module_main(void);
/* Flush stdout and end the process. */
_Noreturn void mg_exit(int32_t code);

/* ---- memory ----------------------------------------------------------- */

void *mg_alloc(size_t size); /* never NULL: MemoryError on exhaustion */

#endif
