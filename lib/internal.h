/*
 * Internal interfaces of newsmeta, one section per pipeline stage.
 *
 * Data flows one way; api.c calls the stages in turn:
 *   decode (bytes -> UTF-8) -> prune (before parsing: drops <style>, scripts
 *   other than JSON-LD, nested <svg>, surplus attributes) -> NFC (decode.c)
 *   -> html (libxml2 tree; api.c cuts it at options.max_depth) -> harvest
 *   (meta, microdata, markup candidates) + jsonld (Jansson) -> headline
 *   (reconcile) -> body (body.c: content chooses the container, blocks
 *   reads its paragraphs, links and captions; or the JSON-LD articleBody)
 *   -> reconcile (choose, normalize) -> article (api.c: strings in NFC)
 *   -> json, when the caller asks for it.
 * Plain text: decode -> NFC -> text (lines to candidates and blocks) ->
 *   reconcile -> article.
 *
 * Every stage works on a per-call context (nmi_ctx); there is no file-scope
 * mutable state anywhere in the library. Internal symbols with external
 * linkage carry the nmi_ prefix; the shared object exports only newsmeta_*.
 */
#ifndef NEWSMETA_INTERNAL_H
#define NEWSMETA_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>
#include <unicode/umachine.h>
#include <libxml/tree.h>

#include "newsmeta.h"

/* ------------------------------------------------------------------ */
/* Limits, each with the pathological case it prevents                 */
/* ------------------------------------------------------------------ */

/* The per-parse limits are options (newsmeta_options: max_depth,
 * max_paragraphs, max_links, max_jsonld_bytes, max_jsonld_depth; the
 * NEWSMETA_DEFAULT_* values in newsmeta.h). The ceilings below hold
 * whatever the options say.
 *
 * Recursive tree walks stop here, so a hostile page cannot overflow the C
 * stack; api.c also cuts the tree at options.max_depth (at most this) before
 * any walk. libxml2 itself keeps 256 levels (without XML_PARSE_HUGE). */
#define NMI_MAX_DEPTH 512
/* Ceilings of options.max_paragraphs and options.max_links (a page with
 * millions of <p> would make a multi-GB record); the stages stop at the
 * options as they push (blocks.c: nmi_push_block, nmi_push_link, and the
 * captions). */
#define NMI_MAX_PARAGRAPHS 1000000
#define NMI_MAX_LINKS 1000000
/* Ceiling of options.max_jsonld_depth. Jansson's own parser stops at 2048
 * levels; our walk over the parsed value stops at the option. */
#define NMI_MAX_JSONLD_DEPTH 1024
/* Attributes kept on one element: libxml2's HTML parser is quadratic in the
 * attributes of a tag (duplicate check, list append), so 100,000 attributes
 * take minutes. decode.c drops those beyond this before parsing. */
#define NMI_MAX_ATTRIBUTES 256
/* Candidates per field: a page listing 10,000 tags gets the first ones. */
#define NMI_MAX_CANDIDATES 4096
/* The number of leading bytes searched for <meta charset>. The HTML
 * standard says 1024; real pages put it later (after inline scripts), so we
 * look further. Bounded so the prescan stays linear and cheap. */
#define NMI_CHARSET_PRESCAN_BYTES (64u * 1024u)

/* ------------------------------------------------------------------ */
/* arena.c — per-article allocator                                     */
/* ------------------------------------------------------------------ */

typedef struct nmi_arena_block nmi_arena_block;
typedef struct nmi_arena {
    nmi_arena_block *head;
} nmi_arena;

void *nmi_arena_alloc(nmi_arena *arena, size_t size);
char *nmi_arena_strndup(nmi_arena *arena, const char *s, size_t n);
char *nmi_arena_strdup(nmi_arena *arena, const char *s);
void nmi_arena_release(nmi_arena *arena);

/* The one growable array: room for at least count + 1 elements of elem
 * bytes in items, whose capacity is *cap (0 for none yet; the first
 * allocation holds first_cap). With an arena the array moves into a new
 * arena block (the old one stays until the arena goes); without one it is
 * realloc'd (free it with free()). Returns the array to use from now on and
 * updates *cap, or NULL when out of memory or when the size would overflow
 * (items and *cap then unchanged, still valid). */
void *nmi_grow(nmi_arena *arena, void *items, size_t count, size_t *cap, size_t elem,
               size_t first_cap);

/* ------------------------------------------------------------------ */
/* strbuf.c — growable strings and UTF-8 text helpers                  */
/* ------------------------------------------------------------------ */

typedef struct nmi_buf {
    char *data;
    size_t len, cap;
    bool oom; /* sticky: once an append failed, the buffer is unusable */
} nmi_buf;

void nmi_buf_init(nmi_buf *b);
void nmi_buf_free(nmi_buf *b);
bool nmi_buf_append(nmi_buf *b, const char *s, size_t n);
/* Make room for extra more bytes (and the NUL) in one allocation. */
bool nmi_buf_reserve(nmi_buf *b, size_t extra);
bool nmi_buf_appendc(nmi_buf *b, char c);
void nmi_buf_reset(nmi_buf *b);

/* Append text with whitespace collapsed: runs of ASCII and Unicode spaces
 * (NBSP, thin spaces, ideographic space, line breaks) become one ' ', zero-
 * width characters are dropped, and no space is written at the start of
 * the buffer or after a space already there. */
