/* Stage 3: UTF-8 text -> libxml2 HTML tree, and small tree helpers: the
 * one walker over visible text (nmi_walk_text) that every reader of text
 * uses with its own skip policy, attributes, URLs.
 *
 * The parser runs with recovery on, all error output off and no network.
 * We never install libxml2 error handlers (process-wide) and never call
 * xmlCleanupParser(): both would disturb other libxml2 users in the same
 * process. */
#include <string.h>

#include <libxml/uri.h>

#include "internal.h"

htmlDocPtr nmi_parse_html_utf8(const char *utf8, size_t len)
{
    if (len > INT32_MAX)
        return NULL;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    return htmlReadMemory(utf8, (int)len, NULL, "UTF-8", opts);
}

const char *nmi_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && nmi_ieq((const char *)a->name, name)) {
            const xmlNode *t = a->children;
            if (t && (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && !t->next)
                return t->content ? (const char *)t->content : "";
            return t ? (const char *)(t->content ? t->content : (const xmlChar *)"") : "";
        }
    }
    return NULL;
}

/* ---- the visible-text walker --------------------------------------------- */

/* Is an element left out under the skip policy? Told from the first
 * letter: this runs for every element below. The content of <script>,
 * <style>, <noscript> and <template> is never visible text. */
static bool skipped(const char *t, unsigned skip)
{
    bool head = skip & NMI_TEXT_SKIP_HEAD, widgets = skip & NMI_TEXT_SKIP_WIDGETS;
    switch (t[0]) {
    case 'b':
        return widgets && !strcmp(t, "button");
    case 'h':
        return head && !strcmp(t, "head");
    case 'i':
        return widgets && !strcmp(t, "iframe");
    case 'n':
        return !strcmp(t, "noscript");
    case 's':
        return !strcmp(t, "script") || !strcmp(t, "style") ||
               (widgets && (!strcmp(t, "svg") || !strcmp(t, "select")));
    case 't':
        return !strcmp(t, "template") || (head && !strcmp(t, "title"));
    default:
        return false;
    }
}

static void walk_text(const xmlNode *first, const nmi_text_walk *w, void *sink, int depth)
{
    if (depth > w->max_depth)
        return;
    for (const xmlNode *c = first; c && !(w->full && w->full(sink)); c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content && c->content[0])
                w->text(sink, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || skipped(nmi_tag(c), w->skip))
            continue;
        if (w->enter)
            w->enter(sink, c);
        walk_text(c->children, w, sink, depth + 1);
        if (w->leave)
            w->leave(sink, c);
    }
}

void nmi_walk_text(const xmlNode *first, const nmi_text_walk *w, void *sink)
{
    walk_text(first, w, sink, 0);
}

/* ---- an element's text --------------------------------------------------- */

static void text_append(void *sink, const char *s)
{
    nmi_buf_append_collapsed(sink, s, strlen(s));
}

/* Block boundaries separate words even without whitespace in the source:
 * <div>Jane Doe</div><div>Reuters</div>. The blocks: br, div, p, li, td,
 * h1-h3, section, tr, dd, dt. */
static void text_boundary(void *sink, const xmlNode *el)
{
    const char *t = nmi_tag(el);
    bool block;
    switch (t[0]) {
    case 'b':
        block = !strcmp(t, "br");
        break;
    case 'd':
        block = !strcmp(t, "div") || !strcmp(t, "dd") || !strcmp(t, "dt");
        break;
    case 'h':
        block = t[1] >= '1' && t[1] <= '3' && !t[2];
        break;
    case 'l':
        block = !strcmp(t, "li");
        break;
    case 'p':
        block = !t[1];
        break;
    case 's':
        block = !strcmp(t, "section");
        break;
    case 't':
        block = !strcmp(t, "td") || !strcmp(t, "tr");
        break;
    default:
        block = false;
    }
    if (block)
        nmi_buf_append_collapsed(sink, " ", 1);
}

char *nmi_node_text(nmi_ctx *ctx, const xmlNode *n)
{
    if (!n)
        return NULL;
    nmi_buf b;
    nmi_buf_init(&b);
    if (n->type == XML_TEXT_NODE) {
        if (n->content)
            nmi_buf_append_collapsed(&b, (const char *)n->content,
                                     strlen((const char *)n->content));
    } else {
        static const nmi_text_walk WALK = {0, NMI_MAX_DEPTH, text_append, text_boundary,
                                           text_boundary, NULL};
        nmi_walk_text(n->children, &WALK, &b);
    }
    char *r = NULL;
    if (b.oom)
        ctx->oom = true;
    else if (b.len)
        r = nmi_clean_text(ctx->arena, b.data, b.len, &ctx->oom);
    nmi_buf_free(&b);
    return r;
}

