/* Stage 4: find the main content.
 *
 * One bottom-up pass computes, for every element, its visible text weight,
 * link text, commas, and whether it is boilerplate ("junk": hidden, nav,
 * share bars, comments, related stories, ... recognized by tag, role,
 * ARIA and class/id vocabulary). A Readability-style score then flows from
 * paragraph-like blocks to their ancestors; the best-scoring container,
 * with its sibling blocks that look like article text, is handed to
 * blocks.c. When that yields almost nothing, the JSON-LD articleBody (if
 * any) or the whole <body> is used instead. */
#include <string.h>

#include "internal.h"

/* ---- vocabulary ------------------------------------------------------- */

/* Tags never part of an article body. */
static const char *const JUNK_TAGS[] = {
    "script", "style",  "noscript", "template", "nav",    "aside",  "footer", "form",
    "button", "select", "input",    "textarea", "iframe", "svg",    "canvas", "object",
    "embed",  "video",  "audio",    "map",      "dialog", "menu",   "head",   "header",
    "label",  "option", "link",     "meta",     "math",   "picture", NULL};

static const char *const JUNK_ROLES[] = {"navigation", "banner", "complementary", "contentinfo",
                                         "dialog",     "menu",   "menubar",       "search",
                                         "toolbar",    "alert",  "alertdialog",   NULL};

/* Class/id substrings that mark boilerplate wherever they occur. Several
 * languages: share/partager/compartir/teilen, related/verwandt/relacionad,
 * newsletter, comments/kommentar/comentario/commentaire. */
static const char *const JUNK_WORDS[] = {
    "comment",    "kommentar",  "comentario", "disqus",      "cookie",     "consent",
    "newsletter", "subscri",    "signup",     "sign-up",     "social",     "share",
    "sharing",    "partager",   "compartir",  "teilen",      "related",    "relacionad",
    "verwandt",   "recommend",  "outbrain",   "taboola",     "sponsor",    "advert",
    "promo",      "popup",      "modal",      "breadcrumb",  "sidebar",    "footer",
    "masthead",   "navbar",     "trending",   "most-popular", "mostpopular", "most-read",
    "mostread",   "popular-",   "author-bio", "authorbio",   "about-author", "skip-link",
    "toolbar",    "widget",     "pagination", "pager",       "print-only", "visually-hidden",
    "sr-only",    "screen-reader", "read-more", "readmore",  "more-stories", "morestories",
    "paywall",    "jump-link",  "tags",       "topics-list", "byline",     "dateline",
    "timestamp",  "caption",    "credit",     "gallery",     "slideshow",  "carousel",
    "ad-slot",    "adslot",     "ad-unit",    "adunit",      "ad-container", "ad-wrapper",
    "dfp",        "banner",     "hidden",     "offscreen",   "nocontent",  "noprint",
    NULL};

/* Whole class/id tokens (split on space, '-' and '_') that mark
 * boilerplate; too short to match as substrings. */
static const char *const JUNK_TOKENS[] = {"ad",   "ads",   "adv",  "nav",  "menu", "meta",
                                          "tool", "tools", "tag",  "hide", "share", "rss",
                                          "foot", "header", "masthead", "byl", NULL};

/* Class/id words that suggest article text (Readability's positive list). */
static const char *const GOOD_WORDS[] = {"article", "body",  "content", "entry", "hentry",
                                         "main",    "page",  "post",    "text",  "blog",
                                         "story",   "prose", NULL};

/* ---- helpers ---------------------------------------------------------- */

static bool in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return true;
    return false;
}

static bool attr_has_word(const char *v, const char *const *words)
{
    if (!v)
        return false;
    for (const char *const *w = words; *w; w++)
        if (nmi_istr(v, *w))
            return true;
    return false;
}

static bool attr_has_token(const char *v, const char *const *tokens)
{
    if (!v)
        return false;
    const char *p = v;
    while (*p) {
        while (*p == ' ' || *p == '-' || *p == '_' || *p == '\t' || *p == '\n')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '-' && *e != '_' && *e != '\t' && *e != '\n')
            e++;
        size_t n = (size_t)(e - p);
        for (const char *const *t = tokens; *t && n; t++)
            if (strlen(*t) == n && nmi_istarts(p, *t))
                return true;
        p = e;
    }
    return false;
}

