/* Timestamps, read with ICU.
 *
 * - ISO 8601 / RFC 3339 in their common variants (basic and extended
 *   forms, week dates 2019-W47-2 and ordinal dates 2019-323 through an ICU
 *   calendar, fractions, Z and numeric offsets), Unix timestamps that
 *   harvest.c writes as "@1574101047".
 * - Everything else through one tokenizer: RFC 2822, JavaScript and Java
 *   Date strings, and textual dates in many languages. Month, weekday and
 *   am/pm names, the order of numeric dates (05/10/2018), ordinal suffixes
 *   ("26th", "1er"), the CJK year/month/day and hour/minute suffixes
 *   (2019年11月19日, 오후 3시 20분) all come from ICU's locale data
 *   (udat_getSymbols, the locales' date and time patterns, the ordinal
 *   number format), read into a constant table when the library is built
 *   (date_symbols.h, lib/gen_date_table.c).
 * - Zones: numeric offsets, GMT/UTC forms, IANA ids, and abbreviations,
 *   which ICU's time-zone names resolve in the locales of the page's
 *   language and country first ("IST" is India on an en-IN page and Ireland
 *   on an en-IE one), with ICU applying standard or daylight time as the
 *   name says ("EST" in July is still -05:00) and the offset of the date in
 *   question for generic names ("ET"). A short table names the IANA zone
 *   of the abbreviations ICU's English data lacks (MSK, KST, ...); their
 *   offsets come from ICU too.
 * - A time printed without a zone keeps its offset unknown: offsets are
 *   never invented here (the caller's default zone is applied by
 *   nmi_parse_date() only).
 *
 * Every ICU object is opened and closed within the call, so any number of
 * threads may parse at once. */
#define _POSIX_C_SOURCE 200809L /* gmtime_r, strnlen */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/uchar.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "date_symbols.h"
#include "internal.h"

/* A date text longer than this (in UTF-16 units) is read up to here: a
 * date is never further into its element's text. */
#define NMI_DATE_MAX_UNITS 320
/* Tokens read from one text. */
#define NMI_DATE_MAX_TOKENS 96

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

static void civil_from_days(int64_t z, int *y, int *m, int *d)
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

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