/* url in the record's arena; NULL (and ctx->oom) when memory ran out. */
static const char *copy_url(nmi_ctx *ctx, const char *url)
{
    const char *r = nmi_arena_strdup(ctx->arena, url);
    if (!r)
        ctx->oom = true;
    return r;
}

/* The href as a browser reads it (the WHATWG URL standard): leading and
 * trailing C0 controls and spaces stripped, tabs and line breaks removed
 * anywhere ("java&#9;script:" is "javascript:"). An arena string; NULL
 * when nothing is left or out of memory (ctx->oom). */
static char *normalized_href(nmi_ctx *ctx, const char *href)
{
    const unsigned char *s = (const unsigned char *)href;
    size_t n = strlen(href);
    while (n && s[0] <= 0x20)
        s++, n--;
    while (n && s[n - 1] <= 0x20)
        n--;
    if (!n)
        return NULL;
    char *out = nmi_arena_alloc(ctx->arena, n + 1);
    if (!out) {
        ctx->oom = true;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            out[k++] = (char)s[i];
    out[k] = '\0';
    return out;
}

/* The length of the scheme that starts url ("https" of "https://..."),
 * 0 when url is relative. */
static size_t scheme_len(const char *url)
{
    if (!((*url | 32) >= 'a' && (*url | 32) <= 'z'))
        return 0;
    size_t i = 1;
    while (((url[i] | 32) >= 'a' && (url[i] | 32) <= 'z') || (url[i] >= '0' && url[i] <= '9') ||
           url[i] == '+' || url[i] == '-' || url[i] == '.')
        i++;
    return url[i] == ':' ? i : 0;
}

/* http or https, or no scheme at all (a relative reference). */
static bool web_or_relative(const char *url)
{
    size_t k = scheme_len(url);
    return k == 0 || (k == 4 && nmi_istarts(url, "http")) || (k == 5 && nmi_istarts(url, "https"));
}

/* A link a crawler may follow: http or https, or (with no base to
 * resolve against) a relative reference; never with a control character
 * or a space inside (libxml2 lets "https://host\f.test/" through; a
 * browser refuses such a host). */
static bool followable(const char *url)
{
    for (const unsigned char *c = (const unsigned char *)url; *c; c++)
        if (*c <= 0x20 || *c == 0x7F)
            return false;
    return web_or_relative(url);
}

/* abs without the user name and password it may carry
 * ("https://user:pass@host/"), as a new libxml2 string (xmlFree). */
static xmlChar *without_credentials(xmlChar *abs)
{
    xmlURIPtr uri = xmlParseURI((const char *)abs);
    if (!uri)
        return abs;
    if (uri->user) {
        xmlFree(uri->user);
        uri->user = NULL;
        xmlChar *clean = xmlSaveUri(uri);
        if (clean) {
            xmlFree(abs);
            abs = clean;
        }
    }
    xmlFreeURI(uri);
    return abs;
}

/* What xmlURIEscapeStr leaves as it is: first the URI syntax, then also
 * brackets ("?field[187]=187"), which RFC 3986 allows only around a host. */
static const char *const URI_KEEP[] = {":/?#[]@!$&'()*+,;=%~", ":/?#@!$&'()*+,;=%~"};

const char *nmi_resolve_url(nmi_ctx *ctx, const char *href)
{
    if (!href)
        return NULL;
    char *h = normalized_href(ctx, href);
    if (!h || *h == '#' || !web_or_relative(h))
        return NULL;
    /* an absolute href is resolved against itself: libxml2 checks it */
    const char *base = ctx->base ? ctx->base : scheme_len(h) ? h : NULL;
    if (!base) {
        /* relative, and nothing to resolve it against: kept, escaped */
        xmlChar *esc = xmlURIEscapeStr((const xmlChar *)h, (const xmlChar *)URI_KEEP[0]);
        const char *r = esc ? copy_url(ctx, (const char *)esc) : NULL;
        xmlFree(esc);
        return r;
    }
    xmlChar *abs = xmlBuildURI((const xmlChar *)h, (const xmlChar *)base);
    /* Unparsable by RFC 3986 (spaces, raw non-ASCII, brackets): escape and
     * retry. */
    for (size_t i = 0; !abs && i < sizeof URI_KEEP / sizeof *URI_KEEP; i++) {
        xmlChar *esc = xmlURIEscapeStr((const xmlChar *)h, (const xmlChar *)URI_KEEP[i]);
        if (esc) {
            abs = xmlBuildURI(esc, base == h ? esc : (const xmlChar *)base);
            xmlFree(esc);
        }
    }
    if (!abs)
        return NULL;
    abs = without_credentials(abs);
    const char *r = followable((const char *)abs) && scheme_len((const char *)abs)
                        ? copy_url(ctx, (const char *)abs)
                        : NULL;
    xmlFree(abs);
    return r;
}
