/* A small fixed-capacity unsigned bignum (little-endian uint32 limbs), just
 * enough for exact float <-> decimal conversion. Capacity: 4800 bits, which
 * covers 800 significant decimal digits times 10^310 and 10^1150. */
#ifndef MG_BIGNUM_H
#define MG_BIGNUM_H
#include <stdint.h>

#define BN_LIMBS 150

typedef struct Bn {
    int n; /* used limbs; no leading zero limbs */
    uint32_t d[BN_LIMBS];
} Bn;

void bn_set_u64(Bn *a, uint64_t v);
void bn_mul_small(Bn *a, uint32_t m);
void bn_add_small(Bn *a, uint32_t v);
void bn_mul_pow10(Bn *a, int k);
void bn_shl(Bn *a, int bits);
void bn_shr1(Bn *a);
int bn_cmp(const Bn *a, const Bn *b);
/* a + b compared with c */
int bn_cmp_sum(const Bn *a, const Bn *b, const Bn *c);
void bn_add(Bn *a, const Bn *b);
void bn_sub(Bn *a, const Bn *b); /* requires a >= b */
int bn_bitlen(const Bn *a);
static inline int bn_is_zero(const Bn *a) { return a->n == 0; }
#endif
