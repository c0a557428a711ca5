#include <cstdint>
#include <cstdio>
#include <string>

#define N 1250000  /* bench-size: the same value as in the .py */

static std::string build(int64_t n) {
    std::string s;
    char buf[32];
    for (int64_t i = 0; i < n; i++) {
        s += std::to_string(i);
        s += ':';
        s += std::to_string(i * i % 997);
        s += ';';
        if (i % 10 == 0) {
            snprintf(buf, sizeof buf, "%06lld", (long long)(i / 10));
            s += buf;
        }
        s += (i % 80 == 79) ? '\n' : ' ';
    }
    return s;
}

int main() {
    int64_t total = 0, sevens = 0, lines = 0;
    for (int r = 0; r < 4; r++) {
        std::string s = build(N + r);
        total += (int64_t)s.size();
        for (char c : s) {
            if (c == '7') sevens++;
            if (c == '\n') lines++;
        }
        if (!s.empty() && s.back() != '\n') lines++;  /* str.splitlines(): a last line without '\n' */
    }
    printf("%lld %lld %lld\n", (long long)total, (long long)sevens, (long long)lines);
    return 0;
}
