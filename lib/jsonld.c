/* Stage 4b: JSON-LD (schema.org) blocks, parsed with Jansson.
 *
 * Article objects are found at any nesting that matters in practice: the
 * top level, arrays of objects, "@graph", and "mainEntity". Their authors
 * may be strings, Person/Organization objects, arrays, or bare {"@id"}
 * references into the @graph, which are resolved. Ranks: nmi_rank
 * (internal.h), from the object a value is found on. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

typedef enum obj_kind { K_OTHER, K_NEWS, K_ARTICLE, K_WEBPAGE, K_WEBSITE, K_ORG, K_PERSON } obj_kind;

static const char *const NEWS_TYPES[] = {
    "NewsArticle",          "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle",   "ReviewNewsArticle",    "BackgroundNewsArticle",
    "AskPublicNewsArticle", "LiveBlogPosting",      NULL};
static const char *const ARTICLE_TYPES[] = {"Article",     "BlogPosting", "SocialMediaPosting",
                                            "TechArticle", "Report",      "ScholarlyArticle",
                                            "Review",      "Blog",        NULL};

static bool in_list(const char *s, const char *const *list)
{
    /* Types may come as full IRIs: "http://schema.org/NewsArticle". */
    const char *slash = strrchr(s, '/');
    if (slash)
        s = slash + 1;
    for (; *list; list++)
        if (nmi_ieq(s, *list))
            return true;
    return false;
}

static obj_kind kind_of_type(const char *t)
{
    if (in_list(t, NEWS_TYPES))
        return K_NEWS;
    if (in_list(t, ARTICLE_TYPES))
        return K_ARTICLE;
    const char *s = strrchr(t, '/') ? strrchr(t, '/') + 1 : t;
    if (nmi_ieq(s, "WebPage") || nmi_ieq(s, "ItemPage") || nmi_ieq(s, "CollectionPage"))
        return K_WEBPAGE;
    if (nmi_ieq(s, "WebSite"))
        return K_WEBSITE;
    if (nmi_ieq(s, "Organization") || nmi_ieq(s, "NewsMediaOrganization") ||
        nmi_ieq(s, "Corporation"))
        return K_ORG;
    if (nmi_ieq(s, "Person"))
        return K_PERSON;
    return K_OTHER;
}

static obj_kind kind_of(json_t *obj)
{
    json_t *t = json_object_get(obj, "@type");
    if (json_is_string(t))
        return kind_of_type(json_string_value(t));
    obj_kind best = K_OTHER;
    if (json_is_array(t)) {
        size_t i;
        json_t *v;
        json_array_foreach(t, i, v)
        {
            if (!json_is_string(v))
                continue;
            obj_kind k = kind_of_type(json_string_value(v));
            if (k != K_OTHER && (best == K_OTHER || k < best))
                best = k;
        }
    }
    return best;
}

typedef struct jl {
    nmi_ctx *ctx;
    json_t *ids[256]; /* objects carrying an @id, for reference lookup */
    size_t nids;
    bool ids_full;    /* some objects with an @id were not indexed */
} jl;

/* Beyond the nesting followed (max_jsonld_depth): the record says so. */
static bool too_deep(jl *j, int depth)
{
    if (depth <= (int)j->ctx->opts.max_jsonld_depth)
        return false;
    j->ctx->truncated |= NEWSMETA_TRUNCATED_JSONLD;
    return true;
}

/* Is v an array or an object, which visit() and index_ids() follow? Only
 * those can be lost beyond the depth followed. */
static bool container(const json_t *v)
{
    return json_is_array(v) || json_is_object(v);
}

static void index_ids(jl *j, json_t *v, int depth)
{
    if (j->ids_full || !container(v) || too_deep(j, depth))
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) index_ids(j, e, depth + 1);
    } else if (json_is_object(v)) {
        json_t *id = json_object_get(v, "@id");
        if (json_is_string(id) && json_object_size(v) > 1) {
            if (j->nids == sizeof j->ids / sizeof *j->ids) {
                j->ids_full = true;
                return;
            }
            j->ids[j->nids++] = v;
        }
        index_ids(j, json_object_get(v, "@graph"), depth + 1);
    }
}

/* A bare {"@id": "..."} resolved to the full object, when the page has it.
 * One left unresolved because the index was full is a value lost to a
 * limit: the record says so. */
