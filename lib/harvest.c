/* Stage 4a: one walk over the tree that collects a candidate for every
 * field from <meta>/<link> tags (OpenGraph, Twitter, Dublin Core, Parse.ly,
 * Sailthru, ...), itemprop microdata, <title>, <h1>, <time>, rel=author and
 * byline elements; JSON-LD blocks are handed to jsonld.c on the way, the
 * dates printed on the page to harvest_dates.c, the bylines to
 * harvest_bylines.c. At the end of the walk the
 * page's language is known and every date found is read, once.
 * The ranks are nmi_rank (internal.h); the <meta> keys rank in their
 * table below. */
#include <string.h>

#include <unicode/uchar.h>

#include "harvest.h"

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
    {"article.created", NMI_F_PUBLISHED, 27},
    {"og:published_time", NMI_F_PUBLISHED, 21},
    {"og:pubdate", NMI_F_PUBLISHED, 24},
    {"og:datepublished", NMI_F_PUBLISHED, 24},
    {"published", NMI_F_PUBLISHED, 26},
    {"published_at", NMI_F_PUBLISHED, 25},
    {"pub_date", NMI_F_PUBLISHED, 25},
    {"pdate", NMI_F_PUBLISHED, 26},
    {"displaydate", NMI_F_PUBLISHED, 26},
    {"dcterms.date", NMI_F_PUBLISHED, 27},
    {"dc.date.created", NMI_F_PUBLISHED, 27},
    {"citation_publication_date", NMI_F_PUBLISHED, 26},
    {"citation_date", NMI_F_PUBLISHED, 27},
    {"sn-post-date", NMI_F_PUBLISHED, 27},
    {"dcsext.articlefirstpublished", NMI_F_PUBLISHED, 27},
    {"analyticsattributes.articledate", NMI_F_PUBLISHED, 28},
    {"date.release", NMI_F_PUBLISHED, 28},
    {"uploaddate", NMI_F_PUBLISHED, 28},
    {"article:modified_time", NMI_F_MODIFIED, 20},
    {"og:article:modified_time", NMI_F_MODIFIED, 20},
    {"article:modified", NMI_F_MODIFIED, 21},
    {"og:updated_time", NMI_F_MODIFIED, 22},
    {"updated_time", NMI_F_MODIFIED, 23},
    {"datemodified", NMI_F_MODIFIED, 21},
    {"dcterms.modified", NMI_F_MODIFIED, 26},
    {"dc.date.modified", NMI_F_MODIFIED, 26},
    {"last-modified", NMI_F_MODIFIED, 28},
    {"lastmod", NMI_F_MODIFIED, 27},
    {"updated-date", NMI_F_MODIFIED, 27},
    {"article.updated", NMI_F_MODIFIED, 26},
    {"datelastpubbed", NMI_F_MODIFIED, 27},
    {"revision_date", NMI_F_MODIFIED, 28},
};

/* A Unix timestamp in a <meta> whose name says publication
 * ("analytics:p_ts", "publish_timestamp"): an instant beyond doubt. */
static bool epoch_key(const char *key)
{
    static const char *const WORDS[] = {"p_ts", "pub_ts", "publish", "pubdate", "pub_date",
                                        "firstpub", NULL};
    for (const char *const *w = WORDS; *w; w++)
        if (nmi_istr(key, *w))
            return !nmi_istr(key, "modif") && !nmi_istr(key, "update");
    return false;
}

/* A <meta> name no table lists that says a publication date by its
 * words ("published_on", "post-publish-date", "date.created",
 * "article_pubdate"): a publication or creation word with a date word (or
 * one that is both), and nothing of a modification, an expiry or a
 * timestamp read elsewhere. Its content is kept only if it reads as a
 * date. */
static bool publish_date_key(const char *key)
{
    static const char *const NOT[] = {"modif", "update", "expir", "edit", "_ts", "timestamp",
                                      "review", NULL};
    for (const char *const *w = NOT; *w; w++)
        if (nmi_istr(key, *w))
            return false;
    if (nmi_istr(key, "pubdate") || nmi_istr(key, "pub_date") || nmi_istr(key, "pub-date"))
        return true;
    bool what = nmi_istr(key, "publish") || nmi_istr(key, "created") || nmi_istr(key, "posted");
    bool when = nmi_istr(key, "date") || nmi_istr(key, "time") || nmi_istr(key, "_on") ||
                nmi_istr(key, "-on") || nmi_istr(key, ".on") || nmi_istr(key, "_at");
    return what && (when || nmi_istr(key, "published"));
}

