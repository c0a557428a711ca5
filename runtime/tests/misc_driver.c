/* Integer semantics, parsing, repr and error messages. Without arguments
 * prints one line per case (see misc_oracle.py for the format); with an
 * argument N runs error case N, which must end the process with a
 * traceback. */
#include "../mg_internal.h"

static uint64_t lcg = 0x9E3779B97F4A7C15ull;
static int64_t rnd(void) {
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return (int64_t)(lcg ^ (lcg >> 31)) >> (lcg >> 58);
}
static void sp(void) { mg_write_cstr(" ", 1); }
static void nl(void) { mg_write_cstr("\n", 1); }
static void hex(uint64_t u) {
    char b[17];
    for (int i = 0; i < 16; i++)
        b[i] = "0123456789abcdef"[(u >> (60 - 4 * i)) & 15];
    mg_write_cstr(b, 16);
}
static MgStr *S(const char *s) { return mg_str_new(s, (int64_t)mg_cstrlen(s)); }

static const char *const int_strs[] = {"0", "-0", "  42\n", "+7", "1_000", "-9223372036854775808",
                                       "9223372036854775807", "007", "\t-1_2_3 "};
static const char *const float_strs[] = {"1.5", "  -1.5e3 ", "1_000.5", "inf", "-Infinity", "nAn", "1e400",
                                         "1e-400", "4.9e-324", "2.4703282292062328e-324",
                                         "2.4703282292062327e-324", ".5", "5.", "1E+2_0", "0x", "-0.0",
                                         "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
                                         "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000022250738585072011360574097967091319759348195463516456480234261098152025" };
static const char *const repr_strs[] = {"abc", "it's", "say \"hi\"", "both ' and \"", "tab\there\nnl\\",
                                        "\x01\x7f", "caf\xc3\xa9", "\xc2\xa0nbsp", "\xe2\x80\xa8", "\xf0\x9f\x98\x80"};

