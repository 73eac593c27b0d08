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

/* Words an anchor's text is taken to run at most: a text browser marks
 * where a link starts, not where it ends. */
#define TEXT_ANCHOR_WORDS 8

/* The end of the anchor that starts at t[start]: the next link's start
 * (next, when not 0), a closing punctuation mark or the line's end, and
 * at most TEXT_ANCHOR_WORDS words. */
static size_t anchor_end(const char *t, size_t start, size_t next)
{
    size_t e = start, words = 0;
    while (t[e] && (!next || e < next)) {
        if (t[e] == ' ' && ++words >= TEXT_ANCHOR_WORDS)
            break;
        if (strchr(",.;:!?()|\"", t[e]) && (t[e + 1] == ' ' || !t[e + 1]) && e > start)
            break;
        e++;
    }
    while (e > start && t[e - 1] == ' ')
        e--;
    return e;
}

/* The links of line l that fall in the block just added (its text t,
 * from t - l->text on in the line): its absolute address, its text, its
 * byte offsets in the block. */
static void add_block_links(nmi_ctx *ctx, const line *l, const char *t)
{
    if (!l->mark_count || t < l->text || (ctx->opts.flags & NEWSMETA_OPT_NO_LINKS))
        return;
    size_t from = (size_t)(t - l->text);
    long paragraph = (long)ctx->body.block_count - 1;
    for (unsigned m = 0; m < l->mark_count; m++) {
        if (l->marks[m].at < from)
            continue;
        size_t start = l->marks[m].at - from;
        while (t[start] == ' ')
            start++;
        size_t next =
            m + 1 < l->mark_count && l->marks[m + 1].at > from ? l->marks[m + 1].at - from : 0;
        size_t end = l->marks[m].end > from ? l->marks[m].end - from : anchor_end(t, start, next);
        const char *href = nmi_resolve_url(ctx, l->marks[m].href);
        if (end <= start || !href)
            continue;
        const char *text = nmi_arena_strndup(ctx->arena, t + start, end - start);
        if (!text) {
            ctx->oom = true;
            return;
        }
        nmi_link link = {href, text, NEWSMETA_LINK_BODY, paragraph, start, end};
        if (!nmi_push_link(ctx, &link))
            return;
    }
}

/* Line l's text t (all of it, or what follows its bullet) as a block. */
static void add_block(nmi_ctx *ctx, newsmeta_paragraph_kind kind, const line *l, const char *t)
{
    const char *k = keep(ctx, t);
    if (!k)
        return;
    nmi_block b = {kind, kind == NEWSMETA_HEADING ? 2 : 0, k, strlen(k), false};
    if (nmi_push_block(ctx, &b))
        add_block_links(ctx, l, t);
}

/* The link stands after the last block so far (-1 before the first);
 * its address is that of the line's last link marker, if any. */
void nmi_text_add_related(nmi_ctx *ctx, const line *l)
{
    if (!l->value || (ctx->opts.flags & (NEWSMETA_OPT_NO_LINKS | NEWSMETA_OPT_NO_BODY)))
        return;
    const char *t = keep(ctx, l->value);
    if (!t)
        return;
    const char *href =
        l->mark_count ? nmi_resolve_url(ctx, l->marks[l->mark_count - 1].href) : NULL;
    nmi_link link = {href, t, NEWSMETA_LINK_RELATED, (long)ctx->body.block_count - 1, 0, 0};
    nmi_push_link(ctx, &link);
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
    while (k < n &&
           (lines[k].kind == L_RELATED || lines[k].kind == L_CREDIT || lines[k].kind == L_META))
        k = next_content(lines, n, k + 1);
    bool before_text = k < n && is_text(lines[k].kind);
    if (l->kind == L_PROSE && !(l->question && before_text))
        add_block(ctx, NEWSMETA_PARAGRAPH, l, l->text);
    else if (before_text && !l->lead_in && l->words <= 12)
        add_block(ctx, NEWSMETA_HEADING, l, l->text);
    else if (before_text || l->words >= 8)
        add_block(ctx, NEWSMETA_PARAGRAPH, l, l->text);
}

/* After the article's text: a byline, a date or a credit close below it
 * is still the article's; related links are taken wherever they stand. */
#define TEXT_TRAILING_META 8
static void read_after_text(nmi_ctx *ctx, const line *lines, size_t n, size_t end)
{
    for (size_t i = end; i < n && !ctx->oom; i++) {
        const line *l = &lines[i];
        if (l->kind == L_RELATED)
            nmi_text_add_related(ctx, l);
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
        case L_CRUMBS: break;
        case L_META:
        case L_CREDIT: nmi_text_add_meta(ctx, l, NMI_RANK_TEXT_BODY, 0); break;
        case L_RELATED: nmi_text_add_related(ctx, l); break;
        case L_BULLET:
        case L_QUOTE:
            if (!skip_body)
                add_block(ctx, l->kind == L_BULLET ? NEWSMETA_LIST_ITEM : NEWSMETA_QUOTE, l,
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
