/* Linux: raw system calls and the process entry point, per architecture.
 * No libc. Numbers: x86_64 and i386/arm have their own tables; aarch64 and
 * riscv use the asm-generic ones. */
#include "../../mg_internal.h"

#if defined(__x86_64__)
#define NR_write 1
#define NR_mmap 9
#define NR_munmap 11
#define NR_exit_group 231
static long sys3(long n, long a, long b, long c) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}
static long sys6(long n, long a, long b, long c, long d, long e, long f) {
    long r;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return r;
}

#elif defined(__i386__)
#define NR_write 4
#define NR_exit_group 252
#define NR_munmap 91
#define NR_old_mmap 90 /* takes a pointer to its six arguments: no ebp juggling */
static long sys3(long n, long a, long b, long c) {
    long r;
    /* ebx may be the PIC register: swap it in and out by hand. */
    __asm__ volatile("xchg %%edi, %%ebx\n\tint $0x80\n\txchg %%edi, %%ebx"
                     : "=a"(r) : "a"(n), "D"(a), "c"(b), "d"(c) : "memory");
    return r;
}

#elif defined(__arm__)
#define NR_write 4
#define NR_mmap2 192
#define NR_munmap 91
#define NR_exit_group 248
static long sys6(long n, long a, long b, long c, long d, long e, long f) {
    register long r7 __asm__("r7") = n;
    register long r0 __asm__("r0") = a;
    register long r1 __asm__("r1") = b;
    register long r2 __asm__("r2") = c;
    register long r3 __asm__("r3") = d;
    register long r4 __asm__("r4") = e;
    register long r5 __asm__("r5") = f;
    __asm__ volatile("svc 0" : "+r"(r0) : "r"(r7), "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5) : "memory");
    return r0;
}
static long sys3(long n, long a, long b, long c) { return sys6(n, a, b, c, 0, 0, 0); }

#elif defined(__aarch64__)
#define NR_write 64
#define NR_mmap 222
#define NR_munmap 215
#define NR_exit_group 94
static long sys6(long n, long a, long b, long c, long d, long e, long f) {
    register long x8 __asm__("x8") = n;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x3 __asm__("x3") = d;
    register long x4 __asm__("x4") = e;
    register long x5 __asm__("x5") = f;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
    return x0;
}
static long sys3(long n, long a, long b, long c) { return sys6(n, a, b, c, 0, 0, 0); }

#elif defined(__riscv)
#define NR_write 64
#if __riscv_xlen == 32
#define NR_mmap2 222 /* riscv32 has only mmap2-style mmap: offset in pages */
#else
#define NR_mmap 222
#endif
#define NR_munmap 215
#define NR_exit_group 94
static long sys6(long n, long a, long b, long c, long d, long e, long f) {
    register long a7 __asm__("a7") = n;
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    register long a2 __asm__("a2") = c;
    register long a3 __asm__("a3") = d;
    register long a4 __asm__("a4") = e;
    register long a5 __asm__("a5") = f;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5) : "memory");
    return a0;
}
static long sys3(long n, long a, long b, long c) { return sys6(n, a, b, c, 0, 0, 0); }

#else
#error "unsupported architecture for the Linux runtime layer"
#endif

#define PROT_RW 3
#define MAP_PRIVATE_ANON 0x22

void mg_os_write(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n) {
        long r = sys3(NR_write, fd, (long)p, (long)n);
        if (r == -4) /* EINTR */
            continue;
        if (r <= 0)
            return;
        p += r;
        n -= (size_t)r;
    }
}

_Noreturn void mg_os_exit(int code) {
    for (;;)
        sys3(NR_exit_group, code, 0, 0);
}

void *mg_os_pages(size_t bytes) {
    long r;
#if defined(NR_old_mmap)
    long args[6] = {0, (long)bytes, PROT_RW, MAP_PRIVATE_ANON, -1, 0};
    r = sys3(NR_old_mmap, (long)args, 0, 0);
#elif defined(NR_mmap2)
    r = sys6(NR_mmap2, 0, (long)bytes, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
#else
    r = sys6(NR_mmap, 0, (long)bytes, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
#endif
    if ((unsigned long)r > -4096UL) /* -errno */
        return NULL;
    return (void *)r;
}

/* Give back pages obtained from mg_os_pages (whole mappings only). */
void mg_os_free_pages(void *p, size_t bytes) { sys3(NR_munmap, (long)p, (long)bytes, 0); }

/* ---- entry point ------------------------------------------------------
 * The kernel starts _start with sp -> argc, argv[0..argc-1], NULL, envp...
 * Each stub passes that sp to mg_linux_start, with the stack aligned to 16
 * bytes as the ABI requires at a call and the frame pointer cleared (end of
 * the frame chain for debuggers). */
__attribute__((used)) _Noreturn void mg_linux_start(long *sp) {
    mg_rt_main((int)sp[0], (char **)(sp + 1));
}

#if defined(__x86_64__)
__asm__(".text\n.global _start\n.type _start,@function\n_start:\n"
        "  xor %ebp, %ebp\n"
        "  mov %rsp, %rdi\n"
        "  and $-16, %rsp\n"
        "  call mg_linux_start\n"
        "  hlt\n");
#elif defined(__i386__)
__asm__(".text\n.global _start\n.type _start,@function\n_start:\n"
        "  xor %ebp, %ebp\n"
        "  mov %esp, %eax\n"
        "  and $-16, %esp\n"
        "  sub $12, %esp\n"
        "  push %eax\n"
        "  call mg_linux_start\n"
        "  hlt\n");
#elif defined(__arm__)
__asm__(".text\n.global _start\n.type _start,%function\n.arm\n_start:\n"
        "  mov fp, #0\n"
        "  mov lr, #0\n"
        "  mov r0, sp\n"
        "  bic sp, sp, #15\n"
        "  bl mg_linux_start\n"
        "  udf #0\n");
#elif defined(__aarch64__)
__asm__(".text\n.global _start\n.type _start,%function\n_start:\n"
        "  mov x29, #0\n"
        "  mov x30, #0\n"
        "  mov x0, sp\n"
        "  and sp, x0, #-16\n"
        "  bl mg_linux_start\n"
        "  brk #0\n");
#elif defined(__riscv)
__asm__(".text\n.global _start\n.type _start,@function\n_start:\n"
        "  li s0, 0\n"
        "  li ra, 0\n"
        "  mv a0, sp\n"
        "  andi sp, sp, -16\n"
        "  call mg_linux_start\n"
        "  unimp\n");
#endif
