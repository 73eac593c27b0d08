/* Stage 7b: the published and modified times. Every date candidate (read
 * once by the stages that found it) and the page's zone evidence; the
 * date a reader sees near the headline decides the day, machine-readable
 * data gives the exact time and zone when it agrees with it; a naive time
 * takes the page's offset. See docs/guide.md section 6 for the rules in
 * prose. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

/* Every date candidate of the page (published and modified), as read with
 * the page's hints, and what the page says about its zone. */
typedef struct dcand {
    nmi_time t;
    const nmi_cand *c;
    bool modified;   /* a modified candidate */
    bool structured; /* JSON-LD, <meta>, microdata: written for machines */
    bool markup;     /* <time datetime>, a hidden input: machine-readable, beside the text */
    bool visible;    /* printed text */
    bool near;       /* printed near the headline, in a byline or after a label */
    bool dropped;
} dcand;

/* A local time of the page with its offset (a <time> whose text prints
 * its datetime in the page's zone, a script's publication time). */
typedef struct zone_ev {
    nmi_time t;
    nmi_zone_strength strength;
} zone_ev;

#define NMI_MAX_DATE_CANDS 96
#define NMI_MAX_ZONE_EV 32
/* A date more than this far in the future of the clock is not a
 * publication date (a scheduled event, a typo). */
#define NMI_FUTURE_SLACK (2 * 86400)

typedef struct dates {
    dcand c[NMI_MAX_DATE_CANDS];
    size_t n;
    zone_ev ev[NMI_MAX_ZONE_EV];
    size_t nev;
    bool naive_utc; /* the page's machine-readable naive times are UTC */
    int64_t now;
} dates;

static bool has_time(const nmi_time *t)
{
    return t->precision >= NEWSMETA_PRECISION_HOUR;
}

static bool instant(const nmi_time *t, int64_t *utc)
{
    return nmi_time_instant(t, utc);
}

/* Wall clock in minutes since the epoch (the zone ignored). */
static int64_t wall_minutes(const nmi_time *t)
{
    return nmi_days_from_civil(t->year, t->month, t->day) * 1440 + t->hour * 60 + t->minute;
}

static bool same_day(const nmi_time *a, const nmi_time *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day;
}

static int64_t day_number(const nmi_time *t)
{
    return nmi_days_from_civil(t->year, t->month, t->day > 0 ? t->day : 1);
}

static int64_t floor_minute(int64_t x)
{
    return x - ((x % 60) + 60) % 60;
}

/* Two instants within a minute (a printed time has no seconds). */
static bool same_instant(const nmi_time *a, const nmi_time *b)
{
    int64_t x, y;
    if (!instant(a, &x) || !instant(b, &y))
        return false;
    if (a->precision < NEWSMETA_PRECISION_SECOND || b->precision < NEWSMETA_PRECISION_SECOND) {
        x = floor_minute(x);
        y = floor_minute(y);
    }
    return x - y < 60 && y - x < 60;
}

/* After the parse's now by more than the slack: no publication time. */
static bool in_future(const dates *d, const nmi_time *t)
{
    int64_t at;
    return instant(t, &at) ? at > d->now + NMI_FUTURE_SLACK
                           : day_number(t) * 86400 > d->now + NMI_FUTURE_SLACK;
}

