/* CPython 3.11's list.sort algorithm (timsort with the powersort merge
 * policy), over a permutation: perm[i] are indices into the caller's keys,
 * compared only through lt(ctx, a, b) ("keys[a] < keys[b]").
 *
 * For a strict weak order every stable sort gives the same result, and the
 * runtime's plain merge sorts are used (list.c). When `<` is not one -- a
 * float NaN, which is neither smaller nor greater than anything -- the
 * result depends on exactly which comparisons are made, in which order, so
 * this replays CPython's: natural runs (count_run), binary insertion up to
 * minrun, the powersort stack policy (found_new_run / powerloop), galloping
 * merges with the adaptive min_gallop, and the final forced collapse.
 * Written from CPython's Objects/listsort.txt and the 3.11 behaviour (it is
 * checked against python3 on random lists with NaNs, tests/runtime_misc). */
#include "mg_internal.h"

#define MIN_GALLOP 7
#define MAX_PENDING 64

typedef bool (*LtFn)(void *ctx, int64_t a, int64_t b);

typedef struct {
    int64_t *base; /* start of the run, inside the array being sorted */
    int64_t len;
    int power;
} Run;

typedef struct {
    LtFn lt;
    void *ctx;
    int64_t min_gallop;
    int64_t *array; /* the whole permutation: runs' offsets are from here */
    int64_t n;      /* its length */
    int64_t *tmp;   /* merge space: at least n/2 + 1 entries */
    int npending;
    Run pending[MAX_PENDING];
} Sorter;

#define LT(S, X, Y) ((S)->lt((S)->ctx, (X), (Y)))

