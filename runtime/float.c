/* float <-> str (exact, bignum based) and float arithmetic with CPython's
 * semantics. */
#include "bignum.h"
#include "mg_internal.h"

/* ---- repr(float) -------------------------------------------------------
 *
 * Shortest round-trip digits by the Steele & White / Burger & Dybvig
 * free-format algorithm with exact bignum arithmetic. The value v lies in
 * the rounding interval (v - m-, v + m+) of doubles that read back as v;
 * the interval ends are included when the mantissa is even (round-half-even
 * reading). r/s is the scaled value; digits are produced until the prefix
 * is within the interval; the last digit is the one closer to v (ties: even
 * digit), matching David Gay's dtoa mode 0 that CPython uses.
 *
 * Produces digits d1..dn and k with v = 0.d1...dn * 10^k. */
static int shortest_digits(uint64_t f, int e, bool lower_gap_half, char *digits, int *kout) {
    Bn r, s, mp, mm;
    bool even = (f & 1) == 0;
    if (e >= 0) {
        bn_set_u64(&r, f);
        bn_shl(&r, e + 1 + lower_gap_half);
        bn_set_u64(&s, 2u << lower_gap_half);
        bn_set_u64(&mp, 1);
        bn_shl(&mp, e + lower_gap_half);
        bn_set_u64(&mm, 1);
        bn_shl(&mm, e);
    } else {
        bn_set_u64(&r, f);
        bn_shl(&r, 1 + lower_gap_half);
        bn_set_u64(&s, 1);
        bn_shl(&s, 1 - e + lower_gap_half);
        bn_set_u64(&mp, 1u << lower_gap_half);
        bn_set_u64(&mm, 1);
    }
    /* Estimate k from below: floor(log2 v) * log10(2) <= log10 v. */
    int l2 = e + (63 - __builtin_clzll(f));
    int k = (int)(((int64_t)l2 * 1292913987) >> 32); /* floor(l2 * log10(2)) */
    if (k >= 0) {
        bn_mul_pow10(&s, k);
    } else {
        bn_mul_pow10(&r, -k);
        bn_mul_pow10(&mp, -k);
        bn_mul_pow10(&mm, -k);
    }
    /* Fix the estimate: need r + m+ < s (or <= when the end is excluded). */
    for (;;) {
        int c = bn_cmp_sum(&r, &mp, &s);
        if (c > 0 || (c == 0 && even)) {
            bn_mul_small(&s, 10);
            k++;
        } else
            break;
    }
    int n = 0;
    for (;;) {
        bn_mul_small(&r, 10);
        bn_mul_small(&mp, 10);
        bn_mul_small(&mm, 10);
        int d = 0;
        while (bn_cmp(&r, &s) >= 0) {
            bn_sub(&r, &s);
            d++;
        }
        int cl = bn_cmp(&r, &mm);
        bool low = cl < 0 || (cl == 0 && even);
        int ch = bn_cmp_sum(&r, &mp, &s);
        bool high = ch > 0 || (ch == 0 && even);
        if (!low && !high) {
            digits[n++] = (char)('0' + d);
            continue;
        }
        if (low && high) {
            Bn r2 = r;
            bn_shl(&r2, 1);
            int c = bn_cmp(&r2, &s);
            if (c > 0 || (c == 0 && (d & 1)))
                d++;
        } else if (high)
            d++;
        digits[n++] = (char)('0' + d);
        break;
    }
    *kout = k;
    return n;
}

