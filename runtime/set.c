/* set[T]: CPython 3.11's setobject.c algorithm (written anew for slots), so
 * that the iteration order of sets of ints, floats, bools and tuples of
 * those is CPython's, including after removals, pop() and the set
 * operators.
 *
 * The table has mask+1 entries {hash, element slot} (8 at first) plus a
 * state byte per entry: UNUSED, ACTIVE or DUMMY (deleted; its hash is set
 * to -1, which no real hash equals). `fill` counts active + dummy entries,
 * `used` the active ones. Lookups probe LINEAR_PROBES neighbours of each
 * position before jumping with CPython's perturbation recurrence; the
 * table is rebuilt when fill*5 >= mask*3. */
#include "mg_internal.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
enum { UNUSED = 0, ACTIVE = 1, DUMMY = 2 };

struct MgSet {
    int64_t rc;
    const MgType *et;
    int64_t fill, used, mask;
    int64_t finger;      /* where pop() resumes its search */
    int32_t koff, esz;   /* entry layout: hash at 0, element at koff; stride */
    char *table;         /* (mask+1) entries */
    uint8_t *state;      /* (mask+1) states, in the same block as table */
};

#define ENTRY(s, i) ((s)->table + (int64_t)(i) * (s)->esz)
#define EHASH(e) (*(int64_t *)(e))
#define EKEY(s, e) ((e) + (s)->koff)

static void alloc_table(MgSet *s, int64_t size) {
    int64_t bytes = size * s->esz + size;
    s->table = mg_alloc((size_t)bytes);
    __builtin_memset(s->table, 0, (size_t)bytes);
    s->state = (uint8_t *)s->table + size * s->esz;
    s->mask = size - 1;
}

MgSet *mg_set_new(const MgType *elem) {
    MgSet *s = mg_alloc(sizeof(MgSet));
    s->rc = 1;
    s->et = elem;
    s->fill = s->used = s->finger = 0;
    s->koff = (8 + elem->align - 1) / elem->align * elem->align;
    s->esz = (s->koff + elem->size + 7) / 8 * 8;
    alloc_table(s, MINSIZE);
    return s;
}

int64_t mg_set_len(MgSet *s) { return s->used; }
const MgType *mg_set_elem_type(MgSet *s) { return s->et; }

static inline bool elem_eq(MgSet *s, const char *stored, const void *k) {
    if (s->et->kind == MG_KIND_INT)
        return __builtin_memcmp(stored, k, 8) == 0;
    return mg_val_eq(s->et, stored, k);
}

/* set_lookkey: the entry holding k, or the UNUSED entry ending its probe
 * sequence (dummies are passed over). */
