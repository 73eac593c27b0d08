/* Plain text, pass 3a: the header, the lines from the top of the text to
 * the start of the body: section label, headline, standfirst, byline and
 * dates. What a page printed above the article (navigation, teasers,
 * banners) is passed over by finding the article's text first and the
 * headline upwards from it. */
#include <stdint.h>
#include <string.h>

#include "text_internal.h"

/* ---- what a line of the header may be ------------------------------------ */

/* A short label line in the header: a section name ("Gujarat", "Lake
 * District", "Arts & Culture"), every word capitalized; "Key points" is a
 * heading, not a section. */
bool nmi_text_section_like(const line *l)
{
    if (l->kind != L_TITLE || l->words > 4 || l->lead_in || l->question || strchr(l->text, ','))
        return false;
    for (const char *p = l->text; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool ok = is_upper_start(p) || (*p >= '0' && *p <= '9') ||
                  !is_letter_byte((unsigned char)*p);
        ok = ok || word_in_list(p, n, nmi_lex_name_joiners, false) ||
             (n == 2 && !strncmp(p, "of", 2));
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
    return k < n && (lines[k].kind == L_META || lines[k].kind == L_CRUMBS ||
                     nmi_text_section_like(&lines[k]));
}

static bool prose_after(const line *lines, size_t n, size_t i)
{
    for (size_t k = i + 1; k < n; k++)
        if (is_text(lines[k].kind))
            return true;
    return false;
}

/* ---- the headline, upwards from the text --------------------------------- */

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
        if (text_headline_like(&lines[i])) {
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
        if (text_headline_like(y) && y->kind == L_TITLE && y->words >= 5 &&
            (l->kind == L_PROSE || (l->words >= 10 && l->words > y->words + 2))) {
            *headline = i;
            *standfirst = x;
        }
        break;
    }
}

/* ---- reading the header -------------------------------------------------- */

/* The header as read so far. */
typedef struct text_header {
    nmi_ctx *ctx;
    const line *lines;
    size_t n;
    /* the headline and standfirst found upwards from the text; n when none */
    size_t first, sf;
    const line *headline, *standfirst;
    const line *prev; /* the last line read that may label the next */
    /* a short headline-like line read downwards, and the line above it */
    const line *pending, *pending_prev;
    bool have_byline, have_date, have_section;
} text_header;

/* What a line read downwards tells. */
typedef enum header_step {
    NEXT_LINE,   /* the line is the header's: read the next */
    BODY_STARTS, /* the line starts the body */
    READ_ON      /* the headline is known now: the line may still be the header's */
} header_step;

/* When the article's text can be found, the headline (and maybe the
 * standfirst) looked for upwards from it, or from the first byline above
 * it. */
static void find_headline_upwards(text_header *h, size_t text)
{
    const line *lines = h->lines;
    if (text >= h->n)
        return;
    size_t slug = nmi_text_slug_headline(h->ctx->url, lines, h->n, text + 3);
    if (slug < h->n) {
        h->first = slug;
        return;
    }
    size_t limit = text;
    for (size_t i = 0; i < text; i++)
        if (lines[i].kind == L_META && lines[i].byline) {
            limit = i;
            break;
        }
    find_headline_above(lines, limit, &h->first, &h->sf);
    /* A byline above the headline ("Von X publiziert am ...", then the
     * headline, then the text): a short line found above the byline gives
     * way to a full headline-like line right above the text. */
    if (limit < text && h->sf == h->n && (h->first == h->n || lines[h->first].words < 5)) {
        size_t z = limit + 1;
        while (z < text && (lines[z].kind == L_NOISE || lines[z].kind == L_META ||
                            lines[z].kind == L_CREDIT))
            z++;
        if (z < text && text_headline_like(&lines[z]) && lines[z].words >= 5)
            h->first = z;
    }
}

/* l is the headline; a short label right above it names its section. */
static void take_headline(text_header *h, const line *l, const line *above)
{
    h->headline = l;
    if (above && !h->have_section && nmi_text_section_like(above)) {
        nmi_text_add_cand(h->ctx, NMI_F_SECTION, above->text, NMI_RANK_TEXT_HEADER, 0);
        h->have_section = true;
    }
}

/* The lines the header takes wherever they stand: noise (passed over),
 * bylines and dates, credits, related links (not above the headline),
 * breadcrumbs. False for the other kinds. */
