/* Plain-text input: the text rendering of a news page (copied, saved from
 * a text browser, stripped by another tool) -> the same candidates and
 * blocks as the HTML stages produce.
 *
 * Three passes over the lines:
 *   1. split (LF, CRLF or CR) and clean; text hard-wrapped at a fixed
 *      width (text-browser dumps) has its wrapped lines joined again
 *      (text_lines.c);
 *   2. classify each line on its own: noise, meta (byline and dates, one
 *      or several on a line), related link, image credit, breadcrumbs,
 *      list item, quotation, prose, title-like (here, the meta lines in
 *      text_meta.c); then among its neighbours;
 *   3. read the sequence: the header (section label, headline,
 *      standfirst, byline, dates) ends where the first paragraph starts
 *      the body (text_header.c); inside the body, title-like lines
 *      between paragraphs are sub-headings and a trailing byline or date
 *      is still taken (text_body.c).
 *
 * Labels ("By", "Published", "Read more", "Photo") come in several
 * languages; the lists are the lexicon's (lexicon.h), the rules are the
 * same for all. Dates and bylines go through the same parsers as HTML. */
#include <string.h>

#include "text_internal.h"

/* ---- what a line is, on its own ------------------------------------------ */

static bool set_kind(line *l, line_kind kind, const char *value)
{
    l->kind = kind;
    l->value = value;
    return true;
}

/* Page furniture ("• share", "- Print", "• Share on Facebook"), and the
 * labels that stand alone on their line, telling what the next line is
 * (a caption label, "By"): L_NOISE. The line has n bytes, b of them a
 * bullet. */
static bool classify_furniture(line *l, size_t n, size_t b, bool numbered)
{
    const char *s = l->text;
    size_t k;
    if (nmi_text_is_noise(s, l->words) ||
        (b && !numbered && nmi_word_count(s + b, n - b) <= 2 && !nmi_text_ends_with_stop(s)) ||
        (b && nmi_text_is_noise(s + b, nmi_word_count(s + b, n - b))))
        return set_kind(l, L_NOISE, NULL);
    if (nmi_lex_match(s, nmi_lex_caption_labels, &k)) {
        const char *r = s + k;
        while (*r == ' ' || *r == ':' || *r == ',')
            r++;
        l->caption_next = !*r;
        return set_kind(l, L_NOISE, NULL);
    }
    if (nmi_text_byline_label_alone(s)) {
        l->byline_next = true;
        return set_kind(l, L_NOISE, NULL);
    }
    return false;
}

/* A line about the article (text_meta.c): a credit, a related line,
 * breadcrumbs, a byline or dates, maybe after a bullet. */
static bool classify_about(text_state *st, line *l, size_t n, size_t b, bool numbered)
{
    const char *s = l->text, *v;
    bool noise;
    if ((v = nmi_text_credit(st, s, n, &noise)) || noise)
        return set_kind(l, v ? L_CREDIT : L_NOISE, v);
    if (l->words <= 25 && n <= TEXT_MAX_LABEL_LINE && (v = nmi_text_related(st, s)))
        return set_kind(l, L_RELATED, v);
    if (l->words <= 16 && (v = nmi_text_crumbs(s)))
        return set_kind(l, L_CRUMBS, v);
    if (n <= TEXT_MAX_LABEL_LINE && nmi_text_classify_meta(st, l))
        return true;
    if (b && !numbered) { /* "• By Jane Doe", "• Updated: 18 Nov 2019, 19:11" */
        line item = *l;
        item.text = s + b;
        item.words = nmi_word_count(item.text, strlen(item.text));
        if (nmi_text_classify_meta(st, &item)) {
            *l = item;
            l->text = s;
            return true;
        }
    }
    if ((v = nmi_text_unlabeled_byline(st, s, l->words))) {
        l->kind = L_META;
        l->byline = v;
        return true;
    }
    if ((v = nmi_text_agency_credit(st, s, l->words, &noise)) || noise)
        return set_kind(l, v ? L_CREDIT : L_NOISE, v);
    return false;
}

