/* Stage 5: the chosen containers -> paragraphs (with their kind) and links.
 *
 * Text is gathered in document order; every block-level element closes the
 * paragraph being built. Each finished block passes a few filters: empty,
 * the headline repeated, boilerplate lines ("Advertisement", "Share this"),
 * link lists, and "Read more: ..." lines, which become related links. */
#include <string.h>

#include "internal.h"

typedef struct emit {
    nmi_ctx *ctx;
    const char *headline;
    nmi_buf buf;
    newsmeta_paragraph_kind kind; /* kind of the text in buf */
    int level;
    size_t first_link;  /* ctx->links[first_link..] belong to buf */
    size_t link_weight; /* text weight inside links in buf */
} emit;

/* Lines that are page furniture, whatever their container (compared
 * without case, trailing punctuation ignored). */
static const char *const BOILERPLATE[] = {
    "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content",
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "email", "print", "comments", "comment", "read more",
    "continue reading", "continue reading below", "story continues below advertisement",
    "article continues below advertisement", "scroll to continue with content",
    "sign up", "subscribe", "subscribe now", "related", "related articles",
    "related stories", "related content", "recommended", "more stories", "more from",
    "you may also like", "you might also like", "click here", "follow us",
    "skip to main content", "skip to content", "back to top", "loading", "loading...",
    "image", "photo", "video", "play video", "close", "menu", "see more",
    "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "реклама", NULL};

/* Prefixes that introduce a related-article link inside the body. */
static const char *const RELATED_PREFIXES[] = {
    "read more:", "read more -", "also read:", "also read -", "read also:", "read:",
    "related:", "see also:", "more:", "recommended:", "must read:", "don't miss:",
    "read next:", "lesen sie auch:", "lire aussi:", "leia também:", "leia mais:",
    "lee también:", "leggi anche:", "читайте также:", NULL};

static bool is_block_tag(const char *t)
{
    static const char *const B[] = {
        "p",     "div",    "section", "article", "main",  "ul",      "ol",     "li",
        "table", "tr",     "td",      "th",      "pre",   "blockquote", "h1",  "h2",
        "h3",    "h4",     "h5",      "h6",      "figure", "dl",     "dt",     "dd",
        "hr",    "address", "center", "details", "summary", "tbody", "thead", "caption",
        NULL};
    for (const char *const *b = B; *b; b++)
        if (!strcmp(t, *b))
            return true;
    return false;
}

static bool text_equals_loose(const char *a, const char *b)
{
    /* equal ignoring case and non-alphanumeric ASCII */
    for (;;) {
        while (*a && (unsigned char)*a < 0x80 && !((*a | 32) >= 'a' && (*a | 32) <= 'z') &&
               !(*a >= '0' && *a <= '9'))
            a++;
        while (*b && (unsigned char)*b < 0x80 && !((*b | 32) >= 'a' && (*b | 32) <= 'z') &&
               !(*b >= '0' && *b <= '9'))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca < 0x80)
            ca |= (ca >= 'A' && ca <= 'Z') ? 32 : 0;
        if (cb < 0x80)
            cb |= (cb >= 'A' && cb <= 'Z') ? 32 : 0;
        if (ca != cb)
            return false;
        a++, b++;
    }
}

static bool is_boilerplate(const char *s, size_t len)
{
    if (len > 60)
        return false;
    char tmp[64];
    size_t n = len;
    memcpy(tmp, s, n);
    while (n && (tmp[n - 1] == '.' || tmp[n - 1] == ':' || tmp[n - 1] == '!' ||
                 tmp[n - 1] == ' ' || tmp[n - 1] == '>' || tmp[n - 1] == '|'))
        n--;
    tmp[n] = '\0';
    for (const char *const *b = BOILERPLATE; *b; b++)
        if (nmi_ieq(tmp, *b))
            return true;
    return false;
}

static const char *related_prefix(const char *s)
{
    for (const char *const *p = RELATED_PREFIXES; *p; p++)
        if (nmi_istarts(s, *p))
            return s + strlen(*p);
    return NULL;
}