static json_t *deref(jl *j, json_t *v)
{
    if (!json_is_object(v) || json_object_size(v) != 1)
        return v;
    json_t *id = json_object_get(v, "@id");
    if (!json_is_string(id))
        return v;
    for (size_t i = 0; i < j->nids; i++) {
        json_t *other = json_object_get(j->ids[i], "@id");
        if (json_is_string(other) && !strcmp(json_string_value(other), json_string_value(id)))
            return j->ids[i];
    }
    if (j->ids_full)
        j->ctx->truncated |= NEWSMETA_TRUNCATED_JSONLD;
    return v;
}

static void add_str(jl *j, nmi_field f, const char *s, int rank)
{
    if (!s || !*s)
        return;
    bool oom = false;
    s = nmi_decode_entities(j->ctx->arena, s, &oom);
    if (oom)
        j->ctx->oom = true;
    if (f == NMI_F_IMAGE || f == NMI_F_CANONICAL) {
        s = nmi_resolve_url(j->ctx, s);
        if (!s)
            return;
    }
    nmi_add_cand(j->ctx, f, s, strlen(s), rank, NEWSMETA_SOURCE_JSONLD);
}

/* Keywords: "a, b, c", each whole however long. */
static void add_keywords(jl *j, const char *s, int rank)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (!copy) {
        j->ctx->oom = true;
        return;
    }
    memcpy(copy, s, n + 1);
    for (char *p = copy;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        add_str(j, NMI_F_TAG, p, rank);
        if (!comma)
            break;
        p = comma + 1;
    }
    free(copy);
}

/* A string, or each string of an array (or "name" of objects); depth is
 * the nesting of v in the block (a value of an object has the object's). */
static void add_strings(jl *j, nmi_field f, json_t *v, int rank, int depth)
{
    if (!v || too_deep(j, depth))
        return;
    if (json_is_string(v)) {
        if (f == NMI_F_TAG)
            add_keywords(j, json_string_value(v), rank);
        else
            add_str(j, f, json_string_value(v), rank);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) add_strings(j, f, e, rank, depth + 1);
    } else if (json_is_object(v)) {
        v = deref(j, v);
        json_t *name = json_object_get(v, "name");
        if (!name && (f == NMI_F_IMAGE || f == NMI_F_CANONICAL)) {
            name = json_object_get(v, "url");
            if (!name)
                name = json_object_get(v, "@id");
            if (!name)
                name = json_object_get(v, "contentUrl");
        }
        if (json_is_string(name))
            add_str(j, f, json_string_value(name), rank);
    }
}

static void add_author_url(jl *j, const char *url, int rank)
{
    const char *abs = nmi_resolve_url(j->ctx, url);
    if (abs && j->ctx->ev.cands[NMI_F_AUTHOR_URL].count < 8)
        nmi_add_cand(j->ctx, NMI_F_AUTHOR_URL, abs, strlen(abs), rank, NEWSMETA_SOURCE_JSONLD);
}

static void add_people(jl *j, json_t *v, int rank, int depth)
{
    if (!v || too_deep(j, depth))
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) add_people(j, e, rank, depth + 1);
        return;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        /* a profile URL is not a name: a link to it may give one
         * (harvest.c) */
        if (nmi_istarts(s, "http://") || nmi_istarts(s, "https://"))
            add_author_url(j, s, rank);
        else
            add_str(j, NMI_F_AUTHOR, s, rank);
        return;
    }
    if (!json_is_object(v))
        return;
    v = deref(j, v);
    json_t *name = json_object_get(v, "name");
    if (json_is_array(name)) /* seen in the wild: "name": ["Jane Doe"] */
        name = json_array_get(name, 0);
    if (!json_is_string(name)) {
        json_t *url = json_object_get(v, "url");
        if (json_is_string(url) && kind_of(v) != K_ORG)
            add_author_url(j, json_string_value(url), rank);
        return;
    }
    /* An organization credited as author is not a person: an agency or
     * the newsroom (reconcile_authors.c tells which), and the publisher
     * when the page names no other. */
    if (kind_of(v) == K_ORG) {
        add_str(j, NMI_F_AGENCY, json_string_value(name), rank);
        add_str(j, NMI_F_PUBLISHER, json_string_value(name), rank + NMI_LD_WEAKER_ORG_PUBLISHER);
        return;
    }
    add_str(j, NMI_F_AUTHOR, json_string_value(name), rank);
}

