/* list[T]: a growable array of inline slots (see mgen_rt.h for the slot
 * layout and ownership rules). Growth, error messages and sort semantics
 * follow CPython's listobject.c. */
#include "mg_internal.h"

#define SLOT(l, i) ((l)->data + (int64_t)(i) * (l)->elem->size)

/* n slots of type t fit in half the address space (else MemoryError). */
static bool slots_ok(const MgType *t, int64_t n) {
    int64_t bytes;
    if (n < 0 || __builtin_mul_overflow(n, (int64_t)t->size, &bytes) || (uint64_t)bytes > SIZE_MAX / 2) {
        mg_exc_nomem();
        return false;
    }
    return true;
}

/* Storage for n slots; n is known to pass slots_ok (no larger than a
 * list that exists, or checked). */
static void *alloc_slots(const MgType *t, int64_t n) {
    if (n == 0)
        return NULL;
    return mg_alloc((size_t)(n * t->size));
}

/* Make room for exactly `newlen` slots (the caller sets len), with
 * CPython's list_resize over-allocation: amortised O(1) appends; shrinks
 * when less than half the capacity is used. False (MemoryError raised, l
 * unchanged) when the slots would not fit; shrinking always succeeds. */
static bool resize(MgList *l, int64_t newlen) {
    if (l->cap >= newlen && newlen >= (l->cap >> 1))
        return true;
    int64_t cap = (newlen + (newlen >> 3) + 6) & ~(int64_t)3;
    if (newlen - l->len > cap - newlen)
        cap = (newlen + 3) & ~(int64_t)3;
    if (newlen == 0)
        cap = 0;
    int64_t bytes;
    if (cap < 0 || __builtin_mul_overflow(cap, (int64_t)l->elem->size, &bytes) || (uint64_t)bytes > SIZE_MAX / 2) {
        mg_exc_nomem();
        return false;
    }
    if (cap == 0) {
        mg_free(l->data);
        l->data = NULL;
    } else {
        l->data = mg_realloc(l->data, (size_t)bytes);
    }
    l->cap = cap;
    return true;
}

/* A new empty list with room for cap (>= 0, known to pass slots_ok). */
static MgList *list_alloc(const MgType *elem, int64_t cap) {
    MgList *l = mg_alloc(sizeof(MgList));
    l->rc = 1;
    l->elem = elem;
    l->len = 0;
    l->cap = cap;
    l->data = alloc_slots(elem, cap);
    return l;
}

MgList *mg_list_new(const MgType *elem, int64_t cap) {
    if (cap < 0)
        cap = 0;
    if (!slots_ok(elem, cap))
        return NULL;
    return list_alloc(elem, cap);
}

static void decref_range(MgList *l, int64_t from, int64_t to) {
    if (mg_type_has_refs(l->elem))
        for (int64_t i = from; i < to; i++)
            mg_val_decref(l->elem, SLOT(l, i));
}

static void incref_range(MgList *l, int64_t from, int64_t to) {
    if (mg_type_has_refs(l->elem))
        for (int64_t i = from; i < to; i++)
            mg_val_incref(l->elem, SLOT(l, i));
}

void mg_list_free(MgList *l) {
    decref_range(l, 0, l->len);
    mg_free(l->data);
    mg_free(l);
}

/* Release the references of a slot the caller handed over (error paths). */
static void drop(const MgType *t, const void *v) { mg_val_decref(t, (void *)v); }

void mg_list_append(MgList *l, const void *v) {
    if (l->len == l->cap && !resize(l, l->len + 1)) {
        drop(l->elem, v);
        return;
    }
    mg_slot_copy(l->elem, SLOT(l, l->len), v);
    l->len++;
}

void mg_list_extend(MgList *l, MgList *other) {
    int64_t m = l->len, n = other->len; /* read before resizing: l may be other */
    if (n == 0)
        return;
    if (!resize(l, m + n)) /* m + n < 2**63: both lists exist */
        return;
    __builtin_memcpy(SLOT(l, m), other->data, (size_t)(n * l->elem->size));
    l->len = m + n;
    incref_range(l, m, m + n);
}

void mg_list_insert(MgList *l, int64_t i, const void *v) {
    int64_t n = l->len;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    if (!resize(l, n + 1)) {
        drop(l->elem, v);
        return;
    }
    int32_t sz = l->elem->size;
    __builtin_memmove(SLOT(l, i + 1), SLOT(l, i), (size_t)((n - i) * sz));
    mg_slot_copy(l->elem, SLOT(l, i), v);
    l->len = n + 1;
}

