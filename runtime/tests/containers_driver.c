/* Values, lists, dicts, sets and the allocator. Without arguments prints
 * the lines that containers_oracle.py recomputes with CPython (the same
 * operations in the same order, fed by the same LCG); with an argument N
 * runs error case N, which must end the process with a traceback (the
 * oracle's "errors" mode lists the expected exception lines). */
#include "../mg_internal.h"

/* ---- the LCG shared with the oracle ---------------------------------- */
static uint64_t lcg = 0x9E3779B97F4A7C15ull;
static uint64_t step(void) { return lcg = lcg * 6364136223846793005ull + 1442695040888963407ull; }
static int64_t r(int64_t n) { return (int64_t)((step() >> 33) % (uint64_t)n); }
static int64_t rnd(void) {
    uint64_t s = step();
    return (int64_t)(s ^ (s >> 31)) >> (s >> 58);
}
static double rfloat(void) {
    uint64_t u = step();
    if (((u >> 52) & 0x7FF) == 0x7FF)
        u ^= 1ull << 62;
    return mg_u2f(u);
}

/* ---- printing: "label v1 v2 ...", each value as repr() ------------------ */
static void lab(const char *s) { mg_write_cstr(s, (int64_t)mg_cstrlen(s)); }
static void sp(void) { mg_write_cstr(" ", 1); }
static void nl(void) { mg_write_cstr("\n", 1); }
static void oi(int64_t v) { sp(); mg_write_int(v); }
static void ob(bool b) { sp(); mg_write_bool(b); }
static void of(double f) { sp(); mg_write_float(f); }
static void onone(void) { lab(" None"); }
static void ov(const MgType *t, const void *a) {
    sp();
    MgStr *s = mg_val_repr(t, a);
    mg_write_str(s);
    mg_str_free(s);
}
static void ol(MgList *l) { ov(&mg_type_list, &l); }
static void od(MgDict *d) { ov(&mg_type_dict, &d); }
static void os_(MgSet *s) { ov(&mg_type_set, &s); }

static MgStr *S(const char *s) { return mg_str_new(s, (int64_t)mg_cstrlen(s)); }
static void decref_list(MgList *l) { mg_val_decref(&mg_type_list, &l); }

/* ---- tuple shapes ------------------------------------------------------- */
typedef struct { int64_t a, b; } II;
typedef struct { int64_t a; } I1;
typedef struct { II a; double b; } NF;
typedef struct { uint8_t a; int64_t b; } BI;
typedef struct { int64_t a; double b; } IF;
typedef struct { int64_t a; MgStr *b; } IS;
typedef struct { MgStr *a; int64_t b; } SI;
typedef struct { II a; MgStr *b; } IIS;
typedef struct { double a, b; } FF;

