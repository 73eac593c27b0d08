/* Dates read from tokens (date_lex.c): RFC 2822, JavaScript and Java
 * Date strings, and textual dates in many languages — "19 Nov 2019",
 * "Nov. 19th, 2019", "19 de noviembre de 2019", 05/10/2018 in the page's
 * order, 2019年11月19日 — with the time after or before them (14:30,
 * 14h30, 10時30分, 오후 3시 20분, "8 am") and the zone printed after the
 * time (offsets, GMT/UTC forms, IANA ids, abbreviations).
 *
 * One pass finds the first date, a second the first time not parted from
 * it by another date, then the zone after that time. */
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#include "date_parse.h"

/* ---- tokens --------------------------------------------------------------- */

static bool is_punct(const tok *t, UChar c)
{
    return t->kind == TK_PUNCT && t->value == c;
}

static bool is_sign(const tok *t)
{
    return t->kind == TK_PUNCT && (t->value == '+' || t->value == '-' || t->value == 0x2212);
}

/* A two-digit year, by ICU's rule: within 80 years before and 20 after
 * the year of the parse's clock. */
static int two_digit_year(const reader *rd, int yy)
{
    nmi_time now;
    memset(&now, 0, sizeof now);
    nmi_time_set_instant(&now, nmi_date_now(rd->h), 0);
    int cur = now.year;
    int y = cur / 100 * 100 + yy;
    if (y > cur + 20)
        y -= 100;
    else if (y <= cur - 80)
        y += 100;
    return y;
}

/* The suffix kind of the word glued to a number ("19日", "26th"). */
static int suffix_of(reader *rd, int i)
{
    if (i + 1 >= rd->lx.ntok)
        return 0;
    const tok *w = &rd->lx.toks[i + 1];
    if (w->kind != TK_WORD || (w->space_before && !(w->keylen > 0 && w->key[0] >= 0x3000)))
        return 0;
    const sym *s = nmi_date_lookup(w, rd->prio, rd->nprio,
                                   K(SK_ORDINAL) | K(SK_YEAR_SUF) | K(SK_MONTH_SUF) |
                                       K(SK_DAY_SUF) | K(SK_HOUR_SUF) | K(SK_MIN_SUF) |
                                       K(SK_SEC_SUF));
    return s ? s->kind : 0;
}

/* ---- dates ------------------------------------------------------------------ */

/* What the reader found: the date, and its time, with their token spans. */
typedef struct found {
    int year, month, day;
    int first, last;     /* token span of the date */
    int hour, minute, second, tprec; /* tprec: 0 none, else a precision */
    int tfirst, tlast;
    int ampm;            /* -1 none, 0 am, 1 pm */
} found;

/* yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd, "2019. 11. 19." */
static bool numeric_ymd(reader *rd, int i, found *f)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    if (i + 4 >= n || t[i].kind != TK_NUM || t[i].ndigits != 4)
        return false;
    if (t[i + 1].kind != TK_PUNCT || t[i + 2].kind != TK_NUM || t[i + 3].kind != TK_PUNCT ||
        t[i + 4].kind != TK_NUM)
        return false;
    UChar sep = (UChar)t[i + 1].value;
    if ((sep != '-' && sep != '/' && sep != '.') || t[i + 3].value != sep ||
        t[i + 2].ndigits > 2 || t[i + 4].ndigits > 2)
        return false;
    f->year = t[i].value;
    f->month = t[i + 2].value;
    f->day = t[i + 4].value;
    f->first = i;
    f->last = i + 4;
    if (i + 5 < n && is_punct(&t[i + 5], '.') && sep == '.')
        f->last = i + 5;
    return true;
}

/* dd/mm/yyyy, mm/dd/yyyy, dd.mm.yy, dd-mm-yyyy: the order from the
 * values when they decide it, else the weekday, else the order another
 * date of the page shows, else the page's locale */