/* Remove slot i (already normalised) without touching its references. */
static void remove_at(MgList *l, int64_t i) {
    int32_t sz = l->elem->size;
    __builtin_memmove(SLOT(l, i), SLOT(l, i + 1), (size_t)((l->len - i - 1) * sz));
    l->len--;
    resize(l, l->len); /* shrinking: cannot fail */
}

void mg_list_pop(MgList *l, int64_t i, void *out) {
    if (l->len == 0) {
        mg_exc_raise("IndexError", "pop from empty list");
        return;
    }
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len) {
        mg_exc_raise("IndexError", "pop index out of range");
        return;
    }
    mg_slot_copy(l->elem, out, SLOT(l, i));
    remove_at(l, i);
}

static int64_t find(MgList *l, const void *v) {
    for (int64_t i = 0; i < l->len; i++)
        if (mg_val_eq(l->elem, SLOT(l, i), v))
            return i;
    return -1;
}

void mg_list_remove(MgList *l, const void *v) {
    int64_t i = find(l, v);
    if (i < 0) {
        mg_exc_raise("ValueError", "list.remove(x): x not in list");
        return;
    }
    /* Take the element out first: its decref may run arbitrary frees. */
    char tmp[256];
    void *slot = l->elem->size <= (int32_t)sizeof tmp ? tmp : mg_alloc((size_t)l->elem->size);
    mg_slot_copy(l->elem, slot, SLOT(l, i));
    remove_at(l, i);
    mg_val_decref(l->elem, slot);
    if (slot != tmp)
        mg_free(slot);
}

int64_t mg_list_index(MgList *l, const void *v) {
    int64_t i = find(l, v);
    if (i < 0)
        mg_raise_repr("ValueError", l->elem, v, " is not in list");
    return i; /* -1 after raising */
}

int64_t mg_list_count(MgList *l, const void *v) {
    int64_t n = 0;
    for (int64_t i = 0; i < l->len; i++)
        n += mg_val_eq(l->elem, SLOT(l, i), v);
    return n;
}

bool mg_list_contains(MgList *l, const void *v) { return find(l, v) >= 0; }

/* Reverse slots [0, n) of a slot array of element size sz. */
static void reverse_slots(char *data, int64_t n, int32_t sz) {
    char tmp[256];
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        char *a = data + i * sz, *b = data + j * sz;
        for (int32_t off = 0; off < sz; off += (int32_t)sizeof tmp) {
            size_t k = (size_t)(sz - off) < sizeof tmp ? (size_t)(sz - off) : sizeof tmp;
            __builtin_memcpy(tmp, a + off, k);
            __builtin_memcpy(a + off, b + off, k);
            __builtin_memcpy(b + off, tmp, k);
        }
    }
}

void mg_list_reverse(MgList *l) { reverse_slots(l->data, l->len, l->elem->size); }

void mg_list_clear(MgList *l) {
    /* Detach the items first (CPython's _list_clear does the same). */
    char *data = l->data;
    int64_t n = l->len;
    l->data = NULL;
    l->len = l->cap = 0;
    if (mg_type_has_refs(l->elem))
        for (int64_t i = 0; i < n; i++)
            mg_val_decref(l->elem, data + i * l->elem->size);
    mg_free(data);
}

MgList *mg_list_copy(MgList *l) {
    MgList *r = list_alloc(l->elem, l->len);
    if (l->len)
        __builtin_memcpy(r->data, l->data, (size_t)(l->len * l->elem->size));
    r->len = l->len;
    incref_range(r, 0, r->len);
    return r;
}

/* ---- sorting -------------------------------------------------------------
 * Ordered only by "<" on the keys (mg_val_cmp == -1), as CPython's
 * list.sort. Lists of ints, strs and NaN-free floats sort their values with
 * a plain stable merge sort (for a total order any stable sort gives
 * CPython's result); everything else sorts a permutation with CPython's
 * timsort (timsort.c). reverse=True is done as CPython
 * does it: reverse, sort stably, reverse again (equal keys keep their
 * original order). A comparison that raises (ordering dicts) ends the
 * sort: the error is remembered, every later comparison answers false
 * without comparing, and the list keeps its original order. */

typedef struct {
    const MgType *t;
    const char *keys;
    int32_t sz;
    bool failed; /* a comparison raised */
} SortCtx;

