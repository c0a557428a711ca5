/* Immutable UTF-8 strings. `nchars` counts code points; input is assumed
 * to be valid UTF-8 (the compiler and the runtime only create such). */
#include "mg_internal.h"

size_t mg_cstrlen(const char *s) {
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static int64_t count_chars(const char *p, int64_t len) {
    int64_t n = 0;
    for (int64_t i = 0; i < len; i++)
        n += ((unsigned char)p[i] & 0xC0) != 0x80; /* skip continuation bytes */
    return n;
}

MgStr *mg_str_alloc(int64_t len) {
    if (len < 0 || (uint64_t)len > (uint64_t)(SIZE_MAX / 2))
        mg_raise("MemoryError", NULL);
    MgStr *s = mg_alloc(sizeof(MgStr) + (size_t)len + 1);
    s->rc = 1;
    s->len = len;
    s->nchars = 0;
    s->data[len] = 0;
    return s;
}

MgStr *mg_str_finish(MgStr *s) {
    s->nchars = count_chars(s->data, s->len);
    return s;
}

MgStr *mg_str_new(const char *bytes, int64_t len) {
    MgStr *s = mg_str_alloc(len);
    __builtin_memcpy(s->data, bytes, (size_t)len);
    return mg_str_finish(s);
}

MgStr *mg_str_concat(MgStr *a, MgStr *b) {
    MgStr *s = mg_str_alloc(a->len + b->len);
    __builtin_memcpy(s->data, a->data, (size_t)a->len);
    __builtin_memcpy(s->data + a->len, b->data, (size_t)b->len);
    s->nchars = a->nchars + b->nchars;
    return s;
}

MgStr *mg_str_repeat(MgStr *s, int64_t n) {
    if (n <= 0 || s->len == 0)
        return mg_str_alloc(0);
    int64_t total;
    if (__builtin_mul_overflow(s->len, n, &total))
        mg_raise("MemoryError", NULL);
    MgStr *r = mg_str_alloc(total);
    for (int64_t i = 0; i < n; i++)
        __builtin_memcpy(r->data + i * s->len, s->data, (size_t)s->len);
    r->nchars = s->nchars * n;
    return r;
}

/* Byte length of the UTF-8 sequence starting with lead byte c. */
static int seq_len(unsigned char c) {
    if (c < 0x80) return 1;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

MgStr *mg_str_index(MgStr *s, int64_t i) {
    if (i < 0)
        i += s->nchars;
    if (i < 0 || i >= s->nchars)
        mg_raise("IndexError", "string index out of range");
    if (s->len == s->nchars) /* ASCII */
        return mg_str_new(s->data + i, 1);
    int64_t pos = 0;
    for (int64_t k = 0; k < i; k++)
        pos += seq_len((unsigned char)s->data[pos]);
    return mg_str_new(s->data + pos, seq_len((unsigned char)s->data[pos]));
}

/* UTF-8 byte order is code point order, so a byte comparison suffices. */
int32_t mg_str_cmp(MgStr *a, MgStr *b) {
    int64_t n = a->len < b->len ? a->len : b->len;
    for (int64_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a->data[i], y = (unsigned char)b->data[i];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

bool mg_str_eq(MgStr *a, MgStr *b) {
    if (a == b)
        return true;
    if (a->len != b->len)
        return false;
    for (int64_t i = 0; i < a->len; i++)
        if (a->data[i] != b->data[i])
            return false;
    return true;
}

/* ---- growable buffer -------------------------------------------------- */

void mg_buf_init(MgBuf *b) {
    b->p = b->inline_;
    b->len = 0;
    b->cap = sizeof b->inline_;
}

void mg_buf_put(MgBuf *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = b->cap * 2;
        while (cap < b->len + n)
            cap *= 2;
        char *p = mg_alloc(cap);
        __builtin_memcpy(p, b->p, b->len);
        if (b->p != b->inline_)
            mg_free(b->p);
        b->p = p;
        b->cap = cap;
    }
    __builtin_memcpy(b->p + b->len, s, n);
    b->len += n;
}

void mg_buf_putc(MgBuf *b, char c) { mg_buf_put(b, &c, 1); }

MgStr *mg_buf_to_str(MgBuf *b) { return mg_str_new(b->p, (int64_t)b->len); }

/* ---- repr ------------------------------------------------------------- */

/* Python's str.isprintable() for one code point. Exact for ASCII and
 * Latin-1; above that it knows the common non-printable ranges (format
 * characters, separators, private use, surrogates, noncharacters) but not
 * every unassigned code point of the Unicode database. */
static bool printable(uint32_t c) {
    if (c < 0x20 || c == 0x7F) return false;
    if (c < 0x7F) return true;
    if (c <= 0xA0 || c == 0xAD) return false;
    if (c < 0x300) return true;
    if (c == 0x61C || c == 0x6DD || c == 0x70F || c == 0x180E || c == 0x1680) return false;
    if (c >= 0x600 && c <= 0x605) return false;
    if (c >= 0x2000 && c <= 0x200F) return false;
    if (c >= 0x2028 && c <= 0x202F) return false;
    if (c >= 0x205F && c <= 0x206F) return false;
    if (c == 0x3000 || c == 0xFEFF) return false;
    if (c >= 0xD800 && c <= 0xF8FF) return false; /* surrogates, private use */
    if (c >= 0xFFF0 && c <= 0xFFFB) return false;
    if ((c & 0xFFFE) == 0xFFFE) return false;     /* noncharacters */
    if (c >= 0xE0000 && c <= 0xE0FFF) return false; /* tags, variation sel. supplement */
    if (c >= 0xF0000) return false;              /* private use planes */
    return true;
}

static void put_hex(MgBuf *b, char kind, uint32_t c, int digits) {
    static const char hex[] = "0123456789abcdef";
    char t[10];
    t[0] = '\\';
    t[1] = kind;
    for (int i = 0; i < digits; i++)
        t[2 + i] = hex[(c >> (4 * (digits - 1 - i))) & 15];
    mg_buf_put(b, t, (size_t)digits + 2);
}

MgStr *mg_str_repr(MgStr *s) {
    bool has_sq = false, has_dq = false;
    for (int64_t i = 0; i < s->len; i++) {
        has_sq |= s->data[i] == '\'';
        has_dq |= s->data[i] == '"';
    }
    char q = (has_sq && !has_dq) ? '"' : '\'';
    MgBuf b;
    mg_buf_init(&b);
    mg_buf_putc(&b, q);
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t i = 0;
    while (i < s->len) {
        int n = seq_len(p[i]);
        uint32_t c = p[i];
        if (n == 2) c = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
        else if (n == 3) c = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        else if (n == 4) c = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
        if (c == (uint32_t)q || c == '\\') {
            mg_buf_putc(&b, '\\');
            mg_buf_putc(&b, (char)c);
        } else if (c == '\t') mg_buf_put(&b, "\\t", 2);
        else if (c == '\n') mg_buf_put(&b, "\\n", 2);
        else if (c == '\r') mg_buf_put(&b, "\\r", 2);
        else if (printable(c)) mg_buf_put(&b, (const char *)p + i, (size_t)n);
        else if (c < 0x100) put_hex(&b, 'x', c, 2);
        else if (c < 0x10000) put_hex(&b, 'u', c, 4);
        else put_hex(&b, 'U', c, 8);
        i += n;
    }
    mg_buf_putc(&b, q);
    return mg_buf_to_str(&b);
}

MgStr *mg_str_from_bool(bool v) { return v ? mg_str_new("True", 4) : mg_str_new("False", 5); }

/* ---- issue 3: freeing and hashing (containers engineer) ---------------- */

void mg_buf_release(MgBuf *b) {
    if (b->p != b->inline_)
        mg_free(b->p);
    mg_buf_init(b);
}

/* Called when the reference count reaches 0 (never for literals). */
void mg_str_free(MgStr *s) { mg_free(s); }

/* FNV-1a over the bytes, then a 64-bit finaliser (murmur3's fmix64) so the
 * low bits that index hash tables depend on every byte. Never -1: that
 * value marks "no hash" in CPython's convention, which the tables share. */
int64_t mg_str_hash(MgStr *s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (int64_t i = 0; i < s->len; i++) {
        h ^= (unsigned char)s->data[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return (int64_t)h == -1 ? -2 : (int64_t)h;
}
/* ---- end of issue 3 section ---- */
