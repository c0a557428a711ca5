/* Allocator: a bump allocator over large chunks of pages from the OS hook.
 *
 * Objects are 16-byte aligned. Nothing is freed yet: reference counting
 * (and with it mg_free and size-class free lists) comes later. */
#include "mg_internal.h"

#define CHUNK (4u * 1024 * 1024)
#define ALIGN 16u

static char *cur, *end;

void *mg_alloc(size_t size) {
    size = (size + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
    if (size == 0)
        size = ALIGN;
    if ((size_t)(end - cur) < size) {
        if (size > CHUNK / 4) {
            /* Large object: its own pages, the current chunk stays. */
            size_t bytes = (size + MG_OS_PAGE - 1) & ~(size_t)(MG_OS_PAGE - 1);
            if (bytes < size)
                mg_raise("MemoryError", NULL);
            void *p = mg_os_pages(bytes);
            if (!p)
                mg_raise("MemoryError", NULL);
            return p;
        }
        char *p = mg_os_pages(CHUNK);
        if (!p)
            mg_raise("MemoryError", NULL);
        cur = p;
        end = p + CHUNK;
    }
    void *r = cur;
    cur += size;
    return r;
}

/* Releasing memory: a no-op until reference counting exists. */
void mg_free(void *p) { (void)p; }
