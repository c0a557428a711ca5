/* The libm functions LLVM may lower its intrinsics to (llvm.floor on i686
 * without SSE4.1 becomes a call to floor, ...), by bit manipulation. */
#include <stdint.h>
#pragma STDC FP_CONTRACT OFF

static inline uint64_t bits(double d) { uint64_t u; __builtin_memcpy(&u, &d, 8); return u; }
static inline double from(uint64_t u) { double d; __builtin_memcpy(&d, &u, 8); return d; }

double fabs(double x) { return from(bits(x) & ~(1ull << 63)); }

double copysign(double x, double y) {
    return from((bits(x) & ~(1ull << 63)) | (bits(y) & (1ull << 63)));
}

double trunc(double x) {
    uint64_t u = bits(x);
    int e = (int)((u >> 52) & 0x7FF) - 1023;
    if (e >= 52)
        return x; /* integral, inf or nan */
    if (e < 0)
        return from(u & (1ull << 63)); /* |x| < 1: signed zero */
    return from(u & ~((1ull << (52 - e)) - 1));
}

double floor(double x) {
    double t = trunc(x);
    if (t != x && x < 0) /* x < 0 with a fraction: one below */
        return t - 1.0;
    return t;
}

double ceil(double x) {
    double t = trunc(x);
    if (t != x && x > 0)
        return t + 1.0;
    return t;
}

/* Half away from zero (C round). */
double round(double x) {
    double t = trunc(x);
    double d = x - t; /* exact */
    if (d >= 0.5)
        return t + 1.0;
    if (d <= -0.5)
        return t - 1.0;
    return t;
}

double sqrt(double x) { return __builtin_elementwise_sqrt(x); }

/* Exact remainder x - n*y with n = trunc(x/y), by binary long division of
 * the mantissas. */
double fmod(double x, double y) {
    uint64_t ux = bits(x), uy = bits(y);
    uint64_t sx = ux & (1ull << 63);
    int ex = (int)((ux >> 52) & 0x7FF), ey = (int)((uy >> 52) & 0x7FF);
    if ((uy << 1) == 0 || ex == 0x7FF || y != y)
        return (x * y) / (x * y); /* nan */
    ux &= ~(1ull << 63);
    uy &= ~(1ull << 63);
    if (ux <= uy)
        return ux == uy ? from(sx) : x;
    /* Normalise to integer mantissas m * 2^(e) with the implicit bit. */
    uint64_t mx, my;
    if (ex == 0) {
        int s = __builtin_clzll(ux) - 11;
        mx = ux << s;
        ex = 1 - s;
    } else
        mx = (ux & 0xFFFFFFFFFFFFFull) | (1ull << 52);
    if (ey == 0) {
        int s = __builtin_clzll(uy) - 11;
        my = uy << s;
        ey = 1 - s;
    } else
        my = (uy & 0xFFFFFFFFFFFFFull) | (1ull << 52);
    for (; ex > ey; ex--) {
        if (mx >= my)
            mx -= my;
        if (mx == 0)
            return from(sx);
        mx <<= 1;
    }
    if (mx >= my)
        mx -= my;
    if (mx == 0)
        return from(sx);
    /* Renormalise. */
    while (mx < (1ull << 52)) {
        mx <<= 1;
        ex--;
    }
    uint64_t r;
    if (ex > 0)
        r = (mx & 0xFFFFFFFFFFFFFull) | ((uint64_t)ex << 52);
    else
        r = mx >> (1 - ex);
    return from(r | sx);
}
