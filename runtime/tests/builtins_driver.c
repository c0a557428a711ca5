/* 64-bit integer builtins test driver. For each operand pair (a, b) prints
 *   a b a/b a%b ua/ub ua%ub a*b ovf a<<s a>>s ua>>s fbits(a) fbits(ua) int(double(a)) uint(double(ua))
 * followed by the same results from direct calls of the C helpers
 *   __mulodi4(a,b) ovf __muldi3(a,b) __ashldi3 __ashrdi3 __lshrdi3
 *   __divmoddi4 q r __udivmoddi4 q r
 * (the compiler inlines some of them on some targets: wasm and 32-bit x86
 * expand i64 multiply-with-overflow inline, 64-bit targets everything),
 * with s = b & 63, unsigned values and double bits printed as int64, and
 * "-" where the operation is undefined (division by zero, INT64_MIN / -1,
 * conversions out of range). Operands go through volatile variables so
 * 32-bit targets really call __divdi3, __aeabi_ldivmod, __mulodi4, ...
 * tests/runtime_builtins.rs generates the same operands and the expected
 * text with Rust's own arithmetic. */
#include "../mg_internal.h"

static volatile int64_t va, vb;

int64_t __mulodi4(int64_t a, int64_t b, int *overflow);
uint64_t __muldi3(uint64_t a, uint64_t b);
int64_t __ashldi3(int64_t a, int b);
int64_t __ashrdi3(int64_t a, int b);
uint64_t __lshrdi3(uint64_t a, int b);
int64_t __divmoddi4(int64_t a, int64_t b, int64_t *rem);
uint64_t __udivmoddi4(uint64_t a, uint64_t b, uint64_t *rem);

static void sp(void) { mg_write_cstr(" ", 1); }
static void dash(void) { mg_write_cstr(" -", 2); }
static void num(int64_t v) {
    sp();
    mg_write_int(v);
}

static void pair(int64_t a0, int64_t b0) {
    va = a0;
    vb = b0;
    int64_t a = va, b = vb;
    uint64_t ua = (uint64_t)va, ub = (uint64_t)vb;
    mg_write_int(a);
    num(b);
    if (b == 0 || (a == INT64_MIN && b == -1)) {
        dash();
        dash();
    } else {
        num(a / b);
        num(a % b);
    }
    if (ub == 0) {
        dash();
        dash();
    } else {
        num((int64_t)(ua / ub));
        num((int64_t)(ua % ub));
    }
    int64_t p;
    bool ovf = __builtin_mul_overflow(a, b, &p);
    num((int64_t)((uint64_t)a * (uint64_t)b));
    num(ovf);
    int s = (int)(vb & 63);
    num((int64_t)(ua << s));
    num(a >> s);
    num((int64_t)(ua >> s));
    double fa = (double)a, fu = (double)ua;
    num((int64_t)mg_f2u(fa));
    num((int64_t)mg_f2u(fu));
    if (fa >= 9223372036854775808.0)
        dash();
    else
        num((int64_t)fa);
    if (fu >= 18446744073709551616.0)
        dash();
    else
        num((int64_t)(uint64_t)fu);
    int o;
    num(__mulodi4(a, b, &o));
    num(o);
    num((int64_t)__muldi3(ua, ub));
    num(__ashldi3(a, s));
    num(__ashrdi3(a, s));
    num((int64_t)__lshrdi3(ua, s));
    if (b == 0 || (a == INT64_MIN && b == -1)) {
        dash();
        dash();
    } else {
        int64_t r;
        num(__divmoddi4(a, b, &r));
        num(r);
    }
    if (ub == 0) {
        dash();
        dash();
    } else {
        uint64_t r;
        num((int64_t)__udivmoddi4(ua, ub, &r));
        num((int64_t)r);
    }
    mg_write_cstr("\n", 1);
}

/* Must match edge_values() in tests/runtime_builtins.rs. */
static int64_t edges[128];
static int nedges;

static void add(int64_t v) { edges[nedges++] = v; }

void mg_module_main(void) {
    add(0); add(1); add(-1); add(2); add(-2); add(INT64_MAX); add(INT64_MIN);
    add(INT64_MAX - 1); add(INT64_MIN + 1); add(3); add(-3); add(10); add(-10);
    static const int ks[] = {7, 15, 16, 31, 32, 33, 47, 52, 53, 62};
    for (unsigned i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        int64_t p = (int64_t)1 << ks[i];
        add(p); add(p - 1); add(p + 1); add(-p); add(-p + 1); add(-p - 1);
    }
    for (int i = 0; i < nedges; i++)
        for (int j = 0; j < nedges; j++)
            pair(edges[i], edges[j]);
    /* Random pairs; the shift picks the magnitude of each operand. */
    uint64_t x = 0x2545F4914F6CDD1Dull;
    for (int i = 0; i < 2000; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t r1 = x;
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t r2 = x;
        int64_t a = (int64_t)r1 >> (r2 & 63);
        int64_t b = (int64_t)r2 >> ((r1 >> 8) & 63);
        pair(a, b);
    }
}
