/* Per-article allocator: every string and array an article points to lives
 * in one arena, so newsmeta_article_free() is a single walk over a few
 * blocks, and FFI users never free library memory piecemeal. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Bytes per block. tests/test_alloc_failure.c builds this file with tiny
 * blocks, so that every allocation from the arena meets a refused malloc. */
#ifndef NMI_ARENA_BLOCK
#define NMI_ARENA_BLOCK 16384u
#endif

struct nmi_arena_block {
    nmi_arena_block *next;
    size_t used, cap;
    max_align_t data[]; /* aligned storage follows */
};

void *nmi_arena_alloc(nmi_arena *arena, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    nmi_arena_block *b = arena->head;
    if (!b || b->cap - b->used < size) {
        /* Large requests get a block of their own, placed behind the
         * current one so the current block keeps serving small requests. */
        size_t cap = size > NMI_ARENA_BLOCK / 4 ? size : NMI_ARENA_BLOCK;
        if (cap > SIZE_MAX - sizeof(nmi_arena_block))
            return NULL;
        nmi_arena_block *nb = malloc(sizeof(nmi_arena_block) + cap);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->cap = cap;
        if (b && cap != NMI_ARENA_BLOCK) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            arena->head = nb;
        }
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

char *nmi_arena_strndup(nmi_arena *arena, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = nmi_arena_alloc(arena, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *nmi_arena_strdup(nmi_arena *arena, const char *s)
{
    return s ? nmi_arena_strndup(arena, s, strlen(s)) : NULL;
}

void nmi_arena_release(nmi_arena *arena)
{
    nmi_arena_block *b = arena->head;
    while (b) {
        nmi_arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
}

void *nmi_grow(nmi_arena *arena, void *items, size_t count, size_t *cap, size_t elem,
               size_t first_cap)
{
    if (count < *cap)
        return items;
    size_t want = *cap ? *cap : first_cap;
    if (*cap) {
        if (want > SIZE_MAX / 2)
            return NULL;
        want *= 2;
    }
    if (want == 0 || elem == 0 || want > SIZE_MAX / elem)
        return NULL;
    void *grown;
    if (arena) {
        /* arena memory is never freed piecemeal: copy into a new block */
        grown = nmi_arena_alloc(arena, want * elem);
        if (grown && count)
            memcpy(grown, items, count * elem);
    } else {
        grown = realloc(items, want * elem);
    }
    if (grown)
        *cap = want;
    return grown;
}
