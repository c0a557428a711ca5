/* Values in slots: the type descriptors of the built-in types and the
 * generic operations (==, <, hash, repr, str, incref, decref) that dispatch
 * on a descriptor's kind, recursing into tuples (their fields) and
 * containers (the element types the object records).
 *
 * Hashes follow 64-bit CPython exactly for int, float, bool and tuple, so
 * that set iteration order matches CPython's (see set.c). */
#include "mg_internal.h"

#define PTR_SIZE ((int32_t)sizeof(void *))
#define PTR_ALIGN ((int32_t)_Alignof(void *))

const MgType mg_type_int = {MG_KIND_INT, 8, (int32_t)_Alignof(int64_t), 0, 0, 0};
const MgType mg_type_float = {MG_KIND_FLOAT, 8, (int32_t)_Alignof(double), 0, 0, 0};
const MgType mg_type_bool = {MG_KIND_BOOL, 1, 1, 0, 0, 0};
const MgType mg_type_str = {MG_KIND_STR, PTR_SIZE, PTR_ALIGN, 0, 0, 0};
const MgType mg_type_list = {MG_KIND_LIST, PTR_SIZE, PTR_ALIGN, 0, 0, 0};
const MgType mg_type_dict = {MG_KIND_DICT, PTR_SIZE, PTR_ALIGN, 0, 0, 0};
const MgType mg_type_set = {MG_KIND_SET, PTR_SIZE, PTR_ALIGN, 0, 0, 0};

/* ---- slot access (memcpy: tuple fields may be only 4-byte aligned) ---- */

static inline int64_t get_int(const void *a) { int64_t v; __builtin_memcpy(&v, a, 8); return v; }
static inline double get_float(const void *a) { double v; __builtin_memcpy(&v, a, 8); return v; }
static inline bool get_bool(const void *a) { return *(const uint8_t *)a != 0; }
static inline void *get_ptr(const void *a) { void *v; __builtin_memcpy(&v, a, sizeof v); return v; }
static inline const void *field(const MgType *t, const void *a, int32_t i) {
    return (const char *)a + t->offsets[i];
}

static const char *kind_name(int32_t kind) {
    switch (kind) {
    case MG_KIND_INT: return "int";
    case MG_KIND_FLOAT: return "float";
    case MG_KIND_BOOL: return "bool";
    case MG_KIND_STR: return "str";
    case MG_KIND_LIST: return "list";
    case MG_KIND_DICT: return "dict";
    case MG_KIND_SET: return "set";
    default: return "tuple";
    }
}

bool mg_type_has_refs(const MgType *t) {
    if (t->kind >= MG_KIND_STR && t->kind <= MG_KIND_SET)
        return true;
    if (t->kind == MG_KIND_TUPLE)
        for (int32_t i = 0; i < t->nfields; i++)
            if (mg_type_has_refs(t->fields[i]))
                return true;
    return false;
}

/* ---- reference counts ------------------------------------------------ */

void mg_val_incref(const MgType *t, void *a) {
    switch (t->kind) {
    case MG_KIND_STR: case MG_KIND_LIST: case MG_KIND_DICT: case MG_KIND_SET: {
        MgObj *o = get_ptr(a);
        if (o->rc >= 0)
            o->rc++;
        break;
    }
    case MG_KIND_TUPLE:
        for (int32_t i = 0; i < t->nfields; i++)
            mg_val_incref(t->fields[i], (char *)a + t->offsets[i]);
        break;
    default:
        break;
    }
}

void mg_val_decref(const MgType *t, void *a) {
    switch (t->kind) {
    case MG_KIND_STR: case MG_KIND_LIST: case MG_KIND_DICT: case MG_KIND_SET: {
        MgObj *o = get_ptr(a);
        if (o->rc > 0 && --o->rc == 0) {
            if (t->kind == MG_KIND_STR) mg_str_free((MgStr *)o);
            else if (t->kind == MG_KIND_LIST) mg_list_free((MgList *)o);
            else if (t->kind == MG_KIND_DICT) mg_dict_free((MgDict *)o);
            else mg_set_free((MgSet *)o);
        }
        break;
    }
    case MG_KIND_TUPLE:
        for (int32_t i = 0; i < t->nfields; i++)
            mg_val_decref(t->fields[i], (char *)a + t->offsets[i]);
        break;
    default:
        break;
    }
}

/* ---- equality --------------------------------------------------------- */

static bool dict_eq(MgDict *a, MgDict *b) {
    if (a == b)
        return true;
    if (mg_dict_len(a) != mg_dict_len(b))
        return false;
    const MgType *vt = mg_dict_val_type(a);
    int64_t pos = 0;
    void *k, *v;
    while (mg_dict_next(a, &pos, &k, &v)) {
        void *w = mg_dict_find(b, k);
        if (!w || !mg_val_eq(vt, v, w))
            return false;
    }
    return true;
}

static bool set_eq(MgSet *a, MgSet *b) {
    return a == b || (mg_set_len(a) == mg_set_len(b) && mg_set_issubset(a, b));
}

