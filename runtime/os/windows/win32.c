/* Windows (PE/COFF, x86_64 and i686): the Win32 API from kernel32.dll.
 * No C runtime: the linker's /entry: names mg_win_start, and kernel32's
 * import library is made by mgen from sysroots/windows/<arch>/kernel32.def.
 *
 * Output goes through WriteFile, which writes bytes as given: no CRLF
 * translation, so stdout is byte-identical to the Linux targets'. */
#include "../../mg_internal.h"

typedef void *HANDLE;
typedef uint32_t DWORD;
typedef int BOOL;
typedef uint16_t WCHAR;

#define WINAPI __attribute__((stdcall))
#define IMPORT __attribute__((dllimport))

IMPORT HANDLE WINAPI GetStdHandle(DWORD which);
IMPORT BOOL WINAPI WriteFile(HANDLE h, const void *buf, DWORD n, DWORD *written, void *overlapped);
IMPORT _Noreturn void WINAPI ExitProcess(unsigned code);
IMPORT void *WINAPI VirtualAlloc(void *addr, size_t size, DWORD type, DWORD protect);
IMPORT WCHAR *WINAPI GetCommandLineW(void);
IMPORT BOOL WINAPI VirtualFree(void *addr, size_t size, DWORD type);

#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)
#define MEM_COMMIT 0x1000u
#define MEM_RESERVE 0x2000u
#define PAGE_READWRITE 0x04u

void mg_os_write(int fd, const void *buf, size_t n) {
    HANDLE h = GetStdHandle(fd == 2 ? STD_ERROR_HANDLE : STD_OUTPUT_HANDLE);
    const char *p = buf;
    while (n) {
        DWORD chunk = n > 0x40000000u ? 0x40000000u : (DWORD)n;
        DWORD w = 0;
        if (!WriteFile(h, p, chunk, &w, NULL) || w == 0)
            return;
        p += w;
        n -= w;
    }
}

_Noreturn void mg_os_exit(int code) { ExitProcess((unsigned)code); }

