/* Plain text: the meta lines, the lines about the article rather than of
 * it: bylines ("By Jane Doe", a label alone with the names below, names
 * with a role or an agency), dates and datelines, image and agency
 * credits, related lines ("Read more: ..."), breadcrumbs. A line may hold
 * several ("By Jane Doe | March 3, 2021 | 5 min read"): it is read as
 * segments, each a byline, a date, a lone label or noise, or the line is
 * text after all.
 *
 * Labels come in several languages and live in the lexicon (lexicon.h);
 * dates go through the same parser as the HTML path's, bylines are
 * recognized by its writer labels. */
#include <string.h>

#include "text_internal.h"

/* Date parses while classifying (each may open an ICU calendar): a text
 * of 100,000 date-like lines would otherwise spend seconds in ICU. The
 * reconciler looks at the first 64 candidates anyway. */
#define TEXT_MAX_DATE_PARSES 256
/* Segments of one meta line ("By X | March 3, 2021 | 5 min read"). */
#define TEXT_MAX_SEGMENTS 8

/* ---- credits, related lines, breadcrumbs --------------------------------- */

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
        if (e > i && v[i] >= 'a' && v[i] <= 'z')
            lower += !word_in_list(v + i, e - i, nmi_lex_credit_joiners, false);
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
const char *nmi_text_credit(text_state *st, const char *s, size_t len, bool *noise)
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

const char *nmi_text_related(text_state *st, const char *s)
{
    const char *rest = nmi_related_prefix(s);
    if (!rest)
        return NULL;
    rest = skip_spaces(rest);
    return *rest ? nmi_clean_text(st->scratch, rest, strlen(rest), &st->ctx->oom) : NULL;
}

/* "Home > News > World", "Sport › Football": the last crumb. */
const char *nmi_text_crumbs(const char *s)
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

/* Length of a photo agency's name closing s[0..e), or 0. */
static size_t agency_suffix(const char *s, size_t e)
{
    for (const char *const *a = nmi_lex_photo_agencies; *a; a++) {
        size_t al = strlen(*a);
        if (e >= al && nmi_istarts(s + e - al, *a) &&
            (e == al || s[e - al - 1] == ' ' || s[e - al - 1] == '/' || s[e - al - 1] == ',' ||
             s[e - al - 1] == '('))
            return al;
    }
    return 0;
}

/* "(Reed Saxon / Associated Press)", "© REUTERS / POOL": a credit;
 * "Al Goldis, Associated Press": furniture (*noise). */
