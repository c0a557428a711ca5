/* Exceptions: raising, the pending exception, and CPython's traceback.
 *
 * Two ways to raise (mg_raise_mode, see mgen_rt.h):
 *   MG_RAISE_EXIT (the default): print the traceback of the live frame
 *     chain (mg_frame_top) and exit(1), as an uncaught exception does.
 *   MG_RAISE_PROPAGATE: record the exception in `mg_exc` and return; the
 *     raising runtime function returns its error value and its callers
 *     propagate. The traceback is collected on the way out
 *     (mg_exc_traceback_here, one entry per frame the exception leaves, like
 *     CPython's PyTraceBack_Here) and printed by mg_exc_print_uncaught.
 *
 * mg_raise / mg_raise_str / mg_overflow / mg_raise_recursion stay fatal in
 * both modes (today's generated code declares them noreturn); the mg_exc_*
 * raising functions follow the mode. */
#include "mg_internal.h"

MgFrame mg_root_frame;
MgFrame *mg_frame_top = &mg_root_frame;
int32_t mg_raise_mode = MG_RAISE_EXIT;
MgExc *mg_exc;

static void err_puts(const char *s) { mg_os_write(2, s, mg_cstrlen(s)); }

static void print_repeated(int64_t n) {
    char num[24];
    err_puts("  [Previous line repeated ");
    mg_os_write(2, num, mg_fmt_int(num, n));
    err_puts(n > 1 ? " more times]\n" : " more time]\n");
}

/* The entries of a traceback, outermost first: either a frame list linked
 * through `prev` from the outermost (the live chain, reversed in place) or
 * an MgExc's entries, which are stored innermost first. */
typedef struct TbWalk {
    const MgFrame *f;
    const MgTb *tb;
    int64_t i; /* entries of tb not yet returned: tb[0, i) */
} TbWalk;

static bool tb_next(TbWalk *w, const MgCode **code, int32_t *line) {
    if (w->tb) {
        if (w->i <= 0)
            return false;
        w->i--;
        *code = w->tb[w->i].code;
        *line = w->tb[w->i].line;
        return true;
    }
    if (!w->f)
        return false;
    *code = w->f->code;
    *line = w->f->line;
    w->f = w->f->prev;
    return true;
}

/* "Traceback (most recent call last):" and the `depth` entries of w, as
 * CPython's tb_print_internal: at most sys.tracebacklimit (1000) entries,
 * the innermost; an entry repeating the one before (same code, same line)
 * more than 3 times is printed 3 times, then "[Previous line repeated N
 * more times]". */
static void print_traceback(TbWalk w, int64_t depth) {
    err_puts("Traceback (most recent call last):\n");
    const MgCode *code;
    int32_t line;
    for (; depth > 1000; depth--)
        tb_next(&w, &code, &line);
    const MgCode *last_code = NULL;
    int32_t last_line = -1;
    int64_t cnt = 0;
    while (tb_next(&w, &code, &line)) {
        if (code != last_code || line != last_line) {
            if (cnt > 3)
                print_repeated(cnt - 3);
            last_code = code;
            last_line = line;
            cnt = 0;
        }
        if (++cnt > 3)
            continue;
        char num[24];
        err_puts("  File \"");
        err_puts(code->file ? code->file : "?");
        err_puts("\", line ");
        mg_os_write(2, num, mg_fmt_int(num, line));
        err_puts(", in ");
        err_puts(code->func ? code->func : "?");
        err_puts("\n");
    }
    if (cnt > 3)
        print_repeated(cnt - 3);
}

/* "<exc>: <msg>" or just "<exc>" when the message is empty. */
static void print_last_line(const char *exc, const char *msg, size_t len) {
    err_puts(exc);
    if (len) {
        err_puts(": ");
        mg_os_write(2, msg, len);
    }
    err_puts("\n");
}

_Noreturn void mg_raise(const char *exc, const char *msg) {
    mg_stdout_flush();
    /* The frame list runs innermost-first; print outermost-first. Reverse
     * it in place (we never return). Nothing here allocates: a failed
     * allocation ends up here. */
    MgFrame *rev = NULL, *f = mg_frame_top;
    int64_t depth = 0;
    while (f && f->code) {
        MgFrame *next = f->prev;
        f->prev = rev;
        rev = f;
        f = next;
        depth++;
    }
    TbWalk w = {rev, NULL, 0};
    print_traceback(w, depth);
    print_last_line(exc, msg, msg ? mg_cstrlen(msg) : 0);
    mg_os_exit(1);
}

