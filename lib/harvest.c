/* Stage 3a: one walk over the tree that collects a candidate for every
 * field from <meta>/<link> tags (OpenGraph, Twitter, Dublin Core, Parse.ly,
 * Sailthru, ...), itemprop microdata, <title>, <h1>, <time>, rel=author and
 * byline elements; JSON-LD blocks are handed to jsonld.c on the way.
 *
 * Rank scale shared with jsonld.c (lower wins):
 *   10-19 JSON-LD on an article object     20-29 OpenGraph / article:* / microdata
 *   25-34 Twitter and other meta names     35-59 visible markup
 *   60-89 weaker markup guesses            90+   the URL
 */
#include <string.h>

#include "internal.h"

typedef struct meta_key {
    const char *key;
    nmi_field field;
    int rank;
} meta_key;

/* Keys of <meta name|property|itemprop=KEY content=...>, compared without
 * case. Order matters only for readability. */
static const meta_key META_KEYS[] = {
    {"og:title", NMI_F_HEADLINE, 20},
    {"twitter:title", NMI_F_HEADLINE, 26},
    {"headline", NMI_F_HEADLINE, 22},
    {"title", NMI_F_HEADLINE, 30},
    {"dc.title", NMI_F_HEADLINE, 30},
    {"sailthru.title", NMI_F_HEADLINE, 30},
    {"parsely-title", NMI_F_HEADLINE, 28},
    {"og:description", NMI_F_DESCRIPTION, 20},
    {"description", NMI_F_DESCRIPTION, 22},
    {"twitter:description", NMI_F_DESCRIPTION, 26},
    {"dc.description", NMI_F_DESCRIPTION, 30},
    {"og:site_name", NMI_F_SITE_NAME, 20},
    {"application-name", NMI_F_SITE_NAME, 40},
    {"og:image", NMI_F_IMAGE, 20},
    {"og:image:url", NMI_F_IMAGE, 20},
    {"og:image:secure_url", NMI_F_IMAGE, 21},
    {"twitter:image", NMI_F_IMAGE, 26},
    {"twitter:image:src", NMI_F_IMAGE, 26},
    {"image", NMI_F_IMAGE, 24},
    {"thumbnailurl", NMI_F_IMAGE, 40},
    {"og:url", NMI_F_CANONICAL, 25},
    {"og:locale", NMI_F_LANGUAGE, 25},
    {"content-language", NMI_F_LANGUAGE, 24},
    {"dc.language", NMI_F_LANGUAGE, 26},
    {"language", NMI_F_LANGUAGE, 28},
    {"inlanguage", NMI_F_LANGUAGE, 22},
    {"article:section", NMI_F_SECTION, 20},
    {"articlesection", NMI_F_SECTION, 22},
    {"section", NMI_F_SECTION, 28},
    {"parsely-section", NMI_F_SECTION, 26},
    {"category", NMI_F_SECTION, 32},
    {"article:tag", NMI_F_TAG, 20},
    {"news_keywords", NMI_F_TAG, 24},
    {"keywords", NMI_F_TAG, 26},
    {"parsely-tags", NMI_F_TAG, 26},
    {"sailthru.tags", NMI_F_TAG, 28},
    {"author", NMI_F_AUTHOR, 24},
    {"article:author", NMI_F_AUTHOR, 22},
    {"dc.creator", NMI_F_AUTHOR, 26},
    {"sailthru.author", NMI_F_AUTHOR, 26},
    {"parsely-author", NMI_F_AUTHOR, 25},
    {"citation_author", NMI_F_AUTHOR, 26},
    {"byl", NMI_F_BYLINE, 24},
    {"article:published_time", NMI_F_PUBLISHED, 20},
    {"og:article:published_time", NMI_F_PUBLISHED, 20},
    {"article:published", NMI_F_PUBLISHED, 21},
    {"published_time", NMI_F_PUBLISHED, 22},
    {"datepublished", NMI_F_PUBLISHED, 21},
    {"datecreated", NMI_F_PUBLISHED, 27},
    {"pubdate", NMI_F_PUBLISHED, 24},
    {"publishdate", NMI_F_PUBLISHED, 24},
    {"publish-date", NMI_F_PUBLISHED, 24},
    {"publish_date", NMI_F_PUBLISHED, 24},
    {"date", NMI_F_PUBLISHED, 28},
    {"dc.date", NMI_F_PUBLISHED, 27},
    {"dc.date.issued", NMI_F_PUBLISHED, 26},
    {"dcterms.created", NMI_F_PUBLISHED, 26},
    {"dcterms.issued", NMI_F_PUBLISHED, 26},
    {"sailthru.date", NMI_F_PUBLISHED, 27},
    {"parsely-pub-date", NMI_F_PUBLISHED, 25},
    {"article.published", NMI_F_PUBLISHED, 26},
    {"original-publish-date", NMI_F_PUBLISHED, 26},
    {"article:modified_time", NMI_F_MODIFIED, 20},
    {"og:updated_time", NMI_F_MODIFIED, 22},
    {"datemodified", NMI_F_MODIFIED, 21},
    {"dcterms.modified", NMI_F_MODIFIED, 26},
    {"last-modified", NMI_F_MODIFIED, 28},
    {"article.updated", NMI_F_MODIFIED, 26},
};

