/* Stage 6a: find the main content (the body stage, body.c).
 *
 * One bottom-up pass computes, for every element, its visible text weight,
 * link text, commas, and whether it is boilerplate ("junk": hidden, nav,
 * share bars, comments, related stories, ... recognized by tag, role,
 * ARIA and class/id vocabulary, class_words.c). Junk never wins over the
 * page's prose: chrome holding nearly all of it is where a broken page put
 * the article, and when the class words hide most of it the pass runs
 * again with fewer of them. A Readability-style score then flows from
 * paragraph-like blocks to their ancestors; the best-scoring container,
 * with its sibling blocks that look like article text, is what body.c
 * reads (through blocks.c). */
#include <string.h>
#ifdef NMI_DEBUG
#include <stdio.h>
#endif

#include "internal.h"

/* ---- class values ------------------------------------------------------ */

/* Pages repeat the same class values on many elements (every item of a
 * menu, every paragraph): the answer for each distinct value is kept for
 * the page, in a small open-addressing table in the scratch arena. */
#define NMI_CLASS_MEMO 1024 /* slots; a power of two */

typedef struct class_memo {
    const char *value; /* NULL: empty slot */
    uint32_t hash;
    uint8_t junk;
    bool good;
} class_memo;

static void classify_value_memo(class_memo *memo, const char *v, nmi_cls_junk *junk, bool *good)
{
    if (!memo || !v || !*v) {
        nmi_classify_class(v, junk, good);
        return;
    }
    uint32_t h = 2166136261u; /* FNV-1a */
    size_t len = 0;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++, len++)
        h = (h ^ *p) * 16777619u;
    if (len > 200) { /* long values are rare and seldom repeated */
        nmi_classify_class(v, junk, good);
        return;
    }
    for (uint32_t i = h & (NMI_CLASS_MEMO - 1), probes = 0; probes < 8;
         i = (i + 1) & (NMI_CLASS_MEMO - 1), probes++) {
        class_memo *m = &memo[i];
        if (!m->value) {
            nmi_classify_class(v, junk, good);
            m->value = v;
            m->hash = h;
            m->junk = (uint8_t)*junk;
            m->good = *good;
            return;
        }
        if (m->hash == h && !strcmp(m->value, v)) {
            *junk = (nmi_cls_junk)m->junk;
            *good = m->good;
            return;
        }
    }
    nmi_classify_class(v, junk, good); /* a crowded neighbourhood: no memo */
}

/* The attributes this stage looks at, gathered in one pass over the
 * element's attribute list (libxml2's HTML parser lower-cases names). */
typedef struct node_attrs {
    const char *cls, *id, *itemprop, *role, *style, *aria_hidden;
    bool hidden;
} node_attrs;

static void gather_attrs(const xmlNode *n, node_attrs *a)
{
    memset(a, 0, sizeof *a);
    for (const xmlAttr *p = n->properties; p; p = p->next) {
        const char *name = (const char *)p->name;
        const char *v = p->children && p->children->content ? (const char *)p->children->content
                                                            : "";
        switch (name[0]) {
        case 'c':
            if (!strcmp(name, "class"))
                a->cls = v;
            break;
        case 'i':
            if (!strcmp(name, "id"))
                a->id = v;
            else if (!strcmp(name, "itemprop"))
                a->itemprop = v;
            break;
        case 'r':
            if (!strcmp(name, "role"))
                a->role = v;
            break;
        case 's':
            if (!strcmp(name, "style"))
                a->style = v;
            break;
        case 'a':
            if (!strcmp(name, "aria-hidden"))
                a->aria_hidden = v;
            break;
        case 'h':
            if (!strcmp(name, "hidden"))
                a->hidden = true;
            break;
        default:
            break;
        }
    }
}

/* Classify the class and id of an element once (the vocabulary checks
 * are the costliest per-element work here) into info->cls. */
enum { CLS_JUNK_WEAK = 1, CLS_JUNK_STRONG = 2, CLS_GOOD = 4, CLS_ID_JUNK = 8, CLS_ID_GOOD = 16,
       CLS_CLASS_JUNK = 32, CLS_ARTICLE_BODY = 64, CLS_JUNK_LAYOUT = 128 };