static bool add_link(nmi_ctx *ctx, const nmi_link *l)
{
    if (ctx->link_count >= NMI_MAX_LINKS)
        return false;
    if (ctx->link_count == ctx->link_cap) {
        size_t cap = ctx->link_cap ? ctx->link_cap * 2 : 64;
        nmi_link *p = nmi_arena_alloc(ctx->arena, cap * sizeof *p);
        if (!p) {
            ctx->oom = true;
            return false;
        }
        if (ctx->link_count)
            memcpy(p, ctx->links, ctx->link_count * sizeof *p);
        ctx->links = p;
        ctx->link_cap = cap;
    }
    ctx->links[ctx->link_count++] = *l;
    return true;
}

static bool add_block(nmi_ctx *ctx, const nmi_block *b)
{
    if (ctx->block_count >= NMI_MAX_PARAGRAPHS)
        return false;
    if (ctx->block_count == ctx->block_cap) {
        size_t cap = ctx->block_cap ? ctx->block_cap * 2 : 64;
        nmi_block *p = nmi_arena_alloc(ctx->arena, cap * sizeof *p);
        if (!p) {
            ctx->oom = true;
            return false;
        }
        if (ctx->block_count)
            memcpy(p, ctx->blocks, ctx->block_count * sizeof *p);
        ctx->blocks = p;
        ctx->block_cap = cap;
    }
    ctx->blocks[ctx->block_count++] = *b;
    return true;
}

static void drop_pending_links(emit *e)
{
    e->ctx->link_count = e->first_link;
}

static void flush(emit *e)
{
    nmi_ctx *ctx = e->ctx;
    nmi_buf_rtrim(&e->buf);
    const char *s = e->buf.data;
    size_t len = e->buf.len;
    size_t weight = len ? nmi_text_weight(s, len) : 0;
    bool keep = weight > 0;

    if (keep && e->buf.oom) {
        ctx->oom = true;
        keep = false;
    }
    if (keep && is_boilerplate(s, len))
        keep = false;
    if (keep && ctx->block_count < 3 && e->headline && text_equals_loose(s, e->headline))
        keep = false;
    if (keep && len < 300) {
        const char *rest = related_prefix(s);
        if (rest) {
            /* "Read more: Title" -> a related link after the last block. */
            while (*rest == ' ')
                rest++;
            nmi_link rel = {NULL, NULL, NEWSMETA_LINK_RELATED, (long)ctx->block_count - 1, 0, 0};
            if (ctx->link_count > e->first_link)
                rel.href = ctx->links[e->first_link].href;
            rel.text = nmi_clean_text(ctx->arena, rest, strlen(rest), &ctx->oom);
            drop_pending_links(e);
            if (rel.text)
                add_link(ctx, &rel);
            e->first_link = ctx->link_count;
            nmi_buf_reset(&e->buf);
            e->link_weight = 0;
            return;
        }
    }
    if (keep && e->link_weight > 0) {
        double density = (double)e->link_weight / (double)weight;
        /* Link lists and "more on this" lines; a long paragraph with many
         * inline links is still article text. */
        if (density > 0.5 && (e->kind == NEWSMETA_LIST_ITEM || weight < 300))
            keep = false;
    }
    if (keep) {
        nmi_block b = {e->kind, e->level, NULL, len};
        b.text = nmi_arena_strndup(ctx->arena, s, len);
        if (!b.text) {
            ctx->oom = true;
            keep = false;
        } else if (!add_block(ctx, &b)) {
            keep = false;
        }
    }
    if (keep) {
        long idx = (long)ctx->block_count - 1;
        for (size_t i = e->first_link; i < ctx->link_count; i++) {
            nmi_link *l = &ctx->links[i];
            if (l->end > len)
                l->end = len;
            if (l->start >= l->end) {
                /* anchor with no visible text (an icon): not a text link */
                memmove(l, l + 1, (ctx->link_count - i - 1) * sizeof *l);
                ctx->link_count--;
                i--;
                continue;
            }
            l->paragraph = idx;
            l->text = nmi_arena_strndup(ctx->arena, ctx->blocks[idx].text + l->start,
                                        l->end - l->start);
            if (!l->text)
                ctx->oom = true;
        }
    } else {
        drop_pending_links(e);
    }
    e->first_link = ctx->link_count;
    nmi_buf_reset(&e->buf);
    e->link_weight = 0;
}

static void append_text(emit *e, const char *s, size_t n, newsmeta_paragraph_kind kind,
                        int level, bool pre)
{
    if (e->buf.len == 0) {
        e->kind = kind;
        e->level = level;
    }
    if (pre)
        nmi_buf_append(&e->buf, s, n);
    else
        nmi_buf_append_collapsed(&e->buf, s, n);
}