static void harvest_epoch(nmi_ctx *ctx, const char *key, const char *content)
{
    size_t n = strspn(content, "0123456789");
    if ((n != 10 && n != 13) || content[n] != '\0' || !epoch_key(key))
        return;
    int64_t seconds = 0;
    for (size_t i = 0; i < n; i++)
        seconds = seconds * 10 + (content[i] - '0');
    if (n == 13)
        seconds /= 1000; /* milliseconds */
    nmi_time t;
    bool ok = nmi_time_from_unix(seconds, &t);
    nmi_add_date(ctx, NMI_F_PUBLISHED, content, n, NMI_RANK_META_EPOCH, NEWSMETA_SOURCE_META, 0,
                 ok ? &t : NULL);
}

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
         * name: the text of a link to it on the page may be (walk()). */
        if (looks_like_url(v)) {
            const char *abs = nmi_resolve_url(ctx, v);
            if (abs && ctx->ev.cands[NMI_F_AUTHOR_URL].count < 8)
                nmi_add_cand(ctx, NMI_F_AUTHOR_URL, abs, strlen(abs), rank, src);
            return;
        }
        break;
    default:
        break;
    }
    nmi_add_cand(ctx, f, v, strlen(v), rank, src);
}

/* The label of twitter:dataN, the content of its twitter:labelN sibling. */
static const char *twitter_label(const xmlNode *n, const char *data_key)
{
    char want[32];
    snprintf(want, sizeof want, "twitter:label%s", data_key + strlen("twitter:data"));
    for (const xmlNode *s = n->parent ? n->parent->children : NULL; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || !nmi_ieq((const char *)s->name, "meta"))
            continue;
        const char *key = nmi_attr(s, "name");
        if (!key)
            key = nmi_attr(s, "property");
        if (key && nmi_ieq(key, want))
            return nmi_attr(s, "content");
    }
    return NULL;
}

/* twitter:data1 under a twitter:label1 that is a writer label ("Written
 * by", "Geschrieben von"): the author the site gives to link previews. */
static void harvest_twitter_author(nmi_ctx *ctx, const xmlNode *n, const char *key,
                                   const char *content)
{
    if (!nmi_istarts(key, "twitter:data") || strlen(key) > 14)
        return;
    const char *label = twitter_label(n, key);
    bool bare;
    size_t len = label ? strlen(label) : 0;
    while (len && (label[len - 1] == ' ' || label[len - 1] == ':'))
        len--;
    if (len && nmi_byline_label(label, &bare) >= len)
        add_value(ctx, NMI_F_AUTHOR, content, NMI_RANK_TWITTER_AUTHOR, NEWSMETA_SOURCE_META);
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
        add_value(ctx, NMI_F_LANGUAGE, content, NMI_RANK_HTTP_EQUIV_LANGUAGE, NEWSMETA_SOURCE_META);
    for (int k = 0; k < 3; k++) {
        if (!keys[k])
            continue;
        if (content[0] >= '1' && content[0] <= '9')
            harvest_epoch(ctx, keys[k], content);
        if (k < 2)
            harvest_twitter_author(ctx, n, keys[k], content);
        size_t i = 0;
        for (; i < sizeof META_KEYS / sizeof *META_KEYS; i++) {
            if (nmi_ieq(keys[k], META_KEYS[i].key)) {
                add_value(ctx, META_KEYS[i].field, content, META_KEYS[i].rank,
                          k == 2 ? NEWSMETA_SOURCE_MICRODATA : NEWSMETA_SOURCE_META);
                break;
            }
        }
        if (i == sizeof META_KEYS / sizeof *META_KEYS && k < 2 && publish_date_key(keys[k]))
            add_value(ctx, NMI_F_PUBLISHED, content, NMI_RANK_META_PATTERN, NEWSMETA_SOURCE_META);
    }
}

