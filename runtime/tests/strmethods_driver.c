/* str slicing, in, iteration, ord/chr, concat_parts and the str methods over
 * tricky inputs. Without arguments prints one line per case:
 *   <op> <arg> <arg> ... <result>
 * args: h<hex of UTF-8> (str), i<int>, b<0|1>, n (None), l<hex>,<hex>,...
 * (list of str); result: repr() of the value. strmethods_oracle.py
 * recomputes every line with CPython. With an argument N runs error case N
 * (the oracle's --errors lists CPython's message for each). */
#include "../mg_internal.h"

static void sp(void) { mg_write_cstr(" ", 1); }
static void nl(void) { mg_write_cstr("\n", 1); }
static MgStr *S(const char *s) { return mg_str_new(s, (int64_t)mg_cstrlen(s)); }
static void hs(MgStr *s) {
    mg_write_cstr(" h", 2);
    for (int64_t k = 0; k < s->len; k++) {
        char b[2] = {"0123456789abcdef"[(unsigned char)s->data[k] >> 4], "0123456789abcdef"[s->data[k] & 15]};
        mg_write_cstr(b, 2);
    }
}
static void ia(int64_t v) { mg_write_cstr(" i", 2); mg_write_int(v); }
static void op(const char *name) { mg_write_cstr(name, (int64_t)mg_cstrlen(name)); }
static void opt(MgStr *s) {
    if (s)
        hs(s);
    else
        mg_write_cstr(" n", 2);
}
static void rstr(MgStr *r) { sp(); mg_write_str(mg_str_repr(r)); nl(); }
static void rint(int64_t v) { sp(); mg_write_int(v); nl(); }
static void rbool(bool v) { sp(); mg_write_bool(v); nl(); }
static void rlist(MgList *l) {
    sp();
    mg_write_cstr("[", 1);
    for (int64_t i = 0; i < l->len; i++) {
        if (i)
            mg_write_cstr(", ", 2);
        mg_write_str(mg_str_repr(((MgStr **)(void *)l->data)[i]));
    }
    mg_write_cstr("]", 1);
    nl();
}
static void rtuple(MgStr **t) {
    sp();
    mg_write_cstr("(", 1);
    for (int i = 0; i < 3; i++) {
        if (i)
            mg_write_cstr(", ", 2);
        mg_write_str(mg_str_repr(t[i]));
    }
    mg_write_cstr(")", 1);
    nl();
}

static const char *const strs[] = {
    "", " ", "a", "abc", "  hello  world  ", "a,b,,c,", ",", "\t\n x \r\n", "Hello World", "hELLO wORLD",
    "\xc3\x9f stra\xc3\x9f" "e", "\xc3\xbf \xc2\xb5 \xc2\xaa \xc2\xba \xc3\x87 \xc3\xa7", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
    "x\xe2\x80\xa8y\xe2\x80\xa9z\xc2\x85w\x0bv\x0cu\x1cq\x1dr\x1es\r\nt\rp\n\n", "\xc2\xa0\xe3\x80\x80 nb\xe2\x80\x89sp \xe3\x80\x80",
    "123", "\xc2\xb2\xc2\xb3\xc2\xb9", "\xc2\xbd", "abc123", "ABC", "Abc Def", "'quoted' \"dq\"", "aaa", "abab",
    "-42", "+7", "--", "\xc3\xa9", "a\xc3\xa9" "b\xc3\xa9" "c", "\xc3\x9cn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9 T\xc3\xabxt",
    "x_y-z.w", "hello,world", "12ab", "  ", "\xe2\x80\xa8", "\xc2\xaa" "bc \xc3\x9f" "ABC 1a2B \xc3\xb7x \xc2\xb5m",
    "they're bill's friends", "\r\n\r\n", "a\rb\n\rc", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80" "a\xf0\x9f\x98\x80",
};
#define NS (sizeof strs / sizeof *strs)
static const char *const seps[] = {"", "a", ",", "ab", " ", "\xc3\xa9", "\xf0\x9f\x98\x80", "xyz", "\r\n", "l", "o", "--"};
#define NSEP (sizeof seps / sizeof *seps)

