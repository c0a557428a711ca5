/* Float conversion and pow test driver. Prints one line per case:
 *   F <bits> <repr> <ok>     repr(float) and whether float(repr) == bits
 *   P <xbits> <ybits> <r>    pow(x, y) bits  (x > 0)
 *   D <abits> <bbits> <q> <m> float // and % bits
 * bits are 16 lowercase hex digits. tests/runtime_float.rs recomputes the
 * same lines with python3 and compares. */
#include "../mg_internal.h"

static uint64_t lcg = 0x853c49e6748fea9bull;
static uint64_t next(void) {
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return lcg ^ (lcg >> 29);
}
/* 64 random bits from two steps (the low bits of an LCG are weak) */
static uint64_t rnd64(void) { return (next() & 0xFFFFFFFF00000000ull) | (next() >> 32); }
static double unit(void) { return (double)(rnd64() >> 11) * (1.0 / 9007199254740992.0); }

static void hex(uint64_t u) {
    char b[17];
    for (int i = 0; i < 16; i++)
        b[i] = "0123456789abcdef"[(u >> (60 - 4 * i)) & 15];
    mg_write_cstr(b, 16);
}

static void fcase(double d) {
    uint64_t u = mg_f2u(d);
    MgStr *s = mg_str_from_float(d);
    double back = mg_float_from_str(s);
    bool ok = mg_f2u(back) == u || (mg_isnan(back) && mg_isnan(d));
    mg_write_cstr("F ", 2);
    hex(u);
    mg_write_cstr(" ", 1);
    mg_write_str(s);
    mg_write_cstr(ok ? " 1\n" : " 0\n", 3);
}

static void pcase(double x, double y) {
    mg_write_cstr("P ", 2);
    hex(mg_f2u(x));
    mg_write_cstr(" ", 1);
    hex(mg_f2u(y));
    mg_write_cstr(" ", 1);
    hex(mg_f2u(pow(x, y)));
    mg_write_cstr("\n", 1);
}

static void dcase(double a, double b) {
    mg_write_cstr("D ", 2);
    hex(mg_f2u(a));
    mg_write_cstr(" ", 1);
    hex(mg_f2u(b));
    mg_write_cstr(" ", 1);
    hex(mg_f2u(mg_float_floordiv(a, b)));
    mg_write_cstr(" ", 1);
    hex(mg_f2u(mg_float_mod(a, b)));
    mg_write_cstr("\n", 1);
}

void mg_module_main(void) {
    static const double edge[] = {
        0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 0.3, 1.5, 100.0, 1e15, 1e16, 1e17,
        9999999999999998.0, 123456789012345.67, 1e-4, 1e-5, 0.0001234, 1e22, 1e23,
        5e-324, 1e-323, 2.2250738585072009e-308, 2.2250738585072014e-308,
        1.7976931348623157e308, 4.9406564584124654e-324, 2.5e-323, 1e-310,
        0.5, 0.25, 1.0 / 3.0, 2.0 / 3.0, 9007199254740993.0, 9007199254740992.0,
        4503599627370496.5, 1e300, 1e-300, 3.141592653589793, 2.718281828459045,
        __builtin_inf(), -__builtin_inf(), __builtin_nan(""), 8.41e21, 5e-310,
        1.2345678901234567e-300, 295147905179352825856.0, 0.000123, 123e18,
    };
    for (unsigned i = 0; i < sizeof edge / sizeof edge[0]; i++)
        fcase(edge[i]);
    double p = 1.0;
    for (int i = 0; i < 330; i++, p *= 10.0) { /* powers of ten, as computed */
        fcase(p);
        fcase(1.0 / p);
    }
    for (int e = -1074; e <= 1023; e += 7) /* powers of two */
        fcase(e < -1022 ? mg_u2f(1ull << (e + 1074)) : mg_u2f((uint64_t)(e + 1023) << 52));
    for (int i = 0; i < 2000; i++) /* random bit patterns: every exponent */
        fcase(mg_u2f(rnd64()));
    for (int i = 0; i < 500; i++) { /* short decimals: k / 10^j */
        double k = (double)(int64_t)(next() >> 44);
        double t = 1.0;
        for (int j = (int)(next() >> 60); j > 0; j--)
            t *= 10.0;
        fcase(k / t);
    }
    for (int i = 0; i < 300; i++) /* subnormals */
        fcase(mg_u2f(rnd64() & 0x800FFFFFFFFFFFFFull));

    /* pow */
    for (int i = 0; i < 200; i++)
        pcase(unit() * 10.0, (unit() - 0.5) * 100.0);
    for (int i = 0; i < 100; i++) /* broad magnitudes */
        pcase(mg_u2f((rnd64() & 0x000FFFFFFFFFFFFFull) | ((uint64_t)(900 + (next() >> 56)) << 52)),
              (unit() - 0.5) * 60.0);
    for (int i = 0; i < 60; i++) /* integer and half-integer exponents */
        pcase(unit() * 4.0 + 0.5, (double)(int)(next() >> 58) * 0.5 - 16.0);
    for (int i = 0; i < 60; i++) /* near 1 with large exponents */
        pcase(1.0 + (unit() - 0.5) * 1e-6, (unit() - 0.5) * 1e8);
    static const double px[] = {2, 10, 10, 2, 2, 0.5, 1e-300, 1.0000001, 3, 7, 1e10, 2, 10, 10};
    static const double py[] = {10, 308.25, -323.5, -1074, -1074.5, 1074, 1.0, 1e9, 0.5, -2.5, 30.5, 0.5, -307.6, 308.2547};
    for (unsigned i = 0; i < sizeof px / sizeof px[0]; i++)
        pcase(px[i], py[i]);
    /* integer exponents whose exact result lies halfway between doubles */
    static const double tx[] = {883364, 473338, 856924, 469826, 3, 1.5, 12345.0};
    static const double ty[] = {3, 3, 3, 3, 40, 64, 4};
    for (unsigned i = 0; i < sizeof tx / sizeof tx[0]; i++)
        pcase(tx[i], ty[i]);
    /* exponents near DBL_MAX (the Dekker split of y overflows there) */
    static const double hx[] = {2, 2, 0.5, 0.5, 1.0000001, 0.9999999, 1e300, 1e-300, 3, 1.5};
    static const double hy[] = {1e308, -1e308, 1e308, -1.7976931348623157e308, 1e308, 1e308, 1e300, -1e300, 1e18, -9e307};
    for (unsigned i = 0; i < sizeof hx / sizeof hx[0]; i++)
        pcase(hx[i], hy[i]);

    /* float // and % */
    for (int i = 0; i < 300; i++) {
        double a = (unit() - 0.5) * 1000.0, b = (unit() - 0.5) * 20.0;
        if (i % 5 == 0)
            b = (double)(int)(b) + (b < 0 ? -1 : 1);
        if (i % 7 == 0)
            a = (double)(int)a;
        dcase(a, b);
    }
    static const double da[] = {-0.0, 0.0, 5.0, -5.0, 1e300, -1e-300, 3.5, -3.5, 0.0};
    static const double db[] = {3.0, -3.0, -5.0, 5.0, 1e-300, 7.0, -0.5, 2.0, -1.0};
    for (unsigned i = 0; i < sizeof da / sizeof da[0]; i++)
        dcase(da[i], db[i]);
}