static void load_dates(nmi_ctx *ctx, dates *d)
{
    d->n = 0;
    d->nev = 0;
    d->naive_utc = false;
    d->now = ctx->opts.now; /* the present of this parse (options.now or the clock) */
    for (int f = 0; f < 2; f++) {
        const nmi_cands *c = &ctx->ev.cands[f ? NMI_F_MODIFIED : NMI_F_PUBLISHED];
        for (size_t i = 0; i < c->count && d->n < NMI_MAX_DATE_CANDS; i++) {
            dcand *x = &d->c[d->n];
            memset(x, 0, sizeof *x);
            if (!c->items[i].time)
                continue;
            x->t = *c->items[i].time;
            x->c = &c->items[i];
            x->modified = f == 1;
            newsmeta_source s = c->items[i].source;
            x->structured = s == NEWSMETA_SOURCE_JSONLD || s == NEWSMETA_SOURCE_META ||
                            s == NEWSMETA_SOURCE_MICRODATA;
            x->markup = s == NEWSMETA_SOURCE_MARKUP;
            x->visible = s == NEWSMETA_SOURCE_TEXT;
            x->near = x->visible &&
                      (c->items[i].flags & (NMI_CAND_NEAR_HEADLINE | NMI_CAND_LABELLED));
            if (in_future(d, &x->t))
                continue;
            d->n++;
        }
    }
    for (size_t i = 0; i < ctx->ev.zones.count; i++) {
        const nmi_zone_ev *z = &ctx->ev.zones.items[i];
        if (z->kind == NMI_ZONE_MACHINE_UTC) {
            d->naive_utc = true;
            continue;
        }
        if (!z->local || d->nev >= NMI_MAX_ZONE_EV)
            continue;
        if (z->local->offset_known && has_time(z->local))
            d->ev[d->nev++] = (zone_ev){*z->local, z->strength};
    }
}

/* Machine-readable times that contradict each other by whole hours with
 * the same minutes and seconds: one of them is a clock of one zone
 * labelled with another's offset.
 *   - "04:31:13-06:00" beside "04:31:13+00:00": the UTC clock with the
 *     local offset appended; the instant is 04:31:13Z, seen at -06:00.
 *   - "21:17:27Z" beside a Unix timestamp of 18:17:27Z: a local clock
 *     labelled UTC; the timestamp is beyond doubt, the offset is +03:00.
 * The wrong one is rewritten as the right instant at its own (or the
 * implied) offset, so both agree. */
static void fix_mislabels(dates *d)
{
    for (size_t i = 0; i < d->n; i++) {
        dcand *x = &d->c[i];
        int64_t xu;
        if (x->visible || !instant(&x->t, &xu))
            continue;
        for (size_t k = 0; k < d->n; k++) {
            const dcand *y = &d->c[k];
            int64_t yu;
            if (k == i || !instant(&y->t, &yu) || y->t.precision < NEWSMETA_PRECISION_MINUTE)
                continue;
            int64_t diff = xu - yu;
            if (diff == 0 || diff % 3600 != 0 || diff > 14 * 3600 || diff < -14 * 3600)
                continue;
            if (y->t.epoch && !x->t.epoch) {
                /* x's clock is local: its offset is what separates the two */
                int off = x->t.offset_minutes + (int)(diff / 60);
                if (off >= -14 * 60 && off <= 14 * 60) {
                    nmi_time_set_instant(&x->t, yu, off);
                    x->t.zone[0] = '\0';
                    break;
                }
                continue;
            }
            /* x's clock equals y's UTC clock, x says a non-zero offset */
            nmi_time yz = y->t;
            nmi_time_set_instant(&yz, yu, 0);
            if (x->t.offset_minutes != 0 && !y->t.epoch && wall_minutes(&x->t) == wall_minutes(&yz) &&
                x->t.second == yz.second) {
                int off = x->t.offset_minutes;
                nmi_time_set_instant(&x->t, yu, off);
                break;
            }
        }
    }
}

/* The page's offset at t's date: from a <time> that prints its datetime
 * in the page's zone, a zone printed beside a visible date ("HST", "UK",
 * "GMT"), or a script's publication time; nearest date first. */
static bool page_offset(const dates *d, const nmi_time *t, int *off, char *label, size_t lcap)
{
    for (int pass = 0; pass < 3; pass++) {
        int64_t best = 8;
        bool found = false;
        for (size_t i = 0; pass != 1 && i < d->nev; i++) {
            if ((pass == 0) != (d->ev[i].strength == NMI_ZONE_STRONG))
                continue;
            int64_t gap = day_number(&d->ev[i].t) - day_number(t);
            if (gap < 0)
                gap = -gap;
            if (gap < best) {
                best = gap;
                *off = d->ev[i].t.offset_minutes;
                found = true;
            }
        }
        for (size_t i = 0; pass == 1 && i < d->n; i++) {
            const dcand *x = &d->c[i];
            if (!x->visible || !x->t.offset_known || !has_time(&x->t) || !x->t.zone[0])
                continue;
            int64_t gap = day_number(&x->t) - day_number(t);
            if (gap < 0)
                gap = -gap;
            if (gap >= best)
                continue;
            int o;
            if (x->t.iana[0] ? nmi_zone_offset(x->t.iana, t, &o) : (o = x->t.offset_minutes, true)) {
                best = gap;
                *off = o;
                found = true;
                size_t n = strlen(x->t.zone);
                if (n < lcap) {
                    memcpy(label, x->t.zone, n + 1);
                }
            }
        }
        if (found)
            return true;
    }
    return false;
}