static bool numeric_dmy(reader *rd, int i, found *f)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    if (i + 4 >= n || t[i].kind != TK_NUM || t[i].ndigits > 2)
        return false;
    if (t[i + 1].kind != TK_PUNCT || t[i + 2].kind != TK_NUM || t[i + 3].kind != TK_PUNCT ||
        t[i + 4].kind != TK_NUM || t[i + 2].ndigits > 2)
        return false;
    UChar sep = (UChar)t[i + 1].value;
    if ((sep != '-' && sep != '/' && sep != '.') || t[i + 3].value != sep)
        return false;
    if (t[i + 1].space_before || t[i + 2].space_before || t[i + 3].space_before ||
        t[i + 4].space_before)
        return false;
    int yd = t[i + 4].ndigits;
    if (yd != 4 && yd != 2)
        return false;
    /* "1.2.3.4" or "10.30.45": not a date */
    if (i + 6 < n && t[i + 5].kind == TK_PUNCT && t[i + 5].value == sep &&
        !t[i + 5].space_before && t[i + 6].kind == TK_NUM && !t[i + 6].space_before)
        return false;
    if (yd == 2 && sep == '-')
        return false;
    int a = t[i].value, b = t[i + 2].value;
    int year = yd == 4 ? t[i + 4].value : two_digit_year(rd, t[i + 4].value);
    bool dmy;
    if (a > 12 && b <= 12)
        dmy = true;
    else if (b > 12 && a <= 12)
        dmy = false;
    else if (a > 12 && b > 12)
        return false;
    else {
        const char *order = rd->li ? rd->li->order : "MDY";
        dmy = order[0] != 'M';
        if (rd->h && rd->h->numeric_order)
            dmy = rd->h->numeric_order == NMI_ORDER_DMY; /* the page's own */
        if (sep == '.')
            dmy = true; /* nobody writes m.d.y */
        /* a weekday printed beside it decides */
        for (int k = 0; k < n; k++) {
            const sym *s = nmi_date_lookup(&t[k], rd->prio, rd->nprio, K(SK_WEEKDAY));
            if (!s)
                continue;
            bool d_ok = b >= 1 && b <= 12 && a <= nmi_days_in_month(year, b) &&
                        nmi_weekday_of(year, b, a) == s->value;
            bool m_ok = a >= 1 && a <= 12 && b <= nmi_days_in_month(year, a) &&
                        nmi_weekday_of(year, a, b) == s->value;
            if (d_ok != m_ok)
                dmy = d_ok;
            break;
        }
    }
    f->day = dmy ? a : b;
    f->month = dmy ? b : a;
    f->year = year;
    f->first = i;
    f->last = i + 4;
    return true;
}

/* 2019年11月19日, 2019년 11월 19일 */
static bool cjk_date(reader *rd, int i, found *f)
{
    tok *t = rd->lx.toks;
    if (t[i].kind != TK_NUM || suffix_of(rd, i) != SK_YEAR_SUF)
        return false;
    int j = i + 2;
    if (j >= rd->lx.ntok || t[j].kind != TK_NUM || suffix_of(rd, j) != SK_MONTH_SUF)
        return false;
    f->year = t[i].ndigits == 2 ? two_digit_year(rd, t[i].value) : t[i].value;
    f->month = t[j].value;
    f->first = i;
    f->last = j + 1;
    f->day = 0;
    int k = j + 2;
    if (k < rd->lx.ntok && t[k].kind == TK_NUM && suffix_of(rd, k) == SK_DAY_SUF) {
        f->day = t[k].value;
        f->last = k + 1;
    }
    return true;
}

/* Filler between a month name and its numbers: punctuation and short
 * words ("de", "of", "the", "le", "г"). */
static bool filler(const tok *t)
{
    if (t->kind == TK_PUNCT)
        return t->value != ':' && t->value != '/' && t->value != '|';
    return t->kind == TK_WORD && t->keylen > 0 && t->keylen <= 3 && !t->upper;
}

static bool day_number(reader *rd, int k)
{
    const tok *t = &rd->lx.toks[k];
    if (t->kind != TK_NUM || t->used || t->ndigits > 2 || t->value < 1 || t->value > 31)
        return false;
    /* not the hour of a time */
    if (k + 2 < rd->lx.ntok && is_punct(&rd->lx.toks[k + 1], ':') &&
        rd->lx.toks[k + 2].kind == TK_NUM)
        return false;
    if (k > 1 && is_punct(&rd->lx.toks[k - 1], ':') && !rd->lx.toks[k].space_before &&
        rd->lx.toks[k - 2].kind == TK_NUM)
        return false;
    /* "19h30", "3bn": a word glued to the number that is not an ordinal
     * ("19th", "1er") or a day suffix (19日) */
    if (k + 1 < rd->lx.ntok && rd->lx.toks[k + 1].kind == TK_WORD &&
        !rd->lx.toks[k + 1].space_before) {
        int suf = suffix_of(rd, k);
        if (suf != SK_ORDINAL && suf != SK_DAY_SUF)
            return false;
    }
    return true;
}

