/* Bylines to person names: the labels of a byline, its roles, and the
 * byline as printed.
 *
 * A credit goes through four steps:
 *
 *   1. roles (here): the text is cut into parts by labels ("By", "Written
 *      by", "Von", "Por", "Автор:", "Edited by", "Photos:"); the parts
 *      that a writing label introduces are the credit, the others
 *      (editors, photographers, translators) are dropped. Without a
 *      writing label the text before the first other label is the credit.
 *   2. the credit ends where the byline stops naming people: a date or a
 *      number, "Updated", "Published", "5 min read", "Follow", ...
 *      (byline_credit.c).
 *   3. pieces: the credit is split at commas, semicolons, pipes, slashes,
 *      spaced dashes, parentheses, the borders of a markup byline's
 *      elements (nmi_byline_parts, read as NMI_BYLINE_MARKs), " for " (an
 *      outlet follows), " in " (a place follows), and then at the words
 *      for "and" of many languages
 *      (byline_credit.c).
 *   4. each piece is a person, an organization (news agency, desk, outlet,
 *      the site's own name), a role ("Staff Writer"), or nothing of use
 *      (a place, a handle, an e-mail address, a date word)
 *      (byline_classify.c). Persons are kept in order without duplicates;
 *      the first organization goes to nmi_names::agency, or to
 *      nmi_names::own when it is the site itself (byline_credit.c).
 *
 * Nothing here knows any site: only words of the trade (the lexicon, lexicon_bylines.c)
 * and the shape of a name. Text is compared in lower case (ICU simple case
 * mapping, which keeps byte offsets in the scripts that matter here). */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "byline_parts.h"

/* ---- labels ---------------------------------------------------------------------- */

size_t nmi_byline_label(const char *s, bool *bare)
{
    char low[40];
    size_t n = 0;
    while (n < sizeof low - 1 && s[n])
        n++;
    nmi_byline_lower(s, n, low);
    /* a multi-byte character cut at the end of the window is harmless:
     * labels are shorter */
    low[n] = '\0';
    size_t w = nmi_byline_label_at(low, n, 0, nmi_lex_byline_writer_labels);
    size_t f = nmi_byline_label_at(low, n, 0, nmi_lex_byline_writer_words);
    if (!w && !f)
        return 0; /* most text nodes of a page: the other labels need not be read */
    /* "by" of "photo by" belongs to the longer label */
    size_t o = nmi_byline_label_at(low, n, 0, nmi_lex_byline_other_labels);
    if (o >= w && o >= f)
        return 0;
    *bare = w <= f || (w == 2 && !memcmp(low, "by", 2));
    return w > f ? w : f;
}

/* An arena copy of s[0..n) in lower case (nmi_byline_lower); NULL out of
 * memory (ctx->oom). */
static char *lower_copy(nmi_ctx *ctx, const char *s, size_t n)
{
    char *low = nmi_arena_alloc(ctx->arena, n + 1);
    if (!low) {
        ctx->oom = true;
        return NULL;
    }
    nmi_byline_lower(s, n, low);
    low[n] = '\0';
    return low;
}

/* ---- a byline: roles ------------------------------------------------------------- */

typedef struct label_hit {
    size_t start, end;
    bool writer;
} label_hit;

#define MAX_HITS 16

/* A one-word writer label of another language at low[i] ("Von Jane Doe",
 * "Di Marco Rossi"): many names begin with these words (Ursula von der
 * Leyen, Di Maria), so only at the start of the text or of an element, and
 * before two words or more. Its length, or 0. */
static size_t writer_word_at(const char *low, size_t n, size_t i)
{
    bool at_start = true;
    for (size_t j = 0; j < i && at_start; j++)
        at_start = nmi_byline_is_space(low[j]) || low[j] == '|';
    if (!at_start && low[i - 1] != NMI_BYLINE_MARK && !(i >= 2 && low[i - 2] == NMI_BYLINE_MARK))
        return 0;
    size_t f = nmi_byline_label_at(low, n, i, nmi_lex_byline_writer_words);
    if (!f)
        return 0;
    size_t j = i + f;
    while (j < n && (low[j] == ' ' || low[j] == ':'))
        j++;
    size_t words = 0;
    bool in = false;
    for (; j < n && low[j] != ',' && low[j] != NMI_BYLINE_MARK && low[j] != '|'; j++) {
        bool sp = low[j] == ' ';
        words += !sp && !in;
        in = !sp;
    }
    return words >= 2 ? f : 0;
}