/* Give a naive time the page's offset: its stated zone, then a
 * machine-readable form of the same wall clock that has one, then (for a
 * printed time) the offset of the page's machine-readable times within a
 * day, then the caller's default zone. */
static void adopt_zone(nmi_ctx *ctx, const dates *d, nmi_time *t, bool printed)
{
    if (t->offset_known || !has_time(t))
        return;
    int off;
    char label[32] = "";
    if (page_offset(d, t, &off, label, sizeof label)) {
        nmi_time_adopt_zone(t, NULL, off, label[0] ? label : NULL);
        return;
    }
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->t.offset_known && has_time(&x->t) && wall_minutes(&x->t) == wall_minutes(t)) {
            nmi_time_adopt_zone(t, NULL, x->t.offset_minutes, x->t.zone[0] ? x->t.zone : NULL);
            return;
        }
    }
    for (size_t i = 0; i < d->nev; i++)
        if (wall_minutes(&d->ev[i].t) == wall_minutes(t)) {
            nmi_time_adopt_zone(t, NULL, d->ev[i].t.offset_minutes, NULL);
            return;
        }
    const dcand *best = NULL;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        int64_t gap = day_number(&x->t) - day_number(t);
        if (!printed || x->visible || !x->t.offset_known || !has_time(&x->t) || gap > 1 ||
            gap < -1)
            continue;
        if (!best || x->c->rank < best->c->rank)
            best = x;
    }
    if (best) {
        nmi_time_adopt_zone(t, NULL, best->t.offset_minutes, NULL);
        return;
    }
    if (ctx->opts.default_timezone)
        nmi_time_adopt_zone(t, ctx->opts.default_timezone, 0, ctx->opts.default_timezone);
}

/* Is t the printed form of a modified candidate (the page shows its last
 * update where the reader looks for the date)? With a time: the same
 * instant, or the same wall clock when either has no offset; a date
 * alone: the day of a modification. */
static bool shows_modified(const dates *d, const nmi_time *t)
{
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (!x->modified || x->visible)
            continue;
        if (!has_time(t)) {
            if (x->t.precision >= NEWSMETA_PRECISION_DAY && same_day(&x->t, t))
                return true;
            continue;
        }
        if (!has_time(&x->t))
            continue;
        if (x->t.offset_known && t->offset_known ? same_instant(&x->t, t)
                                                 : wall_minutes(&x->t) == wall_minutes(t))
            return true;
    }
    return false;
}

/* Could the UTC (or naive) time s fall on the printed day v in some zone
 * (-12:00 to +14:00)? */
static bool same_day_somewhere(const nmi_time *s, const nmi_time *v)
{
    int64_t at;
    if (!has_time(s))
        return same_day(s, v);
    if (!instant(s, &at)) {
        nmi_time u = *s;
        u.offset_known = true;
        u.offset_minutes = 0;
        instant(&u, &at);
    }
    int64_t start = day_number(v) * 86400;
    return at >= start - 14 * 3600 && at < start + 86400 + 12 * 3600;
}

/* The best machine-readable candidate of a field: lowest rank, then page
 * order; a date alone is refined by a time of the same day, a naive time
 * by the same wall clock with an offset. */