int mg_fmt_float(char *buf, double v) {
    uint64_t u = mg_f2u(v);
    int len = 0;
    if (mg_isnan(v)) {
        __builtin_memcpy(buf, "nan", 4);
        return 3;
    }
    if (u >> 63)
        buf[len++] = '-';
    uint64_t bexp = (u >> 52) & 0x7FF, frac = u & 0xFFFFFFFFFFFFFull;
    if (bexp == 0x7FF) {
        __builtin_memcpy(buf + len, "inf", 4);
        return len + 3;
    }
    if (bexp == 0 && frac == 0) {
        __builtin_memcpy(buf + len, "0.0", 4);
        return len + 3;
    }
    uint64_t f;
    int e;
    bool half = false;
    if (bexp == 0) {
        f = frac;
        e = -1074;
    } else {
        f = frac | (1ull << 52);
        e = (int)bexp - 1075;
        half = frac == 0 && bexp > 1; /* next double below is closer */
    }
    char dg[24];
    int k;
    int n = shortest_digits(f, e, half, dg, &k);
    int x = k - 1; /* scientific exponent */
    if (x >= -4 && x < 16) {
        if (k <= 0) {
            buf[len++] = '0';
            buf[len++] = '.';
            for (int i = 0; i < -k; i++)
                buf[len++] = '0';
            for (int i = 0; i < n; i++)
                buf[len++] = dg[i];
        } else if (k < n) {
            for (int i = 0; i < n; i++) {
                if (i == k)
                    buf[len++] = '.';
                buf[len++] = dg[i];
            }
        } else {
            for (int i = 0; i < n; i++)
                buf[len++] = dg[i];
            for (int i = n; i < k; i++)
                buf[len++] = '0';
            buf[len++] = '.';
            buf[len++] = '0';
        }
    } else {
        buf[len++] = dg[0];
        if (n > 1) {
            buf[len++] = '.';
            for (int i = 1; i < n; i++)
                buf[len++] = dg[i];
        }
        buf[len++] = 'e';
        buf[len++] = x < 0 ? '-' : '+';
        int ax = x < 0 ? -x : x;
        if (ax >= 100)
            buf[len++] = (char)('0' + ax / 100);
        buf[len++] = (char)('0' + ax / 10 % 10);
        buf[len++] = (char)('0' + ax % 10);
    }
    buf[len] = 0;
    return len;
}

MgStr *mg_str_from_float(double v) {
    char b[40];
    return mg_str_new(b, mg_fmt_float(b, v));
}

/* ---- float(str) --------------------------------------------------------
 *
 * Exact: the decimal D * 10^E becomes the ratio N/M of bignums, the
 * quotient is taken with 54-55 significant bits (or fewer at the subnormal
 * boundary) and rounded half-even with the remainder as sticky bit.
 * More than MAXDIG significant digits are cut, keeping a sticky nonzero
 * digit: 767 digits are the most any halfway case needs. */
#define MAXDIG 780

static bool is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

static unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static bool match_ci(const unsigned char *p, int64_t n, const char *word) {
    int64_t i = 0;
    for (; word[i]; i++)
        if (i >= n || lower(p[i]) != (unsigned char)word[i])
            return false;
    return i == n;
}