/* The writer labels and the labels of other roles in low[0..n), in
 * order, into hits[MAX_HITS]; returns how many. */
static size_t find_labels(const char *low, size_t n, label_hit *hits)
{
    size_t nh = 0;
    for (size_t i = 0; i < n && nh < MAX_HITS; i++) {
        if (!nmi_byline_word_start(low, i))
            continue;
        size_t w = nmi_byline_label_at(low, n, i, nmi_lex_byline_writer_labels);
        size_t o = nmi_byline_label_at(low, n, i, nmi_lex_byline_other_labels);
        size_t f = writer_word_at(low, n, i);
        if (f > w)
            w = f;
        if (!w && !o)
            continue;
        /* "by" of "photo by" belongs to the longer label */
        bool writer = w > o;
        size_t len = writer ? w : o;
        size_t e = i + len;
        while (e < n && (low[e] == ':' || low[e] == ' '))
            e++;
        hits[nh++] = (label_hit){i, e, writer};
        i = e > i ? e - 1 : i;
    }
    return nh;
}

/* The text the stage reads: the byline's elements with NMI_BYLINE_MARK
 * between them, or the text as given. */
static const char *stage_text(nmi_ctx *ctx, const char *byline, const nmi_byline_parts *parts)
{
    return parts ? nmi_byline_parts_join(ctx, parts, NMI_BYLINE_MARK) : byline;
}

/* A byline that opens with its date in an element of its own ("Dec 17,
 * 2025" then "Julian K. Arni"): the length of that element and its
 * border, the names following; 0 otherwise. */
static size_t leading_date_part(const char *low, size_t n)
{
    const char *mark = memchr(low, NMI_BYLINE_MARK, n);
    if (!mark)
        return 0;
    size_t k = (size_t)(mark - low);
    bool digit = false;
    for (size_t i = 0; i < k; i++) {
        if (!nmi_byline_word_start(low, i) || low[i] == ' ')
            continue;
        size_t e = i;
        while (e < k && low[e] != ' ' && low[e] != ',')
            e++;
        unsigned char c = (unsigned char)low[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (((c >= 'a' && c <= 'z') || c >= 0x80) &&
                 !nmi_byline_in_list(low + i, e - i, nmi_lex_byline_date_words))
            return 0;
        i = e;
    }
    return digit ? k + 1 : 0;
}

void nmi_split_byline(nmi_ctx *ctx, const char *byline, const nmi_byline_parts *parts,
                      nmi_names *nm)
{
    if (ctx->oom)
        return;
    byline = stage_text(ctx, byline, parts);
    if (!byline)
        return;
    size_t n = strlen(byline);
    if (n > 600)
        n = 600;
    char *s = nmi_arena_strndup(ctx->arena, byline, n);
    if (!s) {
        ctx->oom = true;
        return;
    }
    char *low = lower_copy(ctx, s, n);
    if (!low)
        return;
    label_hit hits[MAX_HITS];
    size_t nh = find_labels(low, n, hits);
    bool any_writer = false;
    for (size_t h = 0; h < nh; h++)
        any_writer = any_writer || hits[h].writer;
    if (!any_writer) {
        size_t end = nh ? hits[0].start : n;
        size_t date = leading_date_part(low, end);
        nmi_split_credit(ctx, nm, s + date, low + date, end - date);
        return;
    }
    for (size_t h = 0; h < nh; h++) {
        if (!hits[h].writer)
            continue;
        size_t end = h + 1 < nh ? hits[h + 1].start : n;
        nmi_split_credit(ctx, nm, s + hits[h].end, low + hits[h].end, end - hits[h].end);
    }
}

/* ---- the byline as printed ------------------------------------------------------- */

/* Element boundaries read as spaces, but not before punctuation: s[0..n)
 * rewritten in place; returns its new length. */
static size_t marks_to_spaces(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != NMI_BYLINE_MARK) {
            s[o++] = s[i];
            continue;
        }
        size_t j = i + 1;
        while (j < n && (s[j] == ' ' || s[j] == NMI_BYLINE_MARK))
            j++;
        if (j < n && strchr(",.;:!?)", s[j]))
            continue;
        if (o && s[o - 1] != ' ' && s[o - 1] != '(')
            s[o++] = ' ';
    }
    return o;
}