/* class, id and itemprop of an element, in one pass over its attributes;
 * class and id also lower-cased once, for the word searches below */
typedef struct el_attrs {
    const char *cls, *id, *itemprop;
    char low[2][256];
    bool whole[2]; /* low[k] holds all of the value (not cut at 255) */
} el_attrs;

/* Returns whether all of v fitted. */
static bool lower_into(const char *v, char *out, size_t cap)
{
    size_t n = 0;
    const char *p = v ? v : "";
    for (; *p && n + 1 < cap; p++)
        out[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    out[n] = '\0';
    return !*p;
}

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
    a->whole[0] = lower_into(a->cls, a->low[0], sizeof a->low[0]);
    a->whole[1] = lower_into(a->id, a->low[1], sizeof a->low[1]);
}

/* Does the class or id contain one of the words (lower case)? */
static bool class_has(const el_attrs *a, const char *const *words)
{
    for (int k = 0; k < 2; k++) {
        if (!a->low[k][0])
            continue;
        for (const char *const *w = words; *w; w++)
            if (strstr(a->low[k], *w))
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
static const char *const DATE_NOT[] = {"comment", "related", "runtime", "timeline", "timer",
                                       "times", "timezone", "datepicker", NULL};
static const char *const DATE_UPDATED[] = {"update", "modif", NULL};
static const char *const DATE_PUBLISHED[] = {"publish", "posted", "pubdate", NULL};

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
                    add_value(ctx, NMI_F_AUTHOR, name, NMI_RANK_ITEMPROP_AUTHOR,
                              NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "datePublished")) {
                add_value(ctx, NMI_F_PUBLISHED, val ? val : nmi_node_text(ctx, n),
                          NMI_RANK_ITEMPROP_DATE, NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "dateModified")) {
                add_value(ctx, NMI_F_MODIFIED, val ? val : nmi_node_text(ctx, n),
                          NMI_RANK_ITEMPROP_DATE, NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "headline")) {
                add_value(ctx, NMI_F_HEADLINE, val ? val : nmi_node_text(ctx, n),
                          NMI_RANK_ITEMPROP_HEADLINE, NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "articleSection")) {
                add_value(ctx, NMI_F_SECTION, val ? val : nmi_node_text(ctx, n),
                          NMI_RANK_ITEMPROP_HEADLINE, NEWSMETA_SOURCE_MICRODATA);
            } else if (nmi_ieq(one, "description")) {
                add_value(ctx, NMI_F_DESCRIPTION, val ? val : nmi_node_text(ctx, n),
                          NMI_RANK_ITEMPROP_AUTHOR, NEWSMETA_SOURCE_MICRODATA);
            }
        }
        p += k;
    }
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct walk_state {
    bool head;      /* inside <head> */
    bool comments;  /* inside a comment section: nothing there credits the article */
} walk_state;

typedef struct walk_pos {
    bool seen_h1;
    unsigned since_h1; /* elements since the last <h1> ended */
    nmi_page_dates dates;
} walk_pos;

/* A byline right under the headline is within this many elements of it. */
#define NMI_NEAR_H1 12

/* A class or id that opens a comment section ("comments", "comment-list",
 * "commentlist", "disqus_thread"), or an itemtype of Comment. */
static bool comment_section(const xmlNode *c, const el_attrs *at)
{
    const char *t = nmi_tag(c);
    if (!strcmp(t, "html") || !strcmp(t, "body") || !strcmp(t, "main"))
        return false;
    const char *attrs[2] = {at->cls, at->id};
    for (int k = 0; k < 2; k++) {
        if (!attrs[k])
            continue;
        /* the lower-cased copy, unless the value was too long for it */
        const char *v = at->whole[k] ? at->low[k] : attrs[k];
        for (const char *p = v; (p = at->whole[k] ? strstr(p, "comment") : nmi_istr(p, "comment"));
             p++) {
            /* a word of its own at the start of a class token or after a
             * separator: "comments", "comment-list", "commentlist", not
             * "commentary" */
            if (!(p == v || p[-1] == ' ' || p[-1] == '-' || p[-1] == '_'))
                continue;
            const char *e = p + 7;
            if (*e == 's' || *e == 'S')
                e++;
            if (!*e || *e == ' ' || *e == '-' || *e == '_' || nmi_istarts(e, "list") ||
                nmi_istarts(e, "box") || nmi_istarts(e, "form") || nmi_istarts(e, "area") ||
                nmi_istarts(e, "wrap") || nmi_istarts(e, "thread"))
                return true;
        }
        if (at->whole[k] ? strstr(v, "disqus") != NULL : nmi_istr(v, "disqus") != NULL)
            return true;
    }
    const char *it = nmi_attr(c, "itemtype");
    return it && nmi_istr(it, "schema.org/Comment");
}

