#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#define LINES 5000  /* bench-size: the same value as in the .py */

static const char *SYLLABLES[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "be", "do"};

static std::vector<std::string> make_text(int lines, int words_per_line, int64_t seed) {
    std::vector<std::string> out;
    int64_t x = seed;
    for (int l = 0; l < lines; l++) {
        std::string line;
        for (int w = 0; w < words_per_line; w++) {
            x = (x * 1103515245 + 12345) % 2147483648LL;
            int64_t r = x >> 8;
            if (w > 0) line += ' ';
            line += SYLLABLES[r % 12];
            line += SYLLABLES[(r / 12) % 12];
            if (r % 5 == 0) line += SYLLABLES[(r / 144) % 12];
        }
        out.push_back(std::move(line));
    }
    return out;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static std::unordered_map<std::string, int64_t> count_words(const std::vector<std::string> &lines) {
    std::unordered_map<std::string, int64_t> counts;
    for (const std::string &line : lines) {
        size_t i = 0, n = line.size();
        while (i < n) {
            while (i < n && is_space(line[i])) i++;
            size_t start = i;
            while (i < n && !is_space(line[i])) i++;
            if (i > start) counts[line.substr(start, i - start)] += 1;
        }
    }
    return counts;
}

int main() {
    std::vector<std::string> text = make_text(LINES, 40, 2024);
    std::unordered_map<std::string, int64_t> counts;
    for (int r = 0; r < 50; r++) counts = count_words(text);
    std::vector<std::pair<std::string, int64_t>> items(counts.begin(), counts.end());
    std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    int64_t total = 0;
    for (const auto &kv : items) total += kv.second;
    printf("%zu %lld [", items.size(), (long long)total);
    for (size_t i = 0; i < 3 && i < items.size(); i++)
        printf("%s('%s', %lld)", i ? ", " : "", items[i].first.c_str(), (long long)items[i].second);
    printf("]\n");
    return 0;
}