static bool take_meta_line(text_header *h, const line *l, bool above)
{
    switch (l->kind) {
    case L_NOISE:
        return true;
    case L_META:
        nmi_text_add_meta(h->ctx, l, above ? NMI_RANK_TEXT_ABOVE_HEADLINE : NMI_RANK_TEXT_HEADER,
                          NMI_CAND_NEAR_HEADLINE);
        h->have_byline = h->have_byline || l->byline;
        h->have_date = h->have_date || l->published || l->updated;
        if (!h->headline && h->pending && l->byline) /* the short line had the byline */
            take_headline(h, h->pending, h->pending_prev);
        h->prev = l;
        return true;
    case L_CREDIT:
        nmi_text_add_meta(h->ctx, l, NMI_RANK_TEXT_HEADER, 0);
        return true;
    case L_RELATED:
        if (!above)
            nmi_text_add_related(h->ctx, l);
        return true;
    case L_CRUMBS:
        if (!h->have_section)
            nmi_text_add_cand(h->ctx, NMI_F_SECTION, l->value, NMI_RANK_TEXT_HEADER, 0);
        h->have_section = true;
        h->prev = l;
        return true;
    default:
        return false;
    }
}

/* No headline found upwards: the first title-like line of five words or
 * more is the headline; shorter ones (the site's name, a short headline)
 * wait as pending until a byline or the first sentence of text shows the
 * last of them was the headline. */
static header_step headline_downwards(text_header *h, const line *l)
{
    bool candidate = text_headline_like(l);
    if (!candidate && l->kind == L_TITLE) {
        h->prev = l; /* navigation, a kicker, a section label */
        return NEXT_LINE;
    }
    if (candidate && l->words < 5) {
        h->pending = l;
        h->pending_prev = h->prev;
        h->prev = l;
        return NEXT_LINE;
    }
    if (candidate) {
        take_headline(h, l, h->prev);
        return NEXT_LINE;
    }
    if (h->pending) { /* the text begins: the short line was the headline */
        take_headline(h, h->pending, h->pending_prev);
        return READ_ON;
    }
    if (l->kind == L_PROSE) /* no headline: the text starts at once */
        return BODY_STARTS;
    h->prev = l;
    return NEXT_LINE;
}

/* After the headline: a short label is the section (once a byline, a date
 * or a standfirst is known), a prose line the standfirst when the header
 * goes on after it (a byline, a date, a section label). False for any
 * other line: the body starts there. */
static bool take_section_or_standfirst(text_header *h, size_t i)
{
    const line *l = &h->lines[i];
    if (!h->have_section && nmi_text_section_like(l) &&
        (h->have_byline || h->have_date || h->standfirst)) {
        nmi_text_add_cand(h->ctx, NMI_F_SECTION, l->text, NMI_RANK_TEXT_HEADER, 0);
        h->have_section = true;
        return true;
    }
    if (!h->standfirst && (l->kind == L_PROSE || l->kind == L_TITLE) && l->words >= 6 &&
        !l->lead_in && header_goes_on(h->lines, h->n, i) && prose_after(h->lines, h->n, i)) {
        h->standfirst = l;
        return true;
    }
    return false;
}

/* Is line i the header's? False at the first line of the body. */
static bool header_takes(text_header *h, size_t i)
{
    const line *l = &h->lines[i];
    bool above = h->first < h->n && i < h->first; /* above a headline found upwards */
    if (take_meta_line(h, l, above))
        return true;
    if (above) {
        h->prev = l;
        return true;
    }
    if (i == h->first) {
        take_headline(h, l, h->prev);
        if (h->sf < h->n)
            h->standfirst = &h->lines[h->sf];
        return true;
    }
    if (i == h->sf)
        return true;
    if (!h->headline && h->first == h->n) {
        header_step step = headline_downwards(h, l);
        if (step != READ_ON)
            return step == NEXT_LINE;
    }
    return take_section_or_standfirst(h, i);
}

/* The headline is looked for upwards from the article's text when it can
 * be found (find_headline_upwards), so that whatever the page printed
 * above (navigation, teasers, banners) is passed over; otherwise it is
 * read downwards (headline_downwards). Then the header's lines are read
 * in order until the first line of the body. */
size_t nmi_text_read_header(nmi_ctx *ctx, const line *lines, size_t n, size_t text,
                            const line **headline)
{
    text_header h = {.ctx = ctx, .lines = lines, .n = n, .first = n, .sf = n};
    find_headline_upwards(&h, text);
    size_t body = 0;
    while (body < n && header_takes(&h, body))
        body++;
    if (!h.headline && h.pending)
        take_headline(&h, h.pending, h.pending_prev);
    if (h.headline)
        nmi_text_add_cand(ctx, NMI_F_HEADLINE, h.headline->text, NMI_RANK_TEXT_HEADLINE, 0);
    if (h.standfirst)
        nmi_text_add_cand(ctx, NMI_F_DESCRIPTION, h.standfirst->text, NMI_RANK_TEXT_HEADLINE, 0);
    *headline = h.headline;
    return body;
}
