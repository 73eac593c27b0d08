/* What the plain-text files share among themselves; what other stages call
 * (nmi_parse_text_lines) is in internal.h's text section.
 *
 *   text.c          the passes in order; what a line is, on its own and
 *                   among its neighbours
 *   text_lines.c    the lines: split, cleaned, hard wraps joined, a text
 *                   browser's link list dropped; tests on a line's text
 *   text_meta.c     meta lines: bylines, dates and datelines (one or
 *                   several segments on a line), credits, related lines,
 *                   breadcrumbs
 *   text_header.c   the header: headline, standfirst, section, the byline
 *                   and dates near the start; where the body begins
 *   text_region.c   where the article is in a whole page's dump
 *   text_title.c    evidence for the headline: the address's slug
 *   text_body.c     the body's blocks, and what the text hands to the
 *                   context: candidates, blocks, related links
 *
 * Calls go one way, never back: text.c calls the others; text_header.c
 * uses text_body.c's hand-over, text_title.c's evidence and text_lines.c's
 * tests; text_meta.c and text_region.c use text_lines.c's tests;
 * text_lines.c, text_title.c and text_body.c call no other text file. */
#ifndef NEWSMETA_TEXT_INTERNAL_H
#define NEWSMETA_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "internal.h"

/* Lines longer than this are never meta, related or credit lines: the
 * checks stay cheap on a megabyte-long line. */
#define TEXT_MAX_LABEL_LINE 2000

/* ---- lines --------------------------------------------------------------- */

typedef enum line_kind {
    L_NOISE,
    L_META,    /* byline and/or dates */
    L_RELATED, /* "Read: Title" */
    L_CREDIT,  /* image credit (maybe at the end of a caption) */
    L_CRUMBS,  /* "Home > News > World": value is the section */
    L_BULLET,  /* list item; value is the text after the bullet */
    L_QUOTE,   /* "> quoted"; value is the text after the marker */
    L_PROSE,   /* a sentence or more */
    L_TITLE,   /* short, no closing stop: headline, heading, section */
} line_kind;

/* A link taken out of a line (a text browser's marker, a Markdown link):
 * where its text starts and ends (byte offsets into the line's text; end
 * 0 when only the start is marked) and its address. */
typedef struct text_mark {
    size_t at, end;
    const char *href;
} text_mark;

typedef struct line {
    const char *text; /* cleaned, in the scratch arena */
    size_t width;     /* code points */
    size_t indent;    /* columns of leading white space in the input */
    size_t words;
    unsigned markers; /* a text browser's "[n]" link markers taken out */
    text_mark *marks; /* those of them with an address, in order */
    unsigned mark_count;
    line_kind kind;
    bool blank_before;
    bool lead_in;  /* ends with ':' ("The key changes are:") */
    bool question; /* one short question: a heading between paragraphs */
    bool caption_next; /* a caption label alone: the next line is a caption */
    bool byline_next;  /* "By" alone: the next line names the authors */
    const char *value;
    const char *byline, *published, *updated; /* L_META parts */
} line;

/* One call's state while the lines are made and classified. */
typedef struct text_state {
    nmi_ctx *ctx;
    nmi_arena *scratch; /* the lines and their values; freed at the end */
    unsigned date_parses;
} text_state;

/* n bytes of st->scratch; NULL on out of memory (ctx->oom). */
static inline void *scratch_alloc(text_state *st, size_t n)
{
    void *p = nmi_arena_alloc(st->scratch, n);
    if (!p)
        st->ctx->oom = true;
    return p;
}

/* The next line from i on that is not noise; n when none. */
static inline size_t next_content(const line *lines, size_t n, size_t i)
{
    while (i < n && lines[i].kind == L_NOISE)
        i++;
    return i;
}

/* The article's text proper: prose, list items, quotations. */
static inline bool is_text(line_kind k)
{
    return k == L_PROSE || k == L_BULLET || k == L_QUOTE;
}

/* ---- small tests on text ------------------------------------------------- */

