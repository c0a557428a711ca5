/* format(value, spec) for int, float, str and bool, and round(), as
 * CPython 3.11 does them.
 *
 * The structure follows CPython's Python/formatter_unicode.c step by step
 * (parse_internal_render_format_spec, format_long_internal,
 * format_float_internal, format_string_internal, calc_number_widths,
 * fill_number, _PyUnicode_InsertThousandsGrouping) and Python/pystrtod.c
 * (format_float_short), so that every corner (zero padding through
 * thousands separators, '=' alignment, 'z', '#' with 'g', error order)
 * comes out the same. Locale: 'n' uses the C locale, as CPython does
 * unless the program calls locale.setlocale(LC_NUMERIC, ...): no grouping,
 * '.' as the decimal point.
 *
 * Float digits come from mg_dtoa (exact bignum arithmetic, round half even
 * on the exact binary value, like Gay's dtoa modes 2 and 3) and, for the
 * shortest repr digits, from mg_fmt_float (float.c).
 */
#include "bignum.h"
#include "mg_internal.h"

/* ---- errors ----------------------------------------------------------- */

static MgStr *fail(MgErr *err, const char *exc, MgBuf *msg) {
    err->exc = exc;
    err->msg = mg_buf_to_str(msg);
    return NULL;
}

static MgStr *fail_c(MgErr *err, const char *exc, const char *msg) {
    MgBuf b;
    mg_buf_init(&b);
    mg_buf_put(&b, msg, mg_cstrlen(msg));
    return fail(err, exc, &b);
}

static void put_cstr(MgBuf *b, const char *s) { mg_buf_put(b, s, mg_cstrlen(s)); }

/* CPython prints a presentation type as '%c' when it is printable ASCII,
 * else as '\x%x'. */
static void put_code(MgBuf *b, uint32_t c) {
    if (c > 32 && c < 128) {
        mg_buf_putc(b, '\'');
        mg_buf_putc(b, (char)c);
        mg_buf_putc(b, '\'');
    } else {
        static const char hex[] = "0123456789abcdef";
        char t[12];
        int n = 0;
        do
            t[n++] = hex[c & 15];
        while (c >>= 4);
        put_cstr(b, "'\\x");
        while (n)
            mg_buf_putc(b, t[--n]);
        mg_buf_putc(b, '\'');
    }
}

static MgStr *unknown_code(MgErr *err, uint32_t type, const char *tname) {
    MgBuf b;
    mg_buf_init(&b);
    put_cstr(&b, "Unknown format code ");
    put_code(&b, type);
    put_cstr(&b, " for object of type '");
    put_cstr(&b, tname);
    mg_buf_putc(&b, '\'');
    return fail(err, "ValueError", &b);
}

/* ---- the format spec -------------------------------------------------- */

typedef struct Spec {
    uint32_t fill;
    uint32_t align;  /* '<' '>' '^' '=' */
    uint32_t sign;   /* 0 '+' '-' ' ' */
    bool no_neg_0;   /* 'z' */
    bool alternate;  /* '#' */
    int64_t width;   /* -1: none */
    char sep;        /* 0, ',' or '_' */
    int group;       /* digits per group: 3, or 4 for '_' with b/o/x/X */
    int64_t precision; /* -1: none */
    uint32_t type;   /* 0: none */
} Spec;

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* get_integer: decimal digits at c[*pos]; -1 on overflow, else the count. */
static int64_t get_integer(const uint32_t *c, int64_t *pos, int64_t end, int64_t *out) {
    int64_t acc = 0, n = 0, p = *pos;
    for (; p < end && c[p] >= '0' && c[p] <= '9'; p++, n++) {
        int64_t d = c[p] - '0';
        if (acc > (INT64_MAX - d) / 10)
            return -1;
        acc = acc * 10 + d;
    }
    *pos = p;
    *out = acc;
    return n;
}