/* 1 = Monday ... 7 = Sunday */
static int weekday_of(int y, int m, int d)
{
    int64_t days = nmi_days_from_civil(y, m, d); /* 1970-01-01 was a Thursday */
    int w = (int)(((days % 7) + 7 + 3) % 7);
    return w + 1;
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

/* Copy with truncation (zone names are short; an over-long one is cut). */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

static void set_zone_text(nmi_time *t, const char *z)
{
    copy_str(t->zone, sizeof t->zone, z);
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
    civil_from_days(days, &t->year, &t->month, &t->day);
    t->hour = (int)(secs / 3600);
    t->minute = (int)(secs / 60 % 60);
    t->second = (int)(secs % 60);
    t->offset_known = true;
    t->offset_minutes = offset_minutes;
    if (t->precision < NEWSMETA_PRECISION_HOUR)
        t->precision = NEWSMETA_PRECISION_MINUTE;
}

/* Milliseconds of a wall time read as if it were UTC. */
static double wall_millis(const nmi_time *t)
{
    return (double)(nmi_days_from_civil(t->year, t->month, t->day > 0 ? t->day : 1) * 86400 +
                    t->hour * 3600 + t->minute * 60 + t->second) *
           1000.0;
}

/* ---- IANA zones through ICU ----------------------------------------------- */

static bool to_uchars(const char *s, UChar *out, int32_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(out, cap, &n, s, -1, &st);
    return U_SUCCESS(st) && n < cap;
}

/* A calendar of the zone that is Gregorian all the way back, as the civil
 * arithmetic here is (ICU switches to the Julian calendar before 1582). */
static UCalendar *open_calendar(const UChar *zid, const char *loc, UErrorCode *st)
{
    UCalendar *cal = ucal_open(zid, -1, loc, UCAL_GREGORIAN, st);
    if (U_FAILURE(*st))
        return NULL;
    ucal_setGregorianChange(cal, -184303902528000000.0, st);
    ucal_clear(cal);
    return cal;
}

/* Is id a zone ICU knows by that very name (ICU silently gives GMT for an
 * unknown one)? Aliases ("Asia/Calcutta") count. */
static bool known_zone(const UChar *zid)
{
    UChar canon[64];
    UBool system = false;
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = ucal_getCanonicalTimeZoneID(zid, -1, canon, 64, &system, &st);
    return U_SUCCESS(st) && n > 0 && system;
}

/* A calendar of the IANA zone set to t's wall time (zid gets the zone's
 * id); NULL for a zone ICU does not know. Close it with ucal_close(). */
static UCalendar *zone_calendar_at(const char *iana, const nmi_time *t, UChar zid[64],
                                   UErrorCode *st)
{
    if (!iana || !*iana || !to_uchars(iana, zid, 64) || !known_zone(zid))
        return NULL;
    UCalendar *cal = open_calendar(zid, "en_US_POSIX", st);
    if (cal)
        ucal_setDateTime(cal, t->year, t->month - 1, t->day > 0 ? t->day : 1, t->hour,
                         t->minute, t->second, st);
    return cal;
}

bool nmi_zone_offset(const char *iana, const nmi_time *t, int *offset)
{
    UChar zid[64];
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = zone_calendar_at(iana, t, zid, &st);
    if (!cal)
        return false;
    double at = ucal_getMillis(cal, &st);
    ucal_close(cal);
    if (U_FAILURE(st))
        return false;
    /* the offset ICU used to place this wall time (in a gap, the one
     * before the transition) */
    double diff = wall_millis(t) - at;
    *offset = (int)(diff / 60000.0 + (diff >= 0 ? 0.5 : -0.5));
    return *offset >= -18 * 60 && *offset <= 18 * 60;
}

bool nmi_time_adopt_zone(nmi_time *t, const char *iana, int offset_minutes, const char *label)
{
    if (t->offset_known || t->precision < NEWSMETA_PRECISION_HOUR)
        return false;
    int off = offset_minutes;
    if (iana && *iana && !nmi_zone_offset(iana, t, &off))
        return false;
    if (off < -18 * 60 || off > 18 * 60)
        return false;
    t->offset_known = true;
    t->offset_minutes = off;
    if (label)
        set_zone_text(t, label);
    if (iana)
        copy_str(t->iana, sizeof t->iana, iana);
    return true;
}

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
    const nmi_cands *c = &ctx->cands[NMI_F_LANGUAGE];
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

/* ---- the locale table ------------------------------------------------------ */

/* The names of dates in the locales of nmi_date_locales, read from ICU when
 * the library was built (date_symbols.h). */

/* First symbol with this key (they are sorted), or NULL. */
static const sym *find_sym(const UChar *key, int len, size_t *count)
{
    size_t lo = 0, hi = nmi_date_nsyms;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (nmi_date_key_cmp(nmi_date_syms[mid].key, nmi_date_syms[mid].len, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < nmi_date_nsyms && !nmi_date_key_cmp(nmi_date_syms[end].key, nmi_date_syms[end].len, key, len))
        end++;
    *count = end - lo;
    return end > lo ? &nmi_date_syms[lo] : NULL;
}

static int locale_index(const char *lang)
{
    for (int i = 0; i < NMI_NLOCALES; i++)
        if (!strcmp(nmi_date_locales[i], lang))
            return i;
    return -1;
}

/* ---- tokens ------------------------------------------------------------- */

typedef enum tkind { TK_NUM, TK_WORD, TK_PUNCT } tkind;

typedef struct tok {
    tkind kind;
    int start, end;     /* UTF-16 offsets */
    int value;          /* TK_NUM: the number (capped); TK_PUNCT: the character */
    int ndigits;
    bool space_before;
    bool upper;         /* TK_WORD: letters all upper case ("IST") */
    bool dotted;        /* TK_WORD: an abbreviation's dot follows ("Nov.") */
    UChar key[NMI_KEY_MAX];
    int keylen;
    bool used;
} tok;

typedef struct lexer {
    UChar text[NMI_DATE_MAX_UNITS + 1];
    int32_t len;
    tok toks[NMI_DATE_MAX_TOKENS];
    int ntok;
} lexer;

static bool word_char(UChar32 c)
{
    if (u_isalpha(c))
        return true;
    int8_t t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

static bool space_char(UChar32 c)
{
    return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF || c == 0x200E || c == 0x200F;
}

static void lex(lexer *lx)
{
    lx->ntok = 0;
    bool space = true;
    int32_t i = 0;
    while (i < lx->len && lx->ntok < NMI_DATE_MAX_TOKENS) {
        int32_t start = i;
        UChar32 c;
        U16_NEXT(lx->text, i, lx->len, c);
        if (space_char(c)) {
            space = true;
            continue;
        }
        tok *t = &lx->toks[lx->ntok];
        memset(t, 0, sizeof *t);
        t->start = start;
        t->space_before = space;
        space = false;
        if (u_isdigit(c)) {
            int64_t v = u_charDigitValue(c);
            int nd = 1;
            int32_t j = i;
            while (j < lx->len) {
                int32_t k = j;
                UChar32 d;
                U16_NEXT(lx->text, k, lx->len, d);
                if (!u_isdigit(d))
                    break;
                if (nd < 15)
                    v = v * 10 + u_charDigitValue(d);
                nd++;
                j = k;
            }
            i = j;
            t->kind = TK_NUM;
            t->value = v > 2000000000 ? 2000000000 : (int)v;
            t->ndigits = nd;
            if (nd > 9) /* keep the leading digits for epoch-like numbers */
                t->value = 2000000000;
        } else if (word_char(c)) {
            int32_t j = i;
            bool upper = u_isupper(c) || !u_islower(c);
            bool any_upper = u_isupper(c);
            while (j < lx->len) {
                int32_t k = j;
                UChar32 d;
                U16_NEXT(lx->text, k, lx->len, d);
                if (!word_char(d))
                    break;
                if (u_islower(d))
                    upper = false;
                if (u_isupper(d))
                    any_upper = true;
                j = k;
            }
            i = j;
            t->kind = TK_WORD;
            t->upper = upper && any_upper;
            /* "a. m.", "p.m.", "a.m": single letters parted by dots are one word */
            int32_t end = j;
            if (j - start == 1 && j < lx->len && lx->text[j] == '.') {
                int32_t k = j + 1;
                while (k < lx->len && lx->text[k] == ' ')
                    k++;
                if (k < lx->len && (lx->text[k] == 'm' || lx->text[k] == 'M') &&
                    (k + 1 >= lx->len || !word_char(lx->text[k + 1]))) {
                    end = k + 1;
                    i = end;
                }
            }
            t->keylen = nmi_date_key(lx->text + start, end - start, t->key);
            if (i < lx->len && (lx->text[i] == '.' || lx->text[i] == 0x0970)) {
                t->dotted = true;
                i++;
            }
        } else {
            t->kind = TK_PUNCT;
            t->value = c;
        }
        t->end = i;
        lx->ntok++;
    }
}

/* The reading of a word: its best symbol of the kinds wanted, by locale
 * priority (page language, English, then the rest in table order). Short
 * forms count only from the page's language or English, or with their
 * abbreviation dot ("janv."). */
static const sym *lookup(const tok *t, const int *prio, int nprio, unsigned kinds)
{
    if (t->kind != TK_WORD || t->keylen == 0)
        return NULL;
    size_t count;
    const sym *s = find_sym(t->key, t->keylen, &count);
    const sym *best = NULL;
    int best_p = 1 << 20;
    for (size_t i = 0; i < count; i++) {
        const sym *e = &s[i];
        if (!(kinds & (1u << e->kind)))
            continue;
        int p = 1000 + e->loc;
        for (int k = 0; k < nprio; k++)
            if (prio[k] == e->loc) {
                p = k;
                break;
            }
        bool ok = e->wide || p < nprio || t->dotted || e->kind >= SK_ORDINAL;
        if (e->kind == SK_AMPM && p >= nprio)
            ok = e->key[0] >= 0x250; /* "em" is pm in Swedish only; 오후 and 午後 anywhere */
        if (ok && p < best_p) {
            best = e;
            best_p = p;
        }
    }
    return best;
}

#define K(k) (1u << (k))

/* ---- zones ---------------------------------------------------------------- */

/* Abbreviations whose IANA zone ICU's English names do not give, or give
 * for another country, with the country they are read for ("" for any).
 * The offset always comes from ICU for the date in question. */
static const struct {
    const char *abbr, *region, *iana;
} ZONE_NAMES[] = {
    {"IST", "IL", "Asia/Jerusalem"},  {"IDT", "IL", "Asia/Jerusalem"},
    {"CST", "CN", "Asia/Shanghai"},   {"CST", "TW", "Asia/Taipei"},
    {"CST", "CU", "America/Havana"},  {"BST", "BD", "Asia/Dhaka"},
    {"PST", "PH", "Asia/Manila"},     {"AMT", "BR", "America/Manaus"},
    {"AST", "SA", "Asia/Riyadh"},     {"AST", "KW", "Asia/Kuwait"},
    {"AST", "IQ", "Asia/Baghdad"},    {"AST", "QA", "Asia/Qatar"},
    {"AST", "BH", "Asia/Bahrain"},    {"GST", "AE", "Asia/Dubai"},
    {"EAT", "", "Africa/Nairobi"},    {"WAT", "", "Africa/Lagos"},
    {"CAT", "", "Africa/Maputo"},     {"SAST", "", "Africa/Johannesburg"},
    {"MSK", "", "Europe/Moscow"},     {"MSD", "", "Europe/Moscow"},
    {"\xD0\x9C\xD0\xA1\xD0\x9A", "", "Europe/Moscow"}, /* МСК */
    {"KST", "", "Asia/Seoul"},        {"HKT", "", "Asia/Hong_Kong"},
    {"PHT", "", "Asia/Manila"},       {"PKT", "", "Asia/Karachi"},
    {"NPT", "", "Asia/Kathmandu"},    {"ICT", "", "Asia/Bangkok"},
    {"MYT", "", "Asia/Kuala_Lumpur"}, {"WIB", "", "Asia/Jakarta"},
    {"WITA", "", "Asia/Makassar"},    {"WIT", "", "Asia/Jayapura"},
    {"SGT", "", "Asia/Singapore"},    {"JST", "", "Asia/Tokyo"},
    {"TRT", "", "Europe/Istanbul"},   {"AMT", "", "Asia/Yerevan"},
    {"GET", "", "Asia/Tbilisi"},      {"AZT", "", "Asia/Baku"},
    {"BRT", "", "America/Sao_Paulo"}, {"BRST", "", "America/Sao_Paulo"},
    {"ART", "", "America/Argentina/Buenos_Aires"},
    {"CLT", "", "America/Santiago"},  {"COT", "", "America/Bogota"},
    {"PET", "", "America/Lima"},      {"VET", "", "America/Caracas"},
    {"AST", "", "America/Halifax"},   {"ADT", "", "America/Halifax"},
    {"NST", "", "America/St_Johns"},  {"NDT", "", "America/St_Johns"},
    {"AKST", "", "America/Anchorage"}, {"AKDT", "", "America/Anchorage"},
    {"HST", "", "Pacific/Honolulu"},  {"ChST", "", "Pacific/Guam"},
    {"WET", "", "Europe/Lisbon"},     {"WEST", "", "Europe/Lisbon"},
    {"CET", "", "Europe/Paris"},      {"CEST", "", "Europe/Paris"},
    {"EET", "", "Europe/Athens"},     {"EEST", "", "Europe/Athens"},
    {"UK", "", "Europe/London"},      {"GST", "", "Asia/Dubai"},
};

/* ICU's generic short zone names (pattern letter 'v') in the English
 * locales that have them (en_US, then en_AU), with the zone ICU formats
 * them for; tests/test_dates.c checks each row against ICU. A generic
 * name follows the date's daylight saving: the offset comes from ICU. */
static const struct {
    const char *abbr, *iana;
} GENERIC_ZONES[] = {
    {"ET", "America/New_York"},      {"CT", "America/Chicago"},
    {"MT", "America/Denver"},        {"PT", "America/Los_Angeles"},
    {"AKT", "America/Anchorage"},    {"AT", "America/Halifax"},
    {"AET", "Australia/Sydney"},     {"ACT", "Australia/Adelaide"},
    {"LHT", "Australia/Lord_Howe"},  {"NZT", "Pacific/Auckland"},
};

/* Abbreviations of ZONE_NAMES that no locale of ZONE_LOCALES knows as a
 * short zone name in ICU (checked with ICU 72): the table answers them
 * without asking ICU in each English locale first. */
static const char *const ICU_ENGLISH_LACKS[] = {
    "MSK", "MSD", "\xD0\x9C\xD0\xA1\xD0\x9A", "KST", "HKT", "PHT", "TRT", "AMT", "GET",
    "AZT", "BRT", "ART", "CLT", "COT", "PET", "ChST"};

/* ICU's short specific zone names in the English locales pages most
 * often name zones in: the zone ICU's parse gives each, and whether it
 * reads as standard (1) or daylight (2) time. Read from here instead of
 * ICU, whose first parse in a locale loads all of that locale's zone
 * names (~10 ms a process). The table holds every short name ICU has
 * for these locales, so a name not here is not asked of ICU in them.
 * tests/test_dates.c reads every short name ICU formats in these locales
 * both ways and compares, and checks that ICU reads none of the names of
 * other locales in them. */
static const struct {
    const char *loc, *abbr, *iana;
    int kind;
} SPECIFIC_ZONES[] = {
    {"en_US", "EST", "America/New_York", 1},     {"en_US", "EDT", "America/New_York", 2},
    {"en_US", "CST", "America/Chicago", 1},      {"en_US", "CDT", "America/Chicago", 2},
    {"en_US", "MST", "America/Denver", 1},       {"en_US", "MDT", "America/Denver", 2},
    {"en_US", "PST", "America/Los_Angeles", 1},  {"en_US", "PDT", "America/Los_Angeles", 2},
    {"en_US", "AKST", "America/Juneau", 1},      {"en_US", "AKDT", "America/Juneau", 2},
    {"en_US", "AST", "America/Halifax", 1},      {"en_US", "ADT", "America/Halifax", 2},
    {"en_US", "HST", "Pacific/Honolulu", 1},     {"en_US", "HAST", "Pacific/Honolulu", 1},
    {"en_US", "HADT", "Pacific/Honolulu", 2},    {"en_GB", "BST", "Europe/London", 2},
    {"en_GB", "CET", "Europe/Paris", 1},         {"en_GB", "CEST", "Europe/Paris", 2},
    {"en_GB", "EET", "Europe/Bucharest", 1},     {"en_GB", "EEST", "Europe/Bucharest", 2},
    {"en_GB", "WET", "Atlantic/Canary", 1},      {"en_GB", "WEST", "Atlantic/Canary", 2},
    {"en_GB", "GTS", "Asia/Dubai", 1},           {"en_IN", "IST", "Asia/Calcutta", 1},
    {"en_IN", "GST", "Asia/Dubai", 1},           {"en_AU", "AEST", "Australia/Sydney", 1},
    {"en_AU", "AEDT", "Australia/Sydney", 2},    {"en_AU", "ACST", "Australia/Adelaide", 1},
    {"en_AU", "ACDT", "Australia/Adelaide", 2},  {"en_AU", "AWST", "Australia/Perth", 1},
    {"en_AU", "ACWST", "Australia/Eucla", 1},    {"en_AU", "LHST", "Australia/Lord_Howe", 1},
    {"en_AU", "LHDT", "Australia/Lord_Howe", 2}, {"en_AU", "NZST", "Pacific/Auckland", 1},
    {"en_AU", "NZDT", "Pacific/Auckland", 2},
};

/* English locales tried, after the page's own, for an abbreviation. */
static const char *const ZONE_LOCALES[] = {"en_US", "en_GB", "en_IN", "en_AU", "en_CA", "en_NZ",
                                           "en_SG", "en_IE", "en_ZA", "ja_JP", "de_DE"};

/* Read abbr as a specific zone name of locale loc with ICU (pattern
 * letter 'z': EST, EDT, BST), at t's wall time. */
static bool icu_zone_name(const char *loc, const UChar *abbr, int32_t alen, const nmi_time *t,
                          int *offset, char *iana, size_t icap)
{
    UChar text[96], pat[32];
    char head[40];
    int hn = snprintf(head, sizeof head, "%04d-%02d-%02d %02d:%02d:%02d ", t->year, t->month,
                      t->day > 0 ? t->day : 1, t->hour, t->minute, t->second);
    if (hn <= 0 || hn + alen >= 96)
        return false;
    u_uastrcpy(text, head);
    u_memcpy(text + hn, abbr, alen);
    text[hn + alen] = 0;
    u_uastrcpy(pat, "yyyy-MM-dd HH:mm:ss ");
    pat[20] = 'z';
    pat[21] = 0;
    UErrorCode st = U_ZERO_ERROR;
    static const UChar UTC[] = {'U', 'T', 'C', 0};
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, UTC, -1, pat, -1, &st);
    if (U_FAILURE(st))
        return false;
    udat_setLenient(f, false);
    UCalendar *cal = open_calendar(UTC, loc, &st);
    if (!cal) {
        udat_close(f);
        return false;
    }
    int32_t pos = 0;
    udat_parseCalendar(f, cal, text, hn + alen, &pos, &st);
    bool ok = U_SUCCESS(st) && pos == hn + alen;
    if (ok) {
        double at = ucal_getMillis(cal, &st);
        UChar zid[64];
        int32_t zl = ucal_getTimeZoneID(cal, zid, 64, &st);
        ok = U_SUCCESS(st);
        if (ok) {
            double diff = wall_millis(t) - at;
            *offset = (int)(diff / 60000.0 + (diff >= 0 ? 0.5 : -0.5));
            ok = *offset >= -18 * 60 && *offset <= 18 * 60;
            iana[0] = '\0';
            if (zl > 0 && zl < 64 && u_strncmp(zid, UTC, 3) != 0) {
                char z[64];
                u_austrncpy(z, zid, 63);
                z[63] = '\0';
                if (strncmp(z, "Etc/", 4) && strncmp(z, "GMT", 3))
                    copy_str(iana, icap, z);
            }
        }
    }
    ucal_close(cal);
    udat_close(f);
    return ok;
}

static bool table_zone(const char *abbr, const char *region, bool any, const nmi_time *t,
                       int *offset, char *iana, size_t icap)
{
    for (size_t i = 0; i < sizeof ZONE_NAMES / sizeof *ZONE_NAMES; i++) {
        const char *r = ZONE_NAMES[i].region;
        if (strcmp(ZONE_NAMES[i].abbr, abbr) || (any ? *r != '\0' : strcmp(r, region) != 0))
            continue;
        if (nmi_zone_offset(ZONE_NAMES[i].iana, t, offset)) {
            copy_str(iana, icap, ZONE_NAMES[i].iana);
            return true;
        }
    }
    return false;
}

/* The offset of a zone at t's wall time as a name of the given kind
 * says: generic names follow the date's daylight saving, "EST" is
 * standard time and "EDT" daylight time whatever the date. */
static bool kind_offset(const char *iana, int kind, const nmi_time *t, int *offset)
{
    if (kind == 0)
        return nmi_zone_offset(iana, t, offset);
    UChar zid[64];
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = zone_calendar_at(iana, t, zid, &st);
    if (!cal)
        return false;
    int32_t raw = ucal_get(cal, UCAL_ZONE_OFFSET, &st);
    int32_t dst = ucal_get(cal, UCAL_DST_OFFSET, &st);
    ucal_close(cal);
    if (kind == 2 && dst == 0) {
        st = U_ZERO_ERROR;
        dst = ucal_getDSTSavings(zid, &st);
        if (U_FAILURE(st) || dst == 0)
            dst = 3600000;
    }
    if (U_FAILURE(st))
        return false;
    *offset = (raw + (kind == 2 ? dst : 0)) / 60000;
    return true;
}

/* What ICU's parse said the name is: generic when read with 'v'; else
 * standard or daylight, from the offset it applied. */
static int parsed_kind(const char *iana, UChar letter, const nmi_time *t, int offset)
{
    if (letter == 'v' || !iana[0])
        return 0;
    int std;
    if (kind_offset(iana, 1, t, &std) && std == offset)
        return 1;
    return 2;
}

/* Does SPECIFIC_ZONES list the names of this locale (all of them)? */
static bool specific_zones_cover(const char *loc)
{
    for (size_t i = 0; i < sizeof SPECIFIC_ZONES / sizeof *SPECIFIC_ZONES; i++)
        if (!strcmp(SPECIFIC_ZONES[i].loc, loc))
            return true;
    return false;
}

/* SPECIFIC_ZONES' answer for abbr in locale loc: its kind (0: not there). */
static int specific_zone(const char *loc, const char *abbr, const nmi_time *t, int *offset,
                         char *iana, size_t icap)
{
    for (size_t i = 0; i < sizeof SPECIFIC_ZONES / sizeof *SPECIFIC_ZONES; i++) {
        if (strcmp(SPECIFIC_ZONES[i].abbr, abbr) || strcmp(SPECIFIC_ZONES[i].loc, loc))
            continue;
        if (!kind_offset(SPECIFIC_ZONES[i].iana, SPECIFIC_ZONES[i].kind, t, offset))
            return 0;
        copy_str(iana, icap, SPECIFIC_ZONES[i].iana);
        return SPECIFIC_ZONES[i].kind;
    }
    return 0;
}

/* A zone abbreviation ("IST", "ET", "CEST", "МСК") at t's local time:
 * ICU's names in the page's locales, the table for the page's country,
 * ICU's names in the English-speaking locales, then the table. */
static bool resolve_abbr_icu(const UChar *abbr, int32_t alen, const nmi_date_hints *h,
                             const nmi_time *t, int *offset, char *iana, size_t icap, int *kind);

static bool resolve_abbr(const UChar *abbr, int32_t alen, nmi_date_hints *h, const nmi_time *t,
                         int *offset, char *iana, size_t icap)
{
    char a8[16];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n8 = 0;
    u_strToUTF8(a8, sizeof a8 - 1, &n8, abbr, alen, &st);
    if (U_FAILURE(st) || alen < 1 || alen > 6 || n8 >= (int32_t)sizeof a8)
        return false;
    a8[n8] = '\0';
    for (int i = 0; h && i < h->nmemo; i++) {
        const nmi_zone_memo *m = &h->memo[i];
        if (strcmp(m->abbr, a8))
            continue;
        if (!m->iana[0] || !kind_offset(m->iana, m->kind, t, offset))
            return false;
        copy_str(iana, icap, m->iana);
        return true;
    }
    int kind = 0;
    bool ok = resolve_abbr_icu(abbr, alen, h, t, offset, iana, icap, &kind);
    if (h && h->nmemo < (int)(sizeof h->memo / sizeof *h->memo) && (!ok || iana[0])) {
        nmi_zone_memo *m = &h->memo[h->nmemo++];
        copy_str(m->abbr, sizeof m->abbr, a8);
        copy_str(m->iana, sizeof m->iana, ok ? iana : "");
        m->kind = kind;
    }
    return ok;
}

/* Has ICU data of its own for this locale (not a fallback to the
 * language: en_CN is English, whose CST is US Central)? */
static bool real_locale(const char *loc)
{
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *r = ures_open(NULL, loc, &st);
    bool ok = st == U_ZERO_ERROR;
    ures_close(r);
    return ok;
}

static bool resolve_abbr_icu(const UChar *abbr, int32_t alen, const nmi_date_hints *h,
                             const nmi_time *t, int *offset, char *iana, size_t icap, int *kind)
{
    char a8[32];
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(a8, sizeof a8, NULL, abbr, alen, &st);
    if (U_FAILURE(st) || alen < 1 || alen > 6)
        return false;
    a8[sizeof a8 - 1] = '\0';
    *kind = 0;
    /* 1. what the name means in the page's country, where it differs
     *    from its English meaning (CST in China, PST in the Philippines) */
    for (int r = 0; h && r < h->nregions; r++)
        if (table_zone(a8, h->regions[r], false, t, offset, iana, icap))
            return true;
    /* 2. ICU's names in the page's own locales, then in the English-
     *    speaking ones: specific names (EST, IST) first, then the generic
     *    ones (ET, PT), which cost ICU much more to look up */
    char locs[8 + sizeof ZONE_LOCALES / sizeof *ZONE_LOCALES][16];
    size_t nl = 0;
    for (int r = 0; h && r < h->nregions; r++) {
        char loc[16];
        for (int k = 0; k < 2; k++) {
            if (k == 0 && !h->lang[0])
                continue;
            if (k == 1 && !strcmp(h->lang, "en"))
                continue;
            snprintf(loc, sizeof loc, "%s_%s", k == 0 ? h->lang : "en", h->regions[r]);
            if (real_locale(loc) && nl < 8)
                memcpy(locs[nl++], loc, sizeof loc);
        }
    }
    size_t npage = nl; /* the page's own locales come first */
    for (size_t l = 0; l < sizeof ZONE_LOCALES / sizeof *ZONE_LOCALES; l++)
        copy_str(locs[nl++], sizeof locs[0], ZONE_LOCALES[l]);
    /* names none of the English locales has (asking would load each
     * locale's zone names only to fail) go straight to the table */
    bool english_lacks = false;
    for (size_t k = 0; k < sizeof ICU_ENGLISH_LACKS / sizeof *ICU_ENGLISH_LACKS; k++)
        english_lacks |= !strcmp(a8, ICU_ENGLISH_LACKS[k]);
    /* ICU's generic short names (ET, PT, AET): from GENERIC_ZONES, since
     * an ICU parse of one loads every location name of the locale (~10 ms
     * per page). Two-letter names are only generic ones. */
    bool generic = (alen == 2 || alen == 3) && abbr[alen - 1] == 'T' && abbr[alen - 2] != 'S' &&
                   abbr[alen - 2] != 'D';
    for (int pass = alen == 2 ? 0 : 1; pass < 3; pass++) {
        if (pass == 1) {
            for (size_t l = 0; alen > 2 && l < (english_lacks ? npage : nl); l++) {
                if ((*kind = specific_zone(locs[l], a8, t, offset, iana, icap)) != 0)
                    return true;
                if (specific_zones_cover(locs[l]))
                    continue; /* the table has all of this locale's names */
                if (icu_zone_name(locs[l], abbr, alen, t, offset, iana, icap)) {
                    *kind = parsed_kind(iana, 'z', t, *offset);
                    return true;
                }
            }
            continue;
        }
        if (!generic || (pass == 2 && alen == 2))
            continue;
        for (size_t g = 0; g < sizeof GENERIC_ZONES / sizeof *GENERIC_ZONES; g++)
            if (!strcmp(GENERIC_ZONES[g].abbr, a8) &&
                nmi_zone_offset(GENERIC_ZONES[g].iana, t, offset)) {
                copy_str(iana, icap, GENERIC_ZONES[g].iana);
                *kind = 0;
                return true;
            }
    }
    /* 3. the names ICU's English data lacks (MSK, KST, WIB) */
    return table_zone(a8, "", true, t, offset, iana, icap);
}

/* ---- the textual parser ---------------------------------------------------- */

typedef struct reader {
    lexer lx;
    nmi_date_hints *h;
    int prio[4];
    int nprio;
    const loc_info *li; /* the page's locale, for numeric order */
} reader;

static bool is_punct(const tok *t, UChar c)
{
    return t->kind == TK_PUNCT && t->value == c;
}

static bool is_sign(const tok *t)
{
    return t->kind == TK_PUNCT && (t->value == '+' || t->value == '-' || t->value == 0x2212);
}

static int two_digit_year(int yy)
{
    /* ICU's rule: within 80 years before and 20 after the current year */
    time_t now = time(NULL);
    struct tm tm;
    int cur = 2026;
    if (gmtime_r(&now, &tm))
        cur = tm.tm_year + 1900;
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
    const tok *n = &rd->lx.toks[i];
    if (i + 1 >= rd->lx.ntok)
        return 0;
    const tok *w = &rd->lx.toks[i + 1];
    if (w->kind != TK_WORD || (w->space_before && !(w->keylen > 0 && w->key[0] >= 0x3000)))
        return 0;
    (void)n;
    const sym *s = lookup(w, rd->prio, rd->nprio,
                          K(SK_ORDINAL) | K(SK_YEAR_SUF) | K(SK_MONTH_SUF) | K(SK_DAY_SUF) |
                              K(SK_HOUR_SUF) | K(SK_MIN_SUF) | K(SK_SEC_SUF));
    return s ? s->kind : 0;
}

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
 * values when they decide it, else the weekday, else the page's locale */
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
    int year = yd == 4 ? t[i + 4].value : two_digit_year(t[i + 4].value);
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
        if (sep == '.')
            dmy = true; /* nobody writes m.d.y */
        /* a weekday printed beside it decides */
        for (int k = 0; k < n; k++) {
            const sym *s = lookup(&t[k], rd->prio, rd->nprio, K(SK_WEEKDAY));
            if (!s)
                continue;
            bool d_ok = b >= 1 && b <= 12 && a <= days_in_month(year, b) &&
                        weekday_of(year, b, a) == s->value;
            bool m_ok = a >= 1 && a <= 12 && b <= days_in_month(year, a) &&
                        weekday_of(year, a, b) == s->value;
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
    f->year = t[i].ndigits == 2 ? two_digit_year(t[i].value) : t[i].value;
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
        *year = two_digit_year(t->value);
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

/* A time at token i: hh:mm[:ss[.fff]], 14h30, 14.30 (when allowed),
 * 10時30分, 3시 20분, "8 am". */
static bool time_at(reader *rd, int i, bool dots_ok, found *f)
{
    tok *t = rd->lx.toks;
    int n = rd->lx.ntok;
    if (t[i].kind != TK_NUM || t[i].used || t[i].ndigits > 2 || t[i].value > 24)
        return false;
    if (i > 0 && (is_punct(&t[i - 1], ':') || (is_punct(&t[i - 1], '.') && !t[i].space_before &&
                                                i > 1 && t[i - 2].kind == TK_NUM)))
        return false;
    int suf = suffix_of(rd, i);
    if (suf == SK_HOUR_SUF) {
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
        return true;
    }
    if (i + 2 < n && t[i + 2].kind == TK_NUM && t[i + 2].ndigits == 2 && !t[i + 1].space_before &&
        !t[i + 2].space_before) {
        bool colon = is_punct(&t[i + 1], ':') || is_punct(&t[i + 1], 0xFF1A);
        bool h = t[i + 1].kind == TK_WORD && t[i + 1].keylen == 1 && t[i + 1].key[0] == 'h';
        bool dot = is_punct(&t[i + 1], '.') && dots_ok;
        if (colon || h || dot) {
            /* 1.2.3 is not a time */
            if (dot && i + 4 < n && is_punct(&t[i + 3], '.') && t[i + 4].kind == TK_NUM &&
                !t[i + 4].space_before)
                return false;
            f->hour = t[i].value;
            f->minute = t[i + 2].value;
            f->second = 0;
            f->tprec = NEWSMETA_PRECISION_MINUTE;
            f->tfirst = i;
            f->tlast = i + 2;
            UChar sep = colon ? ':' : h ? 0 : '.';
            if (i + 4 < n && sep && t[i + 3].kind == TK_PUNCT && t[i + 3].value == sep &&
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
            if ((f->hour == 24 && (f->minute || f->second)) || f->minute > 59 || f->second > 60)
                return false;
            return true;
        }
    }
    /* "14h" (French), "8 am" */
    if (i + 1 < n && t[i + 1].kind == TK_WORD && !t[i + 1].space_before &&
        t[i + 1].keylen == 1 && t[i + 1].key[0] == 'h' &&
        (i + 2 >= n || t[i + 2].kind != TK_WORD || t[i + 2].space_before)) {
        f->hour = t[i].value;
        f->minute = f->second = 0;
        f->tprec = NEWSMETA_PRECISION_HOUR;
        f->tfirst = i;
        f->tlast = i + 1;
        return true;
    }
    if (i + 1 < n && t[i].value >= 1 && t[i].value <= 12 &&
        lookup(&t[i + 1], rd->prio, rd->nprio, K(SK_AMPM))) {
        f->hour = t[i].value;
        f->minute = f->second = 0;
        f->tprec = NEWSMETA_PRECISION_HOUR;
        f->tfirst = f->tlast = i;
        return true;
    }
    return false;
}

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

static void zone_label(reader *rd, int first, int last, nmi_time *out)
{
    const tok *t = rd->lx.toks;
    int32_t s = t[first].start, e = t[last].end;
    char z[32];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(z, sizeof z - 1, &n, rd->lx.text + s, e - s, &st);
    if (U_FAILURE(st) || n >= (int32_t)sizeof z)
        n = 0;
    z[n] = '\0';
    set_zone_text(out, z);
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
        set_zone_text(out, "Z");
        return;
    }
    char w[48];
    UErrorCode st = U_ZERO_ERROR;
    int32_t wl = 0;
    u_strToUTF8(w, sizeof w - 1, &wl, rd->lx.text + t[k].start, t[k].end - t[k].start -
                (t[k].dotted ? 1 : 0), &st);
    if (U_FAILURE(st) || wl >= (int32_t)sizeof w)
        return;
    w[wl] = '\0';
    /* GMT, UTC, UT, with an offset after them: GMT+5:30, UTC-03:00 */
    if (!strcmp(w, "GMT") || !strcmp(w, "UTC") || !strcmp(w, "UT")) {
        int off = 0;
        int u = offset_at(rd, k + 1, &off);
        out->offset_known = true;
        out->offset_minutes = off;
        zone_label(rd, k, u ? k + u : k, out);
        return;
    }
    /* an IANA id: Europe/Paris, America/New_York */
    if (k + 2 < n && is_punct(&t[k + 1], '/') && !t[k + 1].space_before && !t[k].upper) {
        int e = k + 2;
        while (e + 1 < n && !t[e + 1].space_before &&
               (t[e + 1].kind == TK_WORD || is_punct(&t[e + 1], '_') || is_punct(&t[e + 1], '/')))
            e++;
        char id[64];
        int32_t il = 0;
        st = U_ZERO_ERROR;
        u_strToUTF8(id, sizeof id - 1, &il, rd->lx.text + t[k].start, t[e].end - t[k].start, &st);
        if (U_SUCCESS(st) && il < (int32_t)sizeof id) {
            id[il] = '\0';
            int off;
            if (nmi_zone_offset(id, out, &off)) {
                out->offset_known = true;
                out->offset_minutes = off;
                set_zone_text(out, id);
                copy_str(out->iana, sizeof out->iana, id);
            }
        }
        return;
    }
    /* an abbreviation: upper-case, 2 to 5 letters ("IST", "CEST", "МСК") */
    int32_t ulen = t[k].end - t[k].start - (t[k].dotted ? 1 : 0);
    if ((!t[k].upper && strcmp(w, "ChST")) || (rd->h && rd->h->skip_names))
        return;
    if (ulen < 2 || ulen > 5)
        return;
    int off;
    char iana[48];
    if (resolve_abbr(rd->lx.text + t[k].start, ulen, rd->h, out, &off, iana, sizeof iana)) {
        out->offset_known = true;
        out->offset_minutes = off;
        /* "GMT+3" after a name is not used; an offset right after the
         * abbreviation is ("IST+1" does not occur) */
        set_zone_text(out, w);
        copy_str(out->iana, sizeof out->iana, iana);
    }
}

static bool parse_text(const char *s, nmi_date_hints *h, nmi_time *out)
{
    /* On the stack (8 KB), not malloc'd: a parse that cannot run out of
     * memory, since the callers could not tell that from "no date". */
    reader storage;
    reader *rd = &storage;
    memset(out, 0, sizeof *out);
    UErrorCode st = U_ZERO_ERROR;
    int32_t n8 = (int32_t)strnlen(s, 4 * NMI_DATE_MAX_UNITS);
    u_strFromUTF8WithSub(rd->lx.text, NMI_DATE_MAX_UNITS, &rd->lx.len, s, n8, 0xFFFD, NULL,
                         &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) {
        rd->lx.len = NMI_DATE_MAX_UNITS;
        st = U_ZERO_ERROR;
    }
    if (U_FAILURE(st))
        return false;
    if (rd->lx.len > NMI_DATE_MAX_UNITS)
        rd->lx.len = NMI_DATE_MAX_UNITS;
    rd->lx.text[rd->lx.len] = 0;
    lex(&rd->lx);
    rd->h = h;
    rd->nprio = 0;
    rd->li = NULL;
    int page = h && h->lang[0] ? locale_index(h->lang) : -1;
    if (page >= 0 && h->nregions) {
        /* the country's own names first: "Jänner" in Austria */
        char full[16];
        snprintf(full, sizeof full, "%s_%s", h->lang, h->regions[0]);
        int regional = locale_index(full);
        if (regional >= 0)
            rd->prio[rd->nprio++] = regional;
    }
    if (page >= 0) {
        rd->prio[rd->nprio++] = page;
        rd->li = &nmi_date_locs[page];
        /* en_GB's day-first order for English pages outside the US */
        if (page == 0 && h->nregions && strcmp(h->regions[0], "US") &&
            strcmp(h->regions[0], "PH") && strcmp(h->regions[0], "CA"))
            rd->li = &nmi_date_locs[1];
    }
    if (page != 0)
        rd->prio[rd->nprio++] = 0;
    rd->prio[rd->nprio++] = 1; /* en_GB: "Sept" */
    tok *t = rd->lx.toks;
    int ntok = rd->lx.ntok;

    /* 1. The first date, numeric or with a month name. */
    found f;
    memset(&f, 0, sizeof f);
    f.ampm = -1;
    bool have_date = false;
    for (int i = 0; i < ntok && !have_date; i++) {
        if (t[i].kind == TK_NUM) {
            if (numeric_ymd(rd, i, &f) || cjk_date(rd, i, &f) || numeric_dmy(rd, i, &f)) {
                have_date = true;
                for (int k = f.first; k <= f.last; k++)
                    t[k].used = true;
            }
            continue;
        }
        const sym *m = lookup(&t[i], rd->prio, rd->nprio, K(SK_MONTH) | K(SK_WEEKDAY));
        if (!m || m->kind != SK_MONTH)
            continue;
        /* "mar" is March and, in Spanish, Tuesday: a weekday when another
         * month name follows ("mar, 19 nov 2019") */
        const sym *wd = lookup(&t[i], rd->prio, rd->nprio, K(SK_WEEKDAY));
        if (wd && wd->loc == m->loc) {
            bool other = false;
            for (int k = i + 1; k < ntok && k <= i + 6 && !other; k++)
                other = lookup(&t[k], rd->prio, rd->nprio, K(SK_MONTH)) != NULL;
            if (other)
                continue;
        }
        if (textual_date(rd, i, m, &f)) {
            have_date = true;
            t[i].used = true;
        }
    }
    if (!have_date)
        return false;

    /* 2. The time: the first one not parted from the date by another
     * date (a second month name, a second numeric date). */
    bool dots_ok = rd->li && rd->li->dot_time;
    for (int i = 0; i < ntok; i++) {
        if (t[i].used)
            continue;
        /* another month name between the date and here ends the search */
        if (i > f.last && t[i].kind == TK_WORD &&
            lookup(&t[i], rd->prio, rd->nprio, K(SK_MONTH)))
            break;
        found g = f;
        if (time_at(rd, i, dots_ok || i > f.last, &g)) {
            /* a number right before the date that reads as a time ("19
             * 2019"?) is not one: a time has a separator or a suffix */
            f = g;
            for (int k = f.tfirst; k <= f.tlast; k++)
                t[k].used = true;
            break;
        }
    }
    if (f.tprec) {
        /* am/pm after the time, or before it where the locale puts it there */
        int a = f.tlast + 1;
        if (a < ntok) {
            const sym *am = lookup(&t[a], rd->prio, rd->nprio, K(SK_AMPM));
            if (am) {
                f.ampm = am->value;
                t[a].used = true;
            }
        }
        if (f.ampm < 0 && f.tfirst > 0) {
            const sym *am = lookup(&t[f.tfirst - 1], rd->prio, rd->nprio, K(SK_AMPM));
            if (am && nmi_date_locs[am->loc].ampm_first) {
                f.ampm = am->value;
                t[f.tfirst - 1].used = true;
            }
        }
        if (f.ampm >= 0) {
            if (f.hour < 1 || f.hour > 12) {
                if (!(f.hour == 0 && f.ampm == 0))
                    f.tprec = 0; /* "15:00 pm" */
            } else if (f.ampm == 1 && f.hour < 12) {
                f.hour += 12;
            } else if (f.ampm == 0 && f.hour == 12) {
                f.hour = 0;
            }
        }
    }
    out->year = f.year;
    out->month = f.month;
    out->day = f.day;
    out->precision = f.day ? NEWSMETA_PRECISION_DAY : NEWSMETA_PRECISION_MONTH;
    if (f.tprec && f.day) {
        out->hour = f.hour;
        out->minute = f.minute;
        out->second = f.second;
        out->precision = (newsmeta_precision)f.tprec;
        if (out->hour == 24) { /* 24:00 is the end of the day */
            out->hour = 0;
            int64_t d = nmi_days_from_civil(f.year, f.month, f.day) + 1;
            if (f.day >= 1 && f.day <= days_in_month(f.year, f.month))
                civil_from_days(d, &out->year, &out->month, &out->day);
        }
    }
    bool ok = valid(out);
    if (ok && out->precision >= NEWSMETA_PRECISION_HOUR) {
        /* 3. The zone after the time (after its am/pm marker). */
        int z = f.tlast + 1;
        while (z < ntok && t[z].used && z <= f.tlast + 2)
            z++;
        read_zone(rd, z, out);
    }
    return ok;
}

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
    UCalendar *cal = open_calendar(UTC, "en_US_POSIX", &st);
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

/* ISO 8601 / RFC 3339: 2019-11-19[T| ]08:03[:00[.123]][Z|+01:00|+0100|+01| UTC],
 * 20191119T080300Z, 2019-W47-2, 2019-323. *rest points after what was read. */
static bool parse_iso(const char *s, nmi_time *t, const char **rest)
{
    memset(t, 0, sizeof *t);
    while (*s == ' ')
        s++;
    if (!digits(s, 4, &t->year))
        return false;
    t->precision = NEWSMETA_PRECISION_YEAR;
    const char *p = s + 4;
    bool basic = false;
    int v;
    if (*p >= '0' && *p <= '9') {
        /* basic format: 20191119[T080300[Z]] */
        if (!digits(p, 4, &v) || (p[4] >= '0' && p[4] <= '9'))
            return false;
        t->month = v / 100;
        t->day = v % 100;
        t->precision = NEWSMETA_PRECISION_DAY;
        p += 4;
        basic = true;
        if (*p != 'T')
            goto done;
    } else if (*p == '-' && (p[1] == 'W' || p[1] == 'w')) {
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
    if (t->precision == NEWSMETA_PRECISION_DAY &&
        (*p == 'T' || *p == 't' || ((*p == ' ' || *p == '_') && p[1] >= '0' && p[1] <= '9' &&
                                    p[2] >= '0' && p[2] <= '9' && p[3] == ':'))) {
        const char *q = p + 1;
        if (!digits(q, 2, &t->hour))
            goto done;
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
        p = q;
        if (t->hour == 24 && !t->minute && !t->second) {
            t->hour = 0;
            int64_t d = nmi_days_from_civil(t->year, t->month, t->day) + 1;
            if (t->day >= 1 && t->month >= 1 && t->month <= 12 &&
                t->day <= days_in_month(t->year, t->month))
                civil_from_days(d, &t->year, &t->month, &t->day);
        }
        const char *z = p;
        while (*z == ' ')
            z++;
        if ((*z == 'Z' || *z == 'z') && !((z[1] | 32) >= 'a' && (z[1] | 32) <= 'z')) {
            t->offset_known = true;
            t->offset_minutes = 0;
            set_zone_text(t, "Z");
            p = z + 1;
        } else {
            size_t k = parse_offset(z, &t->offset_minutes);
            if (!k && (*z == '+' || *z == '-') && z[1] >= '0' && z[1] <= '9' &&
                !(z[2] >= '0' && z[2] <= '9')) {
                /* +5 */
                t->offset_minutes = (*z == '-' ? -1 : 1) * (z[1] - '0') * 60;
                k = 2;
            }
            if (k) {
                t->offset_known = true;
                p = z + k;
            }
        }
    }
    (void)basic;
done:
    *rest = p;
    return true;
}

/* "@1574101047" (seconds) or "@1574101047123" (milliseconds): harvest.c's
 * form of a Unix timestamp. */
static bool parse_epoch(const char *s, nmi_time *t)
{
    if (*s != '@')
        return false;
    size_t n = strspn(s + 1, "0123456789");
    if ((n != 10 && n != 13) || s[1 + n] != '\0')
        return false;
    int64_t v = 0;
    for (size_t i = 1; i <= n; i++)
        v = v * 10 + (s[i] - '0');
    if (n == 13)
        v /= 1000;
    memset(t, 0, sizeof *t);
    t->precision = NEWSMETA_PRECISION_SECOND;
    nmi_time_set_instant(t, v, 0);
    set_zone_text(t, "Z");
    t->epoch = true;
    return valid(t);
}

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
    if (parse_epoch(s, &t)) {
        *out = t;
        return true;
    }
    const char *rest = NULL;
    if (parse_iso(s, &t, &rest) && valid(&t)) {
        if (only_space(rest) || t.offset_known) {
            *out = t;
            return true;
        }
        /* text after the ISO part: a zone name ("2019-11-19 02:24:00 UTC",
         * "2019-11-19 08:03 ET"), a time the strict form does not read
         * ("2018-08-25 15:24 ]"), or a textual date after a bare year */
        nmi_time x;
        if (parse_text(s, h, &x) &&
            (t.precision < NEWSMETA_PRECISION_DAY ||
             (x.year == t.year && x.month == t.month && x.day == t.day &&
              x.precision >= t.precision))) {
            *out = x;
            return true;
        }
        *out = t;
        return true;
    }
    if (!parse_text(s, h, &t))
        return false;
    *out = t;
    return true;
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
        if (y >= 1990 && y <= 2100 && valid(out))
            return true;
    }
    return false;
}

/* ---- labels ----------------------------------------------------------------- */

/* Words that introduce a date on a page, by language. */
static const char *const PUBLISHED_LABELS[] = {
    "first published", "published on", "published at", "published", "posted on", "posted at",
    "posted", "date published", "publication date", "release date", "released", "created",
    "ver\xC3\xB6" "ffentlicht am", "ver\xC3\xB6" "ffentlicht", "publiziert am", "publiziert",
    "erschienen am", "erstellt am", "datum", "publi\xC3\xA9 le", "publi\xC3\xA9", "paru le",
    "publicado el", "publicado em", "publicado", "publicada", "fecha de publicaci\xC3\xB3n",
    "pubblicato il", "pubblicato", "postado em", "gepubliceerd op", "gepubliceerd",
    "\xD0\xBE\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD"
    "\xD0\xBE", /* опубликовано */
    "\xD0\xB4\xD0\xB0\xD1\x82\xD0\xB0 \xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xB0"
    "\xD1\x86\xD0\xB8\xD0\xB8", /* дата публикации */
    "opublikowano", "yay\xC4\xB1nlanma tarihi", "yay\xC4\xB1nlanma", "publicerad",
    "\xE5\x85\xAC\xE9\x96\x8B\xE6\x97\xA5", /* 公開日 */
    "\xE6\x8A\x95\xE7\xA8\xBF\xE6\x97\xA5", /* 投稿日 */
    "\xE9\x85\x8D\xE4\xBF\xA1", /* 配信 */
    "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4", /* 发布时间 */
    "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xA5\xE6\x9C\x9F", /* 发布日期 */
    "\xE7\x99\xBC\xE5\xB8\x83\xE6\x99\x82\xE9\x96\x93", /* 發布時間 */
    "\xEA\xB8\xB0\xEC\x82\xAC\xEC\x9E\x85\xEB\xA0\xA5", /* 기사입력 */
    "\xEC\x9E\x85\xEB\xA0\xA5", /* 입력 */
    "\xEB\x93\xB1\xEB\xA1\x9D", /* 등록 */
    "\xD9\x86\xD8\xB4\xD8\xB1 \xD9\x81\xD9\x8A", /* نشر في */
    "\xD8\xAA\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xAE \xD8\xA7\xD9\x84\xD9\x86\xD8\xB4\xD8\xB1", /* تاريخ النشر */
    "\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\x95\xE0\xA4\xBE\xE0\xA4\xB6\xE0\xA4\xBF\xE0\xA4\xA4", /* प्रकाशित */
    "diterbitkan", "dipublikasikan", NULL};

static const char *const UPDATED_LABELS[] = {
    "last updated on", "last updated", "last modified", "updated on", "updated at", "updated",
    "modified", "revised", "aktualisiert am", "aktualisiert", "zuletzt aktualisiert", "stand",
    "mis \xC3\xA0 jour le", "mis \xC3\xA0 jour", "modifi\xC3\xA9 le", "actualizado el",
    "actualizado", "atualizado em", "atualizado", "aggiornato il", "aggiornato", "bijgewerkt op",
    "bijgewerkt",
    "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE", /* обновлено */
    "aktualizacja", "g\xC3\xBC" "ncelleme", "uppdaterad",
    "\xE6\x9B\xB4\xE6\x96\xB0\xE6\x97\xA5", /* 更新日 */
    "\xE6\x9B\xB4\xE6\x96\xB0\xE6\x97\xB6\xE9\x97\xB4", /* 更新时间 */
    "\xEC\x88\x98\xEC\xA0\x95", /* 수정 */
    "\xD8\xA2\xD8\xAE\xD8\xB1 \xD8\xAA\xD8\xAD\xD8\xAF\xD9\x8A\xD8\xAB", /* آخر تحديث */
    "\xE0\xA4\x85\xE0\xA4\xAA\xE0\xA4\xA1\xE0\xA5\x87\xE0\xA4\x9F", /* अपडेट */
    "diperbarui", NULL};

/* Does s start with the label (ASCII case ignored), ending at a word
 * boundary? */
static size_t starts_label(const char *s, const char *label)
{
    size_t n = 0; /* no strlen: most labels differ at the first byte */
    for (; label[n]; n++) {
        unsigned char a = (unsigned char)s[n], b = (unsigned char)label[n];
        if (!a)
            return 0;
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (a != b)
            return 0;
    }
    unsigned char c = (unsigned char)s[n];
    if ((c | 32) >= 'a' && (c | 32) <= 'z')
        return 0;
    /* non-ASCII labels (CJK) need no boundary; Latin ones do not end
     * inside a word such as "publishedness" */
    if (c >= 0x80 && (unsigned char)label[n - 1] < 0x80)
        return 0;
    return n;
}

size_t nmi_date_label(const char *s, bool *updated)
{
    const char *p = s;
    while (*p == ' ' || *p == '|' || *p == '-' || *p == '(' || *p == '[')
        p++;
    /* labels are lower case: compare the first byte before anything else
     * (this runs for every text node of the page) */
    char c0 = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    for (int pass = 0; pass < 2; pass++) {
        const char *const *list = pass == 0 ? UPDATED_LABELS : PUBLISHED_LABELS;
        for (const char *const *l = list; *l; l++) {
            if ((*l)[0] != c0)
                continue;
            size_t n = starts_label(p, *l);
            if (!n)
                continue;
            const char *e = p + n;
            while (*e == ' ' || *e == ':' || *e == '\xC2' || *e == '\xA0' || *e == '-' ||
                   *e == '[' || *e == '(' || *e == ',')
                e++;
            if (updated)
                *updated = pass == 0;
            return (size_t)(e - s);
        }
    }
    return 0;
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