static inline bool is_letter_byte(unsigned char c)
{
    return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

static inline bool is_upper_start(const char *s)
{
    unsigned char c = (unsigned char)*s;
    /* non-Latin scripts have no case: a name in them counts as capitalized */
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static inline const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* Is w[0..n) one of the words of list: exactly, or (fold) with ASCII case
 * folded? */
static inline bool word_in_list(const char *w, size_t n, const char *const *list, bool fold)
{
    for (const char *const *x = list; *x; x++)
        if (strlen(*x) == n && (fold ? nmi_istarts(w, *x) : !strncmp(w, *x, n)))
            return true;
    return false;
}

/* ---- text_lines.c -------------------------------------------------------- */

/* The non-blank lines of text (LF, CRLF or CR), cleaned, in st->scratch: a
 * lynx link list cut off with its "[n]" markers, hard-wrapped paragraphs
 * joined again. NULL (ctx->oom) when there is no room for them; on a
 * later failure, ctx->oom and the lines made so far. */
line *nmi_text_lines(text_state *st, const char *text, size_t len, size_t *count);
/* Ends with a stop (. ! ? : ; or "。", closing quotes aside). */
bool nmi_text_ends_with_stop(const char *s);
/* Ends with a full stop, not an ellipsis (closing quotes aside): a sentence. */
bool nmi_text_ends_with_period(const char *s);
/* Length of a list bullet and its space at s, or 0; *numbered for "1." and
 * "2)". */
size_t nmi_text_bullet_len(const char *s, bool *numbered);
/* "4 min read", "2 hours ago", "vor 2 Stunden" (lines of few words only). */
bool nmi_text_time_note(const char *s, size_t words);
/* Page furniture: a bare URL or host, symbols, share widgets, a boilerplate
 * phrase, a reading-time note, a short line opening like "Follow us". */
bool nmi_text_is_noise(const char *s, size_t words);

/* ---- text_meta.c --------------------------------------------------------- */

/* Bylines and dates, alone or several on one line. Sets L_META (or
 * L_NOISE for a lone label without a date) and returns true, or returns
 * false for any other line. */
bool nmi_text_classify_meta(text_state *st, line *l);
/* A byline printed without a label: names, then a role or an agency
 * ("Meg Kinnard and Errin Haines, Associated Press"). The names, or NULL. */
const char *nmi_text_unlabeled_byline(text_state *st, const char *s, size_t words);
/* A byline label alone on its line ("By", "Autor:"): the names follow. */
bool nmi_text_byline_label_alone(const char *s);
/* Does s read as one or more person names? */
bool nmi_text_looks_like_names(const char *s);
/* A role word ("correspondent", "Redakteurin") as a whole word in s. */
bool nmi_text_has_role_word(const char *s);
/* "(Image Credit: PTI)", "Photo: AFP", or a caption closing with its
 * credit: the credit, or NULL; *noise when a credit label carries none. */
const char *nmi_text_credit(text_state *st, const char *s, size_t len, bool *noise);
/* "(Reed Saxon / Associated Press)", "© REUTERS / POOL": the credit, or
 * NULL; *noise for a name and an agency alone ("Al Goldis, Associated
 * Press"). */
const char *nmi_text_agency_credit(text_state *st, const char *s, size_t words, bool *noise);
/* "Read more: Title": the title, or NULL. */
const char *nmi_text_related(text_state *st, const char *s);
/* "Home > News > World": the last crumb, or NULL. */
const char *nmi_text_crumbs(const char *s);

/* A line that may be the headline: title-like, 3 to 30 words, not a
 * sentence closed by a full stop (headlines do not end with one). */
static inline bool text_headline_like(const line *l)
{
    return (l->kind == L_TITLE || l->kind == L_PROSE) && l->words >= 3 && l->words <= 30 &&
           !l->lead_in && !nmi_text_ends_with_period(l->text);
}

/* ---- text_title.c -------------------------------------------------------- */

/* The line above `limit` that shares most of the words of the page
 * address's slug, when it shares most of them; n when none. */
size_t nmi_text_slug_headline(const char *url, const line *lines, size_t n, size_t limit);

/* ---- text_region.c ------------------------------------------------------- */

/* The article in a page's dump: the stretch of lines [*first, *last] that
 * is densest in prose. False when the text has no prose at all. */
bool nmi_text_find_article(const line *lines, size_t n, size_t *first, size_t *last);

/* ---- text_header.c ------------------------------------------------------- */

/* A short label line: a section name ("Lake District", "Arts & Culture"). */
bool nmi_text_section_like(const line *l);
/* Read the header into candidates (headline, standfirst, section, byline,
 * dates, credits) and related links, the headline looked for upwards from
 * `text`, the first line of the article's text (n when unknown); returns
 * the first line of the body, the headline line in *headline (NULL when
 * none). */
size_t nmi_text_read_header(nmi_ctx *ctx, const line *lines, size_t n, size_t text,
                            const line **headline);

/* ---- text_body.c --------------------------------------------------------- */

/* A candidate of the text source (nothing when v is NULL). */
void nmi_text_add_cand(nmi_ctx *ctx, nmi_field f, const char *v, int rank, unsigned flags);
/* A line's byline, dates or credit as candidates. */
void nmi_text_add_meta(nmi_ctx *ctx, const line *l, int rank, unsigned flags);
/* A related link (line l's value, an L_RELATED line) after the last
 * block so far, with the address of its link marker when it has one. */
void nmi_text_add_related(nmi_ctx *ctx, const line *l);
/* The body, lines[body..end): paragraphs, sub-headings, list items and
 * quotations as blocks; its related links (also those after end); a
 * byline, date or credit in it or close below it as candidates. The
 * headline repeated above the text is left out. */
void nmi_text_read_body(nmi_ctx *ctx, const line *lines, size_t n, size_t body, size_t end,
                        const line *headline);

#endif /* NEWSMETA_TEXT_INTERNAL_H */
