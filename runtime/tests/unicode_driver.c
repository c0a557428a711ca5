/* Every code point U+0000..U+10FFFF through the str methods that depend on
 * the Unicode database (unicode_db.c) and repr(), as single-character
 * strings and in the contexts that expose the cased / case-ignorable
 * properties (title() of c + 'a'; lower()'s final sigma around c).
 *
 * One line per run of consecutive code points whose results are the same
 * relative to the code point ("first-hex count signature"); unicode_oracle.py
 * prints the same lines from CPython. Signature, space-separated:
 *   isalpha isdecimal isdigit isnumeric isalnum isupper islower istitle
 *   isprintable isspace (one 0/1 each, no spaces)
 *   upper lower title capitalize swapcase casefold of c: d<delta> for one
 *   code point c + delta, else the code points in hex joined by ','
 *   ctx: (c + 'a').title() ends in 'a'; ('A' + c + 'Σ').lower() ends in
 *   'ς'; ('AΣ' + c).lower()[1] is 'ς'; len(('a' + c + 'b').split()).
 *   Above U+00FF the driver derives ctx from the flags that title(),
 *   lower() and split() look up (cased, case-ignorable, whitespace) instead
 *   of running them, to keep the run time down under emulation; the
 *   final-sigma code itself is covered by the code points below U+0100
 *   and by the qemu-tests programs.
 *   repr: p (c itself, quoted), x (the \x / \u / \U escape of c) or the
 *   repr text. */
#include "../mg_internal.h"

static void drop(MgStr *s) {
    if (s->rc > 0 && --s->rc == 0)
        mg_str_free(s);
}
static MgStr *S(const char *s) { return mg_str_new(s, (int64_t)mg_cstrlen(s)); }

static void put_hex(MgBuf *b, uint32_t v) {
    char t[8];
    int n = 0;
    do
        t[n++] = "0123456789abcdef"[v & 15];
    while (v >>= 4);
    while (n)
        mg_buf_putc(b, t[--n]);
}

/* A mapping result r of code point c. */
static void put_map(MgBuf *b, uint32_t c, MgStr *r) {
    mg_buf_putc(b, ' ');
    if (r->nchars == 1) {
        int64_t d = (int64_t)mg_utf8_decode(r->data) - (int64_t)c;
        char t[24];
        mg_buf_putc(b, 'd');
        mg_buf_put(b, t, (size_t)mg_fmt_int(t, d));
    } else
        for (int64_t i = 0; i < r->len; i += mg_utf8_len((unsigned char)r->data[i])) {
            if (i)
                mg_buf_putc(b, ',');
            put_hex(b, mg_utf8_decode(r->data + i));
        }
    drop(r);
}

/* Last code point of r (dropped). */
static uint32_t last_cp(MgStr *r) {
    int64_t i = r->len - 1;
    while (((unsigned char)r->data[i] & 0xC0) == 0x80)
        i--;
    uint32_t c = mg_utf8_decode(r->data + i);
    drop(r);
    return c;
}

static MgStr *cat3(MgStr *a, MgStr *b, MgStr *c) {
    MgPart p[3] = {{a->data, a->len, a->nchars}, {b->data, b->len, b->nchars}, {c->data, c->len, c->nchars}};
    return mg_str_concat_parts(p, 3);
}