bool nmi_buf_append_collapsed(nmi_buf *b, const char *s, size_t n);
/* Drop trailing spaces. */
void nmi_buf_rtrim(nmi_buf *b);

/* A new arena copy of s with whitespace collapsed and trimmed; NULL when
 * the result is empty (or on out of memory, which sets *oom). */
char *nmi_clean_text(nmi_arena *arena, const char *s, size_t n, bool *oom);

/* Number of Unicode code points (not bytes) that are not whitespace. */
size_t nmi_text_weight(const char *s, size_t n);

/* Case-insensitive ASCII helpers. */
bool nmi_ieq(const char *a, const char *b);
bool nmi_istarts(const char *s, const char *prefix);
const char *nmi_istr(const char *haystack, const char *needle);

/* A key that ignores case, spaces and punctuation: lower-case ASCII
 * letters and digits plus all non-ASCII bytes, into out[cap]. */
size_t nmi_squash(const char *s, char *out, size_t cap);
/* Equal under nmi_squash (and not empty). */
bool nmi_loose_equal(const char *a, const char *b);
/* The site label of a URL: "nytimes" for https://www.nytimes.com/... */
void nmi_host_key(const char *url, char *out, size_t cap);
/* Words separated by spaces in s[0..n). */
size_t nmi_word_count(const char *s, size_t n);
/* The code points of UTF-8 s[0..n) for which is() holds (ICU's property
 * tests: u_isdigit, u_isupper...): how many, and whether any. Invalid
 * sequences count as nothing. */
size_t nmi_utf8_count(const char *s, size_t n, UBool (*is)(UChar32));
bool nmi_utf8_any(const char *s, size_t n, UBool (*is)(UChar32));

/* s without the characters that can disguise a name (bidi embeddings,
 * overrides and isolates, C1 controls), whitespace collapsed: s itself
 * when it holds none, else an arena copy, NULL when nothing is left. */
const char *nmi_strip_disguise(nmi_arena *arena, const char *s, bool *oom);

/* Decode HTML character references (&amp; &#39; &eacute;) in a string that
 * did not pass through the HTML parser (JSON-LD values). Returns s itself
 * when there is nothing to decode. */
const char *nmi_decode_entities(nmi_arena *arena, const char *s, bool *oom);

/* ------------------------------------------------------------------ */
/* evidence.c — what the reading stages find, for reconcile*.c         */
/* ------------------------------------------------------------------ */

/* harvest.c, jsonld.c and text.c (and prune.c, through its caller) add
 * what they find through nmi_add_*; the dates are read once, with the
 * page's hints, when its language is known (nmi_read_dates); reconcile*.c
 * chooses among the candidates and never reads a string twice. */

typedef enum nmi_field {
    NMI_F_HEADLINE,    /* JSON-LD headline, og:title, twitter:title, itemprop */
    NMI_F_TITLE,       /* <title> */
    NMI_F_H1,          /* visible <h1> */
    NMI_F_AUTHOR,      /* one person name */
    NMI_F_BYLINE,      /* byline text as printed */
    NMI_F_PUBLISHER,   /* organization */
    NMI_F_PUBLISHED,   /* a date as printed, with its time read (nmi_cand.time) */
    NMI_F_MODIFIED,    /* a date as printed, with its time read (nmi_cand.time) */
    NMI_F_DESCRIPTION,
    NMI_F_LANGUAGE,
    NMI_F_SITE_NAME,
    NMI_F_CANONICAL,
    NMI_F_IMAGE,
    NMI_F_SECTION,
    NMI_F_TAG,
    NMI_F_BODY,        /* JSON-LD articleBody */
    NMI_F_IMAGE_CREDIT,
    NMI_F_AGENCY,      /* an organization credited as author (JSON-LD Organization) */
    NMI_F_AUTHOR_URL,  /* an author given only as a profile URL (article:author) */
    NMI_F_COUNT
} nmi_field;

/* Ranks: lower wins, and ranks compare across sources. The scale:
 *   10-19 JSON-LD on an article object      20-34 <meta>, microdata, other JSON-LD
 *   35-59 visible markup and printed text   60+   weaker guesses
 * The <meta> keys rank in harvest.c's table of keys (20-40); every other
 * rank is named here. Several names share a value: they tie. */
