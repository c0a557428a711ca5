/* Buffered stdout and the mg_write_* family. */
#include "mg_internal.h"

#define OUTBUF 8192
static char outbuf[OUTBUF];
static size_t outlen;

void mg_stdout_flush(void) {
    if (outlen) {
        mg_os_write(1, outbuf, outlen);
        outlen = 0;
    }
}

void mg_write_cstr(const char *s, int64_t len) {
    size_t n = (size_t)len;
    if (n > OUTBUF - outlen) {
        mg_stdout_flush();
        if (n >= OUTBUF) {
            mg_os_write(1, s, n);
            return;
        }
    }
    __builtin_memcpy(outbuf + outlen, s, n);
    outlen += n;
}

void mg_write_str(MgStr *s) { mg_write_cstr(s->data, s->len); }

void mg_write_int(int64_t v) {
    char b[24];
    mg_write_cstr(b, mg_fmt_int(b, v));
}

void mg_write_float(double v) {
    char b[40];
    mg_write_cstr(b, mg_fmt_float(b, v));
}

void mg_write_bool(bool v) {
    if (v)
        mg_write_cstr("True", 4);
    else
        mg_write_cstr("False", 5);
}

_Noreturn void mg_exit(int32_t code) {
    mg_stdout_flush();
    mg_os_exit(code);
}
