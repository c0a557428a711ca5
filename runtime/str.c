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
    if (len < 0 || (uint64_t)len > MG_STR_MAX)
        mg_raise("MemoryError", NULL); /* the caller's bug: fatal */
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
    mg_copy(s->data, bytes, (size_t)len);
    return mg_str_finish(s);
}

/* A string of ASCII bytes: no code points to count. */
MgStr *mg_str_new_ascii(const char *bytes, int64_t len) {
    MgStr *s = mg_str_alloc(len);
    mg_copy(s->data, bytes, (size_t)len);
    s->nchars = len;
    return s;
}

MgStr *mg_str_concat(MgStr *a, MgStr *b) {
    int64_t len;
    if (__builtin_add_overflow(a->len, b->len, &len)) {
        mg_exc_nomem();
        return NULL;
    }
    if (!mg_str_len_ok(len))
        return NULL;
    MgStr *s = mg_str_alloc(len);
    mg_copy(s->data, a->data, (size_t)a->len);
    mg_copy(s->data + a->len, b->data, (size_t)b->len);
    s->nchars = a->nchars + b->nchars;
    return s;
}

/* s += t (also s = s + t) where the caller gives up its reference to s:
 * when that was the only one, s grows in place (CPython's
 * unicode_concatenate does the same), with room to spare so a loop that
 * appends stays linear; otherwise a new string, as a + b. */
MgStr *mg_str_append(MgStr *s, MgStr *t) {
    if (s->rc != 1 || t->len == 0) {
        MgStr *r = t->len == 0 ? s : mg_str_concat(s, t);
        if (!r)
            return NULL; /* s stays the caller's */
        if (r != s && s->rc > 0 && --s->rc == 0)
            mg_str_free(s);
        return r;
    }
    int64_t len;
    if (__builtin_add_overflow(s->len, t->len, &len) || (uint64_t)len > (uint64_t)(SIZE_MAX / 4)) {
        mg_exc_nomem();
        return NULL;
    }
    size_t need = sizeof(MgStr) + (size_t)len + 1;
    if (need > mg_alloc_capacity(s)) {
        size_t want = need + need / 2 + 16;
        if (t == s) {
            MgStr *r = mg_str_concat(s, t); /* len checked above */
            mg_str_free(s);
            return r;
        }
        s = mg_realloc(s, want);
    }
    mg_copy(s->data + s->len, t->data, (size_t)t->len);
    s->len = len;
    s->nchars += t->nchars;
    s->data[len] = 0;
    return s;
}