static const int64_t slice_idx[] = {-100, -5, -2, -1, 0, 1, 2, 3, 5, 100};
static const int64_t slice_steps[] = {1, 2, 3, -1, -2, -3, 100, -100, INT64_MIN};

static void error_case(int n) {
    static const MgCode fr_code = {"t.py", "<module>"};
    static MgFrame fr = {0, &fr_code, 5, 1};
    mg_frame_top = &fr;
    MgStr *out[3];
    switch (n) {
    case 0: mg_str_slice(S("abc"), 0, 0, 0, false, false, true); break;
    case 1: mg_ord(S("ab")); break;
    case 2: mg_ord(S("")); break;
    case 3: mg_chr(-1); break;
    case 4: mg_chr(0x110000); break;
    case 5: mg_str_split(S("a b"), S(""), -1); break;
    case 6: mg_str_rsplit(S("a b"), S(""), -1); break;
    case 7: mg_str_partition(S("a b"), S(""), out); break;
    case 8: mg_str_rpartition(S("a b"), S(""), out); break;
    case 9: mg_str_index_of(S("abc"), S("d")); break;
    case 10: mg_str_center(S("a"), 5, S("ab")); break;
    case 11: mg_str_ljust(S("a"), 5, S("")); break;
    case 12: mg_str_rjust(S("abc"), 1, S("\xc3\xa9\xc3\xa9")); break;
    case 13: mg_format_float(1.5, S("d")); break;
    case 14: mg_format_str(S("x"), S("+")); break;
    case 15: mg_format_int(7, S(",s")); break;
    case 16: mg_format_float(1.5, S(".")); break;
    case 17: mg_format_int(-1, S("c")); break;
    case 18: mg_float_round(1.7976931348623157e308, -308); break;
    case 19: mg_float_round_int(__builtin_inf()); break;
    case 20: mg_float_round_int(__builtin_nan("")); break;
    case 21: mg_float_round_int(1e19); break;      /* mgen: int64 overflow */
    case 22: mg_int_round(INT64_MAX, -1); break;   /* mgen: int64 overflow */
    case 23: mg_format_bool(true, S("s")); break;
    case 24: mg_str_slice(S("\xc3\xa9t\xc3\xa9"), 1, 2, 0, true, true, true); break;
    }
    mg_exit(0); /* not reached */
}

