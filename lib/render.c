/* Stage 8, other formats: the record as plain text, Markdown or clean
 * article HTML (newsmeta_render), from the public article alone, as json.c
 * writes JSON. The body's blocks keep their kinds: headings, quotes, lists
 * (consecutive list items), preformatted text; body links are written
 * inline at their offsets in Markdown and HTML. With
 * NEWSMETA_RENDER_METADATA a header comes first: a few lines of text, YAML
 * front matter, or an HTML <head>. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

typedef struct writer {
    nmi_buf out;
    newsmeta_format format;
} writer;

static void put(writer *w, const char *s, size_t n)
{
    nmi_buf_append(&w->out, s, n);
}

static void puts_(writer *w, const char *s)
{
    nmi_buf_append(&w->out, s, strlen(s));
}

/* ---- escaping --------------------------------------------------------------- */

static void put_html_escaped(writer *w, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                          : s[i] == '"' ? "&quot;" : NULL;
        if (rep) {
            put(w, s + from, i - from);
            puts_(w, rep);
            from = i + 1;
        }
    }
    put(w, s + from, n - from);
}

/* Markdown: the characters that could start markup are backslash-escaped
 * (those both CommonMark and Python-Markdown accept escaped), "<" and an
 * "&" that could start an entity are written as entities, and a line that
 * would read as a heading, list item, quote or rule gets its first
 * character escaped. */
static void put_md_escaped(writer *w, const char *s, size_t n, bool block_start)
{
    static const char SPECIAL[] = "\\`*_[]>";
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool line_start = (i == 0 && block_start) || (i > 0 && s[i - 1] == '\n');
        if (c == '&' && i + 1 < n && (s[i + 1] == '#' || (s[i + 1] | 0x20) >= 'a') &&
            (s[i + 1] | 0x20) <= 'z') {
            puts_(w, "&amp;"); /* "&copy;" in the text is not an entity */
            continue;
        }
        if (c == '<') { /* an entity: every Markdown reads it so, escapes vary */
            puts_(w, "&lt;");
            continue;
        }
        if (line_start && c == '~' && i + 2 < n && s[i + 1] == '~' && s[i + 2] == '~') {
            puts_(w, "&#126;"); /* not a code fence */
            continue;
        }
        /* '#' anywhere: a heading's trailing '#' would close it */
        bool list_mark = line_start && (c == '+' || c == '-') && (i + 1 == n || s[i + 1] == ' ' ||
                                                                  s[i + 1] == c);
        if ((c && strchr(SPECIAL, c)) || c == '#' || list_mark) {
            put(w, "\\", 1);
        } else if (line_start && c >= '0' && c <= '9') {
            /* "1. " would start a list: escape its dot */
            size_t d = i;
            while (d < n && s[d] >= '0' && s[d] <= '9')
                d++;
            if (d < n && (s[d] == '.' || s[d] == ')')) {
                put(w, s + i, d - i);
                put(w, "\\", 1);
                i = d - 1;
                continue;
            }
        }
        put(w, &c, 1);
    }
}

static void put_text(writer *w, const char *s, size_t n, bool block_start)
{
    if (w->format == NEWSMETA_FORMAT_HTML)
        put_html_escaped(w, s, n);
    else if (w->format == NEWSMETA_FORMAT_MARKDOWN)
        put_md_escaped(w, s, n, block_start);
    else
        put(w, s, n);
}

/* A link destination: percent-encoded where Markdown or HTML would read
 * the character otherwise (hrefs are normalized URLs; this is a last guard). */
static void put_href(writer *w, const char *href)
{
    for (const char *p = href; *p; p++) {
        if (*p == '(' || *p == ')' || *p == '<' || *p == '>' || *p == '"' || *p == ' ' ||
            *p == '\\') {
            char hex[4];
            snprintf(hex, sizeof hex, "%%%02X", (unsigned char)*p);
            puts_(w, hex);
        } else if (*p == '&') { /* both read entities in a destination */
            puts_(w, "&amp;");
        } else {
            put(w, p, 1);
        }
    }
}

/* ---- a block's text with its links ------------------------------------------- */

/* The text of paragraph p, with the body links that sit in it written as
 * links (Markdown, HTML) from the first link of the article at *next on;
 * links whose offsets do not fit the text are written as plain text. */