typedef enum nmi_rank {
    /* JSON-LD (jsonld.c), by the object a value is found on */
    NMI_RANK_LD_NEWS = 10,             /* NewsArticle and its kinds */
    NMI_RANK_LD_ARTICLE = 12,          /* Article, BlogPosting... */
    NMI_RANK_LD_SCANNED = 16,          /* datePublished/dateModified of a block Jansson rejects */
    NMI_RANK_LD_SCANNED_CREATED = 20,  /* its dateCreated */
    NMI_RANK_LD_WEBSITE = 24,          /* a WebSite's name */
    NMI_RANK_LD_ORGANIZATION = 30,     /* an Organization's name */
    NMI_RANK_LD_WEBPAGE = 32,          /* WebPage, ItemPage, CollectionPage */
    NMI_RANK_LD_OTHER = 33,            /* the dates of any other object */
    /* the document and microdata (harvest.c) */
    NMI_RANK_CANONICAL_LINK = 15,      /* <link rel=canonical> */
    NMI_RANK_HTML_LANG = 21,           /* <html lang> */
    NMI_RANK_ITEMPROP_DATE = 21,       /* itemprop datePublished, dateModified */
    NMI_RANK_ITEMPROP_HEADLINE = 22,   /* itemprop headline, articleSection */
    NMI_RANK_ITEMPROP_AUTHOR = 23,     /* itemprop author, description */
    NMI_RANK_HTTP_EQUIV_LANGUAGE = 24, /* <meta http-equiv=content-language> */
    NMI_RANK_META_EPOCH = 29,          /* a Unix timestamp in a <meta> named for publication */
    NMI_RANK_TWITTER_AUTHOR = 27,      /* twitter:data1 labelled "Written by" */
    NMI_RANK_META_PATTERN = 29,        /* a <meta> no table names, whose name says publication date */
    /* visible markup (harvest.c) */
    NMI_RANK_TIME_PUBLISHED = 35,      /* <time datetime> marked as the publication */
    NMI_RANK_DATE_NEAR_MARKED = 36,    /* near the <h1>, and labelled, in a byline or a <time> */
    NMI_RANK_DATE_NEAR = 38,           /* a printed date near the <h1>, no more */
    NMI_RANK_DATE_NEAR_BARE = 39,      /* a text node under the <h1> that is a date, unmarked */
    NMI_RANK_AUTHOR_LINK = 38,         /* <a rel=author> */
    NMI_RANK_TITLE = 40,               /* <title> */
    NMI_RANK_H1 = 40,
    NMI_RANK_BYLINE_CLASS = 40,        /* an element whose class or id says byline/author */
    NMI_RANK_DATE_LABELLED = 42,       /* a printed date after a label, far from the <h1> */
    NMI_RANK_DATE_ABOVE_BARE = 43,     /* a text node just above the <h1> (or beside the byline
                                          further down) that is a date, unmarked */
    NMI_RANK_BYLINE_LABEL_NEAR = 44,   /* a line that starts with a writer label, under the <h1> */
    NMI_RANK_TIME = 45,                /* another <time datetime> */
    NMI_RANK_BYLINE_LABEL = 46,        /* a line that starts with a writer label, elsewhere */
    NMI_RANK_DATE_IN_BYLINE = 46,      /* a printed date inside a byline, far from the <h1> */
    NMI_RANK_HIDDEN_INPUT = 46,        /* <input type=hidden class=published_date> */
    NMI_RANK_AUTHOR_PATH_LINK = 48,    /* a link to /author/jane-doe named "Jane Doe" */
    NMI_RANK_DATE_PRINTED = 52,        /* any other printed date */
    NMI_RANK_H1_TEASER = 60,           /* an <h1> that only links to another page */
    NMI_RANK_SIGNATURE = 60,           /* "Jane Doe <a href=mailto:...>" */
    /* plain text (text.c) */
    NMI_RANK_TEXT_HEADLINE = 30,       /* the headline and the standfirst */
    NMI_RANK_TEXT_HEADER = 40,         /* a meta line under the headline, a section, a credit */
    NMI_RANK_TEXT_ABOVE_HEADLINE = 42, /* a meta line above the headline */
    NMI_RANK_TEXT_BODY = 45            /* a meta line among or after the paragraphs */
} nmi_rank;

/* Added to a JSON-LD object's rank for its weaker properties. */
enum {
    NMI_LD_WEAKER_NAME = 4,            /* "name" for want of "headline" */
    NMI_LD_WEAKER_OTHER_CREATED = 4,   /* dateCreated of an object that is no article */
    NMI_LD_WEAKER_CREATOR = 5,         /* "creator" beside "author" */
    NMI_LD_WEAKER_THUMBNAIL = 5,       /* "thumbnailUrl" beside "image" */
    NMI_LD_WEAKER_UPLOADED = 5,        /* "uploadDate" */
    NMI_LD_WEAKER_CREATED = 6,         /* an article's dateCreated */
    NMI_LD_WEAKER_URL = 20,            /* "url" as the canonical URL */
    NMI_LD_WEAKER_ORG_PUBLISHER = 25   /* an organization credited as author, as the publisher */
};

/* What the page says about a candidate beyond its rank (NMI_CAND_*). */
enum {
    NMI_CAND_NEAR_HEADLINE = 1u << 0, /* printed near the headline (an <h1>; a text's header) */
    NMI_CAND_LABELLED = 1u << 1,      /* printed after a label ("Published:", "By") */
    NMI_CAND_IN_BYLINE = 1u << 2,     /* printed inside a byline */
    NMI_CAND_FROM_TIME = 1u << 3,     /* the text of a <time> */
    NMI_CAND_TEASER = 1u << 4         /* an <h1> that only links to another page */
};

struct nmi_time;       /* date.c */
struct nmi_date_hints; /* date.c */

/* A value seen somewhere in the page, before reconciliation. */
/* A byline as the markup prints it: the texts of its elements in order
 * ("<span>Jane Doe</span><span>Argus Leader</span>" gives two parts, so
 * the byline stage can tell a name from the outlet after it). Arena
 * strings, as found (not trimmed; a part may be empty). */
typedef struct nmi_byline_parts {
    const char *const *parts;
    size_t count;
} nmi_byline_parts;

typedef struct nmi_cand {
    const char *value; /* arena string, whitespace collapsed; a date as the page writes it */
    const nmi_byline_parts *parts; /* a byline or <h1> of the markup: its elements; else NULL */
    int rank;          /* nmi_rank, or a <meta> key's rank */
    newsmeta_source source;
    unsigned flags;    /* NMI_CAND_* */
    /* A date (NMI_F_PUBLISHED, NMI_F_MODIFIED): its value read with the
     * page's hints, once (an arena copy); NULL when it holds no date. */
    const struct nmi_time *time;
    bool read;         /* time is set: the value was read */
} nmi_cand;

