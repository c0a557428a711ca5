/* macOS (Mach-O, x86_64 and arm64): calls into libSystem, the only stable
 * system interface on macOS (raw system call numbers are private). Linked
 * against the text stub sysroots/macos/libSystem.tbd, which lists exactly
 * the functions used here; adding a call means adding its symbol there.
 *
 * dyld calls the LC_MAIN entry (ld64 -e _mg_macos_main) like C's main. */
#include "../../mg_internal.h"

long write(int fd, const void *buf, size_t n);
_Noreturn void _exit(int code);
void *mmap(void *addr, size_t len, int prot, int flags, int fd, int64_t off);
int munmap(void *addr, size_t len);
int *__error(void);

#define EINTR 4
#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 0x0002
#define MAP_ANON 0x1000
#define MAP_FAILED ((void *)-1)

void mg_os_write(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n) {
        long r = write(fd, p, n);
        if (r < 0 && *__error() == EINTR)
            continue;
        if (r <= 0)
            return;
        p += r;
        n -= (size_t)r;
    }
}

_Noreturn void mg_os_exit(int code) { _exit(code); }

/* Anonymous mappings are zeroed. */
void *mg_os_pages(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void mg_os_free_pages(void *p, size_t bytes) { munmap(p, bytes); }

/* `used`: kept external when the runtime is linked in as bitcode (src/lto.rs). */
__attribute__((used)) int mg_macos_main(int argc, char **argv) { mg_rt_main(argc, argv); }
