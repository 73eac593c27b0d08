/* Stage 2: the page's markup, pruned before libxml2 reads it.
 *
 * One linear pass over the UTF-8 page, tokenized by libxml2's own rules
 * (HTMLparser.c in recovery mode: start and end tags, names of at most 100
 * characters, quoted and bare attribute values, comments ending in "-->"
 * or "--!>", DOCTYPE and processing instructions, and the raw text of
 * <script> and <style>, which ends at "</script" or "</style" in any
 * case). It changes the page in three ways and nothing else:
 *
 * - The text of <style> and of every <script> but JSON-LD is dropped
 *   (the elements stay, empty). No later stage reads it, and it is about
 *   half the bytes of a news page and a third of libxml2's parsing time.
 *   Inline JavaScript is read here first for the page's zone: its
 *   publication times ("articlePublishTime": "...-08:00") are handed
 *   back to the caller, for the evidence.
 * - The content of inline <svg> drawings is dropped when it is plainly
 *   nested SVG (svg_close): icons and charts are junk to every stage and
 *   their path data is heavy for the parser.
 * - Attributes after the first NMI_MAX_ATTRIBUTES of a start tag are
 *   dropped: libxml2 2.9 checks each attribute against all earlier ones,
 *   so a tag with 100,000 attributes would take minutes. Real pages never
 *   come near the limit; when one does, the record says so (truncated). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static bool x_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool x_name_char(unsigned char c)
{
    return x_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' ||
           c == '.';
}

static bool x_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

typedef struct tag_scan {
    const unsigned char *s;
    size_t n;
    nmi_buf out;   /* the pruned page, once something was dropped */
    size_t copied; /* s[0..copied) is in out (or needs no copy yet) */
    bool cut, cut_attributes;
    bool dry; /* reading ahead: drop nothing */
} tag_scan;

/* Drop s[from..to) from the output. */
static void drop_span(tag_scan *t, size_t from, size_t to)
{
    if (from >= to)
        return;
    if (!t->cut)
        nmi_buf_reserve(&t->out, t->n); /* one allocation: the output only shrinks */
    nmi_buf_append(&t->out, (const char *)t->s + t->copied, from - t->copied);
    t->copied = to;
    t->cut = true;
}

static size_t skip_blanks(const tag_scan *t, size_t i)
{
    while (i < t->n && x_blank(t->s[i]))
        i++;
    return i;
}

/* htmlParseHTMLName: at most 100 name characters. */
static size_t scan_name(const tag_scan *t, size_t i, char *lower, size_t cap)
{
    size_t k = 0;
    while (i < t->n && k < 100 && x_name_char(t->s[i])) {
        if (lower && k + 1 < cap)
            lower[k] = (char)(t->s[i] | 0x20);
        k++;
        i++;
    }
    if (lower)
        lower[k + 1 < cap ? k : cap - 1] = '\0';
    return i;
}

typedef struct start_tag {
    char name[16];      /* lower-cased, cut to 15 characters */
    bool empty;         /* ended in "/>" */
    const char *type;   /* the value of its type attribute, if any */
    size_t type_len;
} start_tag;

/* A start tag at s[i] == '<' (a letter follows). Returns the offset after
 * it and describes it in *tag. */