/* parse_internal_render_format_spec. */
static bool parse_spec(MgStr *spec, uint32_t default_type, uint32_t default_align, const char *tname, Spec *f,
                       MgErr *err) {
    /* The spec as code points. */
    uint32_t small[64];
    uint32_t *c = spec->nchars <= 64 ? small : mg_alloc((size_t)spec->nchars * sizeof *c);
    for (int64_t i = 0, k = 0; i < spec->len; i += mg_utf8_len((unsigned char)spec->data[i]))
        c[k++] = mg_utf8_decode(spec->data + i);
    int64_t pos = 0, end = spec->nchars;
    bool fill_given = false, align_given = false;
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = f->alternate = false;
    f->width = -1;
    f->sep = 0;
    f->group = 3;
    f->precision = -1;
    f->type = default_type;

    if (end - pos >= 2 && is_align(c[pos + 1])) {
        f->align = c[pos + 1];
        f->fill = c[pos];
        fill_given = align_given = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(c[pos])) {
        f->align = c[pos];
        align_given = true;
        pos++;
    }
    if (end - pos >= 1 && (c[pos] == '+' || c[pos] == '-' || c[pos] == ' '))
        f->sign = c[pos++];
    if (end - pos >= 1 && c[pos] == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (end - pos >= 1 && c[pos] == '#') {
        f->alternate = true;
        pos++;
    }
    /* '0' before the width: zero fill, and '=' alignment for numbers. */
    if (!fill_given && end - pos >= 1 && c[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    int64_t n = get_integer(c, &pos, end, &f->width);
    if (n < 0) {
        fail_c(err, "ValueError", "Too many decimal digits in format string");
        return false;
    }
    if (n == 0)
        f->width = -1;
    if (end - pos && c[pos] == ',') {
        f->sep = ',';
        pos++;
    }
    if (end - pos && c[pos] == '_') {
        if (f->sep) {
            fail_c(err, "ValueError", "Cannot specify both ',' and '_'.");
            return false;
        }
        f->sep = '_';
        pos++;
    }
    if (end - pos && c[pos] == ',' && f->sep == '_') {
        fail_c(err, "ValueError", "Cannot specify both ',' and '_'.");
        return false;
    }
    if (end - pos && c[pos] == '.') {
        pos++;
        n = get_integer(c, &pos, end, &f->precision);
        if (n < 0) {
            fail_c(err, "ValueError", "Too many decimal digits in format string");
            return false;
        }
        if (n == 0) {
            fail_c(err, "ValueError", "Format specifier missing precision");
            return false;
        }
    }
    if (end - pos > 1) {
        MgBuf b;
        mg_buf_init(&b);
        put_cstr(&b, "Invalid format specifier '");
        mg_buf_put(&b, spec->data, (size_t)spec->len);
        put_cstr(&b, "' for object of type '");
        put_cstr(&b, tname);
        mg_buf_putc(&b, '\'');
        fail(err, "ValueError", &b);
        return false;
    }
    if (end - pos == 1)
        f->type = c[pos];
    if (f->sep) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->sep == '_') { /* every four digits in bin/oct/hex */
                f->group = 4;
                break;
            }
            /* fall through */
        default: {
            MgBuf b;
            mg_buf_init(&b);
            put_cstr(&b, "Cannot specify '");
            mg_buf_putc(&b, f->sep);
            put_cstr(&b, "' with ");
            put_code(&b, f->type);
            mg_buf_putc(&b, '.');
            fail(err, "ValueError", &b);
            return false;
        }
        }
    }
    return true;
}

/* ---- number layout ---------------------------------------------------- */

/* Fill `count` copies of code point c. */
static void put_fill(MgBuf *b, uint32_t c, int64_t count) {
    char t[4];
    int n = mg_utf8_encode(c, t);
    for (int64_t i = 0; i < count; i++)
        mg_buf_put(b, t, (size_t)n);
}

/* _PyUnicode_InsertThousandsGrouping: the digits with separators, padded
 * with zeros (separators included) to at least min_width characters. */
static void group_digits(MgBuf *out, const char *digits, int64_t ndigits, int64_t min_width, char sep, int group) {
    MgBuf r; /* built right to left, reversed at the end */
    mg_buf_init(&r);
    int64_t remaining = ndigits, pos = ndigits;
    min_width = min_width > 0 ? min_width : 0;
    bool use_sep = false, broken = false;
    if (sep) {
        for (;;) {
            int64_t len = remaining > min_width ? remaining : min_width;
            if (len < 1)
                len = 1;
            if (len > group)
                len = group;
            int64_t nzeros = len - remaining > 0 ? len - remaining : 0;
            int64_t nchars = remaining < len ? remaining : len;
            if (nchars < 0)
                nchars = 0;
            if (use_sep)
                mg_buf_putc(&r, sep);
            for (int64_t i = 0; i < nchars; i++)
                mg_buf_putc(&r, digits[--pos]);
            for (int64_t i = 0; i < nzeros; i++)
                mg_buf_putc(&r, '0');
            use_sep = true;
            remaining -= nchars;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= 1; /* the separator */
        }
    }
    if (!broken) {
        int64_t len = remaining > min_width ? remaining : min_width;
        if (len < 1)
            len = 1;
        int64_t nzeros = len - remaining > 0 ? len - remaining : 0;
        int64_t nchars = remaining < len ? remaining : len;
        if (nchars < 0)
            nchars = 0;
        if (use_sep)
            mg_buf_putc(&r, sep);
        for (int64_t i = 0; i < nchars; i++)
            mg_buf_putc(&r, digits[--pos]);
        for (int64_t i = 0; i < nzeros; i++)
            mg_buf_putc(&r, '0');
    }
    for (size_t i = r.len; i > 0; i--)
        mg_buf_putc(out, r.p[i - 1]);
}