static int64_t lookkey(MgSet *s, const void *k, int64_t hash) {
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        uint64_t e = i;
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (s->state[e] == UNUSED)
                return (int64_t)e;
            if (EHASH(ENTRY(s, e)) == hash && s->state[e] == ACTIVE && elem_eq(s, EKEY(s, ENTRY(s, e)), k))
                return (int64_t)e;
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_insert_clean: place an element known to be absent into a table with
 * no dummies (during a rebuild). */
static void insert_clean(MgSet *s, const char *slot, int64_t hash) {
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    uint64_t e;
    for (;;) {
        e = i;
        if (s->state[e] == UNUSED)
            goto found;
        if (i + LINEAR_PROBES <= mask)
            for (int j = 0; j < LINEAR_PROBES; j++)
                if (s->state[++e] == UNUSED)
                    goto found;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    s->state[e] = ACTIVE;
    EHASH(ENTRY(s, e)) = hash;
    mg_slot_copy(s->et, EKEY(s, ENTRY(s, e)), slot);
}

/* set_table_resize: rebuild for the smallest power of two > minused,
 * dropping dummies. False (MemoryError raised, s unchanged) past 2**41
 * entries. */
static bool table_resize(MgSet *s, int64_t minused) {
    int64_t size = MINSIZE;
    while (size <= minused) {
        if (size > ((int64_t)1 << 40)) {
            mg_exc_nomem();
            return false;
        }
        size <<= 1;
    }
    /* A minimum-size table without dummies is left alone (CPython keeps
     * its small table then). */
    if (size == MINSIZE && s->mask == MINSIZE - 1 && s->fill == s->used)
        return true;
    char *old = s->table;
    uint8_t *ostate = s->state;
    int64_t omask = s->mask;
    alloc_table(s, size);
    s->fill = s->used;
    for (int64_t i = 0; i <= omask; i++)
        if (ostate[i] == ACTIVE) {
            char *e = old + i * s->esz;
            insert_clean(s, EKEY(s, e), EHASH(e));
        }
    mg_free(old);
    return true;
}

/* set_add_entry without taking a reference: copies the slot in if k is
 * absent and returns ADDED; PRESENT if an equal element is present. The new
 * element goes to the last dummy passed on its probe sequence if any (this
 * is what CPython 3.11 does, checked against its tables), else to the
 * unused entry that ended the search. ADDED_NOMEM: k went in, then the
 * table could not grow (MemoryError raised; the set is valid, as
 * CPython's after a failed resize). */
enum { PRESENT = 0, ADDED = 1, ADDED_NOMEM = 2 };
static int add_entry(MgSet *s, const void *k, int64_t hash) {
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    int64_t freeslot = -1;
    uint64_t e;
    for (;;) {
        e = i;
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            uint8_t st = s->state[e];
            if (st == UNUSED)
                goto found_unused_or_dummy;
            if (st == ACTIVE) {
                if (EHASH(ENTRY(s, e)) == hash && elem_eq(s, EKEY(s, ENTRY(s, e)), k))
                    return PRESENT;
            } else if (st == DUMMY) {
                freeslot = (int64_t)e; /* CPython keeps the last dummy seen */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot >= 0) { /* reuse a dummy: fill is unchanged */
        s->used++;
        s->state[freeslot] = ACTIVE;
        EHASH(ENTRY(s, freeslot)) = hash;
        mg_slot_copy(s->et, EKEY(s, ENTRY(s, freeslot)), k);
        return ADDED;
    }
    s->fill++;
    s->used++;
    s->state[e] = ACTIVE;
    EHASH(ENTRY(s, e)) = hash;
    mg_slot_copy(s->et, EKEY(s, ENTRY(s, e)), k);
    if (s->fill * 5 >= s->mask * 3 && !table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4))
        return ADDED_NOMEM;
    return ADDED;
}

/* Add a borrowed slot, taking a new reference if it was inserted. False
 * if MemoryError was raised. */
static bool add_copy(MgSet *s, const void *k, int64_t hash) {
    int r = add_entry(s, k, hash);
    if (r != PRESENT)
        mg_val_incref(s->et, (void *)k);
    return r != ADDED_NOMEM;
}

static bool contains_entry(MgSet *s, const void *k, int64_t hash) {
    return s->state[lookkey(s, k, hash)] == ACTIVE;
}

/* set_discard_entry: true if k was present (its reference is dropped). */
static bool discard_entry(MgSet *s, const void *k, int64_t hash) {
    int64_t e = lookkey(s, k, hash);
    if (s->state[e] != ACTIVE)
        return false;
    char *ent = ENTRY(s, e);
    s->state[e] = DUMMY;
    EHASH(ent) = -1;
    s->used--;
    mg_val_decref(s->et, EKEY(s, ent));
    return true;
}

void mg_set_add(MgSet *s, const void *v) {
    int64_t hash = mg_val_hash(s->et, v);
    if (hash == -1 || add_entry(s, v, hash) == PRESENT)
        mg_val_decref(s->et, (void *)v);
}

bool mg_set_contains(MgSet *s, const void *v) {
    int64_t hash = mg_val_hash(s->et, v);
    return hash != -1 && contains_entry(s, v, hash);
}

bool mg_set_discard(MgSet *s, const void *v) {
    int64_t hash = mg_val_hash(s->et, v);
    return hash != -1 && discard_entry(s, v, hash);
}

void mg_set_remove(MgSet *s, const void *v) {
    int64_t hash = mg_val_hash(s->et, v);
    if (hash != -1 && !discard_entry(s, v, hash))
        mg_raise_repr("KeyError", s->et, v, NULL);
}

/* set_pop: the first active entry at or after the finger (wrapping). */
void mg_set_pop(MgSet *s, void *out) {
    if (s->used == 0) {
        mg_exc_raise("KeyError", "'pop from an empty set'");
        return;
    }
    int64_t e = s->finger & s->mask;
    while (s->state[e] != ACTIVE) {
        e++;
        if (e > s->mask)
            e = 0;
    }
    char *ent = ENTRY(s, e);
    mg_slot_copy(s->et, out, EKEY(s, ent));
    s->state[e] = DUMMY;
    EHASH(ent) = -1;
    s->used--;
    s->finger = e + 1;
}

/* Drop every element; the table returns to the minimum size. */
static void release(MgSet *s, bool keep) {
    char *table = s->table;
    uint8_t *state = s->state;
    int64_t n = s->mask + 1;
    if (keep) {
        alloc_table(s, MINSIZE);
        s->fill = s->used = 0;
    }
    if (mg_type_has_refs(s->et))
        for (int64_t i = 0; i < n; i++)
            if (state[i] == ACTIVE)
                mg_val_decref(s->et, table + i * s->esz + s->koff);
    mg_free(table);
}

void mg_set_clear(MgSet *s) { release(s, true); }

void mg_set_free(MgSet *s) {
    release(s, false);
    mg_free(s);
}

bool mg_set_next(MgSet *s, int64_t *pos, void **slot) {
    for (int64_t i = *pos; i <= s->mask; i++)
        if (s->state[i] == ACTIVE) {
            *pos = i + 1;
            *slot = EKEY(s, ENTRY(s, i));
            return true;
        }
    *pos = s->mask + 1;
    return false;
}

/* set_merge (a.update(b) for a set b): one resize up front, then a plain
 * copy of the table when the shapes allow, else insertions. False if
 * MemoryError was raised (s holds part of o). */
static bool merge(MgSet *s, MgSet *o) {
    if (s == o || o->used == 0)
        return true;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && !table_resize(s, (s->used + o->used) * 2))
        return false;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        /* Empty target of the same size, no dummies in the source: the
         * entries keep their positions. */
        for (int64_t i = 0; i <= o->mask; i++)
            if (o->state[i] == ACTIVE) {
                char *src = ENTRY(o, i), *dst = ENTRY(s, i);
                __builtin_memcpy(dst, src, (size_t)s->esz);
                s->state[i] = ACTIVE;
                mg_val_incref(s->et, EKEY(s, dst));
            }
        s->fill = o->fill;
        s->used = o->used;
        return true;
    }
    if (s->fill == 0) { /* empty target: no duplicates possible */
        s->fill = s->used = o->used;
        for (int64_t i = 0; i <= o->mask; i++)
            if (o->state[i] == ACTIVE) {
                char *src = ENTRY(o, i);
                insert_clean(s, EKEY(o, src), EHASH(src));
                mg_val_incref(s->et, EKEY(o, src));
            }
        return true;
    }
    for (int64_t i = 0; i <= o->mask; i++)
        if (o->state[i] == ACTIVE) {
            char *src = ENTRY(o, i);
            if (!add_copy(s, EKEY(o, src), EHASH(src)))
                return false;
        }
    return true;
}

