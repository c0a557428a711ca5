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

/* memory.grow works in 64 KiB pages, which is MG_OS_PAGE; new memory is
 * zeroed. */
void *mg_os_pages(size_t bytes) {
    size_t pages = (bytes + MG_OS_PAGE - 1) / MG_OS_PAGE;
    size_t old = __builtin_wasm_memory_grow(0, pages);
    if (old == (size_t)-1)
        return NULL;
    return (void *)(old * MG_OS_PAGE);
}

__attribute__((export_name("_start"))) void _start(void) {
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
