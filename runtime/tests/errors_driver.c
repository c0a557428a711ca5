/* Raising in MG_RAISE_PROPAGATE mode (tests/runtime_errors.rs).
 *
 * Without arguments: calls every raising runtime function with arguments
 * that make it raise and prints, per case,
 *     NAME: <exception line> | <repr of the objects involved, afterwards>
 * which errors_oracle.py recomputes with CPython. Each case also checks
 * that the function returned its documented error value with mg_exc set
 * (else it prints "NAME: BAD ..."), then clears the exception and frees
 * every object, so that a hosted build under LeakSanitizer sees no leak.
 * Then the exception API (fetch, restore, str, the class hierarchy of
 * mg_exc_matches).
 *
 * `uncaught CASE MODE`: an exception no one catches, raised three (CASE a)
 * or 1202 (CASE b) frames deep; MODE 0 raises as today (MG_RAISE_EXIT), 1
 * propagates it through every frame (mg_exc_traceback_here) out of
 * mg_module_main, so that mg_rt_main prints it. Both must print the same
 * traceback as CPython. */
#include "../mg_internal.h"

/* ---- printing ------------------------------------------------------------ */
static void lab(const char *s) { mg_write_cstr(s, (int64_t)mg_cstrlen(s)); }
static void nl(void) { mg_write_cstr("\n", 1); }
static void ov(const MgType *t, const void *a) {
    MgStr *s = mg_val_repr(t, a);
    mg_write_str(s);
    mg_str_free(s);
}
static MgStr *S(const char *s) { return mg_str_new(s, (int64_t)mg_cstrlen(s)); }
static void drop_str(MgStr *s) { mg_val_decref(&mg_type_str, &s); }
static void drop_list(MgList *l) { mg_val_decref(&mg_type_list, &l); }
static void drop_dict(MgDict *d) { mg_val_decref(&mg_type_dict, &d); }
static void drop_set(MgSet *s) { mg_val_decref(&mg_type_set, &s); }

static int bad;

/* The line of a case: "NAME: Type: msg" from mg_exc, or a BAD marker when
 * the function did not raise or returned something other than its error
 * value (`ret_ok`). The exception is cleared. The caller then prints " | "
 * and the state, or nothing, and a newline (end()). */
static void report(const char *name, bool ret_ok) {
    lab(name);
    lab(": ");
    if (!mg_exc) {
        lab("BAD no exception");
        bad++;
        return;
    }
    if (!ret_ok) {
        lab("BAD return value, ");
        bad++;
    }
    lab(mg_exc->type);
    if (mg_exc->msg && mg_exc->msg->len) {
        lab(": ");
        mg_write_str(mg_exc->msg);
    }
    mg_exc_clear();
}
static void state(void) { lab(" | "); }
static void end(void) { nl(); }

/* ---- values --------------------------------------------------------------- */
static MgList *ints(int n, const int64_t *v) {
    MgList *l = mg_list_new(&mg_type_int, 0);
    for (int i = 0; i < n; i++)
        mg_list_append(l, &v[i]);
    return l;
}
static MgList *l123(void) {
    static const int64_t v[] = {1, 2, 3};
    return ints(3, v);
}
static MgList *strs(int n, const char *const *v) {
    MgList *l = mg_list_new(&mg_type_str, 0);
    for (int i = 0; i < n; i++) {
        MgStr *s = S(v[i]);
        mg_list_append(l, &s);
    }
    return l;
}
static MgDict *dict_ii(int64_t k, int64_t v) {
    MgDict *d = mg_dict_new(&mg_type_int, &mg_type_int);
    mg_dict_set(d, &k, &v);
    return d;
}
static MgList *list_of_dicts(int n, const int64_t *kv) {
    MgList *l = mg_list_new(&mg_type_dict, 0);
    for (int i = 0; i < n; i++) {
        MgDict *d = dict_ii(kv[2 * i], kv[2 * i + 1]);
        mg_list_append(l, &d);
    }
    return l;
}

