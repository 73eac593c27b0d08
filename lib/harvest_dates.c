/* Stage 4a, the dates printed on the page: texts that may be dates,
 * met during harvest.c's walk (a <time>, an element whose class says
 * date, a line after a date label, a byline), with where they are; at the
 * end of the walk each becomes a candidate ranked by its distance to the
 * headline, read once with the page's hints. Also the zone a <time>'s two
 * forms tell (its datetime and its text), as zone evidence. */
#include <string.h>

#include <unicode/uchar.h>

#include "harvest.h"

/* A printed date is "near the headline" within this many bytes of visible
 * text after an <h1> (a byline, share buttons, a caption between) or
 * before it (a kicker or breadcrumb, a dateline above the title). */
#define NMI_DATE_NEAR_AFTER 700
#define NMI_DATE_NEAR_BEFORE 400
/* Printed dates kept per page: list pages carry hundreds. */
#define NMI_MAX_DATES_SEEN 96

/* Bytes of a text node that are not white space: the measure of
 * distance on the page (indentation does not count). */
void nmi_page_dates_text(nmi_page_dates *pd, const char *text)
{
    uint32_t n = 0;
    for (const char *s = text; *s; s++)
        n += !(*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r');
    pd->chars += n;
}

void nmi_page_dates_h1(nmi_page_dates *pd, bool end)
{
    if (pd->nh1 >= 8)
        return;
    if (end)
        pd->h1_at[pd->nh1++][1] = pd->chars;
    else
        pd->h1_at[pd->nh1][0] = pd->h1_at[pd->nh1][1] = pd->chars;
}

/* Has s a digit of any script (every date has one: 19, ١٩, १९)? */
static bool has_digit(const char *s)
{
    return nmi_utf8_any(s, strlen(s), u_isdigit);
}

void nmi_date_seen_add(nmi_ctx *ctx, nmi_page_dates *pd, const char *text, unsigned how)
{
    if (!text || pd->count >= NMI_MAX_DATES_SEEN || !has_digit(text))
        return;
    size_t n = strlen(text);
    if (n < 6 || n > 300)
        return;
    void *seen = nmi_grow(ctx->arena, pd->seen, pd->count, &pd->cap, sizeof *pd->seen, 8);
    if (!seen) {
        ctx->oom = true;
        return;
    }
    pd->seen = seen;
    char *t = nmi_arena_strdup(ctx->arena, text);
    if (!t) {
        ctx->oom = true;
        return;
    }
    pd->seen[pd->count++] = (nmi_date_seen){t, pd->chars, (uint32_t)n, how};
}

/* A text node that starts with a date label ("First Published:",
 * "기사입력 :[ 2018-08-25 15:24 ]", "publiziert am 25. September 2018"): the
 * date is in it, or in its element, or in the element around that
 * ("<span>Published:</span> Nov. 19, 2019"). */
void nmi_date_label_line(nmi_ctx *ctx, const xmlNode *text, nmi_page_dates *pd)
{
    const char *s = (const char *)text->content;
    if (!s || pd->count >= NMI_MAX_DATES_SEEN)
        return;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    bool upd = false;
    if (!*s || strlen(s) > 300 || !nmi_date_label(s, &upd))
        return;
    unsigned how = NMI_CAND_LABELLED | (upd ? NMI_SEEN_MODIFIED : 0u);
    const xmlNode *n = text;
    for (int up = 0; up < 3 && n; up++, n = n->parent) {
        if (up > 0 && n->type != XML_ELEMENT_NODE)
            break;
        const char *v = up == 0 ? nmi_clean_text(ctx->arena, s, strlen(s), &ctx->oom)
                                : nmi_node_text(ctx, n);
        if (!v || strlen(v) > 300)
            return;
        if (has_digit(v)) {
            nmi_date_seen_add(ctx, pd, v, how);
            return;
        }
    }
}

/* Bytes of visible text between a date and the nearest <h1>, or -1
 * when it is not near one. */
static long h1_distance(const nmi_page_dates *pd, const nmi_date_seen *d)
{
    long best = -1;
    for (int i = 0; i < pd->nh1; i++) {
        long dist;
        if (d->at >= pd->h1_at[i][1]) {
            dist = (long)d->at - (long)pd->h1_at[i][1];
            if (dist > NMI_DATE_NEAR_AFTER)
                continue;
        } else if (d->at + d->len <= pd->h1_at[i][0]) {
            dist = (long)pd->h1_at[i][0] - (long)(d->at + d->len);
            if (dist > NMI_DATE_NEAR_BEFORE)
                continue;
        } else {
            dist = 0;
        }
        if (best < 0 || dist < best)
            best = dist;
    }
    return best;
}

/* Split a printed date at its labels: "Published 07:40 IST, 3 March 2021 |
 * Updated 08:10 IST" gives a published part and an updated part. The part
 * before any label counts as published unless the element says updated. */
static void date_parts(nmi_ctx *ctx, nmi_date_hints *h, const nmi_date_seen *d, int rank,
                       unsigned flags)
{
    const char *s = d->text;
    size_t n = strlen(s);
    size_t cut[9];
    bool upd[9];
    size_t ncut = 0;
    cut[0] = 0;
    upd[0] = (d->how & NMI_SEEN_MODIFIED) != 0;
    for (size_t i = 0; i < n && ncut < 8; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
        if (((prev | 32) >= 'a' && (prev | 32) <= 'z') || prev >= 0x80)
            continue;
        if (c == ' ')
            continue;
        bool u = false;
        size_t k = nmi_date_label(s + i, &u);
        if (!k)
            continue;
        if (i == 0 || (ncut == 0 && i < 3)) {
            upd[0] = u;
            cut[0] = 0;
            i += k - 1;
            continue;
        }
        cut[++ncut] = i;
        upd[ncut] = u;
        i += k - 1;
    }
    cut[ncut + 1] = n;
    bool done[2] = {false, false};
    for (size_t p = 0; p <= ncut; p++) {
        int f = upd[p] ? 1 : 0;
        if (done[f])
            continue;
        size_t len = cut[p + 1] - cut[p];
        if (len == 0)
            continue;
        /* keep the label with the date: "raw" shows what the page says */
        const char *v = nmi_clean_text(ctx->arena, s + cut[p], len, &ctx->oom);
        nmi_time t;
        if (!v || !nmi_parse_date_hinted(v, h, &t) || t.precision < NEWSMETA_PRECISION_DAY)
            continue;
        done[f] = true;
        nmi_add_date(ctx, f ? NMI_F_MODIFIED : NMI_F_PUBLISHED, v, strlen(v), rank,
                     NEWSMETA_SOURCE_TEXT, flags, &t);
    }
}

/* Rank the printed dates: near the headline (or labelled, or in a byline)
 * first, in page order within a rank. Each is read with the page's
 * hints h, once: the time goes with the candidate. */
void nmi_rank_page_dates(nmi_ctx *ctx, const nmi_page_dates *pd, nmi_date_hints *h)
{
    for (size_t i = 0; i < pd->count && !ctx->oom; i++) {
        const nmi_date_seen *d = &pd->seen[i];
        bool dup = false;
        for (size_t k = 0; k < i && !dup; k++)
            dup = !strcmp(pd->seen[k].text, d->text);
        if (dup)
            continue;
        unsigned marks = NMI_CAND_LABELLED | NMI_CAND_IN_BYLINE | NMI_CAND_FROM_TIME;
        unsigned flags = d->how & marks;
        bool near = h1_distance(pd, d) >= 0;
        if (near)
            flags |= NMI_CAND_NEAR_HEADLINE;
        int rank;
        if (near && (flags & marks))
            rank = NMI_RANK_DATE_NEAR_MARKED;
        else if (near)
            rank = NMI_RANK_DATE_NEAR;
        else if (flags & NMI_CAND_LABELLED)
            rank = NMI_RANK_DATE_LABELLED;
        else if (flags & NMI_CAND_IN_BYLINE)
            rank = NMI_RANK_DATE_IN_BYLINE;
        else
            rank = NMI_RANK_DATE_PRINTED;
        date_parts(ctx, h, d, rank, flags);
    }
}

/* <time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 PM</time>:
 * the same moment printed in the page's own zone, which tells that zone:
 * evidence for the other times the page prints without one
 * (reconcile_dates.c). Also <time title="November 20, 2019 at 5:30 am">.
 * When both are naive and part by whole hours, the machine-readable one
 * is UTC. */
static void time_pair(nmi_ctx *ctx, nmi_date_hints *h, const char *attr, const char *text)
{
    nmi_time a, t;
    if (!attr || !text || !nmi_parse_date_hinted(attr, h, &a) ||
        !nmi_parse_date_hinted(text, h, &t))
        return;
    if (a.precision < NEWSMETA_PRECISION_MINUTE || t.precision < NEWSMETA_PRECISION_MINUTE ||
        t.offset_known || ctx->ev.zones.count >= 32)
        return;
    int64_t wall = nmi_days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 +
                   t.minute * 60;
    int64_t at = nmi_days_from_civil(a.year, a.month, a.day) * 86400 + a.hour * 3600 +
                 a.minute * 60 - (a.offset_known ? (int64_t)a.offset_minutes * 60 : 0);
    int64_t d = wall - at;
    if (d % (15 * 60) != 0 || d > 14 * 3600 || d < -12 * 3600)
        return;
    if (!a.offset_known && d == 0)
        return; /* two naive forms of the same clock: nothing learnt */
    /* the printed wall clock to the minute, at the offset found */
    nmi_time local = {.year = t.year,
                      .month = t.month,
                      .day = t.day,
                      .hour = t.hour,
                      .minute = t.minute,
                      .offset_minutes = (int)(d / 60),
                      .offset_known = true,
                      .precision = NEWSMETA_PRECISION_SECOND};
    nmi_add_zone_local(ctx, &local, NMI_ZONE_STRONG);
    if (!a.offset_known && d != 0)
        nmi_add_zone_machine_utc(ctx);
}

void nmi_time_element(nmi_ctx *ctx, const xmlNode *el, bool in_comments, nmi_page_dates *pd)
{
    const char *dt = nmi_attr(el, "datetime");
    const char *cls = nmi_attr(el, "class");
    /* "entry-date published updated": WordPress marks the first date both
     * ways; published wins */
    bool pub = nmi_attr(el, "pubdate") != NULL ||
               (cls && (nmi_istr(cls, "publish") || nmi_istr(cls, "posted")));
    bool upd = !pub && cls && (nmi_istr(cls, "update") || nmi_istr(cls, "modif"));
    if (dt && *dt && !in_comments)
        nmi_add_cand(ctx, upd ? NMI_F_MODIFIED : NMI_F_PUBLISHED, dt, strlen(dt),
                     pub ? NMI_RANK_TIME_PUBLISHED : NMI_RANK_TIME, NEWSMETA_SOURCE_MARKUP);
    const char *txt = nmi_node_text(ctx, el);
    const char *title = nmi_attr(el, "title");
    if (dt && (txt || title)) {
        if (!pd->hints_ready) {
            nmi_date_hints_init(ctx, &pd->hints);
            /* the offset of a pair is what parts its two clocks */
            pd->hints.skip_names = true;
            pd->hints_ready = true;
        }
        time_pair(ctx, &pd->hints, dt, txt);
        if (title)
            time_pair(ctx, &pd->hints, dt, title);
    }
    if (!in_comments)
        nmi_date_seen_add(ctx, pd, txt, NMI_CAND_FROM_TIME | (upd ? NMI_SEEN_MODIFIED : 0u));
}