/* Does the <h1> only hold a link to another page (a teaser of another
 * story, or a logo linking home)? */
static bool h1_links_away(nmi_ctx *ctx, const xmlNode *h1, const char *text)
{
    const xmlNode *a = NULL;
    for (const xmlNode *c = h1->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++)
                if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
                    return false;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (a || strcmp(nmi_tag(c), "a"))
            return false;
        a = c;
    }
    if (!a)
        return false;
    const char *at = nmi_node_text(ctx, a);
    if (!at || strcmp(at, text))
        return false;
    const char *href = nmi_resolve_url(ctx, nmi_attr(a, "href"));
    if (!href || !ctx->url)
        return false;
    /* the same page, perhaps with another query or a trailing slash */
    size_t hn = strcspn(href, "?#"), un = strcspn(ctx->url, "?#");
    while (hn && href[hn - 1] == '/')
        hn--;
    while (un && ctx->url[un - 1] == '/')
        un--;
    const char *hp = strstr(href, "://"), *up = strstr(ctx->url, "://");
    if (hp && up) {
        hn -= (size_t)(hp - href);
        un -= (size_t)(up - ctx->url);
        if (hn == un && !strncmp(hp, up, hn))
            return false;
    }
    const nmi_cand *canon = nmi_best_cand(ctx, NMI_F_CANONICAL);
    return !(canon && !strncmp(canon->value, href, strcspn(canon->value, "?#")));
}

/* The tags the walk treats apart, told from the first letter: this runs
 * for every element of the page. */
typedef enum {
    HT_OTHER, HT_A, HT_H1, HT_HEAD, HT_HTML, HT_INPUT, HT_LINK, HT_META, HT_SCRIPT,
    HT_SKIP, /* style, noscript, template: nothing of the article inside */
    HT_TIME, HT_TITLE
} harvest_tag;

static harvest_tag tag_kind(const char *t)
{
    switch (t[0]) {
    case 'a':
        return t[1] ? HT_OTHER : HT_A;
    case 'h':
        if (t[1] == '1' && !t[2])
            return HT_H1;
        return !strcmp(t, "head") ? HT_HEAD : !strcmp(t, "html") ? HT_HTML : HT_OTHER;
    case 'i':
        return !strcmp(t, "input") ? HT_INPUT : HT_OTHER;
    case 'l':
        return !strcmp(t, "link") ? HT_LINK : HT_OTHER;
    case 'm':
        return !strcmp(t, "meta") ? HT_META : HT_OTHER;
    case 'n':
        return !strcmp(t, "noscript") ? HT_SKIP : HT_OTHER;
    case 's':
        return !strcmp(t, "script") ? HT_SCRIPT : !strcmp(t, "style") ? HT_SKIP : HT_OTHER;
    case 't':
        return !strcmp(t, "title")      ? HT_TITLE
               : !strcmp(t, "time")     ? HT_TIME
               : !strcmp(t, "template") ? HT_SKIP
                                        : HT_OTHER;
    default:
        return HT_OTHER;
    }
}