static void reverse_range(int64_t *lo, int64_t *hi) {
    for (--hi; lo < hi; lo++, hi--) {
        int64_t t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

/* Length of the run at lo (at most n); *descending is set when it is
 * strictly descending (the caller reverses it). */
static int64_t count_run(Sorter *s, int64_t *lo, int64_t n, bool *descending) {
    *descending = false;
    if (n == 1)
        return 1;
    int64_t len = 2;
    if (LT(s, lo[1], lo[0])) {
        *descending = true;
        while (len < n && LT(s, lo[len], lo[len - 1]))
            len++;
    } else {
        while (len < n && !LT(s, lo[len], lo[len - 1]))
            len++;
    }
    return len;
}

/* Sort lo[0, hi) given that lo[0, start) is sorted: binary insertion,
 * stable (a new element goes after the equal ones). */
static void binary_insertion(Sorter *s, int64_t *lo, int64_t hi, int64_t start) {
    if (start == 0)
        start = 1;
    for (; start < hi; start++) {
        int64_t l = 0, r = start, pivot = lo[start];
        do {
            int64_t m = l + ((r - l) >> 1);
            if (LT(s, pivot, lo[m]))
                r = m;
            else
                l = m + 1;
        } while (l < r);
        for (int64_t p = start; p > l; p--)
            lo[p] = lo[p - 1];
        lo[l] = pivot;
    }
}

static int64_t compute_minrun(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* k in [0, n] with a[k-1] < key <= a[k]; the search starts at hint. */
static int64_t gallop_left(Sorter *s, int64_t key, int64_t *a, int64_t n, int64_t hint) {
    int64_t lastofs = 0, ofs = 1;
    int64_t *p = a + hint;
    if (LT(s, *p, key)) {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            if (LT(s, p[ofs], key)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if (LT(s, *(p - ofs), key))
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        int64_t k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        if (LT(s, a[m], key))
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* k in [0, n] with a[k-1] <= key < a[k]; the search starts at hint. */
static int64_t gallop_right(Sorter *s, int64_t key, int64_t *a, int64_t n, int64_t hint) {
    int64_t lastofs = 0, ofs = 1;
    int64_t *p = a + hint;
    if (LT(s, key, *p)) {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if (LT(s, key, *(p - ofs))) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        int64_t k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            if (LT(s, key, p[ofs]))
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        if (LT(s, key, a[m]))
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
}

#define MOVE(dst, src, k) __builtin_memmove((dst), (src), (size_t)(k) * sizeof(int64_t))

/* Merge the adjacent runs a[0, na) and b[0, nb) (b == a + na), na <= nb:
 * a is copied out and merged forward. */
static void merge_lo(Sorter *s, int64_t *a, int64_t na, int64_t *b, int64_t nb) {
    int64_t *dest = a;
    MOVE(s->tmp, a, na);
    a = s->tmp;
    *dest++ = *b++;
    if (--nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;
    int64_t min_gallop = s->min_gallop;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) { /* one at a time until a run wins min_gallop times */
            if (LT(s, *b, *a)) {
                *dest++ = *b++;
                bcount++;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                *dest++ = *a++;
                acount++;
                bcount = 0;
                if (--na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do { /* galloping */
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            int64_t k = gallop_right(s, *b, a, na, 0);
            acount = k;
            if (k) {
                MOVE(dest, a, k);
                dest += k;
                a += k;
                na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0) /* only with an inconsistent order */
                    goto succeed;
            }
            *dest++ = *b++;
            if (--nb == 0)
                goto succeed;
            k = gallop_left(s, *a, b, nb, 0);
            bcount = k;
            if (k) {
                MOVE(dest, b, k);
                dest += k;
                b += k;
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            *dest++ = *a++;
            if (--na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop; /* leaving galloping mode costs */
        s->min_gallop = min_gallop;
    }
succeed:
    if (na)
        MOVE(dest, a, na);
    return;
copy_b: /* na == 1: the last of a goes after what is left of b */
    MOVE(dest, b, nb);
    dest[nb] = *a;
}

/* As merge_lo for na > nb: b is copied out and merged backward. */
static void merge_hi(Sorter *s, int64_t *a, int64_t na, int64_t *b, int64_t nb) {
    int64_t *dest = b + nb - 1;
    MOVE(s->tmp, b, nb);
    int64_t *basea = a, *baseb = s->tmp;
    b = s->tmp + nb - 1;
    a += na - 1;
    *dest-- = *a--;
    if (--na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;
    int64_t min_gallop = s->min_gallop;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) {
            if (LT(s, *b, *a)) {
                *dest-- = *a--;
                acount++;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                *dest-- = *b--;
                bcount++;
                acount = 0;
                if (--nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            int64_t k = gallop_right(s, *b, basea, na, na - 1);
            k = na - k;
            acount = k;
            if (k) {
                dest -= k;
                a -= k;
                MOVE(dest + 1, a + 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            *dest-- = *b--;
            if (--nb == 1)
                goto copy_a;
            k = gallop_left(s, *a, baseb, nb, nb - 1);
            k = nb - k;
            bcount = k;
            if (k) {
                dest -= k;
                b -= k;
                MOVE(dest + 1, b + 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0) /* only with an inconsistent order */
                    goto succeed;
            }
            *dest-- = *a--;
            if (--na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        s->min_gallop = min_gallop;
    }
succeed:
    if (nb)
        MOVE(dest - (nb - 1), baseb, nb);
    return;
copy_a: /* nb == 1: the first of b goes before what is left of a */
    dest -= na;
    a -= na;
    MOVE(dest + 1, a + 1, na);
    *dest = *b;
}

/* Merge pending runs i and i + 1. */
static void merge_at(Sorter *s, int i) {
    int64_t *a = s->pending[i].base, *b = s->pending[i + 1].base;
    int64_t na = s->pending[i].len, nb = s->pending[i + 1].len;
    s->pending[i].len = na + nb;
    if (i == s->npending - 3)
        s->pending[i + 1] = s->pending[i + 2];
    s->npending--;
    /* Elements of a before b's first one, and of b after a's last one,
     * are already in place. */
    int64_t k = gallop_right(s, *b, a, na, 0);
    a += k;
    na -= k;
    if (na == 0)
        return;
    nb = gallop_left(s, a[na - 1], b, nb, nb - 1);
    if (nb <= 0)
        return;
    if (na <= nb)
        merge_lo(s, a, na, b, nb);
    else
        merge_hi(s, a, na, b, nb);
}

/* The powersort "power" of the boundary between runs [s1, s1+n1) and
 * [s1+n1, s1+n1+n2) in a list of n: the first bit where the two runs'
 * midpoints, as fractions of n, differ. */
static int powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
    int result = 0;
    int64_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n)
            break;
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A run of n2 follows the last pending one: merge while the stack's
 * powers say so. */
static void found_new_run(Sorter *s, int64_t n2) {
    if (s->npending == 0)
        return;
    Run *p = s->pending;
    int64_t s1 = p[s->npending - 1].base - s->array;
    int64_t n1 = p[s->npending - 1].len;
    int power = powerloop(s1, n1, n2, s->n);
    while (s->npending > 1 && p[s->npending - 2].power > power)
        merge_at(s, s->npending - 2);
    p[s->npending - 1].power = power;
}

static void force_collapse(Sorter *s) {
    Run *p = s->pending;
    while (s->npending > 1) {
        int n = s->npending - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        merge_at(s, n);
    }
}

void mg_timsort(int64_t *perm, int64_t n, LtFn lt, void *ctx) {
    if (n < 2)
        return;
    Sorter s;
    s.lt = lt;
    s.ctx = ctx;
    s.min_gallop = MIN_GALLOP;
    s.array = perm;
    s.n = n;
    s.tmp = mg_alloc((size_t)(n / 2 + 1) * sizeof(int64_t));
    s.npending = 0;
    int64_t minrun = compute_minrun(n);
    int64_t *lo = perm, remaining = n;
    do {
        bool descending;
        int64_t len = count_run(&s, lo, remaining, &descending);
        if (descending)
            reverse_range(lo, lo + len);
        if (len < minrun) {
            int64_t force = remaining <= minrun ? remaining : minrun;
            binary_insertion(&s, lo, force, len);
            len = force;
        }
        found_new_run(&s, len);
        s.pending[s.npending].base = lo;
        s.pending[s.npending].len = len;
        s.npending++;
        lo += len;
        remaining -= len;
    } while (remaining);
    force_collapse(&s);
    mg_free(s.tmp);
}
