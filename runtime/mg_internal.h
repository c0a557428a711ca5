/* mgen runtime: declarations shared by the runtime's own C files.
 *
 * Not part of the ABI with generated code (that is mgen_rt.h). The OS layer
 * (runtime/os/<layer>/) implements the mg_os_* hooks; everything else in
 * runtime/ is portable and must not test the architecture.
 */
#ifndef MG_INTERNAL_H
#define MG_INTERNAL_H

#include "mgen_rt.h"

/* Fused multiply-add would break the exact error-free transformations used
 * by the float code (double-double arithmetic, float_divmod). */
#pragma STDC FP_CONTRACT OFF

/* ---- OS hooks (runtime/os/<layer>/) ----------------------------------- */

/* Write all n bytes to fd (1 = stdout, 2 = stderr); errors are ignored. */
void mg_os_write(int fd, const void *buf, size_t n);
/* End the process immediately with `code` (no flushing). */
_Noreturn void mg_os_exit(int code);
/* `bytes` (a multiple of MG_OS_PAGE) of fresh zeroed memory, or NULL. */
void *mg_os_pages(size_t bytes);
#define MG_OS_PAGE 65536u
/* Give back `bytes` at p, exactly as returned by one mg_os_pages call
 * (the allocator never frees part of a mapping). */
void mg_os_free_pages(void *p, size_t bytes);

/* ---- allocator (alloc.c) ---------------------------------------------- */
/* Bytes currently held from the OS, and the most ever held (tests). */
void mg_alloc_stats(int64_t *now, int64_t *peak);

/* ---- process start (start.c) ------------------------------------------ */

/* Called by the OS entry point: records argv, runs mg_module_main(),
 * flushes stdout and exits with 0. */
_Noreturn void mg_rt_main(int argc, char **argv);
extern int mg_argc;
extern char **mg_argv;

/* ---- io.c ------------------------------------------------------------- */
void mg_stdout_flush(void);

struct MgBuf;

/* ---- errors (error.c) -------------------------------------------------
 * The runtime raises only through the mode-aware functions (mg_exc_raise,
 * mg_exc_raise_str, mg_exc_overflow, mg_raise_buf, mg_raise_repr): in
 * MG_RAISE_EXIT mode they print and exit, in MG_RAISE_PROPAGATE mode they
 * set mg_exc and return, and the caller returns its error value. Only a
 * failed allocation (mg_alloc, mg_realloc) calls the fatal mg_raise. */
/* Raise exc with the text of b as its message; b is consumed. */
void mg_raise_buf(const char *exc, struct MgBuf *b);
/* Raise exc with message repr(slot) (KeyError: 'k'), or repr + suffix. */
void mg_raise_repr(const char *exc, const MgType *t, const void *a, const char *suffix);
/* MemoryError from a size check before allocating (it propagates; an
 * allocation the OS refuses is fatal instead). */
static inline void mg_exc_nomem(void) { mg_exc_raise("MemoryError", NULL); }

/* ---- strings (str.c) -------------------------------------------------- */
/* The longest string in bytes. A length computed from program values
 * (concatenation, repetition, padding, join) is checked with
 * mg_str_len_ok before mg_str_alloc, which would end the process. */
#define MG_STR_MAX ((uint64_t)(SIZE_MAX / 2))
/* len fits a string; else raises MemoryError and returns false. */
static inline bool mg_str_len_ok(int64_t len) {
    if (len >= 0 && (uint64_t)len <= MG_STR_MAX)
        return true;
    mg_exc_nomem();
    return false;
}
/* A new string of `len` bytes, uninitialised data, NUL-terminated; the
 * caller fills data and then calls mg_str_finish to count code points.
 * Never raises: 0 <= len <= MG_STR_MAX is the caller's to ensure (outside
 * it the process ends with MemoryError, like a refused allocation). */
MgStr *mg_str_alloc(int64_t len);
MgStr *mg_str_finish(MgStr *s);
size_t mg_cstrlen(const char *s);

