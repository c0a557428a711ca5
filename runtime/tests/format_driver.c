/* format() of int/float/str/bool over systematically generated specs, and
 * round(). One line per case; format_oracle.py recomputes every line with
 * CPython. Line forms (hex = hex of the UTF-8 bytes, bits = IEEE bits):
 *   FI <int> x<spec hex> <result>      FF <bits> x<spec hex> <result>
 *   FS x<str hex> x<spec hex> <result> FB <0|1> x<spec hex> <result>
 *   RD <bits> <n> <repr(round(x, n))>  RI <bits> <round(x)>
 *   RN <int> <n> <round(i, n)>
 * <result> is '=' + repr(formatted) or '!' + "Exc: message". */
#include "../mg_internal.h"

static void sp(void) { mg_write_cstr(" ", 1); }
static void nl(void) { mg_write_cstr("\n", 1); }
static void hex64(uint64_t u) {
    char b[16];
    for (int i = 0; i < 16; i++)
        b[i] = "0123456789abcdef"[(u >> (60 - 4 * i)) & 15];
    mg_write_cstr(b, 16);
}
static void hexstr(MgStr *s) {
    mg_write_cstr("x", 1);
    for (int64_t k = 0; k < s->len; k++) {
        char b[2] = {"0123456789abcdef"[(unsigned char)s->data[k] >> 4], "0123456789abcdef"[s->data[k] & 15]};
        mg_write_cstr(b, 2);
    }
}
static MgStr *S(const char *s) { return mg_str_new(s, (int64_t)mg_cstrlen(s)); }

static void result(MgStr *r, MgErr *e) {
    sp();
    if (r) {
        mg_write_cstr("=", 1);
        mg_write_str(mg_str_repr(r));
    } else {
        mg_write_cstr("!", 1);
        mg_write_cstr(e->exc, (int64_t)mg_cstrlen(e->exc));
        mg_write_cstr(": ", 2);
        mg_write_str(e->msg);
    }
    nl();
}

static const int64_t ints[] = {0, 1, -1, 7, -42, 255, 1234, -1234567, 1000000, 65, 0x10FFFF, 0x110000,
                               9007199254740993ll, INT64_MAX, INT64_MIN, 123456789, 233, 128512};
#define NI (sizeof ints / sizeof *ints)
static const double floats[] = {0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 0.125, 0.1, 2.675, 1234.5678, -1234567.891,
                                1e16, 1e-5, 1.5e-7, 123456789012345680.0, 1e300, 5e-324,
                                2.2250738585072014e-308, __builtin_inf(), -__builtin_inf(), __builtin_nan(""),
                                0.0001, 9.995, 999999.5, 1e22, 3.141592653589793, 100.0, -0.0004, 0.05,
                                -99.99999, 1e15, 123456.0, 0.000123456, 1.7976931348623157e308};
#define NF (sizeof floats / sizeof *floats)
static const char *const strs[] = {"", "a", "abc", "h\xc3\xa9llo", "\xf0\x9f\x98\x80x", "longer string here",
                                   "-12", "tab\there"};
#define NS (sizeof strs / sizeof *strs)

