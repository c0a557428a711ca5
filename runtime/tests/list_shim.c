/* Test-only stand-in for the parts of list[str] that str.split & co. use
 * (mg_list_new, mg_list_append, mg_type_str), for as long as runtime/list.c
 * and value.c are not merged. Every definition is weak: once the real ones
 * are linked in they win, and this file can simply be deleted (and its
 * line removed from tests/runtime_strings.rs). */
#include "../mg_internal.h"

__attribute__((weak)) const MgType mg_type_str = {MG_KIND_STR, sizeof(void *), _Alignof(void *), 0, 0, 0};

__attribute__((weak)) MgList *mg_list_new(const MgType *elem, int64_t cap) {
    MgList *l = mg_alloc(sizeof *l);
    l->rc = 1;
    l->elem = elem;
    l->len = 0;
    l->cap = cap > 4 ? cap : 4;
    l->data = mg_alloc((size_t)(l->cap * elem->size));
    return l;
}

__attribute__((weak)) void mg_list_append(MgList *l, const void *v) {
    int64_t sz = l->elem->size;
    if (l->len == l->cap) {
        char *d = mg_alloc((size_t)(2 * l->cap * sz));
        __builtin_memcpy(d, l->data, (size_t)(l->len * sz));
        l->data = d;
        l->cap *= 2;
    }
    __builtin_memcpy(l->data + l->len * sz, v, (size_t)sz);
    l->len++;
}