static bool hidden(const xmlNode *n)
{
    if (nmi_attr(n, "hidden"))
        return true;
    const char *aria = nmi_attr(n, "aria-hidden");
    if (aria && nmi_ieq(aria, "true"))
        return true;
    const char *style = nmi_attr(n, "style");
    if (style) {
        /* "display: none" / "visibility:hidden", spacing varies */
        for (const char *p = style; (p = nmi_istr(p, "display")); p += 7) {
            const char *q = p + 7;
            while (*q == ' ' || *q == ':')
                q++;
            if (nmi_istarts(q, "none"))
                return true;
        }
        for (const char *p = style; (p = nmi_istr(p, "visibility")); p += 10) {
            const char *q = p + 10;
            while (*q == ' ' || *q == ':')
                q++;
            if (nmi_istarts(q, "hidden"))
                return true;
        }
    }
    return false;
}

/* Junk by class/id/role; body-level containers are never junk by class,
 * so a site that puts "share-enabled" on its page wrapper keeps its text. */
static bool junk_by_attrs(const xmlNode *n, const char *tag)
{
    const char *role = nmi_attr(n, "role");
    if (role && in_list(role, JUNK_ROLES))
        return true;
    if (!strcmp(tag, "body") || !strcmp(tag, "html") || !strcmp(tag, "main") ||
        !strcmp(tag, "article"))
        return false;
    const char *cls = nmi_attr(n, "class"), *id = nmi_attr(n, "id");
    if (!cls && !id)
        return false;
    bool bad = attr_has_word(cls, JUNK_WORDS) || attr_has_word(id, JUNK_WORDS) ||
               attr_has_token(cls, JUNK_TOKENS) || attr_has_token(id, JUNK_TOKENS);
    return bad;
}

static int class_weight(const xmlNode *n)
{
    int w = 0;
    const char *cls = nmi_attr(n, "class"), *id = nmi_attr(n, "id");
    if (attr_has_word(cls, GOOD_WORDS))
        w += 25;
    if (attr_has_word(id, GOOD_WORDS))
        w += 25;
    if (attr_has_word(cls, JUNK_WORDS) || attr_has_token(cls, JUNK_TOKENS))
        w -= 25;
    if (attr_has_word(id, JUNK_WORDS) || attr_has_token(id, JUNK_TOKENS))
        w -= 25;
    return w;
}

static uint32_t count_commas(const char *s)
{
    uint32_t c = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ',')
            c++;
        /* U+FF0C fullwidth comma, U+3001 ideographic comma */
        else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
            c++;
        else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81)
            c++;
    }
    return c;
}

/* ---- bottom-up facts ---------------------------------------------------- */

typedef struct scan {
    nmi_ctx *ctx;
    nmi_arena *scratch;
    xmlNode **para;      /* paragraph-like elements, in document order */
    size_t npara, cap;
    bool oom;
} scan;

static bool is_para_tag(const char *t)
{
    return !strcmp(t, "p") || !strcmp(t, "pre") || !strcmp(t, "td") ||
           !strcmp(t, "blockquote") || !strcmp(t, "li") || !strcmp(t, "dd");
}

static bool is_block_tag(const char *t)
{
    static const char *const B[] = {"p",     "div",   "section", "article", "main",  "ul",
                                    "ol",    "li",    "table",   "tr",      "td",    "th",
                                    "pre",   "blockquote", "h1",  "h2",      "h3",    "h4",
                                    "h5",    "h6",    "figure",  "dl",      "dt",    "dd",
                                    "header", "footer", "aside", "nav",     "form",  "hr",
                                    "address", "center", "details", "summary", NULL};
    return in_list(t, B);
}

static void push_para(scan *s, xmlNode *n)
{
    if (s->npara == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        xmlNode **p = nmi_arena_alloc(s->scratch, cap * sizeof *p);
        if (!p) {
            s->oom = true;
            return;
        }
        if (s->npara)
            memcpy(p, s->para, s->npara * sizeof *p);
        s->para = p;
        s->cap = cap;
    }
    s->para[s->npara++] = n;
}

