/* Stage 4a, the dates printed on the page: texts that may be dates,
 * met during harvest.c's walk (a <time>, an element whose class says
 * date, a line after a date label, a byline), with where they are; at the
 * end of the walk each becomes a candidate ranked by its distance to the
 * headline, read once with the page's hints. Also the zone a <time>'s two
 * forms tell (its datetime and its text), as zone evidence. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "harvest.h"

/* A printed date is "near the headline" within this many bytes of visible
 * text after an <h1> (a byline, share buttons, a caption between) or
 * before it (a kicker or breadcrumb, a dateline above the title). */
#define NMI_DATE_NEAR_AFTER 700
#define NMI_DATE_NEAR_BEFORE 400
/* An unmarked date is beside the byline within this many bytes of it. */
#define NMI_DATE_NEAR_BYLINE 120
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

/* The squashed keys of the metadata headlines known before the body: the
 * og:title (or another <meta> headline) and the <title> up to its first
 * separator. */
static void title_keys(nmi_ctx *ctx, nmi_page_dates *pd)
{
    pd->title_keys_ready = true;
    pd->title_keys[0][0] = pd->title_keys[1][0] = '\0';
    const nmi_cand *m = nmi_best_cand(ctx, NMI_F_HEADLINE);
    if (m)
        nmi_squash(m->value, pd->title_keys[0], sizeof pd->title_keys[0]);
    const nmi_cand *t = nmi_best_cand(ctx, NMI_F_TITLE);
    if (!t)
        return;
    static const char *const SEPS[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
    size_t n = strlen(t->value);
    for (const char *const *sep = SEPS; *sep; sep++) {
        const char *p = strstr(t->value, *sep);
        if (p && (size_t)(p - t->value) < n)
            n = (size_t)(p - t->value);
    }
    char seg[320];
    if (n >= sizeof seg)
        return;
    memcpy(seg, t->value, n);
    seg[n] = '\0';
    nmi_squash(seg, pd->title_keys[1], sizeof pd->title_keys[1]);
}

void nmi_page_dates_title_text(nmi_ctx *ctx, nmi_page_dates *pd, const char *text)
{
    if (pd->nh1 || pd->has_title_at)
        return;
    size_t n = strlen(text);
    if (n < 10 || n > 300)
        return;
    if (!pd->title_keys_ready)
        title_keys(ctx, pd);
    char key[160];
    size_t k = nmi_squash(text, key, sizeof key);
    if (k < 8 || k >= sizeof key - 1)
        return;
    for (int i = 0; i < 2; i++)
        if (!strcmp(key, pd->title_keys[i])) {
            pd->title_at[0] = pd->chars;
            pd->title_at[1] = pd->chars + (uint32_t)n;
            pd->has_title_at = true;
            return;
        }
}

/* Has s a digit of any script (every date has one: 19, ١٩, १९)? */
static bool has_digit(const char *s)
{
    return nmi_utf8_any(s, strlen(s), u_isdigit);
}

void nmi_date_seen_add(nmi_ctx *ctx, nmi_page_dates *pd, const char *text, unsigned how)
{
    if (text && (how & NMI_CAND_IN_BYLINE) && !pd->has_byline && pd->nh1 > 0) {
        /* the article's byline: a date beside it is the article's */
        pd->byline_at[0] = pd->chars;
        pd->byline_at[1] = pd->chars + (uint32_t)strlen(text);
        pd->has_byline = true;
    }
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

/* A date label after a word or two and a separator at the start of a
 * line ("Essay - Published: 2025.12.17"): where the label starts; NULL
 * when there is none. */
static const char *label_after_separator(const char *s, bool *upd)
{
    static const char *const SEPS[] = {" - ", " | ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
                                       " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
    for (const char *const *sep = SEPS; *sep; sep++) {
        const char *p = strstr(s, *sep);
        if (p && p - s <= 40 && nmi_word_count(s, (size_t)(p - s)) <= 3 &&
            nmi_date_label(p + strlen(*sep), upd))
            return p + strlen(*sep);
    }
    return NULL;
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
    if (!*s || strlen(s) > 300)
        return;
    if (!nmi_date_label(s, &upd)) {
        s = label_after_separator(s, &upd);
        if (!s)
            return;
    }
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

/* Bytes of visible text between a date and the nearest <h1> (on a page
 * without one, the metadata's headline where it is printed), or -1 when
 * it is not near one; *above set when that <h1> comes after it. */
static long h1_distance(const nmi_page_dates *pd, const nmi_date_seen *d, bool *above)
{
    long best = -1;
    *above = false;
    /* without an <h1>, where the metadata's headline is printed */
    int n = pd->nh1 ? pd->nh1 : pd->has_title_at ? 1 : 0;
    for (int i = 0; i < n; i++) {
        const uint32_t *at = pd->nh1 ? pd->h1_at[i] : pd->title_at;
        long dist;
        if (d->at >= at[1]) {
            dist = (long)d->at - (long)at[1];
            if (dist > NMI_DATE_NEAR_AFTER)
                continue;
        } else if (d->at + d->len <= at[0]) {
            dist = (long)at[0] - (long)(d->at + d->len);
            if (dist > NMI_DATE_NEAR_BEFORE)
                continue;
        } else {
            dist = 0;
        }
        if (best < 0 || dist < best) {
            best = dist;
            *above = d->at < at[0];
        }
    }
    return best;
}

/* A bare text node is at most this long ("Jane Doe | July 2, 2025"), and
 * so many of them wait at once for an <h1> to come near. */
#define NMI_BARE_DATE_MAX 64
#define NMI_BARE_DATES_WAITING 16

/* Is d beside the article's byline (the first after an <h1>)? */
static bool near_byline(const nmi_page_dates *pd, const nmi_date_seen *d)
{
    if (!pd->has_byline)
        return false;
    if (d->at >= pd->byline_at[1])
        return d->at - pd->byline_at[1] <= NMI_DATE_NEAR_BYLINE;
    if (d->at + d->len > pd->byline_at[0])
        return true; /* inside it */
    return pd->byline_at[0] - (d->at + d->len) <= NMI_DATE_NEAR_BYLINE;
}

/* Drop the bare dates no <h1> is near and none can come near any more:
 * the list pages and footers of a long page do not fill the list. */
static size_t drop_stale_bare(nmi_page_dates *pd)
{
    size_t kept = 0, bare = 0;
    for (size_t i = 0; i < pd->count; i++) {
        const nmi_date_seen *d = &pd->seen[i];
        if (d->how & NMI_SEEN_BARE) {
            bool above;
            if (d->at + d->len + NMI_DATE_NEAR_BEFORE < pd->chars &&
                h1_distance(pd, d, &above) < 0 && !near_byline(pd, d))
                continue;
            bare++;
        }
        pd->seen[kept++] = *d;
    }
    pd->count = kept;
    return bare;
}

/* Inline elements: a date in one of them is read with the line around it. */
static bool inline_tag(const char *t)
{
    static const char *const INLINE[] = {"a",    "abbr", "b",  "bdi",  "em",   "font", "i",
                                         "mark", "small", "span", "strong", "sub", "sup", "time",
                                         "u",    NULL};
    for (const char *const *p = INLINE; *p; p++)
        if (!strcmp(t, *p))
            return true;
    return false;
}

/* Does the text node beside an element run into it: a letter or digit
 * (of any script) at the side that touches it, not a separator? */
static bool runs_into(const xmlNode *n, bool before)
{
    for (; n; n = before ? n->prev : n->next) {
        if (n->type == XML_COMMENT_NODE)
            continue; /* "valid through<!-- --> <!-- -->01/23/2026" */
        if (n->type != XML_TEXT_NODE || !n->content)
            return false;
        const char *s = (const char *)n->content;
        size_t len = strlen(s);
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' ||
                       s[len - 1] == '\r'))
            len--;
        while (len && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) {
            s++;
            len--;
        }
        if (!len)
            continue;
        /* the character touching the element: the last one before it, or
         * the first after it (its lead byte and continuation bytes) */
        size_t at = 0, end = 1;
        if (before) {
            at = len - 1;
            while (at && ((unsigned char)s[at] & 0xC0) == 0x80)
                at--;
            end = len;
        } else {
            while (end < len && ((unsigned char)s[end] & 0xC0) == 0x80)
                end++;
        }
        return nmi_utf8_any(s + at, end - at, u_isalnum);
    }
    return false;
}

void nmi_date_bare_line(nmi_ctx *ctx, const xmlNode *text, nmi_page_dates *pd)
{
    const char *s = (const char *)text->content;
    if (!s)
        return;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n < 6 || n > NMI_BARE_DATE_MAX || !nmi_utf8_any(s, n, u_isdigit))
        return;
    /* a date inside a link is a teaser card's (another story's) */
    for (const xmlNode *a = text->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
        if (!strcmp(nmi_tag(a), "a"))
            return;
    /* a date in a sentence ("valid through <b>01/23/2026</b>") is not the
     * page's: the text beside its inline elements must not run into it */
    const xmlNode *run = text;
    while (run->parent && run->parent->type == XML_ELEMENT_NODE && inline_tag(nmi_tag(run->parent)))
        run = run->parent;
    if (runs_into(run->prev, true) || runs_into(run->next, false) ||
        drop_stale_bare(pd) >= NMI_BARE_DATES_WAITING)
        return;
    const char *v = nmi_clean_text(ctx->arena, s, n, &ctx->oom);
    if (v)
        nmi_date_seen_add(ctx, pd, v, NMI_SEEN_BARE);
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

/* Is the bare text d part of a date the page marks (a label's element, a
 * date class, a <time>, a byline)? Then it is that date, read there. */
static bool part_of_marked(const nmi_page_dates *pd, const nmi_date_seen *d)
{
    for (size_t k = 0; k < pd->count; k++)
        if (!(pd->seen[k].how & NMI_SEEN_BARE) && strstr(pd->seen[k].text, d->text))
            return true;
    return false;
}

/* Is the unlabelled d part of a printed date that says it is the update
 * ("<p class=date>Last Updated: <span class=date>September 26,
 * 2024</span></p>")? Then it is that update, not a publication. */
static bool part_of_update(const nmi_page_dates *pd, const nmi_date_seen *d)
{
    if (d->how & (NMI_SEEN_MODIFIED | NMI_CAND_LABELLED))
        return false;
    for (size_t k = 0; k < pd->count; k++) {
        const nmi_date_seen *u = &pd->seen[k];
        if ((u->how & NMI_SEEN_MODIFIED) && u->len > d->len && strstr(u->text, d->text))
            return true;
    }
    return false;
}

/* The order of numeric dates that a printed date of the page shows by a
 * field over 12 ("18/12/2025", "12/18/2025"): NMI_ORDER_DMY or _MDY when
 * the page's dates agree, 0 when none tells or they disagree. */
static int page_numeric_order(const nmi_page_dates *pd)
{
    bool dmy = false, mdy = false;
    for (size_t i = 0; i < pd->count; i++) {
        const char *s = pd->seen[i].text;
        for (size_t k = 0; s[k]; k++) {
            if (s[k] < '0' || s[k] > '9' || (k && s[k - 1] >= '0' && s[k - 1] <= '9'))
                continue;
            char *e;
            long a = strtol(s + k, &e, 10);
            char sep = *e;
            if (e - (s + k) > 2 || (sep != '/' && sep != '.' && sep != '-') || e[1] < '0' ||
                e[1] > '9')
                continue;
            char *e2;
            long b = strtol(e + 1, &e2, 10);
            if (e2 - (e + 1) > 2 || *e2 != sep || e2[1] < '0' || e2[1] > '9')
                continue;
            dmy |= a > 12 && a <= 31 && b >= 1 && b <= 12;
            mdy |= b > 12 && b <= 31 && a >= 1 && a <= 12;
        }
    }
    return dmy == mdy ? 0 : dmy ? NMI_ORDER_DMY : NMI_ORDER_MDY;
}

/* Is the bare date d the page's: near an <h1>, not part of a marked
 * date, a date and no more, and above the headline not the day of the
 * parse (a header's "today" widget)? */
static bool bare_kept(const nmi_ctx *ctx, const nmi_page_dates *pd, const nmi_date_seen *d,
                      nmi_date_hints *h, bool near, bool above)
{
    nmi_time t;
    if (!near || part_of_marked(pd, d) || !nmi_parse_date_alone(d->text, h, &t) ||
        t.precision < NEWSMETA_PRECISION_DAY)
        return false;
    if (!above)
        return true;
    /* opts.now: the present of this parse (the caller's, or the clock) */
    int64_t gap = nmi_days_from_civil(t.year, t.month, t.day) - ctx->opts.now / 86400;
    return gap < -1 || gap > 1;
}

/* Rank the printed dates: near the headline (or labelled, or in a byline)
 * first, in page order within a rank. Each is read with the page's
 * hints h, once: the time goes with the candidate. */
void nmi_rank_page_dates(nmi_ctx *ctx, const nmi_page_dates *pd, nmi_date_hints *h)
{
    h->numeric_order = page_numeric_order(pd);
    for (size_t i = 0; i < pd->count && !ctx->oom; i++) {
        const nmi_date_seen *d = &pd->seen[i];
        bool dup = false;
        for (size_t k = 0; k < i && !dup; k++)
            dup = !strcmp(pd->seen[k].text, d->text);
        if (dup)
            continue;
        unsigned marks = NMI_CAND_LABELLED | NMI_CAND_IN_BYLINE | NMI_CAND_FROM_TIME;
        unsigned flags = d->how & marks;
        bool above;
        bool near = h1_distance(pd, d, &above) >= 0;
        bool by_byline = false;
        if ((d->how & NMI_SEEN_BARE) && !near && near_byline(pd, d)) {
            near = by_byline = true;
            above = false;
        }
        if (((d->how & NMI_SEEN_BARE) && !bare_kept(ctx, pd, d, h, near, above)) ||
            part_of_update(pd, d))
            continue;
        if (near)
            flags |= NMI_CAND_NEAR_HEADLINE;
        int rank;
        if (near && (flags & marks))
            rank = NMI_RANK_DATE_NEAR_MARKED;
        else if (near && (d->how & NMI_SEEN_BARE))
            rank = above || by_byline ? NMI_RANK_DATE_ABOVE_BARE : NMI_RANK_DATE_NEAR_BARE;
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
