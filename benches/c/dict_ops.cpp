#include <cstdint>
#include <cstdio>
#include <unordered_map>

#define REPEATS 45  /* bench-size: the same value as in the .py */

static int64_t run(int64_t n, int64_t seed) {
    std::unordered_map<int64_t, int64_t> d;
    int64_t x = seed;
    for (int64_t i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) % 2147483648LL;
        d[x % (2 * n)] = i;
    }
    int64_t hits = 0;
    for (int64_t k = 0; k < 2 * n; k++) {
        if (d.count(k)) hits += 1;
        auto it = d.find(k + n);
        hits += (it != d.end() ? it->second : -1) & 1;
    }
    for (int64_t k = 0; k < 2 * n; k += 3) {
        auto it = d.find(k);
        if (it != d.end()) it->second += 7;
    }
    for (int64_t k = 0; k < 2 * n; k += 5) d.erase(k);
    int64_t s = 0;
    for (const auto &kv : d) s += kv.first ^ kv.second;
    return hits + s + (int64_t)d.size();
}

int main() {
    int64_t checksum = 0;
    for (int r = 0; r < REPEATS; r++) checksum = (checksum + run(60000, r + 1)) % 1000000007;
    printf("%lld\n", (long long)checksum);
    return 0;
}