typedef struct nmi_cands {
    nmi_cand *items;
    size_t count, cap;
} nmi_cands;

/* Evidence of the page's own zone, beside its dates (reconcile_dates.c
 * gives naive times the page's offset from it). */
typedef enum nmi_zone_kind {
    NMI_ZONE_LOCAL,      /* a local time of the page, with its offset */
    NMI_ZONE_MACHINE_UTC /* the page's machine-readable naive times are UTC */
} nmi_zone_kind;

typedef enum nmi_zone_strength {
    NMI_ZONE_STRONG, /* a <time> whose text prints its datetime in the page's zone */
    NMI_ZONE_WEAK    /* an inline script's publication time: after the zones printed by dates */
} nmi_zone_strength;

typedef struct nmi_zone_ev {
    nmi_zone_kind kind;
    nmi_zone_strength strength;
    /* NMI_ZONE_LOCAL: the time with its offset (an arena copy); NULL while
     * unread or when text reads as no date */
    const struct nmi_time *local;
    const char *text; /* a script's time as written, until it is read; else NULL */
} nmi_zone_ev;

typedef struct nmi_zone_evs {
    nmi_zone_ev *items; /* in the arena */
    size_t count, cap;
} nmi_zone_evs;

/* A publication time an inline script states ("articlePublishTime":
 * "2019-11-19T18:18:25.828-08:00"), found by prune.c before the page is
 * parsed: its text as written, NUL-terminated. */
typedef struct nmi_script_time {
    char text[48];
} nmi_script_time;

typedef struct nmi_script_times {
    nmi_script_time *items; /* in the arena */
    size_t count, cap;
} nmi_script_times;

typedef struct nmi_ctx nmi_ctx;

/* Record a candidate; value is copied into the arena, cleaned (whitespace
 * collapsed) and ignored when empty. */
void nmi_add_cand(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                  newsmeta_source source);
/* nmi_add_cand() with NMI_CAND_* flags. */
void nmi_add_cand_flags(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                        newsmeta_source source, unsigned flags);
/* Record a byline of the markup by its elements (parts, kept as given):
 * its value is their text joined by spaces. */
void nmi_add_byline(nmi_ctx *ctx, const nmi_byline_parts *parts, int rank,
                    newsmeta_source source, unsigned flags);
/* The parts joined with sep between them, into the arena; NULL when out
 * of memory (ctx->oom). */
const char *nmi_byline_parts_join(nmi_ctx *ctx, const nmi_byline_parts *parts, char sep);
/* Record a date already read: t is its time (copied), NULL when the
 * value holds no date. */
void nmi_add_date(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                  newsmeta_source source, unsigned flags, const struct nmi_time *t);
/* Record zone evidence: a local time with its offset (copied), or that
 * the page's machine-readable naive times are UTC. */
void nmi_add_zone_local(nmi_ctx *ctx, const struct nmi_time *local, nmi_zone_strength strength);
void nmi_add_zone_machine_utc(nmi_ctx *ctx);
/* Record the scripts' publication times prune.c found, as weak zone
 * evidence to be read with the page's hints. */
void nmi_add_script_times(nmi_ctx *ctx, const nmi_script_times *times);
/* Read what is not read yet (date candidates, script times) with the
 * page's hints h (or, when NULL, its own). Called once the page's
 * language candidates are all in: at the end of harvest and of text. */
void nmi_read_dates(nmi_ctx *ctx, struct nmi_date_hints *h);
/* Best (lowest rank, earliest) candidate, or NULL. */
const nmi_cand *nmi_best_cand(const nmi_ctx *ctx, nmi_field field);
/* The lowest rank above last among the candidates, NMI_NO_RANK when none:
 * for taking candidates rank by rank, best first (start with last =
 * -NMI_NO_RANK). */
#define NMI_NO_RANK 1000000
int nmi_next_rank(const nmi_cands *c, int last);

/* ------------------------------------------------------------------ */
/* Per-call context                                                    */
/* ------------------------------------------------------------------ */

/* A body block before it lands in the article. */
typedef struct nmi_block {
    newsmeta_paragraph_kind kind;
    int level;
    const char *text;
    size_t length;
    bool linky; /* mostly link text: dropped after the tail is trimmed */
} nmi_block;

typedef struct nmi_link {
    const char *href;
    const char *text;
    newsmeta_link_kind kind;
    long paragraph;
    size_t start, end;
} nmi_link;

/* What the reading stages found (evidence.c), added through nmi_add_*, for
 * reconcile*.c to choose from. */
typedef struct nmi_evidence {
    nmi_cands cands[NMI_F_COUNT]; /* candidates per field; items malloc'd */
    nmi_zone_evs zones;           /* the page's zone, in the arena */
} nmi_evidence;

/* What the body stage (body.c; text.c for plain text) hands on: blocks,
 * links and captions in the arena, and where they came from. */
typedef struct nmi_body {
    nmi_block *blocks;
    size_t block_count, block_cap;
    nmi_link *links;
    size_t link_count, link_cap;
    const char **captions; /* figure captions met in the body */
    size_t caption_count, caption_cap;
    newsmeta_source source; /* markup, the JSON-LD articleBody, or text */
} nmi_body;

