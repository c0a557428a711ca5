#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>

#define REPEATS 150  /* bench-size: the same value as in the .py */

static int64_t run(int64_t n, int64_t seed) {
    std::vector<int64_t> xs;
    int64_t x = seed;
    for (int64_t i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) % 2147483648LL;
        xs.push_back(x % 10000);
    }
    std::vector<int64_t> evens;
    for (int64_t v : xs) if (v % 2 == 0) evens.push_back(v);
    std::vector<int64_t> squares;
    squares.reserve(evens.size());
    for (int64_t v : evens) squares.push_back(v * v);
    std::sort(squares.begin(), squares.end());
    int64_t total = 0;
    for (size_t i = 0; i < squares.size(); i += 7) total += squares[i];
    total += std::accumulate(xs.begin() + n / 4, xs.begin() + n / 2, (int64_t)0);
    while ((int64_t)xs.size() > n / 2) { total += xs.back(); xs.pop_back(); }
    std::reverse(xs.begin(), xs.end());
    int64_t target = xs[xs.size() / 3];
    total += std::find(xs.begin(), xs.end(), target) - xs.begin();
    total += std::count(xs.begin(), xs.end(), 42);
    std::vector<int64_t> ys(xs);
    ys.insert(ys.end(), evens.begin(), evens.end());
    total += (int64_t)ys.size() + *std::max_element(ys.begin(), ys.end()) - *std::min_element(ys.begin(), ys.end());
    return total;
}

int main() {
    int64_t checksum = 0;
    for (int r = 0; r < REPEATS; r++) checksum = (checksum + run(50000, r + 1)) % 1000000007;
    printf("%lld\n", (long long)checksum);
    return 0;
}
