/* Exceptions: every raise is fatal for now, printed like CPython's
 * uncaught-exception traceback. */
#include "mg_internal.h"

MgFrame mg_root_frame;
MgFrame *mg_frame_top = &mg_root_frame;

static void err_puts(const char *s) { mg_os_write(2, s, mg_cstrlen(s)); }

static void print_repeated(int64_t n) {
    char num[24];
    err_puts("  [Previous line repeated ");
    mg_os_write(2, num, mg_fmt_int(num, n));
    err_puts(n > 1 ? " more times]\n" : " more time]\n");
}

_Noreturn void mg_raise(const char *exc, const char *msg) {
    mg_stdout_flush();
    /* The frame list runs innermost-first; print outermost-first. Reverse
     * it in place (we never return). */
    MgFrame *rev = NULL, *f = mg_frame_top;
    while (f && f->code) {
        MgFrame *next = f->prev;
        f->prev = rev;
        rev = f;
        f = next;
    }
    err_puts("Traceback (most recent call last):\n");
    /* As CPython's tb_print_internal: at most sys.tracebacklimit (1000)
     * entries, the innermost; a frame repeating the one before (same
     * code, same line) more than 3 times is printed 3 times, then
     * "[Previous line repeated N more times]". */
    int64_t depth = 0;
    for (f = rev; f; f = f->prev)
        depth++;
    for (f = rev; f && depth > 1000; f = f->prev)
        depth--;
    const MgCode *last_code = NULL;
    int32_t last_line = -1;
    int64_t cnt = 0;
    for (; f; f = f->prev) {
        if (f->code != last_code || f->line != last_line) {
            if (cnt > 3)
                print_repeated(cnt - 3);
            last_code = f->code;
            last_line = f->line;
            cnt = 0;
        }
        if (++cnt > 3)
            continue;
        char num[24];
        err_puts("  File \"");
        err_puts(f->code->file ? f->code->file : "?");
        err_puts("\", line ");
        mg_os_write(2, num, mg_fmt_int(num, f->line));
        err_puts(", in ");
        err_puts(f->code->func ? f->code->func : "?");
        err_puts("\n");
    }
    if (cnt > 3)
        print_repeated(cnt - 3);
    err_puts(exc);
    if (msg && *msg) {
        err_puts(": ");
        err_puts(msg);
    }
    err_puts("\n");
    mg_os_exit(1);
}

_Noreturn void mg_raise_str(const char *exc, MgStr *msg) {
    mg_raise(exc, msg ? msg->data : NULL);
}

/* mgen's documented divergence: Python ints are unbounded, ours are int64. */
_Noreturn void mg_overflow(void) {
    mg_raise("OverflowError", "integer overflow: result does not fit in 64 bits");
}

/* RecursionError at C level `1001 - depth` of an operation whose checks
 * (one message suffix per level above the frame, CPython's words) are
 * msgs[0..k): the first level over the limit names the error. */
_Noreturn void mg_raise_recursion(int32_t depth, int32_t k, const char *const *msgs) {
    int32_t j = 1001 - depth; /* the first level past 1000 */
    if (j < 1)
        j = 1;
    if (j > k)
        j = k;
    const char *base = "maximum recursion depth exceeded", *suffix = msgs[j - 1];
    MgBuf b;
    mg_buf_init(&b);
    mg_buf_put(&b, base, mg_cstrlen(base));
    mg_buf_put(&b, suffix, mg_cstrlen(suffix));
    mg_buf_putc(&b, 0);
    mg_raise("RecursionError", b.p);
}
