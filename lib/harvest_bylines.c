/* Stage 4a, the bylines as printed: a byline element as the texts of its
 * parts (nmi_byline_parts, so that the byline stage can tell a name from
 * the outlet after it), a line that starts with a writer label, a
 * signature before a mail link, the text of a link to an author's
 * profile. harvest.c's walk finds the elements. */
#include <string.h>

#include "harvest.h"

/* Between two parts of a byline while its text is collected; the text is
 * split there into nmi_byline_parts before it leaves this file. */
#define ELEMENT_BORDER '\x1f'

/* Inline tags inside which an element boundary is not a boundary of the
 * byline's parts. */
static bool inline_format(const char *t)
{
    static const char *const TAGS[] = {"b", "i", "em", "strong", "u", "abbr", "font", "sup",
                                       "sub", "mark", "bdi", "bdo", "s", "wbr", NULL};
    for (const char *const *p = TAGS; *p; p++)
        if (!strcmp(t, *p))
            return true;
    return false;
}

/* Bytes of text collected from a byline element, and the levels read
 * below it: a byline is short, shallow markup; more is a page section. */
#define NMI_BYLINE_TEXT_MAX 400
#define NMI_BYLINE_DEPTH 63

/* Element boundaries, as ELEMENT_BORDERs. A block element always parts
 * what is before it from what is after it. An inline one does only where
 * the words do: "<span>Jane Doe</span> <span>Argus Leader</span>" has two
 * parts, "<a>Molly Woo<span>d</span></a>" one, and "<span>Meg
 * James</span><span>Staff Writer</span>" two (a capital after a small
 * letter, with nothing between). */
typedef struct bl_buf {
    nmi_buf b;
    bool pending; /* an inline boundary just passed with no space before it */
} bl_buf;

static void mark(nmi_buf *b)
{
    size_t k = b->len;
    while (k && b->data[k - 1] == ' ')
        k--;
    if (k && b->data[k - 1] != ELEMENT_BORDER)
        nmi_buf_appendc(b, ELEMENT_BORDER);
}

static void boundary(bl_buf *bb, bool block)
{
    if (block || !bb->b.len || bb->b.data[bb->b.len - 1] == ' ') {
        mark(&bb->b);
        bb->pending = false;
    } else {
        bb->pending = true;
    }
}

static void bl_text(void *sink, const char *s)
{
    bl_buf *bb = sink;
    if (bb->pending) {
        unsigned char c = (unsigned char)s[0];
        unsigned char last = bb->b.len ? (unsigned char)bb->b.data[bb->b.len - 1] : ' ';
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        bool upper_after_letter = (c >= 'A' && c <= 'Z') && ((last >= 'a' && last <= 'z') ||
                                                             (last >= 'A' && last <= 'Z') ||
                                                             (last >= '0' && last <= '9'));
        if (space || upper_after_letter || c == '@' || c == '|' || c >= 0x80)
            mark(&bb->b);
        bb->pending = false;
    }
    nmi_buf_append_collapsed(&bb->b, s, strlen(s));
}

static bool block_tag(const char *t)
{
    static const char *const TAGS[] = {"div", "p", "li", "ul", "ol", "dl", "dd", "dt", "h1",
                                       "h2", "h3", "h4", "h5", "h6", "section", "header",
                                       "footer", "article", "aside", "address", "figure",
                                       "figcaption", "table", "tr", "td", "th", "blockquote",
                                       "nav", "form", "hr", "time", NULL};
    for (const char *const *p = TAGS; *p; p++)
        if (!strcmp(t, *p))
            return true;
    return false;
}

static void bl_enter(void *sink, const xmlNode *el)
{
    const char *t = nmi_tag(el);
    if (!strcmp(t, "br"))
        boundary(sink, true);
    else if (!inline_format(t))
        boundary(sink, block_tag(t));
}

static void bl_leave(void *sink, const xmlNode *el)
{
    const char *t = nmi_tag(el);
    if (strcmp(t, "br") && !inline_format(t))
        boundary(sink, block_tag(t));
}

static bool bl_full(const void *sink)
{
    return ((const bl_buf *)sink)->b.len >= NMI_BYLINE_TEXT_MAX;
}

/* The text s[0..n) split at its borders into arena parts; NULL when out
 * of memory (ctx->oom). */
