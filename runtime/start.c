/* Process start: the OS entry point hands over argc/argv here. */
#include "mg_internal.h"

int mg_argc;
char **mg_argv;

_Noreturn void mg_rt_main(int argc, char **argv) {
    mg_argc = argc;
    mg_argv = argv;
    mg_module_main();
    /* MG_RAISE_PROPAGATE: an exception nothing caught. */
    if (mg_exc)
        mg_exc_print_uncaught();
    mg_exit(0);
}