MgStr *mg_str_repeat(MgStr *s, int64_t n) {
    if (n <= 0 || s->len == 0)
        return mg_str_alloc(0);
    /* unicode_repeat: the length in characters must fit a Py_ssize_t
     * (64-bit CPython's); past that, allocation fails. */
    if (s->nchars > INT64_MAX / n) {
        mg_exc_raise("OverflowError", "repeated string is too long");
        return NULL;
    }
    int64_t total;
    if (__builtin_mul_overflow(s->len, n, &total)) {
        mg_exc_nomem();
        return NULL;
    }
    if (!mg_str_len_ok(total))
        return NULL;
    MgStr *r = mg_str_alloc(total);
    /* One copy, then double what is filled. */
    __builtin_memcpy(r->data, s->data, (size_t)s->len);
    for (int64_t done = s->len; done < total;) {
        int64_t k = done < total - done ? done : total - done;
        __builtin_memcpy(r->data + done, r->data, (size_t)k);
        done += k;
    }
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
    if (i < 0 || i >= s->nchars) {
        mg_exc_raise("IndexError", "string index out of range");
        return NULL;
    }
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
        /* A buffer holds bytes that exist: past half the address space
         * the allocation fails (fatal, as when the OS refuses). */
        if (n > MG_STR_MAX - b->len)
            mg_raise("MemoryError", NULL);
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

/* The buffer's text as a new string; the buffer's storage is released
 * (it is always the last use of the buffer). */
MgStr *mg_buf_to_str(MgBuf *b) {
    MgStr *s = mg_str_new(b->p, (int64_t)b->len);
    mg_buf_release(b);
    return s;
}

/* ---- repr ------------------------------------------------------------- */

/* Python's str.isprintable() for one code point: Latin-1 inline, the rest
 * from the Unicode database (unicode_db.c's list of the code points where
 * printability changes, not the larger flags tables). */
static bool printable(uint32_t c) {
    if (c < 0x20 || c == 0x7F) return false;
    if (c < 0x7F) return true;
    if (c < 0x100) return c > 0xA0 && c != 0xAD;
    return mg_uni_isprintable(c);
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

/* ==== Issue 3: more str (slicing, in, iteration, ord/chr, concat_parts) ==== */

int mg_utf8_encode(uint32_t c, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) { /* lone surrogates (chr(0xD800)) get the 3-byte form */
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

int64_t mg_str_byte_offset(MgStr *s, int64_t i) {
    if (s->len == s->nchars)
        return i;
    int64_t pos = 0;
    if (i > s->nchars / 2) { /* nearer the end: walk backwards */
        pos = s->len;
        for (int64_t k = s->nchars; k > i; k--) {
            pos--;
            while (((unsigned char)s->data[pos] & 0xC0) == 0x80)
                pos--;
        }
        return pos;
    }
    for (int64_t k = 0; k < i; k++)
        pos += seq_len((unsigned char)s->data[pos]);
    return pos;
}

/* s[start:stop:step] with CPython's PySlice_Unpack + PySlice_AdjustIndices. */
MgStr *mg_str_slice(MgStr *s, int64_t start, int64_t stop, int64_t step, bool has_start, bool has_stop,
                    bool has_step) {
    if (!has_step)
        step = 1;
    if (step == 0) {
        mg_exc_raise("ValueError", "slice step cannot be zero");
        return NULL;
    }
    if (step < -INT64_MAX)
        step = -INT64_MAX;
    int64_t n = s->nchars;
    if (!has_start)
        start = step < 0 ? INT64_MAX : 0;
    if (!has_stop)
        stop = step < 0 ? INT64_MIN : INT64_MAX;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = step < 0 ? -1 : 0;
    } else if (start >= n)
        start = step < 0 ? n - 1 : n;
    if (stop < 0) {
        stop += n;
        if (stop < 0)
            stop = step < 0 ? -1 : 0;
    } else if (stop >= n)
        stop = step < 0 ? n - 1 : n;
    int64_t count = 0;
    if (step < 0) {
        if (stop < start)
            count = (start - stop - 1) / (-step) + 1;
    } else if (start < stop)
        count = (stop - start - 1) / step + 1;
    if (count == 0)
        return mg_str_alloc(0);
    if (step == 1) { /* contiguous: one copy */
        int64_t b0 = mg_str_byte_offset(s, start), b1 = mg_str_byte_offset(s, start + count);
        MgStr *r = mg_str_alloc(b1 - b0);
        __builtin_memcpy(r->data, s->data + b0, (size_t)(b1 - b0));
        r->nchars = count;
        return r;
    }
    if (s->len == n) { /* ASCII: code point i is byte i */
        MgStr *r = mg_str_alloc(count);
        for (int64_t k = 0; k < count; k++)
            r->data[k] = s->data[start + k * step];
        r->nchars = count;
        return r;
    }
    /* General case: a table of the byte offsets of every code point. */
    int64_t *off = mg_alloc((size_t)(n + 1) * sizeof *off);
    for (int64_t i = 0, pos = 0; i <= n; i++) {
        off[i] = pos;
        if (i < n)
            pos += seq_len((unsigned char)s->data[pos]);
    }
    int64_t bytes = 0;
    for (int64_t k = 0; k < count; k++) {
        int64_t i = start + k * step;
        bytes += off[i + 1] - off[i];
    }
    MgStr *r = mg_str_alloc(bytes);
    int64_t w = 0;
    for (int64_t k = 0; k < count; k++) {
        int64_t i = start + k * step, m = off[i + 1] - off[i];
        __builtin_memcpy(r->data + w, s->data + off[i], (size_t)m);
        w += m;
    }
    mg_free(off);
    r->nchars = count;
    return r;
}

/* `sub in s`: a byte search is exact for valid UTF-8 (a match can only
 * start at a code point boundary). */
bool mg_str_contains(MgStr *s, MgStr *sub) {
    int64_t m = sub->len;
    if (m == 0)
        return true;
    char first = sub->data[0];
    for (int64_t i = 0; i + m <= s->len; i++)
        if (s->data[i] == first && __builtin_memcmp(s->data + i, sub->data, (size_t)m) == 0)
            return true;
    return false;
}

MgStr *mg_str_next_char(MgStr *s, int64_t *pos) {
    int64_t p = *pos;
    if (p >= s->len)
        return NULL;
    int n = seq_len((unsigned char)s->data[p]);
    *pos = p + n;
    MgStr *r = mg_str_alloc(n);
    __builtin_memcpy(r->data, s->data + p, (size_t)n);
    r->nchars = 1;
    return r;
}

int64_t mg_ord(MgStr *s) {
    if (s->nchars != 1) {
        char num[24], msg[96];
        static const char a[] = "ord() expected a character, but string of length ";
        int k = 0;
        for (int i = 0; a[i]; i++)
            msg[k++] = a[i];
        int nl = mg_fmt_int(num, s->nchars);
        for (int i = 0; i < nl; i++)
            msg[k++] = num[i];
        static const char b[] = " found";
        for (int i = 0; b[i]; i++)
            msg[k++] = b[i];
        msg[k] = 0;
        mg_exc_raise("TypeError", msg);
        return -1;
    }
    return mg_utf8_decode(s->data);
}

MgStr *mg_chr(int64_t c) {
    if (c < 0 || c > 0x10FFFF) {
        mg_exc_raise("ValueError", "chr() arg not in range(0x110000)");
        return NULL;
    }
    char b[4];
    int n = mg_utf8_encode((uint32_t)c, b);
    MgStr *r = mg_str_alloc(n);
    __builtin_memcpy(r->data, b, (size_t)n);
    r->nchars = 1;
    return r;
}

MgStr *mg_str_concat_parts(const MgPart *parts, int64_t n) {
    int64_t len = 0, nchars = 0;
    for (int64_t i = 0; i < n; i++) {
        if (__builtin_add_overflow(len, parts[i].len, &len)) {
            mg_exc_nomem();
            return NULL;
        }
        nchars += parts[i].nchars;
    }
    if (!mg_str_len_ok(len))
        return NULL;
    MgStr *r = mg_str_alloc(len);
    int64_t w = 0;
    for (int64_t i = 0; i < n; i++) {
        mg_copy(r->data + w, parts[i].p, (size_t)parts[i].len);
        w += parts[i].len;
    }
    r->nchars = nchars;
    return r;
}