/* One call's context. The page's facts (url, base, doc, charset) are set
 * by the entry and the first stages and only read after; each later stage
 * writes its own part (ev, body); truncated and oom are the call's. */
typedef struct nmi_ctx {
    nmi_arena *arena;
    newsmeta_options opts; /* copy with defaults filled in */
    const char *url;       /* page URL as given, or NULL */
    const char *base;      /* base for links: <base href> over url */
    htmlDocPtr doc;
    const char *charset;
    newsmeta_charset_source charset_source;
    nmi_evidence ev;
    nmi_body body;
    uint32_t truncated; /* NEWSMETA_TRUNCATED_* bits */
    bool oom;           /* sticky out-of-memory flag */
} nmi_ctx;

/* ------------------------------------------------------------------ */
/* decode.c — bytes to UTF-8                                           */
/* ------------------------------------------------------------------ */

/* Decide the charset (BOM, caller's charset, <meta charset>, UTF-8
 * validity, ICU detection; WHATWG labels only: decode_labels.h) into
 * ctx->charset and ctx->charset_source, and convert to UTF-8 with invalid
 * sequences replaced by U+FFFD; NEWSMETA_ERR_ENCODING when the caller's
 * charset is none the page can be read in. When
 * *owned, *out is malloc'd (free it with free()); otherwise it points
 * into bytes (valid UTF-8 needs no copy). */
newsmeta_status nmi_decode(nmi_ctx *ctx, const char *bytes, size_t len, char **out,
                           size_t *out_len, bool *owned, newsmeta_error *err);
/* NFC of the decoded text, when it needs it: *text is replaced by a
 * malloc'd copy (and the old one freed when *owned). Runs after prune.c,
 * on the fewer bytes it leaves. */
newsmeta_status nmi_normalize(char **text, size_t *len, bool *owned, newsmeta_error *err);
/* Does the UTF-8 text hold a code point whose NFC_Quick_Check is not Yes? */
bool nmi_needs_nfc(const char *s, size_t n);
/* NFC of s into the arena; with cuts (sorted byte offsets into s), each is
 * mapped to its offset in the result. NULL on failure (sets ctx->oom when
 * out of memory). */
char *nmi_nfc_arena(nmi_ctx *ctx, const char *s, size_t n, size_t *out_len, size_t *cuts,
                    size_t ncuts);

/* ------------------------------------------------------------------ */
/* prune.c — the markup's bytes, before libxml2 reads them             */
/* ------------------------------------------------------------------ */

/* Before HTML parsing: drop the text of <style> and of scripts
 * other than JSON-LD and the content of plainly nested inline <svg>, and
 * keep at most NMI_MAX_ATTRIBUTES attributes per start tag, tokenizing as
 * libxml2 does. The publication times the inline scripts state are
 * appended to *times (in the arena) before their text goes: the caller
 * hands them to the evidence (nmi_add_script_times). Returns NULL when
 * nothing had to change, else a malloc'd copy (length in *out_len); sets
 * NEWSMETA_TRUNCATED_ATTRIBUTES in ctx->truncated when attributes went. */
char *nmi_prune_markup(nmi_ctx *ctx, const char *utf8, size_t len, size_t *out_len,
                       nmi_script_times *times);

/* ------------------------------------------------------------------ */
/* html.c — libxml2 parsing and tree helpers                           */
/* ------------------------------------------------------------------ */

htmlDocPtr nmi_parse_html_utf8(const char *utf8, size_t len);
/* Lower-case tag name of an element ("" for other nodes). libxml2's HTML
 * parser already lower-cases names. */
static inline const char *nmi_tag(const xmlNode *n)
{
    return (n && n->type == XML_ELEMENT_NODE && n->name) ? (const char *)n->name : "";
}
/* Attribute value borrowed from the tree (no copy), or NULL. */
const char *nmi_attr(const xmlNode *n, const char *name);
/* The one walker over visible text: each reader of text gives its skip
 * policy and its sink. The content of <script>, <style>, <noscript> and
 * <template> is never visible text; these leave out more: */
typedef enum nmi_text_skip {
    NMI_TEXT_SKIP_HEAD = 1u << 0,   /* <head> and <title>: the document's, not the page's */
    NMI_TEXT_SKIP_WIDGETS = 1u << 1 /* <svg>, <select>, <button>, <iframe>: drawings, controls */
} nmi_text_skip;

typedef struct nmi_text_walk {
    unsigned skip; /* nmi_text_skip bits */
    int max_depth; /* nodes more than this many levels below the first are not read */
    /* each text (or CDATA) node's text, never empty */
    void (*text)(void *sink, const char *s);
    /* before and after the children of each element read; may be NULL */
    void (*enter)(void *sink, const xmlNode *el);
    void (*leave)(void *sink, const xmlNode *el);
    /* asked before each node; true stops the walk; may be NULL */
    bool (*full)(const void *sink);
} nmi_text_walk;

/* Walk the nodes from first on (its following siblings and everything
 * below them), in document order. */
void nmi_walk_text(const xmlNode *first, const nmi_text_walk *w, void *sink);
/* Concatenated text of a subtree, whitespace collapsed (with a space at
 * the edges of block elements), into the arena; NULL when empty. */
char *nmi_node_text(nmi_ctx *ctx, const xmlNode *n);
/* A link a crawler may follow, or NULL. href is read as a browser reads
 * it (leading and trailing controls and spaces stripped, tabs and line
 * breaks removed anywhere), resolved against the context base with
 * libxml2's URI code, and kept only when the result is http or https
 * (javascript:, data:, file:, ftp:, mailto:, ... give NULL), without the
 * user name and password it may carry. With no base, a relative href is
 * kept as it is. An arena string; NULL also for empty and fragment-only
 * hrefs, and out of memory (ctx->oom). */