void mg_module_main(void) {
    if (mg_argc > 1) {
        int n = 0;
        for (const char *p = mg_argv[1]; *p; p++)
            n = n * 10 + (*p - '0');
        error_case(n);
    }
    for (unsigned i = 0; i < NS; i++) {
        MgStr *s = S(strs[i]);
        /* no-argument methods */
        op("lower"); hs(s); rstr(mg_str_lower(s));
        op("upper"); hs(s); rstr(mg_str_upper(s));
        op("title"); hs(s); rstr(mg_str_title(s));
        op("capitalize"); hs(s); rstr(mg_str_capitalize(s));
        op("swapcase"); hs(s); rstr(mg_str_swapcase(s));
        op("isdigit"); hs(s); rbool(mg_str_isdigit(s));
        op("isalpha"); hs(s); rbool(mg_str_isalpha(s));
        op("isalnum"); hs(s); rbool(mg_str_isalnum(s));
        op("isspace"); hs(s); rbool(mg_str_isspace(s));
        op("isupper"); hs(s); rbool(mg_str_isupper(s));
        op("islower"); hs(s); rbool(mg_str_islower(s));
        op("splitlines"); hs(s); mg_write_cstr(" b0", 3); rlist(mg_str_splitlines(s, false));
        op("splitlines"); hs(s); mg_write_cstr(" b1", 3); rlist(mg_str_splitlines(s, true));
        op("len"); hs(s); rint(s->nchars);
        op("iter"); hs(s);
        {
            MgBuf b; /* the characters, joined by '|' */
            mg_buf_init(&b);
            int64_t pos = 0;
            MgStr *c;
            while ((c = mg_str_next_char(s, &pos))) {
                mg_buf_put(&b, c->data, (size_t)c->len);
                mg_buf_putc(&b, '|');
                if (c->nchars == 1) { /* ord / chr round trip */
                    int64_t o = mg_ord(c);
                    if (!mg_str_eq(mg_chr(o), c))
                        mg_buf_put(&b, "CHR-MISMATCH", 12);
                }
            }
            rstr(mg_buf_to_str(&b));
        }
        for (int64_t w = -1; w <= 12; w += (w < 6 ? 1 : 3)) {
            op("zfill"); hs(s); ia(w); rstr(mg_str_zfill(s, w));
            static const char *const fills[] = {NULL, "*", "\xc3\xa9", "\xf0\x9f\x98\x80"};
            for (int k = 0; k < 4; k++) {
                MgStr *fc = fills[k] ? S(fills[k]) : NULL;
                op("center"); hs(s); ia(w); opt(fc); rstr(mg_str_center(s, w, fc));
                op("ljust"); hs(s); ia(w); opt(fc); rstr(mg_str_ljust(s, w, fc));
                op("rjust"); hs(s); ia(w); opt(fc); rstr(mg_str_rjust(s, w, fc));
            }
        }
        static const char *const strip_chars[] = {NULL, "", " ", "a", "x\xc3\xa9", "ab ", ",", "\xf0\x9f\x98\x80" "a"};
        for (int k = 0; k < 8; k++) {
            MgStr *cs = strip_chars[k] ? S(strip_chars[k]) : NULL;
            op("strip"); hs(s); opt(cs); rstr(mg_str_strip(s, cs));
            op("lstrip"); hs(s); opt(cs); rstr(mg_str_lstrip(s, cs));
            op("rstrip"); hs(s); opt(cs); rstr(mg_str_rstrip(s, cs));
        }
        for (int64_t m = -1; m <= 3; m++) {
            op("split"); hs(s); mg_write_cstr(" n", 2); ia(m); rlist(mg_str_split(s, NULL, m));
            op("rsplit"); hs(s); mg_write_cstr(" n", 2); ia(m); rlist(mg_str_rsplit(s, NULL, m));
        }
        for (unsigned j = 0; j < NSEP; j++) {
            MgStr *t = S(seps[j]);
            op("in"); hs(s); hs(t); rbool(mg_str_contains(s, t));
            op("find"); hs(s); hs(t); rint(mg_str_find(s, t));
            op("rfind"); hs(s); hs(t); rint(mg_str_rfind(s, t));
            if (mg_str_find(s, t) >= 0) {
                op("index"); hs(s); hs(t); rint(mg_str_index_of(s, t));
            }
            op("count"); hs(s); hs(t); rint(mg_str_count(s, t));
            op("startswith"); hs(s); hs(t); rbool(mg_str_startswith(s, t));
            op("endswith"); hs(s); hs(t); rbool(mg_str_endswith(s, t));
            op("concat"); hs(s); hs(t);
            {
                MgPart parts[3] = {{s->data, s->len, s->nchars},
                                   {t->data, t->len, t->nchars},
                                   {s->data, s->len, s->nchars}};
                rstr(mg_str_concat_parts(parts, 3));
            }
            static const char *const news[] = {"", "-", "\xc3\xa9\xc3\xa9"};
            for (int k = 0; k < 3; k++)
                for (int64_t c = -1; c <= 2; c++) {
                    op("replace"); hs(s); hs(t); hs(S(news[k])); ia(c);
                    rstr(mg_str_replace(s, t, S(news[k]), c));
                }
            if (t->len) {
                MgStr *out[3];
                op("partition"); hs(s); hs(t); mg_str_partition(s, t, out); rtuple(out);
                op("rpartition"); hs(s); hs(t); mg_str_rpartition(s, t, out); rtuple(out);
                for (int64_t m = -1; m <= 3; m++) {
                    op("split"); hs(s); hs(t); ia(m); rlist(mg_str_split(s, t, m));
                    op("rsplit"); hs(s); hs(t); ia(m); rlist(mg_str_rsplit(s, t, m));
                }
            }
            /* join: the sep with the pieces of s split at sep */
            if (t->len) {
                MgList *parts = mg_str_split(s, t, -1);
                op("join"); hs(t); mg_write_cstr(" l", 2);
                for (int64_t k = 0; k < parts->len; k++) {
                    MgStr *p = ((MgStr **)(void *)parts->data)[k];
                    if (k)
                        mg_write_cstr(",", 1);
                    for (int64_t q = 0; q < p->len; q++) {
                        char b[2] = {"0123456789abcdef"[(unsigned char)p->data[q] >> 4],
                                     "0123456789abcdef"[p->data[q] & 15]};
                        mg_write_cstr(b, 2);
                    }
                }
                rstr(mg_str_join(S("<\xc3\xa9>"), parts));
            }
        }
        /* slicing: every start/stop/step combination on some strings */
        if (i % 4 == 0 || s->len != s->nchars) {
            for (int a = -1; a < 10; a++)
                for (int b = -1; b < 10; b++)
                    for (int c = -1; c < 9; c++) {
                        op("slice"); hs(s);
                        if (a < 0) mg_write_cstr(" n", 2); else ia(slice_idx[a]);
                        if (b < 0) mg_write_cstr(" n", 2); else ia(slice_idx[b]);
                        if (c < 0) mg_write_cstr(" n", 2); else ia(slice_steps[c]);
                        rstr(mg_str_slice(s, a < 0 ? 0 : slice_idx[a], b < 0 ? 0 : slice_idx[b],
                                          c < 0 ? 0 : slice_steps[c], a >= 0, b >= 0, c >= 0));
                    }
        }
    }
    /* Join of an empty list and of one element. */
    {
        MgList *l = mg_list_new(&mg_type_str, 0);
        op("join"); hs(S(", ")); mg_write_cstr(" l", 2); rstr(mg_str_join(S(", "), l));
    }
    /* Every Latin-1 code point and a few beyond: classes and case maps. */
    static const int64_t extra_cps[] = {0x1680, 0x2000, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F,
                                        0x205F, 0x3000, 0xFEFF, 0x20AC, 0x1F600, 0x10FFFF, 0xE000};
    for (int64_t c = 0; c < 256 + (int64_t)(sizeof extra_cps / sizeof *extra_cps); c++) {
        int64_t cp = c < 256 ? c : extra_cps[c - 256];
        MgStr *s = mg_chr(cp);
        op("cp"); ia(cp);
        sp(); mg_write_int(mg_ord(s));
        sp(); mg_write_bool(mg_str_isalpha(s)); mg_write_bool(mg_str_isdigit(s)); mg_write_bool(mg_str_isalnum(s));
        mg_write_bool(mg_str_isspace(s)); mg_write_bool(mg_str_isupper(s)); mg_write_bool(mg_str_islower(s));
        MgStr *s2 = mg_str_concat(s, S("a"));
        sp(); mg_write_str(mg_str_repr(mg_str_upper(s))); mg_write_str(mg_str_repr(mg_str_lower(s)));
        mg_write_str(mg_str_repr(mg_str_title(s2))); mg_write_str(mg_str_repr(mg_str_swapcase(s)));
        mg_write_str(mg_str_repr(mg_str_capitalize(s2)));
        MgStr *w = mg_str_concat(mg_str_concat(S("a"), s), S("b"));
        sp(); mg_write_int(mg_str_split(w, NULL, -1)->len); mg_write_int(mg_str_splitlines(w, false)->len);
        mg_write_int(mg_str_strip(s, NULL)->len);
        nl();
    }
}
