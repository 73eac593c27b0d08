/* Timestamps, read with ICU: the entry of the date stage.
 *
 * A date text is tried as a machine format first (date_iso.c: Unix
 * timestamps, ISO 8601 / RFC 3339
 * in their common variants), then through one tokenizer (date_lex.c,
 * date_text.c): RFC 2822, JavaScript and Java Date strings, and textual
 * dates in many languages, whose month, weekday and am/pm names, numeric
 * orders and suffixes come from ICU's locale data, read into a constant
 * table when the library is built (date_symbols.h). Zones (date_zone.c):
 * numeric offsets, GMT/UTC forms, IANA ids, and abbreviations resolved in
 * the locales of the page's language and country.
 *
 * This file holds what the other stages call: the page's hints (language,
 * country), the entry points, the date labels of page text, and the public
 * timestamp. Calendar and instant arithmetic, which every reader needs, is
 * in date_calendar.c, below all of them. A time printed without a zone keeps its offset unknown:
 * offsets are never invented by the readers (the caller's default zone is
 * applied by nmi_parse_date() only).
 *
 * Every ICU object is opened and closed within the call, so any number of
 * threads may parse at once. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <unicode/uloc.h>

#include "date_parse.h"

/* ---- the page's language and country ------------------------------------ */

/* Country-code domains used as generic names (.tv, .io, .co ...): they say
 * nothing about where a site is. */
static bool generic_cctld(const char *tld)
{
    static const char *const G[] = {"io", "co", "me", "tv", "fm", "ai", "ly", "to", "cc", "ws",
                                    "gg", "la", "so", "am", "is", "it", "st", "gl", "im", "sh",
                                    "ac", "nu", "tk", "ms", "vc", "eu", "su", NULL};
    for (const char *const *p = G; *p; p++)
        if (!strcmp(tld, *p))
            return true;
    return false;
}

static void add_region(nmi_date_hints *h, const char *r)
{
    if (h->nregions >= 4 || strlen(r) != 2)
        return;
    char up[4] = {(char)(r[0] & ~32), (char)(r[1] & ~32), 0, 0};
    if (up[0] < 'A' || up[0] > 'Z' || up[1] < 'A' || up[1] > 'Z')
        return;
    for (int i = 0; i < h->nregions; i++)
        if (!strcmp(h->regions[i], up))
            return;
    memcpy(h->regions[h->nregions++], up, 3);
}

/* "en-IN", "en_GB", "pt-br", "zh-Hant-TW" -> language and region */
static void split_tag(const char *tag, char *lang, size_t lcap, char *region, size_t rcap)
{
    lang[0] = region[0] = '\0';
    size_t i = 0, n = 0;
    while (tag[i] && tag[i] != '-' && tag[i] != '_' && n + 1 < lcap) {
        char c = tag[i++];
        lang[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    lang[n] = '\0';
    if (n < 2 || n > 3)
        lang[0] = '\0';
    while (tag[i]) {
        if (tag[i] != '-' && tag[i] != '_') {
            i++;
            continue;
        }
        i++;
        size_t k = 0;
        while (tag[i + k] && tag[i + k] != '-' && tag[i + k] != '_')
            k++;
        if (k == 2 && rcap > 2) {
            region[0] = tag[i];
            region[1] = tag[i + 1];
            region[2] = '\0';
            return;
        }
        i += k;
    }
}

static void url_region(const char *url, char *region)
{
    region[0] = '\0';
    if (!url)
        return;
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    size_t n = strcspn(h, "/:?#");
    if (n == 0 || n > 253)
        return;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (h[i] == '.')
            dot = h + i;
    if (!dot || (size_t)(h + n - dot - 1) != 2)
        return;
    char tld[3] = {(char)(dot[1] | 32), (char)(dot[2] | 32), 0};
    if (generic_cctld(tld))
        return;
    if (!strcmp(tld, "uk"))
        strcpy(tld, "gb");
    memcpy(region, tld, 3);
}

void nmi_date_hints_init(const nmi_ctx *ctx, nmi_date_hints *h)
{
    memset(h, 0, sizeof *h);
    if (!ctx)
        return;
    h->now = ctx->opts.now;
    const nmi_cands *c = &ctx->ev.cands[NMI_F_LANGUAGE];
    /* The html lang and JSON-LD inLanguage first, then the URL's country,
     * then <meta> tags (og:locale "en_US" is often a CMS default). */
    int best_rank = 1 << 30;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < c->count; i++) {
            bool meta = c->items[i].source == NEWSMETA_SOURCE_META;
            if (meta != (pass == 1))
                continue;
            char lang[12], region[4];
            split_tag(c->items[i].value, lang, sizeof lang, region, sizeof region);
            if (lang[0] && c->items[i].rank < best_rank) {
                best_rank = c->items[i].rank;
                memcpy(h->lang, lang, sizeof h->lang);
            }
            if (region[0])
                add_region(h, region);
        }
        if (pass == 0) {
            char r[4];
            url_region(ctx->url, r);
            if (r[0])
                add_region(h, r);
        }
    }
    if (!h->lang[0] && h->nregions) {
        /* the country's likely language: ICU's likely subtags */
        char und[8], full[32];
        snprintf(und, sizeof und, "und_%s", h->regions[0]);
        UErrorCode st = U_ZERO_ERROR;
        uloc_addLikelySubtags(und, full, sizeof full, &st);
        if (U_SUCCESS(st)) {
            char reg[4];
            split_tag(full, h->lang, sizeof h->lang, reg, sizeof reg);
        }
    }
}

