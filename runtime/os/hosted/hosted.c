/* OS layer on a hosted libc, for `--sanitize address` builds: the program
 * starts at the C library's main, writes with write(2), and ends with
 * exit(3) so LeakSanitizer's at-exit check runs. Memory comes from malloc
 * (runtime/alloc.c with MG_HOSTED_MALLOC). */
#include "../../mg_internal.h"

long write(int fd, const void *buf, unsigned long n);
_Noreturn void exit(int code);
_Noreturn void _exit(int code);
void *malloc(size_t size);
void free(void *p);
void *memset(void *p, int c, size_t n);

void mg_os_write(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n) {
        long w = write(fd, p, n);
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

/* A normal end runs LeakSanitizer (exit). An uncaught exception ends the
 * process from deep inside the program without unwinding (mgen has no
 * exception handling yet), so what its frames held is not a leak: _exit. */
_Noreturn void mg_os_exit(int code) {
    if (code == 0)
        exit(0);
    _exit(code);
}

void *mg_os_pages(size_t bytes) {
    void *p = malloc(bytes);
    if (p)
        memset(p, 0, bytes);
    return p;
}

void mg_os_free_pages(void *p, size_t bytes) {
    (void)bytes;
    free(p);
}

int main(int argc, char **argv) { mg_rt_main(argc, argv); }