/* calc_number_widths + fill_number:
 *   <lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>
 * sign_char is '-' for a negative number, else 0. digits may be empty
 * (int 'c', inf, nan): then no grouping and no zero padding happen. */
static MgStr *layout(const Spec *f, bool use_grouping, char sign_char, const char *prefix, int64_t nprefix,
                     const char *digits, int64_t ndigits, bool has_decimal, const char *rem, int64_t nrem) {
    char sign = 0;
    if (f->sign == '+')
        sign = sign_char == '-' ? '-' : '+';
    else if (f->sign == ' ')
        sign = sign_char == '-' ? '-' : ' ';
    else if (sign_char == '-')
        sign = '-';
    char sep = use_grouping ? f->sep : 0;
    int64_t rem_chars = 0; /* the remainder may be a non-ASCII 'c' character */
    for (int64_t i = 0; i < nrem; i++)
        rem_chars += ((unsigned char)rem[i] & 0xC0) != 0x80;
    int64_t nonpad = (sign != 0) + nprefix + has_decimal + rem_chars;
    int64_t min_width = (f->fill == '0' && f->align == '=') ? f->width - nonpad : 0;
    MgBuf g;
    mg_buf_init(&g);
    if (ndigits)
        group_digits(&g, digits, ndigits, min_width, sep, f->group);
    int64_t padding = f->width - (nonpad + (int64_t)g.len);
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f->align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    MgBuf b;
    mg_buf_init(&b);
    put_fill(&b, f->fill, lpad);
    if (sign)
        mg_buf_putc(&b, sign);
    mg_buf_put(&b, prefix, (size_t)nprefix);
    put_fill(&b, f->fill, spad);
    mg_buf_put(&b, g.p, g.len);
    if (has_decimal)
        mg_buf_putc(&b, '.');
    mg_buf_put(&b, rem, (size_t)nrem);
    put_fill(&b, f->fill, rpad);
    return mg_buf_to_str(&b);
}

/* ---- float digits ----------------------------------------------------- */

int mg_dtoa(double v, int mode, int64_t nd, char *out, int *decpt) {
    uint64_t u = mg_f2u(v) & ~(1ull << 63);
    if (u == 0) {
        out[0] = '0';
        *decpt = 1;
        return 1;
    }
    uint64_t bexp = u >> 52, f = u & 0xFFFFFFFFFFFFFull;
    int e;
    if (bexp == 0)
        e = -1074;
    else {
        f |= 1ull << 52;
        e = (int)bexp - 1075;
    }
    /* v = r / s exactly */
    Bn r, s;
    bn_set_u64(&r, f);
    bn_set_u64(&s, 1);
    if (e >= 0)
        bn_shl(&r, e);
    else
        bn_shl(&s, -e);
    /* Scale by 10^-k so that r / s lies in [0.1, 1); the estimate
     * floor(floor(log2 v) * log10 2) is never too high. */
    int l2 = e + (63 - __builtin_clzll(f));
    int k = (int)(((int64_t)l2 * 1292913987) >> 32);
    if (k >= 0)
        bn_mul_pow10(&s, k);
    else
        bn_mul_pow10(&r, -k);
    while (bn_cmp(&r, &s) >= 0) {
        bn_mul_small(&s, 10);
        k++;
    }
    int64_t ndig = mode == 2 ? nd : k + nd; /* digits wanted */
    if (ndig < 0) {                         /* below half a unit: zero */
        *decpt = (int)-nd;
        return 0;
    }
    if (ndig == 0) { /* v in [unit/10, unit): 0 or one unit (ties: 0, even) */
        Bn r2 = r;
        bn_shl(&r2, 1);
        if (bn_cmp(&r2, &s) > 0) {
            out[0] = '1';
            *decpt = k + 1;
            return 1;
        }
        *decpt = (int)-nd;
        return 0;
    }
    /* Digits one at a time; stop early once the expansion is exact (a
     * double has at most 767 significant digits). */
    int n = 0;
    bool exact = false;
    while (n < ndig) {
        bn_mul_small(&r, 10);
        int d = 0;
        while (bn_cmp(&r, &s) >= 0) {
            bn_sub(&r, &s);
            d++;
        }
        out[n++] = (char)('0' + d);
        if (bn_is_zero(&r)) {
            exact = true;
            break;
        }
    }
    if (!exact) { /* round half even on the remainder r / s */
        Bn r2 = r;
        bn_shl(&r2, 1);
        int c = bn_cmp(&r2, &s);
        if (c > 0 || (c == 0 && ((out[n - 1] - '0') & 1))) {
            int i = n - 1;
            while (i >= 0 && out[i] == '9')
                out[i--] = '0';
            if (i < 0) {
                out[0] = '1';
                n = 1;
                k++;
            } else
                out[i]++;
        }
    }
    while (n > 0 && out[n - 1] == '0')
        n--;
    *decpt = k;
    return n;
}

