/* WASI preview1: output, exit, argv and memory growth. */
#include "../../mg_internal.h"

typedef struct {
    const void *buf;
    size_t len;
} Ciovec;

#define WASI(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(name)))

WASI("fd_write") uint16_t wasi_fd_write(int32_t fd, const Ciovec *iovs, size_t n, size_t *written);
WASI("proc_exit") _Noreturn void wasi_proc_exit(int32_t code);
WASI("args_sizes_get") uint16_t wasi_args_sizes_get(size_t *argc, size_t *buf_size);
WASI("args_get") uint16_t wasi_args_get(char **argv, char *buf);

void mg_os_write(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n) {
        Ciovec v = {p, n};
        size_t w = 0;
        uint16_t err = wasi_fd_write(fd, &v, 1, &w);
        /* ERRNO_AGAIN: node's WASI writes to stdio with non-blocking
         * writeSync, which fails while a pipe is full. Retry until the
         * reader drains it, or output would be silently lost. */
        if (err == 6)
            continue;
        if (err != 0 || w == 0)
            return;
        p += w;
        n -= w;
    }
}

_Noreturn void mg_os_exit(int code) { wasi_proc_exit(code); }

/* Linear memory cannot shrink, so pages given back by mg_os_free_pages are
 * kept on a list of free runs, sorted by address with neighbours merged,
 * and reused first-fit before memory.grow is asked for more. The list
 * nodes live in the free runs themselves. */
typedef struct Run {
    size_t bytes;
    struct Run *next;
} Run;
static Run *free_runs;

/* memory.grow works in 64 KiB pages, which is MG_OS_PAGE; new memory is
 * zeroed (reused runs are zeroed by hand). */
void *mg_os_pages(size_t bytes) {
    bytes = (bytes + MG_OS_PAGE - 1) & ~(size_t)(MG_OS_PAGE - 1);
    for (Run **pp = &free_runs; *pp; pp = &(*pp)->next) {
        Run *r = *pp;
        if (r->bytes < bytes)
            continue;
        if (r->bytes == bytes) {
            *pp = r->next;
        } else { /* split: hand out the front, keep the back */
            Run *rest = (Run *)((char *)r + bytes);
            rest->bytes = r->bytes - bytes;
            rest->next = r->next;
            *pp = rest;
        }
        __builtin_memset(r, 0, bytes);
        return r;
    }
    size_t pages = bytes / MG_OS_PAGE;
    size_t old = __builtin_wasm_memory_grow(0, pages);
    if (old == (size_t)-1)
        return NULL;
    return (void *)(old * MG_OS_PAGE);
}

void mg_os_free_pages(void *p, size_t bytes) {
    Run *r = p, *prev = NULL, *next = free_runs;
    while (next && next < r) {
        prev = next;
        next = next->next;
    }
    r->bytes = bytes;
    r->next = next;
    if (next && (char *)r + r->bytes == (char *)next) { /* merge with the run after */
        r->bytes += next->bytes;
        r->next = next->next;
    }
    if (prev && (char *)prev + prev->bytes == (char *)r) { /* and the one before */
        prev->bytes += r->bytes;
        prev->next = r->next;
    } else if (prev) {
        prev->next = r;
    } else {
        free_runs = r;
    }
}

/* `used`: the entry point stays external when the runtime is linked into
 * the program as bitcode and internalized (src/lto.rs). */
__attribute__((used, export_name("_start"))) void _start(void) {
    size_t argc = 0, size = 0;
    char **argv = NULL;
    if (wasi_args_sizes_get(&argc, &size) == 0 && argc > 0) {
        argv = mg_alloc((argc + 1) * sizeof(char *));
        char *buf = mg_alloc(size + 1);
        if (wasi_args_get(argv, buf) != 0)
            argc = 0;
        argv[argc] = NULL;
    }
    mg_rt_main((int)argc, argv);
}
