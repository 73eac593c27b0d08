/* Calendar and instant arithmetic of the date stage: civil days, month
 * lengths, weekdays, a time's validity and its Unix instant, the zone
 * fields of a time, and the present moment of a parse (options.now). The
 * lowest room of the stage: every other date file uses it, it uses none
 * of them. */
#include <string.h>
#include <time.h>

#include "date_parse.h"

/* ---- calendar arithmetic -------------------------------------------------- */

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

void nmi_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)((int64_t)yoe + era * 400 + (*m <= 2));
}

int nmi_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int nmi_weekday_of(int y, int m, int d)
{
    int64_t days = nmi_days_from_civil(y, m, d); /* 1970-01-01 was a Thursday */
    int w = (int)(((days % 7) + 7 + 3) % 7);
    return w + 1;
}

bool nmi_time_valid(const nmi_time *t)
{
    if (t->year < 1000 || t->year > 9999)
        return false;
    if (t->precision >= NEWSMETA_PRECISION_MONTH && (t->month < 1 || t->month > 12))
        return false;
    if (t->precision >= NEWSMETA_PRECISION_DAY &&
        (t->day < 1 || t->day > nmi_days_in_month(t->year, t->month)))
        return false;
    if (t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59 || t->second < 0 ||
        t->second > 60)
        return false;
    if (t->offset_known && (t->offset_minutes < -18 * 60 || t->offset_minutes > 18 * 60))
        return false;
    return true;
}

void nmi_time_end_of_day(nmi_time *t)
{
    t->hour = 0;
    if (t->day >= 1 && t->day <= nmi_days_in_month(t->year, t->month))
        nmi_civil_from_days(nmi_days_from_civil(t->year, t->month, t->day) + 1, &t->year,
                            &t->month, &t->day);
}

void nmi_date_copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

void nmi_time_set_zone(nmi_time *t, const char *z)
{
    nmi_date_copy_str(t->zone, sizeof t->zone, z);
}

int64_t nmi_date_now(const nmi_date_hints *h)
{
    return h && h->now ? h->now : (int64_t)time(NULL);
}

/* ---- instants ------------------------------------------------------------ */

bool nmi_time_instant(const nmi_time *t, int64_t *utc)
{
    if (!t->offset_known || t->precision < NEWSMETA_PRECISION_HOUR)
        return false;
    *utc = nmi_days_from_civil(t->year, t->month, t->day) * 86400 + t->hour * 3600 +
           t->minute * 60 + t->second - (int64_t)t->offset_minutes * 60;
    return true;
}

void nmi_time_set_instant(nmi_time *t, int64_t utc, int offset_minutes)
{
    int64_t local = utc + (int64_t)offset_minutes * 60;
    int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    int64_t secs = local - days * 86400;
    nmi_civil_from_days(days, &t->year, &t->month, &t->day);
    t->hour = (int)(secs / 3600);
    t->minute = (int)(secs / 60 % 60);
    t->second = (int)(secs % 60);
    t->offset_known = true;
    t->offset_minutes = offset_minutes;
    if (t->precision < NEWSMETA_PRECISION_HOUR)
        t->precision = NEWSMETA_PRECISION_MINUTE;
}