static const nmi_byline_parts *split_parts(nmi_ctx *ctx, const char *s, size_t n)
{
    size_t count = 1;
    for (size_t i = 0; i < n; i++)
        count += s[i] == ELEMENT_BORDER;
    nmi_byline_parts *bp = nmi_arena_alloc(ctx->arena, sizeof *bp);
    const char **parts = nmi_arena_alloc(ctx->arena, count * sizeof *parts);
    if (!bp || !parts) {
        ctx->oom = true;
        return NULL;
    }
    bp->parts = parts;
    bp->count = 0;
    for (size_t start = 0, i = 0; i <= n; i++) {
        if (i < n && s[i] != ELEMENT_BORDER)
            continue;
        parts[bp->count] = nmi_arena_strndup(ctx->arena, s + start, i - start);
        if (!parts[bp->count]) {
            ctx->oom = true;
            return NULL;
        }
        bp->count++;
        start = i + 1;
    }
    return bp;
}

const nmi_byline_parts *nmi_byline_parts_of(nmi_ctx *ctx, const xmlNode *n, size_t max)
{
    bl_buf bb;
    nmi_buf_init(&bb.b);
    bb.pending = false;
    if (n->type == XML_TEXT_NODE) {
        if (n->content)
            nmi_buf_append_collapsed(&bb.b, (const char *)n->content,
                                     strlen((const char *)n->content));
    } else {
        static const nmi_text_walk WALK = {NMI_TEXT_SKIP_WIDGETS, NMI_BYLINE_DEPTH, bl_text,
                                           bl_enter, bl_leave, bl_full};
        nmi_walk_text(n->children, &WALK, &bb);
    }
    nmi_buf b = bb.b;
    const nmi_byline_parts *r = NULL;
    if (b.oom) {
        ctx->oom = true;
    } else if (b.len && b.len <= max) {
        /* trim marks and spaces at both ends */
        size_t s = 0, e = b.len;
        while (s < e && (b.data[s] == ' ' || b.data[s] == ELEMENT_BORDER))
            s++;
        while (e > s && (b.data[e - 1] == ' ' || b.data[e - 1] == ELEMENT_BORDER))
            e--;
        if (e > s)
            r = split_parts(ctx, b.data + s, e - s);
    }
    nmi_buf_free(&b);
    return r;
}

/* A text node that starts with a writer label: its element is a byline
 * ("<p>By <a>Jane Doe</a>, <a>John Smith</a></p>", "<small>05/10/2018 -
 * Publicado por: Clarissa Borba - Categoria: ...</small>"). A bare "By"
 * counts only right under the headline. */
void nmi_byline_label_line(nmi_ctx *ctx, const xmlNode *text, bool near,
                           nmi_page_dates *pd)
{
    const char *s = (const char *)text->content;
    if (!s)
        return;
    size_t len = strlen(s);
    if (len > 200)
        return;
    /* skip spaces, dashes, bullets and a date before the label */
    const char *p = s;
    while (*p && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '-' ||
                  *p == '|' || *p == '/' || *p == '.' || *p == ',' || *p == ':' ||
                  (*p >= '0' && *p <= '9') || (unsigned char)*p == 0xC2 ||
                  (unsigned char)*p == 0xA0))
        p++;
    bool bare = false;
    if (!*p || !nmi_byline_label(p, &bare))
        return;
    if (bare && !near)
        return;
    const xmlNode *el = text->parent;
    if (!el || el->type != XML_ELEMENT_NODE)
        return;
    const nmi_byline_parts *bp = nmi_byline_parts_of(ctx, el, 250);
    const char *v = bp ? nmi_byline_parts_join(ctx, bp, ' ') : NULL;
    if (v && ctx->ev.cands[NMI_F_BYLINE].count < 32) {
        nmi_add_byline(ctx, bp, near ? NMI_RANK_BYLINE_LABEL_NEAR : NMI_RANK_BYLINE_LABEL,
                       NEWSMETA_SOURCE_MARKUP,
                       NMI_CAND_LABELLED | (near ? NMI_CAND_NEAR_HEADLINE : 0u));
        /* "05/10/2018 - Publicado por: ..." */
        nmi_date_seen_add(ctx, pd, v, NMI_CAND_IN_BYLINE);
    }
}

/* "Jane Doe <a href=mailto:...>": a signature line that names the writer
 * (the Korean "정덕현 칼럼니스트 <a href=mailto:...>"). The weakest
 * byline: used when nothing else names anyone. */
