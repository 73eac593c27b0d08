/* The evidence: every value the reading stages find in a page (harvest.c,
 * jsonld.c, text.c), with its source, rank and flags, kept per field until
 * reconcile.c chooses among them. The store lives here, apart from both
 * ends, so that data flows one way: the readers add, the chooser reads. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void nmi_add_cand_flags(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                        newsmeta_source source, unsigned flags)
{
    if (!value || ctx->oom)
        return;
    nmi_cands *c = &ctx->cands[field];
    if (c->count >= NMI_MAX_CANDIDATES)
        return;
    const char *v;
    if (field == NMI_F_BODY) {
        /* articleBody keeps its line breaks: they separate paragraphs. */
        v = nmi_arena_strndup(ctx->arena, value, n);
        if (!v)
            ctx->oom = true;
    } else {
        v = nmi_clean_text(ctx->arena, value, n, &ctx->oom);
    }
    if (!v)
        return;
    if (c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 8;
        nmi_cand *items = realloc(c->items, cap * sizeof *items);
        if (!items) {
            ctx->oom = true;
            return;
        }
        c->items = items;
        c->cap = cap;
    }
    c->items[c->count++] = (nmi_cand){v, rank, source, flags};
}

void nmi_add_cand(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                  newsmeta_source source)
{
    nmi_add_cand_flags(ctx, field, value, n, rank, source, 0);
}

const nmi_cand *nmi_best_cand(const nmi_ctx *ctx, nmi_field field)
{
    const nmi_cands *c = &ctx->cands[field];
    const nmi_cand *best = NULL;
    for (size_t i = 0; i < c->count; i++)
        if (!best || c->items[i].rank < best->rank)
            best = &c->items[i];
    return best;
}

int nmi_next_rank(const nmi_cands *c, int last)
{
    int r = NMI_NO_RANK;
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].rank > last && c->items[i].rank < r)
            r = c->items[i].rank;
    return r;
}
