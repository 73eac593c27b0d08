/* Stage 6, the body: the page's paragraphs, links and captions, decided once.
 *
 * content.c chooses the containers of the article and blocks.c reads them
 * into blocks; when they give (almost) nothing, the whole <body> is read
 * instead, where the per-block filters still apply. Last, the page's own
 * JSON-LD articleBody replaces the markup's blocks when it holds far more
 * text (pages that render their text with scripts). */
#include <string.h>

#include "internal.h"

/* Characters of the blocks found so far. */
static size_t block_chars(const nmi_ctx *ctx)
{
    size_t chars = 0;
    for (size_t i = 0; i < ctx->body.block_count; i++)
        chars += ctx->body.blocks[i].length;
    return chars;
}

/* The blocks of the chosen containers, or of the whole <body> when the
 * scored containers gave (almost) nothing. */
static void blocks_from_markup(nmi_ctx *ctx, xmlDoc *doc, nmi_arena *facts,
                               const char *headline)
{
    xmlNode *roots[64];
    xmlNode *body = NULL;
    size_t nroots = nmi_choose_content(ctx, doc, facts, roots, sizeof roots / sizeof *roots, &body);
    if (!body)
        return; /* no element, or out of memory */
    if (nroots)
        nmi_emit_blocks(ctx, roots, nroots, headline);
    size_t chars = block_chars(ctx);
    nmi_node_info *bi = nmi_info(body);
    if (bi->text > 0 && (ctx->body.block_count == 0 || (chars < 200 && bi->text > 2 * chars + 100))) {
        ctx->body.block_count = 0;
        ctx->body.link_count = 0;
        bi->junk = false;
        nmi_emit_blocks(ctx, &body, 1, headline);
    }
}

/* JSON-LD articleBody, one paragraph per non-empty line, in place of the
 * markup's blocks and links. */
static void blocks_from_article_body(nmi_ctx *ctx, const char *article_body)
{
    ctx->body.block_count = 0;
    ctx->body.link_count = 0;
    bool oom = false;
    const char *decoded = nmi_decode_entities(ctx->arena, article_body, &oom);
    const char *p = decoded;
    while (*p && ctx->body.block_count < NMI_MAX_PARAGRAPHS) {
        const char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        char *t = nmi_clean_text(ctx->arena, p, (size_t)(e - p), &oom);
        if (t) {
            nmi_block b = {NEWSMETA_PARAGRAPH, 0, t, strlen(t), false};
            nmi_push_block(ctx, &b);
        }
        p = *e ? e + 1 : e;
    }
    if (oom)
        ctx->oom = true;
}

void nmi_extract_body(nmi_ctx *ctx, xmlDoc *doc, nmi_arena *facts, const char *headline,
                      const char *article_body)
{
    ctx->body.source = NEWSMETA_SOURCE_NONE;
    if (ctx->opts.flags & NEWSMETA_OPT_NO_BODY)
        return;
    const uint32_t cuts = NEWSMETA_TRUNCATED_PARAGRAPHS | NEWSMETA_TRUNCATED_LINKS;
    uint32_t before = ctx->truncated & cuts;
    blocks_from_markup(ctx, doc, facts, headline);
    if (ctx->body.block_count)
        ctx->body.source = NEWSMETA_SOURCE_MARKUP;
    if (article_body && strlen(article_body) > 2 * block_chars(ctx) + 200) {
        /* the markup's blocks and links go, and with them what their limits
         * cut: a flag says what the record lost, not what was replaced */
        ctx->truncated = (ctx->truncated & ~cuts) | before;
        if (ctx->body.caption_count >= ctx->opts.max_paragraphs)
            ctx->truncated |= NEWSMETA_TRUNCATED_PARAGRAPHS; /* captions stay */
        blocks_from_article_body(ctx, article_body);
        ctx->body.source = NEWSMETA_SOURCE_JSONLD;
    }
}