static const dcand *best_machine(dates *d, bool modified)
{
    const dcand *best = NULL;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->dropped || x->modified != modified || x->visible)
            continue;
        if (!best || x->c->rank < best->c->rank)
            best = x;
    }
    if (!best)
        return NULL;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->dropped || x->modified != modified || x->visible || x == best)
            continue;
        if (best->t.precision == NEWSMETA_PRECISION_DAY && has_time(&x->t) &&
            same_day(&x->t, &best->t))
            return x;
        if (has_time(&best->t) && !best->t.offset_known && x->t.offset_known &&
            has_time(&x->t) && wall_minutes(&x->t) == wall_minutes(&best->t))
            return x;
    }
    return best;
}

/* How well a printed date agrees with the machine-readable one: 2 the
 * same moment (or wall clock), 1 the same day, 0 not at all. */
static int agreement(const dcand *v, const dcand *s)
{
    if (!s)
        return 0;
    if (has_time(&v->t) && has_time(&s->t) &&
        (v->t.offset_known && s->t.offset_known ? same_instant(&v->t, &s->t)
                                                : wall_minutes(&v->t) == wall_minutes(&s->t)))
        return 2;
    return same_day(&v->t, &s->t) ? 1 : 0;
}

/* The printed date near the headline: best rank, then the one the
 * machine-readable data corroborates, then page order. With far set,
 * any printed date (for pages without structured dates whose headline is
 * not an <h1>). */
static const dcand *best_visible(const dates *d, bool modified, const dcand *s, bool far)
{
    const dcand *best = NULL;
    int best_ag = -1;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->dropped || x->modified != modified || !x->visible || !(x->near || far))
            continue;
        int ag = agreement(x, s);
        if (!best || x->c->rank < best->c->rank || (x->c->rank == best->c->rank && ag > best_ag)) {
            best = x;
            best_ag = ag;
        }
    }
    return best;
}

/* The result: a time and the candidate it is shown as. */
typedef struct dpick {
    nmi_time t;
    const nmi_cand *c;
} dpick;

/* The machine-readable instant m seen in the zone of the printed time v
 * (they are the same moment): the seconds of one, the zone of the other. */
static void merge_local(dpick *out, const dcand *m, const dcand *v)
{
    int64_t at;
    out->t = m->t;
    out->c = m->c;
    if (m->t.offset_known && m->t.offset_minutes == v->t.offset_minutes)
        return; /* already in that zone */
    out->c = v->c;
    if (instant(&m->t, &at)) {
        int off = v->t.offset_minutes;
        nmi_time_set_instant(&out->t, at, off);
        memcpy(out->t.zone, v->t.zone, sizeof out->t.zone);
        memcpy(out->t.iana, v->t.iana, sizeof out->t.iana);
        if (out->t.precision < m->t.precision)
            out->t.precision = m->t.precision;
    }
}

/* A printed date alone, without machine-readable data: itself; but when
 * it has no time and the markup marks a time of that day "updated", the
 * page shows its last update as its one date: that time. */
static dpick printed_only(const dates *d, bool modified, const dcand *v)
{
    if (!modified && !has_time(&v->t))
        for (size_t i = 0; i < d->n; i++) {
            const dcand *x = &d->c[i];
            if (x->modified && x->markup && has_time(&x->t) && same_day(&x->t, &v->t))
                return (dpick){x->t, x->c};
        }
    return (dpick){v->t, v->c};
}

/* A printed time with its zone, beside the machine-readable s. */
static dpick printed_zoned(const dates *d, bool modified, const dcand *s, const dcand *v)
{
    dpick out;
    if (has_time(&s->t) && s->t.offset_known && same_instant(&s->t, &v->t))
        merge_local(&out, s, v);
    else if (!modified && shows_modified(d, &v->t))
        out = (dpick){s->t, s->c};
    else
        out = (dpick){v->t, v->c};
    return out;
}

