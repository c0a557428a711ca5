/* Smoke test: output of every kind, argv, and an error at the end when
 * asked (argv[1] == "raise"). */
#include "../mg_internal.h"

void mg_module_main(void) {
    static const MgCode top_code = {"hello.py", "<module>"};
    static MgFrame top = {0, &top_code, 1, 1};
    top.prev = mg_frame_top;
    mg_frame_top = &top;
    MgStr *h = mg_str_new("hello, wörld", 13);
    mg_write_str(h);
    mg_write_cstr(" ", 1);
    mg_write_int(h->nchars);
    mg_write_cstr(" ", 1);
    mg_write_float(0.1 + 0.2);
    mg_write_cstr(" ", 1);
    mg_write_bool(1);
    mg_write_cstr(" ", 1);
    mg_write_int(INT64_MIN);
    mg_write_cstr(" ", 1);
    mg_write_str(mg_str_repr(mg_str_new("it's", 4)));
    mg_write_cstr(" argc=", 6);
    mg_write_int(mg_argc);
    mg_write_cstr("\n", 1);
    if (mg_argc > 1 && mg_argv[1][0] == 'r') {
        static const MgCode f_code = {"hello.py", "f"};
        static MgFrame f = {0, &f_code, 7, 1};
        top.line = 3;
        f.prev = mg_frame_top;
        mg_frame_top = &f;
        mg_int_floordiv(1, 0);
    }
}