_Noreturn void mg_raise_str(const char *exc, MgStr *msg) {
    mg_raise(exc, msg ? msg->data : NULL);
}

/* mgen's documented divergence: Python ints are unbounded, ours are int64. */
static const char overflow_msg[] = "integer overflow: result does not fit in 64 bits";

_Noreturn void mg_overflow(void) { mg_raise("OverflowError", overflow_msg); }

/* The message of a RecursionError at C level `1001 - depth` of an
 * operation whose checks (one message suffix per level above the frame,
 * CPython's words) are msgs[0..k): the first level over the limit names
 * the error. */
static void recursion_msg(MgBuf *b, int32_t depth, int32_t k, const char *const *msgs) {
    int32_t j = 1001 - depth; /* the first level past 1000 */
    if (j < 1)
        j = 1;
    if (j > k)
        j = k;
    const char *base = "maximum recursion depth exceeded", *suffix = msgs[j - 1];
    mg_buf_init(b);
    mg_buf_put(b, base, mg_cstrlen(base));
    mg_buf_put(b, suffix, mg_cstrlen(suffix));
}

_Noreturn void mg_raise_recursion(int32_t depth, int32_t k, const char *const *msgs) {
    MgBuf b;
    recursion_msg(&b, depth, k, msgs);
    mg_buf_putc(&b, 0);
    mg_raise("RecursionError", b.p);
}

/* ---- the pending exception ---------------------------------------------- */

void mg_exc_free(MgExc *e) {
    if (!e)
        return;
    if (e->msg && e->msg->rc > 0 && --e->msg->rc == 0)
        mg_str_free(e->msg);
    mg_free(e->tb);
    mg_free(e);
}

/* Make `msg` (a reference the exception takes; NULL = no message) the
 * pending exception of type exc. A pending exception it replaces is freed. */
static void set_pending(const char *exc, MgStr *msg) {
    MgExc *e = mg_alloc(sizeof *e);
    e->rc = 1;
    e->type = exc;
    e->msg = msg;
    e->ntb = e->captb = 0;
    e->tb = NULL;
    mg_exc_free(mg_exc);
    mg_exc = e;
}

void mg_exc_raise(const char *exc, const char *msg) {
    if (mg_raise_mode == MG_RAISE_EXIT)
        mg_raise(exc, msg);
    set_pending(exc, msg ? mg_str_new(msg, (int64_t)mg_cstrlen(msg)) : NULL);
}

void mg_exc_raise_str(const char *exc, MgStr *msg) {
    if (mg_raise_mode == MG_RAISE_EXIT)
        mg_raise_str(exc, msg);
    set_pending(exc, msg ? mg_str_ref(msg) : NULL);
}

void mg_raise_buf(const char *exc, MgBuf *b) {
    if (mg_raise_mode == MG_RAISE_EXIT) {
        mg_buf_putc(b, 0);
        mg_raise(exc, b->p);
    }
    set_pending(exc, mg_buf_to_str(b));
}

void mg_exc_overflow(void) { mg_exc_raise("OverflowError", overflow_msg); }

void mg_exc_raise_recursion(int32_t depth, int32_t k, const char *const *msgs) {
    MgBuf b;
    recursion_msg(&b, depth, k, msgs);
    mg_raise_buf("RecursionError", &b);
}

void mg_exc_traceback_here(const MgFrame *f) {
    MgExc *e = mg_exc;
    if (!e || !f->code)
        return;
    if (e->ntb == e->captb) {
        int64_t cap = e->captb ? e->captb * 2 : 16;
        e->tb = mg_realloc(e->tb, (size_t)cap * sizeof *e->tb);
        e->captb = cap;
    }
    e->tb[e->ntb].code = f->code;
    e->tb[e->ntb].line = f->line;
    e->ntb++;
}

void mg_exc_clear(void) {
    mg_exc_free(mg_exc);
    mg_exc = NULL;
}

MgExc *mg_exc_fetch(void) {
    MgExc *e = mg_exc;
    mg_exc = NULL;
    return e;
}

