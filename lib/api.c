/* Entry points: arguments, options, the pipeline in order, names of
 * enum values, version, and the one-time global initialization. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <unicode/utf8.h>

#include "internal.h"

/* ---- version, names --------------------------------------------------- */

const char *newsmeta_version(void)
{
    return NEWSMETA_VERSION_STRING;
}

uint32_t newsmeta_version_number(void)
{
    return NEWSMETA_VERSION;
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

/* A limit option: 0 means its default, and no value passes its ceiling. */
static uint32_t limit_or_default(uint32_t value, uint32_t default_value, uint32_t ceiling)
{
    if (value == 0)
        value = default_value;
    return value > ceiling ? ceiling : value;
}

/* Zeros to defaults, and the ceilings that keep recursion bounded. */
void nmi_resolve_options(newsmeta_options *o)
{
    if (o->max_input_bytes == 0)
        o->max_input_bytes = NEWSMETA_DEFAULT_MAX_INPUT_BYTES;
    o->max_depth =
        limit_or_default(o->max_depth, NEWSMETA_DEFAULT_MAX_DEPTH, NEWSMETA_MAX_DEPTH_LIMIT);
    o->max_paragraphs =
        limit_or_default(o->max_paragraphs, NEWSMETA_DEFAULT_MAX_PARAGRAPHS, NMI_MAX_PARAGRAPHS);
    o->max_links = limit_or_default(o->max_links, NEWSMETA_DEFAULT_MAX_LINKS, NMI_MAX_LINKS);
    o->max_jsonld_depth = limit_or_default(o->max_jsonld_depth, NEWSMETA_DEFAULT_MAX_JSONLD_DEPTH,
                                           NEWSMETA_MAX_JSONLD_DEPTH_LIMIT);
    if (o->max_jsonld_bytes == 0)
        o->max_jsonld_bytes = NEWSMETA_DEFAULT_MAX_JSONLD_BYTES;
    /* one clock for every date decision of the parse, within years 1 to
     * 9999 so that no date arithmetic on it can overflow */
    if (o->now == 0)
        o->now = (int64_t)time(NULL);
    if (o->now < INT64_C(-62135596800)) /* 0001-01-01T00:00:00Z */
        o->now = INT64_C(-62135596800);
    if (o->now > INT64_C(253402300799)) /* 9999-12-31T23:59:59Z */
        o->now = INT64_C(253402300799);
}

/* The sizes newsmeta_options has had, oldest first: 0.1.0 ended at
 * max_input_bytes; the limits up to max_jsonld_bytes came next; 0.2.0 adds
 * now. Both newsmeta_options_init_sized() and the parse functions go by
 * this list, so a struct the one fills is one the others accept. */
static const size_t OPTIONS_SIZES[] = {
    offsetof(newsmeta_options, max_depth),
    offsetof(newsmeta_options, now),
    sizeof(newsmeta_options),
};

/* The largest size of a version of the struct that fits in size bytes,
 * or 0 when even the first does not. */
static size_t options_version_size(size_t size)
{
    size_t fit = 0;
    for (size_t i = 0; i < sizeof OPTIONS_SIZES / sizeof OPTIONS_SIZES[0]; i++)
        if (OPTIONS_SIZES[i] <= size)
            fit = OPTIONS_SIZES[i];
    return fit;
}

void newsmeta_options_init_sized(newsmeta_options *o, size_t size)
{
    size_t n = options_version_size(size);
    if (!o || n == 0)
        return;
    newsmeta_options d;
    memset(&d, 0, sizeof d);
    nmi_resolve_options(&d);
    d.now = 0; /* the clock is read by each parse, not here */
    /* the caller's struct may be older (smaller) than ours: write only
     * the version it has */
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

/* ---- limits and normalization of the record ------------------------------ */

/* libxml2 2.9 (without XML_PARSE_HUGE) stops parsing at 256 levels of
 * elements, and at a text node of 10,000,000 bytes (it grows text in
 * chunks of at most 1000): reaching either means the rest of the page was
 * not read. */
#define LIBXML_MAX_DEPTH 256
#define LIBXML_MAX_TEXT (10000000 - 1000)

/* Cut the tree below options.max_depth, without recursion (the walks of
 * the later stages recurse and must not go deeper), and note where
 * libxml2 cut it. */
static void limit_tree(nmi_ctx *ctx, xmlNode *root)
{
    const uint32_t max = ctx->opts.max_depth;
    uint32_t depth = 1, deepest = 1;
    xmlNode *n = root;
    for (;;) {
        if (n->type == XML_ELEMENT_NODE && depth > deepest)
            deepest = depth;
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
            !memchr(n->content, '\0', LIBXML_MAX_TEXT)) /* stops at the string's end */
            ctx->truncated |= NEWSMETA_TRUNCATED_TEXT;
        if (n->type == XML_ELEMENT_NODE && n->children && depth >= max) {
            for (xmlNode *c = n->children, *next; c; c = next) {
                next = c->next;
                if (c->type == XML_ELEMENT_NODE) {
                    xmlUnlinkNode(c);
                    xmlFreeNode(c);
                    ctx->truncated |= NEWSMETA_TRUNCATED_DEPTH;
                }
            }
        } else if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            depth++;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            depth--;
        }
        if (n == root)
            break;
        n = n->next;
    }
    if (deepest > LIBXML_MAX_DEPTH)
        ctx->truncated |= NEWSMETA_TRUNCATED_DEPTH;
}