/* A printed time without a zone, beside the machine-readable s. */
static dpick printed_naive(const dates *d, bool modified, const dcand *s, const dcand *v)
{
    int off;
    char label[32] = "";
    int64_t su;
    dpick out;
    if (has_time(&s->t) && !s->t.offset_known && wall_minutes(&s->t) == wall_minutes(&v->t))
        return (dpick){s->t, s->c}; /* the same naive time, with its seconds */
    if (page_offset(d, &v->t, &off, label, sizeof label)) {
        dcand lv = *v;
        nmi_time_adopt_zone(&lv.t, NULL, off, label[0] ? label : NULL);
        if (instant(&s->t, &su) && same_instant(&s->t, &lv.t))
            merge_local(&out, s, &lv);
        else if (!modified && shows_modified(d, &lv.t) && s->t.offset_known)
            out = (dpick){s->t, s->c};
        else
            out = (dpick){lv.t, v->c};
        return out;
    }
    if (instant(&s->t, &su)) {
        int64_t dmin = wall_minutes(&v->t) - floor_minute(su) / 60;
        if (dmin % 15 == 0 && dmin >= -12 * 60 && dmin <= 14 * 60) {
            /* the same moment, printed in the page's zone */
            dcand lv = *v;
            nmi_time_adopt_zone(&lv.t, NULL, (int)dmin, NULL);
            merge_local(&out, s, &lv);
        } else if (!modified && shows_modified(d, &v->t)) {
            out = (dpick){s->t, s->c};
        } else {
            out = (dpick){v->t, v->c};
        }
        return out;
    }
    if (has_time(&s->t) && wall_minutes(&s->t) == wall_minutes(&v->t))
        return (dpick){s->t, s->c}; /* the same naive time, with its seconds */
    if (!modified && has_time(&s->t) && shows_modified(d, &v->t))
        return (dpick){s->t, s->c};
    return (dpick){v->t, v->c};
}

/* A printed date alone: the machine-readable time s when it falls on that
 * day in its own zone (or in the page's). */
static dpick printed_day(const dates *d, bool modified, const dcand *s, const dcand *v)
{
    nmi_time local = s->t;
    int off;
    char label[32] = "";
    int64_t su;
    if (has_time(&s->t) && instant(&s->t, &su) && !same_day(&s->t, &v->t) &&
        page_offset(d, &s->t, &off, label, sizeof label))
        nmi_time_set_instant(&local, su, off);
    if (same_day(&local, &v->t))
        return (dpick){local, s->c};
    if (s->t.precision >= NEWSMETA_PRECISION_DAY && same_day(&s->t, &v->t))
        return (dpick){s->t, s->c};
    if (has_time(&s->t) && (!s->t.offset_known || s->t.offset_minutes == 0) &&
        same_day_somewhere(&s->t, &v->t))
        /* a UTC time whose local day is the printed one somewhere: the
         * same moment, its zone unknown */
        return (dpick){s->t, s->c};
    if (!modified && shows_modified(d, &v->t) && s->t.precision >= NEWSMETA_PRECISION_DAY &&
        day_number(&s->t) < day_number(&v->t))
        /* the printed date is the last update's: the publication is the
         * earlier machine-readable one */
        return (dpick){s->t, s->c};
    return (dpick){v->t, v->c};
}

/* A UTC time of a page whose own zone is known: shown in that zone. */
static void show_in_page_zone(const dates *d, nmi_time *t)
{
    int64_t at;
    int off;
    char label[32] = "";
    if (!instant(t, &at) || t->offset_minutes != 0 ||
        !page_offset(d, t, &off, label, sizeof label) || off == 0)
        return;
    nmi_time local = *t;
    nmi_time_set_instant(&local, at, off);
    if (label[0])
        memcpy(local.zone, label, sizeof label);
    else
        local.zone[0] = '\0';
    *t = local;
}

/* Choose published or modified. The date a reader sees near the headline
 * decides the day; machine-readable data gives the exact time and zone
 * when it agrees with it; see docs/guide.md section 6. */