const char *nmi_text_agency_credit(text_state *st, const char *s, size_t words, bool *noise)
{
    *noise = false;
    size_t n = strlen(s);
    if (words > 8 || nmi_text_ends_with_period(s))
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

/* ---- bylines ------------------------------------------------------------- */

/* A separator that ends the names of a byline ("Jane Doe | 5 min read"). */
static size_t separator_len(const char *p)
{
    static const char *const SEP[] = {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x94 ",
                                      " \xE2\x80\x93 ", " - ", NULL};
    if (*p != ' ')
        return 0; /* every separator opens with one: called at each byte of a line */
    for (const char *const *s = SEP; *s; s++)
        if (!strncmp(p, *s, strlen(*s)))
            return strlen(*s);
    return 0;
}

/* Does s read as one or more person names? Capitalized words and name
 * joiners up to the first comma or separator; after it anything goes
 * (a role: "Jane Doe, political correspondent"). */
bool nmi_text_looks_like_names(const char *s)
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
        } else if (n && !word_in_list(w, n, nmi_lex_name_joiners, false)) {
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
    char *out = scratch_alloc(st, n + 1);
    if (!out)
        return NULL;
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

bool nmi_text_byline_label_alone(const char *s)
{
    size_t k;
    if (!nmi_lex_match(s, nmi_lex_byline_alone, &k))
        return false;
    const char *r = skip_spaces(s + k);
    if (*r == ':')
        r = skip_spaces(r + 1);
    return *r == '\0';
}

/* A role word as a whole word anywhere in s. */
bool nmi_text_has_role_word(const char *s)
{
    for (const char *const *w = nmi_lex_byline_line_roles; *w; w++) {
        size_t n = strlen(*w);
        for (const char *p = s; (p = nmi_istr(p, *w)) != NULL; p += n)
            if ((p == s || p[-1] == ' ') && !is_letter_byte((unsigned char)p[n]))
                return true;
    }
    return false;
}

/* A byline printed without a label: names, then a role or an agency
 * ("Steve Peoples, AP National Political Writer", "Meg Kinnard and
 * Errin Haines, Associated Press"). The names part, or NULL. */
const char *nmi_text_unlabeled_byline(text_state *st, const char *s, size_t words)
{
    if (words < 3 || words > 10 || nmi_text_ends_with_stop(s) || *s == '(')
        return NULL;
    size_t n = strlen(s), names = strcspn(s, ",");
    size_t al = agency_suffix(s, n);
    if (!al && !nmi_text_has_role_word(s))
        return NULL;
    if (names == n && al)
        names = n - al; /* "Tom Davies Associated Press" */
    char *v = nmi_clean_text(st->scratch, s, names, &st->ctx->oom);
    if (!v || nmi_word_count(v, strlen(v)) < 2 || !nmi_text_looks_like_names(v) ||
        nmi_text_has_role_word(v))
        return NULL;
    return v;
}

/* ---- dates and datelines ------------------------------------------------- */

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

/* A line that opens with a number, a month or a weekday may be a bare
 * date; "Officials met in March 2021" may not. */
static bool starts_like_date(const char *s)
{
    size_t k;
    return (*s >= '0' && *s <= '9') || nmi_lex_match(s, nmi_lex_date_openers, &k);
}

static bool parse_date_budget(text_state *st, const char *s, nmi_time *t)
{
    if (st->date_parses >= TEXT_MAX_DATE_PARSES)
        return false;
    st->date_parses++;
    return nmi_parse_date(st->ctx, s, t);
}

/* A clock time ("11:03", "19.09" after a date), a numeric date
 * ("27/09/2018", "2018-09-16", "11.18.19"), a relative time ("2 days
 * ago"), or a date in words with at most two other words beside it. */
static bool dateline_like(const char *s)
{
    size_t words = nmi_word_count(s, strlen(s));
    if (nmi_text_time_note(s, words))
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
        bool known = has_digit || nmi_lex_match(p, nmi_lex_date_openers, &k) ||
                     only_symbols_n(p, e) ||
                     word_in_list(p, (size_t)(e - p), nmi_lex_dateline_words, true);
        other += !known && e > p;
        p = e;
    }
    return other <= 2;
}

/* ---- segments: the meta line --------------------------------------------- */

typedef enum seg_kind {
    SEG_OTHER,      /* not meta: the line is not a meta line */
    SEG_NOISE,      /* "5 min read" beside a byline */
    SEG_LABEL_ONLY, /* "Updated 2 hours ago": a date label without a date */
    SEG_BYLINE,
    SEG_PUBLISHED,
    SEG_UPDATED
} seg_kind;

/* After a byline label in segment seg: the names (with whole, up to the
 * first separator), or NULL when the segment is not a byline. */
static const char *labelled_names(text_state *st, const char *seg, size_t words, bool whole)
{
    size_t k = byline_label(seg);
    if (!k || words > 14)
        return NULL;
    const char *v = skip_spaces(seg + k);
    while (*v == ':' || *v == ' ')
        v++;
    if (whole) { /* the names end at the first separator */
        size_t e = 0;
        while (v[e] && !separator_len(v + e))
            e++;
        v = nmi_clean_text(st->scratch, v, e, &st->ctx->oom);
    }
    if (v && *v && nmi_text_looks_like_names(v) && !nmi_text_ends_with_stop(v))
        return v;
    return NULL;
}

/* A segment that opens with a date label, of kind SEG_PUBLISHED or
 * SEG_UPDATED; d is where its date starts, words its length in words. */
