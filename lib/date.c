/* Timestamps: ISO 8601 and RFC 3339, RFC 2822, textual dates (English,
 * with German, Spanish, French, Italian and Portuguese month names), and
 * dates in URL paths. Zone abbreviations resolve to IANA zones and the
 * offset for the date in question comes from ICU, so daylight saving is
 * right; a time printed without a zone keeps its offset unknown unless the
 * caller set a default zone. */
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "internal.h"

int64_t nmi_days_from_civil(int y, int m, int d)
{
    /* Howard Hinnant's algorithm: days since 1970-01-01, proleptic
     * Gregorian, no table and no time zone involved. */
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2u) / 5u + (unsigned)d - 1u;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static bool valid(const nmi_time *t)
{
    if (t->year < 1000 || t->year > 9999)
        return false;
    if (t->precision >= NEWSMETA_PRECISION_MONTH && (t->month < 1 || t->month > 12))
        return false;
    if (t->precision >= NEWSMETA_PRECISION_DAY &&
        (t->day < 1 || t->day > days_in_month(t->year, t->month)))
        return false;
    if (t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59 || t->second < 0 ||
        t->second > 60)
        return false;
    if (t->offset_known && (t->offset_minutes < -18 * 60 || t->offset_minutes > 18 * 60))
        return false;
    return true;
}

/* Offset of an IANA zone at a local wall time, through ICU (DST applied).
 * ICU's calendar objects are per call; ICU's zone data is thread-safe. */
static bool zone_offset(const char *iana, const nmi_time *t, int *offset)
{
    UChar zid[64];
    if (strlen(iana) >= sizeof zid / sizeof *zid)
        return false;
    u_uastrcpy(zid, iana);
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(zid, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st))
        return false;
    /* An unknown id silently gives GMT in ICU: check it was understood. */
    UChar got[64];
    int32_t glen = ucal_getTimeZoneID(cal, got, 64, &st);
    bool known = U_SUCCESS(st) && glen > 0 && u_strcmp(got, zid) == 0;
    if (!known) {
        ucal_close(cal);
        return false;
    }
    ucal_setDateTime(cal, t->year, t->month - 1, t->day > 0 ? t->day : 1, t->hour, t->minute,
                     t->second, &st);
    int32_t off = ucal_get(cal, UCAL_ZONE_OFFSET, &st) + ucal_get(cal, UCAL_DST_OFFSET, &st);
    ucal_close(cal);
    if (U_FAILURE(st))
        return false;
    *offset = off / 60000;
    return true;
}

typedef struct zone_abbr {
    const char *abbr;
    int offset;       /* fixed offset in minutes, used when iana is NULL */
    const char *iana; /* generic names whose offset depends on the date */
} zone_abbr;

/* Abbreviations with one meaning in news pages. Ambiguous ones (IST: India
 * or Ireland; CST: US or China) are resolved by the page's locale in the
 * date issue's work; here they take their most common news meaning. */
static const zone_abbr ZONES[] = {
    {"UTC", 0, NULL},      {"GMT", 0, NULL},
    {"Z", 0, NULL},        {"UT", 0, NULL},
    {"EST", -300, NULL},   {"EDT", -240, NULL},
    {"ET", 0, "America/New_York"},
    {"CST", -360, NULL},   {"CDT", -300, NULL},
    {"CT", 0, "America/Chicago"},
    {"MST", -420, NULL},   {"MDT", -360, NULL},
    {"MT", 0, "America/Denver"},
    {"PST", -480, NULL},   {"PDT", -420, NULL},
    {"PT", 0, "America/Los_Angeles"},
    {"AKST", -540, NULL},  {"AKDT", -480, NULL},
    {"HST", -600, NULL},   {"BST", 60, NULL},
    {"WET", 0, NULL},      {"WEST", 60, NULL},
    {"CET", 60, NULL},     {"CEST", 120, NULL},
    {"EET", 120, NULL},    {"EEST", 180, NULL},
    {"MSK", 180, NULL},    {"IST", 330, NULL},
    {"PKT", 300, NULL},    {"SGT", 480, NULL},
    {"HKT", 480, NULL},    {"JST", 540, NULL},
    {"KST", 540, NULL},    {"AEST", 600, NULL},
    {"AEDT", 660, NULL},   {"ACST", 570, NULL},
    {"AWST", 480, NULL},   {"NZST", 720, NULL},
    {"NZDT", 780, NULL},   {"WIB", 420, NULL},
    {"BRT", -180, NULL},
};