static double decimal_to_double(const char *dig, int nd, int64_t e10) {
    /* value = 0.dig * 10^(nd) * 10^(e10 - nd) = int(dig) * 10^e10' */
    if (nd + e10 > 310)
        return __builtin_inf();
    if (nd + e10 < -330)
        return 0.0;
    int e = (int)e10;
    Bn N, M;
    bn_set_u64(&N, 0);
    for (int i = 0; i < nd; i++) {
        bn_mul_small(&N, 10);
        bn_add_small(&N, (uint32_t)(dig[i] - '0'));
    }
    bn_set_u64(&M, 1);
    if (e >= 0)
        bn_mul_pow10(&N, e);
    else
        bn_mul_pow10(&M, -e);
    /* Choose k so that N / (M 2^k) lies in [2^53, 2^55). */
    int k = bn_bitlen(&N) - bn_bitlen(&M) - 54;
    if (k < -1074)
        k = -1074;
    if (k < 0)
        bn_shl(&N, -k);
    else
        bn_shl(&M, k);
    /* Binary long division; the quotient has at most 56 bits. */
    Bn T = M;
    bn_shl(&T, 56);
    uint64_t q = 0;
    for (int i = 56; i >= 0; i--) {
        if (bn_cmp(&N, &T) >= 0) {
            bn_sub(&N, &T);
            q |= 1ull << i;
        }
        bn_shr1(&T);
    }
    bool sticky = !bn_is_zero(&N); /* N is now the remainder */
    int bits = q ? 64 - __builtin_clzll(q) : 0;
    uint64_t m;
    if (bits > 53) {
        int sh = bits - 53;
        uint64_t low = q & ((1ull << sh) - 1), half = 1ull << (sh - 1);
        m = q >> sh;
        if (low > half || (low == half && (sticky || (m & 1))))
            m++;
        k += sh;
    } else {
        /* Subnormal range (k == -1074): compare the remainder with M/2. */
        m = q;
        Bn R2 = N;
        bn_shl(&R2, 1);
        int c = bn_cmp(&R2, &M);
        if (c > 0 || (c == 0 && (m & 1)))
            m++;
    }
    if (m == (1ull << 53)) {
        m >>= 1;
        k++;
    }
    if (m < (1ull << 52)) /* subnormal (or the smallest normal after rounding) */
        return mg_u2f(m);  /* k == -1074 here; m == 2^52 reads as the min normal */
    int be = k + 52 + 1023;
    if (be >= 2047)
        return __builtin_inf();
    return mg_u2f(((uint64_t)be << 52) | (m & 0xFFFFFFFFFFFFFull));
}

/* Raises the ValueError of float(s); returns -1.0 for the caller to return. */
static double bad_float(MgStr *s) {
    MgBuf b;
    mg_buf_init(&b);
    static const char pre[] = "could not convert string to float: ";
    mg_buf_put(&b, pre, sizeof pre - 1);
    MgStr *r = mg_str_repr(s);
    mg_buf_put(&b, r->data, (size_t)r->len);
    mg_str_free(r);
    mg_raise_buf("ValueError", &b);
    return -1.0;
}

double mg_float_from_str(MgStr *s) {
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t i = 0, n = s->len;
    while (i < n && is_space(p[i])) i++;
    while (n > i && is_space(p[n - 1])) n--;
    bool neg = false;
    if (i < n && (p[i] == '+' || p[i] == '-'))
        neg = p[i++] == '-';
    double sign = neg ? -1.0 : 1.0;
    if (match_ci(p + i, n - i, "inf") || match_ci(p + i, n - i, "infinity"))
        return sign * __builtin_inf();
    if (match_ci(p + i, n - i, "nan"))
        return copysign(__builtin_nan(""), sign);

    static char dig[MAXDIG + 1];
    int nd = 0;           /* significant digits kept */
    int64_t dexp = 0;     /* decimal exponent adjustment */
    bool any = false, dropped_nonzero = false, seen_point = false;
    unsigned char prev = 0;
    for (; i < n; i++) {
        unsigned char c = p[i];
        if (c >= '0' && c <= '9') {
            any = true;
            if (nd == 0 && c == '0') {
                if (seen_point)
                    dexp--;
            } else if (nd < MAXDIG) {
                dig[nd++] = (char)c;
                if (seen_point)
                    dexp--;
            } else {
                dropped_nonzero |= c != '0';
                if (!seen_point)
                    dexp++;
            }
        } else if (c == '_') {
            if (!(prev >= '0' && prev <= '9') || i + 1 >= n || p[i + 1] < '0' || p[i + 1] > '9')
                return bad_float(s);
        } else if (c == '.' && !seen_point) {
            if (prev == '_')
                return bad_float(s);
            seen_point = true;
        } else
            break;
        prev = c;
    }
    if (!any)
        return bad_float(s);
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (p[i] == '+' || p[i] == '-'))
            eneg = p[i++] == '-';
        if (i >= n || p[i] < '0' || p[i] > '9')
            return bad_float(s);
        int64_t ev = 0;
        for (; i < n; i++) {
            unsigned char c = p[i];
            if (c == '_') {
                if (i + 1 >= n || p[i + 1] < '0' || p[i + 1] > '9')
                    return bad_float(s);
                continue;
            }
            if (c < '0' || c > '9')
                return bad_float(s);
            if (ev < 100000000)
                ev = ev * 10 + (c - '0');
        }
        dexp += eneg ? -ev : ev;
    }
    if (i != n)
        return bad_float(s);
    if (nd == 0)
        return sign * 0.0;
    if (dropped_nonzero) {
        /* Sticky digit: the value is strictly above the kept prefix. */
        dig[nd++] = '1';
        dexp--;
    }
    return sign * decimal_to_double(dig, nd, dexp);
}