void mg_set_update(MgSet *s, MgSet *o) { (void)merge(s, o); }

/* The result r of a set operation, or NULL (freeing r) if it raised. */
static MgSet *result(MgSet *r, bool ok) {
    if (ok)
        return r;
    mg_set_free(r);
    return NULL;
}

/* set(s) / s.copy(): a new set, then set_merge. */
MgSet *mg_set_copy(MgSet *s) {
    MgSet *r = mg_set_new(s->et);
    return result(r, merge(r, s));
}

/* a | b: copy a, then merge b. */
MgSet *mg_set_union(MgSet *a, MgSet *b) {
    MgSet *r = mg_set_copy(a);
    if (!r || a == b)
        return r;
    return result(r, merge(r, b));
}

/* a & b: iterate the smaller set (b when sizes are equal), keeping the
 * elements found in the other, in that iteration order. */
MgSet *mg_set_intersection(MgSet *a, MgSet *b) {
    if (a == b)
        return mg_set_copy(a);
    MgSet *r = mg_set_new(a->et);
    MgSet *big = a, *small = b;
    if (small->used > big->used) {
        big = b;
        small = a;
    }
    for (int64_t i = 0; i <= small->mask; i++)
        if (small->state[i] == ACTIVE) {
            char *e = ENTRY(small, i);
            if (contains_entry(big, EKEY(small, e), EHASH(e)) && !add_copy(r, EKEY(small, e), EHASH(e)))
                return result(r, false);
        }
    return r;
}

/* More than a quarter dummies after removals: rebuild (smaller). */
static bool compact(MgSet *s) {
    if ((uint64_t)(s->fill - s->used) > (uint64_t)s->mask / 4)
        return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
    return true;
}

/* set_difference_update_internal for a set argument; false if MemoryError
 * was raised. */
static bool difference_update(MgSet *s, MgSet *o) {
    if (s == o) {
        mg_set_clear(s);
        return true;
    }
    MgSet *tmp = NULL;
    if ((o->used >> 3) > s->used) { /* much bigger: only the common part matters */
        o = tmp = mg_set_intersection(s, o);
        if (!tmp)
            return false;
    }
    for (int64_t i = 0; i <= o->mask; i++)
        if (o->state[i] == ACTIVE) {
            char *e = ENTRY(o, i);
            discard_entry(s, EKEY(o, e), EHASH(e));
        }
    if (tmp)
        mg_set_free(tmp);
    return compact(s);
}

/* a - b: when a is more than 4x b, copy a and discard b's elements;
 * otherwise collect a's elements missing from b. */