/* The values of an article (or page) object o, at o's depth. */
static void take_article(jl *j, json_t *o, int rank, int depth)
{
    json_t *headline = json_object_get(o, "headline");
    if (json_is_string(headline))
        add_str(j, NMI_F_HEADLINE, json_string_value(headline), rank);
    else
        add_strings(j, NMI_F_HEADLINE, json_object_get(o, "name"), rank + NMI_LD_WEAKER_NAME,
                    depth);
    add_strings(j, NMI_F_DESCRIPTION, json_object_get(o, "description"), rank, depth);
    add_strings(j, NMI_F_PUBLISHED, json_object_get(o, "datePublished"), rank, depth);
    add_strings(j, NMI_F_PUBLISHED, json_object_get(o, "dateCreated"), rank + NMI_LD_WEAKER_CREATED,
                depth);
    add_strings(j, NMI_F_MODIFIED, json_object_get(o, "dateModified"), rank, depth);
    add_people(j, json_object_get(o, "author"), rank, depth);
    add_people(j, json_object_get(o, "creator"), rank + NMI_LD_WEAKER_CREATOR, depth);
    json_t *pub = json_object_get(o, "publisher");
    if (json_is_array(pub))
        pub = json_array_get(pub, 0);
    add_strings(j, NMI_F_PUBLISHER, pub, rank, depth);
    add_strings(j, NMI_F_IMAGE, json_object_get(o, "image"), rank, depth);
    add_strings(j, NMI_F_IMAGE, json_object_get(o, "thumbnailUrl"), rank + NMI_LD_WEAKER_THUMBNAIL,
                depth);
    add_strings(j, NMI_F_SECTION, json_object_get(o, "articleSection"), rank, depth);
    add_strings(j, NMI_F_TAG, json_object_get(o, "keywords"), rank, depth);
    add_strings(j, NMI_F_LANGUAGE, json_object_get(o, "inLanguage"), rank, depth);
    json_t *body = json_object_get(o, "articleBody");
    if (json_is_string(body))
        add_str(j, NMI_F_BODY, json_string_value(body), rank);
    json_t *url = json_object_get(o, "url");
    if (json_is_string(url))
        add_str(j, NMI_F_CANONICAL, json_string_value(url), rank + NMI_LD_WEAKER_URL);
}

static void take_dates(jl *j, json_t *o, int rank, int depth)
{
    add_strings(j, NMI_F_PUBLISHED, json_object_get(o, "datePublished"), rank, depth);
    add_strings(j, NMI_F_PUBLISHED, json_object_get(o, "dateCreated"),
                rank + NMI_LD_WEAKER_OTHER_CREATED, depth);
    add_strings(j, NMI_F_PUBLISHED, json_object_get(o, "uploadDate"), rank + NMI_LD_WEAKER_UPLOADED,
                depth);
    add_strings(j, NMI_F_MODIFIED, json_object_get(o, "dateModified"), rank, depth);
}

/* A block Jansson rejects (a trailing comma, an unescaped quote in a
 * headline) still names its dates: "datePublished": "2019-11-18T16:06:51-05:00". */
static void scan_dates(nmi_ctx *ctx, const char *s)
{
    static const struct {
        const char *key;
        nmi_field field;
        int rank;
    } KEYS[] = {{"\"datePublished\"", NMI_F_PUBLISHED, NMI_RANK_LD_SCANNED},
                {"\"dateCreated\"", NMI_F_PUBLISHED, NMI_RANK_LD_SCANNED_CREATED},
                {"\"dateModified\"", NMI_F_MODIFIED, NMI_RANK_LD_SCANNED}};
    for (size_t k = 0; k < sizeof KEYS / sizeof *KEYS; k++) {
        const char *p = strstr(s, KEYS[k].key);
        if (!p)
            continue;
        p += strlen(KEYS[k].key);
        while (*p == ' ')
            p++;
        if (*p++ != ':')
            continue;
        while (*p == ' ')
            p++;
        if (*p++ != '"')
            continue;
        size_t n = strcspn(p, "\"\\");
        if (n > 0 && n < 64 && p[n] == '"')
            nmi_add_cand(ctx, KEYS[k].field, p, n, KEYS[k].rank, NEWSMETA_SOURCE_JSONLD);
    }
}