void mg_exc_restore(MgExc *e) {
    if (e == mg_exc)
        return;
    mg_exc_free(mg_exc);
    mg_exc = e;
}

MgStr *mg_exc_str(const MgExc *e) {
    if (e->msg)
        return mg_str_ref(e->msg);
    return mg_str_alloc(0);
}

/* CPython 3.11's built-in exception classes with their base (exception
 * groups left out: they have two bases, and mgen has no `except*`). */
static const char *const exc_tree[][2] = {
    {"Exception", "BaseException"}, {"GeneratorExit", "BaseException"},
    {"KeyboardInterrupt", "BaseException"}, {"SystemExit", "BaseException"},
    {"ArithmeticError", "Exception"}, {"AssertionError", "Exception"},
    {"AttributeError", "Exception"}, {"BufferError", "Exception"},
    {"EOFError", "Exception"}, {"ImportError", "Exception"},
    {"LookupError", "Exception"}, {"MemoryError", "Exception"},
    {"NameError", "Exception"}, {"OSError", "Exception"},
    {"ReferenceError", "Exception"}, {"RuntimeError", "Exception"},
    {"StopAsyncIteration", "Exception"}, {"StopIteration", "Exception"},
    {"SyntaxError", "Exception"}, {"SystemError", "Exception"},
    {"TypeError", "Exception"}, {"ValueError", "Exception"},
    {"Warning", "Exception"}, {"FloatingPointError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"}, {"ZeroDivisionError", "ArithmeticError"},
    {"BytesWarning", "Warning"}, {"DeprecationWarning", "Warning"},
    {"EncodingWarning", "Warning"}, {"FutureWarning", "Warning"},
    {"ImportWarning", "Warning"}, {"PendingDeprecationWarning", "Warning"},
    {"ResourceWarning", "Warning"}, {"RuntimeWarning", "Warning"},
    {"SyntaxWarning", "Warning"}, {"UnicodeWarning", "Warning"},
    {"UserWarning", "Warning"}, {"BlockingIOError", "OSError"},
    {"ChildProcessError", "OSError"}, {"ConnectionError", "OSError"},
    {"FileExistsError", "OSError"}, {"FileNotFoundError", "OSError"},
    {"InterruptedError", "OSError"}, {"IsADirectoryError", "OSError"},
    {"NotADirectoryError", "OSError"}, {"PermissionError", "OSError"},
    {"ProcessLookupError", "OSError"}, {"TimeoutError", "OSError"},
    {"IndentationError", "SyntaxError"}, {"IndexError", "LookupError"},
    {"KeyError", "LookupError"}, {"ModuleNotFoundError", "ImportError"},
    {"NotImplementedError", "RuntimeError"}, {"RecursionError", "RuntimeError"},
    {"UnboundLocalError", "NameError"}, {"UnicodeError", "ValueError"},
    {"BrokenPipeError", "ConnectionError"}, {"ConnectionAbortedError", "ConnectionError"},
    {"ConnectionRefusedError", "ConnectionError"}, {"ConnectionResetError", "ConnectionError"},
    {"TabError", "IndentationError"}, {"UnicodeDecodeError", "UnicodeError"},
    {"UnicodeEncodeError", "UnicodeError"}, {"UnicodeTranslateError", "UnicodeError"},
};

static bool same_name(const char *a, const char *b) {
    if (a == b)
        return true;
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

bool mg_exc_matches(const MgExc *e, const char *type) {
    const char *t = e->type;
    while (t) {
        if (same_name(t, type))
            return true;
        const char *base = NULL;
        for (size_t i = 0; i < sizeof exc_tree / sizeof exc_tree[0]; i++)
            if (same_name(exc_tree[i][0], t)) {
                base = exc_tree[i][1];
                break;
            }
        t = base;
    }
    return false;
}

_Noreturn void mg_exc_print_uncaught(void) {
    mg_stdout_flush();
    MgExc *e = mg_exc;
    if (!e) {
        err_puts("SystemError: mg_exc_print_uncaught without a pending exception\n");
        mg_os_exit(1);
    }
    if (e->ntb) {
        TbWalk w = {NULL, e->tb, e->ntb};
        print_traceback(w, e->ntb);
    }
    print_last_line(e->type, e->msg ? e->msg->data : NULL, e->msg ? (size_t)e->msg->len : 0);
    mg_os_exit(1);
}