const char *nmi_resolve_url(nmi_ctx *ctx, const char *href);

/* ------------------------------------------------------------------ */
/* harvest*.c — <meta>, <link>, microdata, <title>, <h1>, <time>, dates */
/*              and bylines as printed (harvest.h between the files)   */
/* jsonld.c  — JSON-LD blocks                                          */
/* ------------------------------------------------------------------ */

/* The tree (ctx->doc) to evidence: candidates for every field, the zone
 * evidence of <time> pairs, every date read with the page's hints. */
void nmi_harvest(nmi_ctx *ctx);
/* One JSON-LD block's text to candidates (called by harvest.c). */
void nmi_jsonld(nmi_ctx *ctx, const char *json, size_t len);

/* ------------------------------------------------------------------ */
/* tags.c — tag classes; the per-element facts of the body stage       */
/* ------------------------------------------------------------------ */

/* Tag classes (content.c looks each element's tag up once). */
enum {
    NMI_TAG_BLOCK = 1 << 0,     /* ends a paragraph */
    NMI_TAG_PARA = 1 << 1,      /* paragraph-like for scoring */
    NMI_TAG_DIVLIKE = 1 << 2,   /* a paragraph when it holds text directly */
    NMI_TAG_JUNK = 1 << 3,      /* never article text */
    NMI_TAG_SOFT_JUNK = 1 << 4, /* not article text unless it wraps the page */
    NMI_TAG_HEADING = 1 << 5,
    NMI_TAG_ITEM = 1 << 6,      /* li, dd, dt */
    NMI_TAG_PRE = 1 << 7,
    NMI_TAG_LINK = 1 << 8,
    NMI_TAG_BR = 1 << 9,
    NMI_TAG_CAPTION = 1 << 10,
    NMI_TAG_CHROME = 1 << 11 /* junk by tag, yet it may hold the article: markup a
                                browser repairs otherwise (an unclosed <button>),
                                text a script moves into place (<template>) */
};

typedef struct nmi_tag_desc {
    const char *name;
    uint16_t flags; /* NMI_TAG_* */
    int8_t base;    /* Readability's initial score by tag */
} nmi_tag_desc;

/* The table entry of a tag name, or NULL for tags of no interest. */
const nmi_tag_desc *nmi_tag_desc_of(const char *name);
/* NMI_TAG_* flags of a tag name (0 for tags of no interest). */
uint16_t nmi_tag_flags(const char *name);

/* class_words.c: what the words of a class or id value say (split at
 * punctuation and camelCase humps): boilerplate, strongly (even on an
 * element that also looks like content), weakly (unless a good word is
 * there too) or by a page builder's layout word; and whether a word
 * suggests article text (good). */
typedef enum { NMI_CLS_NONE, NMI_CLS_WEAK, NMI_CLS_STRONG, NMI_CLS_LAYOUT } nmi_cls_junk;
void nmi_classify_class(const char *v, nmi_cls_junk *junk, bool *good);
/* An ARIA role of page chrome ("navigation", "banner", "dialog", ...). */
bool nmi_junk_role(const char *role);

/* Per-element facts computed once in a bottom-up pass (content.c) and
 * shared with blocks.c and body.c through xmlNode::_private. They live in
 * the facts arena of nmi_extract_body, which api.c releases after freeing
 * the tree. Elements the pass did not reach (outside <body>, below hard
 * junk other than chrome) have none: nmi_info() is NULL. */
typedef struct nmi_node_info {
    uint32_t raw_text;  /* visible text below, ignoring soft junk (first pass) */
    uint32_t prose;     /* text of the prose paragraphs below, hard junk included */
    uint32_t text;      /* non-space code points of visible text below */
    uint32_t link_text; /* of which inside <a> */
    uint32_t commas;
    uint32_t paragraphs; /* <p>-like descendants with real text */
    double score;
    bool hard_junk;     /* by tag, hidden, or role: junk whatever its size */
    bool chrome;        /* hard junk that holding the page's prose overrides */
    bool junk;          /* boilerplate or hidden: never part of the body */
    bool scored;
    bool ranked;        /* final score computed (content.c) */
    bool link_first;    /* the first visible text below is inside a link */
    uint8_t cls;        /* class/id vocabulary flags (content.c) */
    uint16_t tag;       /* NMI_TAG_* of the element's tag */
    int8_t base;        /* initial score by tag */
} nmi_node_info;

static inline nmi_node_info *nmi_info(const xmlNode *n)
{
    return n ? (nmi_node_info *)n->_private : NULL;
}

/* ------------------------------------------------------------------ */
/* body.c — the body stage: content.c chooses, blocks.c reads          */
/* ------------------------------------------------------------------ */

/* The page's body, decided once: the blocks, links and captions of the
 * main content of doc (the whole <body> when that gives almost nothing),
 * or article_body (the JSON-LD articleBody candidate, may be NULL) split
 * into paragraphs when it holds far more text. Blocks repeating headline
 * are dropped. Fills ctx->body (blocks, links, captions, source); does
 * nothing with NEWSMETA_OPT_NO_BODY. The facts of doc's elements go into
 * facts, hung on xmlNode::_private: release facts after freeing doc (the
 * later stages still walk the tree), never before. */
