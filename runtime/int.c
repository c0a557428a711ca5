/* int <-> str and int arithmetic with Python semantics on int64. */
#include "mg_internal.h"

static const char digit_pairs[201] = "00010203040506070809101112131415161718192021222324"
                                    "25262728293031323334353637383940414243444546474849"
                                    "50515253545556575859606162636465666768697071727374"
                                    "75767778798081828384858687888990919293949596979899";

static int count_digits(uint64_t m) {
    int n = 1;
    while (m >= 10000) {
        m /= 10000;
        n += 4;
    }
    return n + (m >= 10) + (m >= 100) + (m >= 1000);
}

int mg_fmt_int(char *buf, int64_t v) {
    /* The magnitude as unsigned (INT64_MIN included), written backwards
     * straight into buf, two digits per division; 32-bit arithmetic once
     * it fits (no __udivdi3 calls on 32-bit targets for most numbers). */
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int len = (v < 0) + count_digits(m);
    char *p = buf + len;
    *p = 0;
    while (m > 0xFFFFFFFFu) {
        unsigned r = (unsigned)(m % 100);
        m /= 100;
        *--p = digit_pairs[2 * r + 1];
        *--p = digit_pairs[2 * r];
    }
    uint32_t w = (uint32_t)m;
    while (w >= 100) {
        unsigned r = w % 100;
        w /= 100;
        *--p = digit_pairs[2 * r + 1];
        *--p = digit_pairs[2 * r];
    }
    if (w >= 10) {
        *--p = digit_pairs[2 * w + 1];
        *--p = digit_pairs[2 * w];
    } else {
        *--p = (char)('0' + w);
    }
    if (v < 0)
        *--p = '-';
    return len;
}

MgStr *mg_str_from_int(int64_t v) {
    char b[24];
    return mg_str_new_ascii(b, mg_fmt_int(b, v));
}

static bool is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

/* Raises the ValueError of int(s); returns -1 for the caller to return. */
static int64_t bad_int(MgStr *s) {
    MgBuf b;
    mg_buf_init(&b);
    static const char pre[] = "invalid literal for int() with base 10: ";
    mg_buf_put(&b, pre, sizeof pre - 1);
    MgStr *r = mg_str_repr(s);
    mg_buf_put(&b, r->data, (size_t)r->len);
    mg_str_free(r);
    mg_raise_buf("ValueError", &b);
    return -1;
}

/* Raises OverflowError (mg_overflow's); returns -1. */
static int64_t overflow(void) {
    mg_exc_overflow();
    return -1;
}

/* int(s) with base 10: whitespace, sign, digits with single '_' between. */
int64_t mg_int_from_str(MgStr *s) {
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t i = 0, n = s->len;
    while (i < n && is_space(p[i])) i++;
    while (n > i && is_space(p[n - 1])) n--;
    bool neg = false;
    if (i < n && (p[i] == '+' || p[i] == '-'))
        neg = p[i++] == '-';
    if (i >= n || p[i] < '0' || p[i] > '9')
        return bad_int(s);
    /* Accumulate negatively: -INT64_MIN does not fit. */
    int64_t acc = 0;
    bool ovf = false;
    for (; i < n; i++) {
        unsigned char c = p[i];
        if (c == '_') {
            if (i + 1 >= n || p[i + 1] < '0' || p[i + 1] > '9')
                return bad_int(s);
            continue;
        }
        if (c < '0' || c > '9')
            return bad_int(s);
        if (__builtin_mul_overflow(acc, 10, &acc) || __builtin_sub_overflow(acc, c - '0', &acc))
            ovf = true; /* keep scanning: a later bad char is a ValueError */
    }
    if (ovf)
        return overflow();
    if (!neg) {
        if (acc == INT64_MIN)
            return overflow();
        acc = -acc;
    }
    return acc;
}

