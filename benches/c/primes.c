#include <stdio.h>
#include <stdint.h>

#define LIMIT 3200000  /* bench-size: the same value as in the .py */

static int is_prime(int64_t n) {
    if (n < 2) return 0;
    if (n % 2 == 0) return n == 2;
    for (int64_t d = 3; d * d <= n; d += 2)
        if (n % d == 0) return 0;
    return 1;
}

int main(void) {
    int64_t limit = LIMIT, count = 0, last = 0;
    for (int64_t n = 0; n < limit; n++)
        if (is_prime(n)) { count++; last = n; }
    printf("%lld %lld\n", (long long)count, (long long)last);
    return 0;
}
