/* double <-> 64-bit integer conversions for 32-bit targets. */
#include <stdint.h>

static inline uint64_t bits(double d) { uint64_t u; __builtin_memcpy(&u, &d, 8); return u; }

/* Truncate toward zero; out of range values saturate (never reached from
 * mgen code, which range-checks first). */
uint64_t __fixunsdfdi(double a) {
    uint64_t u = bits(a);
    int e = (int)((u >> 52) & 0x7FF) - 1075;
    if ((u >> 63) || ((u >> 52) & 0x7FF) < 1023)
        return 0;
    uint64_t m = (u & 0xFFFFFFFFFFFFFull) | (1ull << 52);
    if (e >= 12)
        return ~(uint64_t)0;
    return e >= 0 ? m << e : m >> -e;
}

int64_t __fixdfdi(double a) {
    uint64_t u = bits(a);
    int neg = (int)(u >> 63);
    int be = (int)((u >> 52) & 0x7FF);
    if (be < 1023)
        return 0;
    int e = be - 1075;
    uint64_t m = (u & 0xFFFFFFFFFFFFFull) | (1ull << 52);
    if (e >= 11) /* |a| >= 2^63 */
        return neg ? INT64_MIN : INT64_MAX;
    uint64_t mag = e >= 0 ? m << e : m >> -e;
    return neg ? (int64_t)(0 - mag) : (int64_t)mag;
}

/* hi * 2^32 is exact and lo is exact, so the single addition rounds
 * correctly. */
double __floatdidf(int64_t a) {
    double hi = (double)(int32_t)(a >> 32) * 4294967296.0;
    double lo = (double)(uint32_t)a;
    return hi + lo;
}

double __floatundidf(uint64_t a) {
    double hi = (double)(uint32_t)(a >> 32) * 4294967296.0;
    double lo = (double)(uint32_t)a;
    return hi + lo;
}
