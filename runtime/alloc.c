/* Allocator: size classes with free lists for small blocks, whole OS
 * mappings for large ones.
 *
 * Every block has a 16-byte header just before the payload (so payloads are
 * 16-byte aligned on every target):
 *   hdr[0] = usable capacity of the block in bytes
 *   hdr[1] = size-class index, or LARGE for a block that owns its mapping
 * Small blocks (payload <= MAX_SMALL) are carved by a bump pointer from
 * 1 MiB arenas and recycled through one singly linked free list per class
 * (the link lives in the freed payload). Arenas are never returned: freed
 * small blocks are reused by later allocations of the same class. Large
 * blocks are mapped and unmapped individually (mg_os_pages /
 * mg_os_free_pages), so a program that frees a big list gives the memory
 * back.
 *
 * Classes: 16..128 in steps of 16, then four per power of two
 * (160, 192, 224, 256, 320, ...) up to 32 KiB: at most 25% internal waste.
 */
#include "mg_internal.h"

#ifdef MG_HOSTED_MALLOC
/* --sanitize address: every block comes from the platform malloc, so
 * AddressSanitizer checks each access and LeakSanitizer sees every leak. */
void *malloc(size_t size);
void *realloc(void *p, size_t size);
void free(void *p);

void mg_alloc_stats(int64_t *now, int64_t *peak) {
    *now = 0;
    *peak = 0;
}

void *mg_alloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (!p)
        mg_raise("MemoryError", NULL);
    return p;
}

void mg_free(void *p) { free(p); }

/* The sanitizers' malloc knows each block's size: s += t and list growth
 * then stay amortised (without it every append reallocates, quadratic
 * under ASan's copying realloc). */
size_t malloc_usable_size(void *p);
size_t mg_alloc_capacity(void *p) { return malloc_usable_size(p); }

void *mg_realloc(void *p, size_t size) {
    void *q = realloc(p, size ? size : 1);
    if (!q)
        mg_raise("MemoryError", NULL);
    return q;
}
#else

#define HDR 16u
#define NSMALL 40                /* number of size classes */
#define MAX_SMALL 32768u         /* payload of the largest class */
#define ARENA (1024u * 1024u)    /* bytes per small-block arena */
#define LARGE ((uint64_t)-1)     /* hdr[1] of a large block */

typedef struct FreeBlock {
    struct FreeBlock *next;
} FreeBlock;

static FreeBlock *free_lists[NSMALL];
static char *bump, *bump_end; /* unused rest of the current arena */
static int64_t os_now, os_peak; /* bytes currently / at most held from the OS */

/* Payload size of class c. */
static size_t class_size(unsigned c) {
    if (c < 8)
        return 16u * (c + 1);
    unsigned b = (c - 8) / 4 + 7, k = (c - 8) % 4 + 1;
    return ((size_t)1 << b) + ((size_t)k << (b - 2));
}

/* Smallest class whose payload holds `size` (1 <= size <= MAX_SMALL). */
static unsigned size_class(size_t size) {
    if (size <= 128)
        return (unsigned)((size + 15) / 16) - 1;
    unsigned b = 31u - (unsigned)__builtin_clz((unsigned)(size - 1)); /* 2^b < size <= 2^(b+1) */
    size_t step = (size_t)1 << (b - 2);
    unsigned k = (unsigned)((size - ((size_t)1 << b) + step - 1) / step); /* 1..4 */
    return 8 + (b - 7) * 4 + (k - 1);
}

static void *os_get(size_t bytes) {
    void *p = mg_os_pages(bytes);
    if (!p)
        mg_raise("MemoryError", NULL);
    os_now += (int64_t)bytes;
    if (os_now > os_peak)
        os_peak = os_now;
    return p;
}

void mg_alloc_stats(int64_t *now, int64_t *peak) {
    *now = os_now;
    *peak = os_peak;
}

static void *alloc_large(size_t size) {
    if (size > SIZE_MAX - HDR - MG_OS_PAGE)
        mg_raise("MemoryError", NULL);
    size_t bytes = (size + HDR + MG_OS_PAGE - 1) & ~(size_t)(MG_OS_PAGE - 1);
    uint64_t *h = os_get(bytes);
    h[0] = bytes - HDR;
    h[1] = LARGE;
    return (char *)h + HDR;
}

void *mg_alloc(size_t size) {
    if (size > MAX_SMALL)
        return alloc_large(size);
    unsigned c = size_class(size ? size : 1);
    FreeBlock *f = free_lists[c];
    if (f) {
        free_lists[c] = f->next;
        return f;
    }
    size_t need = HDR + class_size(c);
    if ((size_t)(bump_end - bump) < need) {
        /* The tail of the old arena (< need bytes) is abandoned. */
        bump = os_get(ARENA);
        bump_end = bump + ARENA;
    }
    uint64_t *h = (uint64_t *)bump;
    bump += need;
    h[0] = class_size(c);
    h[1] = c;
    return (char *)h + HDR;
}

void mg_free(void *p) {
    if (!p)
        return;
    uint64_t *h = (uint64_t *)((char *)p - HDR);
    if (h[1] == LARGE) {
        size_t bytes = (size_t)h[0] + HDR;
        os_now -= (int64_t)bytes;
        mg_os_free_pages(h, bytes);
        return;
    }
    FreeBlock *f = p;
    f->next = free_lists[h[1]];
    free_lists[h[1]] = f;
}

/* Bytes usable in block p (at least what was asked for). */
size_t mg_alloc_capacity(void *p) { return (size_t)((uint64_t *)((char *)p - HDR))[0]; }

void *mg_realloc(void *p, size_t size) {
    if (!p)
        return mg_alloc(size);
    uint64_t *h = (uint64_t *)((char *)p - HDR);
    size_t cap = (size_t)h[0];
    /* Keep the block if it is big enough and not grossly oversized (a
     * shrinking large block is moved so its pages go back to the OS). */
    if (size <= cap && (h[1] != LARGE || size >= cap / 2))
        return p;
    void *q = mg_alloc(size);
    __builtin_memcpy(q, p, size < cap ? size : cap);
    mg_free(p);
    return q;
}
#endif /* MG_HOSTED_MALLOC */