static seg_kind labelled_date(text_state *st, const char *seg, size_t words, const char *d,
                              seg_kind kind, const char **value)
{
    while (*d == ' ' || *d == ':' || *d == '-' || *d == ',')
        d++;
    /* "Published on 3 March 2021, the report found that ..." is text */
    bool sentence = words > 6 && nmi_text_ends_with_period(seg);
    nmi_time t;
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

/* One segment of a possible meta line; *value is the byline or date text. */
static seg_kind classify_segment(text_state *st, const char *s, size_t n, bool whole,
                                 const char **value)
{
    char *seg = nmi_clean_text(st->scratch, s, n, &st->ctx->oom);
    if (!seg)
        return SEG_NOISE;
    size_t words = nmi_word_count(seg, strlen(seg)), k;
    const char *names = labelled_names(st, seg, words, whole);
    if (names) {
        *value = byline_names(st, names);
        return *value ? SEG_BYLINE : SEG_OTHER;
    }
    if (nmi_lex_match(seg, nmi_lex_updated_labels, &k))
        return labelled_date(st, seg, words, seg + k, SEG_UPDATED, value);
    if (nmi_lex_match(seg, nmi_lex_published_labels, &k))
        return labelled_date(st, seg, words, seg + k, SEG_PUBLISHED, value);
    nmi_time t;
    if (words <= 8 && starts_like_date(seg) && parse_date_budget(st, seg, &t) &&
        t.precision >= NEWSMETA_PRECISION_DAY) {
        *value = seg;
        return SEG_PUBLISHED;
    }
    return nmi_text_is_noise(seg, words) ? SEG_NOISE : SEG_OTHER;
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

/* The segments of s, at most TEXT_MAX_SEGMENTS, as [parts[i][0],
 * parts[i][1]); the last one ends before the rest when there are more. */
static size_t cut_segments(const char *s, const char *parts[][2])
{
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
    return np;
}

/* "Charlotte Gannon" opening a meta line ("Charlotte Gannon • 4
 * November 2025"): two to four capitalized names, no label. The names
 * (in the scratch arena), or NULL. */
static const char *unlabeled_names(text_state *st, const char *s, size_t n)
{
    char *v = nmi_clean_text(st->scratch, s, n, &st->ctx->oom);
    size_t words = v ? nmi_word_count(v, strlen(v)) : 0;
    if (words < 2 || words > 4 || nmi_text_ends_with_stop(v) || !nmi_text_looks_like_names(v))
        return NULL;
    return byline_names(st, v);
}

/* What the segments say together: a byline and dates (L_META), a lone
 * date label (L_NOISE), or, false, that the line is not a meta line. With
 * whole, the one segment is the whole line. */
static bool read_segments(text_state *st, line *l, const char *parts[][2], size_t np, bool whole)
{
    const char *byline = NULL, *pub = NULL, *upd = NULL;
    bool label_only = false, labelled = true;
    for (size_t i = 0; i < np; i++) {
        const char *v = NULL;
        size_t n = (size_t)(parts[i][1] - parts[i][0]);
        seg_kind kind = classify_segment(st, parts[i][0], n, whole, &v);
        if (kind == SEG_OTHER && i == 0 && np > 1 && (v = unlabeled_names(st, parts[0][0], n))) {
            kind = SEG_BYLINE; /* kept only beside a date (below) */
            labelled = false;
        }
        /* a short tail after the byline and date ("| Categories: News",
         * "| Fact-checked by Jane Roe") ends the meta, it does not undo it */
        if (kind == SEG_OTHER && i > 0 && (byline || pub || upd) &&
            nmi_word_count(parts[i][0], n) <= 6)
            break;
        switch (kind) {
        case SEG_OTHER: return false;
        case SEG_NOISE: break;
        case SEG_LABEL_ONLY: label_only = true; break;
        case SEG_BYLINE: if (!byline) byline = v; break;
        case SEG_PUBLISHED: if (!pub) pub = v; break;
        case SEG_UPDATED: if (!upd) upd = v; break;
        }
    }
    if (byline && !labelled && !pub && !upd)
        return false;
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
    return false;
}

/* A short line that carries a time or a date among a few other words
 * ("Reuters November 18, 2019 11:03 PM", "Today 12:01 AM", "2 days ago
 * at 07:52 am") is the article's dateline, never a headline: L_META when
 * it reads as a day, else L_NOISE. False for any other line. */
static bool classify_dateline(text_state *st, line *l)
{
    const char *s = l->text;
    if (l->words > 12 || nmi_text_ends_with_period(s) || !dateline_like(s))
        return false;
    nmi_time t;
    if (parse_date_budget(st, s, &t) && t.precision >= NEWSMETA_PRECISION_DAY) {
        l->kind = L_META;
        l->published = s;
    } else {
        l->kind = L_NOISE;
    }
    return true;
}

bool nmi_text_classify_meta(text_state *st, line *l)
{
    if (l->words > 40)
        return false;
    const char *s = l->text;
    const char *parts[TEXT_MAX_SEGMENTS][2];
    size_t np = cut_segments(s, parts);
    /* segment by segment, unless there are more than we look at */
    if (!parts[np - 1][1][0] && read_segments(st, l, parts, np, false))
        return true;
    /* then the line whole: "By Jane Doe - Political editor" */
    if (np > 1) {
        parts[0][1] = s + strlen(s);
        if (read_segments(st, l, parts, 1, true))
            return true;
    }
    return classify_dateline(st, l);
}