#define OFF(T, f) ((int64_t)__builtin_offsetof(T, f))
#define TUPLE2(name, T, t0, t1)                                          \
    static const MgType *const name##_f[] = {t0, t1};                   \
    static const int64_t name##_o[] = {OFF(T, a), OFF(T, b)};           \
    static const MgType name = {MG_KIND_TUPLE, sizeof(T), _Alignof(T), 2, name##_f, name##_o}

TUPLE2(T_II, II, &mg_type_int, &mg_type_int);
TUPLE2(T_NF, NF, &T_II, &mg_type_float);
TUPLE2(T_BI, BI, &mg_type_bool, &mg_type_int);
TUPLE2(T_IF, IF, &mg_type_int, &mg_type_float);
TUPLE2(T_IS, IS, &mg_type_int, &mg_type_str);
TUPLE2(T_SI, SI, &mg_type_str, &mg_type_int);
TUPLE2(T_IIS, IIS, &T_II, &mg_type_str);
TUPLE2(T_FF, FF, &mg_type_float, &mg_type_float);
static const MgType *const T_I1_f[] = {&mg_type_int};
static const int64_t T_I1_o[] = {0};
static const MgType T_I1 = {MG_KIND_TUPLE, 8, _Alignof(int64_t), 1, T_I1_f, T_I1_o};
static const MgType T_0 = {MG_KIND_TUPLE, 0, 1, 0, 0, 0};
static const MgType *const T_00_f[] = {&T_0, &T_0};
static const int64_t T_00_o[] = {0, 0};
static const MgType T_00 = {MG_KIND_TUPLE, 0, 1, 2, T_00_f, T_00_o};

/* ---- list helpers --------------------------------------------------------- */
static MgList *LI(void) { return mg_list_new(&mg_type_int, 0); }
static void ai(MgList *l, int64_t v) { mg_list_append(l, &v); }
static int64_t gi(MgList *l, int64_t i) { return *(int64_t *)mg_list_at(l, i); }
static void af(MgList *l, double v) { mg_list_append(l, &v); }
static void as(MgList *l, const char *s) {
    MgStr *x = S(s);
    mg_list_append(l, &x);
}
static void ab(MgList *l, bool b) {
    uint8_t v = b;
    mg_list_append(l, &v);
}
static void aII(MgList *l, int64_t a, int64_t b) {
    II t = {a, b};
    mg_list_append(l, &t);
}
static MgList *ints(const int64_t *v, int n) {
    MgList *l = LI();
    for (int i = 0; i < n; i++)
        ai(l, v[i]);
    return l;
}
static MgList *slice_to(MgList *l, int64_t stop) { return mg_list_slice(l, 0, stop, 0, false, true, false); }
static MgList *slice_from(MgList *l, int64_t start) { return mg_list_slice(l, start, 0, 0, true, false, false); }

/* ---- hashes --------------------------------------------------------------- */
static void hashes(void) {
    static const int64_t fixed[] = {0, 1, -1, -2, 2, (1ll << 61) - 2, (1ll << 61) - 1, 1ll << 61,
                                    -((1ll << 61) - 1), -(1ll << 61), INT64_MAX, INT64_MIN};
    int64_t iv[42];
    for (int i = 0; i < 12; i++)
        iv[i] = fixed[i];
    for (int i = 12; i < 42; i++)
        iv[i] = rnd();
    for (int i = 0; i < 42; i++) {
        lab("Hi");
        oi(iv[i]);
        oi(mg_val_hash(&mg_type_int, &iv[i]));
        nl();
    }
    static const double ffixed[] = {0.0, -0.0, 1.0, -1.0, 1.5, -2.5, 0.1, 1e300, -1e-300, 5e-324,
                                     2.2250738585072014e-308, __builtin_inf(), -__builtin_inf(),
                                     2305843009213693952.0, 4611686018427387904.0, 1e22, 123456789.125,
                                     -2305843009213693951.0};
    double fv[48];
    for (int i = 0; i < 18; i++)
        fv[i] = ffixed[i];
    for (int i = 18; i < 48; i++)
        fv[i] = rfloat();
    for (int i = 0; i < 48; i++) {
        lab("Hf");
        of(fv[i]);
        oi(mg_val_hash(&mg_type_float, &fv[i]));
        nl();
    }
    uint8_t t = 1, f = 0;
    lab("Hb");
    oi(mg_val_hash(&mg_type_bool, &t));
    oi(mg_val_hash(&mg_type_bool, &f));
    nl();
#define HT(T, v)                             \
    do {                                     \
        lab("Ht");                           \
        ov(&T, &v);                          \
        oi(mg_val_hash(&T, &v));             \
        nl();                                \
    } while (0)
    II t1 = {1, 2}, t2 = {-1, -2};
    I1 t3 = {0}, t9 = {-1};
    char t4 = 0;
    NF t5 = {{1, 2}, 3.5};
    BI t6 = {1, -7};
    IF t7 = {1ll << 61, 1.5};
    HT(T_II, t1);
    HT(T_II, t2);
    HT(T_I1, t3);
    HT(T_0, t4);
    HT(T_NF, t5);
    HT(T_BI, t6);
    HT(T_IF, t7);
    HT(T_00, t4);
    HT(T_I1, t9);
    for (int i = 0; i < 10; i++) {
        II x;
        x.a = rnd();
        x.b = r(100);
        HT(T_II, x);
    }
}

/* ---- lists ---------------------------------------------------------------- */
static void lists(void) {
    MgList *l = LI();
    for (int i = 0; i < 40; i++)
        ai(l, r(100) - 50);
    lab("L0"); ol(l); nl();
    int64_t v7 = gi(l, 7), v3 = gi(l, 3), v5 = gi(l, 5), k1000 = 1000;
    lab("L1"); oi(l->len); oi(mg_list_index(l, &v7)); oi(mg_list_count(l, &v3));
    ob(mg_list_contains(l, &v5)); ob(mg_list_contains(l, &k1000)); oi(gi(l, -1)); oi(gi(l, 0)); nl();
    int64_t x;
    x = 111; mg_list_insert(l, 0, &x);
    x = 222; mg_list_insert(l, -1, &x);
    x = 333; mg_list_insert(l, -100, &x);
    x = 444; mg_list_insert(l, 100, &x);
    x = 555; mg_list_insert(l, 5, &x);
    lab("L2"); ol(l); nl();
    int64_t a, b, c, d;
    mg_list_pop(l, -1, &a);
    mg_list_pop(l, 0, &b);
    mg_list_pop(l, -2, &c);
    mg_list_pop(l, 3, &d);
    lab("L3"); oi(a); oi(b); oi(c); oi(d); ol(l); nl();
    x = gi(l, 10); mg_list_remove(l, &x);
    x = 555; mg_list_remove(l, &x);
    lab("L4"); ol(l); nl();
    mg_list_reverse(l);
    lab("L5"); ol(l); nl();
    x = 7; mg_list_setitem(l, 3, &x);
    x = 8; mg_list_setitem(l, -1, &x);
    mg_list_delitem(l, 0);
    mg_list_delitem(l, -2);
    lab("L6"); ol(l); nl();
    /* {start, stop, step, has_start, has_stop, has_step} as in the oracle's specs */
    static const int64_t specs[][6] = {
        {0, 0, 0, 0, 0, 0}, {2, 0, 0, 1, 0, 0}, {0, 5, 0, 0, 1, 0}, {-3, 0, 0, 1, 0, 0}, {0, -3, 0, 0, 1, 0},
        {1, 10, 2, 1, 1, 1}, {0, 0, -1, 0, 0, 1}, {10, 2, -2, 1, 1, 1}, {-1, -10, -3, 1, 1, 1},
        {100, 0, 0, 1, 0, 0}, {0, 0, 3, 0, 0, 1}, {-100, 100, 0, 1, 1, 0}, {5, 5, 0, 1, 1, 0},
        {8, 2, 0, 1, 1, 0}, {0, 0, -4, 0, 0, 1}, {INT64_MAX, INT64_MIN, -1, 1, 1, 1},
        {INT64_MIN, INT64_MAX, INT64_MAX, 1, 1, 1}, {0, 0, INT64_MIN, 0, 0, 1}};
    for (int i = 0; i < (int)(sizeof specs / sizeof specs[0]); i++) {
        const int64_t *s = specs[i];
        MgList *sl = mg_list_slice(l, s[0], s[1], s[2], s[3], s[4], s[5]);
        lab("S"); oi(i); ol(sl); nl();
        decref_list(sl);
    }
    MgList *h3 = slice_to(l, 3), *e1 = LI(), *e2 = LI(), *h2 = slice_to(l, 2), *h4 = slice_to(l, 4), *e3 = LI();
    lab("L7"); ol(mg_list_concat(l, h3)); ol(mg_list_concat(e1, e2)); ol(mg_list_concat(h2, e3)); nl();
    lab("L8"); ol(mg_list_repeat(h4, 3)); ol(mg_list_repeat(h4, 0)); ol(mg_list_repeat(h4, -1));
    ol(mg_list_repeat(e1, 5)); nl();
    MgList *cp = mg_list_copy(l);
    mg_list_extend(cp, cp);
    lab("L9"); ol(cp); ol(l); nl();
    mg_list_clear(cp);
    lab("L10"); ol(cp); oi(cp->len); nl();
    MgList *big = LI();
    for (int64_t i = 0; i < 1000; i++)
        ai(big, i * 3);
    for (int i = 0; i < 990; i++)
        mg_list_pop(big, -1, &x);
    lab("L11"); ol(big); oi(big->len); nl();
    decref_list(big);
    decref_list(l);

    /* floats, strs, bools, lists, tuples, dicts as elements */
    MgList *fl = mg_list_new(&mg_type_float, 0);
    static const double fvals[] = {1.5, -0.0, 1e100, 0.0, __builtin_inf(), -1e-7, 3.0};
    for (int i = 0; i < 7; i++)
        af(fl, i == 3 ? 0.1 + 0.2 : fvals[i]);
    double f3 = 3.0, f03 = 0.30000000000000004;
    lab("F0"); ol(fl); oi(mg_list_index(fl, &f3)); ob(mg_list_contains(fl, &f03)); nl();
    mg_list_sort(fl, false);
    lab("F1"); ol(fl); nl();
    MgList *sl = mg_list_new(&mg_type_str, 0);
    static const char *const svals[] = {"b", "it's", "a\nb", "", "caf\xc3\xa9", "say \"hi\"", "a", "B"};
    for (int i = 0; i < 8; i++)
        as(sl, svals[i]);
    MgStr *sa = S("a"), *sB = S("B"), *szz = S("zz");
    lab("T0"); ol(sl); oi(mg_list_index(sl, &sa)); ob(mg_list_contains(sl, &sB)); oi(mg_list_count(sl, &szz)); nl();
    mg_list_sort(sl, false);
    lab("T1"); ol(sl); nl();
    mg_list_sort(sl, true);
    lab("T2"); ol(sl); nl();
    MgList *bl = mg_list_new(&mg_type_bool, 0);
    ab(bl, true); ab(bl, false); ab(bl, true);
    uint8_t tru = 1;
    lab("B0"); ol(bl); oi(mg_list_count(bl, &tru)); nl();
    mg_list_sort(bl, false);
    lab("B1"); ol(bl); nl();
    MgList *ll = mg_list_new(&mg_type_list, 0);
    static const int64_t n12[] = {1, 2}, n3[] = {3}, n1[] = {1}, n120[] = {1, 2, 0}, n05[] = {0, 5};
    MgList *parts[] = {ints(n12, 2), LI(), ints(n3, 1), ints(n1, 1), ints(n120, 3), ints(n05, 2)};
    for (int i = 0; i < 6; i++)
        mg_list_append(ll, &parts[i]);
    MgList *q3 = ints(n3, 1), *q1 = ints(n1, 1);
    lab("N0"); ol(ll); oi(mg_list_index(ll, &q3)); ob(mg_list_contains(ll, &q1)); nl();
    mg_list_sort(ll, false);
    lab("N1"); ol(ll); nl();
    MgList *tl = mg_list_new(&T_IS, 0);
    for (int i = 0; i < 12; i++) {
        IS t;
        t.a = r(5);
        MgStr *xs = S("x");
        t.b = mg_str_repeat(xs, r(3));
        mg_list_append(tl, &t);
    }
    lab("U0"); ol(tl); nl();
    mg_list_sort(tl, false);
    lab("U1"); ol(tl); nl();
    mg_list_sort(tl, true);
    lab("U2"); ol(tl); nl();
    MgList *u1 = mg_list_new(&T_I1, 0), *u2 = mg_list_new(&T_0, 0), *u3 = mg_list_new(&T_NF, 0);
    I1 i1 = {1}, i2 = {2};
    mg_list_append(u1, &i1);
    mg_list_append(u1, &i2);
    char empty = 0;
    mg_list_append(u2, &empty);
    NF nf = {{1, 2}, 0.5};
    mg_list_append(u3, &nf);
    lab("U3"); ol(u1); ol(u2); ol(u3); nl();
    MgList *dl = mg_list_new(&mg_type_dict, 0);
    MgDict *dd = mg_dict_new(&mg_type_str, &mg_type_list);
    MgList *fa = mg_list_new(&mg_type_float, 0);
    af(fa, 1.5); af(fa, 2.5);
    MgStr *ka = S("a"), *kb = S("b");
    MgList *fb = mg_list_new(&mg_type_float, 0);
    mg_dict_set(dd, &ka, &fa);
    mg_dict_set(dd, &kb, &fb);
    MgDict *de = mg_dict_new(&mg_type_str, &mg_type_int);
    mg_list_append(dl, &dd);
    mg_list_append(dl, &de);
    lab("D0"); ol(dl); nl();
    decref_list(dl);

    /* == and ordering */
    MgList *p12 = ints(n12, 2), *p12b = ints(n12, 2), *p13 = LI(), *pe = LI(), *pe2 = LI();
    ai(p13, 1); ai(p13, 3);
    MgList *nn1 = mg_list_new(&mg_type_list, 0), *nn2 = mg_list_new(&mg_type_list, 0);
    MgList *w1 = ints(n1, 1), *w2 = ints(n1, 1);
    mg_list_append(nn1, &w1);
    mg_list_append(nn2, &w2);
    MgList *g1 = mg_list_new(&mg_type_float, 0), *g2 = mg_list_new(&mg_type_float, 0);
    af(g1, 1.0); af(g2, 1.0);
    lab("E0"); ob(mg_val_eq(&mg_type_list, &p12, &p12b)); ob(mg_val_eq(&mg_type_list, &p12, &p13));
    ob(mg_val_eq(&mg_type_list, &pe, &pe2)); ob(mg_val_eq(&mg_type_list, &nn1, &nn2));
    ob(mg_val_eq(&mg_type_list, &g1, &g2)); nl();
#define CMPL(x, y)                                      \
    do {                                                \
        lab("C"); ol(x); ol(y);                         \
        oi(mg_val_cmp(&mg_type_list, &x, &y)); nl();    \
    } while (0)
    static const int64_t n123[] = {1, 2, 3}, n13x[] = {1, 3};
    MgList *c1 = ints(n12, 2), *c2 = ints(n123, 3), *c3 = ints(n13x, 2), *c4 = LI(), *c5 = LI();
    CMPL(c1, c2);
    CMPL(c3, c2);
    CMPL(c4, c5);
    MgList *c6 = mg_list_new(&mg_type_float, 0), *c7 = mg_list_new(&mg_type_float, 0);
    af(c6, __builtin_nan("")); af(c7, __builtin_nan(""));
    CMPL(c6, c7);
    MgList *c8 = mg_list_new(&mg_type_float, 0), *c9 = mg_list_new(&mg_type_float, 0);
    af(c8, 0.0); af(c9, -0.0);
    CMPL(c8, c9);
    MgList *c10 = mg_list_new(&mg_type_str, 0), *c11 = mg_list_new(&mg_type_str, 0);
    as(c10, "a"); as(c11, "a"); as(c11, "b");
    CMPL(c10, c11);
    MgList *c12 = mg_list_new(&mg_type_list, 0), *c13 = mg_list_new(&mg_type_list, 0);
    MgList *c12a = ints(n12, 2), *c13a = ints(n13x, 2);
    mg_list_append(c12, &c12a);
    mg_list_append(c13, &c13a);
    CMPL(c12, c13);
#define CMPT(T, x, y)                              \
    do {                                           \
        lab("C"); ov(&T, &x); ov(&T, &y);          \
        oi(mg_val_cmp(&T, &x, &y)); nl();          \
    } while (0)
    IS s1 = {1, S("a")}, s2 = {1, S("b")}, s3 = {2, S("a")}, s4 = {1, S("a")};
    CMPT(T_IS, s1, s2);
    CMPT(T_IS, s3, s2);
    CMPT(T_IS, s1, s4);
    FF ff1 = {1.5, __builtin_nan("")}, ff2 = {1.5, __builtin_nan("")};
    CMPT(T_FF, ff1, ff2);
}

/* ---- sorting -------------------------------------------------------------- */
static MgList *firsts(MgList *l, bool neg) { /* keys: t[0] or -t[0] of (int, int) tuples */
    MgList *k = LI();
    for (int64_t i = 0; i < l->len; i++) {
        II *t = mg_list_at(l, i);
        ai(k, neg ? -t->a : t->a);
    }
    return k;
}

static void sorting(void) {
    static const int ns[] = {0, 1, 2, 5, 17, 100, 2000};
    for (int k = 0; k < 7; k++) {
        MgList *v = LI();
        for (int i = 0; i < ns[k]; i++)
            ai(v, r(50));
        MgList *w = mg_list_copy(v);
        mg_list_sort(w, false);
        bool ok = true;
        for (int64_t i = 1; i < w->len; i++)
            ok &= gi(w, i - 1) <= gi(w, i);
        lab("Q"); oi(ns[k]); ob(ok); ol(slice_to(w, 10)); ol(slice_from(w, -10)); nl();
        decref_list(v);
        decref_list(w);
    }
    MgList *recs = mg_list_new(&T_II, 0);
    for (int64_t i = 0; i < 300; i++)
        aII(recs, r(7), i);
    MgList *ks = mg_list_copy(recs);
    mg_list_sort_by_keys(ks, firsts(ks, false), false);
    lab("K0"); ol(slice_to(ks, 40)); ol(slice_from(ks, -20)); nl();
    decref_list(ks);
    ks = mg_list_copy(recs);
    mg_list_sort_by_keys(ks, firsts(ks, false), true);
    lab("K1"); ol(slice_to(ks, 40)); ol(slice_from(ks, -20)); nl();
    MgList *rr = mg_list_new(&T_II, 0);
    for (int64_t i = 0; i < 60; i++)
        aII(rr, r(4), i);
    mg_list_sort_by_keys(rr, firsts(rr, true), false);
    lab("K2"); ol(rr); nl();
    MgList *fs = mg_list_new(&mg_type_float, 0);
    for (int i = 0; i < 200; i++)
        af(fs, rfloat());
    mg_list_sort(fs, false);
    lab("K3"); ol(slice_to(fs, 5)); ol(slice_from(fs, -5)); nl();
    MgList *ss = mg_list_new(&mg_type_str, 0);
    for (int i = 0; i < 300; i++) {
        MgStr *w = S("w"), *num = mg_str_from_int(r(1000));
        MgStr *cat = mg_str_concat(w, num);
        mg_str_free(w);
        mg_str_free(num);
        mg_list_append(ss, &cat);
    }
    mg_list_sort(ss, false);
    lab("K4"); ol(slice_to(ss, 8)); ol(slice_from(ss, -8)); nl();
    MgList *lens = LI();
    for (int64_t i = 0; i < ss->len; i++)
        ai(lens, (*(MgStr **)mg_list_at(ss, i))->nchars);
    mg_list_sort_by_keys(ss, lens, true);
    lab("K5"); ol(slice_to(ss, 8)); ol(slice_from(ss, -8)); nl();
}

/* ---- dicts ------------------------------------------------------------------ */
static void dset_si(MgDict *d, const char *k, int64_t v) {
    MgStr *s = S(k);
    mg_dict_set(d, &s, &v);
}

static void dicts(void) {
    MgDict *d = mg_dict_new(&mg_type_str, &mg_type_int);
    static const char *const words[] = {"apple", "pear", "fig", "kiwi", "plum"};
    for (int i = 0; i < 5; i++)
        dset_si(d, words[i], (int64_t)mg_cstrlen(words[i]));
    lab("D1"); od(d); oi(mg_dict_len(d)); nl();
    dset_si(d, "fig", 30);
    MgStr *pear = S("pear");
    mg_dict_delitem(d, &pear);
    dset_si(d, "pear", 4);
    lab("D2"); od(d); nl();
    MgStr *apple = S("apple"), *kiwi = S("kiwi"), *zzz = S("zzz");
    int64_t v;
    mg_dict_pop(d, &apple, &v);
    lab("D3"); oi(v); od(d); ob(mg_dict_contains(d, &apple)); ob(mg_dict_contains(d, &kiwi));
    if (mg_dict_find(d, &zzz)) oi(*(int64_t *)mg_dict_find(d, &zzz)); else onone();
    nl();
    lab("D4"); ol(mg_dict_keys(d)); ol(mg_dict_values(d)); ol(mg_dict_items(d, &T_SI)); nl();
    MgDict *e = mg_dict_copy(d), *u = mg_dict_new(&mg_type_str, &mg_type_int);
    dset_si(u, "kiwi", 0);
    dset_si(u, "lime", 9);
    mg_dict_update(e, u);
    MgDict *dc = mg_dict_copy(d);
    lab("D5"); od(e); od(d); ob(mg_val_eq(&mg_type_dict, &e, &d)); ob(mg_val_eq(&mg_type_dict, &dc, &d)); nl();
    mg_dict_clear(e);
    lab("D6"); od(e); oi(mg_dict_len(e)); nl();
    dset_si(e, "x", 1);
    lab("D7"); od(e); nl();
    MgDict *dt = mg_dict_new(&T_II, &mg_type_str);
    II k12 = {1, 2}, k00 = {0, 0};
    MgStr *sa = S("a"), *sb = S("b"), *sc = S("c");
    mg_dict_set(dt, &k12, &sa);
    mg_dict_set(dt, &k00, &sb);
    mg_dict_set(dt, &k12, &sc);
    lab("D8"); od(dt); ol(mg_dict_items(dt, &T_IIS)); nl();
    MgDict *dfl = mg_dict_new(&mg_type_float, &mg_type_list);
    static const int64_t one[] = {1}, two3[] = {2, 3};
    double f1 = 1.5, f2 = 2.0, f3 = -0.0;
    MgList *la = ints(one, 1), *lb = LI(), *lc = ints(two3, 2);
    mg_dict_set(dfl, &f1, &la);
    mg_dict_set(dfl, &f2, &lb);
    mg_dict_set(dfl, &f3, &lc);
    lab("D9"); od(dfl); nl();
    mg_val_decref(&mg_type_dict, &dfl);

    /* 100,000 int keys */
    MgDict *dd = mg_dict_new(&mg_type_int, &mg_type_int);
    for (int64_t i = 0; i < 100000; i++) {
        int64_t k = i * 7919 % 1000003;
        mg_dict_set(dd, &k, &i);
    }
    for (int64_t i = 0; i < 100000; i += 3) {
        int64_t k = i * 7919 % 1000003;
        mg_dict_delitem(dd, &k);
    }
    int64_t acc = 0;
    for (int64_t i = 0; i < 100000; i++) {
        int64_t k = i * 7919 % 1000003;
        int64_t *p = mg_dict_find(dd, &k);
        if (p)
            acc = (acc * 31 + *p) % 1000000007;
    }
    MgList *keys = mg_dict_keys(dd), *vals = mg_dict_values(dd);
    int64_t sum = 0;
    for (int64_t i = 0; i < vals->len; i++)
        sum += gi(vals, i);
    lab("DB"); oi(mg_dict_len(dd)); oi(acc); ol(slice_to(keys, 5)); ol(slice_from(keys, -5)); oi(sum); nl();
    for (int64_t i = 0; i < 100000; i += 3) {
        int64_t nv = -i;
        mg_dict_set(dd, &i, &nv);
    }
    int64_t k99999 = 99999;
    lab("DC"); oi(mg_dict_len(dd)); ol(slice_from(mg_dict_keys(dd), -3)); oi(*(int64_t *)mg_dict_at(dd, &k99999)); nl();
    mg_val_decref(&mg_type_dict, &dd);
}

/* ---- sets ----------------------------------------------------------------- */
static void sadd(MgSet *s, int64_t v) { mg_set_add(s, &v); }
static MgSet *mk(int n, int64_t span) {
    MgSet *t = mg_set_new(&mg_type_int);
    for (int i = 0; i < n; i++)
        sadd(t, r(span));
    return t;
}

static void sets(void) {
    MgSet *s = mg_set_new(&mg_type_int);
    static const int64_t xs[] = {10, 3, 7, 100, 33, 64, 17};
    for (int i = 0; i < 7; i++)
        sadd(s, xs[i]);
    int64_t x7 = 7, x8 = 8, x3 = 3, x99 = 99, x100 = 100, a, b;
    lab("Z0"); os_(s); oi(mg_set_len(s)); ob(mg_set_contains(s, &x7)); ob(mg_set_contains(s, &x8)); nl();
    mg_set_discard(s, &x3);
    mg_set_discard(s, &x99);
    mg_set_remove(s, &x100);
    lab("Z1"); os_(s); nl();
    mg_set_pop(s, &a);
    mg_set_pop(s, &b);
    lab("Z2"); oi(a); oi(b); os_(s); nl();
    MgSet *e1 = mg_set_new(&mg_type_int), *e2 = mg_set_new(&mg_type_int), *o1 = mg_set_new(&mg_type_int),
          *o2 = mg_set_new(&mg_type_int);
    sadd(o1, 1);
    sadd(o2, 1);
    lab("Z3"); os_(e1); ob(mg_val_eq(&mg_type_set, &o1, &o2)); ob(mg_val_eq(&mg_type_set, &e1, &e2)); nl();
    static const int64_t spans[] = {20, 200, 5000, 1ll << 40};
    for (int trial = 0; trial < 6; trial++) {
        s = mg_set_new(&mg_type_int);
        int64_t span = spans[trial % 4];
        int64_t n = r(300) + 1;
        for (int64_t i = 0; i < n; i++) {
            int64_t op = r(10);
            if (op < 6) {
                sadd(s, r(span) - span / 4);
            } else if (op < 8) {
                int64_t v = r(span) - span / 4;
                mg_set_discard(s, &v);
            } else if (mg_set_len(s)) {
                mg_set_pop(s, &a);
            }
        }
        lab("ZR"); oi(trial); os_(s); nl();
        if (mg_set_len(s)) {
            mg_set_pop(s, &a);
            lab("ZP"); oi(a);
            if (mg_set_len(s)) {
                mg_set_pop(s, &b);
                oi(b);
            } else {
                onone();
            }
            os_(s); nl();
        }
    }
    MgSet *ts = mg_set_new(&T_II);
    for (int i = 0; i < 40; i++) {
        II t;
        t.a = r(6);
        t.b = r(6) - 3;
        mg_set_add(ts, &t);
    }
    lab("ZT"); os_(ts); nl();
    MgSet *fs = mg_set_new(&mg_type_float);
    static const double fx[] = {0.5, 1.0, 2.5, -0.0, 1e10, 1e-10, 3.25};
    for (int i = 0; i < 7; i++)
        mg_set_add(fs, &fx[i]);
    lab("ZF"); os_(fs); nl();
    MgSet *bs = mg_set_new(&mg_type_bool), *bf = mg_set_new(&mg_type_bool);
    uint8_t T = 1, F = 0;
    mg_set_add(bs, &T);
    mg_set_add(bs, &F);
    mg_set_add(bf, &F);
    lab("ZB"); os_(bs); os_(bf); nl();
    MgSet *strs = mg_set_new(&mg_type_str);
    static const char *const ws[] = {"x", "y", "x", "zz", ""};
    for (int i = 0; i < 5; i++) {
        MgStr *w = S(ws[i]);
        mg_set_add(strs, &w);
    }
    MgList *sorted = mg_list_new(&mg_type_str, 0);
    int64_t pos = 0;
    void *slot;
    while (mg_set_next(strs, &pos, &slot)) {
        mg_val_incref(&mg_type_str, slot);
        mg_list_append(sorted, slot);
    }
    mg_list_sort(sorted, false);
    lab("ZS"); ol(sorted); oi(mg_set_len(strs)); nl();
    static const int64_t shapes[][3] = {{10, 10, 30}, {50, 5, 100}, {5, 60, 100}, {200, 3, 1000},
                                        {3, 200, 300}, {40, 40, 60}, {0, 5, 10}, {100, 30, 1000000000}};
    for (int i = 0; i < 8; i++) {
        MgSet *A = mk((int)shapes[i][0], shapes[i][2]);
        MgSet *B = mk((int)shapes[i][1], shapes[i][2]);
        lab("ZO"); os_(mg_set_union(A, B)); os_(mg_set_intersection(A, B)); os_(mg_set_difference(A, B));
        os_(mg_set_difference(B, A)); os_(mg_set_symmetric_difference(A, B));
        os_(mg_set_symmetric_difference(B, A)); nl();
        MgSet *AB = mg_set_intersection(A, B), *Ac = mg_set_copy(A);
        lab("ZQ"); ob(mg_set_issubset(A, B)); ob(mg_set_issubset(AB, A)); ob(mg_val_eq(&mg_type_set, &A, &B));
        ob(mg_val_eq(&mg_type_set, &A, &Ac)); os_(mg_set_copy(A)); nl();
        MgSet *C = mg_set_copy(A);
        mg_set_update(C, B);
        lab("ZU"); os_(C); nl();
    }
    MgSet *E = mg_set_new(&mg_type_int);
    for (int64_t i = 0; i < 100; i++)
        sadd(E, i);
    for (int i = 0; i < 100; i++)
        mg_set_pop(E, &a);
    mg_set_clear(E);
    sadd(E, 5);
    sadd(E, 13);
    mg_set_pop(E, &a);
    lab("ZE"); os_(E); oi(a); os_(E); nl();
}

/* ---- allocator ------------------------------------------------------------ */
static void memory(void) {
    int64_t base, peak0, now, peak1, peak2, after;
    mg_alloc_stats(&base, &peak0);
    for (int round = 0; round < 2; round++) {
        MgList *l = LI();
        for (int64_t i = 0; i < 1000000; i++)
            ai(l, i);
        decref_list(l);
        mg_alloc_stats(&now, round ? &peak2 : &peak1);
    }
    mg_alloc_stats(&after, &peak2);
    /* Churn of small objects of many sizes: freed blocks must be reused. */
    int64_t before_churn;
    mg_alloc_stats(&before_churn, &peak0);
    MgStr *x = S("0123456789abcdef");
    for (int round = 0; round < 50; round++) {
        MgList *l = mg_list_new(&mg_type_str, 0);
        for (int64_t i = 0; i < 2000; i++) {
            MgStr *s = mg_str_repeat(x, i % 40);
            mg_list_append(l, &s);
        }
        decref_list(l);
    }
    int64_t after_churn;
    mg_alloc_stats(&after_churn, &peak0);
    /* The 1M-int list costs 8 MB of slots; growth by realloc may briefly
     * hold old and new arrays. CPython needs ~36 MB for the same list. */
    lab("M");
    oi(peak2 == peak1);
    oi(peak1 - base < 24 * 1000 * 1000);
    oi(after - base < 1024 * 1024 && after_churn - before_churn <= 2 * 1024 * 1024);
    nl();
}

/* ---- error cases ---------------------------------------------------------- */
static void error_case(int n) {
    static const int64_t n123[] = {1, 2, 3};
    MgList *l = ints(n123, 3);
    int64_t x;
    switch (n) {
    case 0: mg_list_at(l, 3); break;
    case 1: mg_list_pop(LI(), -1, &x); break;
    case 2: mg_list_pop(l, 5, &x); break;
    case 3: x = 0; mg_list_setitem(l, -4, &x); break;
    case 4: mg_list_delitem(l, 3); break;
    case 5: x = 9; mg_list_remove(l, &x); break;
    case 6: x = 7; mg_list_index(l, &x); break;
    case 7: {
        MgList *s = mg_list_new(&mg_type_str, 0);
        as(s, "a");
        as(s, "it's");
        MgStr *z = S("zed");
        mg_list_index(s, &z);
        break;
    }
    case 8: mg_list_slice(l, 0, 0, 0, false, false, true); break;
    case 9: {
        MgDict *d = mg_dict_new(&mg_type_str, &mg_type_int);
        dset_si(d, "a", 1);
        MgStr *z = S("zed");
        mg_dict_at(d, &z);
        break;
    }
    case 10: {
        MgDict *d = mg_dict_new(&mg_type_int, &mg_type_int);
        int64_t one = 1, three = 3;
        mg_dict_set(d, &one, &one);
        mg_dict_at(d, &three);
        break;
    }
    case 11: {
        MgDict *d = mg_dict_new(&T_II, &mg_type_int);
        II k = {1, 2}, k2 = {1, 3};
        int64_t zero = 0;
        mg_dict_set(d, &k, &zero);
        mg_dict_at(d, &k2);
        break;
    }
    case 12: {
        MgDict *d = mg_dict_new(&mg_type_str, &mg_type_int);
        dset_si(d, "x", 1);
        MgStr *y = S("y");
        mg_dict_delitem(d, &y);
        break;
    }
    case 13: mg_set_pop(mg_set_new(&mg_type_int), &x); break;
    case 14: {
        MgSet *s = mg_set_new(&mg_type_int);
        sadd(s, 1);
        sadd(s, 2);
        x = 5;
        mg_set_remove(s, &x);
        break;
    }
    case 15: mg_val_hash(&mg_type_list, &l); break;
    case 16: {
        MgDict *d = mg_dict_new(&mg_type_int, &mg_type_int);
        mg_val_hash(&mg_type_dict, &d);
        break;
    }
    case 17: {
        MgSet *s = mg_set_new(&mg_type_int);
        mg_val_hash(&mg_type_set, &s);
        break;
    }
    case 18: {
        MgDict *d = mg_dict_new(&mg_type_int, &mg_type_int);
        mg_val_cmp(&mg_type_dict, &d, &d);
        break;
    }
    case 19: {
        MgDict *d1 = mg_dict_new(&mg_type_int, &mg_type_int), *d2 = mg_dict_new(&mg_type_int, &mg_type_int);
        int64_t one = 1, two = 2, three = 3;
        mg_dict_set(d1, &one, &two);
        mg_dict_set(d2, &one, &three);
        MgList *a = mg_list_new(&mg_type_dict, 0), *b = mg_list_new(&mg_type_dict, 0);
        mg_list_append(a, &d1);
        mg_list_append(b, &d2);
        mg_val_cmp(&mg_type_list, &a, &b);
        break;
    }
    }
    lab("no error\n");
}

void mg_module_main(void) {
    if (mg_argc > 1) {
        int n = 0;
        for (const char *p = mg_argv[1]; *p; p++)
            n = n * 10 + (*p - '0');
        static const MgCode fr_code = {"t.py", "<module>"};
        static MgFrame fr = {0, &fr_code, 5, 1};
        mg_frame_top = &fr;
        error_case(n);
        return;
    }
    hashes();
    lists();
    sorting();
    dicts();
    sets();
    memory();
}