static inline bool key_lt(SortCtx *c, int64_t i, int64_t j) {
    const char *a = c->keys + i * c->sz, *b = c->keys + j * c->sz;
    switch (c->t->kind) {
    case MG_KIND_INT: {
        int64_t x, y;
        __builtin_memcpy(&x, a, 8);
        __builtin_memcpy(&y, b, 8);
        return x < y;
    }
    case MG_KIND_FLOAT: {
        double x, y;
        __builtin_memcpy(&x, a, 8);
        __builtin_memcpy(&y, b, 8);
        return x < y;
    }
    case MG_KIND_STR: {
        MgStr *x, *y;
        __builtin_memcpy(&x, a, sizeof x);
        __builtin_memcpy(&y, b, sizeof y);
        return mg_str_cmp(x, y) < 0;
    }
    default: {
        if (c->failed)
            return false;
        int32_t r = mg_val_cmp(c->t, a, b);
        if (r == MG_CMP_ERR)
            c->failed = true;
        return r == -1;
    }
    }
}

static bool key_lt_cb(void *c, int64_t i, int64_t j) { return key_lt((SortCtx *)c, i, j); }

/* Sorting a list of ints, floats or strs by itself: a stable merge sort of
 * the values in place (no permutation, no per-comparison dispatch). */
#define DEFINE_VALUE_SORT(NAME, T, LT)                                                    \
    static void NAME(T *a, T *tmp, int64_t lo, int64_t hi) {                                \
        if (hi - lo <= 24) {                                                                \
            for (int64_t i = lo + 1; i < hi; i++) {                                         \
                T x = a[i];                                                                 \
                int64_t j = i;                                                              \
                while (j > lo && LT(x, a[j - 1])) {                                         \
                    a[j] = a[j - 1];                                                        \
                    j--;                                                                    \
                }                                                                           \
                a[j] = x;                                                                   \
            }                                                                               \
            return;                                                                         \
        }                                                                                   \
        int64_t mid = lo + (hi - lo) / 2;                                                   \
        NAME(a, tmp, lo, mid);                                                              \
        NAME(a, tmp, mid, hi);                                                              \
        if (!LT(a[mid], a[mid - 1]))                                                        \
            return;                                                                         \
        int64_t n1 = mid - lo;                                                              \
        for (int64_t t = 0; t < n1; t++)                                                    \
            tmp[t] = a[lo + t];                                                             \
        int64_t i = 0, j = mid, k = lo;                                                     \
        while (i < n1 && j < hi)                                                            \
            a[k++] = LT(a[j], tmp[i]) ? a[j++] : tmp[i++];                                  \
        while (i < n1)                                                                      \
            a[k++] = tmp[i++];                                                              \
    }

#define LT_NUM(x, y) ((x) < (y))
#define LT_STR(x, y) (mg_str_cmp((x), (y)) < 0)
DEFINE_VALUE_SORT(sort_i64, int64_t, LT_NUM)
DEFINE_VALUE_SORT(sort_f64, double, LT_NUM)
DEFINE_VALUE_SORT(sort_str, MgStr *, LT_STR)

/* Sort l by its own values when they are ints, floats or strs; false for
 * other element types. */
static bool sort_values(MgList *l) {
    int64_t n = l->len;
    void *tmp = NULL;
    switch (l->elem->kind) {
    case MG_KIND_INT:
        tmp = mg_alloc((size_t)(n / 2 + 1) * sizeof(int64_t));
        sort_i64((int64_t *)(void *)l->data, tmp, 0, n);
        break;
    case MG_KIND_FLOAT:
        tmp = mg_alloc((size_t)(n / 2 + 1) * sizeof(double));
        sort_f64((double *)(void *)l->data, tmp, 0, n);
        break;
    case MG_KIND_STR:
        tmp = mg_alloc((size_t)(n / 2 + 1) * sizeof(MgStr *));
        sort_str((MgStr **)(void *)l->data, tmp, 0, n);
        break;
    default:
        return false;
    }
    mg_free(tmp);
    return true;
}