static void visit(jl *j, json_t *v, int depth)
{
    if (j->ctx->oom || !container(v) || too_deep(j, depth))
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) visit(j, e, depth + 1);
        return;
    }
    switch (kind_of(v)) {
    case K_NEWS:
        take_article(j, v, NMI_RANK_LD_NEWS, depth);
        break;
    case K_ARTICLE:
        take_article(j, v, NMI_RANK_LD_ARTICLE, depth);
        break;
    case K_WEBPAGE:
        take_article(j, v, NMI_RANK_LD_WEBPAGE, depth);
        break;
    case K_WEBSITE:
        add_strings(j, NMI_F_SITE_NAME, json_object_get(v, "name"), NMI_RANK_LD_WEBSITE, depth);
        break;
    case K_ORG:
        add_strings(j, NMI_F_PUBLISHER, json_object_get(v, "name"), NMI_RANK_LD_ORGANIZATION,
                    depth);
        break;
    default:
        /* dates of the page's main object whatever its type
         * (MedicalWebPage, ClaimReview, VideoObject) */
        take_dates(j, v, NMI_RANK_LD_OTHER, depth);
        break;
    }
    visit(j, json_object_get(v, "@graph"), depth + 1);
    json_t *main = json_object_get(v, "mainEntity");
    if (json_is_object(main) || json_is_array(main))
        visit(j, main, depth + 1);
}

/* The value of the four hex digits at p (n bytes left), or -1. */
static long hex4(const char *p, size_t n)
{
    if (n < 4)
        return -1;
    char digits[5] = {0};
    for (int i = 0; i < 4; i++) {
        if (!isxdigit((unsigned char)p[i]))
            return -1;
        digits[i] = p[i];
    }
    return strtol(digits, NULL, 16);
}

/* Jansson refuses a whole block for one \u0000 (a NUL inside a string) or
 * one unpaired surrogate escape; each becomes \uFFFD in place (the same
 * six bytes), so the block's other values are still read. A backslash
 * starts a two-byte escape or a \uXXXX one (outside strings the block is
 * invalid anyway), so each escape is stepped over whole: the "\\" of
 * "\\u0000" is not the start of a \u escape. */
static void repair_escapes(char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        long u = s[i + 1] == 'u' ? hex4(s + i + 2, n - i - 2) : -1;
        if (u < 0) {
            i++; /* the escaped character */
            continue;
        }
        if (u >= 0xD800 && u <= 0xDBFF && i + 12 <= n && s[i + 6] == '\\' && s[i + 7] == 'u') {
            long low = hex4(s + i + 8, n - i - 8);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                i += 11; /* a valid pair */
                continue;
            }
        }
        if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
            memcpy(s + i + 2, "FFFD", 4);
        i += 5;
    }
}

void nmi_jsonld(nmi_ctx *ctx, const char *text, size_t len)
{
    if (len == 0)
        return;
    /* A megabyte-scale block is a data dump (product catalogue,
     * comments), never article metadata. */
    if (len > ctx->opts.max_jsonld_bytes) {
        ctx->truncated |= NEWSMETA_TRUNCATED_JSONLD;
        return;
    }
    /* Tolerate what CMSs commonly emit: HTML comment or CDATA wrappers and
     * raw newlines/tabs inside strings (invalid JSON, harmless as spaces). */
    char *buf = malloc(len + 1);
    if (!buf) {
        ctx->oom = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        buf[n++] = c < 0x20 ? ' ' : (char)c;
    }
    buf[n] = '\0';
    repair_escapes(buf, n);
    char *s = buf;
    while (*s == ' ')
        s++;
    if (!strncmp(s, "<!--", 4))
        s += 4;
    else if (!strncmp(s, "//<![CDATA[", 11))
        s += 11;
    else if (!strncmp(s, "<![CDATA[", 9))
        s += 9;
    json_error_t jerr;
    json_t *root = json_loadb(s, n - (size_t)(s - buf), JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY,
                              &jerr);
    if (!root && json_error_code(&jerr) == json_error_stack_overflow)
        ctx->truncated |= NEWSMETA_TRUNCATED_JSONLD; /* deeper than Jansson's 2048 */
    if (root) {
        jl *j = calloc(1, sizeof *j);
        if (j) {
            j->ctx = ctx;
            index_ids(j, root, 0);
            visit(j, root, 0);
            free(j);
        } else {
            ctx->oom = true;
        }
        json_decref(root);
    } else {
        scan_dates(ctx, s);
    }
    free(buf);
}