static bool looks_like_url(const char *s)
{
    return nmi_istarts(s, "http://") || nmi_istarts(s, "https://") || nmi_istarts(s, "//") ||
           (s[0] == '/' && s[1] != '\0');
}

/* og:locale "en_US" -> "en-US" */
static void add_language(nmi_ctx *ctx, const char *v, int rank, newsmeta_source src)
{
    char tmp[64];
    size_t n = strlen(v);
    if (n == 0 || n >= sizeof tmp)
        return;
    for (size_t i = 0; i <= n; i++)
        tmp[i] = v[i] == '_' ? '-' : v[i];
    nmi_add_cand(ctx, NMI_F_LANGUAGE, tmp, n, rank, src);
}

/* keywords="a, b, c" -> one candidate per tag */
static void add_tags(nmi_ctx *ctx, const char *v, int rank, newsmeta_source src)
{
    const char *p = v;
    while (*p) {
        const char *e = p;
        while (*e && *e != ',' && *e != ';')
            e++;
        nmi_add_cand(ctx, NMI_F_TAG, p, (size_t)(e - p), rank, src);
        p = *e ? e + 1 : e;
    }
}

static void add_value(nmi_ctx *ctx, nmi_field f, const char *v, int rank, newsmeta_source src)
{
    if (!v || !*v)
        return;
    switch (f) {
    case NMI_F_LANGUAGE:
        add_language(ctx, v, rank, src);
        return;
    case NMI_F_TAG:
        add_tags(ctx, v, rank, src);
        return;
    case NMI_F_IMAGE:
    case NMI_F_CANONICAL: {
        const char *abs = nmi_resolve_url(ctx, v);
        if (abs)
            nmi_add_cand(ctx, f, abs, strlen(abs), rank, src);
        return;
    }
    case NMI_F_AUTHOR:
        /* A profile URL (article:author on Facebook-minded sites) is not a
         * name. */
        if (looks_like_url(v))
            return;
        break;
    default:
        break;
    }
    nmi_add_cand(ctx, f, v, strlen(v), rank, src);
}

static void harvest_meta(nmi_ctx *ctx, const xmlNode *n)
{
    const char *content = nmi_attr(n, "content");
    if (!content)
        return;
    const char *keys[3] = {nmi_attr(n, "property"), nmi_attr(n, "name"),
                           nmi_attr(n, "itemprop")};
    const char *equiv = nmi_attr(n, "http-equiv");
    if (equiv && nmi_ieq(equiv, "content-language"))
        add_value(ctx, NMI_F_LANGUAGE, content, 24, NEWSMETA_SOURCE_META);
    for (int k = 0; k < 3; k++) {
        if (!keys[k])
            continue;
        for (size_t i = 0; i < sizeof META_KEYS / sizeof *META_KEYS; i++) {
            if (nmi_ieq(keys[k], META_KEYS[i].key)) {
                add_value(ctx, META_KEYS[i].field, content, META_KEYS[i].rank,
                          k == 2 ? NEWSMETA_SOURCE_MICRODATA : NEWSMETA_SOURCE_META);
                break;
            }
        }
    }
}

/* class, id and itemprop of an element, in one pass over its attributes */
typedef struct el_attrs {
    const char *cls, *id, *itemprop;
} el_attrs;

static void gather(const xmlNode *n, el_attrs *a)
{
    a->cls = a->id = a->itemprop = NULL;
    for (const xmlAttr *p = n->properties; p; p = p->next) {
        const char *name = (const char *)p->name;
        const char *v = p->children ? (const char *)p->children->content : NULL;
        if (!strcmp(name, "class"))
            a->cls = v;
        else if (!strcmp(name, "id"))
            a->id = v;
        else if (!strcmp(name, "itemprop"))
            a->itemprop = v;
    }
}