/* ---- arithmetic --------------------------------------------------------*/

double mg_float_div(double a, double b) {
    if (b == 0.0) {
        mg_exc_raise("ZeroDivisionError", "float division by zero");
        return -1.0;
    }
    return a / b;
}

/* CPython's float_divmod (Objects/floatobject.c), step by step. */
double mg_float_floordiv(double vx, double wx) {
    if (wx == 0.0) {
        mg_exc_raise("ZeroDivisionError", "float floor division by zero");
        return -1.0;
    }
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    return floordiv;
}

/* CPython's float_rem. */
double mg_float_mod(double vx, double wx) {
    if (wx == 0.0) {
        mg_exc_raise("ZeroDivisionError", "float modulo");
        return -1.0;
    }
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0))
            mod += wx;
    } else {
        mod = copysign(0.0, wx);
    }
    return mod;
}

static bool is_odd_integer(double w) {
    /* |w| >= 2^53 is always even */
    return fabs(w) < 9007199254740992.0 && floor(w) == w && fmod(w, 2.0) != 0.0;
}

/* CPython's float_pow special cases around libm pow. */
double mg_float_pow(double iv, double iw) {
    if (iw == 0.0)
        return 1.0;
    if (mg_isnan(iv))
        return iv;
    if (mg_isnan(iw))
        return iv == 1.0 ? 1.0 : iw;
    if (mg_isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return 1.0;
        if ((iw > 0.0) == (iv > 1.0))
            return fabs(iw);
        return 0.0;
    }
    if (mg_isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            return odd ? iv : fabs(iv);
        return odd ? copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0) {
            mg_exc_raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
            return -1.0;
        }
        return odd ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {
        /* CPython returns a complex number here; mgen has none. */
        if (iw != floor(iw)) {
            mg_exc_raise("ValueError", "negative number cannot be raised to a fractional power");
            return -1.0;
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return negate ? -1.0 : 1.0;
    double ix = pow(iv, iw);
    if (mg_isinf(ix)) {
        mg_exc_raise("OverflowError", "(34, 'Numerical result out of range')");
        return -1.0;
    }
    return negate ? -ix : ix;
}

/* Exact int/float comparison: -1, 0, 1; 2 if b is NaN. */
int32_t mg_cmp_int_float(int64_t a, double b) {
    if (mg_isnan(b))
        return 2;
    if (b >= 9223372036854775808.0)
        return -1;
    if (b < -9223372036854775808.0)
        return 1;
    /* |b| < 2^63 (or b == -2^63): its integer part converts exactly. */
    int64_t t = (int64_t)b;
    if (a != t)
        return a < t ? -1 : 1;
    double frac = b - (double)t; /* exact */
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

int64_t mg_int_from_float(double v) {
    if (mg_isnan(v)) {
        mg_exc_raise("ValueError", "cannot convert float NaN to integer");
        return -1;
    }
    if (mg_isinf(v)) {
        mg_exc_raise("OverflowError", "cannot convert float infinity to integer");
        return -1;
    }
    if (v >= 9223372036854775808.0 || v < -9223372036854775808.0) {
        mg_exc_overflow();
        return -1;
    }
    return (int64_t)v;
}
