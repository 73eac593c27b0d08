/* Plain-text input: the text rendering of a news page (copied, saved from
 * a text browser, stripped by another tool) -> the same candidates and
 * blocks as the HTML stages produce.
 *
 * Three passes over the lines:
 *   1. split (LF, CRLF or CR) and clean; text hard-wrapped at a fixed
 *      width (text-browser dumps) has its wrapped lines joined again;
 *   2. classify each line on its own: noise, meta (byline and dates, one
 *      or several on a line), related link, image credit, breadcrumbs,
 *      list item, quotation, prose, title-like;
 *   3. read the sequence: the header (section label, headline,
 *      standfirst, byline, dates) ends where the first paragraph starts
 *      the body; inside the body, title-like lines between paragraphs are
 *      sub-headings and a trailing byline or date is still taken.
 *
 * Labels ("By", "Published", "Read more", "Photo") come in several
 * languages; every list below is data, the rules are the same for all.
 * Dates and bylines go through the same parsers as HTML. */
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Limits                                                              */
/* ------------------------------------------------------------------ */

/* Non-blank lines looked at. An article has a few hundred; a text with
 * millions (a log, a word list) would otherwise cost a line record each
 * (tens of bytes per input byte for "a\na\n..."). The rest is ignored. */
#define TEXT_MAX_LINES 200000
/* Date parses while classifying (each may open an ICU calendar): a text
 * of 100,000 date-like lines would otherwise spend seconds in ICU. The
 * reconciler looks at the first 64 candidates anyway. */
#define TEXT_MAX_DATE_PARSES 256
/* Segments of one meta line ("By X | March 3, 2021 | 5 min read"). */
#define TEXT_MAX_SEGMENTS 8
/* Lines longer than this are never meta, related or credit lines: the
 * checks below stay cheap on a megabyte-long line. */
#define TEXT_MAX_LABEL_LINE 2000

/* ------------------------------------------------------------------ */
/* Label lists                                                         */
/* ------------------------------------------------------------------ */


/* ------------------------------------------------------------------ */
/* Lines                                                               */
/* ------------------------------------------------------------------ */

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

typedef struct line {
    const char *text; /* cleaned, in the scratch arena */
    size_t width;     /* code points */
    size_t words;
    line_kind kind;
    bool blank_before;
    bool lead_in;  /* ends with ':' ("The key changes are:") */
    bool question; /* one short question: a heading between paragraphs */
    bool caption_next; /* a caption label alone: the next line is a caption */
    bool byline_next;  /* "By" alone: the next line names the authors */
    const char *value;
    const char *byline, *published, *updated; /* L_META parts */
} line;

typedef struct text_state {
    nmi_ctx *ctx;
    nmi_arena *scratch;
    unsigned date_parses;
} text_state;

/* ------------------------------------------------------------------ */
/* Small text helpers                                                  */
/* ------------------------------------------------------------------ */

static bool is_letter_byte(unsigned char c)
{
    return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

static bool is_upper_start(const char *s)
{
    unsigned char c = (unsigned char)*s;
    /* non-Latin scripts have no case: a name in them counts as capitalized */
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* The length of s without what closes a sentence after its stop: quotes
 * (straight, curly, guillemets), a bracket, spaces. */
static size_t without_closers(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3; /* closing curly quotes */
    else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB)
        n -= 2; /* closing guillemet */
    while (n && s[n - 1] == ' ')
        n--;
    return n;
}

/* Do the n bytes of s end with the CJK full stop "。"? */
static bool cjk_full_stop(const char *s, size_t n)
{
    return n >= 3 && (unsigned char)s[n - 3] == 0xE3 && (unsigned char)s[n - 2] == 0x80 &&
           (unsigned char)s[n - 1] == 0x82;
}

static bool ends_with_stop(const char *s)
{
    size_t n = without_closers(s);
    if (n == 0)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || cjk_full_stop(s, n);
}

/* Ends with a full stop (closing quotes aside): a sentence. */
static bool ends_with_period(const char *s)
{
    size_t n = without_closers(s);
    if (cjk_full_stop(s, n))
        return true;
    return n > 0 && s[n - 1] == '.' && !(n >= 3 && s[n - 2] == '.' && s[n - 3] == '.');
}

static size_t count_code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Length of a list bullet ("•", "·", "▪", "–", "-", "*", "1.", "2)") and
 * its space; *numbered tells which kind. */
static size_t bullet_len(const char *s, bool *numbered)
{
    static const char *const B[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x80\x93",
                                    "\xE2\x97\x8F", "-",        "*",            NULL};
    *numbered = false;
    for (const char *const *b = B; *b; b++) {
        size_t n = strlen(*b);
        if (!strncmp(s, *b, n) && s[n] == ' ')
            return n + 1;
    }
    size_t d = 0;
    while (d < 2 && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ' && s[d + 2]) {
        *numbered = true;
        return d + 2;
    }
    return 0;
}

/* "px.metricsbeacon", "cdn.example.net": one token with dots, no spaces */
static bool looks_like_host(const char *s)
{
    if (strchr(s, ' ') || !strchr(s, '.'))
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
            return false;
    return s[strlen(s) - 1] != '.';
}

/* Only punctuation and symbols: "* * *", "———", "•", "|". */
static bool only_symbols(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p < 0x80) {
            if ((*p | 32) >= 'a' && (*p | 32) <= 'z')
                return false;
            if (*p >= '0' && *p <= '9')
                return false;
            p++;
        } else if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x96 || p[1] == 0x97) && p[2]) {
            p += 3; /* dashes, bullets, ellipsis, geometric shapes */
        } else if (p[0] == 0xC2 && (p[1] == 0xB7 || p[1] == 0xBB || p[1] == 0xAB)) {
            p += 2; /* middle dot, guillemets */
        } else {
            return false;
        }
    }
    return true;
}

/* The bytes [p, e) are punctuation only ("|", "-", "•", "·"): no ASCII
 * letter or digit, no lead byte of a letter outside U+0080..U+00BF and
 * the U+2000 block. */
static bool only_symbols_n(const char *p, const char *e)
{
    for (; p < e; p++)
        if (((*p | 32) >= 'a' && (*p | 32) <= 'z') || (*p >= '0' && *p <= '9') ||
            ((unsigned char)*p >= 0xC0 && (unsigned char)*p != 0xE2 && (unsigned char)*p != 0xC2))
            return false;
    return true;
}