static void sort_by(MgList *l, MgList *keys, bool reverse) {
    int64_t n = l->len;
    if (n < 2)
        return;
    if (keys->len != n) {
        mg_exc_raise("ValueError", "list modified during sort");
        return;
    }
    int32_t kind = l->elem->kind;
    bool nan = false; /* '<' on floats is a total order only without NaN */
    if (kind == MG_KIND_FLOAT && keys == l) {
        const double *d = (const double *)(const void *)l->data;
        for (int64_t i = 0; i < n && !nan; i++)
            nan = d[i] != d[i];
    }
    if (keys == l && !nan && (kind == MG_KIND_INT || kind == MG_KIND_FLOAT || kind == MG_KIND_STR)) {
        if (reverse)
            mg_list_reverse(l);
        sort_values(l);
        if (reverse)
            mg_list_reverse(l);
        return;
    }
    if (reverse) {
        mg_list_reverse(l);
        if (keys != l)
            mg_list_reverse(keys);
    }
    int64_t *perm = mg_alloc((size_t)n * sizeof(int64_t));
    for (int64_t i = 0; i < n; i++)
        perm[i] = i;
    SortCtx c = {keys->elem, keys->data, keys->elem->size, false};
    /* CPython's own algorithm: with keys whose '<' is not a total order
     * (NaN, or tuples and lists holding one) only it gives CPython's
     * order, and it is adaptive on presorted data. */
    mg_timsort(perm, n, key_lt_cb, &c);
    if (c.failed) {
        mg_free(perm);
        if (reverse) {
            mg_list_reverse(l);
            if (keys != l)
                mg_list_reverse(keys);
        }
        return;
    }
    /* Apply the permutation into a fresh array of the same capacity. */
    int32_t sz = l->elem->size;
    char *data = alloc_slots(l->elem, l->cap);
    for (int64_t i = 0; i < n; i++)
        __builtin_memcpy(data + i * sz, l->data + perm[i] * sz, (size_t)sz);
    mg_free(perm);
    mg_free(l->data);
    l->data = data;
    if (reverse)
        mg_list_reverse(l);
}

void mg_list_sort(MgList *l, bool reverse) { sort_by(l, l, reverse); }

void mg_list_sort_by_keys(MgList *l, MgList *keys, bool reverse) {
    sort_by(l, keys, reverse);
    if (keys->rc > 0 && --keys->rc == 0)
        mg_list_free(keys);
}

/* ---- slicing and operators -------------------------------------------- */

/* CPython's PySlice_Unpack + PySlice_AdjustIndices: normalised start and
 * step, and the number of items. */
int64_t mg_slice_indices(int64_t len, int64_t *start, int64_t *stop, int64_t *step, bool has_start,
                         bool has_stop, bool has_step) {
    int64_t st = has_step ? *step : 1;
    if (st == 0) {
        mg_exc_raise("ValueError", "slice step cannot be zero");
        return -1;
    }
    if (st < -INT64_MAX)
        st = -INT64_MAX; /* so that -st cannot overflow */
    int64_t a = has_start ? *start : st < 0 ? INT64_MAX : 0;
    int64_t b = has_stop ? *stop : st < 0 ? INT64_MIN : INT64_MAX;
    if (a < 0) {
        a += len;
        if (a < 0)
            a = st < 0 ? -1 : 0;
    } else if (a >= len) {
        a = st < 0 ? len - 1 : len;
    }
    if (b < 0) {
        b += len;
        if (b < 0)
            b = st < 0 ? -1 : 0;
    } else if (b >= len) {
        b = st < 0 ? len - 1 : len;
    }
    *start = a;
    *stop = b;
    *step = st;
    if (st < 0)
        return b < a ? (a - b - 1) / (-st) + 1 : 0;
    return a < b ? (b - a - 1) / st + 1 : 0;
}

MgList *mg_list_slice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop,
                      bool has_step) {
    int64_t n = mg_slice_indices(l->len, &start, &stop, &step, has_start, has_stop, has_step);
    if (n < 0)
        return NULL;
    MgList *r = list_alloc(l->elem, n); /* n <= len(l) */
    int32_t sz = l->elem->size;
    if (step == 1) {
        if (n)
            __builtin_memcpy(r->data, SLOT(l, start), (size_t)(n * sz));
    } else {
        for (int64_t i = 0, j = start; i < n; i++, j += step)
            __builtin_memcpy(r->data + i * sz, SLOT(l, j), (size_t)sz);
    }
    r->len = n;
    incref_range(r, 0, n);
    return r;
}

/* i normalised, or -1 after raising IndexError. */
static int64_t assign_index(MgList *l, int64_t i) {
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len) {
        mg_exc_raise("IndexError", "list assignment index out of range");
        return -1;
    }
    return i;
}