/* <h1>: a candidate, and where it is for the dates near it. */
static void harvest_h1(nmi_ctx *ctx, const xmlNode *h1, bool head, walk_pos *pos)
{
    if (!head)
        nmi_page_dates_h1(&pos->dates, false);
    if (ctx->ev.cands[NMI_F_H1].count >= 8)
        return;
    const char *s = nmi_node_text(ctx, h1);
    if (!s)
        return;
    /* an <h1> that only links to another page is a teaser */
    bool teaser = h1_links_away(ctx, h1, s);
    nmi_cands *h1s = &ctx->ev.cands[NMI_F_H1];
    size_t before = h1s->count;
    nmi_add_cand_flags(ctx, NMI_F_H1, s, strlen(s), teaser ? NMI_RANK_H1_TEASER : NMI_RANK_H1,
                       NEWSMETA_SOURCE_MARKUP, teaser ? NMI_CAND_TEASER : 0u);
    /* its elements: a kicker, a date, a source link beside the headline
     * (reconcile_headline.c tells them from it) */
    if (h1s->count > before)
        h1s->items[before].parts = nmi_byline_parts_of(ctx, h1, 600);
}

/* <a>: rel=author, a signature's mail link, a link to an author's profile. */
static void harvest_link(nmi_ctx *ctx, const xmlNode *a)
{
    const char *href = nmi_attr(a, "href");
    const char *rel = nmi_attr(a, "rel");
    if (rel && nmi_istr(rel, "author")) {
        const char *s = nmi_node_text(ctx, a);
        if (s && strlen(s) < 100)
            add_value(ctx, NMI_F_AUTHOR, s, NMI_RANK_AUTHOR_LINK, NEWSMETA_SOURCE_MARKUP);
    }
    if (href && nmi_istarts(href, "mailto:"))
        nmi_signature(ctx, a);
    else if (href) {
        nmi_profile_link(ctx, a);
        nmi_author_path_link(ctx, a, href);
    }
}

/* The elements of the document read for themselves: <meta>, JSON-LD,
 * <title>, <html lang>, <link rel=canonical>, and in the body <h1>,
 * <time>, hidden inputs, links. False when the walk does not go below. */
static bool harvest_element(nmi_ctx *ctx, const xmlNode *c, harvest_tag k, walk_state st,
                            walk_pos *pos)
{
    switch (k) {
    case HT_META:
        harvest_meta(ctx, c);
        return false;
    case HT_SCRIPT: {
        const char *type = nmi_attr(c, "type");
        /* other scripts are empty here: prune.c read them */
        if (type && nmi_istr(type, "ld+json") && c->children && c->children->content) {
            const char *json = (const char *)c->children->content;
            nmi_jsonld(ctx, json, strlen(json));
        }
        return false;
    }
    case HT_SKIP:
        return false;
    case HT_TITLE:
        /* Only the document title: <svg> in the body has <title>s too. */
        if (st.head && !ctx->ev.cands[NMI_F_TITLE].count) {
            const char *s = nmi_node_text(ctx, c);
            if (s)
                nmi_add_cand(ctx, NMI_F_TITLE, s, strlen(s), NMI_RANK_TITLE,
                             NEWSMETA_SOURCE_MARKUP);
        }
        return false;
    case HT_LINK: {
        const char *rel = nmi_attr(c, "rel"), *href = nmi_attr(c, "href");
        if (rel && href && nmi_ieq(rel, "canonical"))
            add_value(ctx, NMI_F_CANONICAL, href, NMI_RANK_CANONICAL_LINK, NEWSMETA_SOURCE_META);
        return false;
    }
    case HT_HTML: {
        const char *lang = nmi_attr(c, "lang");
        if (!lang)
            lang = nmi_attr(c, "xml:lang");
        if (lang)
            add_value(ctx, NMI_F_LANGUAGE, lang, NMI_RANK_HTML_LANG, NEWSMETA_SOURCE_MARKUP);
        return true;
    }
    case HT_H1:
        harvest_h1(ctx, c, st.head, pos);
        return true;
    default:
        break;
    }
    if (st.head)
        return true;
    if (k == HT_TIME) {
        nmi_time_element(ctx, c, st.comments, &pos->dates);
    } else if (k == HT_INPUT) {
        /* <input type=hidden class="published_date" value="2019-11-18 23:41:18"> */
        const char *cls = nmi_attr(c, "class"), *val = nmi_attr(c, "value");
        if (cls && val && nmi_utf8_any(val, strlen(val), u_isdigit) && strlen(val) < 64 &&
            (nmi_istr(cls, "publish") || nmi_istr(cls, "modified") || nmi_istr(cls, "updated")))
            add_value(ctx, nmi_istr(cls, "publish") ? NMI_F_PUBLISHED : NMI_F_MODIFIED, val,
                      NMI_RANK_HIDDEN_INPUT, NEWSMETA_SOURCE_MARKUP);
    } else if (k == HT_A && !st.comments) {
        harvest_link(ctx, c);
    }
    return true;
}