void nmi_extract_body(nmi_ctx *ctx, xmlDoc *doc, nmi_arena *facts, const char *headline,
                      const char *article_body);

/* content.c: the containers the article is read from. Computes the facts
 * of every element below the page's <body> into the facts arena, hung on
 * xmlNode::_private (nmi_info), then scores them. Writes up to cap roots,
 * returns their number; *body gets the <body> element (or the root), or
 * NULL when the page has no element or memory ran out (ctx->oom). */
size_t nmi_choose_content(nmi_ctx *ctx, xmlDoc *doc, nmi_arena *facts, xmlNode **roots,
                          size_t cap, xmlNode **body);

/* blocks.c: */
/* Append a block or a link to ctx (growing its arrays in the arena);
 * false at the options' max_paragraphs and max_links (setting the
 * truncation flag) or out of memory (ctx->oom). */
bool nmi_push_block(nmi_ctx *ctx, const nmi_block *b);
bool nmi_push_link(nmi_ctx *ctx, const nmi_link *l);
/* Append the blocks, links and captions of the containers roots (their
 * nmi_node_info computed), then drop the page's own lines around the
 * article's prose and the blocks that are mostly links. */
void nmi_emit_blocks(nmi_ctx *ctx, xmlNode **roots, size_t nroots, const char *headline);

/* ------------------------------------------------------------------ */
/* lexicon.c, lexicon_bylines.c — the words and labels of pages      */
/* ------------------------------------------------------------------ */

#include "lexicon.h"

/* ------------------------------------------------------------------ */
/* text*.c — plain-text input (text_internal.h: what they share)       */
/* ------------------------------------------------------------------ */

/* Classify the lines of a plain-text article into candidates, blocks and
 * related links on ctx (text is UTF-8). */
void nmi_parse_text_lines(nmi_ctx *ctx, const char *text, size_t len);

/* ------------------------------------------------------------------ */
/* date.c — timestamps (the date files: see date_parse.h)              */
/* ------------------------------------------------------------------ */

/* A time as a page gives it. The zone strings are stored inside the
 * struct (it is copied freely). */
typedef struct nmi_time {
    int year, month, day, hour, minute, second;
    int offset_minutes;
    bool offset_known;
    newsmeta_precision precision;
    char zone[48];  /* the zone as printed ("IST", "Z", "GMT+3", "+05:30") or an IANA id (the
                     * longest, "America/Argentina/ComodRivadavia", has 32 bytes); "" if none */
    char iana[48];  /* the IANA zone a name stands for ("Asia/Kolkata"), "" if none */
    bool epoch;     /* read from a Unix timestamp (nmi_time_from_unix): an instant beyond doubt */
} nmi_time;

/* What the page says about its own language and country, for reading its
 * dates: month names, the order of numeric dates (05/10/2018), and what a
 * zone abbreviation stands for there ("IST" in India or in Ireland). */
typedef struct nmi_zone_memo {
    char abbr[16];  /* as printed, UTF-8 */
    char iana[48];  /* the zone it stands for on this page; "" when it is none */
    int kind;       /* 0 generic ("ET"), 1 standard time ("EST"), 2 daylight time ("EDT") */
} nmi_zone_memo;

typedef struct nmi_date_hints {
    char lang[12];       /* primary language subtag, lower case ("en"); "" if unknown */
    char regions[4][4];  /* ISO 3166 regions, best first: the language tags', then the URL's country domain */
    int nregions;
    /* abbreviations already resolved for this page (ICU's zone-name
     * lookup is costly); per page, never shared */
    nmi_zone_memo memo[8];
    int nmemo;
    bool skip_names; /* leave zone abbreviations unread (only where a date is is wanted) */
    int64_t now;     /* the parse's clock (options.now), Unix seconds; 0: read the system clock */
    /* the order of the page's numeric dates, as one it prints tells it
     * (18/12/2025 or 12/18/2025): 0 unknown (the locale's), else one of
     * NMI_ORDER_DMY, NMI_ORDER_MDY */
    int numeric_order;
} nmi_date_hints;

enum { NMI_ORDER_DMY = 1, NMI_ORDER_MDY = 2 };

/* Hints from a page: its language candidates (html lang, og:locale,
 * inLanguage, Content-Language), the country domain of its URL, and the
 * parse's clock (ctx->opts.now). */
void nmi_date_hints_init(const nmi_ctx *ctx, nmi_date_hints *h);
/* Parse one date text with the page's hints: ISO 8601 (with week and
 * ordinal dates), RFC 2822, and
 * textual dates in many languages (month, weekday and am/pm names, date
 * orders and ordinals from ICU's locale data). The zone is read when
 * printed; a naive time keeps its offset unknown (no default zone here).
 * False when the text holds no complete date. */
bool nmi_parse_date_hinted(const char *s, nmi_date_hints *h, nmi_time *out);
/* nmi_parse_date_hinted(), true only when the text is the date and no
 * more: a weekday before it, a zone after it, and words parted from it by
 * a separator ("Jane Doe | July 2, 2025") may stand beside it, not a
 * sentence ("Redeem by 12.31.23"). */
bool nmi_parse_date_alone(const char *s, nmi_date_hints *h, nmi_time *out);
/* nmi_parse_date_hinted() with the hints of ctx's page, then the caller's
 * default zone for a naive time. */