/* Every word is a share/follow widget word (or a count like "(12)"). */
static bool only_widget_words(const char *s)
{
    size_t seen = 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '|' || *p == ',' || *p == '/' || *p == '(' || *p == ')')
            p++;
        if (!strncmp(p, "\xE2\x80\xA2", 3) || !strncmp(p, "\xC2\xB7", 2)) {
            p += (unsigned char)*p == 0xE2 ? 3 : 2;
            continue;
        }
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != ' ' && *e != '|' && *e != ',' && *e != '/' && *e != '(' && *e != ')')
            e++;
        size_t n = (size_t)(e - p);
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++)
            ok = p[i] >= '0' && p[i] <= '9';
        for (const char *const *w = nmi_lex_widget_words; *w && !ok; w++)
            ok = strlen(*w) == n && nmi_istarts(p, *w);
        if (!ok)
            return false;
        seen++;
        p = e;
    }
    return seen > 0;
}

/* "4 min read", "2 hours ago", "vor 2 Stunden" (short lines only). */
static bool time_note(const char *s, size_t words)
{
    if (words > 6)
        return false;
    for (const char *const *r = nmi_lex_reading_time; *r; r++)
        if (nmi_istr(s, *r))
            return true;
    size_t n = strlen(s);
    if (n > 4 && nmi_ieq(s + n - 4, " ago"))
        return true;
    for (const char *const *a = nmi_lex_ago_prefixes; *a; a++) {
        size_t k = nmi_lex_starts(s, *a);
        if (k && s[k] >= '0' && s[k] <= '9')
            return true;
    }
    return false;
}

static bool is_noise(const char *s, size_t words)
{
    size_t n = strlen(s);
    bool url = (nmi_istarts(s, "http://") || nmi_istarts(s, "https://") ||
                nmi_istarts(s, "www.")) && !strchr(s, ' ');
    if (url || nmi_is_boilerplate(s, n) || looks_like_host(s) || only_symbols(s) ||
        only_widget_words(s) || time_note(s, words))
        return true;
    size_t k;
    return words <= 10 && nmi_lex_match(s, nmi_lex_noise_prefixes, &k);
}

/* A line that opens with a number, a month or a weekday may be a bare
 * date; "Officials met in March 2021" may not. */
static bool starts_like_date(const char *s)
{
    size_t k;
    return (*s >= '0' && *s <= '9') || nmi_lex_match(s, nmi_lex_date_openers, &k);
}

/* ------------------------------------------------------------------ */
/* Credits, related lines, breadcrumbs                                 */
/* ------------------------------------------------------------------ */


/* A credit names people or agencies: at most 8 words, all capitalized
 * but for joiners ("Jacob King/PA", "Getty Images", "dpa"); "The new
 * terminal at dawn" is a caption. */
static bool credit_like(const char *v, size_t vn)
{
    size_t words = nmi_word_count(v, vn), lower = 0;
    if (words == 0 || words > 8)
        return false;
    for (size_t i = 0; i < vn;) {
        while (i < vn && v[i] == ' ')
            i++;
        size_t e = i;
        while (e < vn && v[e] != ' ')
            e++;
        if (e > i && v[i] >= 'a' && v[i] <= 'z') {
            bool joiner = false;
            for (const char *const *j = nmi_lex_credit_joiners; *j && !joiner; j++)
                joiner = strlen(*j) == e - i && !strncmp(v + i, *j, e - i);
            lower += !joiner;
        }
        i = e;
    }
    return lower == 0 || words == 1;
}

/* After a credit label at s: the credit (trimmed), or NULL. *is_label
 * tells that a label was there at all. */
static const char *credit_at(text_state *st, const char *s, bool in_parens, bool *is_label)
{
    *is_label = false;
    for (const char *const *l = nmi_lex_credit_labels; *l; l++) {
        size_t k = nmi_lex_starts(s, *l);
        if (!k)
            continue;
        const char *v = s + k;
        size_t ll = strlen(*l);
        bool by = ll > 3 && !strcmp(*l + ll - 3, " by");
        if (!by) {
            v = skip_spaces(v);
            if (*v != ':' && *v != ',')
                continue;
            v++;
        }
        *is_label = true;
        v = skip_spaces(v);
        size_t vn = strlen(v);
        while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '.' || (in_parens && v[vn - 1] == ')')))
            vn--;
        if (!credit_like(v, vn))
            return NULL;
        return nmi_clean_text(st->scratch, v, vn, &st->ctx->oom);
    }
    return NULL;
}

/* "(Image Credit: PTI)", "Photo: AFP", or a caption that ends with its
 * credit: "A resident in Bewdley. Photograph: Jacob King/PA". A caption
 * with a label but no short credit is noise (*noise). */
static const char *credit_value(text_state *st, const char *s, size_t len, bool *noise)
{
    *noise = false;
    bool label;
    bool paren = *s == '(';
    const char *v = credit_at(st, paren ? s + 1 : s, paren, &label);
    if (v || label) {
        *noise = !v;
        return v;
    }
    if (len > TEXT_MAX_LABEL_LINE)
        return NULL;
    /* a credit closing a caption */
    for (const char *p = s + 1; *p; p++) {
        bool open = p[-1] == '(';
        bool after_stop = p[-1] == ' ' && p - s >= 2 &&
                          (p[-2] == '.' || p[-2] == '|' || p[-2] == '-' ||
                           (p - s >= 4 && (unsigned char)p[-4] == 0xE2 &&
                            (unsigned char)p[-3] == 0x80));
        if (!(open || after_stop) || !is_letter_byte((unsigned char)*p))
            continue;
        v = credit_at(st, p, open, &label);
        if (v && (!open || s[len - 1] == ')'))
            return v;
    }
    return NULL;
}

static const char *related_value(text_state *st, const char *s)
{
    const char *rest = nmi_related_prefix(s);
    if (!rest)
        return NULL;
    rest = skip_spaces(rest);
    return *rest ? nmi_clean_text(st->scratch, rest, strlen(rest), &st->ctx->oom) : NULL;
}

