/* Plain text, pass 3b: the body, from the line where the header ends:
 * paragraphs, sub-headings (title-like lines between paragraphs), list
 * items, quotations, related links, and a trailing byline or date still
 * taken. Also the hand-over of what the text found to the context, for
 * the header and the body alike: candidates of the text source, blocks,
 * related links. */
#include <string.h>

#include "text_internal.h"

/* ---- handing over to the context ----------------------------------------- */

/* An arena copy of s for the record; NULL on out of memory (ctx->oom). */
static const char *keep(nmi_ctx *ctx, const char *s)
{
    const char *t = nmi_arena_strdup(ctx->arena, s);
    if (!t)
        ctx->oom = true;
    return t;
}

static void add_block(nmi_ctx *ctx, newsmeta_paragraph_kind kind, const char *text)
{
    const char *t = keep(ctx, text);
    if (!t)
        return;
    nmi_block b = {kind, kind == NEWSMETA_HEADING ? 2 : 0, t, strlen(t), false};
    nmi_push_block(ctx, &b);
}

/* The link stands after the last block so far (-1 before the first). */
void nmi_text_add_related(nmi_ctx *ctx, const char *title)
{
    if (!title || (ctx->opts.flags & (NEWSMETA_OPT_NO_LINKS | NEWSMETA_OPT_NO_BODY)))
        return;
    const char *t = keep(ctx, title);
    if (!t)
        return;
    nmi_link l = {NULL, t, NEWSMETA_LINK_RELATED, (long)ctx->body.block_count - 1, 0, 0};
    nmi_push_link(ctx, &l);
}

void nmi_text_add_cand(nmi_ctx *ctx, nmi_field f, const char *v, int rank, unsigned flags)
{
    if (v)
        nmi_add_cand_flags(ctx, f, v, strlen(v), rank, NEWSMETA_SOURCE_TEXT, flags);
}

/* A credit keeps the header's rank wherever it stands. */
void nmi_text_add_meta(nmi_ctx *ctx, const line *l, int rank, unsigned flags)
{
    if (l->kind == L_CREDIT) {
        nmi_text_add_cand(ctx, NMI_F_IMAGE_CREDIT, l->value, NMI_RANK_TEXT_HEADER, 0);
        return;
    }
    nmi_text_add_cand(ctx, NMI_F_BYLINE, l->byline, rank, flags);
    nmi_text_add_cand(ctx, NMI_F_PUBLISHED, l->published, rank, flags);
    nmi_text_add_cand(ctx, NMI_F_MODIFIED, l->updated, rank, flags);
}

/* ---- the body ------------------------------------------------------------ */

/* A prose or title-like line of the body. Between paragraphs, a short
 * title-like line (or a short question) is a heading; after the last
 * paragraph it is trailing furniture, unless it is long. */
static void add_text_line(nmi_ctx *ctx, const line *lines, size_t n, size_t i)
{
    const line *l = &lines[i];
    size_t k = next_content(lines, n, i + 1);
    while (k < n && (lines[k].kind == L_RELATED || lines[k].kind == L_CREDIT ||
                     lines[k].kind == L_META))
        k = next_content(lines, n, k + 1);
    bool before_text = k < n && is_text(lines[k].kind);
    if (l->kind == L_PROSE && !(l->question && before_text))
        add_block(ctx, NEWSMETA_PARAGRAPH, l->text);
    else if (before_text && !l->lead_in && l->words <= 12)
        add_block(ctx, NEWSMETA_HEADING, l->text);
    else if (before_text || l->words >= 8)
        add_block(ctx, NEWSMETA_PARAGRAPH, l->text);
}

/* After the article's text: a byline, a date or a credit close below it
 * is still the article's; related links are taken wherever they stand. */
#define TEXT_TRAILING_META 8
static void read_after_text(nmi_ctx *ctx, const line *lines, size_t n, size_t end)
{
    for (size_t i = end; i < n && !ctx->oom; i++) {
        const line *l = &lines[i];
        if (l->kind == L_RELATED)
            nmi_text_add_related(ctx, l->value);
        else if ((l->kind == L_META || l->kind == L_CREDIT) && i < end + TEXT_TRAILING_META)
            nmi_text_add_meta(ctx, l, NMI_RANK_TEXT_BODY, 0);
    }
}

void nmi_text_read_body(nmi_ctx *ctx, const line *lines, size_t n, size_t body, size_t end,
                        const line *headline)
{
    bool skip_body = ctx->opts.flags & NEWSMETA_OPT_NO_BODY;
    for (size_t i = body; i < end && !ctx->oom; i++) {
        const line *l = &lines[i];
        switch (l->kind) {
        case L_NOISE:
        case L_CRUMBS:
            break;
        case L_META:
        case L_CREDIT:
            nmi_text_add_meta(ctx, l, NMI_RANK_TEXT_BODY, 0);
            break;
        case L_RELATED:
            nmi_text_add_related(ctx, l->value);
            break;
        case L_BULLET:
        case L_QUOTE:
            if (!skip_body)
                add_block(ctx, l->kind == L_BULLET ? NEWSMETA_LIST_ITEM : NEWSMETA_QUOTE,
                          l->value);
            break;
        case L_PROSE:
        case L_TITLE:
            /* not the headline repeated above the text */
            if (!skip_body && !(headline && nmi_loose_equal(l->text, headline->text)))
                add_text_line(ctx, lines, n, i);
            break;
        }
    }
    read_after_text(ctx, lines, n, end > body ? end : body);
}