/* Fills info for n and its subtree; returns it. in_link: inside <a>. */
static nmi_node_info *measure(scan *s, xmlNode *n, int depth, bool in_link, bool junk_above)
{
    nmi_node_info *info = nmi_arena_alloc(s->scratch, sizeof *info);
    if (!info) {
        s->oom = true;
        return NULL;
    }
    memset(info, 0, sizeof *info);
    n->_private = info;
    const char *tag = nmi_tag(n);
    info->junk = in_list(tag, JUNK_TAGS) || hidden(n) || junk_by_attrs(n, tag);
    if (depth > NMI_MAX_DEPTH) {
        info->junk = true;
        return info;
    }
    bool link = in_link || !strcmp(tag, "a");
    bool has_block_child = false;
    uint32_t direct_text = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            size_t len = strlen((const char *)c->content);
            uint32_t w = (uint32_t)nmi_text_weight((const char *)c->content, len);
            direct_text += w;
            info->text += w;
            if (link)
                info->link_text += w;
            info->commas += count_commas((const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            nmi_node_info *ci = measure(s, c, depth + 1, link, junk_above || info->junk);
            if (!ci)
                return NULL;
            if (is_block_tag(nmi_tag(c)))
                has_block_child = true;
            if (ci->junk)
                continue; /* junk text counts nowhere */
            info->text += ci->text;
            info->link_text += ci->link_text;
            info->commas += ci->commas;
            info->paragraphs += ci->paragraphs;
        }
    }
    if (info->junk || junk_above)
        return info;
    /* Paragraph-like: a <p> (or similar) or a <div> that holds its text
     * directly (sites that never use <p>). */
    bool para = is_para_tag(tag) ||
                ((!strcmp(tag, "div") || !strcmp(tag, "section") || !strcmp(tag, "span") ||
                  !strcmp(tag, "font")) &&
                 !has_block_child && direct_text >= 25);
    if (para && info->text >= 25 && !(in_link)) {
        info->paragraphs++;
        push_para(s, n);
    }
    return info;
}

/* ---- scoring ------------------------------------------------------------ */

static double tag_base(const char *t)
{
    if (!strcmp(t, "div") || !strcmp(t, "article") || !strcmp(t, "main") ||
        !strcmp(t, "section"))
        return 5;
    if (!strcmp(t, "pre") || !strcmp(t, "td") || !strcmp(t, "blockquote"))
        return 3;
    if (!strcmp(t, "address") || !strcmp(t, "ol") || !strcmp(t, "ul") || !strcmp(t, "dl") ||
        !strcmp(t, "dd") || !strcmp(t, "dt") || !strcmp(t, "li") || !strcmp(t, "form"))
        return -3;
    if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2])
        return -5;
    if (!strcmp(t, "th"))
        return -5;
    return 0;
}

static double link_density(const nmi_node_info *i)
{
    return i->text ? (double)i->link_text / (double)i->text : 0.0;
}

static void init_score(xmlNode *n)
{
    nmi_node_info *i = nmi_info(n);
    if (i->scored)
        return;
    i->scored = true;
    i->score = tag_base(nmi_tag(n)) + class_weight(n);
}