static bool year_number(reader *rd, int k, int *year)
{
    const tok *t = &rd->lx.toks[k];
    if (t->kind != TK_NUM || t->used)
        return false;
    if (t->ndigits == 4 && t->value >= 1000) {
        *year = t->value;
        return true;
    }
    /* '19 */
    if (t->ndigits == 2 && k > 0 && rd->lx.toks[k - 1].kind == TK_PUNCT &&
        (rd->lx.toks[k - 1].value == '\'' || rd->lx.toks[k - 1].value == 0x2019)) {
        *year = two_digit_year(rd, t->value);
        return true;
    }
    return false;
}

/* A month name with its day and year around it: "19 Nov 2019", "Nov. 19th,
 * 2019", "19. November 2019", "19 de noviembre de 2019", "2019. november
 * 19.", "Tue Nov 19 21:57:01 UTC 2019". */
static bool textual_date(reader *rd, int m, const sym *month, found *f)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    int dayk = -1, year = 0, yeark = -1;
    int k = m - 1;
    while (k >= 0 && m - k <= 3 && filler(&t[k]))
        k--;
    if (k >= 0 && m - k <= 3 && day_number(rd, k))
        dayk = k;
    if (dayk < 0) {
        int a = m + 1;
        while (a < n && a - m <= 3 && filler(&t[a]))
            a++;
        if (a < n && a - m <= 3 && day_number(rd, a))
            dayk = a;
    }
    /* the year: the nearest 4-digit number (or '19) */
    int best = 1 << 20;
    for (int q = 0; q < n; q++) {
        int y;
        if (q == dayk || !year_number(rd, q, &y))
            continue;
        int d = q > m ? q - m : m - q;
        if (d < best) {
            best = d;
            year = y;
            yeark = q;
        }
    }
    if (!year)
        return false;
    /* "November 2019" alone: only with a month name of the page's language
     * or English ("Mars 2020" is a rover) */
    bool own = false;
    for (int i = 0; i < rd->nprio; i++)
        own = own || rd->prio[i] == month->loc;
    if (dayk < 0 && (!own || best > 2))
        return false;
    f->year = year;
    f->month = month->value;
    f->day = dayk >= 0 ? t[dayk].value : 0;
    f->first = f->last = m;
    if (dayk >= 0) {
        f->first = dayk < f->first ? dayk : f->first;
        f->last = dayk > f->last ? dayk : f->last;
        t[dayk].used = true;
    }
    if (best <= 4) {
        f->first = yeark < f->first ? yeark : f->first;
        f->last = yeark > f->last ? yeark : f->last;
    }
    t[yeark].used = true;
    return true;
}

/* ---- times ----------------------------------------------------------------- */

/* 10時30分15秒, 3시 20분: token i is the hour, a suffix glued to it;
 * minutes and seconds with theirs may follow. */
static void cjk_time(reader *rd, int i, found *f)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    f->hour = t[i].value;
    f->minute = f->second = 0;
    f->tprec = NEWSMETA_PRECISION_HOUR;
    f->tfirst = i;
    f->tlast = i + 1;
    int j = i + 2;
    if (j < n && t[j].kind == TK_NUM && suffix_of(rd, j) == SK_MIN_SUF) {
        f->minute = t[j].value;
        f->tprec = NEWSMETA_PRECISION_MINUTE;
        f->tlast = j + 1;
        j += 2;
        if (j < n && t[j].kind == TK_NUM && suffix_of(rd, j) == SK_SEC_SUF) {
            f->second = t[j].value;
            f->tprec = NEWSMETA_PRECISION_SECOND;
            f->tlast = j + 1;
        }
    }
}

