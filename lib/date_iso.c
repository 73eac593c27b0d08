/* Machine formats: ISO 8601 / RFC 3339 in their common variants (basic
 * and extended forms, week dates 2019-W47-2 and ordinal dates 2019-323
 * through an ICU calendar, fractions, Z and numeric offsets), the instant
 * of a Unix timestamp (nmi_time_from_unix), and dates in URL paths.
 * Byte-level readers: these formats are ASCII. */
#include <string.h>

#include "date_parse.h"

/* ---- ISO 8601 ------------------------------------------------------------- */

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

/* A week date (2019-W47-2) or an ordinal date (2019-323) through an ICU
 * calendar with ISO 8601 week rules. */
static bool iso_calendar_date(int year, int week, int wday, int yday, nmi_time *t)
{
    UErrorCode st = U_ZERO_ERROR;
    static const UChar UTC[] = {'U', 'T', 'C', 0};
    UCalendar *cal = nmi_date_calendar(UTC, "en_US_POSIX", &st);
    if (!cal)
        return false;
    ucal_setAttribute(cal, UCAL_FIRST_DAY_OF_WEEK, UCAL_MONDAY);
    ucal_setAttribute(cal, UCAL_MINIMAL_DAYS_IN_FIRST_WEEK, 4);
    ucal_setAttribute(cal, UCAL_LENIENT, 0);
    if (week) {
        ucal_set(cal, UCAL_YEAR_WOY, year);
        ucal_set(cal, UCAL_WEEK_OF_YEAR, week);
        ucal_set(cal, UCAL_DAY_OF_WEEK, wday == 7 ? UCAL_SUNDAY : wday + 1);
    } else {
        ucal_set(cal, UCAL_YEAR, year);
        ucal_set(cal, UCAL_DAY_OF_YEAR, yday);
    }
    t->year = ucal_get(cal, UCAL_YEAR, &st);
    t->month = ucal_get(cal, UCAL_MONTH, &st) + 1;
    t->day = ucal_get(cal, UCAL_DATE, &st);
    ucal_close(cal);
    return U_SUCCESS(st);
}

/* The date after an extended-format year (at *pp): a week date
 * -W47[-2], an ordinal date -323, -11[-19] (or with '/' or '.'), or
 * nothing. *pp moves past it; false when the text is not ISO 8601. */