/* "Home > News > World", "Sport › Football": the last crumb. */
static const char *crumbs_value(const char *s)
{
    static const char *const SEP[] = {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", NULL};
    for (const char *const *sep = SEP; *sep; sep++) {
        const char *p = s, *last = NULL;
        size_t parts = 0, sl = strlen(*sep);
        bool short_parts = true;
        for (;;) {
            const char *q = strstr(p, *sep);
            size_t n = q ? (size_t)(q - p) : strlen(p);
            if (n == 0 || nmi_word_count(p, n) > 4)
                short_parts = false;
            parts++;
            if (!q) {
                last = p;
                break;
            }
            p = q + sl;
        }
        if (parts >= 2 && short_parts && last)
            return last;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Bylines and dates                                                   */
/* ------------------------------------------------------------------ */

/* A separator that ends the names of a byline ("Jane Doe | 5 min read"). */
static size_t separator_len(const char *p)
{
    static const char *const SEP[] = {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x94 ",
                                      " \xE2\x80\x93 ", " - ", NULL};
    for (const char *const *s = SEP; *s; s++)
        if (!strncmp(p, *s, strlen(*s)))
            return strlen(*s);
    return 0;
}

/* Does s read as one or more person names? Capitalized words and name
 * joiners up to the first comma or separator; after it anything goes
 * (a role: "Jane Doe, political correspondent"). */
static bool looks_like_names(const char *s)
{
    size_t caps = 0, words = 0, k;
    if (nmi_lex_match(s, nmi_lex_date_openers, &k))
        return false; /* "By Monday, ..." */
    const char *p = s;
    while (*p) {
        if (*p == ',' || *p == ';' || separator_len(p)) {
            /* a role or more names after it, not a clause */
            if (nmi_word_count(p, strlen(p)) > 7)
                return false;
            break;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        const char *e = p;
        while (*e && *e != ' ' && *e != ',' && *e != ';')
            e++;
        const char *w = p;
        while (w < e && (*w == '(' || *w == '"' || *w == '\''))
            w++;
        size_t n = (size_t)(e - w);
        words++;
        if (words > 8)
            return false;
        if (n && is_upper_start(w)) {
            caps++;
        } else if (n && *w >= '0' && *w <= '9') {
            if (!caps)
                return false;
        } else if (n) {
            bool joiner = false;
            for (const char *const *j = nmi_lex_name_joiners; *j && !joiner; j++)
                joiner = strlen(*j) == n && !strncmp(w, *j, n);
            if (!joiner)
                return false;
        }
        p = e;
    }
    return caps > 0;
}

/* The names part of a byline segment value: up to a ';' (other roles
 * follow: "Reporting by A; Editing by B"), without " in London" places
 * after a name. A new scratch string, or NULL when nothing is left. */
static const char *byline_names(text_state *st, const char *v)
{
    size_t n = strcspn(v, ";");
    char *out = nmi_arena_alloc(st->scratch, n + 1);
    if (!out) {
        st->ctx->oom = true;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (!strncmp(v + i, " in ", 4) && i + 4 < n && is_upper_start(v + i + 4)) {
            /* drop the place up to the next name: ", " or " and " */
            size_t j = i + 4;
            while (j < n && v[j] != ',' && strncmp(v + j, " and ", 5) &&
                   strncmp(v + j, " & ", 3))
                j++;
            i = j;
            continue;
        }
        out[k++] = v[i++];
    }
    while (k && (out[k - 1] == ' ' || out[k - 1] == ','))
        k--;
    out[k] = '\0';
    return k ? out : NULL;
}

/* A byline label at s — a writer label of the HTML path (nmi_byline_label)
 * or a noun and a colon — the bytes to the value, else 0. */
static size_t byline_label(const char *s)
{
    bool bare;
    size_t k = nmi_byline_label(s, &bare);
    if (k)
        return k;
    if (nmi_lex_match(s, nmi_lex_byline_nouns, &k)) {
        const char *p = skip_spaces(s + k);
        if (*p == ':')
            return (size_t)(p + 1 - s);
    }
    return 0;
}

static bool parse_date_budget(text_state *st, const char *s, nmi_time *t)
{
    if (st->date_parses >= TEXT_MAX_DATE_PARSES)
        return false;
    st->date_parses++;
    return nmi_parse_date(st->ctx, s, t);
}

static bool dateline_like(const char *s);

typedef enum seg_kind {
    SEG_OTHER,      /* not meta: the line is not a meta line */
    SEG_NOISE,      /* "5 min read" beside a byline */
    SEG_LABEL_ONLY, /* "Updated 2 hours ago": a date label without a date */
    SEG_BYLINE,
    SEG_PUBLISHED,
    SEG_UPDATED
} seg_kind;

/* One segment of a possible meta line; *value is the byline or date text. */
static seg_kind classify_segment(text_state *st, const char *s, size_t n, bool whole,
                                 const char **value)
{
    char *seg = nmi_clean_text(st->scratch, s, n, &st->ctx->oom);
    if (!seg)
        return SEG_NOISE;
    size_t words = nmi_word_count(seg, strlen(seg));
    size_t k = byline_label(seg);
    if (k && words <= 14) {
        const char *v = skip_spaces(seg + k);
        while (*v == ':' || *v == ' ')
            v++;
        if (whole) { /* the names end at the first separator */
            size_t e = 0;
            while (v[e] && !separator_len(v + e))
                e++;
            v = nmi_clean_text(st->scratch, v, e, &st->ctx->oom);
        }
        if (v && *v && looks_like_names(v) && !ends_with_stop(v)) {
            *value = byline_names(st, v);
            return *value ? SEG_BYLINE : SEG_OTHER;
        }
    }
    const char *l = nmi_lex_match(seg, nmi_lex_updated_labels, &k);
    seg_kind kind = SEG_UPDATED;
    if (!l) {
        l = nmi_lex_match(seg, nmi_lex_published_labels, &k);
        kind = SEG_PUBLISHED;
    }
    nmi_time t;
    if (l) {
        const char *d = seg + k;
        while (*d == ' ' || *d == ':' || *d == '-' || *d == ',')
            d++;
        /* "Published on 3 March 2021, the report found that ..." is text */
        bool sentence = words > 6 && ends_with_period(seg);
        if (words <= 16 && *d && !sentence && parse_date_budget(st, d, &t)) {
            *value = d;
            return kind;
        }
        /* "Updated", "Updated 2 hours ago", "Posted 18:05": a label whose
         * date is missing or relative; "Updated guidance for schools" is
         * not one */
        size_t dw = nmi_word_count(d, strlen(d));
        if (!*d || (*d >= '0' && *d <= '9' && dw <= 4) || (dw <= 8 && dateline_like(d)))
            return SEG_LABEL_ONLY;
        return SEG_OTHER;
    }
    if (words <= 8 && starts_like_date(seg) && parse_date_budget(st, seg, &t) &&
        t.precision >= NEWSMETA_PRECISION_DAY) {
        *value = seg;
        return SEG_PUBLISHED;
    }
    if (is_noise(seg, words))
        return SEG_NOISE;
    return SEG_OTHER;
}

/* Where the next segment starts: a separator, a date label inside the
 * line ("March 3, 2021 10:15 GMT Updated 2 hours ago") or a closing
 * "by Name" ("5:45 AM PST 11/19/2019 by Patrick Shanley"). */
static const char *next_segment(const char *s, size_t *sep)
{
    size_t skip = 0; /* the segment's own label: "Last modified" is one */
    if (!nmi_lex_match(s, nmi_lex_updated_labels, &skip))
        nmi_lex_match(s, nmi_lex_published_labels, &skip);
    for (const char *p = s + skip; *p; p++) {
        size_t k = separator_len(p);
        if (k) {
            *sep = k;
            return p;
        }
        if (*p == ' ' && p > s && is_letter_byte((unsigned char)p[1])) {
            size_t ll;
            if (nmi_lex_match(p + 1, nmi_lex_updated_labels, &ll) ||
                nmi_lex_match(p + 1, nmi_lex_published_labels, &ll) ||
                (nmi_lex_starts(p + 1, "by") && p[3] == ' ' && is_upper_start(p + 4))) {
                *sep = 1;
                return p;
            }
        }
    }
    return NULL;
}


/* A clock time ("11:03", "19.09" after a date), a numeric date
 * ("27/09/2018", "2018-09-16", "11.18.19"), a relative time ("2 days
 * ago"), or a date in words with at most two other words beside it. */
static bool dateline_like(const char *s)
{
    size_t words = nmi_word_count(s, strlen(s));
    if (time_note(s, words))
        return true;
    bool digit = false;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            continue;
        digit = true;
        size_t a = 0;
        while (p[a] >= '0' && p[a] <= '9')
            a++;
        if (p[a] == ':' && a <= 2 && p[a + 1] >= '0' && p[a + 1] <= '9' && p[a + 2] >= '0' &&
            p[a + 2] <= '9')
            return true; /* hh:mm */
        if ((p[a] == '/' || p[a] == '.' || p[a] == '-') && a <= 4) {
            size_t b = a + 1, c;
            while (p[b] >= '0' && p[b] <= '9')
                b++;
            c = b + 1;
            while (p[c] >= '0' && p[c] <= '9')
                c++;
            if (b > a + 1 && b - a - 1 <= 2 && p[b] == p[a] && c - b - 1 >= 2 && c - b - 1 <= 4)
                return true; /* d/m/y, y-m-d, m.d.y */
        }
        p += a - 1;
    }
    if (!digit)
        return false;
    /* words beside the date: at most two */
    size_t other = 0, k;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        bool has_digit = false;
        for (const char *q = p; q < e; q++)
            has_digit = has_digit || (*q >= '0' && *q <= '9');
        bool known = has_digit || nmi_lex_match(p, nmi_lex_date_openers, &k) || only_symbols_n(p, e);
        for (const char *const *w = nmi_lex_dateline_words; *w && !known; w++)
            known = strlen(*w) == (size_t)(e - p) && nmi_istarts(p, *w);
        other += !known && e > p;
        p = e;
    }
    return other <= 2;
}

/* Bylines and dates, alone or several on one line. Sets L_META (or
 * L_NOISE for a lone label without a date) and returns true, or returns
 * false for any other line. */
static bool classify_meta(text_state *st, line *l)
{
    if (l->words > 40)
        return false;
    const char *s = l->text;
    const char *parts[TEXT_MAX_SEGMENTS][2];
    size_t np = 0;
    const char *p = s;
    while (np < TEXT_MAX_SEGMENTS) {
        size_t sep = 0;
        const char *q = next_segment(p, &sep);
        parts[np][0] = p;
        parts[np][1] = q ? q : p + strlen(p);
        np++;
        if (!q)
            break;
        p = q + sep;
    }
    for (int whole = 0; whole <= 1; whole++) {
        if (whole) {
            if (np == 1)
                break;
            parts[0][1] = s + strlen(s);
            np = 1;
        } else if (parts[np - 1][1][0]) {
            continue; /* more segments than we look at */
        }
        const char *byline = NULL, *pub = NULL, *upd = NULL;
        bool other = false, label_only = false;
        for (size_t i = 0; i < np && !other; i++) {
            const char *v = NULL;
            switch (classify_segment(st, parts[i][0], (size_t)(parts[i][1] - parts[i][0]),
                                     whole, &v)) {
            case SEG_OTHER: other = true; break;
            case SEG_NOISE: break;
            case SEG_LABEL_ONLY: label_only = true; break;
            case SEG_BYLINE: if (!byline) byline = v; break;
            case SEG_PUBLISHED: if (!pub) pub = v; break;
            case SEG_UPDATED: if (!upd) upd = v; break;
            }
        }
        if (other)
            continue;
        if (byline || pub || upd) {
            l->kind = L_META;
            l->byline = byline;
            l->published = pub;
            l->updated = upd;
            return true;
        }
        if (label_only) {
            l->kind = L_NOISE;
            return true;
        }
    }
    /* A short line that carries a time or a date among a few other words
     * ("Reuters November 18, 2019 11:03 PM", "Today 12:01 AM", "2 days
     * ago at 07:52 am") is the article's dateline, never a headline. */
    if (l->words <= 12 && !ends_with_period(s) && dateline_like(s)) {
        nmi_time t;
        if (parse_date_budget(st, s, &t) && t.precision >= NEWSMETA_PRECISION_DAY) {
            l->kind = L_META;
            l->published = s;
        } else {
            l->kind = L_NOISE;
        }
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Classification                                                      */
/* ------------------------------------------------------------------ */

/* Byline labels that stand alone on their line ("By", then the names on
 * the next line). */
static const char *const BYLINE_ALONE[] = {
    "by", "von", "por", "par", "di", "door", "av", "written by", "reported by", "reporting by",
    "author", "authors", "autor", "autora", "auteur", "autore", "text", "texto", NULL};

static bool byline_label_alone(const char *s)
{
    size_t k;
    if (!nmi_lex_match(s, BYLINE_ALONE, &k))
        return false;
    const char *r = skip_spaces(s + k);
    if (*r == ':')
        r = skip_spaces(r + 1);
    return *r == '\0';
}

/* Photo agencies and libraries: a short line ending with one is a credit
 * (or the agency's part of a byline), not text. */
static const char *const AGENCY_NAMES[] = {
    "associated press", "ap photo", "getty images", "getty", "reuters", "afp", "afp photo",
    "epa", "epa-efe", "shutterstock", "alamy", "istock", "unsplash", "pool", "handout",
    "xinhua", "dpa", "picture alliance", "anadolu agency", "sipa", "pa", "pa media", "pti",
    "ians", "ani", "efe", "ansa", "file photo", NULL};

/* Words of a byline's second line: the author's role or desk. */
static const char *const ROLE_WORDS[] = {
    "editor", "correspondent", "reporter", "writer", "columnist", "contributor", "staff",
    "desk", "bureau", "news", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
    "correspondant", "correspondante", "corresponsal", "journalist", "journaliste",
    "periodista", "giornalista", "jornalista", NULL};

/* A role word as a whole word anywhere in s. */
static bool has_role_word(const char *s)
{
    for (const char *const *w = ROLE_WORDS; *w; w++) {
        size_t n = strlen(*w);
        for (const char *p = s; (p = nmi_istr(p, *w)) != NULL; p += n)
            if ((p == s || p[-1] == ' ') && !is_letter_byte((unsigned char)p[n]))
                return true;
    }
    return false;
}

/* Length of a photo agency's name closing s[0..e), or 0. */
static size_t agency_suffix(const char *s, size_t e)
{
    for (const char *const *a = AGENCY_NAMES; *a; a++) {
        size_t al = strlen(*a);
        if (e >= al && nmi_istarts(s + e - al, *a) &&
            (e == al || s[e - al - 1] == ' ' || s[e - al - 1] == '/' || s[e - al - 1] == ',' ||
             s[e - al - 1] == '('))
            return al;
    }
    return 0;
}

/* A byline printed without a label: names, then a role or an agency
 * ("Steve Peoples, AP National Political Writer", "Meg Kinnard and
 * Errin Haines, Associated Press"). The names part, or NULL. */
static const char *unlabeled_byline(text_state *st, const char *s, size_t words)
{
    if (words < 3 || words > 10 || ends_with_stop(s) || *s == '(')
        return NULL;
    size_t n = strlen(s), names = strcspn(s, ",");
    size_t al = agency_suffix(s, n);
    if (!al && !has_role_word(s))
        return NULL;
    if (names == n && al)
        names = n - al; /* "Tom Davies Associated Press" */
    char *v = nmi_clean_text(st->scratch, s, names, &st->ctx->oom);
    if (!v || nmi_word_count(v, strlen(v)) < 2 || !looks_like_names(v) || has_role_word(v))
        return NULL;
    return v;
}

/* "(Reed Saxon / Associated Press)", "© REUTERS / POOL": a credit;
 * "Al Goldis, Associated Press": furniture (*noise). */
static const char *agency_credit(text_state *st, const char *s, size_t words, bool *noise)
{
    *noise = false;
    size_t n = strlen(s);
    if (words > 8 || ends_with_period(s))
        return NULL;
    size_t e = n;
    while (e && (s[e - 1] == ')' || s[e - 1] == ' '))
        e--;
    if (!agency_suffix(s, e))
        return NULL;
    const char *b = s;
    bool marked = false;
    if (*b == '(' && s[n - 1] == ')') {
        b++;
        marked = true;
    } else if (!strncmp(b, "\xC2\xA9", 2)) { /* © */
        b += 2;
        marked = true;
    }
    b = skip_spaces(b);
    if (!marked && !memchr(s, '/', n)) {
        *noise = words <= 6;
        return NULL;
    }
    return nmi_clean_text(st->scratch, b, (size_t)(s + e - b), &st->ctx->oom);
}

static void classify(text_state *st, line *l)
{
    const char *s = l->text;
    size_t n = strlen(s);
    l->words = nmi_word_count(s, n);
    bool numbered;
    size_t b = bullet_len(s, &numbered);
    if (is_noise(s, l->words) ||
        (b && !numbered && nmi_word_count(s + b, n - b) <= 2 && !ends_with_stop(s)) ||
        (b && is_noise(s + b, nmi_word_count(s + b, n - b)))) {
        l->kind = L_NOISE; /* "• share", "- Print", "• Share on Facebook" */
        return;
    }
    size_t k;
    if (nmi_lex_match(s, nmi_lex_caption_labels, &k)) {
        const char *r = s + k;
        while (*r == ' ' || *r == ':' || *r == ',')
            r++;
        l->kind = L_NOISE;
        l->caption_next = !*r;
        return;
    }
    if (byline_label_alone(s)) {
        l->kind = L_NOISE;
        l->byline_next = true;
        return;
    }
    bool caption;
    const char *v = credit_value(st, s, n, &caption);
    if (v || caption) {
        l->kind = v ? L_CREDIT : L_NOISE;
        l->value = v;
        return;
    }
    if (l->words <= 25 && n <= TEXT_MAX_LABEL_LINE && (v = related_value(st, s))) {
        l->kind = L_RELATED;
        l->value = v;
        return;
    }
    if (l->words <= 16 && (v = crumbs_value(s))) {
        l->kind = L_CRUMBS;
        l->value = v;
        return;
    }
    if (n <= TEXT_MAX_LABEL_LINE && classify_meta(st, l))
        return;
    if (b && !numbered) { /* "• By Jane Doe", "• Updated: 18 Nov 2019, 19:11" */
        line item = *l;
        item.text = s + b;
        item.words = nmi_word_count(item.text, strlen(item.text));
        if (classify_meta(st, &item)) {
            *l = item;
            l->text = s;
            return;
        }
    }
    if ((v = unlabeled_byline(st, s, l->words))) {
        l->kind = L_META;
        l->byline = v;
        return;
    }
    if ((v = agency_credit(st, s, l->words, &caption)) || caption) {
        l->kind = v ? L_CREDIT : L_NOISE;
        l->value = v;
        return;
    }
    if (b) {
        l->kind = L_BULLET;
        l->value = s + b;
        return;
    }
    if (s[0] == '>' && s[1] == ' ' && s[2]) {
        l->kind = L_QUOTE;
        l->value = s + 2;
        return;
    }
    bool stop = ends_with_stop(s);
    l->kind = (stop ? l->words >= 5 : l->words >= 16) ? L_PROSE : L_TITLE;
    l->lead_in = s[n - 1] == ':';
    /* "Can I leave my contract early?": one short question, not quoted */
    if (s[n - 1] == '?' && l->words <= 12 && *s != '"' && strncmp(s, "\xE2\x80\x9C", 3) &&
        strncmp(s, "\xC2\xAB", 2) && !strstr(s, ". ") && !strstr(s, "? ") && !strstr(s, "! "))
        l->question = true;
}

static bool section_like(const line *l);

/* "BBC News, Carlisle", "Science Correspondent", "Political editor". */
static bool role_like(const line *l)
{
    return strchr(l->text, ',') || section_like(l) || has_role_word(l->text);
}

/* What a line is also depends on its neighbours:
 *   - the line after a lone caption label is the caption;
 *   - a short line right under a byline (no blank line between) is the
 *     author's role, desk or place ("BBC News, Carlisle");
 *   - three or more very short lines in a row, with no blank line
 *     between, are a menu ("Home / News / Sport"), not section labels. */
static void classify_in_context(line *lines, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        line *next = &lines[i + 1];
        if (lines[i].caption_next && next->kind != L_CREDIT && next->kind != L_META)
            next->kind = L_NOISE;
        if (lines[i].byline_next && (next->kind == L_TITLE || next->kind == L_NOISE) &&
            next->words <= 8 && looks_like_names(next->text) && !ends_with_stop(next->text)) {
            next->kind = L_META;
            next->byline = next->text;
        }
        if (lines[i].kind == L_META && lines[i].byline && !next->blank_before &&
            next->kind == L_TITLE && next->words <= 6 && !next->lead_in && !next->question &&
            role_like(next))
            next->kind = L_NOISE;
    }
    for (size_t i = 0; i < n;) {
        size_t titles = 0, j = i;
        for (; j < n && (j == i || !lines[j].blank_before); j++) {
            if (lines[j].kind == L_TITLE && lines[j].words <= 2)
                titles++;
            else if (lines[j].kind != L_NOISE)
                break;
        }
        if (titles >= 3)
            for (size_t k = i; k < j; k++)
                lines[k].kind = L_NOISE;
        i = j > i ? j : i + 1;
    }
}

/* ------------------------------------------------------------------ */
/* Splitting, joining hard-wrapped lines                               */
/* ------------------------------------------------------------------ */

/* Text dumped by a text browser is wrapped at a fixed width: most lines
 * of a paragraph come close to that width and run on to the next line
 * mid-sentence. Detected when many lines do so; then each near-full line
 * is joined with the line that follows it (no blank line between, not a
 * list item). */
static size_t join_wrapped(text_state *st, line *lines, size_t n)
{
    size_t width = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].width > width)
            width = lines[i].width;
    if (width < 50 || width > 100)
        return n;
    size_t full = 0, run_on = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (lines[i].width + 20 < width || lines[i + 1].blank_before)
            continue;
        full++;
        run_on += !ends_with_stop(lines[i].text);
    }
    if (full < 4 || full * 4 < n || run_on * 10 < full * 6)
        return n;
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        /* lines i..j-1 are one paragraph: joined with one copy */
        size_t j = i + 1, total = strlen(lines[i].text);
        bool numbered;
        while (j < n && lines[j - 1].width + 20 >= width && !lines[j].blank_before &&
               !bullet_len(lines[j].text, &numbered))
            total += 1 + strlen(lines[j++].text);
        line cur = lines[i];
        if (j > i + 1) {
            char *t = nmi_arena_alloc(st->scratch, total + 1);
            if (!t) {
                st->ctx->oom = true;
                return out;
            }
            size_t k = 0;
            for (size_t m = i; m < j; m++) {
                size_t len = strlen(lines[m].text);
                if (m > i)
                    t[k++] = ' ';
                memcpy(t + k, lines[m].text, len);
                k += len;
            }
            t[k] = '\0';
            cur.text = t;
        }
        lines[out++] = cur;
        i = j;
    }
    return out;
}