/* What parts the hour at token i from two-digit minutes: ':' (or a
 * full-width colon), 'h' (14h30), '.' (14.30, when dots are allowed);
 * 0 when no minutes follow. */
static UChar clock_separator(const reader *rd, int i, bool dots_ok)
{
    const tok *t = rd->lx.toks;
    if (i + 2 >= rd->lx.ntok || t[i + 2].kind != TK_NUM || t[i + 2].ndigits != 2 ||
        t[i + 1].space_before || t[i + 2].space_before)
        return 0;
    if (is_punct(&t[i + 1], ':') || is_punct(&t[i + 1], 0xFF1A))
        return ':';
    if (t[i + 1].kind == TK_WORD && t[i + 1].keylen == 1 && t[i + 1].key[0] == 'h')
        return 'h';
    if (is_punct(&t[i + 1], '.') && dots_ok)
        return '.';
    return 0;
}

/* hh:mm[:ss[.fff]], 14h30, 14.30 at token i, hour and minutes parted by
 * sep (clock_separator). */
static bool clock_time(const reader *rd, int i, UChar sep, found *f)
{
    const tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    /* 1.2.3 is not a time */
    if (sep == '.' && i + 4 < n && is_punct(&t[i + 3], '.') && t[i + 4].kind == TK_NUM &&
        !t[i + 4].space_before)
        return false;
    f->hour = t[i].value;
    f->minute = t[i + 2].value;
    f->second = 0;
    f->tprec = NEWSMETA_PRECISION_MINUTE;
    f->tfirst = i;
    f->tlast = i + 2;
    UChar sec_sep = sep == 'h' ? 0 : sep; /* 14h30 has no seconds */
    if (i + 4 < n && sec_sep && t[i + 3].kind == TK_PUNCT && t[i + 3].value == sec_sep &&
        t[i + 4].kind == TK_NUM && t[i + 4].ndigits == 2 && !t[i + 3].space_before &&
        !t[i + 4].space_before) {
        f->second = t[i + 4].value;
        f->tprec = NEWSMETA_PRECISION_SECOND;
        f->tlast = i + 4;
        /* fractions of a second */
        if (i + 6 < n && (is_punct(&t[i + 5], '.') || is_punct(&t[i + 5], ',')) &&
            t[i + 6].kind == TK_NUM && !t[i + 5].space_before && !t[i + 6].space_before)
            f->tlast = i + 6;
    }
    return !((f->hour == 24 && (f->minute || f->second)) || f->minute > 59 || f->second > 60);
}

/* A time at token i: hh:mm[:ss[.fff]], 14h30, 14.30 (when allowed),
 * 10時30分, 3시 20분, "14h", "8 am". */
static bool time_at(reader *rd, int i, bool dots_ok, found *f)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    if (t[i].kind != TK_NUM || t[i].used || t[i].ndigits > 2 || t[i].value > 24)
        return false;
    if (i > 0 && (is_punct(&t[i - 1], ':') || (is_punct(&t[i - 1], '.') && !t[i].space_before &&
                                                i > 1 && t[i - 2].kind == TK_NUM)))
        return false;
    if (suffix_of(rd, i) == SK_HOUR_SUF) {
        cjk_time(rd, i, f);
        return true;
    }
    UChar sep = clock_separator(rd, i, dots_ok);
    if (sep)
        return clock_time(rd, i, sep, f);
    /* the hour alone: "14h" (French), "8 am" */
    int last;
    if (i + 1 < n && t[i + 1].kind == TK_WORD && !t[i + 1].space_before &&
        t[i + 1].keylen == 1 && t[i + 1].key[0] == 'h' &&
        (i + 2 >= n || t[i + 2].kind != TK_WORD || t[i + 2].space_before))
        last = i + 1;
    else if (i + 1 < n && t[i].value >= 1 && t[i].value <= 12 &&
             nmi_date_lookup(&t[i + 1], rd->prio, rd->nprio, K(SK_AMPM)))
        last = i;
    else
        return false;
    f->hour = t[i].value;
    f->minute = f->second = 0;
    f->tprec = NEWSMETA_PRECISION_HOUR;
    f->tfirst = i;
    f->tlast = last;
    return true;
}

/* ---- zones ------------------------------------------------------------------ */

/* An offset at token i: "+05:30", "-0500", "+05", "−3". Returns the
 * tokens used, 0 if none. */