static void put_inline(writer *w, const newsmeta_article *a, size_t p, size_t *next)
{
    const newsmeta_paragraph *para = &a->paragraphs[p];
    size_t at = 0;
    bool links = w->format != NEWSMETA_FORMAT_TEXT &&
                 para->kind != NEWSMETA_PREFORMATTED;
    while (*next < a->link_count && a->links[*next].kind == NEWSMETA_LINK_BODY &&
           a->links[*next].paragraph < (int64_t)p)
        (*next)++;
    for (; links && *next < a->link_count; (*next)++) {
        const newsmeta_link *l = &a->links[*next];
        if (l->kind != NEWSMETA_LINK_BODY || l->paragraph != (int64_t)p)
            break;
        if (!l->href || l->start < at || l->end <= l->start || l->end > para->length)
            continue;
        put_text(w, para->text + at, l->start - at, at == 0);
        if (w->format == NEWSMETA_FORMAT_MARKDOWN) {
            puts_(w, "[");
            put_md_escaped(w, para->text + l->start, l->end - l->start, false);
            puts_(w, "](");
            put_href(w, l->href);
            puts_(w, ")");
        } else {
            puts_(w, "<a href=\"");
            put_href(w, l->href);
            puts_(w, "\">");
            put_html_escaped(w, para->text + l->start, l->end - l->start);
            puts_(w, "</a>");
        }
        at = l->end;
    }
    put_text(w, para->text + at, para->length - at, at == 0);
}

/* ---- blocks ----------------------------------------------------------------- */

/* A fence of backticks longer than any run inside the text. */
static size_t fence_length(const char *s, size_t n)
{
    size_t longest = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest < 3 ? 3 : longest + 1;
}

static void put_fence(writer *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(w, "`", 1);
    put(w, "\n", 1);
}

/* Markdown and text: one block; separated from the previous by a blank
 * line, or by a line end inside a run of list items or quotes. */
static void plain_block(writer *w, const newsmeta_article *a, size_t p, size_t *next)
{
    const newsmeta_paragraph *para = &a->paragraphs[p];
    bool md = w->format == NEWSMETA_FORMAT_MARKDOWN;
    bool same_run = p > 0 && a->paragraphs[p - 1].kind == para->kind &&
                    (para->kind == NEWSMETA_LIST_ITEM ||
                     (para->kind == NEWSMETA_QUOTE && md));
    if (w->out.len)
        puts_(w, same_run ? (para->kind == NEWSMETA_QUOTE ? ">\n" : "") : "\n");
    switch (para->kind) {
    case NEWSMETA_HEADING:
        for (int32_t i = 0; md && i < (para->level >= 1 && para->level <= 6 ? para->level : 2); i++)
            put(w, "#", 1);
        if (md)
            put(w, " ", 1);
        break;
    case NEWSMETA_QUOTE:
        if (md)
            puts_(w, "> ");
        break;
    case NEWSMETA_LIST_ITEM:
        puts_(w, "- ");
        break;
    case NEWSMETA_PREFORMATTED:
        if (md) {
            size_t fence = fence_length(para->text, para->length);
            put_fence(w, fence);
            put(w, para->text, para->length);
            if (para->length && para->text[para->length - 1] != '\n')
                put(w, "\n", 1);
            put_fence(w, fence);
            return;
        }
        break;
    case NEWSMETA_PARAGRAPH:
        break;
    }
    if (md && para->kind == NEWSMETA_QUOTE) {
        /* every line of a quote is quoted */
        nmi_buf quoted;
        writer inner = {{NULL, 0, 0, false}, w->format};
        put_inline(&inner, a, p, next);
        quoted = inner.out;
        for (size_t i = 0; i < quoted.len; i++) {
            put(w, quoted.data + i, 1);
            if (quoted.data[i] == '\n')
                puts_(w, "> ");
        }
        if (quoted.oom)
            w->out.oom = true;
        nmi_buf_free(&quoted);
    } else {
        put_inline(w, a, p, next);
    }
    put(w, "\n", 1);
}

