/* Fixed-capacity unsigned bignum; see bignum.h. Callers bound their inputs
 * so the capacity is never exceeded. */
#include "bignum.h"
#include "mg_internal.h"

static void trim(Bn *a) {
    while (a->n && a->d[a->n - 1] == 0)
        a->n--;
}

void bn_set_u64(Bn *a, uint64_t v) {
    a->d[0] = (uint32_t)v;
    a->d[1] = (uint32_t)(v >> 32);
    a->n = 2;
    trim(a);
}

void bn_mul_small(Bn *a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->d[i] * m + carry;
        a->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry)
        a->d[a->n++] = (uint32_t)carry;
}

void bn_add_small(Bn *a, uint32_t v) {
    uint64_t carry = v;
    for (int i = 0; carry && i < a->n; i++) {
        uint64_t t = (uint64_t)a->d[i] + carry;
        a->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry)
        a->d[a->n++] = (uint32_t)carry;
}

void bn_mul_pow10(Bn *a, int k) {
    while (k >= 9) {
        bn_mul_small(a, 1000000000u);
        k -= 9;
    }
    static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0)
        bn_mul_small(a, p10[k]);
}

void bn_shl(Bn *a, int bits) {
    if (a->n == 0)
        return;
    int w = bits / 32, b = bits % 32;
    if (b) {
        uint32_t carry = 0;
        for (int i = 0; i < a->n; i++) {
            uint32_t x = a->d[i];
            a->d[i] = (x << b) | carry;
            carry = x >> (32 - b);
        }
        if (carry)
            a->d[a->n++] = carry;
    }
    if (w) {
        for (int i = a->n - 1; i >= 0; i--)
            a->d[i + w] = a->d[i];
        for (int i = 0; i < w; i++)
            a->d[i] = 0;
        a->n += w;
    }
}

void bn_shr1(Bn *a) {
    for (int i = 0; i < a->n; i++)
        a->d[i] = (a->d[i] >> 1) | (i + 1 < a->n ? a->d[i + 1] << 31 : 0);
    trim(a);
}

int bn_cmp(const Bn *a, const Bn *b) {
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

void bn_add(Bn *a, const Bn *b) {
    int n = a->n > b->n ? a->n : b->n;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t t = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        a->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    a->n = n;
    if (carry)
        a->d[a->n++] = (uint32_t)carry;
}

int bn_cmp_sum(const Bn *a, const Bn *b, const Bn *c) {
    Bn t = *a;
    bn_add(&t, b);
    return bn_cmp(&t, c);
}

void bn_sub(Bn *a, const Bn *b) {
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = t < 0;
        a->d[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    trim(a);
}

int bn_bitlen(const Bn *a) {
    if (a->n == 0)
        return 0;
    return 32 * (a->n - 1) + 32 - __builtin_clz(a->d[a->n - 1]);
}