/* Where the printed byline starts: at its first writer label ("05/10/2018
 * - Publicado por: Clarissa Borba", "Recipe by PJ Hamel"), its names
 * after the label (*body); the credit of another role ("Photos by John
 * Smith; text by Jane Doe") is passed over to the writer label after it.
 * 0 and 0 when there is none. */
static size_t label_after_date(const char *low, size_t n, size_t *body)
{
    for (size_t i = 0; i < n; i++) {
        if (!nmi_byline_word_start(low, i))
            continue;
        size_t w = nmi_byline_label_at(low, n, i, nmi_lex_byline_writer_labels);
        if (w) {
            *body = i + w;
            return i;
        }
        /* "by" of "Photos by" is not a writer label */
        size_t o = nmi_byline_label_at(low, n, i, nmi_lex_byline_other_labels);
        if (o)
            i += o - 1;
    }
    *body = 0;
    return 0;
}

/* Without punctuation, dashes, bullets and middle dots at the end of
 * s[start..end). */
static size_t without_trailing_marks(const char *s, size_t start, size_t end)
{
    while (end > start && (strchr(" ,;|:-*/(", s[end - 1]) || (unsigned char)s[end - 1] >= 0x80)) {
        if ((unsigned char)s[end - 1] < 0x80) {
            end--;
            continue;
        }
        /* a dash, a bullet or a middle dot at the end */
        size_t k = end;
        while (k > start && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
            k--;
        if (k > start)
            k--;
        UChar32 cp;
        size_t j = k;
        U8_NEXT(s, j, end, cp);
        if (cp < 0 || u_isalnum(cp))
            break;
        end = k;
    }
    return end;
}

/* The end of the printed byline s[start..end) (low its lower case):
 * without marks at the end and, when a date was cut off after it (cut),
 * without a month, a weekday or a preposition left before the date ("Jane
 * Doe on", "Jane Doe Monday"). */
static size_t display_end(const char *s, const char *low, size_t start, size_t end, bool cut)
{
    static const char *const BEFORE_DATE[] = {"on", "at", "el", "em", "le", "am", "um",
                                              "the", "of", "-", NULL};
    for (;;) {
        end = without_trailing_marks(s, start, end);
        size_t w = end;
        while (w > start && s[w - 1] != ' ')
            w--;
        if (!cut || w <= start || w >= end ||
            !(nmi_byline_in_list(low + w, end - w, nmi_lex_byline_date_words) ||
              nmi_byline_in_list(low + w, end - w, BEFORE_DATE)))
            return end;
        end = w;
    }
}

static bool any_letter(const char *s, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80)
            return true;
    }
    return false;
}

const char *nmi_byline_display(nmi_ctx *ctx, const char *byline, const nmi_byline_parts *parts)
{
    byline = stage_text(ctx, byline, parts);
    if (!byline)
        return NULL;
    size_t n = strlen(byline);
    /* the date element a byline opens with is not shown ("Dec 17, 2025"
     * before "Julian K. Arni") */
    const char *low0 = lower_copy(ctx, byline, n);
    if (!low0)
        return NULL;
    size_t date = leading_date_part(low0, n);
    byline += date;
    n -= date;
    char *s = nmi_arena_strndup(ctx->arena, byline, n);
    if (!s) {
        ctx->oom = true;
        return NULL;
    }
    s = nmi_clean_text(ctx->arena, s, marks_to_spaces(s, n), &ctx->oom);
    if (!s)
        return NULL;
    n = strlen(s);
    char *low = lower_copy(ctx, s, n);
    if (!low)
        return NULL;
    size_t body;
    size_t start = label_after_date(low, n, &body);
    size_t end = body + nmi_credit_end(s + body, low + body, n - body);
    /* the credit of another role after the writers' is not shown */
    for (size_t i = body; i < end; i++)
        if (nmi_byline_word_start(low, i) &&
            nmi_byline_label_at(low, end, i, nmi_lex_byline_other_labels)) {
            end = i;
            break;
        }
    end = display_end(s, low, start, end, end < n);
    if (end <= start || !any_letter(s, start, end))
        return NULL;
    s[end] = '\0';
    return s + start;
}