bool mg_val_eq(const MgType *t, const void *a, const void *b) {
    switch (t->kind) {
    case MG_KIND_INT: return get_int(a) == get_int(b);
    case MG_KIND_FLOAT: return get_float(a) == get_float(b);
    case MG_KIND_BOOL: return get_bool(a) == get_bool(b);
    case MG_KIND_STR: return mg_str_eq(get_ptr(a), get_ptr(b));
    case MG_KIND_LIST: {
        MgList *x = get_ptr(a), *y = get_ptr(b);
        if (x == y)
            return true;
        if (x->len != y->len)
            return false;
        int32_t sz = x->elem->size;
        for (int64_t i = 0; i < x->len; i++)
            if (!mg_val_eq(x->elem, x->data + i * sz, y->data + i * sz))
                return false;
        return true;
    }
    case MG_KIND_DICT: return dict_eq(get_ptr(a), get_ptr(b));
    case MG_KIND_SET: return set_eq(get_ptr(a), get_ptr(b));
    case MG_KIND_TUPLE:
        for (int32_t i = 0; i < t->nfields; i++)
            if (!mg_val_eq(t->fields[i], field(t, a, i), field(t, b, i)))
                return false;
        return true;
    }
    return false;
}

/* ---- ordering --------------------------------------------------------- */

/* Raises the TypeError of ordering two `name`s; returns MG_CMP_ERR. */
static int32_t not_orderable(const char *name) {
    MgBuf b;
    mg_buf_init(&b);
    const char *parts[] = {"'<' not supported between instances of '", name, "' and '", name, "'"};
    for (int i = 0; i < 5; i++)
        mg_buf_put(&b, parts[i], mg_cstrlen(parts[i]));
    mg_raise_buf("TypeError", &b);
    return MG_CMP_ERR;
}

/* Lists and tuples compare like Python sequences: find the first index
 * where the items differ (by ==), then order by those items; else by
 * length. */
int32_t mg_val_cmp(const MgType *t, const void *a, const void *b) {
    switch (t->kind) {
    case MG_KIND_INT: {
        int64_t x = get_int(a), y = get_int(b);
        return x < y ? -1 : x > y;
    }
    case MG_KIND_FLOAT: {
        double x = get_float(a), y = get_float(b);
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
    }
    case MG_KIND_BOOL: return (int32_t)get_bool(a) - (int32_t)get_bool(b);
    case MG_KIND_STR: return mg_str_cmp(get_ptr(a), get_ptr(b));
    case MG_KIND_LIST: {
        MgList *x = get_ptr(a), *y = get_ptr(b);
        int32_t sz = x->elem->size;
        for (int64_t i = 0; i < x->len && i < y->len; i++) {
            const void *p = x->data + i * sz, *q = y->data + i * sz;
            if (!mg_val_eq(x->elem, p, q))
                return mg_val_cmp(x->elem, p, q);
        }
        return x->len < y->len ? -1 : x->len > y->len;
    }
    case MG_KIND_TUPLE:
        for (int32_t i = 0; i < t->nfields; i++) {
            const void *p = field(t, a, i), *q = field(t, b, i);
            if (!mg_val_eq(t->fields[i], p, q))
                return mg_val_cmp(t->fields[i], p, q);
        }
        return 0;
    default:
        return not_orderable(kind_name(t->kind));
    }
}

/* ---- hashing (64-bit CPython) ----------------------------------------- */

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1) /* the prime 2**61 - 1 */

/* hash(int): |v| mod 2**61-1 with v's sign; -1 becomes -2. */
static int64_t hash_int(int64_t v) {
    uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
    uint64_t h = (a & HASH_MOD) + (a >> HASH_BITS); /* 2**61 == 1 (mod) */
    if (h >= HASH_MOD)
        h -= HASH_MOD;
    int64_t r = v < 0 ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

/* Mantissa in [0.5, 1) and exponent of a finite non-zero d (frexp). */
static double split_double(double d, int *e) {
    uint64_t u = mg_f2u(d);
    int ex = (int)((u >> 52) & 0x7FF);
    int adj = 0;
    if (ex == 0) { /* subnormal: scale into the normal range first */
        u = mg_f2u(d * 18014398509481984.0); /* 2**54 */
        ex = (int)((u >> 52) & 0x7FF);
        adj = -54;
    }
    *e = ex - 1022 + adj;
    return mg_u2f((u & ~(0x7FFull << 52)) | (1022ull << 52));
}

/* CPython's _Py_HashDouble: the hash of the rational value of v, reduced
 * mod 2**61-1, so integral floats hash like ints. NaN: CPython 3.11 hashes
 * the object's address; mgen has no boxes and uses 0. */
static int64_t hash_float(double v) {
    if (mg_isnan(v))
        return 0;
    if (mg_isinf(v))
        return v > 0 ? 314159 : -314159;
    if (v == 0)
        return 0;
    int e;
    double m = split_double(v, &e);
    int64_t sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD)
            x -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    int64_t r = (int64_t)x * sign;
    return r == -1 ? -2 : r;
}