static bool iso_extended_date(const char **pp, nmi_time *t)
{
    const char *p = *pp;
    int v;
    if (*p == '-' && (p[1] == 'W' || p[1] == 'w')) {
        int week, wday = 1;
        if (!digits(p + 2, 2, &week))
            return false;
        p += 4;
        if (*p == '-' && digits(p + 1, 1, &wday))
            p += 2;
        if (week < 1 || week > 53 || wday < 1 || wday > 7 ||
            !iso_calendar_date(t->year, week, wday, 0, t))
            return false;
        t->precision = NEWSMETA_PRECISION_DAY;
    } else if (*p == '-' && digits(p + 1, 3, &v) && !(p[4] >= '0' && p[4] <= '9')) {
        if (v < 1 || v > 366 || !iso_calendar_date(t->year, 0, 0, v, t))
            return false;
        p += 4;
        t->precision = NEWSMETA_PRECISION_DAY;
    } else if (*p == '-' || *p == '/' || *p == '.') {
        char sep = *p;
        int ml = (p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9') ? 2 : 1;
        if (!digits(p + 1, ml, &t->month))
            return false;
        p += 1 + ml;
        t->precision = NEWSMETA_PRECISION_MONTH;
        if (*p == sep && p[1] >= '0' && p[1] <= '9') {
            int dl = (p[2] >= '0' && p[2] <= '9') ? 2 : 1;
            if (!digits(p + 1, dl, &t->day))
                return false;
            p += 1 + dl;
            if (*p >= '0' && *p <= '9')
                return false;
            t->precision = NEWSMETA_PRECISION_DAY;
        } else if (sep != '-' || (*p >= '0' && *p <= '9')) {
            return false; /* "2019/11" alone, "2019.11": not ISO */
        }
    } else if (*p != '\0' && *p != ' ' && *p != 'T') {
        return false;
    }
    *pp = p;
    return true;
}

/* The zone after a time: Z, +01:00, +0100, +01, +5 (spaces before it
 * skipped). Returns where the reading stopped (p when there is none). */
static const char *iso_zone(const char *p, nmi_time *t)
{
    const char *z = p;
    while (*z == ' ')
        z++;
    if ((*z == 'Z' || *z == 'z') && !((z[1] | 32) >= 'a' && (z[1] | 32) <= 'z')) {
        t->offset_known = true;
        t->offset_minutes = 0;
        nmi_time_set_zone(t, "Z");
        return z + 1;
    }
    size_t k = parse_offset(z, &t->offset_minutes);
    if (!k && (*z == '+' || *z == '-') && z[1] >= '0' && z[1] <= '9' &&
        !(z[2] >= '0' && z[2] <= '9')) {
        /* +5 */
        t->offset_minutes = (*z == '-' ? -1 : 1) * (z[1] - '0') * 60;
        k = 2;
    }
    if (!k)
        return p;
    t->offset_known = true;
    return z + k;
}

/* The time after a date, p at the 'T' (or space) before it: 08[:03[:00
 * [.123]]] and its zone. Returns where the reading stopped (p when no
 * hour follows). */
static const char *iso_time(const char *p, nmi_time *t)
{
    const char *q = p + 1;
    if (!digits(q, 2, &t->hour))
        return p;
    q += 2;
    t->precision = NEWSMETA_PRECISION_HOUR;
    if (*q == ':')
        q++;
    if (digits(q, 2, &t->minute)) {
        q += 2;
        t->precision = NEWSMETA_PRECISION_MINUTE;
        if (*q == ':')
            q++;
        if (digits(q, 2, &t->second)) {
            q += 2;
            t->precision = NEWSMETA_PRECISION_SECOND;
            if (*q == '.' || *q == ',')
                for (q++; *q >= '0' && *q <= '9'; q++)
                    ;
        }
    }
    if (t->hour == 24 && !t->minute && !t->second)
        nmi_time_end_of_day(t);
    return iso_zone(q, t);
}

/* 2019-11-19[T| ]08:03[:00[.123]][Z|+01:00|+0100|+01| UTC],
 * 20191119T080300Z, 2019-W47-2, 2019-323. */
bool nmi_date_parse_iso(const char *s, nmi_time *t, const char **rest)
{
    memset(t, 0, sizeof *t);
    while (*s == ' ')
        s++;
    if (!digits(s, 4, &t->year))
        return false;
    t->precision = NEWSMETA_PRECISION_YEAR;
    const char *p = s + 4;
    int v;
    if (*p >= '0' && *p <= '9') {
        /* basic format: 20191119[T080300[Z]] */
        if (!digits(p, 4, &v) || (p[4] >= '0' && p[4] <= '9'))
            return false;
        t->month = v / 100;
        t->day = v % 100;
        t->precision = NEWSMETA_PRECISION_DAY;
        p += 4;
        if (*p != 'T') {
            *rest = p;
            return true;
        }
    } else if (!iso_extended_date(&p, t)) {
        return false;
    }
    if (t->precision == NEWSMETA_PRECISION_DAY &&
        (*p == 'T' || *p == 't' || ((*p == ' ' || *p == '_') && p[1] >= '0' && p[1] <= '9' &&
                                    p[2] >= '0' && p[2] <= '9' && p[3] == ':')))
        p = iso_time(p, t);
    *rest = p;
    return true;
}

/* ---- Unix timestamps ---------------------------------------------------------- */

bool nmi_time_from_unix(int64_t v, nmi_time *t)
{
    memset(t, 0, sizeof *t);
    t->precision = NEWSMETA_PRECISION_SECOND;
    nmi_time_set_instant(t, v, 0);
    nmi_time_set_zone(t, "Z");
    t->epoch = true;
    return nmi_time_valid(t);
}

/* ---- dates in URLs ---------------------------------------------------------- */

static int url_month(const char *p, size_t *len)
{
    static const char *const M[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int m = 0; m < 12; m++)
        if ((p[0] | 32) == M[m][0] && (p[1] | 32) == M[m][1] && (p[2] | 32) == M[m][2]) {
            size_t n = 3;
            while (((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z') && n < 9)
                n++;
            if (p[n] == '/' || p[n] == '-') {
                *len = n;
                return m + 1;
            }
        }
    return 0;
}

bool nmi_date_from_url(const char *url, nmi_time *out)
{
    if (!url)
        return false;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    for (; p && *p && *p != '?' && *p != '#'; p++) {
        if (*p != '/')
            continue;
        int y, m, d = 0;
        if (!digits(p + 1, 4, &y) || (p[5] != '/' && p[5] != '-'))
            continue;
        const char *q = p + 6;
        size_t ml = 2;
        if (!digits(q, 2, &m)) {
            m = url_month(q, &ml); /* /2019/nov/18/ */
            if (!m)
                continue;
        }
        memset(out, 0, sizeof *out);
        out->year = y;
        out->month = m;
        out->precision = NEWSMETA_PRECISION_MONTH;
        q += ml;
        if ((*q == '/' || *q == '-') && digits(q + 1, 2, &d) && !(q[3] >= '0' && q[3] <= '9')) {
            out->day = d;
            out->precision = NEWSMETA_PRECISION_DAY;
        }
        if (y >= 1990 && y <= 2100 && nmi_time_valid(out))
            return true;
    }
    return false;
}