/* Shortest round-trip digits (repr) of finite |v| in dtoa's form. */
static int repr_digits(double v, char *out, int *decpt) {
    char b[40];
    int len = mg_fmt_float(b, v), i = 0, n = 0, before = -1, exp = 0;
    if (b[0] == '-')
        i++;
    for (; i < len && b[i] != 'e'; i++) {
        if (b[i] == '.')
            before = n;
        else
            out[n++] = b[i];
    }
    if (before < 0)
        before = n;
    if (i < len) { /* exponent */
        bool neg = b[++i] == '-';
        for (i++; i < len; i++)
            exp = exp * 10 + (b[i] - '0');
        if (neg)
            exp = -exp;
    }
    int dp = before + exp, lead = 0;
    while (lead < n && out[lead] == '0')
        lead++;
    if (lead == n) { /* zero */
        out[0] = '0';
        *decpt = 1;
        return 1;
    }
    dp -= lead;
    n -= lead;
    __builtin_memmove(out, out + lead, (size_t)n);
    while (out[n - 1] == '0')
        n--;
    *decpt = dp;
    return n;
}

/* PyOS_double_to_string + format_float_short: code is 'e', 'f', 'g' or
 * 'r' (repr digits); upper selects E/INF/NAN. */
static void float_short(MgBuf *b, double d, char code, int64_t precision, bool add_dot_0, bool alt, bool no_neg_0,
                        bool upper) {
    bool sign = (mg_f2u(d) >> 63) != 0;
    if (mg_isnan(d) || mg_isinf(d)) {
        if (mg_isinf(d) && sign)
            mg_buf_putc(b, '-');
        put_cstr(b, mg_isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return;
    }
    static char digits[1100];
    int decpt_i, nd;
    if (code == 'e') {
        precision++;
        nd = mg_dtoa(d, 2, precision, digits, &decpt_i);
    } else if (code == 'f')
        nd = mg_dtoa(d, 3, precision, digits, &decpt_i);
    else if (code == 'g') {
        if (precision == 0)
            precision = 1;
        nd = mg_dtoa(d, 2, precision, digits, &decpt_i);
    } else
        nd = repr_digits(d, digits, &decpt_i);
    if (no_neg_0 && sign && (nd == 0 || (nd == 1 && digits[0] == '0')))
        sign = false;
    int64_t decpt = decpt_i, digits_len = nd, vdigits_end = digits_len, exp = 0;
    bool use_exp = false;
    switch (code) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = true;
        if (alt)
            vdigits_end = precision;
        break;
    default: /* 'r' */
        if (decpt <= -4 || decpt > 16)
            use_exp = true;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
    if (sign)
        mg_buf_putc(b, '-');
    if (decpt <= 0) {
        put_fill(b, '0', decpt - vdigits_start);
        mg_buf_putc(b, '.');
        put_fill(b, '0', -decpt);
    } else
        put_fill(b, '0', -vdigits_start);
    if (0 < decpt && decpt <= digits_len) {
        mg_buf_put(b, digits, (size_t)decpt);
        mg_buf_putc(b, '.');
        mg_buf_put(b, digits + decpt, (size_t)(digits_len - decpt));
    } else
        mg_buf_put(b, digits, (size_t)digits_len);
    if (digits_len < decpt) {
        put_fill(b, '0', decpt - digits_len);
        mg_buf_putc(b, '.');
        put_fill(b, '0', vdigits_end - decpt);
    } else
        put_fill(b, '0', vdigits_end - digits_len);
    if (b->p[b->len - 1] == '.' && !alt)
        b->len--;
    if (use_exp) { /* e, sign, at least two digits */
        mg_buf_putc(b, upper ? 'E' : 'e');
        mg_buf_putc(b, exp < 0 ? '-' : '+');
        int64_t ax = exp < 0 ? -exp : exp;
        if (ax >= 100)
            mg_buf_putc(b, (char)('0' + ax / 100));
        mg_buf_putc(b, (char)('0' + ax / 10 % 10));
        mg_buf_putc(b, (char)('0' + ax % 10));
    }
}

/* ---- float ------------------------------------------------------------ */

/* format_float_internal. */
static MgStr *format_float_spec(double val, const Spec *f, MgErr *err) {
    uint32_t type = f->type;
    int64_t precision = f->precision, default_precision = 6;
    bool add_dot_0 = false, add_pct = false;
    if (precision > 2147483647)
        return fail_c(err, "ValueError", "precision too big");
    if (type == 0) { /* like repr, or like 'g' with at least one decimal */
        add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char code = (char)(upper ? type + 32 : type);
    MgBuf b;
    mg_buf_init(&b);
    float_short(&b, val, code, precision, add_dot_0, f->alternate, f->no_neg_0, upper);
    if (add_pct)
        mg_buf_putc(&b, '%');
    /* Split into sign, integer digits, decimal point, remainder. */
    const char *p = b.p;
    int64_t n = (int64_t)b.len, i = 0;
    char sign_char = 0;
    if (n && p[0] == '-') {
        sign_char = '-';
        i = 1;
    }
    int64_t d0 = i;
    while (i < n && p[i] >= '0' && p[i] <= '9')
        i++;
    int64_t ndigits = i - d0;
    bool has_decimal = i < n && p[i] == '.';
    if (has_decimal)
        i++;
    return layout(f, true, sign_char, "", 0, p + d0, ndigits, has_decimal, p + i, n - i);
}

MgStr *mg_format_float_e(double v, MgStr *spec, MgErr *err) {
    err->exc = NULL;
    if (spec->len == 0)
        return mg_str_from_float(v);
    Spec f;
    if (!parse_spec(spec, 0, '>', "float", &f, err))
        return NULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_spec(v, &f, err);
    default:
        return unknown_code(err, f.type, "float");
    }
}

/* ---- int and bool ----------------------------------------------------- */

/* format_long_internal. */
static MgStr *format_long(int64_t v, const Spec *f, MgErr *err) {
    if (f->precision != -1)
        return fail_c(err, "ValueError", "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return fail_c(err, "ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
    if (f->type == 'c') {
        if (f->sign)
            return fail_c(err, "ValueError", "Sign not allowed with integer format specifier 'c'");
        if (f->alternate)
            return fail_c(err, "ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
        if (v < 0 || v > 0x10FFFF)
            return fail_c(err, "OverflowError", "%c arg not in range(0x110000)");
        char t[4];
        int n = mg_utf8_encode((uint32_t)v, t);
        /* The character is a "remainder": no digits, no grouping. */
        return layout(f, false, 0, "", 0, "", 0, false, t, n);
    }
    int base = 10;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    }
    const char *dig = f->type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    char buf[64];
    int n = 0;
    do {
        buf[63 - n++] = dig[m % (unsigned)base];
        m /= (unsigned)base;
    } while (m);
    return layout(f, f->type != 'n', v < 0 ? '-' : 0, prefix, f->alternate && base != 10 ? 2 : 0, buf + 64 - n, n, false, "",
                  0);
}

static MgStr *format_intlike(int64_t v, MgStr *spec, const char *tname, MgErr *err) {
    Spec f;
    if (!parse_spec(spec, 'd', '>', tname, &f, err))
        return NULL;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long(v, &f, err);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return format_float_spec((double)v, &f, err); /* float(v), rounded like CPython */
    default:
        return unknown_code(err, f.type, tname);
    }
}

MgStr *mg_format_int_e(int64_t v, MgStr *spec, MgErr *err) {
    err->exc = NULL;
    if (spec->len == 0)
        return mg_str_from_int(v);
    return format_intlike(v, spec, "int", err);
}

/* bool is an int subclass: an empty spec gives str(b), anything else
 * formats 0/1 as an int (and errors name 'bool'). */
MgStr *mg_format_bool_e(bool v, MgStr *spec, MgErr *err) {
    err->exc = NULL;
    if (spec->len == 0)
        return mg_str_from_bool(v);
    return format_intlike(v ? 1 : 0, spec, "bool", err);
}

/* ---- str -------------------------------------------------------------- */

/* format_string_internal. */
MgStr *mg_format_str_e(MgStr *v, MgStr *spec, MgErr *err) {
    err->exc = NULL;
    if (spec->len == 0)
        return mg_str_ref(v);
    Spec f;
    if (!parse_spec(spec, 's', '<', "str", &f, err))
        return NULL;
    if (f.type != 's')
        return unknown_code(err, f.type, "str");
    if (f.sign == ' ')
        return fail_c(err, "ValueError", "Space not allowed in string format specifier");
    if (f.sign)
        return fail_c(err, "ValueError", "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return fail_c(err, "ValueError", "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return fail_c(err, "ValueError", "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return fail_c(err, "ValueError", "'=' alignment not allowed in string format specifier");
    int64_t len = v->nchars;
    if (f.precision >= 0 && len >= f.precision)
        len = f.precision;
    int64_t total = f.width > len ? f.width : len, lpad;
    if (f.align == '>')
        lpad = total - len;
    else if (f.align == '^')
        lpad = (total - len) / 2;
    else
        lpad = 0;
    MgBuf b;
    mg_buf_init(&b);
    put_fill(&b, f.fill, lpad);
    mg_buf_put(&b, v->data, (size_t)mg_str_byte_offset(v, len));
    put_fill(&b, f.fill, total - len - lpad);
    return mg_buf_to_str(&b);
}

/* ---- the raising ABI functions ---------------------------------------- */

static void decref_str(MgStr *s);

static MgStr *check(MgStr *r, MgErr *err) {
    if (!r) {
        mg_exc_raise_str(err->exc, err->msg);
        decref_str(err->msg); /* the exception holds its own reference */
    }
    return r;
}

MgStr *mg_format_int(int64_t v, MgStr *spec) {
    MgErr e;
    return check(mg_format_int_e(v, spec, &e), &e);
}
MgStr *mg_format_float(double v, MgStr *spec) {
    MgErr e;
    return check(mg_format_float_e(v, spec, &e), &e);
}
MgStr *mg_format_str(MgStr *v, MgStr *spec) {
    MgErr e;
    return check(mg_format_str_e(v, spec, &e), &e);
}
MgStr *mg_format_bool(bool v, MgStr *spec) {
    MgErr e;
    return check(mg_format_bool_e(v, spec, &e), &e);
}

/* ---- round ------------------------------------------------------------ */

/* CPython's float___round___impl / double_round: round to a decimal string
 * with dtoa mode 3 (correctly rounded, half even on the exact value), then
 * read the string back. */
double mg_float_round(double x, int64_t ndigits) {
    if (mg_isnan(x) || mg_isinf(x))
        return x;
    /* Beyond these every double rounds to itself / to a signed zero. */
    if (ndigits > 323)
        return x;
    if (ndigits < -308)
        return 0.0 * x;
    static char digits[1100];
    int decpt;
    int n = mg_dtoa(x, 3, ndigits, digits, &decpt);
    /* "[-]0<digits>e<exp>" */
    MgBuf b;
    mg_buf_init(&b);
    if (mg_f2u(x) >> 63)
        mg_buf_putc(&b, '-');
    mg_buf_putc(&b, '0');
    mg_buf_put(&b, digits, (size_t)n);
    mg_buf_putc(&b, 'e');
    char num[24];
    mg_buf_put(&b, num, (size_t)mg_fmt_int(num, (int64_t)decpt - n));
    MgStr *text = mg_buf_to_str(&b);
    double r = mg_float_from_str(text);
    mg_str_free(text);
    if (mg_isinf(r)) {
        mg_exc_raise("OverflowError", "rounded value too large to represent");
        return -1.0;
    }
    return r;
}

/* round(x): nearest integer, ties to even, then int(). */
int64_t mg_float_round_int(double x) {
    if (mg_isnan(x) || mg_isinf(x))
        return mg_int_from_float(x); /* ValueError / OverflowError */
    double r = x;
    if (fabs(x) < 4503599627370496.0) { /* below 2^52 there can be a fraction */
        double t = floor(x), d = x - t; /* both exact */
        r = t;
        if (d > 0.5 || (d == 0.5 && fmod(t, 2.0) != 0.0))
            r = t + 1.0;
    }
    return mg_int_from_float(r);
}

/* round(x, n) for an int: x for n >= 0, else to a multiple of 10^-n with
 * ties to even (CPython's divmod_near). */
int64_t mg_int_round(int64_t x, int64_t ndigits) {
    if (ndigits >= 0)
        return x;
    if (ndigits < -19)
        return 0; /* 10^20 > 2 |x|: always rounds to 0 */
    if (ndigits == -19) {
        /* 10^19 does not fit: |x| > 5e18 rounds to +-10^19 (too big). */
        uint64_t m = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
        if (m > 5000000000000000000ull) {
            mg_exc_overflow();
            return -1;
        }
        return 0; /* below half, or a tie that goes to the even 0 */
    }
    int64_t p = 1;
    for (int64_t i = 0; i < -ndigits; i++)
        p *= 10;
    int64_t q = x / p, r = x % p;
    if (r < 0) { /* floor division */
        q--;
        r += p;
    }
    if (2 * r > p || (2 * r == p && (q & 1)))
        q++;
    int64_t out;
    if (__builtin_mul_overflow(q, p, &out)) {
        mg_exc_overflow();
        return -1;
    }
    return out;
}

/* ---- str.format on a runtime format string -------------------------------
 * CPython's Objects/stringlib/unicode_format.h: MarkupIterator (literal
 * text, {{ }}, fields with nested fields in the spec), field names that are
 * empty (automatic numbering) or a decimal index, !r !s !a conversions, then
 * format(value, spec) by the argument's runtime type. Attribute and item
 * access in field names ({0.x}, {0[1]}) are not supported (ValueError). */

typedef struct FmtArgs {
    int64_t n;
    const MgType *const *types;
    void *const *slots;
    int64_t next_auto;
    int state; /* 0 unknown, 1 automatic numbering, 2 manual */
} FmtArgs;

/* Raise exc: msg; false for the caller to return. */
static bool fmt_fail(const char *exc, const char *msg) {
    mg_exc_raise(exc, msg);
    return false;
}

static void put_str(MgBuf *b, MgStr *s) { mg_buf_put(b, s->data, (size_t)s->len); }

static void decref_str(MgStr *s) { mg_val_decref(&mg_type_str, &s); }

/* ascii(x): repr with non-ASCII code points escaped. */
static MgStr *ascii_of(MgStr *r) {
    MgBuf b;
    mg_buf_init(&b);
    static const char hex[] = "0123456789abcdef";
    for (int64_t i = 0; i < r->len;) {
        unsigned char c = (unsigned char)r->data[i];
        if (c < 0x80) {
            mg_buf_putc(&b, (char)c);
            i++;
            continue;
        }
        int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        uint32_t cp = c & (0x7F >> n);
        for (int k = 1; k < n; k++)
            cp = (cp << 6) | ((unsigned char)r->data[i + k] & 0x3F);
        i += n;
        int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
        mg_buf_putc(&b, '\\');
        mg_buf_putc(&b, digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
        for (int k = digits - 1; k >= 0; k--)
            mg_buf_putc(&b, hex[(cp >> (4 * k)) & 0xF]);
    }
    MgStr *s = mg_buf_to_str(&b);
    mg_buf_release(&b);
    return s;
}

static bool render(MgBuf *out, const char *s, int64_t len, FmtArgs *a, int depth);

/* One replacement field: `f[0, len)` is its text without the braces,
 * appended to out; false if it raised. */
static bool render_field(MgBuf *out, const char *f, int64_t len, bool expand, FmtArgs *a, int depth) {
    int64_t i = 0;
    char c = 0;
    bool ended = false;
    while (i < len) {
        c = f[i++];
        if (c == '{')
            return fmt_fail("ValueError", "unexpected '{' in field name");
        if (c == '[') {
            while (i < len && f[i] != ']')
                i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            ended = true;
            break;
        }
    }
    int64_t name_end = ended ? i - 1 : i;
    char conv = 0;
    const char *spec = f + len;
    int64_t spec_len = 0;
    if (ended && (c == '!' || c == ':')) {
        if (c == '!') {
            if (i >= len)
                return fmt_fail("ValueError", "end of string while looking for conversion specifier");
            conv = f[i++];
            if (i < len && f[i++] != ':')
                return fmt_fail("ValueError", "expected ':' after conversion specifier");
        }
        spec = f + i;
        spec_len = len - i;
    }
    /* field name: the first part up to '.' or '[' */
    int64_t first_end = 0;
    while (first_end < name_end && f[first_end] != '.' && f[first_end] != '[')
        first_end++;
    bool empty = first_end == 0;
    int64_t idx = -1;
    if (!empty) {
        idx = 0;
        for (int64_t k = 0; k < first_end; k++) {
            if (f[k] < '0' || f[k] > '9') {
                idx = -1;
                break;
            }
            if (idx > (INT64_MAX - 9) / 10)
                return fmt_fail("ValueError", "Too many decimal digits in format string");
            idx = idx * 10 + (f[k] - '0');
        }
    }
    if (empty || idx >= 0) {
        if (a->state == 0)
            a->state = empty ? 1 : 2;
        if (a->state == 2 && empty)
            return fmt_fail("ValueError", "cannot switch from manual field specification to automatic field numbering");
        if (a->state == 1 && !empty)
            return fmt_fail("ValueError", "cannot switch from automatic field numbering to manual field specification");
        if (empty)
            idx = a->next_auto++;
    } else {
        /* a keyword field: str.format() here has no keyword arguments */
        MgStr *name = mg_str_new(f, first_end);
        MgStr *r = mg_str_repr(name);
        decref_str(name);
        mg_exc_raise_str("KeyError", r);
        decref_str(r);
        return false;
    }
    if (idx >= a->n) {
        char msg[96], *p = msg;
        static const char x[] = "Replacement index ", y[] = " out of range for positional args tuple";
        __builtin_memcpy(p, x, sizeof x - 1);
        p += sizeof x - 1;
        p += mg_fmt_int(p, idx);
        __builtin_memcpy(p, y, sizeof y);
        return fmt_fail("IndexError", msg);
    }
    if (first_end < name_end)
        return fmt_fail("ValueError", "attribute and item access in str.format() fields is not supported by mgen");
    const MgType *t = a->types[idx];
    const void *slot = a->slots[idx];
    MgStr *conv_str = NULL;
    if (conv) {
        switch (conv) {
        case 'r':
            conv_str = mg_val_repr(t, slot);
            break;
        case 's':
            conv_str = mg_val_str(t, slot);
            break;
        case 'a': {
            MgStr *r = mg_val_repr(t, slot);
            conv_str = ascii_of(r);
            decref_str(r);
            break;
        }
        default: {
            char msg[64] = "Unknown conversion specifier ";
            int64_t p = 29;
            if ((unsigned char)conv > 32 && (unsigned char)conv < 127) {
                msg[p++] = conv;
            } else {
                static const char hex[] = "0123456789abcdef";
                msg[p++] = '\\';
                msg[p++] = 'x';
                msg[p++] = hex[((unsigned char)conv >> 4) & 0xF];
                msg[p++] = hex[(unsigned char)conv & 0xF];
            }
            msg[p] = 0;
            return fmt_fail("ValueError", msg);
        }
        }
        t = &mg_type_str;
        slot = &conv_str;
    }
    MgBuf sb;
    mg_buf_init(&sb);
    if (expand) {
        if (!render(&sb, spec, spec_len, a, depth - 1)) {
            mg_buf_release(&sb);
            if (conv_str)
                decref_str(conv_str);
            return false;
        }
    } else {
        mg_buf_put(&sb, spec, (size_t)spec_len);
    }
    MgStr *sp = mg_buf_to_str(&sb);
    mg_buf_release(&sb);
    MgStr *r;
    switch (t->kind) {
    case MG_KIND_INT: {
        int64_t v;
        __builtin_memcpy(&v, slot, 8);
        r = mg_format_int(v, sp);
        break;
    }
    case MG_KIND_FLOAT: {
        double v;
        __builtin_memcpy(&v, slot, 8);
        r = mg_format_float(v, sp);
        break;
    }
    case MG_KIND_BOOL:
        r = mg_format_bool(*(const uint8_t *)slot != 0, sp);
        break;
    case MG_KIND_STR: {
        MgStr *v;
        __builtin_memcpy(&v, slot, sizeof v);
        r = mg_format_str(v, sp);
        break;
    }
    default: {
        if (sp->len) {
            static const char *names[] = {"", "int", "float", "bool", "str", "list", "dict", "set", "tuple"};
            MgBuf m;
            mg_buf_init(&m);
            put_cstr(&m, "unsupported format string passed to ");
            put_cstr(&m, names[t->kind]);
            put_cstr(&m, ".__format__");
            mg_raise_buf("TypeError", &m);
            r = NULL;
            break;
        }
        r = mg_val_str(t, slot);
    }
    }
    decref_str(sp);
    if (conv_str)
        decref_str(conv_str);
    if (!r)
        return false;
    put_str(out, r);
    decref_str(r);
    return true;
}

/* Append the rendering of s[0, len) to out; false if it raised. */
static bool render(MgBuf *out, const char *s, int64_t len, FmtArgs *a, int depth) {
    if (depth <= 0)
        return fmt_fail("ValueError", "Max string recursion exceeded");
    int64_t i = 0;
    while (i < len) {
        int64_t start = i;
        char c = 0;
        bool markup = false;
        while (i < len) {
            c = s[i++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = i >= len;
        int64_t lit = i - start;
        if (c == '}' && markup && (at_end || s[i] != '}'))
            return fmt_fail("ValueError", "Single '}' encountered in format string");
        if (at_end && c == '{' && markup)
            return fmt_fail("ValueError", "Single '{' encountered in format string");
        if (markup) {
            if (s[i] == c) { /* escaped {{ or }} */
                i++;
                markup = false;
            } else {
                lit--;
            }
        }
        mg_buf_put(out, s + start, (size_t)lit);
        if (!markup)
            continue;
        int64_t fstart = i, count = 1;
        bool expand = false;
        while (i < len) {
            char d = s[i++];
            if (d == '{') {
                expand = true;
                count++;
            } else if (d == '}' && --count == 0) {
                break;
            }
        }
        if (count != 0)
            return fmt_fail("ValueError", "expected '}' before end of string");
        if (!render_field(out, s + fstart, i - 1 - fstart, expand, a, depth))
            return false;
    }
    return true;
}

MgStr *mg_str_format(MgStr *fmt, int64_t n, const MgType *const *types, void *const *slots) {
    FmtArgs a = {n, types, slots, 0, 0};
    MgBuf b;
    mg_buf_init(&b);
    if (!render(&b, fmt->data, fmt->len, &a, 2)) {
        mg_buf_release(&b);
        return NULL;
    }
    MgStr *r = mg_buf_to_str(&b);
    mg_buf_release(&b);
    return r;
}