static void classify_attrs(class_memo *memo, const node_attrs *na, nmi_node_info *info)
{
    const char *cls = na->cls, *id = na->id, *prop = na->itemprop;
    uint8_t f = 0;
    nmi_cls_junk c, i;
    bool cls_good, id_good;
    classify_value_memo(memo, cls, &c, &cls_good);
    classify_value_memo(memo, id, &i, &id_good);
    if (c == NMI_CLS_STRONG || i == NMI_CLS_STRONG)
        f |= CLS_JUNK_STRONG;
    else if (c == NMI_CLS_WEAK || i == NMI_CLS_WEAK)
        f |= CLS_JUNK_WEAK;
    else if (c == NMI_CLS_LAYOUT || i == NMI_CLS_LAYOUT)
        f |= CLS_JUNK_LAYOUT;
    if (c != NMI_CLS_NONE)
        f |= CLS_CLASS_JUNK;
    if (i != NMI_CLS_NONE)
        f |= CLS_ID_JUNK;
    if (cls_good)
        f |= CLS_GOOD;
    if (id_good)
        f |= CLS_ID_GOOD;
    if (prop && nmi_istr(prop, "articleBody"))
        f |= CLS_ARTICLE_BODY;
    info->cls = f;
}

/* Which class words make junk: all of them, then (when that hides most of
 * the page's prose) all but the layout words, then only the strong ones. */
typedef enum { KEEP_NONE, KEEP_LAYOUT, KEEP_WEAK } keep_words;

/* Boilerplate by class and id, with the strong/weak rule above; the words
 * that keep names do not count. */
static bool attrs_are_junk(const nmi_node_info *info, keep_words keep)
{
    if (info->cls & CLS_JUNK_STRONG)
        return true;
    if (keep >= KEEP_WEAK || !(info->cls & (CLS_JUNK_WEAK | CLS_JUNK_LAYOUT)))
        return false;
    if (keep >= KEEP_LAYOUT && !(info->cls & CLS_JUNK_WEAK))
        return false;
    return !(info->cls & (CLS_GOOD | CLS_ID_GOOD));
}