void mg_list_setitem(MgList *l, int64_t i, const void *v) {
    i = assign_index(l, i);
    if (i < 0) {
        drop(l->elem, v);
        return;
    }
    char tmp[256];
    void *old = l->elem->size <= (int32_t)sizeof tmp ? tmp : mg_alloc((size_t)l->elem->size);
    mg_slot_copy(l->elem, old, SLOT(l, i));
    mg_slot_copy(l->elem, SLOT(l, i), v);
    mg_val_decref(l->elem, old); /* after the store, like CPython */
    if (old != tmp)
        mg_free(old);
}

void mg_list_delitem(MgList *l, int64_t i) {
    i = assign_index(l, i);
    if (i < 0)
        return;
    char tmp[256];
    void *old = l->elem->size <= (int32_t)sizeof tmp ? tmp : mg_alloc((size_t)l->elem->size);
    mg_slot_copy(l->elem, old, SLOT(l, i));
    remove_at(l, i);
    mg_val_decref(l->elem, old);
    if (old != tmp)
        mg_free(old);
}

MgList *mg_list_concat(MgList *a, MgList *b) {
    int64_t n;
    if (__builtin_add_overflow(a->len, b->len, &n)) {
        mg_exc_nomem();
        return NULL;
    }
    MgList *r = mg_list_new(a->elem, n);
    if (!r)
        return NULL;
    int32_t sz = a->elem->size;
    if (a->len)
        __builtin_memcpy(r->data, a->data, (size_t)(a->len * sz));
    if (b->len)
        __builtin_memcpy(r->data + a->len * sz, b->data, (size_t)(b->len * sz));
    r->len = n;
    incref_range(r, 0, n);
    return r;
}

MgList *mg_list_repeat(MgList *l, int64_t n) {
    if (n <= 0 || l->len == 0)
        return list_alloc(l->elem, 0);
    int64_t total;
    if (__builtin_mul_overflow(l->len, n, &total)) {
        mg_exc_nomem();
        return NULL;
    }
    MgList *r = mg_list_new(l->elem, total);
    if (!r)
        return NULL;
    size_t chunk = (size_t)(l->len * l->elem->size), bytes = chunk * (size_t)n;
    /* One copy, then double what is filled: log2(n) memcpy calls. */
    __builtin_memcpy(r->data, l->data, chunk);
    for (size_t done = chunk; done < bytes;) {
        size_t k = done < bytes - done ? done : bytes - done;
        __builtin_memcpy(r->data + done, r->data, k);
        done += k;
    }
    r->len = total;
    incref_range(r, 0, total);
    return r;
}

/* xs *= n (list_inplace_repeat): the list itself grows to n copies of
 * its items; n < 1 clears it. */
void mg_list_irepeat(MgList *l, int64_t n) {
    int64_t m = l->len;
    if (m == 0 || n == 1)
        return;
    if (n < 1) {
        mg_list_clear(l);
        return;
    }
    int64_t total;
    if (__builtin_mul_overflow(m, n, &total)) {
        mg_exc_nomem();
        return;
    }
    if (!resize(l, total))
        return;
    size_t chunk = (size_t)(m * l->elem->size), bytes = chunk * (size_t)n;
    for (size_t done = chunk; done < bytes;) {
        size_t k = done < bytes - done ? done : bytes - done;
        __builtin_memcpy(l->data + done, l->data, k);
        done += k;
    }
    l->len = total;
    incref_range(l, m, total);
}

void *mg_list_at(MgList *l, int64_t i) {
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len) {
        mg_exc_raise("IndexError", "list index out of range");
        return NULL;
    }
    return SLOT(l, i);
}

/* ---- slice deletion and assignment (CPython's list_ass_subscript) ------- */

/* Replace slots [lo, hi) of l by the n slots at src (already owned by the
 * caller's copy: their references move into l). The old slots are
 * decref'd after the list is consistent again, as CPython does. False
 * (MemoryError raised, l unchanged, src still the caller's) when l cannot
 * grow. */