void nmi_signature(nmi_ctx *ctx, const xmlNode *a)
{
    const xmlNode *t = a->prev;
    if (!t || t->type != XML_TEXT_NODE || !t->content)
        return;
    const xmlNode *before = t->prev;
    if (before && !(before->type == XML_ELEMENT_NODE && !strcmp(nmi_tag(before), "br")))
        return;
    const char *v = nmi_node_text(ctx, t);
    if (!v || strlen(v) > 80 || nmi_word_count(v, strlen(v)) > 5 ||
        nmi_word_count(v, strlen(v)) < 2)
        return;
    for (const char *p = v; *p; p++)
        if (*p >= '0' && *p <= '9')
            return;
    if (ctx->ev.cands[NMI_F_BYLINE].count < 32)
        nmi_add_cand(ctx, NMI_F_BYLINE, v, strlen(v), NMI_RANK_SIGNATURE, NEWSMETA_SOURCE_MARKUP);
}

/* The text of a link to an author's profile URL given by the metadata. */
void nmi_profile_link(nmi_ctx *ctx, const xmlNode *a)
{
    const nmi_cands *u = &ctx->ev.cands[NMI_F_AUTHOR_URL];
    if (!u->count)
        return;
    const char *href = nmi_resolve_url(ctx, nmi_attr(a, "href"));
    if (!href)
        return;
    size_t hn = strlen(href);
    while (hn && href[hn - 1] == '/')
        hn--;
    for (size_t i = 0; i < u->count; i++) {
        const char *v = u->items[i].value;
        size_t vn = strlen(v);
        while (vn && v[vn - 1] == '/')
            vn--;
        if (vn != hn || strncmp(v, href, hn))
            continue;
        /* a name of two words or more: an icon's "Facebook" is not one */
        const char *s = nmi_node_text(ctx, a);
        if (s && strlen(s) < 100 && nmi_word_count(s, strlen(s)) >= 2)
            nmi_add_cand(ctx, NMI_F_AUTHOR, s, strlen(s), u->items[i].rank,
                         u->items[i].source);
        return;
    }
}

/* The segment after an author folder of a URL path ("jane-doe" of
 * "/blog/authors/jane-doe/"), its length in *n; NULL when there is none. */
static const char *author_slug(const char *href, size_t *n)
{
    static const char *const FOLDERS[] = {"author",  "authors", "autor",   "autoren",
                                          "autores", "auteur",  "auteurs", "autore",
                                          "autori",  "writer",  "writers", NULL};
    const char *p = strstr(href, "//");
    p = p ? strchr(p + 2, '/') : href;
    while (p && *p == '/') {
        const char *seg = p + 1, *end = seg;
        while (*end && *end != '/' && *end != '?' && *end != '#')
            end++;
        if (*end != '/')
            return NULL;
        for (const char *const *f = FOLDERS; *f; f++) {
            size_t k = strlen(*f);
            if ((size_t)(end - seg) != k || !nmi_istarts(seg, *f))
                continue;
            const char *slug = end + 1, *se = slug;
            while (*se && *se != '/' && *se != '?' && *se != '#')
                se++;
            *n = (size_t)(se - slug);
            return *n ? slug : NULL;
        }
        p = end;
    }
    return NULL;
}

/* Letters and digits of s[0..n) in lower case, ASCII only (a slug drops
 * or transliterates the others). */
static size_t ascii_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[k++] = c;
    }
    out[k] = '\0';
    return k;
}

void nmi_author_path_link(nmi_ctx *ctx, const xmlNode *a, const char *href)
{
    size_t sn;
    const char *slug = author_slug(href, &sn);
    if (!slug || ctx->ev.cands[NMI_F_BYLINE].count >= 32)
        return;
    const char *s = nmi_node_text(ctx, a);
    if (!s || strlen(s) > 60 || nmi_word_count(s, strlen(s)) > 5)
        return;
    /* the slug spells the name: its first word starts the slug */
    size_t w = 0;
    while (s[w] && s[w] != ' ')
        w++;
    char first[64], key[128];
    size_t fl = ascii_key(s, w, first, sizeof first);
    size_t kl = ascii_key(slug, sn, key, sizeof key);
    if (fl < 2 || fl > kl || memcmp(first, key, fl))
        return;
    nmi_add_cand(ctx, NMI_F_BYLINE, s, strlen(s), NMI_RANK_AUTHOR_PATH_LINK,
                 NEWSMETA_SOURCE_MARKUP);
}