static int offset_at(reader *rd, int i, int *minutes)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    if (i + 1 >= n || !is_sign(&t[i]) || t[i + 1].kind != TK_NUM || t[i + 1].space_before)
        return 0;
    int sign = t[i].value == '+' ? 1 : -1;
    int h, m = 0, used = 2;
    if (t[i + 1].ndigits == 4) {
        h = t[i + 1].value / 100;
        m = t[i + 1].value % 100;
    } else if (t[i + 1].ndigits <= 2) {
        h = t[i + 1].value;
        if (i + 3 < n && is_punct(&t[i + 2], ':') && t[i + 3].kind == TK_NUM &&
            t[i + 3].ndigits == 2 && !t[i + 2].space_before) {
            m = t[i + 3].value;
            used = 4;
        }
    } else {
        return 0;
    }
    if (h > 18 || m > 59)
        return 0;
    *minutes = sign * (h * 60 + m);
    return used;
}

/* Units [s, e) of the text as UTF-8 into out (cap bytes, terminated);
 * false, with out empty, when they do not fit. */
static bool span_utf8(const reader *rd, int32_t s, int32_t e, char *out, int32_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(out, cap - 1, &n, rd->lx.text + s, e - s, &st);
    if (U_FAILURE(st) || n >= cap)
        n = 0;
    out[n] = '\0';
    return n > 0;
}

/* The zone as printed: tokens first to last. */
static void zone_label(const reader *rd, int first, int last, nmi_time *out)
{
    char z[32];
    span_utf8(rd, rd->lx.toks[first].start, rd->lx.toks[last].end, z, sizeof z);
    nmi_time_set_zone(out, z);
}

/* An IANA id from token k on: Europe/Paris, America/New_York. */
static void iana_zone_at(const reader *rd, int k, nmi_time *out)
{
    const tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    int e = k + 2;
    while (e + 1 < n && !t[e + 1].space_before &&
           (t[e + 1].kind == TK_WORD || is_punct(&t[e + 1], '_') || is_punct(&t[e + 1], '/')))
        e++;
    char id[64];
    int off;
    if (span_utf8(rd, t[k].start, t[e].end, id, sizeof id) && nmi_zone_offset(id, out, &off)) {
        out->offset_known = true;
        out->offset_minutes = off;
        nmi_time_set_zone(out, id);
        nmi_date_copy_str(out->iana, sizeof out->iana, id);
    }
}

/* An abbreviation at token k (its text w): upper case, 2 to 5 letters
 * ("IST", "CEST", "МСК"), resolved for the page (date_zone.c). An offset
 * after it ("IST+1") is not read: the name decides. */
static void abbr_zone_at(reader *rd, int k, const char *w, nmi_time *out)
{
    const tok *t = &rd->lx.toks[k];
    int32_t ulen = t->end - t->start - (t->dotted ? 1 : 0);
    if ((!t->upper && strcmp(w, "ChST")) || (rd->h && rd->h->skip_names))
        return;
    if (ulen < 2 || ulen > 5)
        return;
    int off;
    char iana[48];
    if (nmi_zone_abbr(rd->lx.text + t->start, ulen, rd->h, out, &off, iana, sizeof iana)) {
        out->offset_known = true;
        out->offset_minutes = off;
        nmi_time_set_zone(out, w);
        nmi_date_copy_str(out->iana, sizeof out->iana, iana);
    }
}

/* The zone printed after a time (from token i on): Z, numeric offsets,
 * GMT/UTC with an offset, IANA ids, abbreviations. */
