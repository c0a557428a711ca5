/* memcpy, memmove, memset, memcmp: the compiler emits calls to these for
 * struct copies and large initialisers even in freestanding code. */
#include <stddef.h>
#include <stdint.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    /* 8-byte chunks: a constant-size __builtin_memcpy is expanded inline
     * as the target allows (one unaligned load and store on x86 and
     * AArch64, bytes where unaligned access is not allowed). */
    for (; n >= 8; n -= 8, d += 8, s += 8)
        __builtin_memcpy(d, s, 8);
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dst;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    /* Bytes up to a word boundary, then words (a list of a million bools
     * or an allocator's zeroing go through here), then the tail. */
    while (n && ((uintptr_t)d & (sizeof(size_t) - 1))) {
        *d++ = (unsigned char)c;
        n--;
    }
    size_t w = (size_t)-1 / 255 * (unsigned char)c;
    for (; n >= sizeof(size_t); n -= sizeof(size_t), d += sizeof(size_t))
        *(size_t *)d = w;
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

/* LLVM turns `memcmp(a, b, n) == 0` into bcmp on targets whose C library
 * has it (Linux): the runtime linked in as bitcode is optimized without
 * -fno-builtin, so it can ask for this one too. */
int bcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return 1;
    return 0;
}

/* Darwin's libc extension: LLVM's loop-idiom pass turns a loop storing a
 * repeating 16-byte pattern into a call to it on Apple targets (seen with
 * the runtime linked in as bitcode at -O3). */
void memset_pattern16(void *dst, const void *pattern16, size_t n) {
    unsigned char *d = dst;
    const unsigned char *p = pattern16;
    for (size_t i = 0; i < n; i++)
        d[i] = p[i & 15];
}