typedef struct { int64_t a, b; } II;
typedef struct { int64_t a; MgList *b; } IL;
typedef struct { int64_t a; MgDict *b; } ID;
#define OFF(T, f) ((int64_t)__builtin_offsetof(T, f))
#define TUPLE2(name, T, t0, t1)                                          \
    static const MgType *const name##_f[] = {t0, t1};                   \
    static const int64_t name##_o[] = {OFF(T, a), OFF(T, b)};           \
    static const MgType name = {MG_KIND_TUPLE, sizeof(T), _Alignof(T), 2, name##_f, name##_o}
TUPLE2(T_II, II, &mg_type_int, &mg_type_int);
TUPLE2(T_IL, IL, &mg_type_int, &mg_type_list);
TUPLE2(T_ID, ID, &mg_type_int, &mg_type_dict);

/* Objects that cannot exist, for the size checks: only their lengths are
 * read before the check fails. */
#define HUGE ((int64_t)1 << 62)
static MgStr huge_str = {-1, HUGE, HUGE}, max_str = {-1, INT64_MAX, INT64_MAX};
static MgList huge_ints = {-1, &mg_type_int, HUGE, HUGE, NULL};
static MgList full_strs = {-1, &mg_type_str, (int64_t)1 << 61, (int64_t)1 << 61, NULL};

/* ---- strings -------------------------------------------------------------- */
static void strings(void) {
    MgStr *abc = S("abc");
    report("str_concat", mg_str_concat(&huge_str, &huge_str) == NULL);
    end();
    {
        MgStr *s = S("abc"); /* unique: the in-place path */
        MgStr *r = mg_str_append(s, &huge_str);
        report("str_append_unique", r == NULL);
        state();
        ov(&mg_type_str, &s);
        end();
        drop_str(s);
        s = S("abc");
        mg_str_ref(s); /* shared: the copying path */
        r = mg_str_append(s, &max_str);
        report("str_append_shared", r == NULL && s->rc == 2);
        state();
        ov(&mg_type_str, &s);
        end();
        drop_str(s);
        drop_str(s);
    }
    MgStr *ab = S("ab"), *e = S("\xc3\xa9");
    report("str_repeat_overflow", mg_str_repeat(ab, HUGE) == NULL);
    end();
    report("str_repeat_memory", mg_str_repeat(e, HUGE) == NULL);
    end();
    report("str_index", mg_str_index(abc, 3) == NULL);
    end();
    report("str_index_neg", mg_str_index(abc, -4) == NULL);
    end();
    report("str_slice", mg_str_slice(abc, 0, 0, 0, false, false, true) == NULL);
    end();
    report("ord", mg_ord(ab) == -1);
    end();
    {
        MgStr *none = mg_str_slice(abc, 0, 0, 1, true, true, false);
        report("ord_empty", mg_ord(none) == -1);
        end();
        drop_str(none);
    }
    report("chr", mg_chr(0x110000) == NULL);
    end();
    report("chr_neg", mg_chr(-1) == NULL);
    end();
    MgStr *empty = mg_str_alloc(0);
    report("split", mg_str_split(abc, empty, -1) == NULL);
    end();
    report("rsplit", mg_str_rsplit(abc, empty, 1) == NULL);
    end();
    {
        MgStr *out[3] = {abc, abc, abc};
        mg_str_partition(abc, empty, out);
        report("partition", out[0] == abc && out[1] == abc && out[2] == abc);
        end();
        mg_str_rpartition(abc, empty, out);
        report("rpartition", out[0] == abc && out[1] == abc && out[2] == abc);
        end();
    }
    {
        MgList *parts = mg_list_new(&mg_type_str, 0);
        MgStr *h = &huge_str;
        mg_list_append(parts, &h);
        mg_list_append(parts, &h);
        report("join", mg_str_join(ab, parts) == NULL);
        end();
        drop_list(parts);
        MgPart pp[2] = {{"x", HUGE, HUGE}, {"y", HUGE, HUGE}};
        report("concat_parts", mg_str_concat_parts(pp, 2) == NULL);
        end();
    }
    MgStr *z = S("z"), *c = S("c"), *xy = S("xy"), *euro = S("\xe2\x82\xac");
    report("str_index_of", mg_str_index_of(abc, z) == -1);
    end();
    report("find_range_index", mg_str_find_range(abc, c, 0, 2, true, 4) == -1);
    end();
    report("center", mg_str_center(abc, 10, xy) == NULL);
    end();
    report("ljust", mg_str_ljust(abc, 10, empty) == NULL);
    end();
    report("rjust", mg_str_rjust(abc, 10, xy) == NULL);
    end();
    report("ljust_memory", mg_str_ljust(z, HUGE, euro) == NULL);
    end();
    report("center_memory", mg_str_center(z, INT64_MAX, euro) == NULL);
    end();
    /* Non-ASCII, so the byte count overflows and the checked path raises;
     * 'z'.zfill(INT64_MAX) would ask the OS for 2**63 bytes: fatal. */
    report("zfill_memory", mg_str_zfill(euro, INT64_MAX) == NULL);
    end();
    drop_str(abc);
    drop_str(ab);
    drop_str(e);
    drop_str(empty);
    drop_str(z);
    drop_str(c);
    drop_str(xy);
    drop_str(euro);
}

/* ---- formatting -------------------------------------------------------------- */
static void format_case(const char *name, const char *fmt, int n, const MgType *const *types, void *const *slots) {
    MgStr *f = S(fmt);
    report(name, mg_str_format(f, n, types, slots) == NULL);
    end();
    drop_str(f);
}

static void formatting(void) {
    int64_t one = 1;
    double half = 0.5;
    MgStr *a = S("a"), *q = S("q");
    MgList *l1 = ints(1, &one);
    const MgType *ti[] = {&mg_type_int, &mg_type_str};
    void *si[] = {&one, &q};
    const MgType *tf[] = {&mg_type_float};
    void *sf[] = {&half};
    const MgType *ts[] = {&mg_type_str};
    void *ss[] = {&a};
    const MgType *tl[] = {&mg_type_list};
    void *sl[] = {&l1};
    format_case("format_open", "x{", 0, NULL, NULL);
    format_case("format_close", "x}y", 0, NULL, NULL);
    format_case("format_index", "{0}{1}", 1, ti, si);
    format_case("format_key", "{x}", 0, NULL, NULL);
    format_case("format_code", "{0:d}", 1, tf, sf);
    format_case("format_conversion", "{0!z}", 1, ti, si);
    format_case("format_nested", "{0:{1}}", 2, ti, si);
    format_case("format_switch", "{0:{}}", 2, ti, si);
    format_case("format_list", "{0:5}", 1, tl, sl);
    format_case("format_conv_nested", "{0!r:{1}}", 1, ts, ss);
    format_case("format_recursion", "{0:{1:{2}}}", 2, ti, si);
    MgStr *c = S("c"), *p2 = S(".2"), *plus = S("+"), *d = S("d");
    report("format_int_c", mg_format_int((int64_t)1 << 40, c) == NULL);
    end();
    report("format_int_precision", mg_format_int(5, p2) == NULL);
    end();
    report("format_float", mg_format_float(1.5, d) == NULL);
    end();
    report("format_str", mg_format_str(a, plus) == NULL);
    end();
    report("format_bool", mg_format_bool(true, q) == NULL);
    end();
    drop_str(a);
    drop_str(q);
    drop_str(c);
    drop_str(p2);
    drop_str(plus);
    drop_str(d);
    drop_list(l1);
}

/* ---- numbers --------------------------------------------------------------- */
static void numbers(void) {
    static const char *const bad_ints[] = {"12x", " ", "99999999999999999999", "-9223372036854775809"};
    for (int i = 0; i < 4; i++) {
        MgStr *s = S(bad_ints[i]);
        report("int_from_str", mg_int_from_str(s) == -1);
        end();
        drop_str(s);
    }
    static const char *const bad_floats[] = {"abc", "1_.5", ""};
    for (int i = 0; i < 3; i++) {
        MgStr *s = S(bad_floats[i]);
        report("float_from_str", mg_float_from_str(s) == -1.0);
        end();
        drop_str(s);
    }
    report("int_from_float_nan", mg_int_from_float(__builtin_nan("")) == -1);
    end();
    report("int_from_float_inf", mg_int_from_float(-__builtin_inf()) == -1);
    end();
    report("int_from_float_big", mg_int_from_float(1e19) == -1);
    end();
    report("int_floordiv_zero", mg_int_floordiv(1, 0) == -1);
    end();
    report("int_floordiv_overflow", mg_int_floordiv(INT64_MIN, -1) == -1);
    end();
    report("int_mod", mg_int_mod(1, 0) == -1);
    end();
    report("int_pow_overflow", mg_int_pow(3, 40) == -1);
    end();
    report("int_pow_negative", mg_int_pow(2, -1) == -1);
    end();
    report("int_truediv", mg_int_truediv(1, 0) == -1.0);
    end();
    report("float_div", mg_float_div(1.0, 0.0) == -1.0);
    end();
    report("float_floordiv", mg_float_floordiv(1.0, -0.0) == -1.0);
    end();
    report("float_mod", mg_float_mod(1.0, 0.0) == -1.0);
    end();
    report("float_pow_zero", mg_float_pow(0.0, -1.0) == -1.0);
    end();
    report("float_pow_fraction", mg_float_pow(-8.0, 1.0 / 3.0) == -1.0);
    end();
    report("float_pow_overflow", mg_float_pow(10.0, 400.0) == -1.0);
    end();
    report("range_contains", mg_range_contains(3, 0, 10, 0) == false);
    end();
    report("float_round", mg_float_round(1.7976931348623157e308, -308) == -1.0);
    end();
    report("float_round_int_nan", mg_float_round_int(__builtin_nan("")) == -1);
    end();
    report("float_round_int_inf", mg_float_round_int(__builtin_inf()) == -1);
    end();
    report("float_round_int_big", mg_float_round_int(-1e19) == -1);
    end();
    report("int_round", mg_int_round(INT64_MAX, -1) == -1);
    end();
    report("int_round_19", mg_int_round(6000000000000000000, -19) == -1);
    end();
}

/* ---- values ---------------------------------------------------------------- */
static void values(void) {
    MgList *l = l123();
    MgDict *d = dict_ii(1, 2);
    MgSet *s = mg_set_new(&mg_type_int);
    report("hash_list", mg_val_hash(&mg_type_list, &l) == -1);
    end();
    report("hash_dict", mg_val_hash(&mg_type_dict, &d) == -1);
    end();
    report("hash_set", mg_val_hash(&mg_type_set, &s) == -1);
    end();
    IL il = {1, l};
    report("hash_tuple", mg_val_hash(&T_IL, &il) == -1);
    end();
    MgDict *d2 = dict_ii(1, 3);
    report("cmp_dict", mg_val_cmp(&mg_type_dict, &d, &d2) == MG_CMP_ERR);
    end();
    static const int64_t kv1[] = {1, 2}, kv2[] = {1, 3};
    MgList *a = list_of_dicts(1, kv1), *b = list_of_dicts(1, kv2);
    report("cmp_list", mg_val_cmp(&mg_type_list, &a, &b) == MG_CMP_ERR);
    end();
    MgDict *e = mg_dict_new(&mg_type_int, &mg_type_int);
    ID x = {1, e}, y = {1, d};
    report("cmp_tuple", mg_val_cmp(&T_ID, &x, &y) == MG_CMP_ERR);
    end();
    drop_list(l);
    drop_dict(d);
    drop_dict(d2);
    drop_dict(e);
    drop_set(s);
    drop_list(a);
    drop_list(b);
}

/* ---- lists ------------------------------------------------------------------ */
static void lists(void) {
    report("list_new", mg_list_new(&mg_type_int, HUGE) == NULL);
    end();
    {
        MgStr *v = S("fresh"); /* released by the failed append */
        mg_list_append(&full_strs, &v);
        report("list_append", full_strs.len == (int64_t)1 << 61);
        end();
        v = S("fresh");
        mg_list_insert(&full_strs, 0, &v);
        report("list_insert", full_strs.len == (int64_t)1 << 61);
        end();
    }
    {
        MgList *l = mg_list_new(&mg_type_int, 0);
        mg_list_extend(&huge_ints, &huge_ints);
        report("list_extend", huge_ints.len == HUGE);
        end();
        report("list_concat", mg_list_concat(&huge_ints, &huge_ints) == NULL);
        end();
        int64_t out = 77;
        mg_list_pop(l, -1, &out);
        report("list_pop_empty", out == 77);
        state();
        ov(&mg_type_list, &l);
        end();
        drop_list(l);
    }
    MgList *l = l123();
    int64_t out = 77, v;
    mg_list_pop(l, 5, &out);
    report("list_pop", out == 77);
    state();
    ov(&mg_type_list, &l);
    end();
    v = 9;
    mg_list_remove(l, &v);
    report("list_remove", true);
    state();
    ov(&mg_type_list, &l);
    end();
    v = 7;
    report("list_index", mg_list_index(l, &v) == -1);
    end();
    {
        static const char *const sv[] = {"a", "it's"};
        MgList *ls = strs(2, sv);
        MgStr *zed = S("zed");
        report("list_index_str", mg_list_index(ls, &zed) == -1);
        end();
        MgStr *w = S("w"); /* released by the failed setitem */
        mg_list_setitem(ls, -3, &w);
        report("list_setitem_str", true);
        state();
        ov(&mg_type_list, &ls);
        end();
        drop_str(zed);
        drop_list(ls);
    }
    report("list_slice", mg_list_slice(l, 0, 0, 0, false, false, true) == NULL);
    end();
    mg_list_delslice(l, 0, 0, 0, false, false, true);
    report("list_delslice", true);
    state();
    ov(&mg_type_list, &l);
    end();
    {
        MgList *e = mg_list_new(&mg_type_int, 0), *one = ints(1, &out);
        mg_list_setslice(l, 0, 0, 0, false, false, true, e);
        report("list_setslice_zero", true);
        state();
        ov(&mg_type_list, &l);
        end();
        mg_list_setslice(l, 0, 0, 2, false, false, true, one);
        report("list_setslice_size", true);
        state();
        ov(&mg_type_list, &l);
        end();
        drop_list(e);
        drop_list(one);
    }
    v = 0;
    mg_list_setitem(l, -4, &v);
    report("list_setitem", true);
    state();
    ov(&mg_type_list, &l);
    end();
    mg_list_delitem(l, 3);
    report("list_delitem", true);
    state();
    ov(&mg_type_list, &l);
    end();
    report("list_repeat", mg_list_repeat(l, HUGE) == NULL);
    end();
    mg_list_irepeat(l, HUGE);
    report("list_irepeat", true);
    state();
    ov(&mg_type_list, &l);
    end();
    report("list_at", mg_list_at(l, 3) == NULL);
    end();
    report("list_at_neg", mg_list_at(l, -4) == NULL);
    end();
    drop_list(l);
    /* sorting */
    static const int64_t kv[] = {1, 2, 3, 4, 5, 6};
    MgList *ld = list_of_dicts(3, kv);
    mg_list_sort(ld, false);
    report("list_sort", true);
    state();
    ov(&mg_type_list, &ld);
    end();
    mg_list_sort(ld, true);
    report("list_sort_reverse", true);
    state();
    ov(&mg_type_list, &ld);
    end();
    {
        MgList *keys = list_of_dicts(3, kv), *vals = l123();
        mg_list_sort_by_keys(vals, keys, true); /* keys consumed */
        report("list_sort_by_keys", true);
        state();
        ov(&mg_type_list, &vals);
        end();
        MgList *short_keys = l123();
        v = 4;
        mg_list_append(vals, &v);
        mg_list_sort_by_keys(vals, short_keys, false);
        report("list_sort_modified", true);
        end();
        drop_list(vals);
    }
    drop_list(ld);
}

/* ---- dicts and sets ----------------------------------------------------------- */
static void dicts(void) {
    {
        MgDict *d = mg_dict_new(&mg_type_str, &mg_type_int);
        MgStr *k = S("a");
        int64_t one = 1;
        mg_dict_set(d, &k, &one);
        MgStr *zed = S("zed");
        report("dict_at_str", mg_dict_at(d, &zed) == NULL);
        end();
        mg_dict_delitem(d, &zed);
        report("dict_delitem", true);
        state();
        ov(&mg_type_dict, &d);
        end();
        drop_str(zed);
        drop_dict(d);
    }
    {
        MgDict *d = dict_ii(1, 1);
        int64_t three = 3;
        report("dict_at_int", mg_dict_at(d, &three) == NULL);
        end();
        drop_dict(d);
        d = mg_dict_new(&T_II, &mg_type_int);
        II k = {1, 2}, k2 = {1, 3};
        int64_t zero = 0;
        mg_dict_set(d, &k, &zero);
        report("dict_at_tuple", mg_dict_at(d, &k2) == NULL);
        end();
        drop_dict(d);
    }
    {
        /* Unhashable keys (the compiler refuses the type; the runtime still
         * raises as CPython). */
        MgDict *d = mg_dict_new(&mg_type_list, &mg_type_list);
        MgList *k = l123(), *v = l123(); /* both released by the failed set */
        mg_dict_set(d, &k, &v);
        report("dict_set", true);
        state();
        ov(&mg_type_dict, &d);
        end();
        k = l123();
        report("dict_find", mg_dict_find(d, &k) == NULL);
        end();
        report("dict_at", mg_dict_at(d, &k) == NULL);
        end();
        report("dict_contains", mg_dict_contains(d, &k) == false);
        end();
        mg_dict_delitem(d, &k);
        report("dict_delitem_unhashable", true);
        end();
        drop_list(k);
        drop_dict(d);
    }
    {
        MgDict *d = mg_dict_new(&T_IL, &mg_type_int);
        IL k = {1, l123()};
        int64_t out = 5;
        /* absent before hashing, as CPython's dict.pop; generated code
         * then raises KeyError with the key's repr */
        bool found = mg_dict_pop(d, &k, &out);
        bool absent = !found && !mg_exc && out == 5;
        if (absent)
            mg_raise_repr("KeyError", &T_IL, &k, NULL);
        report("dict_pop_empty", absent);
        end();
        drop_list(k.b);
        drop_dict(d);
    }
}

static void sets(void) {
    MgSet *s = mg_set_new(&mg_type_int);
    int64_t out = 7, five = 5;
    mg_set_pop(s, &out);
    report("set_pop", out == 7);
    end();
    int64_t one = 1, two = 2;
    mg_set_add(s, &one);
    mg_set_add(s, &two);
    mg_set_remove(s, &five);
    report("set_remove", true);
    state();
    ov(&mg_type_set, &s);
    end();
    drop_set(s);
    MgSet *sl = mg_set_new(&mg_type_list);
    MgList *k = l123(); /* released by the failed add */
    mg_set_add(sl, &k);
    report("set_add", true);
    state();
    ov(&mg_type_set, &sl);
    end();
    k = l123();
    report("set_contains", mg_set_contains(sl, &k) == false);
    end();
    report("set_discard", mg_set_discard(sl, &k) == false);
    end();
    mg_set_remove(sl, &k);
    report("set_remove_unhashable", true);
    end();
    MgList *items = mg_list_new(&mg_type_list, 0);
    mg_list_append(items, &k); /* items owns k now */
    mg_set_update_list(sl, items);
    report("set_update_list", true);
    state();
    ov(&mg_type_set, &sl);
    end();
    report("set_intersection_list", mg_set_intersection_list(sl, items) == NULL);
    end();
    mg_set_difference_update_list(sl, items);
    report("set_difference_update_list", true);
    end();
    drop_list(items);
    drop_set(sl);
}

/* ---- the exception API --------------------------------------------------------- */
static const char *const exc_names[] = {
    "BaseException", "Exception", "ArithmeticError", "LookupError", "ValueError", "TypeError",
    "IndexError", "KeyError", "ZeroDivisionError", "OverflowError", "MemoryError", "RecursionError",
    "RuntimeError", "StopIteration", "SystemExit", "KeyboardInterrupt", "UnicodeError",
    "UnicodeDecodeError", "AssertionError", "NotImplementedError", "OSError", "FileNotFoundError",
    "ConnectionResetError", "NameError", "UnboundLocalError", "Warning", "UserWarning", "TabError",
};

static void api(void) {
    lab("pending_before:");
    lab(mg_exc ? " yes" : " no");
    nl();
    mg_exc_raise("ValueError", "first");
    MgExc *e = mg_exc_fetch();
    lab("fetch:");
    lab(mg_exc ? " pending" : " clear");
    lab(" ");
    lab(e->type);
    lab(" ");
    MgStr *m = mg_exc_str(e);
    mg_write_str(m);
    drop_str(m);
    nl();
    mg_exc_raise("KeyError", "second"); /* replaced by the restore */
    mg_exc_restore(e);
    report("restore", mg_exc == e);
    end();
    mg_exc_raise("MemoryError", NULL);
    m = mg_exc_str(mg_exc);
    lab("str_no_message: '");
    mg_write_str(m);
    lab("'");
    nl();
    drop_str(m);
    mg_exc_clear();
    MgStr *msg = S("from a string");
    mg_exc_raise_str("RuntimeError", msg);
    drop_str(msg); /* the exception has its own reference */
    report("raise_str", true);
    end();
    static const char *const rmsgs[] = {" while calling a Python object", " in comparison"};
    mg_exc_raise_recursion(999, 2, rmsgs);
    report("raise_recursion", true);
    end();
    mg_exc_overflow();
    report("overflow", true);
    end();
    /* isinstance(e, b) for every pair, as one row of 0/1 per exception */
    int n = (int)(sizeof exc_names / sizeof exc_names[0]);
    for (int i = 0; i < n; i++) {
        mg_exc_raise(exc_names[i], NULL);
        lab("matches ");
        lab(exc_names[i]);
        lab(" ");
        for (int j = 0; j < n; j++)
            lab(mg_exc_matches(mg_exc, exc_names[j]) ? "1" : "0");
        nl();
        mg_exc_clear();
    }
}

/* ---- uncaught ------------------------------------------------------------------- */
/* The Python programs errors_oracle.py runs with CPython: the frames below
 * have their functions and lines. */
static const MgCode code_mod = {"t.py", "<module>"}, code_f = {"t.py", "f"}, code_g = {"t.py", "g"},
                    code_r = {"t.py", "r"};
#define DEEP 1200
static MgFrame frames[DEEP + 2];

/* Push frames[0..n) (frames[0] outermost); generated code does this on
 * entry to each function. */
static void push(int n) {
    for (int i = 0; i < n; i++) {
        frames[i].prev = i ? &frames[i - 1] : &mg_root_frame;
        frames[i].depth = i + 1;
    }
    mg_frame_top = &frames[n - 1];
}

/* Propagate out of frames[n-1] .. frames[0], as each frame's error exit
 * would: its traceback entry, then pop. */
static void unwind(int n) {
    for (int i = n - 1; i >= 0; i--) {
        if (!mg_exc) {
            lab("BAD nothing pending\n");
            return;
        }
        mg_exc_traceback_here(&frames[i]);
        mg_frame_top = frames[i].prev;
    }
}

static void uncaught(char which) {
    if (which == 'a') {
        /* t.py: 9 f(l) / 5 g(l) in f / 2 l[5] in g */
        frames[0] = (MgFrame){0, &code_mod, 9, 0};
        frames[1] = (MgFrame){0, &code_f, 5, 0};
        frames[2] = (MgFrame){0, &code_g, 2, 0};
        push(3);
        lab("before\n"); /* flushed before the traceback */
        MgList *l = l123();
        if (mg_list_at(l, 5) == NULL) {
            drop_list(l); /* the error exit releases the locals */
            unwind(3);
        }
        return;
    }
    /* t.py: 7 r(1200, {}) / 5 r(n - 1, d) in r (1200 times) / 4 d['k'] in r */
    frames[0] = (MgFrame){0, &code_mod, 7, 0};
    for (int i = 1; i <= DEEP; i++)
        frames[i] = (MgFrame){0, &code_r, 5, 0};
    frames[DEEP + 1] = (MgFrame){0, &code_r, 4, 0};
    push(DEEP + 2);
    MgDict *d = mg_dict_new(&mg_type_str, &mg_type_int);
    MgStr *k = S("k");
    if (mg_dict_at(d, &k) == NULL) {
        drop_str(k);
        drop_dict(d);
        unwind(DEEP + 2);
    }
}

void mg_module_main(void) {
    if (mg_argc > 3 && mg_argv[1][0] == 'u') {
        mg_raise_mode = mg_argv[3][0] == '1' ? MG_RAISE_PROPAGATE : MG_RAISE_EXIT;
        uncaught(mg_argv[2][0]);
        return;
    }
    mg_raise_mode = MG_RAISE_PROPAGATE;
    strings();
    formatting();
    numbers();
    values();
    lists();
    dicts();
    sets();
    api();
    lab(bad ? "BAD cases\n" : "done\n");
}