static bool choose(nmi_ctx *ctx, dates *d, bool modified, dpick *out)
{
    const dcand *s = best_machine(d, modified);
    const dcand *v = best_visible(d, modified, s, false);
    if (!s && !v)
        v = best_visible(d, modified, NULL, true);
    if (!s && !v)
        return false;
    if (!v || (s && v->t.precision < NEWSMETA_PRECISION_DAY))
        *out = (dpick){s->t, s->c};
    else if (!s)
        *out = printed_only(d, modified, v);
    else if (has_time(&v->t) && v->t.offset_known)
        *out = printed_zoned(d, modified, s, v);
    else if (has_time(&v->t))
        *out = printed_naive(d, modified, s, v);
    else
        *out = printed_day(d, modified, s, v);
    adopt_zone(ctx, d, &out->t, out->c->source == NEWSMETA_SOURCE_TEXT);
    show_in_page_zone(d, &out->t);
    return true;
}

/* Does the page print a date of t's day near its headline (a modified
 * date: the published ones are chosen before)? */
static bool day_printed(const dates *d, const nmi_time *t)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->c[i].visible && (d->c[i].c->flags & NMI_CAND_NEAR_HEADLINE) &&
            d->c[i].t.precision >= NEWSMETA_PRECISION_DAY && same_day(&d->c[i].t, t))
            return true;
    return false;
}

/* Drop machine-readable published times later than the page's last
 * modification (a CMS that rewrote datePublished), when an earlier one
 * remains. */
static void drop_after_modified(dates *d)
{
    int64_t last = INT64_MIN;
    for (size_t i = 0; i < d->n; i++) {
        int64_t at;
        const dcand *x = &d->c[i];
        if (x->modified && !x->visible && instant(&x->t, &at) && at > last)
            last = at;
    }
    if (last == INT64_MIN)
        return;
    bool any_before = false;
    for (size_t i = 0; i < d->n; i++) {
        int64_t at;
        const dcand *x = &d->c[i];
        if (!x->modified && !x->visible && instant(&x->t, &at) && at <= last + 60)
            any_before = true;
    }
    if (!any_before)
        return;
    for (size_t i = 0; i < d->n; i++) {
        int64_t at;
        dcand *x = &d->c[i];
        if (!x->modified && !x->visible && instant(&x->t, &at) && at > last + 60)
            x->dropped = true;
    }
}

void nmi_choose_dates(nmi_ctx *ctx, newsmeta_article *a)
{
    dates *d = malloc(sizeof *d);
    if (!d) {
        ctx->oom = true;
        return;
    }
    load_dates(ctx, d);
    if (d->naive_utc)
        for (size_t i = 0; i < d->n; i++)
            if (!d->c[i].visible && has_time(&d->c[i].t) && !d->c[i].t.offset_known) {
                d->c[i].t.offset_known = true;
                d->c[i].t.offset_minutes = 0;
            }
    fix_mislabels(d);
    drop_after_modified(d);
    dpick pub, mod;
    bool has_pub = choose(ctx, d, false, &pub);
    bool has_mod = choose(ctx, d, true, &mod);
    if (!has_pub && has_mod && day_printed(d, &mod.t)) {
        /* a page that only shows when it was last updated ("Updated on
         * July 9, 2025") was published, as far as it tells its reader,
         * then; a date only for machines tells the reader nothing */
        pub = mod;
        has_pub = true;
    }
    /* the URL's date obeys the same clock as every other candidate */
    if (!has_pub && nmi_date_from_url(ctx->url, &pub.t) && !in_future(d, &pub.t)) {
        nmi_time_to_public(ctx, &pub.t, ctx->url, NEWSMETA_SOURCE_URL, &a->published);
    } else if (has_pub) {
        nmi_time_to_public(ctx, &pub.t, pub.c->value, pub.c->source, &a->published);
    }
    if (has_mod) {
        /* a modification before the publication is wrong: by the instant
         * when both have one, else by the calendar day */
        int64_t pa, ma;
        bool before = false;
        if (a->published.present)
            before = instant(&mod.t, &ma) && instant(&pub.t, &pa)
                         ? ma < pa - 60
                         : mod.t.precision >= NEWSMETA_PRECISION_DAY &&
                               pub.t.precision >= NEWSMETA_PRECISION_DAY &&
                               day_number(&mod.t) < day_number(&pub.t);
        if (!before)
            nmi_time_to_public(ctx, &mod.t, mod.c->value, mod.c->source, &a->modified);
    }
    free(d);
}