void mg_module_main(void) {
    if (mg_argc > 1) {
        int n = 0;
        for (const char *p = mg_argv[1]; *p; p++)
            n = n * 10 + (*p - '0');
        static const MgCode fr_code = {"t.py", "<module>"};
        static MgFrame fr = {0, &fr_code, 5, 1};
        mg_frame_top = &fr;
        switch (n) {
        case 0: mg_int_floordiv(1, 0); break;
        case 1: mg_int_mod(1, 0); break;
        case 2: mg_int_floordiv(INT64_MIN, -1); break;
        case 3: mg_int_truediv(1, 0); break;
        case 4: mg_float_div(1.0, 0.0); break;
        case 5: mg_float_floordiv(1.0, 0.0); break;
        case 6: mg_float_mod(1.0, -0.0); break;
        case 7: mg_float_pow(0.0, -1.0); break;
        case 8: mg_float_pow(-8.0, 1.0 / 3.0); break;
        case 9: mg_float_pow(10.0, 400.0); break;
        case 10: mg_int_pow(2, 63); break;
        case 11: mg_int_pow(2, -1); break;
        case 12: mg_int_from_str(S("12a")); break;
        case 13: mg_int_from_str(S("it's")); break;
        case 14: mg_int_from_str(S("1__0")); break;
        case 15: mg_int_from_str(S("9223372036854775808")); break;
        case 16: mg_float_from_str(S("abc")); break;
        case 17: mg_float_from_str(S("1_.5")); break;
        case 18: mg_float_from_str(S("")); break;
        case 19: mg_int_from_float(__builtin_inf()); break;
        case 20: mg_int_from_float(__builtin_nan("")); break;
        case 21: mg_int_from_float(1e19); break;
        case 22: mg_str_index(S("abc"), 3); break;
        case 23: mg_raise("StopIteration", NULL); break;
        }
        mg_exit(0); /* not reached */
    }
    /* true division: T a b bits */
    static const int64_t tv[] = {1, -1, 3, 7, 10, INT64_MAX, INT64_MIN, (1ll << 53) + 1, -(1ll << 53) - 3, 6004799503160661ll};
    for (unsigned i = 0; i < 10; i++)
        for (unsigned j = 0; j < 10; j++) {
            int64_t a = tv[i], b = tv[j];
            mg_write_cstr("T ", 2); mg_write_int(a); sp(); mg_write_int(b); sp();
            hex(mg_f2u(mg_int_truediv(a, b))); nl();
        }
    for (int i = 0; i < 300; i++) {
        int64_t a = rnd(), b = rnd();
        if (b == 0) b = 3;
        mg_write_cstr("T ", 2); mg_write_int(a); sp(); mg_write_int(b); sp();
        hex(mg_f2u(mg_int_truediv(a, b))); nl();
        if (!(a == INT64_MIN && b == -1)) {
            mg_write_cstr("Q ", 2); mg_write_int(a); sp(); mg_write_int(b); sp();
            mg_write_int(mg_int_floordiv(a, b)); sp(); mg_write_int(mg_int_mod(a, b)); nl();
        }
    }
    /* int/float comparison: C a bits r */
    static const double cf[] = {9007199254740992.0, 9007199254740993.0, -9007199254740992.0, 0.5, -0.5, 0.0,
                                9223372036854775808.0, -9223372036854775808.0, 1e300, -1e300,
                                __builtin_inf(), -__builtin_inf(), __builtin_nan(""), 3.0, 2.999999};
    static const int64_t ci[] = {(1ll << 53) + 1, 1ll << 53, -(1ll << 53) - 1, 0, 3, INT64_MAX, INT64_MIN, -1};
    for (unsigned i = 0; i < 8; i++)
        for (unsigned j = 0; j < 15; j++) {
            mg_write_cstr("C ", 2); mg_write_int(ci[i]); sp(); hex(mg_f2u(cf[j])); sp();
            mg_write_int(mg_cmp_int_float(ci[i], cf[j])); nl();
        }
    /* int(float): J bits v */
    static const double jf[] = {0.5, -0.5, -1.9, 1e18, -9223372036854775808.0, 9223372036854774784.0, 123.999};
    for (unsigned j = 0; j < 7; j++) {
        mg_write_cstr("J ", 2); hex(mg_f2u(jf[j])); sp(); mg_write_int(mg_int_from_float(jf[j])); nl();
    }
    /* int ** int: W a b v */
    static const int64_t wb[] = {0, 1, -1, 2, -2, 3, -3, 10, 3037000499ll};
    static const int64_t we[] = {0, 1, 2, 3, 62, 63, 19, 39, 2, 100};
    for (unsigned i = 0; i < 9; i++)
        for (unsigned j = 0; j < 10; j++) {
            int64_t b = wb[i], e = we[j];
            /* skip overflowing cases (they raise) */
            bool fits = true;
            int64_t r = 1;
            for (int64_t k = 0; k < e && fits; k++)
                fits = !__builtin_mul_overflow(r, b, &r);
            if (!fits) continue;
            mg_write_cstr("W ", 2); mg_write_int(b); sp(); mg_write_int(e); sp();
            mg_write_int(mg_int_pow(b, e)); nl();
        }
    /* parsing: I <repr> v / G <repr> bits ; repr: R <hex of utf8> <repr> */
    for (unsigned i = 0; i < sizeof int_strs / sizeof *int_strs; i++) {
        MgStr *s = S(int_strs[i]);
        mg_write_cstr("I ", 2); mg_write_str(mg_str_repr(s)); sp(); mg_write_int(mg_int_from_str(s)); nl();
    }
    for (unsigned i = 0; i < sizeof float_strs / sizeof *float_strs; i++) {
        MgStr *s = S(float_strs[i]);
        if (i == 14) continue; /* "0x" is an error case */
        mg_write_cstr("G ", 2); mg_write_str(mg_str_repr(s)); sp(); hex(mg_f2u(mg_float_from_str(s))); nl();
    }
    for (unsigned i = 0; i < sizeof repr_strs / sizeof *repr_strs; i++) {
        MgStr *s = S(repr_strs[i]);
        mg_write_cstr("R ", 2);
        for (int64_t k = 0; k < s->len; k++) {
            char b[3] = {"0123456789abcdef"[(unsigned char)s->data[k] >> 4], "0123456789abcdef"[s->data[k] & 15], 0};
            mg_write_cstr(b, 2);
        }
        sp(); mg_write_str(mg_str_repr(s)); sp(); mg_write_int(s->nchars); nl();
    }
    MgStr *u = S("h\xc3\xa9llo\xf0\x9f\x98\x80");
    mg_write_cstr("X ", 2);
    mg_write_str(mg_str_index(u, 1)); mg_write_str(mg_str_index(u, -1));
    mg_write_str(mg_str_concat(u, S("!"))); mg_write_str(mg_str_repeat(S("ab"), 3));
    sp(); mg_write_int(mg_str_cmp(S("a"), S("b"))); mg_write_int(mg_str_cmp(S("\xc3\xa9"), S("z")));
    mg_write_int(mg_str_cmp(S("ab"), S("a"))); mg_write_bool(mg_str_eq(S("x"), S("x"))); nl();
}