/* Small growable byte buffer on the runtime heap. */
typedef struct MgBuf {
    char *p;
    size_t len, cap;
    char inline_[128];
} MgBuf;
void mg_buf_init(MgBuf *b);
void mg_buf_put(MgBuf *b, const char *s, size_t n);
void mg_buf_putc(MgBuf *b, char c);
MgStr *mg_buf_to_str(MgBuf *b);

/* ---- values and containers (value.c, list.c, dict.c, set.c) ---------- */
/* Do slots of type t hold references (str/list/dict/set, or tuples with
 * such a field)? Containers skip incref/decref loops when not. */
bool mg_type_has_refs(const MgType *t);
/* Append repr(x) of the slot at a to b. */
void mg_val_repr_buf(MgBuf *b, const MgType *t, const void *a);
/* Release b's heap storage (after mg_buf_to_str). */
void mg_buf_release(MgBuf *b);
/* Python slice semantics (PySlice_AdjustIndices): normalises *start,
 * *stop, *step for a sequence of length len and returns the item count.
 * ValueError: slice step cannot be zero (raises -> -1) */
int64_t mg_slice_indices(int64_t len, int64_t *start, int64_t *stop, int64_t *step, bool has_start,
                         bool has_stop, bool has_step);
/* A new string of `len` ASCII bytes (nchars = len, not counted). */
MgStr *mg_str_new_ascii(const char *bytes, int64_t len);

/* memcpy for the short runs strings are made of (most str parts are a few
 * bytes): up to 16 bytes as two overlapping fixed-size copies, inline;
 * longer ones call memcpy. */
static inline void mg_copy(void *dst, const void *src, size_t n) {
    char *d = dst;
    const char *s = src;
    if (n >= 8 && n <= 16) {
        __builtin_memcpy(d, s, 8);
        __builtin_memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        __builtin_memcpy(d, s, 4);
        __builtin_memcpy(d + n - 4, s + n - 4, 4);
    } else if (n < 4) {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    } else {
        __builtin_memcpy(d, s, n);
    }
}

static inline void mg_slot_copy(const MgType *t, void *dst, const void *src) {
    /* Constant sizes expand inline; most slots are one int, float or pointer. */
    switch (t->size) {
    case 8:
        __builtin_memcpy(dst, src, 8);
        break;
    case 4:
        __builtin_memcpy(dst, src, 4);
        break;
    case 1:
        __builtin_memcpy(dst, src, 1);
        break;
    default:
        __builtin_memcpy(dst, src, (size_t)t->size);
    }
}

/* ---- numbers ---------------------------------------------------------- */
/* repr(float) of v into buf (at least 32 bytes); returns the length. */
int mg_fmt_float(char *buf, double v);

static inline uint64_t mg_f2u(double d) { uint64_t u; __builtin_memcpy(&u, &d, 8); return u; }
static inline double mg_u2f(uint64_t u) { double d; __builtin_memcpy(&d, &u, 8); return d; }
static inline bool mg_isnan(double d) { return d != d; }
static inline bool mg_isinf(double d) { return (mg_f2u(d) << 1) == 0xFFE0000000000000ull; }

/* libm-style helpers provided by runtime/builtins/ */
double floor(double);
double fmod(double, double);
double copysign(double, double);
double fabs(double);
double pow(double, double);

/* ---- str helpers (str.c; Issue 3 "more str" / formatting) ------------- */
/* UTF-8: byte length of the sequence with lead byte c; decode the code
 * point at p (valid UTF-8 assumed); encode c into out (4 bytes), returning
 * its length. */