static bool replace_range(MgList *l, int64_t lo, int64_t hi, const char *src, int64_t n) {
    int32_t sz = l->elem->size;
    int64_t d = hi - lo;
    int64_t old = l->len, newlen = old - d + n;
    if (n > d && !resize(l, newlen)) /* grow first, then move the tail right */
        return false;
    char *garbage = NULL;
    if (d > 0 && mg_type_has_refs(l->elem)) {
        garbage = mg_alloc((size_t)(d * sz));
        __builtin_memcpy(garbage, SLOT(l, lo), (size_t)(d * sz));
    }
    if (n > d) {
        __builtin_memmove(SLOT(l, hi + n - d), SLOT(l, hi), (size_t)((old - hi) * sz));
    } else if (n < d) { /* move the tail left, then shrink */
        __builtin_memmove(SLOT(l, lo + n), SLOT(l, hi), (size_t)((old - hi) * sz));
        resize(l, newlen); /* shrinking: cannot fail */
    }
    if (n)
        __builtin_memcpy(SLOT(l, lo), src, (size_t)(n * sz));
    l->len = newlen;
    if (garbage) {
        for (int64_t i = 0; i < d; i++)
            mg_val_decref(l->elem, garbage + i * sz);
        mg_free(garbage);
    }
    return true;
}

void mg_list_delslice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop,
                      bool has_step) {
    int64_t n = mg_slice_indices(l->len, &start, &stop, &step, has_start, has_stop, has_step);
    if (n < 0)
        return;
    if (step == 1) {
        if (stop > start)
            replace_range(l, start, stop, NULL, 0); /* shrinking: cannot fail */
        return;
    }
    if (n <= 0)
        return;
    if (step < 0) { /* the same items, walked upwards */
        start = start + step * (n - 1);
        step = -step;
    }
    int32_t sz = l->elem->size;
    char *garbage = alloc_slots(l->elem, n);
    int64_t w = start; /* write position */
    for (int64_t k = 0; k < n; k++) {
        int64_t i = start + k * step;
        __builtin_memcpy(garbage + k * sz, SLOT(l, i), (size_t)sz);
        int64_t next = k + 1 < n ? i + step : l->len; /* keep (i, next) */
        __builtin_memmove(SLOT(l, w), SLOT(l, i + 1), (size_t)((next - i - 1) * sz));
        w += next - i - 1;
    }
    l->len -= n;
    resize(l, l->len); /* shrinking: cannot fail */
    if (mg_type_has_refs(l->elem))
        for (int64_t k = 0; k < n; k++)
            mg_val_decref(l->elem, garbage + k * sz);
    mg_free(garbage);
}

void mg_list_setslice(MgList *l, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop,
                      bool has_step, MgList *v) {
    int64_t n = mg_slice_indices(l->len, &start, &stop, &step, has_start, has_stop, has_step);
    if (n < 0)
        return;
    int32_t sz = l->elem->size;
    int64_t m = v->len;
    /* New references to the items being stored (a copy: v may be l). */
    char *items = alloc_slots(l->elem, m);
    if (m)
        __builtin_memcpy(items, v->data, (size_t)(m * sz));
    if (mg_type_has_refs(l->elem))
        for (int64_t k = 0; k < m; k++)
            mg_val_incref(l->elem, items + k * sz);
    if (step == 1) {
        if (stop < start)
            stop = start;
        bool ok = replace_range(l, start, stop, items, m);
        if (!ok && mg_type_has_refs(l->elem))
            for (int64_t k = 0; k < m; k++)
                mg_val_decref(l->elem, items + k * sz);
        mg_free(items);
        return;
    }
    if (m != n) {
        if (mg_type_has_refs(l->elem))
            for (int64_t k = 0; k < m; k++)
                mg_val_decref(l->elem, items + k * sz);
        mg_free(items);
        char msg[128];
        char *p = msg;
        static const char a[] = "attempt to assign sequence of size ";
        static const char b[] = " to extended slice of size ";
        __builtin_memcpy(p, a, sizeof a - 1);
        p += sizeof a - 1;
        p += mg_fmt_int(p, m);
        __builtin_memcpy(p, b, sizeof b - 1);
        p += sizeof b - 1;
        p += mg_fmt_int(p, n);
        *p = 0;
        mg_exc_raise("ValueError", msg);
        return;
    }
    char *garbage = alloc_slots(l->elem, n);
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        __builtin_memcpy(garbage + k * sz, SLOT(l, i), (size_t)sz);
        __builtin_memcpy(SLOT(l, i), items + k * sz, (size_t)sz);
    }
    mg_free(items);
    if (mg_type_has_refs(l->elem))
        for (int64_t k = 0; k < n; k++)
            mg_val_decref(l->elem, garbage + k * sz);
    mg_free(garbage);
}