static xmlNode *choose_top(scan *s)
{
    xmlNode *best = NULL;
    double best_score = 0;
    for (size_t k = 0; k < s->npara; k++) {
        xmlNode *p = s->para[k];
        nmi_node_info *pi = nmi_info(p);
        /* Readability's content score: 1 + commas + a point per 100
         * characters, up to 3. */
        double score = 1.0 + pi->commas + (pi->text / 100 > 3 ? 3 : pi->text / 100);
        score *= 1.0 - link_density(pi);
        if (!strcmp(nmi_tag(p), "li"))
            score *= 0.5; /* lists are often navigation that escaped the junk rules */
        xmlNode *a = p->parent;
        for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < 5;
             level++, a = a->parent) {
            if (!nmi_info(a))
                break;
            init_score(a);
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            nmi_info(a)->score += score / div;
        }
    }
    for (size_t k = 0; k < s->npara; k++) {
        for (xmlNode *a = s->para[k]->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
            nmi_node_info *ai = nmi_info(a);
            if (!ai || !ai->scored)
                break;
            double f = ai->score * (1.0 - link_density(ai));
            if (!best || f > best_score) {
                best = a;
                best_score = f;
            }
        }
    }
    if (!best)
        return NULL;
    /* A candidate that holds only part of a larger text container: climb
     * while the parent has much the same text (Readability does this with
     * its parent-score check); the parent then also merges siblings. */
    nmi_node_info *bi = nmi_info(best);
    for (xmlNode *p = best->parent; p && p->type == XML_ELEMENT_NODE && nmi_info(p);
         p = p->parent) {
        nmi_node_info *pi = nmi_info(p);
        if (pi->junk || !strcmp(nmi_tag(p), "body"))
            break;
        if ((double)bi->text >= 0.9 * (double)pi->text) {
            best = p;
            continue;
        }
        break;
    }
    return best;
}

/* Siblings of the top candidate that read like article text too. */
static size_t gather(xmlNode *top, xmlNode **out, size_t cap)
{
    size_t n = 0;
    xmlNode *parent = top->parent;
    if (!parent || parent->type != XML_ELEMENT_NODE || !nmi_info(parent)) {
        out[n++] = top;
        return n;
    }
    double top_score = nmi_info(top)->score;
    double threshold = top_score * 0.2 > 10 ? top_score * 0.2 : 10;
    for (xmlNode *c = parent->children; c && n < cap; c = c->next) {
        if (c == top) {
            out[n++] = c;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || !nmi_info(c) || nmi_info(c)->junk)
            continue;
        nmi_node_info *ci = nmi_info(c);
        bool take = false;
        if (ci->scored && ci->score >= threshold && link_density(ci) < 0.3)
            take = true;
        else if (!strcmp(nmi_tag(c), "p")) {
            double ld = link_density(ci);
            if (ci->text > 80 && ld < 0.25)
                take = true;
            else if (ci->text > 0 && ci->text <= 80 && ld == 0) {
                /* short, link-free, ends a sentence */
                xmlNode *last = c->last;
                while (last && last->type != XML_TEXT_NODE)
                    last = last->last ? last->last : last->prev;
                if (last && last->content) {
                    size_t L = strlen((const char *)last->content);
                    while (L && (last->content[L - 1] == ' ' || last->content[L - 1] == '\n'))
                        L--;
                    take = L && last->content[L - 1] == '.';
                }
            }
        }
        if (take)
            out[n++] = c;
    }
    return n;
}

void nmi_extract_content(nmi_ctx *ctx, const char *headline)
{
    xmlNode *root = xmlDocGetRootElement(ctx->doc);
    if (!root)
        return;
    nmi_arena scratch = {NULL};
    scan s = {ctx, &scratch, NULL, 0, 0, false};
    xmlNode *body = NULL;
    for (xmlNode *c = root->children; c; c = c->next)
        if (!strcmp(nmi_tag(c), "body"))
            body = c;
    if (!body)
        body = root;
    measure(&s, body, 0, false, false);
    if (s.oom) {
        ctx->oom = true;
    } else {
        xmlNode *top = choose_top(&s);
        xmlNode *roots[64];
        size_t nroots = 0;
        if (top)
            nroots = gather(top, roots, sizeof roots / sizeof *roots);
        if (nroots)
            nmi_emit_blocks(ctx, roots, nroots, headline);
        /* Fallback when the scored container gave (almost) nothing: the
         * whole body, where the per-block filters still apply. */
        size_t chars = 0;
        for (size_t i = 0; i < ctx->block_count; i++)
            chars += ctx->blocks[i].length;
        if (chars < 200 && nmi_info(body) && nmi_info(body)->text > 2 * chars + 100) {
            ctx->block_count = 0;
            ctx->link_count = 0;
            xmlNode *b = body;
            nmi_info(b)->junk = false;
            nmi_emit_blocks(ctx, &b, 1, headline);
        }
    }
    /* xmlNode::_private now dangles; the tree is freed right after this
     * stage and nothing reads it again. */
    nmi_arena_release(&scratch);
}
