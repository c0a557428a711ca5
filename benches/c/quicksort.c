#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define N 4000000  /* bench-size: the same value as in the .py */

static void quicksort(int64_t *xs, int64_t lo, int64_t hi) {
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2, t;
        t = xs[mid]; xs[mid] = xs[hi]; xs[hi] = t;
        int64_t pivot = xs[hi], i = lo;
        for (int64_t j = lo; j < hi; j++) {
            if (xs[j] < pivot) { t = xs[i]; xs[i] = xs[j]; xs[j] = t; i++; }
        }
        t = xs[i]; xs[i] = xs[hi]; xs[hi] = t;
        if (i - lo < hi - i) { quicksort(xs, lo, i - 1); lo = i + 1; }
        else { quicksort(xs, i + 1, hi); hi = i - 1; }
    }
}

int main(void) {
    int64_t n = N;
    int64_t *xs = malloc(sizeof(int64_t) * n);
    int64_t x = 12345;
    for (int64_t i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) % 2147483648LL;
        xs[i] = x % 1000000;
    }
    quicksort(xs, 0, n - 1);
    int ok = 1;
    for (int64_t i = 0; i < n - 1; i++) if (xs[i] > xs[i + 1]) { ok = 0; break; }
    int64_t checksum = 0;
    for (int64_t i = 0; i < n; i += 1000) checksum = (checksum * 31 + xs[i]) % 1000000007;
    printf("%s %lld %lld %lld %lld\n", ok ? "True" : "False", (long long)xs[0],
           (long long)xs[n / 2], (long long)xs[n - 1], (long long)checksum);
    free(xs);
    return 0;
}
