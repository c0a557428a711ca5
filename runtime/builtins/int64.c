/* 64-bit integer helpers that 32-bit targets call for i64 operations
 * (the libgcc/compiler-rt names). Written with 32-bit operations only, so
 * they never call themselves. On 64-bit targets they are simply unused. */
#include <stdint.h>

typedef union {
    uint64_t all;
    struct {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint32_t lo, hi;
#else
        uint32_t hi, lo;
#endif
    } s;
} U64;

static int clz64(uint64_t x) {
    U64 u = {.all = x};
    return u.s.hi ? __builtin_clz(u.s.hi) : 32 + __builtin_clz(u.s.lo);
}

/* Unsigned 32-bit division by shift-and-subtract (targets without a
 * hardware divider, e.g. ARMv7-A, call __aeabi_uidiv for this). */
uint32_t mg_udiv32(uint32_t n, uint32_t d, uint32_t *rem) {
    if (d == 0) {
        /* Division by zero never reaches here from mgen code (checked);
         * return something defined. */
        if (rem)
            *rem = n;
        return 0xFFFFFFFFu;
    }
    uint32_t q = 0, r = 0;
    if (n < d) {
        if (rem)
            *rem = n;
        return 0;
    }
    int start = 31 - __builtin_clz(n);
    for (int i = start; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1u << i;
        }
    }
    if (rem)
        *rem = r;
    return q;
}

/* Shift-and-subtract on 64 bits, starting at the divisor's alignment. */
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem) {
    if (d == 0) {
        if (rem)
            *rem = n;
        return ~(uint64_t)0;
    }
    if (n < d) {
        if (rem)
            *rem = n;
        return 0;
    }
    int sh = clz64(d) - clz64(n);
    uint64_t q = 0;
    d <<= sh;
    for (int i = 0; i <= sh; i++) {
        q <<= 1;
        if (n >= d) {
            n -= d;
            q |= 1;
        }
        d >>= 1;
    }
    if (rem)
        *rem = n;
    return q;
}

uint64_t __udivdi3(uint64_t a, uint64_t b) { return __udivmoddi4(a, b, 0); }

uint64_t __umoddi3(uint64_t a, uint64_t b) {
    uint64_t r;
    __udivmoddi4(a, b, &r);
    return r;
}

/* Truncating signed division; quotient sign = sign(a) xor sign(b),
 * remainder sign = sign(a). INT64_MIN / -1 wraps (as the hardware does). */
int64_t __divmoddi4(int64_t a, int64_t b, int64_t *rem) {
    uint64_t ua = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    uint64_t r;
    uint64_t q = __udivmoddi4(ua, ub, &r);
    if ((a < 0) != (b < 0))
        q = 0 - q;
    if (a < 0)
        r = 0 - r;
    if (rem)
        *rem = (int64_t)r;
    return (int64_t)q;
}

int64_t __divdi3(int64_t a, int64_t b) { return __divmoddi4(a, b, 0); }

int64_t __moddi3(int64_t a, int64_t b) {
    int64_t r;
    __divmoddi4(a, b, &r);
    return r;
}

/* 32x32->64 products are single instructions on every 32-bit target. */
uint64_t __muldi3(uint64_t a, uint64_t b) {
    U64 x = {.all = a}, y = {.all = b};
    uint64_t r = (uint64_t)x.s.lo * y.s.lo;
    U64 res = {.all = r};
    res.s.hi += x.s.lo * y.s.hi + x.s.hi * y.s.lo;
    return res.all;
}

/* a * b with *overflow set when the product does not fit in int64. */
int64_t __mulodi4(int64_t a, int64_t b, int *overflow) {
    *overflow = 0;
    uint64_t ua = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    int neg = (a < 0) != (b < 0);
    /* 128-bit magnitude of the product from 32-bit limbs. */
    U64 x = {.all = ua}, y = {.all = ub};
    uint64_t ll = (uint64_t)x.s.lo * y.s.lo;
    uint64_t lh = (uint64_t)x.s.lo * y.s.hi;
    uint64_t hl = (uint64_t)x.s.hi * y.s.lo;
    uint64_t hh = (uint64_t)x.s.hi * y.s.hi;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    uint64_t lo = (mid << 32) | (uint32_t)ll;
    uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    uint64_t limit = neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
    if (hi != 0 || lo > limit)
        *overflow = 1;
    return (int64_t)(neg ? 0 - lo : lo);
}

int64_t __ashldi3(int64_t a, int b) {
    U64 x = {.all = (uint64_t)a}, r;
    if (b & 32) {
        r.s.lo = 0;
        r.s.hi = x.s.lo << (b & 31);
    } else if (b == 0)
        return a;
    else {
        r.s.lo = x.s.lo << b;
        r.s.hi = (x.s.hi << b) | (x.s.lo >> (32 - b));
    }
    return (int64_t)r.all;
}

uint64_t __lshrdi3(uint64_t a, int b) {
    U64 x = {.all = a}, r;
    if (b & 32) {
        r.s.hi = 0;
        r.s.lo = x.s.hi >> (b & 31);
    } else if (b == 0)
        return a;
    else {
        r.s.hi = x.s.hi >> b;
        r.s.lo = (x.s.lo >> b) | (x.s.hi << (32 - b));
    }
    return r.all;
}

int64_t __ashrdi3(int64_t a, int b) {
    U64 x = {.all = (uint64_t)a}, r;
    if (b & 32) {
        r.s.hi = (uint32_t)((int32_t)x.s.hi >> 31);
        r.s.lo = (uint32_t)((int32_t)x.s.hi >> (b & 31));
    } else if (b == 0)
        return a;
    else {
        r.s.hi = (uint32_t)((int32_t)x.s.hi >> b);
        r.s.lo = (x.s.lo >> b) | (x.s.hi << (32 - b));
    }
    return (int64_t)r.all;
}

#ifdef __SIZEOF_INT128__
/* 128-bit multiply (64-bit targets lower i128 mul to this when no
 * instruction pair is available, e.g. wasm64-less setups). */
__int128 __multi3(__int128 a, __int128 b) {
    unsigned __int128 ua = (unsigned __int128)a, ub = (unsigned __int128)b;
    uint64_t alo = (uint64_t)ua, ahi = (uint64_t)(ua >> 64);
    uint64_t blo = (uint64_t)ub, bhi = (uint64_t)(ub >> 64);
    /* alo * blo as 128 bits from 32-bit halves */
    uint64_t a0 = (uint32_t)alo, a1 = alo >> 32, b0 = (uint32_t)blo, b1 = blo >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    uint64_t lo = (mid << 32) | (uint32_t)p00;
    uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    hi += alo * bhi + ahi * blo;
    return (__int128)(((unsigned __int128)hi << 64) | lo);
}
#endif