/* VirtualAlloc hands out zeroed memory at 64 KiB granularity (MG_OS_PAGE). */
void *mg_os_pages(size_t bytes) {
    return VirtualAlloc(NULL, bytes, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
}

/* The allocator only gives back whole blocks it got from mg_os_pages, so
 * `p` is always a VirtualAlloc base: MEM_RELEASE frees all of it. */
void mg_os_free_pages(void *p, size_t bytes) {
    (void)bytes;
    VirtualFree(p, 0, 0x8000 /* MEM_RELEASE */);
}

/* ---- argv --------------------------------------------------------------
 * GetCommandLineW's UTF-16 command line split as the Microsoft C runtime
 * does (CommandLineToArgvW rules: 2n backslashes + quote -> n backslashes
 * and a quote toggle; 2n+1 -> n backslashes and a literal quote; "" inside
 * quotes -> a literal quote), each argument converted to UTF-8. */

/* Append code point c as UTF-8. */
static void put_utf8(MgBuf *b, uint32_t c) {
    char t[4];
    int n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    mg_buf_put(b, t, (size_t)n);
}

/* Next code point of s at *i (a lone surrogate becomes U+FFFD). */
static uint32_t next_cp(const WCHAR *s, size_t *i) {
    uint32_t c = s[(*i)++];
    if (c >= 0xD800 && c < 0xDC00 && s[*i] >= 0xDC00 && s[*i] < 0xE000)
        return 0x10000 + ((c - 0xD800) << 10) + (s[(*i)++] - 0xDC00);
    if (c >= 0xD800 && c < 0xE000)
        return 0xFFFD;
    return c;
}

static char *take(MgBuf *b) {
    char *s = mg_alloc(b->len + 1);
    __builtin_memcpy(s, b->p, b->len);
    s[b->len] = 0;
    return s;
}

static int split_args(const WCHAR *cmd, char ***out) {
    size_t cap = 8;
    int argc = 0;
    char **argv = mg_alloc(cap * sizeof(char *));
    size_t i = 0;
    MgBuf b;
    /* argv[0]: up to the next space, or quoted; no backslash rules. */
    mg_buf_init(&b);
    if (cmd[i] == '"') {
        i++;
        while (cmd[i] && cmd[i] != '"')
            put_utf8(&b, next_cp(cmd, &i));
        if (cmd[i])
            i++;
    } else {
        while (cmd[i] && cmd[i] != ' ' && cmd[i] != '\t')
            put_utf8(&b, next_cp(cmd, &i));
    }
    argv[argc++] = take(&b);
    for (;;) {
        while (cmd[i] == ' ' || cmd[i] == '\t')
            i++;
        if (!cmd[i])
            break;
        mg_buf_init(&b);
        int quoted = 0;
        while (cmd[i] && (quoted || (cmd[i] != ' ' && cmd[i] != '\t'))) {
            size_t bs = 0;
            while (cmd[i] == '\\') {
                bs++;
                i++;
            }
            if (cmd[i] == '"') {
                for (size_t k = 0; k < bs / 2; k++)
                    mg_buf_putc(&b, '\\');
                if (bs % 2) {
                    mg_buf_putc(&b, '"');
                    i++;
                } else if (quoted && cmd[i + 1] == '"') {
                    mg_buf_putc(&b, '"');
                    i += 2;
                } else {
                    quoted = !quoted;
                    i++;
                }
            } else {
                for (size_t k = 0; k < bs; k++)
                    mg_buf_putc(&b, '\\');
                if (cmd[i] && (quoted || (cmd[i] != ' ' && cmd[i] != '\t')))
                    put_utf8(&b, next_cp(cmd, &i));
            }
        }
        if ((size_t)argc + 1 >= cap) {
            char **bigger = mg_alloc(2 * cap * sizeof(char *));
            __builtin_memcpy(bigger, argv, cap * sizeof(char *));
            argv = bigger;
            cap *= 2;
        }
        argv[argc++] = take(&b);
    }
    argv[argc] = NULL;
    *out = argv;
    return argc;
}

/* ---- entry point --------------------------------------------------------
 * The PE entry (/entry:mg_win_start) is called like an ordinary function
 * with the ABI's stack alignment. */
/* `used`: kept external when the runtime is linked in as bitcode (src/lto.rs). */
__attribute__((used)) _Noreturn void mg_win_start(void) {
    char **argv;
    int argc = split_args(GetCommandLineW(), &argv);
    mg_rt_main(argc, argv);
}

/* ---- stack probes -------------------------------------------------------
 * LLVM calls these from functions with frames over 4 KiB so each guard page
 * is touched in order (Windows grows the stack one guard page at a time).
 * Probe down from the caller's stack pointer; all registers preserved.
 * (From compiler-rt's chkstk.S / chkstk2.S.) */
#if defined(__x86_64__)
__asm__(".text\n.globl ___chkstk_ms\n___chkstk_ms:\n"
        "  push %rcx\n"
        "  push %rax\n"
        "  cmp $0x1000, %rax\n"
        "  lea 24(%rsp), %rcx\n"
        "  jb 1f\n"
        "2:\n"
        "  sub $0x1000, %rcx\n"
        "  test %rcx, (%rcx)\n"
        "  sub $0x1000, %rax\n"
        "  cmp $0x1000, %rax\n"
        "  ja 2b\n"
        "1:\n"
        "  sub %rax, %rcx\n"
        "  test %rcx, (%rcx)\n"
        "  pop %rax\n"
        "  pop %rcx\n"
        "  ret\n");
#elif defined(__i386__)
/* i386 MinGW: `_alloca` (symbol __alloca) also moves esp down by eax. */
__asm__(".text\n.globl __alloca\n__alloca:\n"
        "  push %ecx\n"
        "  cmp $0x1000, %eax\n"
        "  lea 8(%esp), %ecx\n"
        "  jb 1f\n"
        "2:\n"
        "  sub $0x1000, %ecx\n"
        "  test %ecx, (%ecx)\n"
        "  sub $0x1000, %eax\n"
        "  cmp $0x1000, %eax\n"
        "  ja 2b\n"
        "1:\n"
        "  sub %eax, %ecx\n"
        "  test %ecx, (%ecx)\n"
        "  lea 4(%esp), %eax\n"
        "  mov %ecx, %esp\n"
        "  mov -4(%eax), %ecx\n"
        "  push (%eax)\n"
        "  sub %esp, %eax\n"
        "  ret\n");
#else
#error "unsupported architecture for the Windows runtime layer"
#endif