bool nmi_parse_date(nmi_ctx *ctx, const char *s, nmi_time *out);
/* Offset (minutes east) of an IANA zone at t's local wall time, daylight
 * saving included (ICU). False for an id ICU does not know. */
bool nmi_zone_offset(const char *iana, const nmi_time *t, int *offset);
/* The instant of a Unix timestamp (seconds), seen in UTC: an instant beyond
 * doubt (nmi_time::epoch). False when it is no valid date. */
bool nmi_time_from_unix(int64_t seconds, nmi_time *out);
/* The Unix time of t: needs a known offset and at least the hour. */
bool nmi_time_instant(const nmi_time *t, int64_t *utc);
/* Rewrite t as the instant utc seen at the given offset (the precision is
 * kept; at least the hour). */
void nmi_time_set_instant(nmi_time *t, int64_t utc, int offset_minutes);
/* Give a naive time (at least the hour) an offset: a fixed one, or the
 * one of an IANA zone at that date when iana is set. */
bool nmi_time_adopt_zone(nmi_time *t, const char *iana, int offset_minutes, const char *label);
/* A /yyyy/mm/dd/, /yyyy-mm-dd or /yyyy/mon/dd/ date in a URL path. */
bool nmi_date_from_url(const char *url, nmi_time *out);
/* Fill a public timestamp (ISO string, UTC seconds) from a parsed time. */
void nmi_time_to_public(nmi_ctx *ctx, const nmi_time *t, const char *raw, newsmeta_source src,
                        newsmeta_timestamp *out);
/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
int64_t nmi_days_from_civil(int y, int m, int d);
/* Length of a date label at the start of s ("Published:", "Updated",
 * "Mis à jour le", "기사입력"), 0 if none; *updated tells which kind. */
size_t nmi_date_label(const char *s, bool *updated);

/* ------------------------------------------------------------------ */
/* byline*.c — bylines to person names                                 */
/* ------------------------------------------------------------------ */

/* What follows is called by other stages; byline_parts.h holds what the
 * byline files (byline.c, byline_credit.c, byline_classify.c,
 * byline_tokens.c) share among themselves. */

typedef struct nmi_names {
    const char **list; /* arena array of arena strings */
    size_t count, cap;
    const char *site;      /* the site's and publisher's names are not authors */
    const char *publisher;
    char hostk[256];
    const char *agency;    /* first organization credited, not the site itself */
    const char *own;       /* a credit of the site's own name or desk */
} nmi_names;

void nmi_names_init(nmi_names *nm, const char *site, const char *publisher, const char *url);
/* Split a byline (or one author value) into names appended to nm,
 * skipping duplicates and what is not a person; organizations credited
 * go to nm->agency (or nm->own). parts, when not NULL, are the byline's
 * elements in the markup (the candidate's parts), read instead of the
 * text. */
void nmi_split_byline(nmi_ctx *ctx, const char *byline, const nmi_byline_parts *parts,
                      nmi_names *nm);
/* Length of a writer label at the start of s ("Written by", "Publicado
 * por:", "By"), or 0; *bare is set for the one-word labels ("By", "Von",
 * "Por") that also start ordinary sentences. */
size_t nmi_byline_label(const char *s, bool *bare);
/* Is s the name of a news agency ("Reuters", "AP", "PTI")? */
bool nmi_known_agency(const char *s);
/* Record an organization credited as author. */
void nmi_names_add_org(nmi_ctx *ctx, nmi_names *nm, const char *org);
/* The byline as printed, for newsmeta_article::byline (its elements'
 * texts when parts is not NULL), from its writer label to where it stops
 * naming people (a date, "Updated"). An arena string, or NULL when
 * nothing is left. */
const char *nmi_byline_display(nmi_ctx *ctx, const char *byline,
                               const nmi_byline_parts *parts);

/* ------------------------------------------------------------------ */
/* reconcile*.c — the evidence to the public record                    */
/* ------------------------------------------------------------------ */

/* reconcile_headline.c: choose the headline before content extraction
 * (the body must not repeat it). Returns an arena string or NULL. */
const char *nmi_choose_headline(nmi_ctx *ctx, newsmeta_source *src);
/* reconcile_authors.c: a->authors, byline and agency (with their
 * sources), from the credits and bylines; reads a->site_name and
 * a->publisher (not authors) and the body blocks (a dateline's agency). */
void nmi_choose_authors(nmi_ctx *ctx, newsmeta_article *a);
/* reconcile_dates.c: a->published and a->modified, from the date
 * candidates and the zone evidence, then the URL. */
void nmi_choose_dates(nmi_ctx *ctx, newsmeta_article *a);
/* reconcile.c: the record, from the evidence and the body stages' blocks
 * and links. */
newsmeta_status nmi_build_article(nmi_ctx *ctx, newsmeta_article *a, const char *headline,
                                  newsmeta_source headline_src);

/* ------------------------------------------------------------------ */
/* api.c — entry points and options                                    */
/* ------------------------------------------------------------------ */

/* Fill zero limits of options with their defaults and clamp the others to
 * their ceilings (every nmi_ctx holds resolved options). */
void nmi_resolve_options(newsmeta_options *o);

/* ------------------------------------------------------------------ */
/* error.c — error reporting                                           */
/* ------------------------------------------------------------------ */

/* Fill the caller's error struct (when err is not NULL) with code and the
 * formatted message; returns code. */
newsmeta_status nmi_fail(newsmeta_error *err, newsmeta_status code, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif /* NEWSMETA_INTERNAL_H */