static void html_block(writer *w, const newsmeta_article *a, size_t p, size_t *next)
{
    const newsmeta_paragraph *para = &a->paragraphs[p];
    /* consecutive list items are one list, consecutive quotes one quote */
    bool prev_same = p > 0 && a->paragraphs[p - 1].kind == para->kind;
    bool next_same = p + 1 < a->paragraph_count && a->paragraphs[p + 1].kind == para->kind;
    char tag[8];
    switch (para->kind) {
    case NEWSMETA_HEADING:
        snprintf(tag, sizeof tag, "h%d", para->level >= 1 && para->level <= 6 ? para->level : 2);
        break;
    case NEWSMETA_QUOTE:
        snprintf(tag, sizeof tag, "%s", "p");
        if (!prev_same)
            puts_(w, "<blockquote>");
        break;
    case NEWSMETA_LIST_ITEM:
        if (!prev_same)
            puts_(w, "<ul>\n");
        snprintf(tag, sizeof tag, "%s", "li");
        break;
    case NEWSMETA_PREFORMATTED:
        snprintf(tag, sizeof tag, "%s", "pre");
        break;
    case NEWSMETA_PARAGRAPH:
    default:
        snprintf(tag, sizeof tag, "%s", "p");
        break;
    }
    char open[16];
    snprintf(open, sizeof open, "<%s>", tag);
    puts_(w, open);
    put_inline(w, a, p, next);
    snprintf(open, sizeof open, "</%s>", tag);
    puts_(w, open);
    if (para->kind == NEWSMETA_QUOTE && !next_same)
        puts_(w, "</blockquote>");
    puts_(w, "\n");
    if (para->kind == NEWSMETA_LIST_ITEM && !next_same)
        puts_(w, "</ul>\n");
}

/* ---- the metadata header ------------------------------------------------------- */

/* The authors joined with ", ", or the byline as printed. */
static void put_authors(writer *w, const newsmeta_article *a)
{
    if (a->author_count == 0 && a->byline) {
        put_text(w, a->byline, strlen(a->byline), false);
        return;
    }
    for (size_t i = 0; i < a->author_count; i++) {
        if (i)
            puts_(w, ", ");
        put_text(w, a->authors[i], strlen(a->authors[i]), false);
    }
}

static void text_header(writer *w, const newsmeta_article *a)
{
    if (a->headline)
        puts_(w, a->headline), puts_(w, "\n");
    if (a->author_count || a->byline)
        puts_(w, "By "), put_authors(w, a), puts_(w, "\n");
    if (a->published.present)
        puts_(w, "Published "), puts_(w, a->published.iso), puts_(w, "\n");
    const char *url = a->canonical_url ? a->canonical_url : a->url;
    if (url)
        puts_(w, url), puts_(w, "\n");
}

/* YAML front matter: each value a JSON string (JSON is YAML); key is
 * "name: " for a field, "  - " for an item of a list. */
static void yaml_field(writer *w, const char *key, const char *value)
{
    if (!value)
        return;
    json_t *s = json_string(value);
    char *quoted = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
    json_decref(s);
    if (!quoted) {
        w->out.oom = true;
        return;
    }
    puts_(w, key), puts_(w, quoted), puts_(w, "\n");
    free(quoted);
}

static void markdown_header(writer *w, const newsmeta_article *a)
{
    puts_(w, "---\n");
    yaml_field(w, "title: ", a->headline);
    if (a->author_count) {
        puts_(w, "authors:\n");
        for (size_t i = 0; i < a->author_count; i++)
            yaml_field(w, "  - ", a->authors[i]);
    }
    yaml_field(w, "byline: ", a->byline);
    yaml_field(w, "published: ", a->published.present ? a->published.iso : NULL);
    yaml_field(w, "modified: ", a->modified.present ? a->modified.iso : NULL);
    yaml_field(w, "url: ", a->canonical_url ? a->canonical_url : a->url);
    yaml_field(w, "site_name: ", a->site_name);
    yaml_field(w, "language: ", a->language);
    yaml_field(w, "description: ", a->description);
    yaml_field(w, "image: ", a->image);
    puts_(w, "---\n");
}

static void html_meta(writer *w, const char *name_attr, const char *name, const char *value)
{
    if (!value)
        return;
    puts_(w, "<meta "), puts_(w, name_attr), puts_(w, "=\""), puts_(w, name);
    puts_(w, "\" content=\""), put_html_escaped(w, value, strlen(value)), puts_(w, "\">\n");
}