/* ---- the entry points ------------------------------------------------------- */

static bool only_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return *s == '\0';
}

bool nmi_parse_date_hinted(const char *s, nmi_date_hints *h, nmi_time *out)
{
    if (!s)
        return false;
    nmi_time t;
    const char *rest = NULL;
    if (nmi_date_parse_iso(s, &t, &rest) && nmi_time_valid(&t)) {
        if (only_space(rest) || t.offset_known) {
            *out = t;
            return true;
        }
        /* text after the ISO part: a zone name ("2019-11-19 02:24:00 UTC",
         * "2019-11-19 08:03 ET"), a time the strict form does not read
         * ("2018-08-25 15:24 ]"), or a textual date after a bare year */
        nmi_time x;
        if (nmi_date_parse_text(s, h, &x) &&
            (t.precision < NEWSMETA_PRECISION_DAY ||
             (x.year == t.year && x.month == t.month && x.day == t.day &&
              x.precision >= t.precision))) {
            *out = x;
            return true;
        }
        *out = t;
        return true;
    }
    if (!nmi_date_parse_text(s, h, &t))
        return false;
    *out = t;
    return true;
}

/* After an ISO date: nothing, or a separator and other words. */
static bool rest_parted(const char *r)
{
    while (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r')
        r++;
    return !*r || *r == '|' || !strncmp(r, "\xC2\xB7", 2) || !strncmp(r, "\xE2\x80\xA2", 3) ||
           !strncmp(r, "\xE2\x80\x93", 3) || !strncmp(r, "\xE2\x80\x94", 3) || *r == '-';
}

bool nmi_parse_date_alone(const char *s, nmi_date_hints *h, nmi_time *out)
{
    if (!s)
        return false;
    const char *rest = NULL;
    nmi_time t;
    if (nmi_date_parse_iso(s, &t, &rest) && nmi_time_valid(&t)) {
        if (!rest_parted(rest))
            return false;
        *out = t;
        return true;
    }
    return nmi_date_parse_text_alone(s, h, out);
}

bool nmi_parse_date(nmi_ctx *ctx, const char *s, nmi_time *out)
{
    nmi_date_hints h;
    nmi_date_hints_init(ctx, &h);
    nmi_time t;
    if (!nmi_parse_date_hinted(s, &h, &t))
        return false;
    /* The caller's default zone, for times the page printed without one. */
    if (!t.offset_known && t.precision >= NEWSMETA_PRECISION_HOUR && ctx &&
        ctx->opts.default_timezone)
        nmi_time_adopt_zone(&t, ctx->opts.default_timezone, 0, ctx->opts.default_timezone);
    *out = t;
    return true;
}

/* ---- labels ----------------------------------------------------------------- */

/* Date labels: the lexicon's lists (lexicon.c), read with its matcher. */
size_t nmi_date_label(const char *s, bool *updated)
{
    const char *p = s;
    while (*p == ' ' || *p == '|' || *p == '-' || *p == '(' || *p == '[')
        p++;
    size_t n;
    bool upd = nmi_lex_match(p, nmi_lex_updated_labels, &n) != NULL;
    if (!upd && !nmi_lex_match(p, nmi_lex_published_labels, &n))
        return 0;
    const char *e = p + n;
    while (*e == ' ' || *e == ':' || *e == '\xC2' || *e == '\xA0' || *e == '-' || *e == '[' ||
           *e == '(' || *e == ',')
        e++;
    if (updated)
        *updated = upd;
    return (size_t)(e - s);
}

/* ---- to the public record -------------------------------------------------- */

void nmi_time_to_public(nmi_ctx *ctx, const nmi_time *t, const char *raw, newsmeta_source src,
                        newsmeta_timestamp *out)
{
    char iso[40];
    memset(out, 0, sizeof *out);
    switch (t->precision) {
    case NEWSMETA_PRECISION_YEAR:
        snprintf(iso, sizeof iso, "%04d", t->year);
        break;
    case NEWSMETA_PRECISION_MONTH:
        snprintf(iso, sizeof iso, "%04d-%02d", t->year, t->month);
        break;
    case NEWSMETA_PRECISION_DAY:
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", t->year, t->month, t->day);
        break;
    default: {
        int n = snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d", t->year, t->month,
                         t->day, t->hour, t->minute, t->second);
        if (t->offset_known && n > 0) {
            int o = t->offset_minutes < 0 ? -t->offset_minutes : t->offset_minutes;
            snprintf(iso + n, sizeof iso - (size_t)n, "%c%02d:%02d",
                     t->offset_minutes < 0 ? '-' : '+', o / 60, o % 60);
        }
        break;
    }
    }
    out->present = true;
    out->precision = t->precision;
    out->offset_known = t->offset_known && t->precision >= NEWSMETA_PRECISION_HOUR;
    out->offset_minutes = out->offset_known ? t->offset_minutes : 0;
    if (out->offset_known)
        nmi_time_instant(t, &out->utc_seconds);
    out->iso = nmi_arena_strdup(ctx->arena, iso);
    if (t->zone[0] && out->offset_known) {
        out->zone = nmi_arena_strdup(ctx->arena, t->zone);
    } else if (out->offset_known) {
        /* a numeric offset is its own zone designation: "+05:30" */
        out->zone = nmi_arena_strdup(ctx->arena, iso + 19);
    }
    out->raw = raw ? nmi_arena_strdup(ctx->arena, raw) : NULL;
    out->source = src;
    if (!out->iso || (out->offset_known && !out->zone) || (raw && !out->raw))
        ctx->oom = true;
}
