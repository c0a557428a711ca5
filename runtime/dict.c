/* dict[K, V]: an insertion-ordered hash table in the style of CPython's
 * compact dict. Entries {hash, key slot, value slot} are appended to a
 * dense array in insertion order; a separate power-of-two index table maps
 * hash probes to entry numbers (-1 = empty, -2 = deleted). Deleting marks
 * the entry dead (hash -1, which no real hash equals) and iteration skips
 * it; a resize compacts the entries.
 *
 * Probing is CPython's: i = hash & mask, then i = 5*i + perturb + 1 with
 * perturb >>= 5. Sizes: the entry array holds 2/3 of the index size; when
 * it is full the table is rebuilt for used*3 (CPython's GROWTH_RATE). */
#include "mg_internal.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define DEAD (-1) /* hash of a deleted entry */
#define PERTURB_SHIFT 5

struct MgDict {
    int64_t rc;
    const MgType *kt, *vt;
    int64_t used;     /* live entries */
    int64_t nentries; /* entries in use, live or dead */
    int64_t usable;   /* capacity of the entry array */
    int64_t mask;     /* index table size - 1 (table absent while usable == 0) */
    int32_t koff, voff, esz; /* entry layout: hash at 0, key, value; stride */
    int32_t *index;
    char *entries;
};

#define ENTRY(d, i) ((d)->entries + (int64_t)(i) * (d)->esz)
#define EHASH(e) (*(int64_t *)(e))
#define EKEY(d, e) ((e) + (d)->koff)
#define EVAL(d, e) ((e) + (d)->voff)

static int32_t align_up(int32_t x, int32_t a) { return (x + a - 1) / a * a; }

MgDict *mg_dict_new(const MgType *key, const MgType *val) {
    MgDict *d = mg_alloc(sizeof(MgDict));
    __builtin_memset(d, 0, sizeof *d);
    d->rc = 1;
    d->kt = key;
    d->vt = val;
    d->koff = align_up(8, key->align);
    d->voff = align_up(d->koff + key->size, val->align);
    d->esz = align_up(d->voff + val->size, 8);
    return d;
}

int64_t mg_dict_len(MgDict *d) { return d->used; }
const MgType *mg_dict_key_type(MgDict *d) { return d->kt; }
const MgType *mg_dict_val_type(MgDict *d) { return d->vt; }

/* Equality of a stored key with k, with fast paths for int and str. */
static inline bool key_eq(MgDict *d, const char *stored, const void *k) {
    switch (d->kt->kind) {
    case MG_KIND_INT: return __builtin_memcmp(stored, k, 8) == 0;
    case MG_KIND_STR: {
        MgStr *a, *b;
        __builtin_memcpy(&a, stored, sizeof a);
        __builtin_memcpy(&b, k, sizeof b);
        return mg_str_eq(a, b);
    }
    default: return mg_val_eq(d->kt, stored, k);
    }
}