/* The NFC form of an arena string, when it needs one (else s itself). */
static const char *nfc_str(nmi_ctx *ctx, const char *s)
{
    if (!s || !nmi_needs_nfc(s, strlen(s)))
        return s;
    size_t n = 0;
    const char *r = nmi_nfc_arena(ctx, s, strlen(s), &n, NULL, 0);
    return r ? r : s;
}

static void nfc_list(nmi_ctx *ctx, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        ((const char **)list)[i] = nfc_str(ctx, list[i]);
}

/* The names of the record — headline, byline, authors — without the
 * characters that can disguise them (a right-to-left override makes
 * "Jane\u202Eeod" read as another name); an author left empty goes. */
static void unmask_names(nmi_ctx *ctx, newsmeta_article *a)
{
    a->headline = nmi_strip_disguise(ctx->arena, a->headline, &ctx->oom);
    a->byline = nmi_strip_disguise(ctx->arena, a->byline, &ctx->oom);
    const char **authors = (const char **)a->authors;
    size_t k = 0;
    for (size_t i = 0; i < a->author_count; i++) {
        const char *name = nmi_strip_disguise(ctx->arena, authors[i], &ctx->oom);
        if (name)
            authors[k++] = name;
    }
    a->author_count = k;
    if (!a->headline)
        a->sources.headline = NEWSMETA_SOURCE_NONE;
    if (!a->byline)
        a->sources.byline = NEWSMETA_SOURCE_NONE;
    if (!k)
        a->sources.authors = NEWSMETA_SOURCE_NONE;
}

/* Every string of the record in NFC. The page was normalized before
 * parsing, but characters written as references (e&#x301;) and JSON
 * escapes (e\u0301) only appear after it; checking costs a property
 * lookup per non-ASCII character, so only strings that hold a character
 * whose NFC_Quick_Check is not Yes are rewritten. Link offsets into a
 * rewritten paragraph are moved with it. URLs are left as they are. */