static void html_head(writer *w, const newsmeta_article *a)
{
    puts_(w, "<!DOCTYPE html>\n<html");
    if (a->language)
        puts_(w, " lang=\""), put_html_escaped(w, a->language, strlen(a->language)), puts_(w, "\"");
    puts_(w, ">\n<head>\n<meta charset=\"utf-8\">\n");
    if (a->headline)
        puts_(w, "<title>"), put_html_escaped(w, a->headline, strlen(a->headline)),
            puts_(w, "</title>\n");
    for (size_t i = 0; i < a->author_count; i++)
        html_meta(w, "name", "author", a->authors[i]);
    html_meta(w, "name", "description", a->description);
    html_meta(w, "property", "article:published_time",
              a->published.present ? a->published.iso : NULL);
    html_meta(w, "property", "article:modified_time", a->modified.present ? a->modified.iso : NULL);
    html_meta(w, "property", "og:site_name", a->site_name);
    const char *url = a->canonical_url ? a->canonical_url : a->url;
    if (url)
        puts_(w, "<link rel=\"canonical\" href=\""), put_href(w, url), puts_(w, "\">\n");
    puts_(w, "</head>\n<body>\n");
}

/* ---- the whole ------------------------------------------------------------------ */

/* The headline as the article's first heading, unless the body starts with it. */
static bool headline_first(const newsmeta_article *a)
{
    return a->headline && !(a->paragraph_count && a->paragraphs[0].kind ==
                                                      NEWSMETA_HEADING &&
                            strcmp(a->paragraphs[0].text, a->headline) == 0);
}

static void render_body(writer *w, const newsmeta_article *a, bool metadata)
{
    bool html = w->format == NEWSMETA_FORMAT_HTML;
    if (metadata && w->format == NEWSMETA_FORMAT_TEXT)
        text_header(w, a);
    else if (metadata && w->format == NEWSMETA_FORMAT_MARKDOWN)
        markdown_header(w, a);
    else if (metadata && html)
        html_head(w, a);
    if (html)
        puts_(w, "<article>\n");
    if (w->format != NEWSMETA_FORMAT_TEXT && headline_first(a)) {
        if (html)
            puts_(w, "<h1>"), put_html_escaped(w, a->headline, strlen(a->headline)),
                puts_(w, "</h1>\n");
        else
            puts_(w, w->out.len ? "\n# " : "# "), put_md_escaped(w, a->headline,
                                                                strlen(a->headline), false),
                puts_(w, "\n");
    }
    size_t next_link = 0;
    for (size_t p = 0; p < a->paragraph_count; p++) {
        if (!a->paragraphs[p].text)
            continue;
        if (html)
            html_block(w, a, p, &next_link);
        else
            plain_block(w, a, p, &next_link);
    }
    if (html)
        puts_(w, metadata ? "</article>\n</body>\n</html>\n" : "</article>\n");
}

const char *newsmeta_format_name(newsmeta_format format)
{
    switch (format) {
    case NEWSMETA_FORMAT_JSON: return "json";
    case NEWSMETA_FORMAT_TEXT: return "text";
    case NEWSMETA_FORMAT_MARKDOWN: return "markdown";
    case NEWSMETA_FORMAT_HTML: return "html";
    }
    return "unknown";
}

newsmeta_status newsmeta_render(const newsmeta_article *article, newsmeta_format format,
                                uint32_t flags, char **out, size_t *out_length,
                                newsmeta_error *error)
{
    if (out)
        *out = NULL;
    if (out_length)
        *out_length = 0;
    if (!article || !out)
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "newsmeta_render: article and out must not be NULL");
    if (format == NEWSMETA_FORMAT_JSON)
        return newsmeta_to_json(article, flags & NEWSMETA_JSON_PRETTY, out, out_length, error);
    if (format != NEWSMETA_FORMAT_TEXT && format != NEWSMETA_FORMAT_MARKDOWN &&
        format != NEWSMETA_FORMAT_HTML)
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "newsmeta_render: %d is no newsmeta_format", (int)format);
    writer w = {{NULL, 0, 0, false}, format};
    render_body(&w, article, flags & NEWSMETA_RENDER_METADATA);
    if (!w.out.data && !w.out.oom)
        nmi_buf_append(&w.out, "", 0);
    if (w.out.oom || !w.out.data) {
        nmi_buf_free(&w.out);
        return nmi_fail(error, NEWSMETA_ERR_NOMEM, "out of memory rendering the article");
    }
    *out = w.out.data;
    if (out_length)
        *out_length = w.out.len;
    nmi_fail(error, NEWSMETA_OK, "%s", "");
    return NEWSMETA_OK;
}
