#include <stdio.h>
#include <stdint.h>

#define N 40  /* bench-size: the same value as in the .py */

static int64_t fib(int64_t n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

int main(void) {
    printf("%lld\n", (long long)fib(N));
    return 0;
}