static size_t scan_start_tag(tag_scan *t, size_t i, start_tag *tag)
{
    const unsigned char *s = t->s;
    size_t n = t->n;
    i = scan_name(t, i + 1, tag->name, sizeof tag->name);
    i = skip_blanks(t, i);
    size_t attrs = 0;
    tag->empty = false;
    tag->type = NULL;
    tag->type_len = 0;
    while (i < n && s[i] != '>' && !(s[i] == '/' && i + 1 < n && s[i + 1] == '>')) {
        size_t from = i;
        unsigned char c = s[i];
        if (x_letter(c) || c == '_' || c == ':' || c == '.') {
            i = scan_name(t, i, NULL, 0);
            bool is_type = i - from == 4 && (s[from] | 0x20) == 't' &&
                           (s[from + 1] | 0x20) == 'y' && (s[from + 2] | 0x20) == 'p' &&
                           (s[from + 3] | 0x20) == 'e';
            i = skip_blanks(t, i);
            if (i < n && s[i] == '=') {
                i = skip_blanks(t, i + 1);
                size_t v = i;
                if (i < n && (s[i] == '"' || s[i] == '\'')) {
                    const unsigned char *q = memchr(s + i + 1, s[i], n - i - 1);
                    v++;
                    i = q ? (size_t)(q - s) + 1 : n;
                    if (is_type && q)
                        tag->type_len = (size_t)(q - s) - v;
                } else {
                    while (i < n && s[i] != '>' && !x_blank(s[i]))
                        i++;
                    if (is_type)
                        tag->type_len = i - v;
                }
                if (is_type && !tag->type)
                    tag->type = (const char *)s + v;
            }
            i = skip_blanks(t, i);
            if (++attrs > NMI_MAX_ATTRIBUTES && !t->dry) {
                drop_span(t, from, i);
                t->cut_attributes = true;
            }
        } else {
            /* a bogus attribute, dumped up to a blank or the end of the tag */
            while (i < n && !x_blank(s[i]) && s[i] != '>' &&
                   !(s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
                i++;
            i = skip_blanks(t, i);
        }
    }
    if (i < n && s[i] == '/') {
        tag->empty = true;
        return i + 2;
    }
    return i < n ? i + 1 : n;
}

/* The offset after a comment's end ("-->" or "--!>") at or after s[i], or
 * n when it is unterminated. One forward scan: searching for each ending
 * separately would read the rest of the page once per comment. */
static size_t comment_end(const tag_scan *t, size_t i)
{
    const unsigned char *s = t->s;
    while (i + 3 <= t->n) {
        const unsigned char *p = memchr(s + i, '-', t->n - i - 2);
        if (!p)
            break;
        i = (size_t)(p - s);
        if (s[i + 1] == '-') {
            if (s[i + 2] == '>')
                return i + 3;
            if (s[i + 2] == '!' && i + 3 < t->n && s[i + 3] == '>')
                return i + 4;
        }
        i++;
    }
    return t->n;
}

/* The offset of the "</name" that ends raw text starting at s[i] (any
 * case), or n. */
static size_t raw_text_end(const tag_scan *t, size_t i, const char *name)
{
    const unsigned char *s = t->s;
    size_t k = strlen(name);
    while (i < t->n) {
        const unsigned char *p = memchr(s + i, '<', t->n - i);
        if (!p)
            return t->n;
        i = (size_t)(p - s);
        if (i + 2 + k <= t->n && s[i + 1] == '/' && nmi_istarts((const char *)s + i + 2, name))
            return i;
        i++;
    }
    return t->n;
}

static bool type_has(const start_tag *tag, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; tag->type && i + k <= tag->type_len; i++)
        if (nmi_istarts(tag->type + i, word))
            return true;
    return false;
}

/* One token of the page, as libxml2 reads it. */
typedef enum { TOK_NONE, TOK_START, TOK_END, TOK_OTHER } tok_kind;

typedef struct token {
    tok_kind kind;
    size_t at;      /* offset of its '<' */
    start_tag tag;  /* TOK_START: the tag; TOK_END: its name in tag.name */
} token;

/* The next token at or after s[i] (text is skipped); returns the offset
 * after it. TOK_NONE at the end of the page. */
static size_t next_token(tag_scan *t, size_t i, token *tk)
{
    const unsigned char *s = t->s;
    size_t len = t->n;
    tk->kind = TOK_NONE;
    const unsigned char *lt = i < len ? memchr(s + i, '<', len - i) : NULL;
    if (!lt)
        return len;
    i = (size_t)(lt - s);
    tk->at = i;
    tk->kind = TOK_OTHER;
    if (i + 1 >= len)
        return len;
    unsigned char c = s[i + 1];
    if (c == '/') {
        /* end tag: name, then up to '>' */
        i += 2;
        if (i < len && (x_letter(s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.')) {
            tk->kind = TOK_END;
            i = skip_blanks(t, scan_name(t, i, tk->tag.name, sizeof tk->tag.name));
            const unsigned char *gt = i < len ? memchr(s + i, '>', len - i) : NULL;
            i = gt ? (size_t)(gt - s) + 1 : len;
        }
        return i;
    }
    if (c == '!' && i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-')
        return comment_end(t, i + 4); /* unterminated: to the end */
    if ((c == '!' && i + 9 <= len && nmi_istarts((const char *)s + i + 2, "doctype")) ||
        (c == '?' && i + 2 < len && (x_letter(s[i + 2]) || s[i + 2] == '_' || s[i + 2] == ':'))) {
        /* DOCTYPE, processing instruction: at least up to '>' (libxml2
         * skips quoted literals too: it never reads a tag in here) */
        const unsigned char *gt = memchr(s + i + 1, '>', len - i - 1);
        return gt ? (size_t)(gt - s) + 1 : len;
    }
    if (x_letter(c)) {
        tk->kind = TOK_START;
        return scan_start_tag(t, i, &tk->tag);
    }
    return i + 1;
}

/* Elements of SVG's own vocabulary (lower-cased, cut at 15 characters):
 * none of them is an HTML element whose start libxml2 treats as closing
 * others. */
static bool svg_element(const char *name)
{
    static const char *const NAMES[] = {
        "svg", "g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse",
        "text", "tspan", "textpath", "defs", "use", "symbol", "title", "desc", "metadata",
        "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "image",
        "filter", "marker", "switch", "view", "animate", "animatetransform", "animatemotion",
        "set", "mpath", NULL};
    if (name[0] == 'f' && name[1] == 'e') /* filter primitives: feGaussianBlur... */
        return true;
    for (const char *const *n = NAMES; *n; n++)
        if (!strcmp(name, *n))
            return true;
    return false;
}

/* Inline <svg> drawings (icons, logos, charts) are junk to every later
 * stage and heavy for the parser (long path data). Returns the offset of
 * the "</svg" that closes the drawing whose content starts at s[i], or 0
 * when the drawing is not plainly nested SVG — an HTML element inside it
 * (foreignObject), end tags that do not match, no end — and libxml2
 * must see it as it is; then *stop gets the offset where the reading
 * stopped (the caller tries no other drawing before it: a page of
 * unclosed drawings would be read again and again). */
static size_t svg_close(tag_scan *t, size_t i, size_t *stop)
{
    char open[32][16];
    int depth = 0;
    token tk;
    bool was_dry = t->dry;
    size_t close = 0;
    t->dry = true;
    for (;;) {
        i = next_token(t, i, &tk);
        if (tk.kind == TOK_NONE)
            break;
        if (tk.kind == TOK_START) {
            if (!strcmp(tk.tag.name, "script") || !strcmp(tk.tag.name, "style")) {
                if (!tk.tag.empty)
                    i = raw_text_end(t, i, tk.tag.name);
                continue;
            }
            if (!svg_element(tk.tag.name))
                break;
            if (tk.tag.empty)
                continue;
            if (depth == 32)
                break;
            memcpy(open[depth++], tk.tag.name, sizeof open[0]);
        } else if (tk.kind == TOK_END) {
            if (depth == 0) {
                if (!strcmp(tk.tag.name, "svg"))
                    close = tk.at;
                break;
            }
            if (strcmp(open[depth - 1], tk.tag.name) != 0)
                break;
            depth--;
        }
    }
    t->dry = was_dry;
    *stop = i;
    return close;
}

/* ---- the scripts' publication times -------------------------------------- */

/* Does the key before a value starting at p (a quote before it) say
 * publication ("articlePublishTime", "pubdate")? */
static bool publication_key(const char *js, const char *p)
{
    const char *k = p - 1;
    size_t back = 0;
    while (k > js && back < 48 && *k != ',' && *k != '{' && *k != ';') {
        k--;
        back++;
    }
    char key[64];
    size_t kl = (size_t)(p - k);
    if (kl >= sizeof key)
        return false;
    memcpy(key, k, kl);
    key[kl] = '\0';
    return nmi_istr(key, "publish") || nmi_istr(key, "pubdate");
}

/* An inline script's publication time with a non-zero offset
 * ("articlePublishTime": "2019-11-19T18:18:25.828-08:00"), evidence of the
 * page's zone, goes to times (at most 4 per script). */
static void script_times(nmi_ctx *ctx, const char *js, size_t len, nmi_script_times *times)
{
    size_t found = 0;
    const char *end = js + len;
    /* from each "-" (rarer than any byte): is it the one in "YYYY-MM-DDThh:" */
    for (const char *dash = js + 4; end - dash >= 12 && found < 4; dash++) {
        dash = memchr(dash, '-', (size_t)(end - dash) - 11);
        if (!dash)
            break;
        const char *p = dash - 4;
        if (p[0] < '1' || p[0] > '2' || p[7] != '-' || p[10] != 'T' || p[13] != ':')
            continue;
        bool digits_ok = true;
        static const int D[] = {1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15};
        for (size_t i = 0; i < sizeof D / sizeof *D && digits_ok; i++)
            digits_ok = p[D[i]] >= '0' && p[D[i]] <= '9';
        if (!digits_ok || p == js || (p[-1] != '"' && p[-1] != '\'') || !publication_key(js, p))
            continue;
        const char *e = p + 16;
        while (e < end && *e != '"' && *e != '\'' && e - p < 40)
            e++;
        if (e >= end || (*e != '"' && *e != '\''))
            continue;
        nmi_script_time st;
        size_t vl = (size_t)(e - p);
        if (vl >= sizeof st.text)
            continue;
        memcpy(st.text, p, vl);
        st.text[vl] = '\0';
        /* the page's hints are not known yet: a time that has its offset
         * without them (the evidence reads it again with them) */
        nmi_time t;
        if (!nmi_parse_date_hinted(st.text, NULL, &t) || !t.offset_known || !t.offset_minutes)
            continue;
        void *items = nmi_grow(ctx->arena, times->items, times->count, &times->cap, sizeof st, 8);
        if (!items) {
            ctx->oom = true;
            return;
        }
        times->items = items;
        times->items[times->count++] = st;
        found++;
        dash = e;
    }
}

char *nmi_prune_markup(nmi_ctx *ctx, const char *utf8, size_t len, size_t *out_len,
                       nmi_script_times *times)
{
    tag_scan t = {(const unsigned char *)utf8, len, {NULL, 0, 0, false}, 0, false, false, false};
    const unsigned char *s = t.s;
    size_t i = 0;
    int scripts = 0;
    size_t svg_retry = 0; /* no drawing is tried before this offset */
    token tk;
    for (;;) {
        i = next_token(&t, i, &tk);
        if (tk.kind == TOK_NONE)
            break;
        if (tk.kind != TOK_START || tk.tag.empty)
            continue;
        const start_tag *tag = &tk.tag;
        if (!strcmp(tag->name, "svg")) {
            if (i < svg_retry)
                continue;
            size_t stop = i;
            size_t close = svg_close(&t, i, &stop);
            if (close) {
                drop_span(&t, i, close);
                i = close;
            } else {
                svg_retry = stop;
            }
            continue;
        }
        bool script = !strcmp(tag->name, "script");
        if (!script && strcmp(tag->name, "style") != 0)
            continue;
        size_t end = raw_text_end(&t, i, tag->name);
        if (script && type_has(tag, "ld+json")) {
            i = end; /* JSON-LD: harvest.c reads it from the tree */
            continue;
        }
        if (script && (!tag->type || type_has(tag, "javascript")) && scripts < 64 &&
            end - i < 512 * 1024) {
            scripts++;
            script_times(ctx, (const char *)s + i, end - i, times);
        }
        drop_span(&t, i, end);
        i = end;
    }
    if (!t.cut) {
        nmi_buf_free(&t.out);
        return NULL;
    }
    nmi_buf_append(&t.out, utf8 + t.copied, len - t.copied);
    if (t.out.oom || !t.out.data) {
        ctx->oom = true;
        nmi_buf_free(&t.out);
        return NULL;
    }
    if (t.cut_attributes)
        ctx->truncated |= NEWSMETA_TRUNCATED_ATTRIBUTES;
    *out_len = t.out.len;
    return t.out.data;
}
