#include <cstdint>
#include <cstdio>
#include <unordered_set>

#define REPEATS 16  /* bench-size: the same value as in the .py */

static int64_t run(int64_t n, int64_t seed) {
    std::unordered_set<int64_t> a, b;
    int64_t x = seed;
    for (int64_t i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) % 2147483648LL;
        a.insert(x % (4 * n));
        x = (x * 1103515245 + 12345) % 2147483648LL;
        b.insert(x % (4 * n));
    }
    int64_t hits = 0;
    for (int64_t k = 0; k < 4 * n; k++) {
        if (a.count(k)) hits += 1;
        if (b.count(k)) hits += 2;
    }
    for (int64_t k = 0; k < 4 * n; k += 7) a.erase(k);
    std::unordered_set<int64_t> u(a);
    u.insert(b.begin(), b.end());
    std::unordered_set<int64_t> i, d;
    for (int64_t v : a) {
        if (b.count(v)) i.insert(v);
        else d.insert(v);
    }
    int64_t total = 0;
    for (int64_t v : i) total += v;
    return hits + (int64_t)u.size() + (int64_t)i.size() * 3 + (int64_t)d.size() * 5 + total;
}

int main() {
    int64_t checksum = 0;
    for (int r = 0; r < REPEATS; r++) checksum = (checksum + run(40000, r + 1)) % 1000000007;
    printf("%lld\n", (long long)checksum);
    return 0;
}