static void read_zone(reader *rd, int i, nmi_time *out)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    /* skip "(" and "," */
    int k = i;
    while (k < n && k - i < 3 &&
           (is_punct(&t[k], '(') || is_punct(&t[k], ',') || is_punct(&t[k], '[')))
        k++;
    if (k >= n)
        return;
    int minutes;
    int used = offset_at(rd, k, &minutes);
    if (used) {
        out->offset_known = true;
        out->offset_minutes = minutes;
        zone_label(rd, k, k + used - 1, out);
        return;
    }
    if (t[k].kind != TK_WORD)
        return;
    /* "Z" glued to the time */
    if (t[k].keylen == 1 && t[k].key[0] == 'z' && t[k].upper && !t[k].space_before) {
        out->offset_known = true;
        out->offset_minutes = 0;
        nmi_time_set_zone(out, "Z");
        return;
    }
    char w[48];
    if (!span_utf8(rd, t[k].start, t[k].end - (t[k].dotted ? 1 : 0), w, sizeof w))
        return;
    /* GMT, UTC, UT, with an offset after them: GMT+5:30, UTC-03:00 */
    if (!strcmp(w, "GMT") || !strcmp(w, "UTC") || !strcmp(w, "UT")) {
        int off = 0;
        int u = offset_at(rd, k + 1, &off);
        out->offset_known = true;
        out->offset_minutes = off;
        zone_label(rd, k, u ? k + u : k, out);
        return;
    }
    if (k + 2 < n && is_punct(&t[k + 1], '/') && !t[k + 1].space_before && !t[k].upper)
        iana_zone_at(rd, k, out);
    else
        abbr_zone_at(rd, k, w, out);
}

/* ---- the reading ------------------------------------------------------------ */

/* "mar" is March and, in Spanish, Tuesday: at token i, a weekday of the
 * month name m's locale when another month name follows ("mar, 19 nov
 * 2019"). */
static bool weekday_not_month(reader *rd, int i, const sym *m)
{
    const tok *t = rd->lx.toks;
    const sym *wd = nmi_date_lookup(&t[i], rd->prio, rd->nprio, K(SK_WEEKDAY));
    if (!wd || wd->loc != m->loc)
        return false;
    for (int k = i + 1; k < rd->lx.ntok && k <= i + 6; k++)
        if (nmi_date_lookup(&t[k], rd->prio, rd->nprio, K(SK_MONTH)))
            return true;
    return false;
}

/* 1. The first date, numeric or with a month name; its tokens are used. */
static bool find_date(reader *rd, found *f)
{
    tok *t = rd->lx.toks;
    for (int i = 0; i < rd->lx.ntok; i++) {
        if (t[i].kind == TK_NUM) {
            if (numeric_ymd(rd, i, f) || cjk_date(rd, i, f) || numeric_dmy(rd, i, f)) {
                for (int k = f->first; k <= f->last; k++)
                    t[k].used = true;
                return true;
            }
            continue;
        }
        const sym *m = nmi_date_lookup(&t[i], rd->prio, rd->nprio, K(SK_MONTH) | K(SK_WEEKDAY));
        if (!m || m->kind != SK_MONTH || weekday_not_month(rd, i, m))
            continue;
        if (textual_date(rd, i, m, f)) {
            t[i].used = true;
            return true;
        }
    }
    return false;
}

/* 2. The time: the first one not parted from the date by another date (a
 * second month name, a second numeric date); its tokens are used. */
static void find_time(reader *rd, found *f)
{
    tok *t = rd->lx.toks;
    bool dots_ok = rd->li && rd->li->dot_time;
    for (int i = 0; i < rd->lx.ntok; i++) {
        if (t[i].used)
            continue;
        /* another month name between the date and here ends the search */
        if (i > f->last && t[i].kind == TK_WORD &&
            nmi_date_lookup(&t[i], rd->prio, rd->nprio, K(SK_MONTH)))
            break;
        found g = *f;
        /* a number right before the date that reads as a time ("19
         * 2019"?) is not one: a time has a separator or a suffix */
        if (time_at(rd, i, dots_ok || i > f->last, &g)) {
            *f = g;
            for (int k = f->tfirst; k <= f->tlast; k++)
                t[k].used = true;
            return;
        }
    }
}

/* The am/pm marker after the time, or before it where the locale puts it
 * there, applied to the hour ("15:00 pm" drops the time). */