/* Does the class or id contain one of the words (lower case)? The value
 * is lowered once into a small buffer and searched with strstr. */
static bool class_has(const el_attrs *a, const char *const *words)
{
    const char *attrs[2] = {a->cls, a->id};
    for (int k = 0; k < 2; k++) {
        if (!attrs[k] || !*attrs[k])
            continue;
        char low[256];
        size_t n2 = 0;
        for (const char *p = attrs[k]; *p && n2 + 1 < sizeof low; p++)
            low[n2++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        low[n2] = '\0';
        for (const char *const *w = words; *w; w++)
            if (strstr(low, *w))
                return true;
    }
    return false;
}

static const char *const BYLINE_WORDS[] = {"byline", "by-line", "author", "writer", "reporter",
                                           "contributor", NULL};
static const char *const BYLINE_NOT[] = {"bio", "avatar", "image", "photo", "img", "social",
                                         "follow", "description", "more", "comment", NULL};

static const char *const DATE_WORDS[] = {"date", "time", "publish", "posted", "dateline",
                                         "pubdate", "updated", NULL};
static const char *const DATE_NOT[] = {"update", "modif", "comment", "related", "runtime",
                                       "timeline", "timer", "times", NULL};

static void harvest_itemprop(nmi_ctx *ctx, const xmlNode *n, const char *prop)
{
    /* itemprop may list several names: "datePublished dateCreated". */
    char one[48];
    const char *p = prop;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t k = 0;
        while (p[k] && p[k] != ' ')
            k++;
        if (k == 0)
            break;
        if (k < sizeof one) {
            memcpy(one, p, k);
            one[k] = '\0';
            const char *val = nmi_attr(n, "content");
            if (!val)
                val = nmi_attr(n, "datetime");
            if (nmi_ieq(one, "author") || nmi_ieq(one, "creator")) {
                /* <span itemprop=author itemscope><span itemprop=name>..</span> */
                const char *name = NULL;
                for (const xmlNode *c = n->children; c && !name; c = c->next)
                    if (c->type == XML_ELEMENT_NODE) {
                        const char *ip = nmi_attr(c, "itemprop");
                        if (ip && nmi_ieq(ip, "name"))
                            name = nmi_attr(c, "content") ? nmi_attr(c, "content")
                                                          : nmi_node_text(ctx, c);
                    }
                if (!name)
                    name = val ? val : nmi_node_text(ctx, n);
                if (name && strlen(name) < 200)
                    add_value(ctx, NMI_F_AUTHOR, name, 23, NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "datePublished")) {
                add_value(ctx, NMI_F_PUBLISHED, val ? val : nmi_node_text(ctx, n), 21,
                          NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "dateModified")) {
                add_value(ctx, NMI_F_MODIFIED, val ? val : nmi_node_text(ctx, n), 21,
                          NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "headline")) {
                add_value(ctx, NMI_F_HEADLINE, val ? val : nmi_node_text(ctx, n), 22,
                          NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "articleSection")) {
                add_value(ctx, NMI_F_SECTION, val ? val : nmi_node_text(ctx, n), 22,
                          NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "description")) {
                add_value(ctx, NMI_F_DESCRIPTION, val ? val : nmi_node_text(ctx, n), 23,
                          NEWSMETA_SOURCE_MICRODATA);
            }
        }
        p += k;
    }
}