static void signature(MgBuf *b, uint32_t c, MgStr *A, MgStr *SIGMA, MgStr *a, MgStr *bb, MgStr *E) {
    MgStr *s = mg_chr(c);
    bool f[10] = {mg_str_isalpha(s), mg_str_isdecimal(s), mg_str_isdigit(s), mg_str_isnumeric(s),
                  mg_str_isalnum(s), mg_str_isupper(s), mg_str_islower(s), mg_str_istitle(s),
                  mg_str_isprintable(s), mg_str_isspace(s)};
    for (int i = 0; i < 10; i++)
        mg_buf_putc(b, f[i] ? '1' : '0');
    put_map(b, c, mg_str_upper(s));
    put_map(b, c, mg_str_lower(s));
    put_map(b, c, mg_str_title(s));
    put_map(b, c, mg_str_capitalize(s));
    put_map(b, c, mg_str_swapcase(s));
    put_map(b, c, mg_str_casefold(s));
    mg_buf_putc(b, ' ');
    if (c < 0x100) { /* through the methods, which handle ASCII inline */
        MgStr *t = cat3(s, a, E);
        mg_buf_putc(b, last_cp(mg_str_title(t)) == 'a' ? '1' : '0');
        drop(t);
        t = cat3(A, s, SIGMA);
        mg_buf_putc(b, last_cp(mg_str_lower(t)) == 0x3C2 ? '1' : '0');
        drop(t);
        t = cat3(A, SIGMA, s);
        MgStr *l = mg_str_lower(t);
        mg_buf_putc(b, mg_utf8_decode(l->data + 1) == 0x3C2 ? '1' : '0');
        drop(l);
        drop(t);
        t = cat3(a, s, bb);
        MgList *parts = mg_str_split(t, NULL, -1);
        mg_buf_putc(b, (char)('0' + parts->len));
        mg_list_free(parts); /* frees its strings too */
        drop(t);
    } else { /* the same from the flags those methods use there (faster) */
        unsigned f = mg_uni_flags(c);
        bool cased = f & MG_U_CASED, ign = f & MG_U_CASE_IGNORABLE;
        mg_buf_putc(b, cased ? '1' : '0');
        mg_buf_putc(b, cased || ign ? '1' : '0');
        mg_buf_putc(b, ign || !cased ? '1' : '0');
        mg_buf_putc(b, mg_uni_isspace(c) ? '2' : '1');
    }
    /* repr */
    mg_buf_putc(b, ' ');
    MgStr *r = mg_str_repr(s);
    if (r->len == s->len + 2 && r->data[0] == '\'' && __builtin_memcmp(r->data + 1, s->data, (size_t)s->len) == 0)
        mg_buf_putc(b, 'p');
    else {
        char want[16];
        int n = 0, digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
        want[n++] = '\'';
        want[n++] = '\\';
        want[n++] = c < 0x100 ? 'x' : c < 0x10000 ? 'u' : 'U';
        for (int i = digits - 1; i >= 0; i--)
            want[n++] = "0123456789abcdef"[(c >> (4 * i)) & 15];
        want[n++] = '\'';
        if (r->len == n && __builtin_memcmp(r->data, want, (size_t)n) == 0)
            mg_buf_putc(b, 'x');
        else
            mg_buf_put(b, r->data, (size_t)r->len);
    }
    drop(r);
    drop(s);
}

void mg_module_main(void) {
    MgStr *A = S("A"), *SIGMA = S("\xce\xa3"), *a = S("a"), *bb = S("b"), *E = S("");
    MgBuf prev, cur;
    mg_buf_init(&prev);
    uint32_t start = 0;
    for (uint32_t c = 0; c <= 0x110000; c++) {
        mg_buf_init(&cur);
        if (c < 0x110000)
            signature(&cur, c, A, SIGMA, a, bb, E);
        if (c > 0 && (c == 0x110000 || cur.len != prev.len || __builtin_memcmp(cur.p, prev.p, cur.len) != 0)) {
            MgBuf line;
            mg_buf_init(&line);
            put_hex(&line, start);
            mg_buf_putc(&line, ' ');
            char t[24];
            mg_buf_put(&line, t, (size_t)mg_fmt_int(t, c - start));
            mg_buf_putc(&line, ' ');
            mg_buf_put(&line, prev.p, prev.len);
            mg_buf_putc(&line, '\n');
            mg_write_cstr(line.p, (int64_t)line.len);
            mg_buf_release(&line);
            start = c;
        }
        mg_buf_release(&prev);
        prev = cur;
        if (cur.p == cur.inline_) /* the struct moved: repoint its inline storage */
            prev.p = prev.inline_;
    }
    mg_buf_release(&prev);
}