static inline int mg_utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }
static inline uint32_t mg_utf8_decode(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    switch (mg_utf8_len(p[0])) {
    case 1: return p[0];
    case 2: return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default: return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
}
int mg_utf8_encode(uint32_t c, char *out);
/* Byte offset of code point i (0 <= i <= nchars) in s. */
int64_t mg_str_byte_offset(MgStr *s, int64_t i);
/* A new reference to s (strings returned unchanged by a method). */
static inline MgStr *mg_str_ref(MgStr *s) {
    if (s->rc >= 0)
        s->rc++;
    return s;
}
/* Python's str.isspace() for one code point (exact: the full Unicode list). */
bool mg_uni_isspace(uint32_t c);

/* ---- Unicode database (unicode_db.c, generated from CPython by
 * runtime/tools/gen_unicode.py; exact for every code point) ------------- */
enum {
    MG_U_ALPHA = 1,            /* chr(c).isalpha() */
    MG_U_DECIMAL = 2,          /* chr(c).isdecimal() */
    MG_U_DIGIT = 4,            /* chr(c).isdigit() */
    MG_U_NUMERIC = 8,          /* chr(c).isnumeric() */
    MG_U_UPPER = 16,           /* chr(c).isupper() (Uppercase) */
    MG_U_LOWER = 32,           /* chr(c).islower() (Lowercase) */
    MG_U_TITLE = 64,           /* general category Lt */
    MG_U_CASED = 128,          /* Cased = Uppercase | Lowercase | Lt */
    MG_U_CASE_IGNORABLE = 256, /* Case_Ignorable (final sigma rule) */
    MG_U_PRINTABLE = 512,      /* chr(c).isprintable() */
    MG_U_SPACE = 1024,         /* chr(c).isspace() */
};
/* The MG_U_* flags of code point c (c <= 0x10FFFF). */
unsigned mg_uni_flags(uint32_t c);
/* chr(c).isprintable() (the same as MG_U_PRINTABLE; a smaller table). */
bool mg_uni_isprintable(uint32_t c);
/* Full case mappings of one code point, CPython's _PyUnicode_To*Full:
 * write 1 to 3 code points to out and return how many. Lower has no
 * final-sigma context (U+03A3 -> U+03C3). */
int mg_uni_lower(uint32_t c, uint32_t *out);
int mg_uni_upper(uint32_t c, uint32_t *out);
int mg_uni_title(uint32_t c, uint32_t *out);
int mg_uni_fold(uint32_t c, uint32_t *out);

/* ---- formatting (format.c) -------------------------------------------- */
/* Errors reported instead of raised, so that tests can check thousands of
 * failing specs in one process: the mg_format_* ABI functions raise what
 * these report. */
typedef struct MgErr {
    const char *exc; /* e.g. "ValueError"; NULL = no error */
    MgStr *msg;
} MgErr;
MgStr *mg_format_int_e(int64_t v, MgStr *spec, MgErr *err);
MgStr *mg_format_float_e(double v, MgStr *spec, MgErr *err);
MgStr *mg_format_str_e(MgStr *v, MgStr *spec, MgErr *err);
MgStr *mg_format_bool_e(bool v, MgStr *spec, MgErr *err);
/* Correctly rounded decimal digits of the finite double |v| (round half
 * even on the exact binary value), like David Gay's dtoa: mode 2 = `nd`
 * significant digits (nd >= 1), mode 3 = digits up to 10^-nd (nd may be
 * negative). Writes the digits without trailing zeros to out (at least
 * 800 bytes) and returns their count; *decpt: value = 0.DIGITS * 10^decpt.
 * Zero gives "0", decpt 1; a value that rounds to zero in mode 3 gives "",
 * decpt -nd. */
int mg_dtoa(double v, int mode, int64_t nd, char *out, int *decpt);

/* CPython's list.sort (timsort.c): sorts perm[0, n), indices into the
 * caller's keys, comparing with lt(ctx, a, b) = keys[a] < keys[b] only. */
/* Usable bytes of a block from mg_alloc (0 when unknown: hosted malloc). */
size_t mg_alloc_capacity(void *p);
void mg_timsort(int64_t *perm, int64_t n, bool (*lt)(void *ctx, int64_t a, int64_t b), void *ctx);

#endif
