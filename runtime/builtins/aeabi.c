/* ARM EABI run-time helpers (RTABI). They use the base AAPCS (integer
 * registers, also for doubles) even in hard-float programs, hence
 * pcs("aapcs"). Only compiled into ARM runtimes. */
#include <stddef.h>
#include <stdint.h>

#ifdef __ARM_EABI__

#define AAPCS __attribute__((pcs("aapcs")))

uint32_t mg_udiv32(uint32_t n, uint32_t d, uint32_t *rem);
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
int64_t __divmoddi4(int64_t a, int64_t b, int64_t *rem);
int64_t __fixdfdi(double a);
uint64_t __fixunsdfdi(double a);
double __floatdidf(int64_t a);
double __floatundidf(uint64_t a);
void *memcpy(void *, const void *, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);

AAPCS uint32_t __aeabi_uidiv(uint32_t n, uint32_t d) { return mg_udiv32(n, d, 0); }

AAPCS int32_t __aeabi_idiv(int32_t a, int32_t b) {
    uint32_t ua = a < 0 ? 0u - (uint32_t)a : (uint32_t)a;
    uint32_t ub = b < 0 ? 0u - (uint32_t)b : (uint32_t)b;
    uint32_t q = mg_udiv32(ua, ub, 0);
    return (int32_t)(((a < 0) != (b < 0)) ? 0u - q : q);
}

/* {quotient, remainder} in {r0, r1}: a 64-bit return value, low word
 * first. */
AAPCS uint64_t __aeabi_uidivmod(uint32_t n, uint32_t d) {
    uint32_t r;
    uint32_t q = mg_udiv32(n, d, &r);
    return ((uint64_t)r << 32) | q;
}

AAPCS uint64_t __aeabi_idivmod(int32_t a, int32_t b) {
    uint32_t ua = a < 0 ? 0u - (uint32_t)a : (uint32_t)a;
    uint32_t ub = b < 0 ? 0u - (uint32_t)b : (uint32_t)b;
    uint32_t r;
    uint32_t q = mg_udiv32(ua, ub, &r);
    if ((a < 0) != (b < 0))
        q = 0u - q;
    if (a < 0)
        r = 0u - r;
    return ((uint64_t)r << 32) | q;
}

/* {quotient, remainder} of 64-bit operands in {r0:r1, r2:r3}; no C type
 * maps to that, so as compiler-rt does: call __(u)divmoddi4 with the
 * remainder slot on the stack and load it into r2:r3. */
__attribute__((naked)) void __aeabi_ldivmod(void) {
    __asm__ volatile(
        "push {r6, lr}\n"
        "sub sp, sp, #16\n"
        "add r6, sp, #8\n"
        "str r6, [sp]\n"
        "bl __divmoddi4\n"
        "ldr r2, [sp, #8]\n"
        "ldr r3, [sp, #12]\n"
        "add sp, sp, #16\n"
        "pop {r6, pc}\n");
}

__attribute__((naked)) void __aeabi_uldivmod(void) {
    __asm__ volatile(
        "push {r6, lr}\n"
        "sub sp, sp, #16\n"
        "add r6, sp, #8\n"
        "str r6, [sp]\n"
        "bl __udivmoddi4\n"
        "ldr r2, [sp, #8]\n"
        "ldr r3, [sp, #12]\n"
        "add sp, sp, #16\n"
        "pop {r6, pc}\n");
}

AAPCS int64_t __aeabi_d2lz(double a) { return __fixdfdi(a); }
AAPCS uint64_t __aeabi_d2ulz(double a) { return __fixunsdfdi(a); }
AAPCS double __aeabi_l2d(int64_t a) { return __floatdidf(a); }
AAPCS double __aeabi_ul2d(uint64_t a) { return __floatundidf(a); }

AAPCS void __aeabi_memcpy(void *d, const void *s, size_t n) { memcpy(d, s, n); }
AAPCS void __aeabi_memcpy4(void *d, const void *s, size_t n) { memcpy(d, s, n); }
AAPCS void __aeabi_memcpy8(void *d, const void *s, size_t n) { memcpy(d, s, n); }
AAPCS void __aeabi_memmove(void *d, const void *s, size_t n) { memmove(d, s, n); }
AAPCS void __aeabi_memmove4(void *d, const void *s, size_t n) { memmove(d, s, n); }
AAPCS void __aeabi_memmove8(void *d, const void *s, size_t n) { memmove(d, s, n); }
/* Note the argument order: (dest, n, c). */
AAPCS void __aeabi_memset(void *d, size_t n, int c) { memset(d, c, n); }
AAPCS void __aeabi_memset4(void *d, size_t n, int c) { memset(d, c, n); }
AAPCS void __aeabi_memset8(void *d, size_t n, int c) { memset(d, c, n); }
AAPCS void __aeabi_memclr(void *d, size_t n) { memset(d, 0, n); }
AAPCS void __aeabi_memclr4(void *d, size_t n) { memset(d, 0, n); }
AAPCS void __aeabi_memclr8(void *d, size_t n) { memset(d, 0, n); }

#endif
