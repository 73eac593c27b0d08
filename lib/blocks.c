/* Stage 6b: the chosen containers -> paragraphs (with their kind) and links.
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
    size_t first_link;  /* ctx->body.links[first_link..] belong to buf */
    size_t flushes;     /* paragraphs ended so far: tells whether an
                           anchor spans a paragraph break */
    size_t link_weight; /* text weight inside links in buf */
} emit;

/* Past what the loose comparisons ignore: ASCII that is not a letter or a
 * digit, and soft hyphens. */
static const char *skip_ignored(const char *s)
{
    for (;;) {
        if (*s && (unsigned char)*s < 0x80 && !((*s | 32) >= 'a' && (*s | 32) <= 'z') &&
            !(*s >= '0' && *s <= '9'))
            s++;
        else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAD)
            s += 2;
        else
            return s;
    }
}

/* b at the start of a, ignoring case (ASCII) and what skip_ignored skips;
 * with whole, nothing may follow in a. */
static bool loose_match(const char *a, const char *b, bool whole)
{
    for (;;) {
        a = skip_ignored(a);
        b = skip_ignored(b);
        if (!*b)
            return !whole || !*a;
        if (!*a)
            return false;
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

static bool text_equals_loose(const char *a, const char *b)
{
    return loose_match(a, b, true);
}

/* b inside a, starting at a word of a (after a space or punctuation). */
static bool text_contains_loose(const char *a, const char *b)
{
    for (const char *p = a; *p; p++)
        if ((p == a || skip_ignored(p - 1) == p) && loose_match(p, b, false))
            return true;
    return false;
}

bool nmi_push_link(nmi_ctx *ctx, const nmi_link *l)
{
    if (ctx->body.link_count >= ctx->opts.max_links) {
        ctx->truncated |= NEWSMETA_TRUNCATED_LINKS;
        return false;
    }
    nmi_link *links =
        nmi_grow(ctx->arena, ctx->body.links, ctx->body.link_count, &ctx->body.link_cap, sizeof *links, 64);
    if (!links) {
        ctx->oom = true;
        return false;
    }
    ctx->body.links = links;
    ctx->body.links[ctx->body.link_count++] = *l;
    return true;
}

bool nmi_push_block(nmi_ctx *ctx, const nmi_block *b)
{
    if (ctx->body.block_count >= ctx->opts.max_paragraphs) {
        ctx->truncated |= NEWSMETA_TRUNCATED_PARAGRAPHS;
        return false;
    }
    nmi_block *blocks =
        nmi_grow(ctx->arena, ctx->body.blocks, ctx->body.block_count, &ctx->body.block_cap, sizeof *blocks, 64);
    if (!blocks) {
        ctx->oom = true;
        return false;
    }
    ctx->body.blocks = blocks;
    ctx->body.blocks[ctx->body.block_count++] = *b;
    return true;
}

static void drop_pending_links(emit *e)
{
    e->ctx->body.link_count = e->first_link;
}

/* Start the next paragraph: nothing pending in buf, and the links met
 * from here on belong to it. */
static void next_paragraph(emit *e)
{
    e->first_link = e->ctx->body.link_count;
    nmi_buf_reset(&e->buf);
    e->link_weight = 0;
}

/* The headline is not body text: drop it where it is a heading, or near
 * the top in any form. The headline was read without the characters that
 * can disguise a name; so is s, to compare. */
static bool repeats_headline(const emit *e, const char *s)
{
    if (!e->headline || !(e->kind == NEWSMETA_HEADING || e->ctx->body.block_count < 6))
        return false;
    const char *plain = nmi_strip_disguise(e->ctx->arena, s, &e->ctx->oom);
    if (!plain)
        return false;
    if (text_equals_loose(plain, e->headline))
        return true;
    /* a heading that holds the headline with a kicker, label or site name
     * the headline stage cut off ("Politik: Headline", "Headline | Opinion") */
    size_t hl = strlen(e->headline), pl = strlen(plain);
    return e->kind == NEWSMETA_HEADING && hl >= 20 && pl <= 2 * hl + 40 &&
           text_contains_loose(plain, e->headline);
}

/* "Read more: Title" (rest is what follows the label): a related link
 * after the last block, to the line's first link, instead of a block. */
static void related_link(emit *e, const char *rest)
{
    nmi_ctx *ctx = e->ctx;
    while (*rest == ' ')
        rest++;
    nmi_link rel = {NULL, NULL, NEWSMETA_LINK_RELATED, (long)ctx->body.block_count - 1, 0, 0};
    if (ctx->body.link_count > e->first_link)
        rel.href = ctx->body.links[e->first_link].href;
    rel.text = nmi_clean_text(ctx->arena, rest, strlen(rest), &ctx->oom);
    drop_pending_links(e);
    if (rel.text && !(ctx->opts.flags & NEWSMETA_OPT_NO_LINKS))
        nmi_push_link(ctx, &rel);
}

/* The text s[0..len) (weight code points) as the next block; false when
 * it could not be kept. */
static bool push_text(emit *e, const char *s, size_t len, size_t weight)
{
    nmi_ctx *ctx = e->ctx;
    bool linky = false;
    if (e->link_weight > 0) {
        double density = (double)e->link_weight / (double)weight;
        /* Link lists and "more on this" lines; a long paragraph with many
         * inline links is still article text. */
        linky = density > 0.5 && (e->kind == NEWSMETA_LIST_ITEM || weight < 300);
    }
    nmi_block b = {e->kind, e->level, NULL, len, linky};
    b.text = nmi_arena_strndup(ctx->arena, s, len);
    if (!b.text) {
        ctx->oom = true;
        return false;
    }
    return nmi_push_block(ctx, &b);
}

/* The pending links now point into the last block (of len bytes): their
 * offsets cut to it and their text copied; an anchor with no visible
 * text (an icon) is not a text link. */
static void attach_links(emit *e, size_t len)
{
    nmi_ctx *ctx = e->ctx;
    long idx = (long)ctx->body.block_count - 1;
    for (size_t i = e->first_link; i < ctx->body.link_count; i++) {
        nmi_link *l = &ctx->body.links[i];
        if (l->end > len)
            l->end = len;
        if (l->start >= l->end) {
            memmove(l, l + 1, (ctx->body.link_count - i - 1) * sizeof *l);
            ctx->body.link_count--;
            i--;
            continue;
        }
        l->paragraph = idx;
        l->text = nmi_arena_strndup(ctx->arena, ctx->body.blocks[idx].text + l->start,
                                    l->end - l->start);
        if (!l->text)
            ctx->oom = true;
    }
}

/* A short notice of the site inside the article: an affiliate disclosure,
 * a newsletter prompt, or furniture such as "Table of contents". */
static bool is_site_notice(const char *s, size_t len)
{
    if (len < 200) {
        char lower[200]; /* folded once: this runs for every short block */
        for (size_t i = 0; i < len; i++)
            lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        lower[len] = '\0';
        for (const char *const *p = nmi_lex_promo_phrases; *p; p++)
            if (strstr(lower, *p))
                return true;
    }
    if (len > 40)
        return false;
    char tmp[48];
    size_t n = len;
    memcpy(tmp, s, n);
    for (;;) { /* trailing dots, colons, spaces and an ellipsis */
        if (n && (tmp[n - 1] == '.' || tmp[n - 1] == ':' || tmp[n - 1] == ' '))
            n--;
        else if (n >= 3 && !memcmp(tmp + n - 3, "\xE2\x80\xA6", 3))
            n -= 3;
        else
            break;
    }
    tmp[n] = '\0';
    for (const char *const *b = nmi_lex_body_furniture; *b; b++)
        if (nmi_ieq(tmp, *b))
            return true;
    return false;
}

/* End the paragraph in buf: keep it as a block (with its links) unless
 * it is empty, furniture, the headline, or a "Read more:" line. */
static void flush(emit *e)
{
    nmi_ctx *ctx = e->ctx;
    e->flushes++;
    nmi_buf_rtrim(&e->buf);
    const char *s = e->buf.data;
    size_t len = e->buf.len;
    size_t weight = len ? nmi_text_weight(s, len) : 0;
    bool keep = weight > 0;

    if (e->buf.oom) { /* even when what is left of the text weighs nothing */
        ctx->oom = true;
        keep = false;
    }
    keep = keep && !nmi_is_boilerplate(s, len) && !is_site_notice(s, len) &&
           !repeats_headline(e, s);
    const char *rest = keep && len < 300 ? nmi_related_prefix(s) : NULL;
    if (rest)
        related_link(e, rest);
    else if (keep && push_text(e, s, len, weight))
        attach_links(e, len);
    else
        drop_pending_links(e);
    next_paragraph(e);
}

static void add_caption(nmi_ctx *ctx, const xmlNode *n)
{
    const nmi_node_info *info = nmi_info(n);
    if (info && info->hard_junk)
        return;
    if (ctx->body.caption_count >= ctx->opts.max_paragraphs) {
        ctx->truncated |= NEWSMETA_TRUNCATED_PARAGRAPHS;
        return;
    }
    const char *text = nmi_node_text(ctx, n);
    if (!text)
        return;
    const char **captions = nmi_grow(ctx->arena, ctx->body.captions, ctx->body.caption_count,
                                     &ctx->body.caption_cap, sizeof *captions, 8);
    if (!captions) {
        ctx->oom = true;
        return;
    }
    ctx->body.captions = captions;
    ctx->body.captions[ctx->body.caption_count++] = text;
}

/* How the text being read is written: its kind, its heading level, and
 * whether its spaces are kept as they are (<pre>). */
typedef struct text_style {
    newsmeta_paragraph_kind kind;
    int level;
    bool pre;
} text_style;

static void append_text(emit *e, const char *s, size_t n, text_style st)
{
    if (e->buf.len == 0) {
        e->kind = st.kind;
        e->level = st.level;
    }
    if (st.pre)
        nmi_buf_append(&e->buf, s, n);
    else
        nmi_buf_append_collapsed(&e->buf, s, n);
}

static void walk(emit *e, xmlNode *n, text_style st, int depth);

/* A line break ends a paragraph in sites that write text<br><br>text; a
 * single one is a space within it. */
static void line_break(emit *e, const xmlNode *br, text_style st)
{
    const xmlNode *next = br->next;
    if (next && (!strcmp(nmi_tag(next), "br") ||
                 (next->type == XML_TEXT_NODE && next->next &&
                  !strcmp(nmi_tag(next->next), "br") &&
                  nmi_text_weight((const char *)next->content,
                                  strlen((const char *)next->content)) == 0)))
        flush(e);
    else if (st.pre)
        nmi_buf_appendc(&e->buf, '\n');
    else
        append_text(e, " ", 1, st);
}

/* An anchor: its text is read in line, and its href becomes a body link
 * over that text. */
static void walk_link(emit *e, xmlNode *a, text_style st, int depth)
{
    size_t start = e->buf.len;
    size_t before = e->ctx->body.link_count;
    size_t flushes = e->flushes;
    walk(e, a, st, depth);
    size_t end = e->buf.len;
    /* a block inside the anchor ended the paragraph it started in: the
     * link's text is what it holds in the current one */
    if (e->flushes != flushes) {
        start = 0;
        before = e->ctx->body.link_count;
    }
    if (start < end && e->buf.data[start] == ' ')
        start++;
    while (end > start && e->buf.data[end - 1] == ' ')
        end--;
    if (end <= start)
        return;
    e->link_weight += nmi_text_weight(e->buf.data + start, end - start);
    const char *href = NULL;
    if (!(e->ctx->opts.flags & NEWSMETA_OPT_NO_LINKS))
        href = nmi_resolve_url(e->ctx, nmi_attr(a, "href"));
    if (href && e->ctx->body.link_count == before) {
        nmi_link l = {href, NULL, NEWSMETA_LINK_BODY, -1, start, end};
        nmi_push_link(e->ctx, &l);
    }
}

/* The style of the text of a block element (tag, NMI_TAG_* flags) met
 * inside text of style st. */
static text_style block_style(const char *tag, uint16_t flags, text_style st)
{
    if (flags & NMI_TAG_HEADING) {
        st.kind = NEWSMETA_HEADING;
        st.level = tag[1] - '0';
    } else if (flags & NMI_TAG_ITEM) {
        if (st.kind != NEWSMETA_QUOTE)
            st.kind = NEWSMETA_LIST_ITEM;
    } else if (!strcmp(tag, "blockquote")) {
        st.kind = NEWSMETA_QUOTE;
    } else if (flags & NMI_TAG_PRE) {
        st.kind = NEWSMETA_PREFORMATTED;
        st.pre = true;
    }
    return st;
}

/* The text below n in document order: inline elements add to the
 * paragraph in buf, block elements end it and start their own. */
static void walk(emit *e, xmlNode *n, text_style st, int depth)
{
    if (depth > NMI_MAX_DEPTH || e->ctx->oom)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                append_text(e, (const char *)c->content, strlen((const char *)c->content), st);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *t = nmi_tag(c);
        nmi_node_info *ci = nmi_info(c);
        uint16_t f = ci ? ci->tag : nmi_tag_flags(t);
        if (f & NMI_TAG_CAPTION) {
            /* captions are kept apart from the text (even when their
             * class marks them as boilerplate for the body) */
            add_caption(e->ctx, c);
            continue;
        }
        if (ci ? ci->junk : (f & NMI_TAG_JUNK) != 0)
            continue; /* chrome that holds the article has info, not junk */
        if (f & NMI_TAG_BR) {
            line_break(e, c, st);
        } else if (f & NMI_TAG_LINK) {
            walk_link(e, c, st, depth + 1);
        } else if (!(f & NMI_TAG_BLOCK)) {
            walk(e, c, st, depth + 1);
        } else {
            flush(e);
            walk(e, c, block_style(t, f, st), depth + 1);
            flush(e);
        }
    }
}

/* A block that reads as article prose: a paragraph or quote of some
 * length that ends like a sentence. */
static bool is_prose(const nmi_block *b)
{
    if (b->linky)
        return false;
    if (b->kind != NEWSMETA_PARAGRAPH && b->kind != NEWSMETA_QUOTE)
        return false;
    if (b->length >= 150)
        return true;
    if (b->length < 60)
        return false;
    const char *end = b->text + b->length;
    while (end > b->text && (end[-1] == ' ' || end[-1] == '"' || end[-1] == ')' ||
                             (unsigned char)end[-1] >= 0x80))
        end--; /* closing quotes, brackets */
    return end > b->text && (end[-1] == '.' || end[-1] == '!' || end[-1] == '?' ||
                             end[-1] == ':');
}

static void drop_block(nmi_ctx *ctx, size_t idx)
{
    memmove(ctx->body.blocks + idx, ctx->body.blocks + idx + 1,
            (ctx->body.block_count - idx - 1) * sizeof *ctx->body.blocks);
    ctx->body.block_count--;
    size_t k = 0;
    for (size_t i = 0; i < ctx->body.link_count; i++) {
        nmi_link l = ctx->body.links[i];
        if (l.paragraph == (long)idx && l.kind == NEWSMETA_LINK_BODY)
            continue;
        if (l.paragraph > (long)idx || (l.paragraph == (long)idx && l.kind != NEWSMETA_LINK_BODY))
            l.paragraph--;
        ctx->body.links[k++] = l;
    }
    ctx->body.link_count = k;
}

static bool ends_sentence(const nmi_block *b)
{
    const char *end = b->text + b->length;
    while (end > b->text && (end[-1] == ' ' || end[-1] == '"' || end[-1] == ')'))
        end--;
    return end > b->text && (end[-1] == '.' || end[-1] == '!' || end[-1] == '?' ||
                             (unsigned char)end[-1] >= 0x80);
}

/* After the last prose block, the page goes on with sections of its own
 * ("More from ...", "Trending stories"): a heading with nothing under it,
 * or a heading over blocks that are mostly links, is not the article's.
 * A heading over a plain list (a table of results, a list of specs) is. */
static void trim_tail(nmi_ctx *ctx, size_t first)
{
    size_t last = SIZE_MAX;
    for (size_t i = first; i < ctx->body.block_count; i++)
        if (is_prose(&ctx->body.blocks[i]))
            last = i;
    if (last == SIZE_MAX)
        return;
    size_t i = last + 1;
    while (i < ctx->body.block_count) {
        if (ctx->body.blocks[i].kind != NEWSMETA_HEADING || ctx->body.blocks[i].linky) {
            i++;
            continue;
        }
        size_t end = i + 1;
        while (end < ctx->body.block_count && ctx->body.blocks[end].kind != NEWSMETA_HEADING)
            end++;
        size_t text = 0, linked = 0;
        for (size_t k = i + 1; k < end; k++) {
            text += ctx->body.blocks[k].length;
            if (ctx->body.blocks[k].linky)
                linked += ctx->body.blocks[k].length;
        }
        for (size_t k = 0; k < ctx->body.link_count; k++)
            if (ctx->body.links[k].paragraph > (long)i && ctx->body.links[k].paragraph < (long)end &&
                ctx->body.links[k].kind == NEWSMETA_LINK_BODY)
                linked += ctx->body.links[k].end - ctx->body.links[k].start;
        if (text == 0 || linked * 5 > text) {
            for (size_t k = end; k > i; k--)
                drop_block(ctx, k - 1);
            continue;
        }
        i = end;
    }
    /* short trailing lines that are not sentences: "Our latest stories" */
    while (ctx->body.block_count > last + 1) {
        nmi_block *b = &ctx->body.blocks[ctx->body.block_count - 1];
        if (!b->linky && (b->kind == NEWSMETA_LIST_ITEM || b->length >= 40 || ends_sentence(b)))
            break;
        drop_block(ctx, ctx->body.block_count - 1);
    }
}

/* A dateline or byline line: "By Jane Doe - 11/18/19 11:04 PM EST",
 * "Published Monday, November 18, 2019 8:22AM EST". */
static bool looks_like_byline(const nmi_block *b)
{
    if (b->length > 150 || b->kind == NEWSMETA_LIST_ITEM || b->kind == NEWSMETA_QUOTE)
        return false;
    const char *t = b->text;
    if (nmi_istarts(t, "by ") || nmi_istarts(t, "posted ") || nmi_istarts(t, "published ") ||
        nmi_istarts(t, "updated ") || nmi_istarts(t, "last updated"))
        return true;
    /* a clock time or a numeric date in a short line */
    for (const char *p = t; *p; p++)
        if (p[0] >= '0' && p[0] <= '9' && (p[1] == ':' || p[1] == '/') && p[2] >= '0' &&
            p[2] <= '9')
            return b->length < 100;
    return false;
}

/* A short line made only of a date: numbers and the words that open a
 * date ("15 Dec, 2025", "Sep 16", "Tuesday 4 March"). */
static bool is_bare_date(const nmi_block *b)
{
    if (b->length > 30)
        return false;
    bool digit = false;
    const char *p = b->text;
    while (*p) {
        char word[16];
        size_t n = 0;
        while (*p && ((*p | 32) >= 'a' && (*p | 32) <= 'z')) {
            if (n + 1 < sizeof word)
                word[n++] = *p;
            p++;
        }
        word[n] = '\0';
        if (n) {
            size_t k;
            if (!nmi_lex_match(word, nmi_lex_date_openers, &k) || k != n)
                return false;
            continue;
        }
        if (*p >= '0' && *p <= '9')
            digit = true;
        else if ((unsigned char)*p >= 0x80)
            return false; /* other scripts: not judged here */
        p++;
    }
    return digit;
}

/* A reading-time note standing alone ("5 min read", "Lesezeit: 3 Minuten"). */
static bool is_reading_time(const nmi_block *b)
{
    if (b->length > 60)
        return false;
    for (const char *const *r = nmi_lex_reading_time; *r; r++)
        if (nmi_istr(b->text, *r))
            return true;
    return false;
}

/* Before the first prose block: the page's byline and dateline lines and
 * section labels ("TRENDING:") that sit inside the article container. */
static void trim_head(nmi_ctx *ctx, size_t first)
{
    size_t i = first;
    while (i < ctx->body.block_count && !is_prose(&ctx->body.blocks[i])) {
        const nmi_block *b = &ctx->body.blocks[i];
        bool label = b->kind == NEWSMETA_HEADING && b->length < 40 && b->length &&
                     b->text[b->length - 1] == ':';
        if (label || looks_like_byline(b) || is_bare_date(b) || is_reading_time(b))
            drop_block(ctx, i);
        else
            i++;
    }
}

/* The style of a root container's own text. */
static text_style root_style(const char *t)
{
    text_style st = {NEWSMETA_PARAGRAPH, 0, false};
    if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2])
        st.kind = NEWSMETA_HEADING, st.level = t[1] - '0';
    else if (!strcmp(t, "blockquote"))
        st.kind = NEWSMETA_QUOTE;
    else if (!strcmp(t, "pre"))
        st.kind = NEWSMETA_PREFORMATTED, st.pre = true;
    else if (!strcmp(t, "li"))
        st.kind = NEWSMETA_LIST_ITEM;
    return st;
}

void nmi_emit_blocks(nmi_ctx *ctx, xmlNode **roots, size_t nroots, const char *headline)
{
    size_t first_block = ctx->body.block_count;
    emit e = {.ctx = ctx, .headline = headline, .kind = NEWSMETA_PARAGRAPH,
              .first_link = ctx->body.link_count};
    for (size_t i = 0; i < nroots; i++) {
        flush(&e);
        walk(&e, roots[i], root_style(nmi_tag(roots[i])), 0);
        flush(&e);
    }
    nmi_buf_free(&e.buf);
    trim_tail(ctx, first_block);
    trim_head(ctx, first_block);
    for (size_t i = ctx->body.block_count; i > first_block; i--)
        if (ctx->body.blocks[i - 1].linky)
            drop_block(ctx, i - 1);
}