MgSet *mg_set_difference(MgSet *a, MgSet *b) {
    if ((a->used >> 2) > b->used) {
        MgSet *r = mg_set_copy(a);
        if (!r)
            return NULL;
        return result(r, difference_update(r, b));
    }
    MgSet *r = mg_set_new(a->et);
    for (int64_t i = 0; i <= a->mask; i++)
        if (a->state[i] == ACTIVE) {
            char *e = ENTRY(a, i);
            if (!contains_entry(b, EKEY(a, e), EHASH(e)) && !add_copy(r, EKEY(a, e), EHASH(e)))
                return result(r, false);
        }
    return r;
}

/* Each element of o is removed from s if present, else added, in o's
 * order; false if MemoryError was raised. */
static bool symmetric_update(MgSet *s, MgSet *o) {
    for (int64_t i = 0; i <= o->mask; i++)
        if (o->state[i] == ACTIVE) {
            char *e = ENTRY(o, i);
            if (!discard_entry(s, EKEY(o, e), EHASH(e)) && !add_copy(s, EKEY(o, e), EHASH(e)))
                return false;
        }
    return true;
}

/* a ^ b: copy b, then for each element of a discard it or add it. */
MgSet *mg_set_symmetric_difference(MgSet *a, MgSet *b) {
    MgSet *r = mg_set_copy(b);
    if (!r)
        return NULL;
    return result(r, symmetric_update(r, a));
}

bool mg_set_issubset(MgSet *a, MgSet *b) {
    if (a->used > b->used)
        return false;
    for (int64_t i = 0; i <= a->mask; i++)
        if (a->state[i] == ACTIVE) {
            char *e = ENTRY(a, i);
            if (!contains_entry(b, EKEY(a, e), EHASH(e)))
                return false;
        }
    return true;
}

/* s &= o (set_intersection_update): the intersection is computed as for
 * s & o, then its table is swapped into s (pop()'s finger stays). */
void mg_set_intersection_update(MgSet *s, MgSet *o) {
    MgSet *r = mg_set_intersection(s, o);
    if (!r)
        return; /* s unchanged */
    int64_t t;
    t = s->fill, s->fill = r->fill, r->fill = t;
    t = s->used, s->used = r->used, r->used = t;
    t = s->mask, s->mask = r->mask, r->mask = t;
    char *tab = s->table;
    s->table = r->table, r->table = tab;
    uint8_t *st = s->state;
    s->state = r->state, r->state = st;
    mg_set_free(r);
}

/* s ^= o (set_symmetric_difference_update). */
void mg_set_symmetric_difference_update(MgSet *s, MgSet *o) {
    if (s == o) {
        mg_set_clear(s);
        return;
    }
    (void)symmetric_update(s, o);
}

/* A frozenset constant of CPython's compiler from the set `a` of its
 * elements (inserted in source order): merge_consts_recursive rebuilds it by
 * adding a's elements in a's iteration order. The result is immortal; `a`
 * is released. */
MgSet *mg_set_freeze(MgSet *a) {
    MgSet *b = mg_set_new(a->et);
    bool ok = true;
    for (int64_t i = 0; i <= a->mask && ok; i++)
        if (a->state[i] == ACTIVE) {
            char *e = ENTRY(a, i);
            ok = add_copy(b, EKEY(a, e), EHASH(e));
        }
    mg_set_free(a);
    if (!ok)
        return result(b, false);
    b->rc = -1;
    return b;
}

/* ---- several / non-set arguments (set.update(*others), union, ...) ------
 * A non-set iterable argument arrives as a list of its items, in
 * iteration order; CPython's paths for a non-set argument iterate it. */

void mg_set_difference_update(MgSet *s, MgSet *o) { (void)difference_update(s, o); }

void mg_set_update_list(MgSet *s, MgList *l) {
    int32_t sz = l->elem->size;
    for (int64_t i = 0; i < l->len; i++) {
        const char *k = l->data + i * sz;
        int64_t h = mg_val_hash(s->et, k);
        if (h == -1 || !add_copy(s, k, h))
            return;
    }
}

MgSet *mg_set_intersection_list(MgSet *s, MgList *l) {
    MgSet *r = mg_set_new(s->et);
    int32_t sz = l->elem->size;
    for (int64_t i = 0; i < l->len; i++) {
        const char *k = l->data + i * sz;
        int64_t h = mg_val_hash(s->et, k);
        if (h == -1 || (contains_entry(s, k, h) && !add_copy(r, k, h)))
            return result(r, false);
    }
    return r;
}

void mg_set_difference_update_list(MgSet *s, MgList *l) {
    int32_t sz = l->elem->size;
    for (int64_t i = 0; i < l->len; i++) {
        const char *k = l->data + i * sz;
        int64_t h = mg_val_hash(s->et, k);
        if (h == -1)
            return; /* the removals so far stand, as CPython's */
        discard_entry(s, k, h);
    }
    (void)compact(s); /* a MemoryError it raises is in mg_exc */
}