/* CPython 3.11's tuplehash (xxHash-based) with 64-bit constants. */
static int64_t hash_tuple(const MgType *t, const void *a) {
    const uint64_t P1 = 11400714785074694791ull, P2 = 14029467366897019727ull, P5 = 2870177450012600261ull;
    uint64_t acc = P5;
    for (int32_t i = 0; i < t->nfields; i++) {
        int64_t h = mg_val_hash(t->fields[i], field(t, a, i));
        if (h == -1)
            return -1;
        uint64_t lane = (uint64_t)h;
        acc += lane * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)t->nfields ^ (P5 ^ 3527539ull);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (int64_t)acc;
}

int64_t mg_val_hash(const MgType *t, const void *a) {
    switch (t->kind) {
    case MG_KIND_INT: return hash_int(get_int(a));
    case MG_KIND_FLOAT: return hash_float(get_float(a));
    case MG_KIND_BOOL: return get_bool(a);
    case MG_KIND_STR: return mg_str_hash(get_ptr(a));
    case MG_KIND_TUPLE: return hash_tuple(t, a);
    default: {
        MgBuf b;
        mg_buf_init(&b);
        mg_buf_put(&b, "unhashable type: '", 18);
        const char *n = kind_name(t->kind);
        mg_buf_put(&b, n, mg_cstrlen(n));
        mg_buf_put(&b, "'", 1);
        mg_raise_buf("TypeError", &b);
        return -1;
    }
    }
}

/* ---- repr / str --------------------------------------------------------- */

void mg_val_repr_buf(MgBuf *b, const MgType *t, const void *a) {
    char num[40];
    switch (t->kind) {
    case MG_KIND_INT: mg_buf_put(b, num, (size_t)mg_fmt_int(num, get_int(a))); break;
    case MG_KIND_FLOAT: mg_buf_put(b, num, (size_t)mg_fmt_float(num, get_float(a))); break;
    case MG_KIND_BOOL:
        if (get_bool(a)) mg_buf_put(b, "True", 4);
        else mg_buf_put(b, "False", 5);
        break;
    case MG_KIND_STR: {
        MgStr *r = mg_str_repr(get_ptr(a));
        mg_buf_put(b, r->data, (size_t)r->len);
        mg_str_free(r);
        break;
    }
    case MG_KIND_LIST: {
        MgList *l = get_ptr(a);
        mg_buf_putc(b, '[');
        for (int64_t i = 0; i < l->len; i++) {
            if (i)
                mg_buf_put(b, ", ", 2);
            mg_val_repr_buf(b, l->elem, l->data + i * l->elem->size);
        }
        mg_buf_putc(b, ']');
        break;
    }
    case MG_KIND_TUPLE:
        mg_buf_putc(b, '(');
        for (int32_t i = 0; i < t->nfields; i++) {
            if (i)
                mg_buf_put(b, ", ", 2);
            mg_val_repr_buf(b, t->fields[i], field(t, a, i));
        }
        if (t->nfields == 1)
            mg_buf_putc(b, ',');
        mg_buf_putc(b, ')');
        break;
    case MG_KIND_DICT: {
        MgDict *d = get_ptr(a);
        const MgType *kt = mg_dict_key_type(d), *vt = mg_dict_val_type(d);
        int64_t pos = 0;
        void *k, *v;
        bool first = true;
        mg_buf_putc(b, '{');
        while (mg_dict_next(d, &pos, &k, &v)) {
            if (!first)
                mg_buf_put(b, ", ", 2);
            first = false;
            mg_val_repr_buf(b, kt, k);
            mg_buf_put(b, ": ", 2);
            mg_val_repr_buf(b, vt, v);
        }
        mg_buf_putc(b, '}');
        break;
    }
    case MG_KIND_SET: {
        MgSet *s = get_ptr(a);
        if (mg_set_len(s) == 0) {
            mg_buf_put(b, "set()", 5);
            break;
        }
        const MgType *et = mg_set_elem_type(s);
        int64_t pos = 0;
        void *e;
        bool first = true;
        mg_buf_putc(b, '{');
        while (mg_set_next(s, &pos, &e)) {
            if (!first)
                mg_buf_put(b, ", ", 2);
            first = false;
            mg_val_repr_buf(b, et, e);
        }
        mg_buf_putc(b, '}');
        break;
    }
    }
}

MgStr *mg_val_repr(const MgType *t, const void *a) {
    MgBuf b;
    mg_buf_init(&b);
    mg_val_repr_buf(&b, t, a);
    MgStr *s = mg_buf_to_str(&b);
    mg_buf_release(&b);
    return s;
}

/* str(x) differs from repr(x) only for a str itself. */
MgStr *mg_val_str(const MgType *t, const void *a) {
    if (t->kind == MG_KIND_STR) {
        MgStr *s = get_ptr(a);
        if (s->rc >= 0)
            s->rc++;
        return s;
    }
    return mg_val_repr(t, a);
}

void mg_raise_repr(const char *exc, const MgType *t, const void *a, const char *suffix) {
    MgBuf b;
    mg_buf_init(&b);
    mg_val_repr_buf(&b, t, a);
    if (suffix)
        mg_buf_put(&b, suffix, mg_cstrlen(suffix));
    mg_raise_buf(exc, &b);
}