static void walk(nmi_ctx *ctx, const xmlNode *n, int depth, bool in_head)
{
    if (depth > NMI_MAX_DEPTH || ctx->oom)
        return;
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *t = nmi_tag(c);
        bool head = in_head || !strcmp(t, "head");
        if (!strcmp(t, "meta")) {
            harvest_meta(ctx, c);
            continue;
        }
        if (!strcmp(t, "script")) {
            const char *type = nmi_attr(c, "type");
            if (type && nmi_istr(type, "ld+json") && c->children && c->children->content) {
                const char *json = (const char *)c->children->content;
                nmi_jsonld(ctx, json, strlen(json));
            }
            continue;
        }
        if (!strcmp(t, "style") || !strcmp(t, "noscript") || !strcmp(t, "template"))
            continue;
        if (!strcmp(t, "title")) {
            /* Only the document title: <svg> in the body has <title>s too. */
            if (head && !ctx->cands[NMI_F_TITLE].count) {
                const char *s = nmi_node_text(ctx, c);
                if (s)
                    nmi_add_cand(ctx, NMI_F_TITLE, s, strlen(s), 40, NEWSMETA_SOURCE_MARKUP);
            }
            continue;
        } else if (!strcmp(t, "html")) {
            const char *lang = nmi_attr(c, "lang");
            if (!lang)
                lang = nmi_attr(c, "xml:lang");
            if (lang)
                add_value(ctx, NMI_F_LANGUAGE, lang, 21, NEWSMETA_SOURCE_MARKUP);
        } else if (!strcmp(t, "link")) {
            const char *rel = nmi_attr(c, "rel"), *href = nmi_attr(c, "href");
            if (rel && href && nmi_ieq(rel, "canonical"))
                add_value(ctx, NMI_F_CANONICAL, href, 15, NEWSMETA_SOURCE_META);
            continue;
        } else if (!strcmp(t, "h1")) {
            if (ctx->cands[NMI_F_H1].count < 8) {
                const char *s = nmi_node_text(ctx, c);
                if (s)
                    nmi_add_cand(ctx, NMI_F_H1, s, strlen(s), 40, NEWSMETA_SOURCE_MARKUP);
            }
        } else if (!strcmp(t, "time")) {
            const char *dt = nmi_attr(c, "datetime");
            if (dt) {
                const char *cls = nmi_attr(c, "class");
                bool upd = cls && (nmi_istr(cls, "update") || nmi_istr(cls, "modif"));
                bool pub = nmi_attr(c, "pubdate") != NULL ||
                           (cls && (nmi_istr(cls, "publish") || nmi_istr(cls, "posted")));
                add_value(ctx, upd ? NMI_F_MODIFIED : NMI_F_PUBLISHED, dt, pub ? 35 : 45,
                          NEWSMETA_SOURCE_MARKUP);
            }
        } else if (!strcmp(t, "a")) {
            const char *rel = nmi_attr(c, "rel");
            if (rel && nmi_istr(rel, "author")) {
                const char *s = nmi_node_text(ctx, c);
                if (s && strlen(s) < 100)
                    add_value(ctx, NMI_F_AUTHOR, s, 38, NEWSMETA_SOURCE_MARKUP);
            }
        }
        el_attrs at;
        gather(c, &at);
        if (at.itemprop)
            harvest_itemprop(ctx, c, at.itemprop);
        /* Visible dates: "November 18, 2019 at 2:26 PM HST" in an element
         * whose class says date/time/published. Parsed later; text that
         * is not a date is simply not used. */
        if (!head && (at.cls || at.id) && ctx->cands[NMI_F_PUBLISHED].count < 64 &&
            class_has(&at, DATE_WORDS) && !class_has(&at, DATE_NOT) && strcmp(t, "time") != 0) {
            const char *s = nmi_node_text(ctx, c);
            if (s && strlen(s) >= 6 && strlen(s) < 120)
                nmi_add_cand(ctx, NMI_F_PUBLISHED, s, strlen(s), 50, NEWSMETA_SOURCE_TEXT);
        }
        if (!head && (at.cls || at.id) && ctx->cands[NMI_F_BYLINE].count < 8 &&
            class_has(&at, BYLINE_WORDS) && !class_has(&at, BYLINE_NOT)) {
            const char *s = nmi_node_text(ctx, c);
            if (s && strlen(s) < 160 && strlen(s) > 3)
                nmi_add_cand(ctx, NMI_F_BYLINE, s, strlen(s), 40, NEWSMETA_SOURCE_MARKUP);
        }
        walk(ctx, c->children, depth + 1, head);
    }
}

void nmi_harvest(nmi_ctx *ctx)
{
    if (!ctx->doc)
        return;
    ctx->base = ctx->url;
    /* <base href> must be known before any URL is resolved; it sits in the
     * head, so a first shallow look finds it cheaply. */
    xmlNode *root = xmlDocGetRootElement(ctx->doc);
    for (xmlNode *h = root ? root->children : NULL; h; h = h->next) {
        if (strcmp(nmi_tag(h), "head"))
            continue;
        for (xmlNode *c = h->children; c; c = c->next)
            if (!strcmp(nmi_tag(c), "base") && nmi_attr(c, "href")) {
                const char *abs = nmi_resolve_url(ctx, nmi_attr(c, "href"));
                if (abs)
                    ctx->base = abs;
                break;
            }
    }
    walk(ctx, root, 0, false);
}