/* "1. https://example.com/a": an entry of a text browser's link list. */
static bool is_reference_entry(const char *s)
{
    size_t d = 0;
    while (s[d] >= '0' && s[d] <= '9')
        d++;
    if (!d || s[d] != '.' || s[d + 1] != ' ')
        return false;
    const char *u = s + d + 2;
    const char *colon = strchr(u, ':');
    return colon && colon > u && !strchr(u, ' ');
}

/* A dump from lynx (-dump) ends with its link list ("References", then
 * "1. https://...") and marks each link in the text with "[n]". When the
 * list is there, it is cut off and the markers are taken out. */
static size_t drop_link_references(line *lines, size_t n)
{
    size_t at = n;
    for (size_t i = n; i-- > 0;) {
        if (nmi_ieq(lines[i].text, "references") || nmi_ieq(lines[i].text, "visible links") ||
            nmi_ieq(lines[i].text, "hidden links:")) {
            at = i;
            break;
        }
        if (!is_reference_entry(lines[i].text))
            return n;
    }
    if (at == n || at + 1 == n)
        return n;
    for (size_t i = 0; i < at; i++) {
        char *t = (char *)lines[i].text;
        size_t k = 0;
        for (size_t j = 0; t[j];) {
            if (t[j] == '[' && t[j + 1] >= '0' && t[j + 1] <= '9') {
                size_t e = j + 1;
                while (t[e] >= '0' && t[e] <= '9')
                    e++;
                if (t[e] == ']') {
                    j = e + 1;
                    continue;
                }
            }
            t[k++] = t[j++];
        }
        t[k] = '\0';
        lines[i].width = count_code_points(t);
    }
    return at;
}