/* Entry number of k, or -1; *slot (if not NULL) gets its index position. */
static int64_t lookup(MgDict *d, const void *k, int64_t hash, int64_t *slot) {
    if (d->usable == 0)
        return -1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & (uint64_t)d->mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return -1;
        if (ix >= 0) {
            char *e = ENTRY(d, ix);
            if (EHASH(e) == hash && key_eq(d, EKEY(d, e), k)) {
                if (slot)
                    *slot = (int64_t)i;
                return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & (uint64_t)d->mask;
    }
}

/* First empty or deleted index position on hash's probe sequence. */
static uint64_t free_slot(MgDict *d, int64_t hash) {
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & (uint64_t)d->mask;
    while (d->index[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & (uint64_t)d->mask;
    }
    return i;
}

/* Rebuild with an index table of the smallest power of two >= minsize
 * (at least 8), compacting away dead entries. False (MemoryError raised, d
 * unchanged) past 2**31 index slots: entry numbers are int32. */
static bool rebuild(MgDict *d, int64_t minsize) {
    int64_t size = 8;
    while (size < minsize) {
        if (size > (int64_t)1 << 30) {
            mg_exc_nomem();
            return false;
        }
        size <<= 1;
    }
    int64_t usable = (size << 1) / 3;
    int32_t *index = mg_alloc((size_t)size * sizeof(int32_t));
    __builtin_memset(index, 0xFF, (size_t)size * sizeof(int32_t)); /* all IX_EMPTY */
    char *entries = mg_alloc((size_t)(usable * d->esz));
    int64_t n = 0;
    for (int64_t i = 0; i < d->nentries; i++) {
        char *e = ENTRY(d, i);
        if (EHASH(e) != DEAD)
            __builtin_memcpy(entries + n++ * d->esz, e, (size_t)d->esz);
    }
    mg_free(d->index);
    mg_free(d->entries);
    d->index = index;
    d->entries = entries;
    d->mask = size - 1;
    d->usable = usable;
    d->nentries = n;
    for (int64_t i = 0; i < n; i++)
        d->index[free_slot(d, EHASH(ENTRY(d, i)))] = (int32_t)i;
    return true;
}

/* Append a new entry (k known absent); takes the references in k and v.
 * False (MemoryError raised, nothing taken) when the table cannot grow. */
static bool insert_new(MgDict *d, const void *k, const void *v, int64_t hash) {
    if (d->nentries == d->usable && !rebuild(d, d->used * 3))
        return false;
    char *e = ENTRY(d, d->nentries);
    __builtin_memset(e, 0, (size_t)d->esz); /* padding: entries are copied whole */
    EHASH(e) = hash;
    mg_slot_copy(d->kt, EKEY(d, e), k);
    mg_slot_copy(d->vt, EVAL(d, e), v);
    d->index[free_slot(d, hash)] = (int32_t)d->nentries;
    d->nentries++;
    d->used++;
    return true;
}

/* Value slots may be up to any size: a scratch copy for deferred decrefs. */
#define WITH_SCRATCH(t, name, body)                                                        \
    do {                                                                                 \
        char name##_buf[256];                                                            \
        void *name = (t)->size <= 256 ? (void *)name##_buf : mg_alloc((size_t)(t)->size); \
        body;                                                                            \
        if (name != (void *)name##_buf)                                                  \
            mg_free(name);                                                               \
    } while (0)

/* d[k] = v with k's hash known; takes k and v (released on error:
 * false, MemoryError raised). */
static bool set_hashed(MgDict *d, const void *k, const void *v, int64_t hash) {
    int64_t ix = lookup(d, k, hash, NULL);
    if (ix < 0) {
        if (insert_new(d, k, v, hash))
            return true;
        mg_val_decref(d->kt, (void *)k);
        mg_val_decref(d->vt, (void *)v);
        return false;
    }
    /* Present: keep the old key, replace the value (decref'd after the
     * store, as CPython does, in case its release touches this dict). */
    char *e = ENTRY(d, ix);
    WITH_SCRATCH(d->vt, old, {
        mg_slot_copy(d->vt, old, EVAL(d, e));
        mg_slot_copy(d->vt, EVAL(d, e), v);
        mg_val_decref(d->kt, (void *)k);
        mg_val_decref(d->vt, old);
    });
    return true;
}

void mg_dict_set(MgDict *d, const void *k, const void *v) {
    int64_t hash = mg_val_hash(d->kt, k);
    if (hash == -1) {
        mg_val_decref(d->kt, (void *)k);
        mg_val_decref(d->vt, (void *)v);
        return;
    }
    set_hashed(d, k, v, hash);
}

void *mg_dict_find(MgDict *d, const void *k) {
    int64_t hash = mg_val_hash(d->kt, k);
    if (hash == -1)
        return NULL;
    int64_t ix = lookup(d, k, hash, NULL);
    return ix < 0 ? NULL : EVAL(d, ENTRY(d, ix));
}

void *mg_dict_at(MgDict *d, const void *k) {
    int64_t hash = mg_val_hash(d->kt, k);
    if (hash == -1)
        return NULL;
    int64_t ix = lookup(d, k, hash, NULL);
    if (ix < 0) {
        mg_raise_repr("KeyError", d->kt, k, NULL);
        return NULL;
    }
    return EVAL(d, ENTRY(d, ix));
}

bool mg_dict_contains(MgDict *d, const void *k) { return mg_dict_find(d, k) != NULL; }

/* Unlink k's entry into *out: its key and value slots stay readable
 * there until the next insertion. 1 if found, 0 if absent, -1 if k is
 * unhashable (raised). */
static int unlink_key(MgDict *d, const void *k, char **out) {
    int64_t slot;
    int64_t hash = mg_val_hash(d->kt, k);
    if (hash == -1)
        return -1;
    int64_t ix = lookup(d, k, hash, &slot);
    if (ix < 0)
        return 0;
    d->index[slot] = IX_DUMMY;
    char *e = ENTRY(d, ix);
    EHASH(e) = DEAD;
    d->used--;
    *out = e;
    return 1;
}

void mg_dict_delitem(MgDict *d, const void *k) {
    char *e;
    int r = unlink_key(d, k, &e);
    if (r <= 0) {
        if (r == 0)
            mg_raise_repr("KeyError", d->kt, k, NULL);
        return;
    }
    mg_val_decref(d->kt, EKEY(d, e));
    mg_val_decref(d->vt, EVAL(d, e));
}

bool mg_dict_pop(MgDict *d, const void *k, void *out) {
    char *e;
    if (d->used == 0) /* CPython's dict.pop: absent before hashing */
        return false;
    if (unlink_key(d, k, &e) <= 0)
        return false;
    mg_slot_copy(d->vt, out, EVAL(d, e));
    mg_val_decref(d->kt, EKEY(d, e));
    return true;
}

/* Release all entries and the tables. */
static void release(MgDict *d) {
    char *entries = d->entries;
    int64_t n = d->nentries;
    mg_free(d->index);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->usable = 0;
    d->mask = 0;
    bool kr = mg_type_has_refs(d->kt), vr = mg_type_has_refs(d->vt);
    if (kr || vr)
        for (int64_t i = 0; i < n; i++) {
            char *e = entries + i * d->esz;
            if (EHASH(e) == DEAD)
                continue;
            mg_val_decref(d->kt, EKEY(d, e));
            mg_val_decref(d->vt, EVAL(d, e));
        }
    mg_free(entries);
}

void mg_dict_clear(MgDict *d) { release(d); }

void mg_dict_free(MgDict *d) {
    release(d);
    mg_free(d);
}

bool mg_dict_next(MgDict *d, int64_t *pos, void **key, void **val) {
    for (int64_t i = *pos; i < d->nentries; i++) {
        char *e = ENTRY(d, i);
        if (EHASH(e) != DEAD) {
            *pos = i + 1;
            *key = EKEY(d, e);
            *val = EVAL(d, e);
            return true;
        }
    }
    *pos = d->nentries;
    return false;
}

void mg_dict_update(MgDict *d, MgDict *other) {
    if (d == other)
        return;
    for (int64_t i = 0; i < other->nentries; i++) {
        char *e = ENTRY(other, i);
        if (EHASH(e) == DEAD)
            continue;
        mg_val_incref(d->kt, EKEY(other, e));
        mg_val_incref(d->vt, EVAL(other, e));
        if (!set_hashed(d, EKEY(other, e), EVAL(other, e), EHASH(e)))
            return; /* d keeps what was merged so far, as CPython's */
    }
}

/* Never raises: the table is sized for d's entries up front (d->used * 3
 * / 2 index slots; d itself has at least that many), so the insertions
 * never grow it. */
MgDict *mg_dict_copy(MgDict *d) {
    MgDict *r = mg_dict_new(d->kt, d->vt);
    if (d->used)
        (void)rebuild(r, (d->used * 3 + 1) / 2); /* room for all without regrowth; fits as d does */
    mg_dict_update(r, d);
    return r;
}

/* keys / values / items: new lists in insertion order. */
static MgList *collect(MgDict *d, const MgType *t, int which) {
    /* Never raises: a slot is smaller than the entry holding it, and d's
     * entries fit. */
    MgList *l = mg_list_new(t, d->used);
    int32_t sz = t->size;
    for (int64_t i = 0; i < d->nentries; i++) {
        char *e = ENTRY(d, i);
        if (EHASH(e) == DEAD)
            continue;
        char *slot = l->data + l->len * sz;
        if (which == 0) {
            mg_slot_copy(t, slot, EKEY(d, e));
        } else if (which == 1) {
            mg_slot_copy(t, slot, EVAL(d, e));
        } else {
            __builtin_memset(slot, 0, (size_t)sz);
            mg_slot_copy(d->kt, slot + t->offsets[0], EKEY(d, e));
            mg_slot_copy(d->vt, slot + t->offsets[1], EVAL(d, e));
        }
        mg_val_incref(t, slot);
        l->len++;
    }
    return l;
}

MgList *mg_dict_keys(MgDict *d) { return collect(d, d->kt, 0); }
MgList *mg_dict_values(MgDict *d) { return collect(d, d->vt, 1); }
MgList *mg_dict_items(MgDict *d, const MgType *item_type) { return collect(d, item_type, 2); }
