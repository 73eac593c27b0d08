/* Stage 2: UTF-8 text -> libxml2 HTML tree, and small tree helpers.
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

static void collect_text(const xmlNode *n, nmi_buf *b, int depth)
{
    if (depth > NMI_MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                nmi_buf_append_collapsed(b, (const char *)c->content,
                                         strlen((const char *)c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *t = nmi_tag(c);
            if (!strcmp(t, "script") || !strcmp(t, "style") || !strcmp(t, "noscript") ||
                !strcmp(t, "template"))
                continue;
            /* Block boundaries separate words even without whitespace in
             * the source: <div>Jane Doe</div><div>Reuters</div>. */
            bool block = !strcmp(t, "br") || !strcmp(t, "div") || !strcmp(t, "p") ||
                         !strcmp(t, "li") || !strcmp(t, "td") || !strcmp(t, "h1") ||
                         !strcmp(t, "h2") || !strcmp(t, "h3") || !strcmp(t, "section") ||
                         !strcmp(t, "tr") || !strcmp(t, "dd") || !strcmp(t, "dt");
            if (block)
                nmi_buf_append_collapsed(b, " ", 1);
            collect_text(c, b, depth + 1);
            if (block)
                nmi_buf_append_collapsed(b, " ", 1);
        }
    }
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
        collect_text(n, &b, 0);
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

const char *nmi_resolve_url(nmi_ctx *ctx, const char *href)
{
    if (!href)
        return NULL;
    while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
        href++;
    if (!*href || *href == '#' || nmi_istarts(href, "javascript:") ||
        nmi_istarts(href, "data:") || nmi_istarts(href, "vbscript:"))
        return NULL;
    size_t n = strlen(href);
    while (n > 0 && (href[n - 1] == ' ' || href[n - 1] == '\n' || href[n - 1] == '\r' ||
                     href[n - 1] == '\t'))
        n--;
    char tmp[2048];
    const char *h = href;
    if (n != strlen(href)) {
        if (n >= sizeof tmp)
            n = sizeof tmp - 1;
        memcpy(tmp, href, n);
        tmp[n] = '\0';
        h = tmp;
    }
    if (!ctx->base)
        return copy_url(ctx, h);
    xmlChar *abs = xmlBuildURI((const xmlChar *)h, (const xmlChar *)ctx->base);
    if (!abs) {
        /* Unparsable by RFC 3986 (spaces, raw non-ASCII): escape and retry. */
        xmlChar *esc = xmlURIEscapeStr((const xmlChar *)h, (const xmlChar *)":/?#[]@!$&'()*+,;=%~");
        if (esc) {
            abs = xmlBuildURI(esc, (const xmlChar *)ctx->base);
            xmlFree(esc);
        }
    }
    if (!abs)
        return copy_url(ctx, h);
    const char *r = copy_url(ctx, (const char *)abs);
    xmlFree(abs);
    return r;
}