static void walk(emit *e, xmlNode *n, newsmeta_paragraph_kind kind, int level, bool pre,
                 int depth)
{
    if (depth > NMI_MAX_DEPTH || e->ctx->oom)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                append_text(e, (const char *)c->content, strlen((const char *)c->content), kind,
                            level, pre);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        nmi_node_info *ci = nmi_info(c);
        if (ci && ci->junk)
            continue;
        const char *t = nmi_tag(c);
        if (!strcmp(t, "figcaption") || !strcmp(t, "script") || !strcmp(t, "style"))
            continue;
        if (!strcmp(t, "br")) {
            /* A line break ends a paragraph in sites that write
             * text<br><br>text; a single one is a space within it. */
            if (c->next && (!strcmp(nmi_tag(c->next), "br") ||
                            (c->next->type == XML_TEXT_NODE && c->next->next &&
                             !strcmp(nmi_tag(c->next->next), "br") &&
                             nmi_text_weight((const char *)c->next->content,
                                             strlen((const char *)c->next->content)) == 0)))
                flush(e);
            else if (pre)
                nmi_buf_appendc(&e->buf, '\n');
            else
                append_text(e, " ", 1, kind, level, false);
            continue;
        }
        if (!strcmp(t, "a")) {
            size_t start = e->buf.len;
            size_t before = e->ctx->link_count;
            walk(e, c, kind, level, pre, depth + 1);
            size_t end = e->buf.len;
            if (start < end && e->buf.data[start] == ' ')
                start++;
            while (end > start && e->buf.data[end - 1] == ' ')
                end--;
            if (end > start) {
                e->link_weight += nmi_text_weight(e->buf.data + start, end - start);
                const char *href = NULL;
                if (!(e->ctx->opts.flags & NEWSMETA_OPT_NO_LINKS))
                    href = nmi_resolve_url(e->ctx, nmi_attr(c, "href"));
                if (href && e->ctx->link_count == before) {
                    nmi_link l = {href, NULL, NEWSMETA_LINK_BODY, -1, start, end};
                    add_link(e->ctx, &l);
                }
            }
            continue;
        }
        if (!is_block_tag(t)) {
            walk(e, c, kind, level, pre, depth + 1);
            continue;
        }
        flush(e);
        newsmeta_paragraph_kind k = kind;
        int lv = level;
        bool p = pre;
        if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2]) {
            k = NEWSMETA_HEADING;
            lv = t[1] - '0';
        } else if (!strcmp(t, "li") || !strcmp(t, "dd") || !strcmp(t, "dt")) {
            if (k != NEWSMETA_QUOTE)
                k = NEWSMETA_LIST_ITEM;
        } else if (!strcmp(t, "blockquote")) {
            k = NEWSMETA_QUOTE;
        } else if (!strcmp(t, "pre")) {
            k = NEWSMETA_PREFORMATTED;
            p = true;
        }
        walk(e, c, k, lv, p, depth + 1);
        flush(e);
    }
}

void nmi_emit_blocks(nmi_ctx *ctx, xmlNode **roots, size_t nroots, const char *headline)
{
    if (ctx->opts.flags & NEWSMETA_OPT_NO_BODY)
        return;
    emit e = {ctx, headline, {NULL, 0, 0, false}, NEWSMETA_PARAGRAPH, 0, ctx->link_count, 0};
    for (size_t i = 0; i < nroots; i++) {
        xmlNode *r = roots[i];
        const char *t = nmi_tag(r);
        newsmeta_paragraph_kind k = NEWSMETA_PARAGRAPH;
        int lv = 0;
        bool pre = false;
        if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2])
            k = NEWSMETA_HEADING, lv = t[1] - '0';
        else if (!strcmp(t, "blockquote"))
            k = NEWSMETA_QUOTE;
        else if (!strcmp(t, "pre"))
            k = NEWSMETA_PREFORMATTED, pre = true;
        else if (!strcmp(t, "li"))
            k = NEWSMETA_LIST_ITEM;
        flush(&e);
        walk(&e, r, k, lv, pre, 0);
        flush(&e);
    }
    nmi_buf_free(&e.buf);
}
