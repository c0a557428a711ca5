#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <stdint.h>

#define N 60000000  /* bench-size: the same value as in the .py */

int main(void) {
    int64_t n = N;
    bool *is_prime = malloc(n + 1);
    memset(is_prime, 1, n + 1);
    is_prime[0] = is_prime[1] = false;
    for (int64_t i = 2; i * i <= n; i++)
        if (is_prime[i])
            for (int64_t j = i * i; j <= n; j += i) is_prime[j] = false;
    int64_t count = 0, last = 0;
    for (int64_t i = 0; i <= n; i++)
        if (is_prime[i]) { count++; last = i; }
    printf("%lld %lld\n", (long long)count, (long long)last);
    free(is_prime);
    return 0;
}