/* Spec components; every combination is generated. */
static const char *const fills[] = {"", "<", ">", "^", "=", "*^", "0=", "\xc3\xa9>"};
static const char *const signs[] = {"", "+", " "};
static const char *const zs[] = {"", "z"};
static const char *const alts[] = {"", "#"};
static const char *const zeros[] = {"", "0"};
static const char *const widths[] = {"", "1", "9"};
static const char *const groups[] = {"", ",", "_"};
static const char *const precs[] = {"", ".0", ".3"};
static const char *const int_types[] = {"", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s"};
static const char *const float_types[] = {"", "e", "E", "f", "F", "g", "G", "n", "%", "d"};
static const char *const str_types[] = {"", "s", "d"};
static const char *const bool_types[] = {"", "d", "s", "x", "f", "c"};

/* Hand-picked specs, tried with every value. */
static const char *const extra_specs[] = {
    "", ">6", "<6", "^6", "^7", "04d", "04", ",", "_", "_x", "_b", "_o", "x", "#b", "#x", "#X", "#o", ".1%",
    "e", ".3g", "g", ".2", ".3f", ".0f", ".17g", ".25f", ".60e", ".20", "#.0f", "#.0e", "#g", "#.3g", "#", "z",
    "z.1f", "+.2e", "030,.2f", "=+12", "*=+12,", "0=10_", "012,", "013,", "08,", "09,", "010_x", "011_b",
    "-^15,.4f", " 20.10g", ",.0%", ">30.17e", "c", "d", "s", ".3", ".3s", "*<8", "^10", "10", "G", "n", "10n",
    "010n", "abc", ".", "1.", ",_", "_,", ",,", "99999999999999999999", ".99999999999999999999",
    "\xc3\xa9", "x>", "\xf0\x9f\x98\x80^9", "{>5", " ^", "+", "-", "#c", "+c", "=", "=5", "0", "00", "0>5",
    "0<5", "0^5", ".100f", ".330e", ".400f", "1000", "_d", ",d", ",n", ",c", "_c", ",s", "_s", ",e", "_%",
};
#define NX (sizeof extra_specs / sizeof *extra_specs)

static MgStr *spec_of(unsigned idx, const char *type) {
    static char buf[64];
    const char *parts[9];
    parts[0] = fills[idx % 8]; idx /= 8;
    parts[1] = signs[idx % 3]; idx /= 3;
    parts[2] = zs[idx % 2]; idx /= 2;
    parts[3] = alts[idx % 2]; idx /= 2;
    parts[4] = zeros[idx % 2]; idx /= 2;
    parts[5] = widths[idx % 3]; idx /= 3;
    parts[6] = groups[idx % 3]; idx /= 3;
    parts[7] = precs[idx % 3];
    parts[8] = type;
    int n = 0;
    for (int i = 0; i < 9; i++)
        for (const char *p = parts[i]; *p; p++)
            buf[n++] = *p;
    return mg_str_new(buf, n);
}
#define NSPECS (8 * 3 * 2 * 2 * 2 * 3 * 3 * 3)

static void fi(int64_t v, MgStr *spec) {
    MgErr e;
    mg_write_cstr("FI ", 3); mg_write_int(v); sp(); hexstr(spec);
    result(mg_format_int_e(v, spec, &e), &e);
}
static void ff(double v, MgStr *spec) {
    MgErr e;
    mg_write_cstr("FF ", 3); hex64(mg_f2u(v)); sp(); hexstr(spec);
    result(mg_format_float_e(v, spec, &e), &e);
}
static void fs(MgStr *v, MgStr *spec) {
    MgErr e;
    mg_write_cstr("FS ", 3); hexstr(v); sp(); hexstr(spec);
    result(mg_format_str_e(v, spec, &e), &e);
}
static void fb(bool v, MgStr *spec) {
    MgErr e;
    mg_write_cstr(v ? "FB 1 " : "FB 0 ", 5); hexstr(spec);
    result(mg_format_bool_e(v, spec, &e), &e);
}

static uint64_t lcg = 0x2545F4914F6CDD1Dull;
static uint64_t rnd(void) {
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return lcg ^ (lcg >> 29);
}

static void rd(double x, int64_t n) {
    mg_write_cstr("RD ", 3); hex64(mg_f2u(x)); sp(); mg_write_int(n); sp();
    mg_write_float(mg_float_round(x, n)); nl();
}

void mg_module_main(void) {
    /* An optional argument 1..4 runs only that section (the tests run the
     * sections as separate processes). */
    int part = mg_argc > 1 ? mg_argv[1][0] - '0' : 0;
    if (part == 0 || part == 1) {
    /* 1. Every generated spec with every presentation type; the value
     * rotates through the value list. */
    for (unsigned t = 0; t < sizeof int_types / sizeof *int_types; t++)
        for (unsigned i = 0; i < NSPECS; i++)
            fi(ints[(i * 7 + t) % NI], spec_of(i, int_types[t]));
    for (unsigned t = 0; t < sizeof float_types / sizeof *float_types; t++)
        for (unsigned i = 0; i < NSPECS; i++)
            ff(floats[(i * 5 + t) % NF], spec_of(i, float_types[t]));
    for (unsigned t = 0; t < sizeof str_types / sizeof *str_types; t++)
        for (unsigned i = 0; i < NSPECS; i++)
            fs(S(strs[(i * 3 + t) % NS]), spec_of(i, str_types[t]));
    for (unsigned t = 0; t < sizeof bool_types / sizeof *bool_types; t++)
        for (unsigned i = 0; i < NSPECS; i += 2)
            fb((i / 2 + t) & 1, spec_of(i, bool_types[t]));
    }
    if (part == 0 || part == 2) {
    /* 2. Hand-picked specs with every value. */
    for (unsigned k = 0; k < NX; k++) {
        MgStr *spec = S(extra_specs[k]);
        for (unsigned i = 0; i < NI; i++)
            fi(ints[i], spec);
        for (unsigned i = 0; i < NF; i++)
            ff(floats[i], spec);
        for (unsigned i = 0; i < NS; i++)
            fs(S(strs[i]), spec);
        fb(true, spec);
        fb(false, spec);
    }
    }
    if (part == 0 || part == 3) {
    /* 3. Random doubles in e/f/g with many precisions (correct rounding). */
    static const char *const prec_specs[] = {".0e", ".1e", ".5e", ".15e", ".16e", ".17e", ".20e", ".0f", ".2f",
                                             ".6f", ".12f", ".20f", ".1g", ".6g", ".15g", ".17g", "%", "r"};
    for (int i = 0; i < 3000; i++) {
        uint64_t u = rnd();
        double x = mg_u2f(u);
        if (i % 3 == 1) /* moderate magnitudes: exponent around 2^0 .. 2^60 */
            x = mg_u2f((u & 0x800FFFFFFFFFFFFFull) | ((uint64_t)(1023 - 30 + (u >> 52) % 90) << 52));
        if (i % 3 == 2) /* decimal-looking values with few digits */
            x = (double)(int64_t)(u % 2000000 - 1000000) / 1000.0;
        if (mg_isnan(x))
            continue;
        MgStr *spec = S(prec_specs[i % (sizeof prec_specs / sizeof *prec_specs)]);
        if (spec->data[0] == 'r')
            spec = S("");
        ff(x, spec);
    }
    }
    if (part != 0 && part != 4)
        return;
    /* 4. round(x, n): decimal halfway-looking cases (never exact in
     * binary but one ulp away), exact binary ties, randoms, extremes. */
    for (int n = -4; n <= 8; n++) {
        double p = 1.0;
        for (int k = 0; k < (n < 0 ? -n : n); k++)
            p *= 10.0;
        for (int i = -60; i <= 60; i++) {
            double x = n >= 0 ? ((double)i + 0.5) / p : ((double)i + 0.5) * p;
            rd(x, n);
            rd(x * 3.0 + 0.25, n);
        }
    }
    static const double ties[] = {0.125, 0.375, 0.625, 2.5, 0.5, 1.5, -2.5, -0.5, 2.675, 1.005, 0.045, 1250.0,
                                  1350.0, -1250.0, 5e-324, 1e-323, 1.7976931348623157e308, 1e308, 123.456,
                                  -0.0, 0.0, __builtin_inf(), -__builtin_inf(), __builtin_nan(""), 1e22, 1e23,
                                  4503599627370497.5, 9007199254740993.0, 0.1, 0.7, 2.5e-308};
    static const int64_t tn[] = {0, 1, 2, 3, -1, -2, -3, 5, 10, 15, 16, 17, 22, 300, 308, 309, 322, 323, 324, 400,
                                 -15, -22, -300, -307, -308, -309, -400, INT64_MAX, INT64_MIN};
    for (unsigned i = 0; i < sizeof ties / sizeof *ties; i++)
        for (unsigned j = 0; j < sizeof tn / sizeof *tn; j++) {
            if (ties[i] == 1.7976931348623157e308 && (tn[j] == -308 || tn[j] == -307)) /* OverflowError: an error case */
                continue;
            rd(ties[i], tn[j]);
        }
    for (int i = 0; i < 600; i++) {
        uint64_t u = rnd();
        double x = mg_u2f((u & 0x800FFFFFFFFFFFFFull) | ((uint64_t)(1023 - 40 + (u >> 52) % 80) << 52));
        rd(x, (int64_t)(rnd() % 30) - 12);
    }
    /* round(x) -> int */
    static const double ri[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370495.5,
                                4503599627370496.0, 9007199254740993.0, -9223372036854775808.0, 1e18, 2.675,
                                -0.0, 123456.5, 123457.5, 9223372036854774784.0};
    for (unsigned i = 0; i < sizeof ri / sizeof *ri; i++) {
        mg_write_cstr("RI ", 3); hex64(mg_f2u(ri[i])); sp(); mg_write_int(mg_float_round_int(ri[i])); nl();
    }
    for (int i = 0; i < 300; i++) {
        double x = (double)(int64_t)(rnd() % 2000001 - 1000000) / 2.0 + (i % 5 == 0 ? 0.25 : 0.0);
        mg_write_cstr("RI ", 3); hex64(mg_f2u(x)); sp(); mg_write_int(mg_float_round_int(x)); nl();
    }
    /* round(int, n) */
    static const int64_t rv[] = {0, 1234, 1250, 1350, -1250, -1350, 1249, 15, 25, -15, -25, 5, 50, 150, 250,
                                 INT64_MAX, INT64_MIN + 1, 4999999999999999999ll, 5000000000000000000ll,
                                 -5000000000000000000ll, 123456789012345678ll, 9000000000000000000ll};
    static const int64_t rn[] = {1, 0, -1, -2, -3, -5, -10, -17, -18, -19, -20, -100, -1000};
    for (unsigned i = 0; i < sizeof rv / sizeof *rv; i++)
        for (unsigned j = 0; j < sizeof rn / sizeof *rn; j++) {
            int64_t v = rv[i], n = rn[j];
            /* skip the results that do not fit in int64 (error cases) */
            if (n == -19 && (v > 5000000000000000000ll || v < -5000000000000000000ll))
                continue;
            if (n < 0 && n > -19) {
                int64_t p = 1;
                for (int64_t k = 0; k < -n; k++)
                    p *= 10;
                if (v > INT64_MAX - p || v < INT64_MIN + p)
                    continue;
            }
            mg_write_cstr("RN ", 3); mg_write_int(v); sp(); mg_write_int(n); sp();
            mg_write_int(mg_int_round(v, n)); nl();
        }
}
