/* Entry points: arguments, options, the pipeline in order, status strings,
 * version, and the one-time global initialization. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "internal.h"

/* ---- version, names, errors -------------------------------------------- */

const char *newsmeta_version(void)
{
    return NEWSMETA_VERSION_STRING;
}

uint32_t newsmeta_version_number(void)
{
    return NEWSMETA_VERSION;
}

const char *newsmeta_strerror(newsmeta_status status)
{
    switch (status) {
    case NEWSMETA_OK: return "success";
    case NEWSMETA_ERR_INVALID_ARGUMENT: return "invalid argument";
    case NEWSMETA_ERR_EMPTY_INPUT: return "empty input";
    case NEWSMETA_ERR_NOT_ARTICLE: return "no article content or metadata found";
    case NEWSMETA_ERR_ENCODING: return "cannot decode the input's character encoding";
    case NEWSMETA_ERR_TOO_LARGE: return "input too large";
    case NEWSMETA_ERR_NOMEM: return "out of memory";
    case NEWSMETA_ERR_BINARY: return "input is binary data, not text";
    case NEWSMETA_ERR_PARSE: return "the HTML parser could not build a document";
    case NEWSMETA_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

const char *newsmeta_source_name(newsmeta_source s)
{
    switch (s) {
    case NEWSMETA_SOURCE_NONE: return "none";
    case NEWSMETA_SOURCE_JSONLD: return "json-ld";
    case NEWSMETA_SOURCE_META: return "meta";
    case NEWSMETA_SOURCE_MICRODATA: return "microdata";
    case NEWSMETA_SOURCE_MARKUP: return "markup";
    case NEWSMETA_SOURCE_TEXT: return "text";
    case NEWSMETA_SOURCE_URL: return "url";
    case NEWSMETA_SOURCE_OPTION: return "option";
    }
    return "none";
}

const char *newsmeta_paragraph_kind_name(newsmeta_paragraph_kind k)
{
    switch (k) {
    case NEWSMETA_PARAGRAPH: return "paragraph";
    case NEWSMETA_HEADING: return "heading";
    case NEWSMETA_QUOTE: return "quote";
    case NEWSMETA_LIST_ITEM: return "list-item";
    case NEWSMETA_PREFORMATTED: return "preformatted";
    }
    return "paragraph";
}

const char *newsmeta_precision_name(newsmeta_precision p)
{
    static const char *const N[] = {"none", "year", "month", "day", "hour", "minute", "second"};
    return (unsigned)p < sizeof N / sizeof *N ? N[p] : "none";
}

newsmeta_status nmi_fail(newsmeta_error *err, newsmeta_status code, const char *fmt, ...)
{
    if (err) {
        err->code = code;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

/* ---- init, options ------------------------------------------------------ */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libraries(void)
{
    /* libxml2 must be initialized once before threads use it; Jansson's
     * hash seed likewise. Neither is undone: see the header. */
    xmlInitParser();
    json_object_seed(0);
}

void newsmeta_init(void)
{
    pthread_once(&init_once, init_libraries);
}

void newsmeta_options_init_sized(newsmeta_options *o, size_t size)
{
    if (!o || size < sizeof o->size)
        return;
    newsmeta_options d;
    memset(&d, 0, sizeof d);
    d.max_input_bytes = NEWSMETA_DEFAULT_MAX_INPUT_BYTES;
    /* the caller's struct may be older (smaller) than ours: write only
     * what it has */
    size_t n = size < sizeof d ? size : sizeof d;
    d.size = (uint32_t)n;
    memcpy(o, &d, n);
}

/* ---- articles ----------------------------------------------------------- */

/* The article handed out is the first member, so the pointer the caller
 * holds is also the box that owns the arena. */
typedef struct article_box {
    newsmeta_article pub;
    nmi_arena arena;
} article_box;

void newsmeta_article_free(newsmeta_article *article)
{
    if (!article)
        return;
    article_box *box = (article_box *)article;
    nmi_arena_release(&box->arena);
    free(box);
}

void newsmeta_free(void *buffer)
{
    free(buffer);
}

static bool only_whitespace(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
            return false;
    return true;
}

static void ctx_release(nmi_ctx *ctx)
{
    for (int f = 0; f < NMI_F_COUNT; f++)
        free(ctx->cands[f].items);
    if (ctx->doc)
        xmlFreeDoc(ctx->doc);
    ctx->doc = NULL;
}

/* Both entry points: arguments, options, decoding, then the HTML or
 * the text stages, then the record. */
static newsmeta_status parse(const char *input, size_t length, const char *url,
                             const newsmeta_options *options, newsmeta_article **out,
                             newsmeta_error *error, bool text)
{
    const char *fn = text ? "newsmeta_parse_text" : "newsmeta_parse_html";
    if (out)
        *out = NULL;
    if (!out || (!input && length))
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "%s: out must not be NULL, nor the input when length > 0", fn);
    newsmeta_init();

    newsmeta_options opts;
    newsmeta_options_init(&opts);
    if (options) {
        if (options->size < offsetof(newsmeta_options, max_input_bytes) + sizeof(size_t) ||
            options->size > sizeof opts)
            return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                            "options->size is %u; initialize options with newsmeta_options_init()",
                            (unsigned)options->size);
        memcpy(&opts, options, options->size);
        opts.size = (uint32_t)sizeof opts;
        if (opts.max_input_bytes == 0)
            opts.max_input_bytes = NEWSMETA_DEFAULT_MAX_INPUT_BYTES;
    }
    if (length == 0 || only_whitespace(input, length))
        return nmi_fail(error, NEWSMETA_ERR_EMPTY_INPUT, "the input is empty");
    if (length > opts.max_input_bytes)
        return nmi_fail(error, NEWSMETA_ERR_TOO_LARGE,
                        "the input has %zu bytes; the limit is %zu (options.max_input_bytes)",
                        length, opts.max_input_bytes);

    article_box *box = calloc(1, sizeof *box);
    if (!box)
        return nmi_fail(error, NEWSMETA_ERR_NOMEM, "out of memory");
    nmi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.arena = &box->arena;
    ctx.opts = opts;
    ctx.url = (url && *url) ? url : NULL;
    ctx.base = ctx.url;

    char *utf8 = NULL;
    size_t utf8_len = 0;
    bool owned = false;
    newsmeta_status st = nmi_decode(&ctx, input, length, &utf8, &utf8_len, &owned, error);
    if (st != NEWSMETA_OK) {
        newsmeta_article_free(&box->pub);
        return st;
    }
    newsmeta_source headline_src = NEWSMETA_SOURCE_NONE;
    const char *headline = NULL;
    if (text) {
        nmi_parse_text_lines(&ctx, utf8, utf8_len);
        const nmi_cand *h = nmi_best_cand(&ctx, NMI_F_HEADLINE);
        if (h) {
            headline = h->value;
            headline_src = h->source;
        }
        if (owned)
            free(utf8);
    } else {
        ctx.doc = nmi_parse_html_utf8(utf8, utf8_len);
        if (owned)
            free(utf8);
        if (!ctx.doc || !xmlDocGetRootElement(ctx.doc)) {
            ctx_release(&ctx);
            newsmeta_article_free(&box->pub);
            return nmi_fail(error, NEWSMETA_ERR_PARSE,
                            "the HTML parser could not build a document");
        }
        nmi_harvest(&ctx);
        headline = nmi_choose_headline(&ctx, &headline_src);
        nmi_extract_content(&ctx, headline);
    }
    st = ctx.oom ? NEWSMETA_ERR_NOMEM : nmi_build_article(&ctx, &box->pub, headline, headline_src);
    ctx_release(&ctx);

    if (st != NEWSMETA_OK) {
        newsmeta_article_free(&box->pub);
        return nmi_fail(error, st, "%s", newsmeta_strerror(st));
    }
    const newsmeta_article *a = &box->pub;
    /* With NEWSMETA_OPT_NO_BODY the text was not looked at, so an empty
     * record is an answer, not a sign that the input holds nothing. */
    if (!a->headline && !a->paragraph_count && !a->description && !a->published.present &&
        !a->author_count && !a->site_name && !(opts.flags & NEWSMETA_OPT_NO_BODY)) {
        newsmeta_article_free(&box->pub);
        return nmi_fail(error, NEWSMETA_ERR_NOT_ARTICLE,
                        "no article text and no metadata found in the input");
    }
    *out = &box->pub;
    nmi_fail(error, NEWSMETA_OK, "%s", "");
    return NEWSMETA_OK;
}

newsmeta_status newsmeta_parse_html(const char *html, size_t length, const char *url,
                                    const newsmeta_options *options, newsmeta_article **out,
                                    newsmeta_error *error)
{
    return parse(html, length, url, options, out, error, false);
}

newsmeta_status newsmeta_parse_text(const char *text, size_t length, const char *url,
                                    const newsmeta_options *options, newsmeta_article **out,
                                    newsmeta_error *error)
{
    return parse(text, length, url, options, out, error, true);
}