static const char *const MONTHS[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static int lower_c(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* "November", "Nov", "Nov.", "Sept" -> 1..12, else 0. */
static int month_of(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    static const char *const FULL[] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
    for (int m = 0; m < 12; m++) {
        if (lower_c(w[0]) != MONTHS[m][0] || lower_c(w[1]) != MONTHS[m][1] ||
            lower_c(w[2]) != MONTHS[m][2])
            continue;
        if (n == 3 || (n == 4 && m == 8 && lower_c(w[3]) == 't'))
            return m + 1;
        /* a longer word must be a prefix-consistent spelling of the month */
        size_t fl = strlen(FULL[m]);
        if (n == fl) {
            size_t k = 0;
            while (k < n && lower_c(w[k]) == FULL[m][k])
                k++;
            if (k == n)
                return m + 1;
        }
    }
    return 0;
}

/* Month names of other languages that differ from the English ones, in
 * lower case (UTF-8), with the abbreviations that cannot be mistaken for
 * an English word ("ago", Spanish for August, is left out). */
static const struct {
    const char *name;
    int month;
} MONTH_WORDS[] = {
    /* de */ {"januar", 1}, {"j\xC3\xA4nner", 1}, {"februar", 2}, {"m\xC3\xA4rz", 3},
    {"m\xC3\xA4r", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10},
    {"dezember", 12}, {"dez", 12},
    /* es */ {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
    {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
    /* fr */ {"janvier", 1}, {"janv", 1}, {"f\xC3\xA9vrier", 2}, {"f\xC3\xA9vr", 2},
    {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7},
    {"juil", 7}, {"ao\xC3\xBBt", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"d\xC3\xA9" "cembre", 12}, {"d\xC3\xA9" "c", 12}, {"decembre", 12},
    /* it */ {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    /* pt */ {"janeiro", 1}, {"fevereiro", 2}, {"mar\xC3\xA7o", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
};

/* Is w[0..n) the lower-case name, ASCII capitals and the Latin-1 ones
 * (U+00C0..U+00DE, UTF-8 C3 80..9E) folded ("MÄRZ", "März")? */
static bool word_eq_fold(const char *w, size_t n, const char *lower)
{
    size_t i = 0;
    for (; i < n && lower[i]; i++) {
        unsigned char c = (unsigned char)w[i];
        if (i > 0 && (unsigned char)w[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            c += 0x20;
        if ((unsigned char)lower_c(c) != (unsigned char)lower[i])
            return false;
    }
    return i == n && lower[i] == '\0';
}

static int foreign_month(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof MONTH_WORDS / sizeof *MONTH_WORDS; i++)
        if (word_eq_fold(w, n, MONTH_WORDS[i].name))
            return MONTH_WORDS[i].month;
    return 0;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* [+-]HH[:MM] or [+-]HHMM at s; returns bytes consumed. */
static size_t parse_offset(const char *s, int *minutes)
{
    if (*s != '+' && *s != '-' && strncmp(s, "\xE2\x88\x92", 3) != 0)
        return 0;
    int sign = *s == '+' ? 1 : -1;
    size_t i = (*s == '+' || *s == '-') ? 1 : 3;
    int h, m = 0;
    if (!digits(s + i, 2, &h))
        return 0;
    i += 2;
    if (s[i] == ':' && digits(s + i + 1, 2, &m))
        i += 3;
    else if (digits(s + i, 2, &m))
        i += 2;
    else
        m = 0;
    if (h > 18 || m > 59)
        return 0;
    *minutes = sign * (h * 60 + m);
    return i;
}

/* ISO 8601 / RFC 3339: 2019-11-19[T| ]08:03[:00[.123]][Z|+01:00|+0100| UTC] */
static bool parse_iso(const char *s, nmi_time *t)
{
    memset(t, 0, sizeof *t);
    while (*s == ' ')
        s++;
    if (!digits(s, 4, &t->year))
        return false;
    t->precision = NEWSMETA_PRECISION_YEAR;
    s += 4;
    if (*s != '-' && *s != '/')
        return *s == '\0';
    char sep = *s;
    if (!digits(s + 1, 2, &t->month))
        return false;
    s += 3;
    t->precision = NEWSMETA_PRECISION_MONTH;
    if (*s != sep)
        return *s == '\0' || *s == ' ';
    if (!digits(s + 1, 2, &t->day))
        return false;
    s += 3;
    t->precision = NEWSMETA_PRECISION_DAY;
    if (*s != 'T' && *s != 't' && !(*s == ' ' && s[1] >= '0' && s[1] <= '9'))
        return true;
    s++;
    if (!digits(s, 2, &t->hour))
        return false;
    s += 2;
    t->precision = NEWSMETA_PRECISION_HOUR;
    if (*s == ':')
        s++;
    if (digits(s, 2, &t->minute)) {
        s += 2;
        t->precision = NEWSMETA_PRECISION_MINUTE;
        if (*s == ':')
            s++;
        if (digits(s, 2, &t->second)) {
            s += 2;
            t->precision = NEWSMETA_PRECISION_SECOND;
            if (*s == '.' || *s == ',')
                for (s++; *s >= '0' && *s <= '9'; s++)
                    ;
        }
    }
    while (*s == ' ')
        s++;
    if (*s == 'Z' || *s == 'z') {
        t->offset_known = true;
        t->offset_minutes = 0;
        t->zone = "Z";
        return true;
    }
    size_t k = parse_offset(s, &t->offset_minutes);
    if (k) {
        t->offset_known = true;
        return true;
    }
    for (size_t i = 0; i < sizeof ZONES / sizeof *ZONES; i++)
        if (nmi_istarts(s, ZONES[i].abbr) && !ZONES[i].iana &&
            !((s[strlen(ZONES[i].abbr)] | 32) >= 'a' && (s[strlen(ZONES[i].abbr)] | 32) <= 'z')) {
            t->offset_known = true;
            t->offset_minutes = ZONES[i].offset;
            t->zone = ZONES[i].abbr;
            return true;
        }
    return true;
}

/* Textual forms: "November 19, 2019 8:03 am ET", "19 Nov 2019 13:03 GMT",
 * "Tue, 19 Nov 2019 13:03:00 +0000" (RFC 2822), "Published 07:40 IST,
 * March 3rd 2021". Words that are not date parts are skipped. */
static bool parse_text(const char *s, nmi_time *t)
{
    memset(t, 0, sizeof *t);
    int nums[8], nnum = 0, month = 0;
    bool have_time = false, pm = false, am = false;
    const char *zone_iana = NULL;
    const char *p = s;
    while (*p) {
        unsigned char c = (unsigned char)*p;
        if (c >= '0' && c <= '9') {
            int h, m, sec = 0;
            /* hh:mm[:ss] */
            const char *q = p;
            int hl = (q[1] >= '0' && q[1] <= '9') ? 2 : 1;
            /* d.m.yyyy (German and others: the day comes first) */
            int dd, dm, dy, ml = 0;
            if (!month && (q[hl] == '.') && q[hl + 1] >= '0' && q[hl + 1] <= '9') {
                ml = (q[hl + 2] >= '0' && q[hl + 2] <= '9') ? 2 : 1;
                if (digits(q, hl, &dd) && digits(q + hl + 1, ml, &dm) && q[hl + 1 + ml] == '.' &&
                    digits(q + hl + 2 + ml, 4, &dy) &&
                    !(q[hl + 6 + ml] >= '0' && q[hl + 6 + ml] <= '9') && dm >= 1 && dm <= 12) {
                    month = dm;
                    if (nnum < 7) {
                        nums[nnum++] = dd;
                        nums[nnum++] = dy;
                    }
                    p = q + hl + 6 + ml;
                    continue;
                }
            }
            /* hh:mm, hh.mm and the French 14h30 */
            if (!have_time && digits(q, hl, &h) &&
                (q[hl] == ':' || q[hl] == '.' || q[hl] == 'h' || q[hl] == 'H') &&
                digits(q + hl + 1, 2, &m) && !(q[hl + 3] >= '0' && q[hl + 3] <= '9')) {
                q += hl + 3;
                if (*q == ':' && digits(q + 1, 2, &sec))
                    q += 3;
                t->hour = h;
                t->minute = m;
                t->second = sec;
                t->precision = q - p > hl + 3 ? NEWSMETA_PRECISION_SECOND
                                              : NEWSMETA_PRECISION_MINUTE;
                have_time = true;
                p = q;
                continue;
            }
            int v = 0, len = 0;
            while (p[len] >= '0' && p[len] <= '9' && len < 6)
                v = v * 10 + (p[len] - '0'), len++;
            while (p[len] >= '0' && p[len] <= '9')
                len++, v = 1000000; /* too long: not a date part */
            if (nnum < 8)
                nums[nnum++] = v;
            p += len;
            /* ordinal suffixes: 1st 2nd 3rd 19th */
            if ((nmi_istarts(p, "st") || nmi_istarts(p, "nd") || nmi_istarts(p, "rd") ||
                 nmi_istarts(p, "th")) &&
                !((p[2] | 32) >= 'a' && (p[2] | 32) <= 'z'))
                p += 2;
            continue;
        }
        if ((c == '+' || c == '-') && have_time && !t->offset_known) {
            size_t k = parse_offset(p, &t->offset_minutes);
            if (k) {
                t->offset_known = true;
                p += k;
                continue;
            }
        }
        if (((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80) {
            /* a word: ASCII letters and any non-ASCII bytes ("März") */
            size_t n = 0;
            while (((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z') || p[n] == '.' ||
                   (unsigned char)p[n] >= 0x80)
                n++;
            size_t wl = n;
            while (wl > 0 && p[wl - 1] == '.')
                wl--;
            int mo = month_of(p, wl);
            if (!mo)
                mo = foreign_month(p, wl);
            if (mo && !month) {
                month = mo;
            } else if (wl == 2 && (nmi_istarts(p, "am") || nmi_istarts(p, "pm"))) {
                pm = (p[0] | 32) == 'p';
                am = !pm;
            } else if (n == 4 && (nmi_istarts(p, "a.m.") || nmi_istarts(p, "p.m."))) {
                pm = (p[0] | 32) == 'p';
                am = !pm;
            } else if (have_time && !t->offset_known && wl <= 5) {
                for (size_t i = 0; i < sizeof ZONES / sizeof *ZONES; i++) {
                    if (strlen(ZONES[i].abbr) == wl && nmi_istarts(p, ZONES[i].abbr) &&
                        p[0] >= 'A' && p[0] <= 'Z') {
                        t->zone = ZONES[i].abbr;
                        if (ZONES[i].iana) {
                            zone_iana = ZONES[i].iana;
                        } else {
                            t->offset_known = true;
                            t->offset_minutes = ZONES[i].offset;
                            /* "GMT+5:30" */
                            size_t k = parse_offset(p + wl, &t->offset_minutes);
                            if (k) {
                                t->offset_minutes += ZONES[i].offset;
                                n = wl + k;
                            }
                        }
                        break;
                    }
                }
            }
            p += n;
            continue;
        }
        p++;
    }
    if (!month)
        return false;
    /* Day and year among the numbers: the 4-digit one is the year. */
    int day = 0, year = 0;
    for (int i = 0; i < nnum; i++) {
        if (nums[i] >= 1000 && nums[i] <= 9999 && !year)
            year = nums[i];
        else if (nums[i] >= 1 && nums[i] <= 31 && !day)
            day = nums[i];
    }
    if (!year)
        return false;
    t->year = year;
    t->month = month;
    t->day = day;
    if (!have_time)
        t->precision = day ? NEWSMETA_PRECISION_DAY : NEWSMETA_PRECISION_MONTH;
    if (pm && t->hour < 12)
        t->hour += 12;
    else if (am && t->hour == 12)
        t->hour = 0;
    if (!have_time)
        t->offset_known = false;
    if (zone_iana && have_time && day) {
        int off;
        if (zone_offset(zone_iana, t, &off)) {
            t->offset_known = true;
            t->offset_minutes = off;
        }
    }
    return true;
}

bool nmi_parse_date(nmi_ctx *ctx, const char *s, nmi_time *out)
{
    if (!s)
        return false;
    nmi_time t;
    bool ok = parse_iso(s, &t) && valid(&t);
    if (!ok)
        ok = parse_text(s, &t) && valid(&t);
    if (!ok)
        return false;
    /* The caller's default zone, for times the page printed without one. */
    if (!t.offset_known && t.precision >= NEWSMETA_PRECISION_HOUR && ctx &&
        ctx->opts.default_timezone) {
        int off;
        if (zone_offset(ctx->opts.default_timezone, &t, &off)) {
            t.offset_known = true;
            t.offset_minutes = off;
            t.zone = ctx->opts.default_timezone;
        }
    }
    *out = t;
    return true;
}

bool nmi_date_from_url(const char *url, nmi_time *out)
{
    if (!url)
        return false;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    for (; p && *p; p++) {
        if (*p != '/')
            continue;
        int y, m, d = 0;
        if (!digits(p + 1, 4, &y) || (p[5] != '/' && p[5] != '-'))
            continue;
        if (!digits(p + 6, 2, &m))
            continue;
        memset(out, 0, sizeof *out);
        out->year = y;
        out->month = m;
        out->precision = NEWSMETA_PRECISION_MONTH;
        if ((p[8] == '/' || p[8] == '-') && digits(p + 9, 2, &d) &&
            !(p[11] >= '0' && p[11] <= '9')) {
            out->day = d;
            out->precision = NEWSMETA_PRECISION_DAY;
        }
        if (y >= 1990 && y <= 2100 && valid(out))
            return true;
    }
    return false;
}

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
        out->utc_seconds = nmi_days_from_civil(t->year, t->month, t->day) * 86400 +
                           t->hour * 3600 + t->minute * 60 + t->second -
                           (int64_t)t->offset_minutes * 60;
    out->iso = nmi_arena_strdup(ctx->arena, iso);
    if (t->zone) {
        out->zone = nmi_arena_strdup(ctx->arena, t->zone);
    } else if (out->offset_known) {
        /* a numeric offset is its own zone designation: "+05:30" */
        const char *plus = strchr(iso + 11, '+') ? strchr(iso + 11, '+') : strrchr(iso, '-');
        out->zone = plus ? nmi_arena_strdup(ctx->arena, plus) : NULL;
    }
    out->raw = raw ? nmi_arena_strdup(ctx->arena, raw) : NULL;
    out->source = src;
    if (!out->iso)
        ctx->oom = true;
}