static void normalize_record(nmi_ctx *ctx, newsmeta_article *a)
{
    a->headline = nfc_str(ctx, a->headline);
    a->byline = nfc_str(ctx, a->byline);
    a->publisher = nfc_str(ctx, a->publisher);
    a->description = nfc_str(ctx, a->description);
    a->site_name = nfc_str(ctx, a->site_name);
    a->image_credit = nfc_str(ctx, a->image_credit);
    a->section = nfc_str(ctx, a->section);
    a->agency = nfc_str(ctx, a->agency);
    nfc_list(ctx, a->authors, a->author_count);
    nfc_list(ctx, a->tags, a->tag_count);
    nfc_list(ctx, a->captions, a->caption_count);
    newsmeta_timestamp *ts[] = {&a->published, &a->modified};
    for (size_t i = 0; i < 2; i++) {
        ts[i]->raw = nfc_str(ctx, ts[i]->raw);
        ts[i]->zone = nfc_str(ctx, ts[i]->zone);
    }
    newsmeta_link *links = (newsmeta_link *)a->links;
    for (size_t i = 0; i < a->link_count; i++)
        links[i].text = nfc_str(ctx, links[i].text);
    newsmeta_paragraph *ps = (newsmeta_paragraph *)a->paragraphs;
    size_t np = 0;
    for (size_t p = 0; p < a->paragraph_count; p++)
        np += nmi_needs_nfc(ps[p].text, ps[p].length);
    if (np == 0)
        return;
    /* the body links of each paragraph, grouped by a counting sort (no
     * quadratic pass over paragraphs and links) */
    size_t *first = calloc(a->paragraph_count + 1, sizeof *first);
    size_t *order = malloc((a->link_count ? a->link_count : 1) * sizeof *order);
    size_t *cuts = malloc((a->link_count ? 2 * a->link_count : 1) * sizeof *cuts);
    size_t *fill = malloc((a->paragraph_count + 1) * sizeof *fill); /* cursors */
    if (!first || !order || !cuts || !fill) {
        ctx->oom = true;
        free(first);
        free(order);
        free(cuts);
        free(fill);
        return;
    }
    for (size_t i = 0; i < a->link_count; i++)
        if (links[i].kind == NEWSMETA_LINK_BODY && links[i].paragraph >= 0 &&
            (size_t)links[i].paragraph < a->paragraph_count)
            first[links[i].paragraph + 1]++;
    for (size_t p = 0; p < a->paragraph_count; p++)
        first[p + 1] += first[p];
    memcpy(fill, first, a->paragraph_count * sizeof *fill);
    for (size_t i = 0; i < a->link_count; i++)
        if (links[i].kind == NEWSMETA_LINK_BODY && links[i].paragraph >= 0 &&
            (size_t)links[i].paragraph < a->paragraph_count)
            order[fill[links[i].paragraph]++] = i;
    for (size_t p = 0; p < a->paragraph_count && !ctx->oom; p++) {
        if (!nmi_needs_nfc(ps[p].text, ps[p].length))
            continue;
        size_t nc = 0;
        for (size_t k = first[p]; k < first[p + 1]; k++) {
            cuts[nc++] = links[order[k]].start;
            cuts[nc++] = links[order[k]].end;
        }
        size_t len = 0;
        const char *t = nmi_nfc_arena(ctx, ps[p].text, ps[p].length, &len, cuts, nc);
        if (!t)
            continue;
        ps[p].text = t;
        ps[p].length = len;
        nc = 0;
        for (size_t k = first[p]; k < first[p + 1]; k++) {
            links[order[k]].start = cuts[nc++];
            links[order[k]].end = cuts[nc++];
        }
    }
    free(first);
    free(order);
    free(cuts);
    free(fill);
}

/* The tree goes with the facts the body stage hung on its elements
 * (xmlNode::_private points into tree_facts until then). */
static void ctx_release(nmi_ctx *ctx, nmi_arena *tree_facts)
{
    for (int f = 0; f < NMI_F_COUNT; f++)
        free(ctx->ev.cands[f].items);
    if (ctx->doc)
        xmlFreeDoc(ctx->doc);
    ctx->doc = NULL;
    nmi_arena_release(tree_facts);
}

/* ---- the pipeline ---------------------------------------------------------- */

/* The caller's options over the defaults, into opts. */
static newsmeta_status read_options(const newsmeta_options *options, newsmeta_options *opts,
                                    newsmeta_error *error)
{
    newsmeta_options_init(opts);
    if (options) {
        if (options->size == 0 || options_version_size(options->size) != options->size)
            return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                            "options->size is %u, the size of no version of newsmeta_options; "
                            "initialize options with newsmeta_options_init()",
                            (unsigned)options->size);
        /* an older caller's smaller struct: the fields it lacks keep their
         * defaults */
        memset(opts, 0, sizeof *opts);
        memcpy(opts, options, options->size);
        opts->size = (uint32_t)sizeof *opts;
    }
    nmi_resolve_options(opts); /* the defaults, and the clock of this parse */
    return NEWSMETA_OK;
}

/* Is the caller's string s valid UTF-8? Else *bad is the byte offset of
 * its first invalid sequence. (ICU reads surrogates and overlong forms as
 * invalid, as the Unicode standard does.) */
static bool valid_utf8(const char *s, size_t *bad)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            *bad = at;
            return false;
        }
    }
    return true;
}

/* The caller's strings: the URL, the charset and the zone are read as
 * UTF-8 text, so a string that is not is refused rather than cut or
 * mangled on the way into the record; a zone ICU does not know would be
 * ignored, so it is refused too. */
