#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define N 1000  /* bench-size: the same value as in the .py */

static double *make_matrix(int n, int64_t seed) {
    double *m = malloc(sizeof(double) * n * n);
    int64_t x = seed;
    for (int i = 0; i < n * n; i++) {
        x = (x * 1103515245 + 12345) % 2147483648LL;
        m[i] = (double)x / 2147483648.0 - 0.5;
    }
    return m;
}

static double *matmul(const double *a, const double *b, int n) {
    double *c = malloc(sizeof(double) * n * n);
    for (int i = 0; i < n; i++) {
        double *row = c + (size_t)i * n;
        for (int j = 0; j < n; j++) row[j] = 0.0;
        for (int k = 0; k < n; k++) {
            double aik = a[(size_t)i * n + k];
            const double *bk = b + (size_t)k * n;
            for (int j = 0; j < n; j++) row[j] += aik * bk[j];
        }
    }
    return c;
}

int main(void) {
    int n = N;
    double *a = make_matrix(n, 42), *b = make_matrix(n, 7);
    double *c = matmul(a, b, n);
    double trace = 0.0, total = 0.0;
    for (int i = 0; i < n; i++) trace += c[(size_t)i * n + i];
    for (int i = 0; i < n; i++) {
        double s = 0.0; /* Python's sum(row) per row */
        for (int j = 0; j < n; j++) s += c[(size_t)i * n + j];
        total += s;
    }
    printf("%.6f %.6f\n", trace, total);
    free(a); free(b); free(c);
    return 0;
}
