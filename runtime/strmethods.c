/* str methods with CPython 3.11's results and error messages.
 *
 * Strings are immutable UTF-8 (see str.c). Arguments are borrowed; every
 * returned string is a new reference (a method that returns its argument
 * unchanged increfs it, like CPython's unicode_result_unchanged).
 *
 * Character classes and case mappings are exact for every code point: ASCII
 * is handled inline, everything else comes from the Unicode database in
 * unicode_db.c (generated from CPython's own str methods by
 * runtime/tools/gen_unicode.py), including mappings that change the length
 * ('ß'.upper() == 'SS', 'ﬁ'.upper() == 'FI', 'İ'.lower() == 'i̇'), titlecase
 * digraphs ('ǆ'.title() == 'ǅ') and lower()'s final sigma. Whitespace
 * (isspace, split(), strip()) and splitlines' line breaks use the short
 * complete lists below, so that splitting and stripping do not pull the
 * database into a program.
 */
#include "mg_internal.h"

/* ---- character classes ------------------------------------------------ */

enum {
    ALPHA = MG_U_ALPHA, DECIMAL = MG_U_DECIMAL, DIGIT = MG_U_DIGIT, NUMERIC = MG_U_NUMERIC,
    UPPER = MG_U_UPPER, LOWER = MG_U_LOWER, TITLE = MG_U_TITLE, CASED = MG_U_CASED,
    IGNORABLE = MG_U_CASE_IGNORABLE, PRINTABLE = MG_U_PRINTABLE, SPACE = MG_U_SPACE,
};

/* The MG_U_* flags of c: ASCII inline (checked against the database for
 * every code point by tests/runtime_strings.rs), the rest from unicode_db.c. */