/* Non-blank lines of text, cleaned, into the scratch arena. */
static line *split_lines(text_state *st, const char *text, size_t len, size_t *count)
{
    size_t cap = 1;
    for (size_t i = 0; i < len && cap < TEXT_MAX_LINES; i++)
        cap += text[i] == '\n' || text[i] == '\r';
    line *lines = nmi_arena_alloc(st->scratch, cap * sizeof *lines);
    if (!lines) {
        st->ctx->oom = true;
        return NULL;
    }
    size_t n = 0;
    bool blank = false;
    for (size_t i = 0; i < len && n < cap;) {
        size_t j = i;
        while (j < len && text[j] != '\n' && text[j] != '\r')
            j++;
        const char *clean = nmi_clean_text(st->scratch, text + i, j - i, &st->ctx->oom);
        if (clean) {
            memset(&lines[n], 0, sizeof lines[n]);
            lines[n].text = clean;
            lines[n].width = count_code_points(clean);
            lines[n].blank_before = blank;
            n++;
        }
        blank = !clean;
        if (j < len && text[j] == '\r' && j + 1 < len && text[j + 1] == '\n')
            j++;
        i = j + 1;
    }
    *count = n;
    return lines;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static void add_block(nmi_ctx *ctx, newsmeta_paragraph_kind kind, const char *text)
{
    const char *t = nmi_arena_strdup(ctx->arena, text);
    if (!t) {
        ctx->oom = true;
        return;
    }
    nmi_block b = {kind, kind == NEWSMETA_HEADING ? 2 : 0, t, strlen(t), false};
    nmi_push_block(ctx, &b);
}

/* A related link after the last block so far (-1 before the first). */
static void add_related(nmi_ctx *ctx, const char *title)
{
    if (!title || (ctx->opts.flags & (NEWSMETA_OPT_NO_LINKS | NEWSMETA_OPT_NO_BODY)))
        return;
    const char *t = nmi_arena_strdup(ctx->arena, title);
    if (!t) {
        ctx->oom = true;
        return;
    }
    nmi_link l = {NULL, t, NEWSMETA_LINK_RELATED, (long)ctx->block_count - 1, 0, 0};
    nmi_push_link(ctx, &l);
}

static void add_text_cand(nmi_ctx *ctx, nmi_field f, const char *v, int rank, unsigned flags)
{
    if (v)
        nmi_add_cand_flags(ctx, f, v, strlen(v), rank, NEWSMETA_SOURCE_TEXT, flags);
}

/* A line's byline, dates or credit as candidates. */
static void add_meta(nmi_ctx *ctx, const line *l, int rank, unsigned flags)
{
    if (l->kind == L_CREDIT) {
        add_text_cand(ctx, NMI_F_IMAGE_CREDIT, l->value, NMI_RANK_TEXT_HEADER, 0);
        return;
    }
    add_text_cand(ctx, NMI_F_BYLINE, l->byline, rank, flags);
    add_text_cand(ctx, NMI_F_PUBLISHED, l->published, rank, flags);
    add_text_cand(ctx, NMI_F_MODIFIED, l->updated, rank, flags);
}

/* ------------------------------------------------------------------ */
/* Reading the sequence                                                */
/* ------------------------------------------------------------------ */

/* The next line from i on that is not noise; n when none. */
static size_t next_content(const line *lines, size_t n, size_t i)
{
    while (i < n && lines[i].kind == L_NOISE)
        i++;
    return i;
}

static bool is_text(line_kind k)
{
    return k == L_PROSE || k == L_BULLET || k == L_QUOTE;
}

/* A short label line in the header: a section name ("Gujarat", "Lake
 * District", "Arts & Culture"), every word capitalized; "Key points" is a
 * heading, not a section. */
static bool section_like(const line *l)
{
    if (l->kind != L_TITLE || l->words > 4 || l->lead_in || l->question || strchr(l->text, ','))
        return false;
    for (const char *p = l->text; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool ok = is_upper_start(p) || (*p >= '0' && *p <= '9') ||
                  !is_letter_byte((unsigned char)*p);
        for (const char *const *j = nmi_lex_name_joiners; *j && !ok; j++)
            ok = strlen(*j) == n && !strncmp(p, *j, n);
        if (!ok && n == 2 && !strncmp(p, "of", 2))
            ok = true;
        if (!ok)
            return false;
        p = e ? e + 1 : p + n;
    }
    return true;
}

/* Does the header go on after line i (a byline, a date or a section label
 * follows, credits and related lines aside)? */
static bool header_goes_on(const line *lines, size_t n, size_t i)
{
    size_t k = next_content(lines, n, i + 1);
    while (k < n && (lines[k].kind == L_CREDIT || lines[k].kind == L_RELATED))
        k = next_content(lines, n, k + 1);
    return k < n &&
           (lines[k].kind == L_META || lines[k].kind == L_CRUMBS || section_like(&lines[k]));
}

/* A short label right above the headline names its section. */
static void take_section(nmi_ctx *ctx, const line *above, bool *have_section)
{
    if (above && !*have_section && section_like(above)) {
        add_text_cand(ctx, NMI_F_SECTION, above->text, NMI_RANK_TEXT_HEADER, 0);
        *have_section = true;
    }
}

static bool prose_after(const line *lines, size_t n, size_t i)
{
    for (size_t k = i + 1; k < n; k++)
        if (is_text(lines[k].kind))
            return true;
    return false;
}

/* A line that may be the headline: title-like, 3 to 30 words, not a
 * sentence closed by a full stop (headlines do not end with one). */
static bool headline_candidate(const line *l)
{
    return (l->kind == L_TITLE || l->kind == L_PROSE) && l->words >= 3 && l->words <= 30 &&
           !l->lead_in && !ends_with_period(l->text);
}

/* The first line of the article's text: the start of the longest run of
 * prose (sentences; list items and quotations keep a run going, and up
 * to three other lines may interrupt it: a sub-heading, a byline, a
 * table row). Footers and teasers above the article are shorter runs.
 * n when the text has no sentence at all. */
#define TEXT_RUN_GAP 3
static size_t find_text_start(const line *lines, size_t n)
{
    size_t best = n, best_words = 0, start = n, words = 0, gap = 0;
    for (size_t i = 0; i <= n; i++) {
        const line *l = i < n ? &lines[i] : NULL;
        if (l && (l->kind == L_NOISE || l->kind == L_CREDIT || l->kind == L_RELATED))
            continue;
        bool sentence = l && l->kind == L_PROSE && ends_with_stop(l->text);
        if (sentence) {
            if (start == n) {
                start = i;
                words = 0;
            }
            words += l->words;
            gap = 0;
            continue;
        }
        if (l && (l->kind == L_BULLET || l->kind == L_QUOTE))
            continue;
        if (start < n && (!l || ++gap > TEXT_RUN_GAP)) {
            if (words > best_words) {
                best = start;
                best_words = words;
            }
            start = n;
        }
    }
    return best;
}

/* The headline, looked for upwards from `limit` (the first byline above
 * the text, or the text itself): the nearest headline-like line, unless
 * it reads as the standfirst of a headline-like line just above it (a
 * byline, dates, credits and noise may sit between). Navigation and
 * teasers further up are never reached. */
static void find_headline_above(const line *lines, size_t limit, size_t *headline,
                                size_t *standfirst)
{
    size_t x = SIZE_MAX;
    for (size_t i = limit; i-- > 0;)
        if (headline_candidate(&lines[i])) {
            x = i;
            break;
        }
    if (x == SIZE_MAX)
        return;
    *headline = x;
    for (size_t i = x; i-- > 0;) {
        line_kind k = lines[i].kind;
        if (k == L_NOISE || k == L_CREDIT || k == L_META || k == L_CRUMBS ||
            (k == L_TITLE && lines[i].words < 3)) /* "Editorial" */
            continue;
        const line *y = &lines[i], *l = &lines[x];
        /* a standfirst is prose, or clearly longer than its headline; a
         * kicker ("BLACK DEATH FEARS") is too short to be the headline */
        if (headline_candidate(y) && y->kind == L_TITLE && y->words >= 5 &&
            (l->kind == L_PROSE || (l->words >= 10 && l->words > y->words + 2))) {
            *headline = i;
            *standfirst = x;
        }
        break;
    }
}

/* The header: headline, standfirst, section, byline and dates; returns
 * the index of the first line of the body.
 *
 * When the article's text can be found, the headline is looked for
 * upwards from it (find_headline_above), so that whatever the page
 * printed above (navigation, teasers, banners) is passed over. Otherwise
 * it is read downwards: the first title-like line of five words or more,
 * shorter ones (the site's name, a short headline) waiting as `pending`
 * until a byline or the first sentence of text shows the last of them
 * was the headline.
 *
 * After the headline: a short label is the section, a prose line is the
 * standfirst when the header goes on after it (a byline, a date, a
 * section label); the first other line starts the body. */
static size_t read_header(nmi_ctx *ctx, const line *lines, size_t n, const line **headline_out)
{
    size_t first = n, sf = n, text = find_text_start(lines, n);
    if (text < n) {
        size_t limit = text;
        for (size_t i = 0; i < text; i++)
            if (lines[i].kind == L_META && lines[i].byline) {
                limit = i;
                break;
            }
        find_headline_above(lines, limit, &first, &sf);
        /* A byline above the headline ("Von X publiziert am ...", then the
         * headline, then the text): a short line found above the byline
         * gives way to a full headline-like line right above the text. */
        if (limit < text && sf == n && (first == n || lines[first].words < 5)) {
            size_t z = limit + 1;
            while (z < text && (lines[z].kind == L_NOISE || lines[z].kind == L_META ||
                                lines[z].kind == L_CREDIT))
                z++;
            if (z < text && headline_candidate(&lines[z]) && lines[z].words >= 5)
                first = z;
        }
    }
    const line *headline = NULL, *standfirst = NULL, *prev = NULL;
    const line *pending = NULL, *pending_prev = NULL;
    bool have_byline = false, have_date = false, have_section = false;
    size_t body = n;
    for (size_t i = 0; i < n; i++) {
        const line *l = &lines[i];
        bool above = first < n && i < first; /* above a headline found upwards */
        switch (l->kind) {
        case L_NOISE:
            continue;
        case L_META:
            add_meta(ctx, l, above ? NMI_RANK_TEXT_ABOVE_HEADLINE : NMI_RANK_TEXT_HEADER,
                     NMI_CAND_NEAR_HEADLINE);
            have_byline = have_byline || l->byline;
            have_date = have_date || l->published || l->updated;
            if (!headline && pending && l->byline) {
                headline = pending;
                take_section(ctx, pending_prev, &have_section);
            }
            prev = l;
            continue;
        case L_CREDIT:
            add_meta(ctx, l, NMI_RANK_TEXT_HEADER, 0);
            continue;
        case L_RELATED:
            if (!above)
                add_related(ctx, l->value);
            continue;
        case L_CRUMBS:
            if (!have_section)
                add_text_cand(ctx, NMI_F_SECTION, l->value, NMI_RANK_TEXT_HEADER, 0);
            have_section = true;
            prev = l;
            continue;
        default:
            break;
        }
        if (above) {
            prev = l;
            continue;
        }
        if (i == first) {
            headline = l;
            take_section(ctx, prev, &have_section);
            if (sf < n)
                standfirst = &lines[sf];
            continue;
        }
        if (i == sf)
            continue;
        if (!headline && first == n) {
            bool candidate = headline_candidate(l);
            if (!candidate && l->kind == L_TITLE) {
                prev = l; /* navigation, a kicker, a section label */
                continue;
            }
            if (candidate && l->words < 5) {
                pending = l;
                pending_prev = prev;
                prev = l;
                continue;
            }
            if (candidate) {
                headline = l;
                take_section(ctx, prev, &have_section);
                continue;
            }
            if (pending) { /* the text begins: the short line was the headline */
                headline = pending;
                take_section(ctx, pending_prev, &have_section);
            } else if (l->kind == L_PROSE) { /* no headline: the text starts at once */
                body = i;
                break;
            } else {
                prev = l;
                continue;
            }
        }
        if (!have_section && section_like(l) && (have_byline || have_date || standfirst)) {
            add_text_cand(ctx, NMI_F_SECTION, l->text, NMI_RANK_TEXT_HEADER, 0);
            have_section = true;
            continue;
        }
        if (!standfirst && (l->kind == L_PROSE || l->kind == L_TITLE) && l->words >= 6 &&
            !l->lead_in && header_goes_on(lines, n, i) && prose_after(lines, n, i)) {
            standfirst = l;
            continue;
        }
        body = i;
        break;
    }
    if (!headline && pending) {
        headline = pending;
        take_section(ctx, pending_prev, &have_section);
    }
    if (headline)
        add_text_cand(ctx, NMI_F_HEADLINE, headline->text, NMI_RANK_TEXT_HEADLINE, 0);
    if (standfirst)
        add_text_cand(ctx, NMI_F_DESCRIPTION, standfirst->text, NMI_RANK_TEXT_HEADLINE, 0);
    *headline_out = headline;
    return body;
}

void nmi_parse_text_lines(nmi_ctx *ctx, const char *text, size_t len)
{
    nmi_arena scratch = {NULL};
    text_state st = {ctx, &scratch, 0};
    size_t n = 0;
    line *lines = split_lines(&st, text, len, &n);
    if (!lines) {
        nmi_arena_release(&scratch);
        return;
    }
    n = drop_link_references(lines, n);
    n = join_wrapped(&st, lines, n);
    for (size_t i = 0; i < n && !ctx->oom; i++)
        classify(&st, &lines[i]);
    classify_in_context(lines, n);
    if (ctx->oom) {
        nmi_arena_release(&scratch);
        return;
    }

    const line *headline = NULL;
    size_t body = read_header(ctx, lines, n, &headline);

    /* The body. */
    bool skip_body = ctx->opts.flags & NEWSMETA_OPT_NO_BODY;
    for (size_t i = body; i < n && !ctx->oom; i++) {
        const line *l = &lines[i];
        switch (l->kind) {
        case L_NOISE:
        case L_CRUMBS:
            break;
        case L_META:
        case L_CREDIT:
            add_meta(ctx, l, NMI_RANK_TEXT_BODY, 0);
            break;
        case L_RELATED:
            add_related(ctx, l->value);
            break;
        case L_BULLET:
            if (!skip_body)
                add_block(ctx, NEWSMETA_LIST_ITEM, l->value);
            break;
        case L_QUOTE:
            if (!skip_body)
                add_block(ctx, NEWSMETA_QUOTE, l->value);
            break;
        case L_PROSE:
        case L_TITLE: {
            if (skip_body || (headline && nmi_loose_equal(l->text, headline->text)))
                break; /* the headline repeated above the text */
            /* Between paragraphs, a short title-like line (or a short
             * question) is a heading; after the last paragraph it is
             * trailing furniture, unless it is long. */
            size_t k = next_content(lines, n, i + 1);
            while (k < n && (lines[k].kind == L_RELATED || lines[k].kind == L_CREDIT ||
                             lines[k].kind == L_META))
                k = next_content(lines, n, k + 1);
            bool before_text = k < n && is_text(lines[k].kind);
            if (l->kind == L_PROSE && !(l->question && before_text))
                add_block(ctx, NEWSMETA_PARAGRAPH, l->text);
            else if (before_text && !l->lead_in && l->words <= 12)
                add_block(ctx, NEWSMETA_HEADING, l->text);
            else if (before_text || l->words >= 8)
                add_block(ctx, NEWSMETA_PARAGRAPH, l->text);
            break;
        }
        }
    }
    nmi_read_dates(ctx, NULL);
    nmi_arena_release(&scratch);
}
