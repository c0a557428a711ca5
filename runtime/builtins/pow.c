/* pow(x, y), computed as exp(y * log(x)) in double-double arithmetic
 * (about 100 correct bits before the final rounding), so the result is the
 * correctly rounded value except in astronomically rare hard cases. glibc
 * and musl (ARM optimized-routines pow, < 0.52 ulp) are correctly rounded in
 * practice as well, so the two agree bit for bit in practice; the tests
 * compare against CPython (glibc) on several hundred cases.
 *
 * Written from the textbook algorithms (Dekker/Knuth error-free
 * transformations, atanh series for log, Taylor series with argument
 * halving for exp); no FMA is used, so the result is identical on every
 * target. */
#include <stdint.h>
#pragma STDC FP_CONTRACT OFF

typedef struct {
    double hi, lo;
} DD;

static inline uint64_t bits(double d) { uint64_t u; __builtin_memcpy(&u, &d, 8); return u; }
static inline double from(uint64_t u) { double d; __builtin_memcpy(&d, &u, 8); return d; }
static inline double pow2(int k) { return from((uint64_t)(k + 1023) << 52); } /* -1022 <= k <= 1023 */

static inline DD two_sum(double a, double b) {
    double s = a + b, bb = s - a;
    return (DD){s, (a - (s - bb)) + (b - bb)};
}
static inline DD quick_two_sum(double a, double b) {
    double s = a + b;
    return (DD){s, b - (s - a)};
}
static inline void split(double a, double *h, double *l) {
    double t = 134217729.0 * a; /* 2^27 + 1 */
    *h = t - (t - a);
    *l = a - *h;
}
static inline DD two_prod(double a, double b) {
    double p = a * b, ah, al, bh, bl;
    split(a, &ah, &al);
    split(b, &bh, &bl);
    return (DD){p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}
static DD dd_add(DD a, DD b) {
    DD s = two_sum(a.hi, b.hi), t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = quick_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return quick_two_sum(s.hi, s.lo);
}
static DD dd_mul(DD a, DD b) {
    DD p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return quick_two_sum(p.hi, p.lo);
}
static DD dd_mul_d(DD a, double b) {
    DD p = two_prod(a.hi, b);
    p.lo += a.lo * b;
    return quick_two_sum(p.hi, p.lo);
}
static DD dd_div(DD a, DD b) {
    double q1 = a.hi / b.hi;
    DD r = dd_add(a, dd_mul_d(b, -q1));
    double q2 = r.hi / b.hi;
    r = dd_add(r, dd_mul_d(b, -q2));
    double q3 = r.hi / b.hi;
    DD q = quick_two_sum(q1, q2);
    return dd_add(q, (DD){q3, 0.0});
}

static const DD LN2 = {6.931471805599452862e-01, 2.319046813846299558e-17};

/* log(x) for finite x > 0: x = 2^E * m, m in [sqrt(1/2), sqrt(2)),
 * log m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m-1)/(m+1),
 * |s| <= 0.172; 22 terms reach 2^-112. */
static DD dd_log(double x) {
    uint64_t u = bits(x);
    int E = 0;
    if ((u >> 52) == 0) { /* subnormal */
        x *= 18014398509481984.0; /* 2^54 */
        u = bits(x);
        E = -54;
    }
    E += (int)(u >> 52) - 1023;
    double m = from((u & 0xFFFFFFFFFFFFFull) | (1023ull << 52));
    if (m > 1.4142135623730951) {
        m *= 0.5;
        E++;
    }
    DD s = dd_div((DD){m - 1.0, 0.0}, two_sum(m, 1.0));
    DD s2 = dd_mul(s, s);
    DD p = {0.0, 0.0};
    for (int k = 22; k >= 0; k--) {
        DD c = dd_div((DD){1.0, 0.0}, (DD){2.0 * k + 1.0, 0.0});
        p = dd_add(c, dd_mul(s2, p));
    }
    DD lm = dd_mul_d(dd_mul(s, p), 2.0);
    return dd_add(dd_mul_d(LN2, (double)E), lm);
}

/* exp(t) for |t.hi| <= 746, rounded once to double (subnormals too). */
static double dd_exp_round(DD t) {
    double kf = t.hi * 1.4426950408889634;
    int k = (int)(kf < 0 ? kf - 0.5 : kf + 0.5);
    DD r = dd_add(t, dd_mul_d(LN2, -(double)k)); /* |r| <~ 0.35 */
    r.hi *= 1.0 / 256;
    r.lo *= 1.0 / 256;
    /* e = exp(r) - 1 by Taylor (Horner), |r| < 0.0014, 12 terms. */
    DD p = {1.0, 0.0};
    for (int j = 12; j >= 2; j--) {
        DD q = dd_mul(r, p);
        q = dd_div(q, (DD){(double)j, 0.0});
        p = dd_add((DD){1.0, 0.0}, q);
    }
    DD e = dd_mul(r, p);
    /* Undo the halving: exp(2r) - 1 = 2e + e^2, kept in this form so the
     * small part keeps its relative precision. */
    for (int i = 0; i < 8; i++)
        e = dd_add(dd_mul_d(e, 2.0), dd_mul(e, e));
    DD v = dd_add((DD){1.0, 0.0}, e); /* v.hi = v rounded to nearest */
    int eh = (int)((bits(v.hi) >> 52) & 0x7FF) - 1023;
    if (eh + k >= -1022) {
        /* Normal result (or overflow): scaling by 2^k is exact. */
        if (k > 1000)
            return v.hi * pow2(k - 1000) * pow2(1000);
        return v.hi * pow2(k);
    }
    /* Subnormal: round (hi + lo) * 2^(k+1074) to an integer, half-even,
     * and use it as the subnormal mantissa (a single rounding). */
    int sh = k + 1074;
    if (sh < -60)
        return 0.0;
    double sc = sh >= -1022 ? pow2(sh) : 0.0;
    double vh = v.hi * sc, vl = v.lo * sc;
    double n = (vh + 4503599627370496.0) - 4503599627370496.0; /* rint, vh < 2^52 */
    double d = (vh - n) + vl;
    if (d > 0.5 || (d == 0.5 && ((uint64_t)n & 1)))
        n += 1.0;
    else if (d < -0.5 || (d == -0.5 && ((uint64_t)n & 1)))
        n -= 1.0;
    return from((uint64_t)n);
}

static int is_int(double y) {
    uint64_t u = bits(y);
    int e = (int)((u >> 52) & 0x7FF) - 1023;
    if (e >= 52)
        return 1;
    if (e < 0)
        return y == 0.0;
    return (u & ((1ull << (52 - e)) - 1)) == 0;
}

static int is_odd_int(double y) {
    uint64_t u = bits(y);
    int e = (int)((u >> 52) & 0x7FF) - 1023;
    if (e > 52 || e < 0)
        return 0;
    if (!is_int(y))
        return 0;
    uint64_t m = (u & 0xFFFFFFFFFFFFFull) | (1ull << 52);
    return (int)((m >> (52 - e)) & 1);
}

/* x ** y for x > 0 and an integer y in [2, 64] whose exact result has at
 * most 128 significant bits: x = m * 2^e with m odd, so x^y = m^y * 2^(ey)
 * with m^y computed exactly in two 64-bit words and rounded once, half to
 * even. These are the results that can be exactly halfway between two
 * doubles (883364.0 ** 3.0), where an approximation of any precision may
 * round the wrong way. 0 when not applicable (out of range, too wide). */
static int exact_int_pow(double x, double y, double *out) {
    uint64_t u = bits(x);
    int ex = (int)((u >> 52) & 0x7FF);
    uint64_t m = u & 0xFFFFFFFFFFFFFull;
    if (ex == 0)
        return 0; /* subnormal x: leave it to the general path */
    m |= 1ull << 52;
    int e = ex - 1075;
    int tz = __builtin_ctzll(m);
    m >>= tz;
    e += tz;
    int mbits = 64 - __builtin_clzll(m);
    int k = (int)y;
    if (mbits * k > 128)
        return 0;
    /* hi:lo = m^k, exact (fits in 128 bits by the test above) */
    uint64_t hi = 0, lo = 1;
    for (int i = 0; i < k; i++) {
        /* (hi:lo) * m with 32-bit halves */
        uint64_t m0 = m & 0xFFFFFFFFu, m1 = m >> 32;
        uint64_t l0 = lo & 0xFFFFFFFFu, l1 = lo >> 32;
        uint64_t p00 = l0 * m0, p01 = l0 * m1, p10 = l1 * m0, p11 = l1 * m1;
        uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
        uint64_t nlo = (p00 & 0xFFFFFFFFu) | (mid << 32);
        uint64_t carry = (mid >> 32) + (p01 >> 32) + (p10 >> 32) + p11;
        hi = hi * m + carry;
        lo = nlo;
    }
    int len = hi ? 128 - __builtin_clzll(hi) : 64 - __builtin_clzll(lo);
    long long scale = (long long)e * k;
    double v;
    if (len <= 53) {
        v = (double)lo; /* exact */
    } else {
        int sh = len - 53; /* bits to drop: 1..75 */
        uint64_t top, rest_hi, rest_lo;
        if (sh >= 64) {
            top = hi >> (sh - 64);
            rest_hi = sh - 64 ? hi & ((1ull << (sh - 64)) - 1) : 0;
            rest_lo = lo;
        } else {
            top = (lo >> sh) | (hi << (64 - sh));
            rest_hi = 0;
            rest_lo = lo & ((1ull << sh) - 1);
        }
        /* compare the dropped bits with half of the last kept bit */
        int above, equal;
        if (sh - 1 >= 64) {
            uint64_t half = 1ull << (sh - 1 - 64);
            above = rest_hi > half || (rest_hi == half && rest_lo);
            equal = rest_hi == half && !rest_lo;
        } else {
            uint64_t half = 1ull << (sh - 1);
            above = rest_hi || rest_lo > half;
            equal = !rest_hi && rest_lo == half;
        }
        if (above || (equal && (top & 1)))
            top++;
        v = (double)top; /* top <= 2^53: exact */
        scale += sh;
    }
    if (scale > 900 || scale < -900)
        return 0; /* keep clear of overflow and subnormal double rounding */
    int s1 = (int)(scale / 2), s2 = (int)(scale - s1);
    *out = v * pow2(s1) * pow2(s2);
    return 1;
}

/* C99 Annex F pow. */
double pow(double x, double y) {
    if (y == 0.0 || x == 1.0)
        return 1.0;
    if (x != x || y != y)
        return x + y;
    double ay = y < 0 ? -y : y, ax = x < 0 ? -x : x;
    int yodd = is_odd_int(y);
    if (ay == __builtin_inf()) {
        if (ax == 1.0)
            return 1.0;
        return ((ax > 1.0) == (y > 0)) ? __builtin_inf() : 0.0;
    }
    if (x == 0.0 || ax == __builtin_inf()) {
        int big = (x == 0.0) == (y < 0); /* result is infinite */
        double r = big ? __builtin_inf() : 0.0;
        return (x < 0 || bits(x) >> 63) && yodd ? -r : r;
    }
    int neg = 0;
    if (x < 0) {
        if (!is_int(y))
            return (x - x) / (x - x); /* nan */
        neg = yodd;
        x = -x;
    }
    if (y >= 2.0 && y <= 64.0 && is_int(y)) {
        double r;
        if (exact_int_pow(x, y, &r))
            return neg ? -r : r;
    }
    DD lx = dd_log(x);
    /* Decide overflow and underflow on a plain product first: the exact
     * product splits y into halves (Dekker), which overflows for |y| near
     * DBL_MAX, where the result is far out of range anyway (|log x| is at
     * least 2^-53 for x != 1). */
    double est = lx.hi * y;
    if (est > 720.0)
        return neg ? -__builtin_inf() : __builtin_inf();
    if (est < -760.0)
        return neg ? -0.0 : 0.0;
    DD t = dd_mul_d(lx, y);
    double r;
    if (t.hi > 710.0)
        r = __builtin_inf();
    else if (t.hi < -746.0)
        r = 0.0;
    else
        r = dd_exp_round(t);
    return neg ? -r : r;
}