static unsigned uflags(uint32_t c) {
    if (c >= 0x80)
        return mg_uni_flags(c);
    if (c - 'a' < 26)
        return ALPHA | LOWER | CASED | PRINTABLE;
    if (c - 'A' < 26)
        return ALPHA | UPPER | CASED | PRINTABLE;
    if (c - '0' < 10)
        return DECIMAL | DIGIT | NUMERIC | PRINTABLE;
    if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`') /* Word_Break MidLetter etc., Sk */
        return IGNORABLE | PRINTABLE;
    if (c == ' ')
        return SPACE | PRINTABLE;
    if ((c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F))
        return SPACE;
    return c >= 0x20 && c < 0x7F ? PRINTABLE : 0;
}

bool mg_uni_isspace(uint32_t c) {
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Py_UNICODE_ISLINEBREAK: the boundaries str.splitlines() splits at. */
static bool is_linebreak(uint32_t c) {
    return (c >= '\n' && c <= '\r') || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Full case mappings (1 to 3 code points), CPython's _PyUnicode_To*Full. */
static int to_lower(uint32_t c, uint32_t *out) {
    if (c < 0x80) {
        out[0] = c - 'A' < 26 ? c + 0x20 : c;
        return 1;
    }
    return mg_uni_lower(c, out);
}
static int to_upper(uint32_t c, uint32_t *out) {
    if (c < 0x80) {
        out[0] = c - 'a' < 26 ? c - 0x20 : c;
        return 1;
    }
    return mg_uni_upper(c, out);
}
static int to_title(uint32_t c, uint32_t *out) { return c < 0x80 ? to_upper(c, out) : mg_uni_title(c, out); }
static int to_fold(uint32_t c, uint32_t *out) { return c < 0x80 ? to_lower(c, out) : mg_uni_fold(c, out); }

/* ---- helpers ---------------------------------------------------------- */

/* A new string from bytes [b0, b1) of s. */
static MgStr *sub(MgStr *s, int64_t b0, int64_t b1) { return mg_str_new(s->data + b0, b1 - b0); }

/* Byte offset of the code point before byte offset i (> 0). */
static int64_t prev_cp(const char *d, int64_t i) {
    i--;
    while (((unsigned char)d[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Code points before byte offset b. */
static int64_t cp_index(MgStr *s, int64_t b) {
    if (s->len == s->nchars)
        return b;
    int64_t n = 0;
    for (int64_t i = 0; i < b; i++)
        n += ((unsigned char)s->data[i] & 0xC0) != 0x80;
    return n;
}

/* First byte offset >= from where sub occurs in s[0:end), or -1. */
static int64_t find_bytes(MgStr *s, int64_t from, int64_t end, MgStr *sub_) {
    int64_t m = sub_->len;
    for (int64_t i = from; i + m <= end; i++)
        if (__builtin_memcmp(s->data + i, sub_->data, (size_t)m) == 0)
            return i;
    return -1;
}

/* Last byte offset where sub occurs in s[0:end), or -1. */
static int64_t rfind_bytes(MgStr *s, int64_t end, MgStr *sub_) {
    int64_t m = sub_->len;
    for (int64_t i = end - m; i >= 0; i--)
        if (__builtin_memcmp(s->data + i, sub_->data, (size_t)m) == 0)
            return i;
    return -1;
}

/* Append s (taken) to l; false (MemoryError raised, s released) if l
 * cannot grow. */
static bool list_add(MgList *l, MgStr *s) {
    int64_t n = l->len;
    mg_list_append(l, &s);
    return l->len != n;
}

/* The list result of a split, or NULL (freeing l) if it raised. */
static MgList *split_result(MgList *l, bool ok) {
    if (ok)
        return l;
    mg_list_free(l);
    return NULL;
}

static void put_cp(MgBuf *b, uint32_t c) {
    char t[4];
    mg_buf_put(b, t, (size_t)mg_utf8_encode(c, t));
}

/* ---- split ------------------------------------------------------------ */

MgList *mg_str_split(MgStr *s, MgStr *sep, int64_t maxsplit) {
    if (sep && sep->len == 0) {
        mg_exc_raise("ValueError", "empty separator");
        return NULL;
    }
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    MgList *l = mg_list_new(&mg_type_str, 0); /* capacity 0: never fails */
    const char *d = s->data;
    int64_t n = s->len;
    if (!sep) { /* runs of whitespace; no empty strings */
        int64_t i = 0;
        while (maxcount-- > 0) {
            while (i < n && mg_uni_isspace(mg_utf8_decode(d + i)))
                i += mg_utf8_len((unsigned char)d[i]);
            if (i == n)
                break;
            int64_t j = i;
            while (i < n && !mg_uni_isspace(mg_utf8_decode(d + i)))
                i += mg_utf8_len((unsigned char)d[i]);
            if (!list_add(l, sub(s, j, i)))
                return split_result(l, false);
        }
        if (i < n) { /* maxsplit reached: the rest, without leading spaces */
            while (i < n && mg_uni_isspace(mg_utf8_decode(d + i)))
                i += mg_utf8_len((unsigned char)d[i]);
            if (i != n)
                return split_result(l, list_add(l, sub(s, i, n)));
        }
        return l;
    }
    int64_t i = 0;
    while (maxcount-- > 0) {
        int64_t j = find_bytes(s, i, n, sep);
        if (j < 0)
            break;
        if (!list_add(l, sub(s, i, j)))
            return split_result(l, false);
        i = j + sep->len;
    }
    return split_result(l, list_add(l, sub(s, i, n)));
}

/* Reverse the order of l's string slots (rsplit collects right to left). */
static void reverse_strs(MgList *l) {
    MgStr **a = (MgStr **)(void *)l->data;
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        MgStr *t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

MgList *mg_str_rsplit(MgStr *s, MgStr *sep, int64_t maxsplit) {
    if (sep && sep->len == 0) {
        mg_exc_raise("ValueError", "empty separator");
        return NULL;
    }
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    MgList *l = mg_list_new(&mg_type_str, 0); /* capacity 0: never fails */
    const char *d = s->data;
    if (!sep) {
        int64_t i = s->len; /* byte offset just past the unexamined part */
        while (maxcount-- > 0) {
            while (i > 0 && mg_uni_isspace(mg_utf8_decode(d + prev_cp(d, i))))
                i = prev_cp(d, i);
            if (i == 0)
                break;
            int64_t j = i;
            while (i > 0 && !mg_uni_isspace(mg_utf8_decode(d + prev_cp(d, i))))
                i = prev_cp(d, i);
            if (!list_add(l, sub(s, i, j)))
                return split_result(l, false);
        }
        if (i > 0) {
            while (i > 0 && mg_uni_isspace(mg_utf8_decode(d + prev_cp(d, i))))
                i = prev_cp(d, i);
            if (i > 0 && !list_add(l, sub(s, 0, i)))
                return split_result(l, false);
        }
        reverse_strs(l);
        return l;
    }
    int64_t j = s->len;
    while (maxcount-- > 0) {
        int64_t p = rfind_bytes(s, j, sep);
        if (p < 0)
            break;
        if (!list_add(l, sub(s, p + sep->len, j)))
            return split_result(l, false);
        j = p;
    }
    if (!list_add(l, sub(s, 0, j)))
        return split_result(l, false);
    reverse_strs(l);
    return l;
}

MgList *mg_str_splitlines(MgStr *s, bool keepends) {
    MgList *l = mg_list_new(&mg_type_str, 0); /* capacity 0: never fails */
    const char *d = s->data;
    int64_t n = s->len, i = 0, j = 0;
    while (i < n) {
        /* Every line break starts with a byte in \n..\r, \x1c..\x1e or
         * 0xC2/0xE2 (U+0085, U+2028/9): skip other bytes without decoding. */
        while (i < n) {
            /* Eight bytes at a time while none is < 0x20 or >= 0x80. */
            while (i + 8 <= n) {
                uint64_t x;
                __builtin_memcpy(&x, d + i, 8);
                if (((x - 0x2020202020202020ull) | x) & 0x8080808080808080ull)
                    break;
                i += 8;
            }
            if (i >= n)
                break;
            unsigned char c = (unsigned char)d[i];
            if (c > '\r' && (c < 0x1C || c > 0x1E) && c != 0xC2 && c != 0xE2) {
                i++;
                continue;
            }
            if (is_linebreak(mg_utf8_decode(d + i)))
                break;
            i += mg_utf8_len(c);
        }
        int64_t eol = i;
        if (i < n) {
            if (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n')
                i += 2; /* CRLF is one line break */
            else
                i += mg_utf8_len((unsigned char)d[i]);
            if (keepends)
                eol = i;
        }
        if (!list_add(l, sub(s, j, eol)))
            return split_result(l, false);
        j = i;
    }
    return l;
}

/* sep.join(parts): parts is a list[str] (static types rule out the
 * TypeError CPython raises for non-str items). */
MgStr *mg_str_join(MgStr *sep, MgList *parts) {
    MgStr **a = (MgStr **)(void *)parts->data;
    int64_t n = parts->len;
    if (n == 0)
        return mg_str_alloc(0);
    int64_t len = 0, nchars = 0;
    for (int64_t i = 0; i < n; i++) {
        if (__builtin_add_overflow(len, a[i]->len, &len)) {
            mg_exc_nomem();
            return NULL;
        }
        nchars += a[i]->nchars;
    }
    int64_t seps;
    if (__builtin_mul_overflow(sep->len, n - 1, &seps) || __builtin_add_overflow(len, seps, &len)) {
        mg_exc_nomem();
        return NULL;
    }
    if (!mg_str_len_ok(len))
        return NULL;
    MgStr *r = mg_str_alloc(len);
    int64_t w = 0;
    for (int64_t i = 0; i < n; i++) {
        if (i) {
            mg_copy(r->data + w, sep->data, (size_t)sep->len);
            w += sep->len;
        }
        mg_copy(r->data + w, a[i]->data, (size_t)a[i]->len);
        w += a[i]->len;
    }
    r->nchars = nchars + sep->nchars * (n - 1);
    return r;
}

/* ---- strip ------------------------------------------------------------ */

/* Is code point c one to strip: whitespace (chars == NULL) or in chars. */
static bool strip_char(uint32_t c, MgStr *chars) {
    if (!chars)
        return mg_uni_isspace(c);
    for (int64_t i = 0; i < chars->len; i += mg_utf8_len((unsigned char)chars->data[i]))
        if (mg_utf8_decode(chars->data + i) == c)
            return true;
    return false;
}

static MgStr *do_strip(MgStr *s, MgStr *chars, bool left, bool right) {
    const char *d = s->data;
    int64_t i = 0, j = s->len;
    if (left)
        while (i < j && strip_char(mg_utf8_decode(d + i), chars))
            i += mg_utf8_len((unsigned char)d[i]);
    if (right)
        while (j > i && strip_char(mg_utf8_decode(d + prev_cp(d, j)), chars))
            j = prev_cp(d, j);
    if (i == 0 && j == s->len)
        return mg_str_ref(s);
    return sub(s, i, j);
}

MgStr *mg_str_strip(MgStr *s, MgStr *chars) { return do_strip(s, chars, true, true); }
MgStr *mg_str_lstrip(MgStr *s, MgStr *chars) { return do_strip(s, chars, true, false); }
MgStr *mg_str_rstrip(MgStr *s, MgStr *chars) { return do_strip(s, chars, false, true); }

/* ---- case mapping ----------------------------------------------------- */

enum { M_LOWER, M_UPPER, M_TITLE, M_CAPITALIZE, M_SWAPCASE, M_CASEFOLD };

/* CPython's handle_capital_sigma: U+03A3 at byte offset i lowers to final
 * sigma U+03C2 when a cased letter precedes it and none follows (skipping
 * case-ignorable characters both ways), else to U+03C3. */
static uint32_t lower_sigma(MgStr *s, int64_t i) {
    const char *d = s->data;
    bool final = false;
    for (int64_t j = i; j > 0;) {
        j = prev_cp(d, j);
        unsigned f = uflags(mg_utf8_decode(d + j));
        if (!(f & IGNORABLE)) {
            final = f & CASED;
            break;
        }
    }
    if (final)
        for (int64_t j = i + 2; j < s->len; j += mg_utf8_len((unsigned char)d[j])) {
            unsigned f = uflags(mg_utf8_decode(d + j));
            if (!(f & IGNORABLE)) {
                final = !(f & CASED);
                break;
            }
        }
    return final ? 0x3C2 : 0x3C3;
}

/* CPython's lower_ucs4: to_lower with the final sigma rule. */
static int lower_at(MgStr *s, int64_t i, uint32_t c, uint32_t *out) {
    if (c == 0x3A3) {
        out[0] = lower_sigma(s, i);
        return 1;
    }
    return to_lower(c, out);
}

/* ASCII-only strings: same length, byte by byte. */
static MgStr *case_map_ascii(MgStr *s, int mode) {
    MgStr *r = mg_str_alloc(s->len);
    bool prev_cased = false;
    for (int64_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        bool up = c - 'A' < 26u, low = c - 'a' < 26u;
        bool to_up;
        switch (mode) {
        case M_LOWER: case M_CASEFOLD: to_up = false; break;
        case M_UPPER: to_up = true; break;
        case M_TITLE: to_up = !prev_cased; break;
        case M_CAPITALIZE: to_up = i == 0; break;
        default: to_up = low;
        }
        r->data[i] = (char)(to_up ? (low ? c - 0x20 : c) : (up ? c + 0x20 : c));
        prev_cased = up || low;
    }
    r->nchars = s->len;
    return r;
}

/* CPython's do_lower/do_upper/do_title/do_capitalize/do_swapcase/do_casefold.
 * Inlined into each method with a constant mode so that the linker keeps
 * only the tables that mode uses (upper() and casefold() need no flags). */
static inline __attribute__((always_inline)) MgStr *case_map(MgStr *s, int mode) {
    if (s->len == s->nchars)
        return case_map_ascii(s, mode);
    MgBuf b;
    mg_buf_init(&b);
    bool prev_cased = false;
    uint32_t m[3];
    for (int64_t i = 0; i < s->len; i += mg_utf8_len((unsigned char)s->data[i])) {
        uint32_t c = mg_utf8_decode(s->data + i);
        int n;
        switch (mode) {
        case M_LOWER: n = lower_at(s, i, c, m); break;
        case M_UPPER: n = to_upper(c, m); break;
        case M_CASEFOLD: n = to_fold(c, m); break;
        case M_TITLE:
            n = prev_cased ? lower_at(s, i, c, m) : to_title(c, m);
            prev_cased = uflags(c) & CASED;
            break;
        case M_CAPITALIZE: n = i == 0 ? to_title(c, m) : lower_at(s, i, c, m); break;
        default: {
            unsigned f = uflags(c);
            if (f & UPPER)
                n = lower_at(s, i, c, m);
            else if (f & LOWER)
                n = to_upper(c, m);
            else {
                m[0] = c;
                n = 1;
            }
        }
        }
        for (int t = 0; t < n; t++)
            put_cp(&b, m[t]);
    }
    return mg_buf_to_str(&b);
}

MgStr *mg_str_lower(MgStr *s) { return case_map(s, M_LOWER); }
MgStr *mg_str_upper(MgStr *s) { return case_map(s, M_UPPER); }
MgStr *mg_str_title(MgStr *s) { return case_map(s, M_TITLE); }
MgStr *mg_str_capitalize(MgStr *s) { return case_map(s, M_CAPITALIZE); }
MgStr *mg_str_swapcase(MgStr *s) { return case_map(s, M_SWAPCASE); }
MgStr *mg_str_casefold(MgStr *s) { return case_map(s, M_CASEFOLD); }

/* ---- replace, search -------------------------------------------------- */

MgStr *mg_str_replace(MgStr *s, MgStr *old, MgStr *new_, int64_t count) {
    int64_t maxcount = count < 0 ? INT64_MAX : count;
    if (maxcount == 0)
        return mg_str_ref(s);
    MgBuf b;
    mg_buf_init(&b);
    if (old->len == 0) {
        /* Insert `new` before every character and at the end, at most
         * maxcount times: 'abc'.replace('', '-', 2) == '-a-bc'. */
        int64_t i = 0;
        while (maxcount > 0) {
            mg_buf_put(&b, new_->data, (size_t)new_->len);
            maxcount--;
            if (i == s->len)
                break;
            int n = mg_utf8_len((unsigned char)s->data[i]);
            mg_buf_put(&b, s->data + i, (size_t)n);
            i += n;
        }
        mg_buf_put(&b, s->data + i, (size_t)(s->len - i));
        return mg_buf_to_str(&b);
    }
    int64_t i = 0;
    while (maxcount > 0) {
        int64_t j = find_bytes(s, i, s->len, old);
        if (j < 0)
            break;
        mg_buf_put(&b, s->data + i, (size_t)(j - i));
        mg_buf_put(&b, new_->data, (size_t)new_->len);
        i = j + old->len;
        maxcount--;
    }
    if (i == 0)
        return mg_str_ref(s);
    mg_buf_put(&b, s->data + i, (size_t)(s->len - i));
    return mg_buf_to_str(&b);
}

bool mg_str_startswith(MgStr *s, MgStr *prefix) {
    return prefix->len <= s->len && __builtin_memcmp(s->data, prefix->data, (size_t)prefix->len) == 0;
}

bool mg_str_endswith(MgStr *s, MgStr *suffix) {
    return suffix->len <= s->len &&
           __builtin_memcmp(s->data + s->len - suffix->len, suffix->data, (size_t)suffix->len) == 0;
}

int64_t mg_str_find(MgStr *s, MgStr *sub_) {
    int64_t b = find_bytes(s, 0, s->len, sub_);
    return b < 0 ? -1 : cp_index(s, b);
}

int64_t mg_str_rfind(MgStr *s, MgStr *sub_) {
    int64_t b = rfind_bytes(s, s->len, sub_);
    return b < 0 ? -1 : cp_index(s, b);
}

int64_t mg_str_index_of(MgStr *s, MgStr *sub_) {
    int64_t r = mg_str_find(s, sub_);
    if (r < 0)
        mg_exc_raise("ValueError", "substring not found");
    return r;
}

/* Non-overlapping occurrences; the empty string occurs nchars + 1 times. */
int64_t mg_str_count(MgStr *s, MgStr *sub_) {
    if (sub_->len == 0)
        return s->nchars + 1;
    int64_t n = 0, i = 0;
    if (sub_->len == 1) { /* one ASCII character: count bytes */
        /* Locals, so the loop does not reload s->len after each char load
         * (chars may alias it) and vectorizes. */
        const char c = sub_->data[0], *d = s->data;
        const int64_t len = s->len;
        const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
        const uint64_t pattern = ones * (unsigned char)c;
        int64_t k = 0;
        /* Eight bytes at a time: a zero byte of x ^ pattern is a match; the
         * per-byte flags (exact, no borrows) are summed by one multiply. */
        for (; k + 8 <= len; k += 8) {
            uint64_t x;
            __builtin_memcpy(&x, d + k, 8);
            x ^= pattern;
            uint64_t t = ((x & ~high) + ~high) | x;
            t = ~t & high;
            n += (int64_t)(((t >> 7) * ones) >> 56);
        }
        for (; k < len; k++)
            n += d[k] == c;
        return n;
    }
    for (;;) {
        int64_t j = find_bytes(s, i, s->len, sub_);
        if (j < 0)
            return n;
        n++;
        i = j + sub_->len;
    }
}

/* ---- predicates ------------------------------------------------------- */

/* True if every code point has one of the `mask` flags; `empty` for "". */
static bool all_chars(MgStr *s, unsigned mask, bool empty) {
    if (s->len == 0)
        return empty;
    for (int64_t i = 0; i < s->len; i += mg_utf8_len((unsigned char)s->data[i]))
        if (!(uflags(mg_utf8_decode(s->data + i)) & mask))
            return false;
    return true;
}

bool mg_str_isdigit(MgStr *s) { return all_chars(s, DIGIT, false); }
bool mg_str_isdecimal(MgStr *s) { return all_chars(s, DECIMAL, false); }
bool mg_str_isnumeric(MgStr *s) { return all_chars(s, NUMERIC, false); }
bool mg_str_isalpha(MgStr *s) { return all_chars(s, ALPHA, false); }
/* isalnum = isalpha or isdecimal or isdigit or isnumeric per character. */
bool mg_str_isalnum(MgStr *s) { return all_chars(s, ALPHA | DECIMAL | DIGIT | NUMERIC, false); }
bool mg_str_isprintable(MgStr *s) { return all_chars(s, PRINTABLE, true); }

bool mg_str_isspace(MgStr *s) {
    if (s->len == 0)
        return false;
    for (int64_t i = 0; i < s->len; i += mg_utf8_len((unsigned char)s->data[i]))
        if (!mg_uni_isspace(mg_utf8_decode(s->data + i)))
            return false;
    return true;
}

/* At least one character of case `want` and none of the other case or
 * titlecase (CPython's unicode_isupper_impl / unicode_islower_impl). */
static bool cased_as(MgStr *s, unsigned want, unsigned other) {
    bool cased = false;
    for (int64_t i = 0; i < s->len; i += mg_utf8_len((unsigned char)s->data[i])) {
        unsigned f = uflags(mg_utf8_decode(s->data + i));
        if (f & (other | TITLE))
            return false;
        cased |= (f & want) != 0;
    }
    return cased;
}

bool mg_str_isupper(MgStr *s) { return cased_as(s, UPPER, LOWER); }
bool mg_str_islower(MgStr *s) { return cased_as(s, LOWER, UPPER); }

/* Uppercase/titlecase characters only after uncased ones, lowercase only
 * after cased ones, and at least one cased (unicode_istitle_impl). */
bool mg_str_istitle(MgStr *s) {
    bool cased = false, prev_cased = false;
    for (int64_t i = 0; i < s->len; i += mg_utf8_len((unsigned char)s->data[i])) {
        unsigned f = uflags(mg_utf8_decode(s->data + i));
        if (f & (UPPER | TITLE)) {
            if (prev_cased)
                return false;
            prev_cased = cased = true;
        } else if (f & LOWER) {
            if (!prev_cased)
                return false;
            prev_cased = cased = true;
        } else
            prev_cased = false;
    }
    return cased;
}

/* ---- padding ---------------------------------------------------------- */

/* CPython's pad(): `left` and `right` copies of the fill character
 * (left, right >= 0 and left + right + len(s) <= INT64_MAX code points). */
static MgStr *pad(MgStr *s, int64_t left, int64_t right, MgStr *fill) {
    char fc[4] = {' '};
    int fn = 1;
    if (fill) {
        if (fill->nchars != 1) {
            mg_exc_raise("TypeError", "The fill character must be exactly one character long");
            return NULL;
        }
        fn = (int)fill->len;
        __builtin_memcpy(fc, fill->data, (size_t)fn);
    }
    if (left <= 0 && right <= 0)
        return mg_str_ref(s);
    int64_t bytes;
    if (__builtin_mul_overflow(left + right, (int64_t)fn, &bytes) || __builtin_add_overflow(bytes, s->len, &bytes)) {
        mg_exc_nomem();
        return NULL;
    }
    if (!mg_str_len_ok(bytes))
        return NULL;
    MgStr *r = mg_str_alloc(bytes);
    char *w = r->data;
    for (int64_t i = 0; i < left; i++, w += fn)
        __builtin_memcpy(w, fc, (size_t)fn);
    __builtin_memcpy(w, s->data, (size_t)s->len);
    w += s->len;
    for (int64_t i = 0; i < right; i++, w += fn)
        __builtin_memcpy(w, fc, (size_t)fn);
    r->nchars = s->nchars + left + right;
    return r;
}

MgStr *mg_str_center(MgStr *s, int64_t width, MgStr *fill) {
    int64_t marg = width - s->nchars;
    if (marg <= 0)
        return pad(s, 0, 0, fill);
    /* CPython: extra padding goes left only when both marg and width are odd. */
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill);
}

MgStr *mg_str_ljust(MgStr *s, int64_t width, MgStr *fill) {
    return pad(s, 0, width > s->nchars ? width - s->nchars : 0, fill);
}

MgStr *mg_str_rjust(MgStr *s, int64_t width, MgStr *fill) {
    return pad(s, width > s->nchars ? width - s->nchars : 0, 0, fill);
}

/* Zeros on the left; a leading sign moves in front of them. */
MgStr *mg_str_zfill(MgStr *s, int64_t width) {
    if (s->nchars >= width)
        return mg_str_ref(s);
    int64_t fill = width - s->nchars;
    MgStr *r = pad(s, fill, 0, NULL);
    if (!r)
        return NULL;
    for (int64_t i = 0; i < fill; i++)
        r->data[i] = '0';
    if (r->data[fill] == '+' || r->data[fill] == '-') {
        r->data[0] = r->data[fill];
        r->data[fill] = '0';
    }
    return r;
}

/* ---- partition -------------------------------------------------------- */

void mg_str_partition(MgStr *s, MgStr *sep, MgStr **out) {
    if (sep->len == 0) {
        mg_exc_raise("ValueError", "empty separator");
        return;
    }
    int64_t p = find_bytes(s, 0, s->len, sep);
    if (p < 0) {
        out[0] = mg_str_ref(s);
        out[1] = mg_str_alloc(0);
        out[2] = mg_str_alloc(0);
        return;
    }
    out[0] = sub(s, 0, p);
    out[1] = mg_str_ref(sep);
    out[2] = sub(s, p + sep->len, s->len);
}

void mg_str_rpartition(MgStr *s, MgStr *sep, MgStr **out) {
    if (sep->len == 0) {
        mg_exc_raise("ValueError", "empty separator");
        return;
    }
    int64_t p = rfind_bytes(s, s->len, sep);
    if (p < 0) {
        out[0] = mg_str_alloc(0);
        out[1] = mg_str_alloc(0);
        out[2] = mg_str_ref(s);
        return;
    }
    out[0] = sub(s, 0, p);
    out[1] = mg_str_ref(sep);
    out[2] = sub(s, p + sep->len, s->len);
}

/* ---- methods with start/end positions --------------------------------
 * s.m(sub, start[, end]) as CPython's ADJUST_INDICES: negative positions
 * count from the end, then clamp; a start past the end finds nothing (even
 * the empty string). Searching the slice s[start:end] gives the answer,
 * shifted back to an index of s. */

static void adjust_range(int64_t n, int64_t *start, int64_t *end, bool has_end) {
    if (!has_end || *end > n)
        *end = n;
    else if (*end < 0) {
        *end += n;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += n;
        if (*start < 0)
            *start = 0;
    }
}

static void str_drop(MgStr *s) {
    if (s->rc > 0 && --s->rc == 0)
        mg_str_free(s);
}

/* which: 2 find, 3 rfind, 4 index, 5 count */
int64_t mg_str_find_range(MgStr *s, MgStr *sub, int64_t start, int64_t end, bool has_end, int64_t which) {
    adjust_range(s->nchars, &start, &end, has_end);
    int64_t r;
    if (start > s->nchars || (end < start && !(which == 5 && sub->nchars > 0))) {
        r = which == 5 ? 0 : -1;
    } else {
        MgStr *part = mg_str_slice(s, start, end, 1, true, true, false); /* step 1: never raises */
        switch (which) {
        case 3:
            r = mg_str_rfind(part, sub);
            break;
        case 5:
            r = mg_str_count(part, sub);
            break;
        default:
            r = mg_str_find(part, sub);
        }
        str_drop(part);
        if (which != 5 && r >= 0)
            r += start;
    }
    if (which == 4 && r < 0)
        mg_exc_raise("ValueError", "substring not found");
    return r;
}

/* which: 0 startswith, 1 endswith */
bool mg_str_match_range(MgStr *s, MgStr *sub, int64_t start, int64_t end, bool has_end, int64_t which) {
    adjust_range(s->nchars, &start, &end, has_end);
    if (start > s->nchars)
        return false;
    if (end - start < sub->nchars)
        return false;
    MgStr *part = mg_str_slice(s, start, end, 1, true, true, false); /* step 1: never raises */
    bool r = which == 0 ? mg_str_startswith(part, sub) : mg_str_endswith(part, sub);
    str_drop(part);
    return r;
}