/* What an element's class, id and itemprop say: a comment section starts
 * (for its children: *st), microdata, a printed date, a byline. */
static void harvest_classes(nmi_ctx *ctx, const xmlNode *c, harvest_tag k, walk_state *st,
                            walk_pos *pos)
{
    el_attrs at;
    gather(c, &at);
    if (!st->comments && !st->head && (at.cls || at.id || nmi_attr(c, "itemtype")) &&
        comment_section(c, &at))
        st->comments = true;
    if (at.itemprop && !st->comments)
        harvest_itemprop(ctx, c, at.itemprop);
    if (st->head || st->comments || !(at.cls || at.id))
        return;
    /* Visible dates: "November 18, 2019 at 2:26 PM HST" in an element
     * whose class says date/time/published (or updated). Ranked and
     * parsed after the walk; text that is not a date is not used. */
    if (k != HT_TIME && k != HT_INPUT && class_has(&at, DATE_WORDS) && !class_has(&at, DATE_NOT)) {
        const char *s = nmi_node_text(ctx, c);
        bool upd = class_has(&at, DATE_UPDATED) && !class_has(&at, DATE_PUBLISHED);
        if (s && strlen(s) < 200)
            nmi_date_seen_add(ctx, &pos->dates, s, upd ? NMI_SEEN_MODIFIED : 0u);
    }
    if (ctx->ev.cands[NMI_F_BYLINE].count < 32 && class_has(&at, BYLINE_WORDS) &&
        !class_has(&at, BYLINE_NOT)) {
        const nmi_byline_parts *bp = nmi_byline_parts_of(ctx, c, 200);
        const char *s = bp ? nmi_byline_parts_join(ctx, bp, ' ') : NULL;
        if (s && strlen(s) > 3) {
            nmi_add_byline(ctx, bp, NMI_RANK_BYLINE_CLASS, NEWSMETA_SOURCE_MARKUP, 0u);
            nmi_date_seen_add(ctx, &pos->dates, s, NMI_CAND_IN_BYLINE);
        }
    }
}

static void walk(nmi_ctx *ctx, const xmlNode *n, int depth, walk_state st, walk_pos *pos)
{
    if (depth > NMI_MAX_DEPTH || ctx->oom)
        return;
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            if (!st.head && !st.comments) {
                bool near = pos->seen_h1 && pos->since_h1 <= NMI_NEAR_H1;
                nmi_byline_label_line(ctx, c, near, &pos->dates);
                nmi_date_label_line(ctx, c, &pos->dates);
                nmi_date_bare_line(ctx, c, &pos->dates);
            }
            if (!st.head && c->content) {
                nmi_page_dates_title_text(ctx, &pos->dates, (const char *)c->content);
                nmi_page_dates_text(&pos->dates, (const char *)c->content);
            }
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        pos->since_h1++;
        harvest_tag k = tag_kind(nmi_tag(c));
        walk_state cs = st;
        cs.head = st.head || k == HT_HEAD;
        if (!harvest_element(ctx, c, k, cs, pos))
            continue;
        harvest_classes(ctx, c, k, &cs, pos);
        walk(ctx, c->children, depth + 1, cs, pos);
        if (k == HT_H1) {
            pos->seen_h1 = true;
            pos->since_h1 = 0;
            if (!cs.head)
                nmi_page_dates_h1(&pos->dates, true);
        }
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
    walk_state st = {false, false};
    walk_pos pos;
    memset(&pos, 0, sizeof pos);
    walk(ctx, root, 0, st, &pos);
    /* the page's language is known now: its dates can be read */
    nmi_date_hints h;
    nmi_date_hints_init(ctx, &h);
    nmi_rank_page_dates(ctx, &pos.dates, &h);
    nmi_read_dates(ctx, &h);
}
