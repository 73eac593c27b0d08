/* Stage 7: from the evidence to the public record.
 *
 * Each field takes its best-ranked candidate (ranks: internal.h); the
 * fields with rules of their own have a file each: the headline
 * (reconcile_headline.c, chosen before the body), the authors, byline and
 * agency (reconcile_authors.c), the dates (reconcile_dates.c). Here the
 * record is put together, with the body and links the body stages left. */
#include <string.h>

#include "internal.h"

static const char *best_value(nmi_ctx *ctx, nmi_field f, newsmeta_source *src)
{
    const nmi_cand *c = nmi_best_cand(ctx, f);
    *src = c ? c->source : NEWSMETA_SOURCE_NONE;
    return c ? c->value : NULL;
}

static void choose_tags(nmi_ctx *ctx, newsmeta_article *a)
{
    const nmi_cand *best = nmi_best_cand(ctx, NMI_F_TAG);
    if (!best)
        return;
    const nmi_cands *c = &ctx->ev.cands[NMI_F_TAG];
    const char **tags = nmi_arena_alloc(ctx->arena, c->count * sizeof *tags);
    if (!tags) {
        ctx->oom = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < c->count; i++) {
        if (c->items[i].rank != best->rank)
            continue;
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++)
            dup = nmi_ieq(tags[k], c->items[i].value);
        if (!dup)
            tags[n++] = c->items[i].value;
    }
    a->tags = tags;
    a->tag_count = n;
    a->sources.tags = best->source;
}

newsmeta_status nmi_build_article(nmi_ctx *ctx, newsmeta_article *a, const char *headline,
                                  newsmeta_source headline_src)
{
    a->url = ctx->url ? nmi_arena_strdup(ctx->arena, ctx->url) : NULL;
    if (ctx->url && !a->url)
        ctx->oom = true;
    a->headline = headline;
    a->sources.headline = headline ? headline_src : NEWSMETA_SOURCE_NONE;
    a->publisher = best_value(ctx, NMI_F_PUBLISHER, &a->sources.publisher);
    a->site_name = best_value(ctx, NMI_F_SITE_NAME, &a->sources.site_name);
    nmi_choose_authors(ctx, a);
    a->description = best_value(ctx, NMI_F_DESCRIPTION, &a->sources.description);
    a->language = best_value(ctx, NMI_F_LANGUAGE, &a->sources.language);
    a->canonical_url = best_value(ctx, NMI_F_CANONICAL, &a->sources.canonical_url);
    a->image = best_value(ctx, NMI_F_IMAGE, &a->sources.image);
    a->section = best_value(ctx, NMI_F_SECTION, &a->sources.section);
    newsmeta_source credit_src;
    a->image_credit = best_value(ctx, NMI_F_IMAGE_CREDIT, &credit_src);
    choose_tags(ctx, a);
    a->charset = ctx->charset;

    nmi_choose_dates(ctx, a);

    /* Body: as the body stage (body.c) decided it. */
    a->sources.body = ctx->body.source;
    if (ctx->oom)
        return NEWSMETA_ERR_NOMEM;

    newsmeta_paragraph *ps = NULL;
    if (ctx->body.block_count) {
        ps = nmi_arena_alloc(ctx->arena, ctx->body.block_count * sizeof *ps);
        if (!ps)
            return NEWSMETA_ERR_NOMEM;
        for (size_t i = 0; i < ctx->body.block_count; i++)
            ps[i] = (newsmeta_paragraph){ctx->body.blocks[i].kind, ctx->body.blocks[i].level,
                                         ctx->body.blocks[i].text, ctx->body.blocks[i].length};
    }
    a->paragraphs = ps;
    a->paragraph_count = ctx->body.block_count;

    newsmeta_link *ls = NULL;
    if (ctx->body.link_count) {
        ls = nmi_arena_alloc(ctx->arena, ctx->body.link_count * sizeof *ls);
        if (!ls)
            return NEWSMETA_ERR_NOMEM;
        /* body links first, then related ones, each in page order */
        size_t k = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < ctx->body.link_count; i++) {
                const nmi_link *l = &ctx->body.links[i];
                if ((pass == 0) != (l->kind == NEWSMETA_LINK_BODY))
                    continue;
                ls[k++] = (newsmeta_link){l->href, l->text, l->kind, l->paragraph, l->start,
                                          l->end};
            }
    }
    a->links = ls;
    a->link_count = ctx->body.link_count;
    a->captions = ctx->body.captions;
    a->caption_count = ctx->body.caption_count;
    return NEWSMETA_OK;
}