static bool hidden(const node_attrs *a)
{
    if (a->hidden || (a->aria_hidden && nmi_ieq(a->aria_hidden, "true")))
        return true;
    const char *style = a->style;
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

/* Hard junk: by tag, hidden, or ARIA role. Never part of the body, except
 * chrome (see measure_raw). */
static bool hard_junk(const node_attrs *a, uint16_t tag)
{
    if ((tag & NMI_TAG_JUNK) || hidden(a))
        return true;
    return a->role && nmi_junk_role(a->role);
}

/* Hard junk whose text a browser may still show as the article: a chrome
 * tag, hidden, or a role (not <script>, <svg>, <iframe>, ...). */
static bool chrome(uint16_t tag)
{
    return !(tag & NMI_TAG_JUNK) || (tag & NMI_TAG_CHROME);
}

/* Soft junk: by class/id vocabulary or a soft tag. Applied only to
 * elements that do not hold most of the page's text (see measure), so a
 * page wrapper with an unlucky class ("non-ad-column") keeps its text. */
static bool soft_junk(const xmlNode *n, const char *tag, keep_words keep)
{
    const nmi_node_info *info = nmi_info(n);
    if (!strcmp(tag, "body") || !strcmp(tag, "html") || !strcmp(tag, "main") ||
        !strcmp(tag, "article"))
        return false;
    if (info->tag & NMI_TAG_SOFT_JUNK)
        return true;
    return attrs_are_junk(info, keep);
}

static int class_weight(const xmlNode *n)
{
    const nmi_node_info *info = nmi_info(n);
    int w = 0;
    if (info->cls & CLS_ARTICLE_BODY)
        w += 50; /* the page says so itself */
    if (info->cls & CLS_GOOD)
        w += 25;
    if (info->cls & CLS_ID_GOOD)
        w += 25;
    if (info->cls & CLS_CLASS_JUNK)
        w -= 25;
    if (info->cls & CLS_ID_JUNK)
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
    class_memo *memo;    /* NMI_CLASS_MEMO slots, or NULL */
    xmlNode **para;      /* paragraph-like elements, in document order */
    size_t npara, cap;
    uint32_t page_prose; /* prose of the whole page (measure_raw) */
    keep_words keep;     /* class words that do not make junk (later tries) */
    bool layout_seen;    /* some element has a layout word */
    bool oom;
} scan;

static void push_para(scan *s, xmlNode *n)
{
    xmlNode **para = nmi_grow(s->scratch, s->para, s->npara, &s->cap, sizeof *para, 256);
    if (!para) {
        s->oom = true;
        return;
    }
    s->para = para;
    s->para[s->npara++] = n;
}

/* What the first pass sums below an element. */
typedef struct raw_sums {
    uint32_t text, link_text, prose;
} raw_sums;

/* The prose an element adds as a whole: a paragraph (or a <div> holding
 * its text directly) of 80 characters or more with few links. */
static uint32_t prose_of(const nmi_node_info *info, const raw_sums *below, uint32_t direct)
{
    bool para = (info->tag & NMI_TAG_PARA) && !(info->tag & (NMI_TAG_ITEM | NMI_TAG_PRE));
    uint32_t text = para ? below->text : direct;
    if (!(para || (info->tag & NMI_TAG_DIVLIKE)) || text < 80 ||
        (uint64_t)below->link_text * 4 >= text)
        return 0;
    return text;
}

/* First pass: allocate the info of every element, mark hard junk, and
 * measure the visible text below each element, soft junk included, and
 * the prose, hard junk included: chrome holding most of the page's prose
 * is where the article is (see measure). Adds the element's sums to up. */
static void measure_raw(scan *s, xmlNode *n, int depth, raw_sums *up)
{
    nmi_node_info *info = nmi_arena_alloc(s->scratch, sizeof *info);
    if (!info) {
        s->oom = true;
        return;
    }
    memset(info, 0, sizeof *info);
    n->_private = info;
    const nmi_tag_desc *td = nmi_tag_desc_of(nmi_tag(n));
    if (td) {
        info->tag = td->flags;
        info->base = td->base;
    }
    node_attrs na;
    gather_attrs(n, &na);
    info->hard_junk = depth > NMI_MAX_DEPTH || hard_junk(&na, info->tag);
    if (info->hard_junk && (depth > NMI_MAX_DEPTH || !chrome(info->tag)))
        return;
    info->chrome = info->hard_junk;
    if (n->properties) {
        classify_attrs(s->memo, &na, info);
        s->layout_seen |= (info->cls & CLS_JUNK_LAYOUT) != 0;
    }
    raw_sums below = {0, 0, 0};
    uint32_t direct = 0;
    for (xmlNode *c = n->children; c && !s->oom; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            direct += (uint32_t)nmi_text_weight((const char *)c->content,
                                                strlen((const char *)c->content));
        else if (c->type == XML_ELEMENT_NODE)
            measure_raw(s, c, depth + 1, &below);
    }
    below.text += direct;
    if (info->tag & NMI_TAG_LINK)
        below.link_text = below.text;
    uint32_t own = prose_of(info, &below, direct);
    info->raw_text = below.text;
    info->prose = own > below.prose ? own : below.prose;
    /* the prose of comments and related stories is not the article's
     * (a chrome tag with such a class may have swallowed the page, though) */
    if (!(info->cls & CLS_JUNK_STRONG) || info->hard_junk || !soft_junk(n, nmi_tag(n), KEEP_NONE))
        up->prose += info->prose;
    if (info->hard_junk)
        return; /* its text counts nowhere unless measure overrides */
    up->text += below.text;
    up->link_text += below.link_text;
}

/* Nearly all of the page's prose is below the element: an element the
 * page marks as chrome that nonetheless holds the article (a header that
 * an unclosed <button> made swallow the page, a hidden container whose
 * text a script moves into place). */
static bool holds_prose(const scan *s, const nmi_node_info *info)
{
    return s->page_prose >= 500 && (uint64_t)info->prose * 10 >= (uint64_t)s->page_prose * 9;
}

/* What an earlier try of the second pass summed, forgotten. */
static void forget_sums(nmi_node_info *info)
{
    info->text = info->link_text = info->commas = info->paragraphs = 0;
    info->score = 0;
    info->scored = info->ranked = info->link_first = false;
}

/* A feed of teasers ("More stories", "Latest news"): three or more blocks
 * (items) that each start with a link (link_items: the other story's
 * title), with real link weight overall. Article text starts with words. */
static bool teaser_feed(const nmi_node_info *info, uint32_t items, uint32_t link_items,
                        uint32_t page_text)
{
    return items >= 3 && link_items * 5 >= items * 3 && info->text &&
           (double)info->link_text / info->text > 0.1 &&
           (uint64_t)info->raw_text * 2 < (uint64_t)page_text;
}

/* Second pass: decide soft junk (only for elements holding less than half
 * of the page's text), then sum text, link text and commas over what is
 * not junk, and list the paragraph-like elements. */
static void measure(scan *s, xmlNode *n, bool in_link, bool junk_above, uint32_t page_text)
{
    nmi_node_info *info = nmi_info(n);
    const char *tag = nmi_tag(n);
    forget_sums(info);
    if (info->hard_junk && info->chrome && holds_prose(s, info))
        info->hard_junk = false;
    info->junk = info->hard_junk ||
                 (soft_junk(n, tag, s->keep) && (uint64_t)info->raw_text * 2 < (uint64_t)page_text &&
                  !((info->cls & CLS_JUNK_STRONG) == 0 && holds_prose(s, info)));
#ifdef NMI_DEBUG
    if (soft_junk(n, tag, s->keep) && (uint64_t)info->raw_text * 2 < (uint64_t)page_text && !info->junk)
        fprintf(stderr, "soft kept %s class=%s prose=%u of %u\n", tag, nmi_attr(n, "class"),
                info->prose, s->page_prose);
#endif
    if (info->hard_junk)
        return;
    bool link = in_link || (info->tag & NMI_TAG_LINK);
    bool has_block_child = false, seen_text = false;
    uint32_t direct_text = 0, items = 0, link_items = 0;
    size_t para_mark = s->npara;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            size_t len = strlen((const char *)c->content);
            uint32_t w = (uint32_t)nmi_text_weight((const char *)c->content, len);
            if (w && !seen_text) {
                seen_text = true;
                info->link_first = link;
            }
            direct_text += w;
            info->text += w;
            if (link)
                info->link_text += w;
            info->commas += count_commas((const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            nmi_node_info *ci = nmi_info(c);
            measure(s, c, link, junk_above || info->junk, page_text);
            if (ci->tag & NMI_TAG_BLOCK)
                has_block_child = true;
            if (ci->junk)
                continue; /* junk text counts nowhere */
            if (ci->text && !seen_text) {
                seen_text = true;
                info->link_first = link || ci->link_first;
            }
            if (ci->text >= 20 && (ci->tag & NMI_TAG_BLOCK)) {
                items++;
                if (ci->link_first)
                    link_items++;
            }
            info->text += ci->text;
            info->link_text += ci->link_text;
            info->commas += ci->commas;
            info->paragraphs += ci->paragraphs;
        }
    }
    if (!info->junk && teaser_feed(info, items, link_items, page_text)) {
        info->junk = true;
        s->npara = para_mark;
    }
#ifdef NMI_DEBUG
    if (info->junk && !junk_above && info->text > 1000)
        fprintf(stderr, "junk %s class=%s id=%s text=%u\n", tag, nmi_attr(n, "class"),
                nmi_attr(n, "id"), info->text);
#endif
    if (info->junk || junk_above || s->oom)
        return;
    /* Paragraph-like: a <p> (or similar), or a <div> holding text directly
     * (sites that never use <p>, or that break text with empty divs). */
    bool para = (info->tag & NMI_TAG_PARA) ||
                ((info->tag & NMI_TAG_DIVLIKE) && (!has_block_child || direct_text >= 100) &&
                 direct_text >= 25);
    if (para && info->text >= 25 && !in_link) {
        info->paragraphs++;
        push_para(s, n);
    }
}

/* ---- scoring ------------------------------------------------------------ */

static double link_density(const nmi_node_info *i)
{
    return i->text ? (double)i->link_text / (double)i->text : 0.0;
}

/* A listed paragraph that reads as prose: 80 characters, few links. */
static bool is_prose_para(const nmi_node_info *pi)
{
    return pi->text >= 80 && link_density(pi) < 0.25;
}

/* The prose of the paragraphs measure listed (outside junk). */
static uint64_t listed_prose(const scan *s)
{
    uint64_t w = 0;
    for (size_t k = 0; k < s->npara; k++)
        if (is_prose_para(nmi_info(s->para[k])))
            w += nmi_info(s->para[k])->text;
    return w;
}

static void init_score(xmlNode *n)
{
    nmi_node_info *i = nmi_info(n);
    if (i->scored)
        return;
    i->scored = true;
    i->score = i->base + class_weight(n);
}

/* Readability's content score of each paragraph-like element flows to
 * its ancestors, five levels up, less at each level. */
static void spread_scores(const scan *s)
{
    for (size_t k = 0; k < s->npara; k++) {
        xmlNode *p = s->para[k];
        nmi_node_info *pi = nmi_info(p);
        /* 1 + commas + a point per 100 characters, up to 3 */
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
}

/* The five best candidates, best first (Readability keeps five too). */
typedef struct top5 {
    xmlNode *node[5];
    double score[5];
} top5;

/* Each scored ancestor's final score (scaled down by its link density),
 * computed once, and the five best of them. */
static void rank_candidates(const scan *s, top5 *top)
{
    for (size_t k = 0; k < s->npara; k++) {
        for (xmlNode *a = s->para[k]->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
            nmi_node_info *ai = nmi_info(a);
            if (!ai || !ai->scored)
                break;
            if (ai->ranked)
                continue;
            ai->ranked = true;
            double f = ai->score * (1.0 - link_density(ai));
            ai->score = f;
            for (int i = 0; i < 5; i++) {
                if (!top->node[i] || f > top->score[i]) {
                    for (int j = 4; j > i; j--) {
                        top->node[j] = top->node[j - 1];
                        top->score[j] = top->score[j - 1];
                    }
                    top->node[i] = a;
                    top->score[i] = f;
                    break;
                }
            }
        }
    }
}

/* When the text is split into many small wrappers (one per paragraph),
 * the best candidates are siblings: their common ancestor holding at
 * least three of the top five is the real container. */
static xmlNode *common_container(const top5 *top)
{
    xmlNode *best = top->node[0];
    for (xmlNode *a = best->parent; a && a->type == XML_ELEMENT_NODE && nmi_info(a);
         a = a->parent) {
        if (!strcmp(nmi_tag(a), "body"))
            break;
        int inside = 0;
        for (int i = 1; i < 5; i++)
            for (xmlNode *d = top->node[i]; d; d = d->parent)
                if (d == a) {
                    inside++;
                    break;
                }
        if (inside >= 2 && top->score[0] > 0)
            return a;
    }
    return best;
}

/* A candidate that holds only part of a larger text container: climb
 * while the parent has much the same text (Readability does this with
 * its parent-score check); the parent then also merges siblings. */
static xmlNode *whole_container(xmlNode *best)
{
    const nmi_node_info *bi = nmi_info(best);
    for (xmlNode *p = best->parent; p && p->type == XML_ELEMENT_NODE && nmi_info(p);
         p = p->parent) {
        const nmi_node_info *pi = nmi_info(p);
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

/* The best-scoring container of the article's text, or NULL. */
static xmlNode *choose_top(const scan *s)
{
    spread_scores(s);
    top5 top = {{NULL}, {0}};
    rank_candidates(s, &top);
    if (!top.node[0])
        return NULL;
    return whole_container(common_container(&top));
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
    bool before_top = true;
    for (xmlNode *c = parent->children; c && n < cap; c = c->next) {
        if (c == top) {
            out[n++] = c;
            before_top = false;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || !nmi_info(c) || nmi_info(c)->junk)
            continue;
        nmi_node_info *ci = nmi_info(c);
        bool take = false;
        if (ci->scored && ci->score >= threshold && link_density(ci) < 0.3)
            take = true;
        else if (!strcmp(nmi_tag(c), "p") ||
                 (before_top && ci->paragraphs > 0 && ci->paragraphs <= 2 && ci->text > 80)) {
            /* a paragraph, or a small wrapper of one or two (lead
             * paragraphs set apart from the rest of the body) */
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

static bool contains(const xmlNode *anc, const xmlNode *n)
{
    for (; n; n = n->parent)
        if (n == anc)
            return true;
    return false;
}

/* Prose weight (paragraphs of 80+ characters, few links) below n. */
static uint64_t prose_inside(const scan *s, const xmlNode *n)
{
    uint64_t w = 0;
    for (size_t k = 0; k < s->npara; k++) {
        const nmi_node_info *pi = nmi_info(s->para[k]);
        if (is_prose_para(pi) && contains(n, s->para[k]))
            w += pi->text;
    }
    return w;
}

/* Second opinion: the page's prose paragraphs, wherever they are. When
 * the chosen roots hold less than half of that prose, the article is
 * spread wider than the scores saw: widen to the nearest ancestor of top
 * holding most of it (stopping at body). Returns the new number of roots. */
static size_t widen(const scan *s, xmlNode *top, const xmlNode *body, xmlNode **roots,
                    size_t nroots)
{
    uint64_t total = 0, inside = 0;
    for (size_t k = 0; k < s->npara; k++) {
        const nmi_node_info *pi = nmi_info(s->para[k]);
        if (!is_prose_para(pi))
            continue;
        total += pi->text;
        for (size_t r = 0; r < nroots; r++)
            if (contains(roots[r], s->para[k])) {
                inside += pi->text;
                break;
            }
    }
    if (total < 400 || inside * 2 >= total)
        return nroots;
    xmlNode *wide = top;
    while (wide->parent && wide->parent->type == XML_ELEMENT_NODE && wide != body &&
           prose_inside(s, wide) * 5 < total * 4)
        wide = wide->parent;
    roots[0] = wide;
    return 1;
}

/* The second pass again, with fewer class words making junk. */
static void measure_again(scan *s, xmlNode *body, uint32_t page_text, keep_words keep)
{
    s->keep = keep;
    s->npara = 0;
    measure(s, body, false, false, page_text);
}

/* The page's <body>, or the root element when it has none. */
static xmlNode *page_body(xmlNode *root)
{
    xmlNode *body = NULL;
    for (xmlNode *c = root->children; c; c = c->next)
        if (!strcmp(nmi_tag(c), "body"))
            body = c;
    return body ? body : root;
}

size_t nmi_choose_content(nmi_ctx *ctx, xmlDoc *doc, nmi_arena *facts, xmlNode **roots,
                          size_t cap, xmlNode **body)
{
    *body = NULL;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return 0;
    scan s = {ctx, facts, NULL, NULL, 0, 0, 0, KEEP_NONE, false, false};
    s.memo = nmi_arena_alloc(facts, NMI_CLASS_MEMO * sizeof *s.memo);
    if (s.memo) /* without it, every value is classified afresh */
        memset(s.memo, 0, NMI_CLASS_MEMO * sizeof *s.memo);
    xmlNode *b = page_body(root);
    raw_sums page = {0, 0, 0};
    measure_raw(&s, b, 0, &page);
    if (!s.oom && nmi_info(b)->hard_junk)
        nmi_info(b)->hard_junk = false; /* <body hidden>: still the page */
    uint32_t page_text = s.oom ? 0 : nmi_info(b)->raw_text;
    s.page_prose = page.prose;
    if (!s.oom)
        measure(&s, b, false, false, page_text);
    /* The class words hid most of the prose: a page builder's blocks
     * (layout words), or nearly all of it: a page that names its
     * article's parts with chrome words. */
    if (!s.oom && s.layout_seen && listed_prose(&s) * 2 < s.page_prose)
        measure_again(&s, b, page_text, KEEP_LAYOUT);
    if (!s.oom && listed_prose(&s) * 8 < s.page_prose)
        measure_again(&s, b, page_text, KEEP_WEAK);
    if (s.oom) {
        ctx->oom = true;
        return 0;
    }
    *body = b;
    xmlNode *top = choose_top(&s);
    size_t nroots = 0;
    if (top) {
        nroots = gather(top, roots, cap);
        nroots = widen(&s, top, b, roots, nroots);
    }
#ifdef NMI_DEBUG
    fprintf(stderr, "npara=%zu top=%s class=%s id=%s score=%.1f text=%u roots=%zu\n", s.npara,
            top ? nmi_tag(top) : "-", top ? nmi_attr(top, "class") : "-",
            top ? nmi_attr(top, "id") : "-", top ? nmi_info(top)->score : 0.0,
            top ? nmi_info(top)->text : 0, nroots);
#endif
    return nroots;
}