/* The article's own text (n bytes): a list item (after a bullet of b
 * bytes), a quotation, prose (sentences) or a title-like line. */
static void classify_text(line *l, size_t n, size_t b)
{
    const char *s = l->text;
    if (b) {
        set_kind(l, L_BULLET, s + b);
        return;
    }
    if (s[0] == '>' && s[1] == ' ' && s[2]) {
        set_kind(l, L_QUOTE, s + 2);
        return;
    }
    bool stop = nmi_text_ends_with_stop(s);
    l->kind = (stop ? l->words >= 5 : l->words >= 16) ? L_PROSE : L_TITLE;
    l->lead_in = s[n - 1] == ':';
    /* "Can I leave my contract early?": one short question, not quoted */
    if (s[n - 1] == '?' && l->words <= 12 && *s != '"' && strncmp(s, "\xE2\x80\x9C", 3) &&
        strncmp(s, "\xC2\xAB", 2) && !strstr(s, ". ") && !strstr(s, "? ") && !strstr(s, "! "))
        l->question = true;
}

static void classify(text_state *st, line *l)
{
    size_t n = strlen(l->text);
    l->words = nmi_word_count(l->text, n);
    bool numbered;
    size_t b = nmi_text_bullet_len(l->text, &numbered);
    /* "o" marks the items of a nested list (lynx); a deep indent tells it
     * from the word ("o" is "or" in several languages) */
    if (!b && l->indent >= 6 && l->text[0] == 'o' && l->text[1] == ' ' && l->text[2])
        b = 2;
    if (!classify_furniture(l, n, b, numbered) && !classify_about(st, l, n, b, numbered))
        classify_text(l, n, b);
}

/* ---- what a line is, among its neighbours -------------------------------- */

/* "BBC News, Carlisle", "Science Correspondent", "Political editor". */
static bool role_like(const line *l)
{
    return strchr(l->text, ',') || nmi_text_section_like(l) || nmi_text_has_role_word(l->text);
}

/* "Jane Doe" alone on its line, right above a line of dates only: the
 * author, printed without a label. */
static bool name_over_date(const line *l, const line *next)
{
    return l->kind == L_TITLE && l->words >= 2 && l->words <= 4 && next->kind == L_META &&
           !next->byline && (next->published || next->updated) &&
           !nmi_text_ends_with_stop(l->text) && nmi_text_looks_like_names(l->text);
}

/* What a line is also depends on its neighbours:
 *   - the line after a lone caption label is the caption;
 *   - a name alone right above a date line is the byline;
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
            next->words <= 8 && nmi_text_looks_like_names(next->text) &&
            !nmi_text_ends_with_stop(next->text)) {
            next->kind = L_META;
            next->byline = next->text;
        }
        if (name_over_date(&lines[i], next)) {
            lines[i].kind = L_META;
            lines[i].byline = lines[i].text;
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

/* ---- the passes ---------------------------------------------------------- */

void nmi_parse_text_lines(nmi_ctx *ctx, const char *text, size_t len)
{
    nmi_arena scratch = {NULL};
    text_state st = {ctx, &scratch, 0};
    size_t n = 0;
    line *lines = nmi_text_lines(&st, text, len, &n);
    if (lines) {
        for (size_t i = 0; i < n && !ctx->oom; i++)
            classify(&st, &lines[i]);
        classify_in_context(lines, n);
    }
    if (lines && !ctx->oom) {
        const line *headline = NULL;
        size_t first = n, last = n;
        size_t end = nmi_text_find_article(lines, n, &first, &last) ? last + 1 : n;
        size_t body = nmi_text_read_header(ctx, lines, n, first, &headline);
        nmi_text_read_body(ctx, lines, n, body, end, headline);
        nmi_read_dates(ctx, NULL);
    }
    nmi_arena_release(&scratch);
}