static void read_ampm(reader *rd, found *f)
{
    tok *t = rd->lx.toks;
    int a = f->tlast + 1;
    if (a < rd->lx.ntok) {
        const sym *am = nmi_date_lookup(&t[a], rd->prio, rd->nprio, K(SK_AMPM));
        if (am) {
            f->ampm = am->value;
            t[a].used = true;
        }
    }
    if (f->ampm < 0 && f->tfirst > 0) {
        const sym *am = nmi_date_lookup(&t[f->tfirst - 1], rd->prio, rd->nprio, K(SK_AMPM));
        if (am && nmi_date_locs[am->loc].ampm_first) {
            f->ampm = am->value;
            t[f->tfirst - 1].used = true;
        }
    }
    if (f->ampm < 0)
        return;
    if (f->hour < 1 || f->hour > 12) {
        if (!(f->hour == 0 && f->ampm == 0))
            f->tprec = 0;
    } else if (f->ampm == 1 && f->hour < 12) {
        f->hour += 12;
    } else if (f->ampm == 0 && f->hour == 12) {
        f->hour = 0;
    }
}

/* The date found as a time: the time only with a day. */
static void to_time(const found *f, nmi_time *out)
{
    out->year = f->year;
    out->month = f->month;
    out->day = f->day;
    out->precision = f->day ? NEWSMETA_PRECISION_DAY : NEWSMETA_PRECISION_MONTH;
    if (f->tprec && f->day) {
        out->hour = f->hour;
        out->minute = f->minute;
        out->second = f->second;
        out->precision = (newsmeta_precision)f->tprec;
        if (out->hour == 24)
            nmi_time_end_of_day(out);
    }
}

static bool read_date(reader *rd, nmi_time *out)
{
    found f;
    memset(&f, 0, sizeof f);
    f.ampm = -1;
    if (!find_date(rd, &f))
        return false;
    find_time(rd, &f);
    if (f.tprec)
        read_ampm(rd, &f);
    to_time(&f, out);
    if (!nmi_time_valid(out))
        return false;
    if (out->precision >= NEWSMETA_PRECISION_HOUR) {
        /* 3. The zone after the time (after its am/pm marker). */
        int z = f.tlast + 1;
        while (z < rd->lx.ntok && rd->lx.toks[z].used && z <= f.tlast + 2)
            z++;
        read_zone(rd, z, out);
    }
    return true;
}

/* A separator between a date and other words on its line: "Jane Doe |
 * July 2, 2025", "Dec 2, 2025 · 12 min read". A slash only with space
 * before it (6/2/2025 is a date). */
static bool separator(const tok *t)
{
    if (t->kind != TK_PUNCT)
        return false;
    switch (t->value) {
    case '|': case 0x00B7: case 0x2022: case 0x2219: case 0x22C5: case 0x2013: case 0x2014:
    case 0x2E31: case 0x30FB: case 0xFF65:
        return true;
    case '-': case '/':
        return t->space_before;
    default:
        return false;
    }
}

/* Do the tokens outside the date read (first..last used) leave it alone
 * on its line: before it only a weekday or words parted by a separator,
 * after it only punctuation and zone letters, or words parted by one? */
static bool date_alone(reader *rd)
{
    const tok *t = rd->lx.toks;
    int n = rd->lx.ntok, first = -1, last = -1;
    for (int i = 0; i < n; i++)
        if (t[i].used) {
            if (first < 0)
                first = i;
            last = i;
        }
    if (first < 0)
        return false;
    for (int i = first - 1; i >= 0; i--) {
        if (separator(&t[i]))
            break;
        if (t[i].kind == TK_NUM ||
            (t[i].kind == TK_WORD && !nmi_date_lookup(&t[i], rd->prio, rd->nprio, K(SK_WEEKDAY))))
            return false;
    }
    for (int i = last + 1; i < n; i++) {
        if (separator(&t[i]))
            break;
        if (t[i].kind == TK_NUM || (t[i].kind == TK_WORD && !t[i].upper))
            return false;
    }
    return true;
}

bool nmi_date_parse_text_alone(const char *s, nmi_date_hints *h, nmi_time *out)
{
    reader rd;
    memset(out, 0, sizeof *out);
    return nmi_date_reader_init(&rd, s, h) && read_date(&rd, out) && date_alone(&rd);
}

bool nmi_date_parse_text(const char *s, nmi_date_hints *h, nmi_time *out)
{
    /* On the stack (about 8 KB of tokens), not malloc'd: a parse that
     * cannot run out of memory, since the callers could not tell that from
     * "no date". */
    reader rd;
    memset(out, 0, sizeof *out);
    return nmi_date_reader_init(&rd, s, h) && read_date(&rd, out);
}