int64_t mg_int_floordiv(int64_t a, int64_t b) {
    if (b == 0) {
        mg_exc_raise("ZeroDivisionError", "integer division or modulo by zero");
        return -1;
    }
    if (b == -1) {
        if (a == INT64_MIN)
            return overflow();
        return -a;
    }
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

int64_t mg_int_mod(int64_t a, int64_t b) {
    if (b == 0) {
        mg_exc_raise("ZeroDivisionError", "integer modulo by zero");
        return -1;
    }
    if (b == -1)
        return 0;
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

/* Python's int ** int. A negative exponent gives a float in CPython; mgen's
 * int ** int stays an int, so that case is refused with a ValueError naming
 * the divergence (write a float base to get CPython's float result). */
int64_t mg_int_pow(int64_t base, int64_t exp) {
    if (exp < 0) {
        mg_exc_raise("ValueError", "negative exponent in int ** int is not supported by mgen "
                                   "(CPython returns a float); use a float base");
        return -1;
    }
    int64_t result = 1;
    /* Bases 0, 1, -1 never overflow, whatever the exponent. */
    if (base == 0) return exp == 0 ? 1 : 0;
    if (base == 1) return 1;
    if (base == -1) return (exp & 1) ? -1 : 1;
    /* |base| >= 2: exponents beyond 63 always overflow. */
    if (exp > 63)
        return overflow();
    while (exp) {
        if (exp & 1)
            if (__builtin_mul_overflow(result, base, &result))
                return overflow();
        exp >>= 1;
        if (exp && __builtin_mul_overflow(base, base, &base))
            return overflow();
    }
    return result;
}

static int bitlen64(uint64_t x) { return x ? 64 - __builtin_clzll(x) : 0; }

/* a / b correctly rounded for all int64 operands (CPython's true_divide is
 * correctly rounded). Fast path when both are exactly representable. */
double mg_int_truediv(int64_t a, int64_t b) {
    if (b == 0) {
        mg_exc_raise("ZeroDivisionError", "division by zero");
        return -1.0;
    }
    const int64_t lim = (int64_t)1 << 53;
    if (a >= -lim && a <= lim && b >= -lim && b <= lim)
        return (double)a / (double)b;
    bool neg = (a < 0) != (b < 0);
    uint64_t ua = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    if (ua == 0)
        return neg ? -0.0 : 0.0;
    /* Long division producing at least 55 quotient bits: q * 2^e. */
    uint64_t q = ua / ub, r = ua % ub;
    int e = 0;
    while (bitlen64(q) < 55) {
        r <<= 1; /* r < ub <= 2^63, no overflow */
        q <<= 1;
        if (r >= ub) {
            r -= ub;
            q |= 1;
        }
        e--;
    }
    /* Round q to 53 bits, nearest-even, with the remainder as sticky bit. */
    int sh = bitlen64(q) - 53;
    uint64_t low = q & (((uint64_t)1 << sh) - 1), half = (uint64_t)1 << (sh - 1);
    uint64_t m = q >> sh;
    if (low > half || (low == half && (r != 0 || (m & 1))))
        m++;
    e += sh;
    /* m <= 2^53 and the result is far from overflow/underflow: exact scaling. */
    double d = (double)m * mg_u2f((uint64_t)(1023 + e) << 52);
    return neg ? -d : d;
}

/* len(range(start, stop, step)) for step != 0, without overflow. */
int64_t mg_range_len(int64_t start, int64_t stop, int64_t step) {
    uint64_t span, st;
    if (step > 0) {
        if (start >= stop)
            return 0;
        span = (uint64_t)stop - (uint64_t)start;
        st = (uint64_t)step;
    } else {
        if (start <= stop)
            return 0;
        span = (uint64_t)start - (uint64_t)stop;
        st = (uint64_t)0 - (uint64_t)step;
    }
    return (int64_t)((span - 1) / st + 1);
}

/* x in range(start, stop, step). ValueError: range() arg 3 must not be zero */
bool mg_range_contains(int64_t x, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) {
        mg_exc_raise("ValueError", "range() arg 3 must not be zero");
        return false;
    }
    uint64_t d, st;
    if (step > 0) {
        if (x < start || x >= stop)
            return false;
        d = (uint64_t)x - (uint64_t)start;
        st = (uint64_t)step;
    } else {
        if (x > start || x <= stop)
            return false;
        d = (uint64_t)start - (uint64_t)x;
        st = (uint64_t)0 - (uint64_t)step;
    }
    return d % st == 0;
}