static newsmeta_status check_strings(const char *fn, const char *url,
                                     const newsmeta_options *opts, newsmeta_error *error)
{
    const struct {
        const char *name, *value;
    } args[] = {{"url", url},
                {"options.charset", opts->charset},
                {"options.default_timezone", opts->default_timezone}};
    for (size_t i = 0; i < sizeof args / sizeof *args; i++) {
        size_t bad = 0;
        if (args[i].value && !valid_utf8(args[i].value, &bad))
            return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                            "%s: %s is not valid UTF-8 (byte 0x%02X at offset %zu)", fn,
                            args[i].name, (unsigned)(unsigned char)args[i].value[bad], bad);
    }
    nmi_time now;
    int offset = 0;
    if (opts->default_timezone && *opts->default_timezone &&
        (!nmi_time_from_unix(opts->now, &now) ||
         !nmi_zone_offset(opts->default_timezone, &now, &offset)))
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "%s: options.default_timezone \"%s\" is not an IANA time zone "
                        "(e.g. \"Europe/Paris\")",
                        fn, opts->default_timezone);
    return NEWSMETA_OK;
}

/* The arguments of an entry point (fn), and its options into opts. */
static newsmeta_status check_call(const char *fn, const char *input, size_t length,
                                  const char *url, const newsmeta_options *options,
                                  newsmeta_article **out, newsmeta_options *opts,
                                  newsmeta_error *error)
{
    if (out)
        *out = NULL;
    if (!out || (!input && length))
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "%s: out must not be NULL, nor the input when length > 0", fn);
    newsmeta_init();
    newsmeta_status st = read_options(options, opts, error);
    if (st == NEWSMETA_OK)
        st = check_strings(fn, url, opts, error);
    if (st != NEWSMETA_OK)
        return st;
    if (length == 0 || only_whitespace(input, length))
        return nmi_fail(error, NEWSMETA_ERR_EMPTY_INPUT, "the input is empty");
    if (length > opts->max_input_bytes)
        return nmi_fail(error, NEWSMETA_ERR_TOO_LARGE,
                        "the input has %zu bytes; the limit is %zu (options.max_input_bytes)",
                        length, opts->max_input_bytes);
    return NEWSMETA_OK;
}

/* What one call hands from stage to stage besides the context: the page
 * as UTF-8 text until it is read (malloc'd when owned, else the caller's
 * bytes), then the headline chosen before the body. */
typedef struct page {
    char *utf8;
    size_t len;
    bool owned;
    const char *headline;
    newsmeta_source headline_src;
} page;

static void drop_text(page *p)
{
    if (p->owned)
        free(p->utf8);
    p->utf8 = NULL;
    p->owned = false;
}

/* prune.c's byte pass, when it changed anything, replaces the text; the
 * publication times it read in inline scripts go to the evidence. */
static void prune(nmi_ctx *ctx, page *p)
{
    size_t pruned_len = 0;
    nmi_script_times script_times = {NULL, 0, 0};
    char *pruned = nmi_prune_markup(ctx, p->utf8, p->len, &pruned_len, &script_times);
    nmi_add_script_times(ctx, &script_times);
    if (pruned) {
        drop_text(p);
        p->utf8 = pruned;
        p->len = pruned_len;
        p->owned = true;
    }
}

/* The tree (html.c) in ctx->doc, cut at options.max_depth; the text is
 * not needed after it. */
static newsmeta_status parse_tree(nmi_ctx *ctx, page *p, newsmeta_error *error)
{
    ctx->doc = nmi_parse_html_utf8(p->utf8, p->len);
    drop_text(p);
    if (!ctx->doc || !xmlDocGetRootElement(ctx->doc))
        return nmi_fail(error, NEWSMETA_ERR_PARSE, "the HTML parser could not build a document");
    limit_tree(ctx, xmlDocGetRootElement(ctx->doc));
    return NEWSMETA_OK;
}

/* HTML, once decoded: prune -> NFC -> parse -> harvest -> headline ->
 * body. The body stage's facts on the tree go into tree_facts. */
static newsmeta_status html_stages(nmi_ctx *ctx, page *p, nmi_arena *tree_facts,
                                   newsmeta_error *error)
{
    prune(ctx, p);
    if (ctx->oom)
        return nmi_fail(error, NEWSMETA_ERR_NOMEM, "out of memory");
    newsmeta_status st = nmi_normalize(&p->utf8, &p->len, &p->owned, error);
    if (st == NEWSMETA_OK)
        st = parse_tree(ctx, p, error);
    if (st != NEWSMETA_OK)
        return st;
    nmi_harvest(ctx);
    p->headline = nmi_choose_headline(ctx, &p->headline_src);
    const nmi_cand *article_body = nmi_best_cand(ctx, NMI_F_BODY);
    nmi_extract_body(ctx, ctx->doc, tree_facts, p->headline,
                     article_body ? article_body->value : NULL);
    return NEWSMETA_OK;
}

/* Plain text, once decoded: NFC -> lines (text.c: candidates and body)
 * -> headline. */
static newsmeta_status text_stages(nmi_ctx *ctx, page *p, newsmeta_error *error)
{
    newsmeta_status st = nmi_normalize(&p->utf8, &p->len, &p->owned, error);
    if (st != NEWSMETA_OK)
        return st;
    nmi_parse_text_lines(ctx, p->utf8, p->len);
    drop_text(p);
    ctx->body.source = ctx->body.block_count ? NEWSMETA_SOURCE_TEXT : NEWSMETA_SOURCE_NONE;
    const nmi_cand *h = nmi_best_cand(ctx, NMI_F_HEADLINE);
    if (h) {
        p->headline = h->value;
        p->headline_src = h->source;
    }
    return NEWSMETA_OK;
}

/* The record (reconcile.c), its strings in NFC, and what the stages
 * noted on the way (charset, truncation). */
static newsmeta_status build(nmi_ctx *ctx, const page *p, newsmeta_article *a,
                             newsmeta_error *error)
{
    newsmeta_status st = ctx->oom ? NEWSMETA_ERR_NOMEM
                                  : nmi_build_article(ctx, a, p->headline, p->headline_src);
    if (st == NEWSMETA_OK) {
        normalize_record(ctx, a);
        unmask_names(ctx, a);
        if (ctx->oom)
            st = NEWSMETA_ERR_NOMEM;
        a->charset_source = ctx->charset_source;
        a->truncated = ctx->truncated;
    }
    if (st != NEWSMETA_OK)
        return nmi_fail(error, st, "%s", newsmeta_strerror(st));
    /* With NEWSMETA_OPT_NO_BODY the text was not looked at, so an empty
     * record is an answer, not a sign that the input holds nothing. */
    if (!a->headline && !a->paragraph_count && !a->description && !a->published.present &&
        !a->author_count && !a->site_name && !(ctx->opts.flags & NEWSMETA_OPT_NO_BODY))
        return nmi_fail(error, NEWSMETA_ERR_NOT_ARTICLE,
                        "no article text and no metadata found in the input");
    return NEWSMETA_OK;
}

/* Both entry points: the arguments, then decode -> the HTML or the text
 * stages -> build. (The caller asks json.c for JSON afterwards.) Each
 * step reports its own failure in error. */
static newsmeta_status parse(const char *input, size_t length, const char *url,
                             const newsmeta_options *options, newsmeta_article **out,
                             newsmeta_error *error, bool text)
{
    newsmeta_options opts;
    newsmeta_status st = check_call(text ? "newsmeta_parse_text" : "newsmeta_parse_html", input,
                                    length, url, options, out, &opts, error);
    if (st != NEWSMETA_OK)
        return st;
    article_box *box = calloc(1, sizeof *box);
    if (!box)
        return nmi_fail(error, NEWSMETA_ERR_NOMEM, "out of memory");
    nmi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.arena = &box->arena;
    ctx.opts = opts;
    ctx.url = (url && *url) ? url : NULL;
    ctx.base = ctx.url;
    nmi_arena tree_facts = {NULL};
    page p = {NULL, 0, false, NULL, NEWSMETA_SOURCE_NONE};

    st = nmi_decode(&ctx, input, length, &p.utf8, &p.len, &p.owned, error);
    if (st == NEWSMETA_OK)
        st = text ? text_stages(&ctx, &p, error) : html_stages(&ctx, &p, &tree_facts, error);
    if (st == NEWSMETA_OK)
        st = build(&ctx, &p, &box->pub, error);
    drop_text(&p);
    ctx_release(&ctx, &tree_facts);
    if (st != NEWSMETA_OK) {
        newsmeta_article_free(&box->pub);
        return st;
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
