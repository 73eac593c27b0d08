/* Zones through ICU: the offset of an IANA zone at a date, and what a
 * zone abbreviation stands for on a page.
 *
 * Abbreviations are resolved in the locales of the page's language and
 * country first ("IST" is India on an en-IN page and Ireland on an en-IE
 * one), with the offset of the date in question: ICU applies standard or
 * daylight time as the name says ("EST" in July is still -05:00) and the
 * date's own for generic names ("ET"). Short tables stand in for ICU's
 * names where asking ICU costs too much (its first parse in a locale loads
 * all of that locale's zone names), and name the IANA zone of the
 * abbreviations ICU's English data lacks (MSK, KST, ...); their offsets
 * come from ICU too. tests/test_dates.c checks the tables against ICU. */
#include <stdio.h>
#include <string.h>

#include <unicode/udat.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "date_parse.h"

/* ---- IANA zones ------------------------------------------------------------ */

/* Milliseconds of a wall time read as if it were UTC. */
static double wall_millis(const nmi_time *t)
{
    return (double)(nmi_days_from_civil(t->year, t->month, t->day > 0 ? t->day : 1) * 86400 +
                    t->hour * 3600 + t->minute * 60 + t->second) *
           1000.0;
}

/* The offset (minutes east) at which the wall time of t is the instant
 * at (milliseconds); false when out of range. */
static bool offset_of_wall(const nmi_time *t, double at, int *offset)
{
    double diff = wall_millis(t) - at;
    *offset = (int)(diff / 60000.0 + (diff >= 0 ? 0.5 : -0.5));
    return *offset >= -18 * 60 && *offset <= 18 * 60;
}

static bool to_uchars(const char *s, UChar *out, int32_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(out, cap, &n, s, -1, &st);
    return U_SUCCESS(st) && n < cap;
}

UCalendar *nmi_date_calendar(const UChar *zid, const char *loc, UErrorCode *st)
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
    UCalendar *cal = nmi_date_calendar(zid, "en_US_POSIX", st);
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
    return offset_of_wall(t, at, offset);
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
        nmi_time_set_zone(t, label);
    if (iana)
        nmi_date_copy_str(t->iana, sizeof t->iana, iana);
    return true;
}

/* ---- abbreviations --------------------------------------------------------- */

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
    UCalendar *cal = nmi_date_calendar(UTC, loc, &st);
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
            ok = offset_of_wall(t, at, offset);
            iana[0] = '\0';
            if (zl > 0 && zl < 64 && u_strncmp(zid, UTC, 3) != 0) {
                char z[64];
                u_austrncpy(z, zid, 63);
                z[63] = '\0';
                if (strncmp(z, "Etc/", 4) && strncmp(z, "GMT", 3))
                    nmi_date_copy_str(iana, icap, z);
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
            nmi_date_copy_str(iana, icap, ZONE_NAMES[i].iana);
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
        nmi_date_copy_str(iana, icap, SPECIFIC_ZONES[i].iana);
        return SPECIFIC_ZONES[i].kind;
    }
    return 0;
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

#define NZONE_LOCALES (sizeof ZONE_LOCALES / sizeof *ZONE_LOCALES)
/* Locales of the page's own tried for a name (language and English in
 * each of its countries). */
#define MAX_PAGE_LOCALES 8

/* The locales whose names an abbreviation is looked up in: the page's own
 * (its language and English in each of its countries, where ICU has data
 * of their own), then ZONE_LOCALES. Returns their number; *npage tells how
 * many are the page's. */
static size_t zone_locales(const nmi_date_hints *h, char locs[][16], size_t *npage)
{
    size_t nl = 0;
    for (int r = 0; h && r < h->nregions; r++) {
        char loc[16];
        for (int k = 0; k < 2; k++) {
            if (k == 0 && !h->lang[0])
                continue;
            if (k == 1 && !strcmp(h->lang, "en"))
                continue;
            snprintf(loc, sizeof loc, "%s_%s", k == 0 ? h->lang : "en", h->regions[r]);
            if (real_locale(loc) && nl < MAX_PAGE_LOCALES)
                memcpy(locs[nl++], loc, sizeof loc);
        }
    }
    *npage = nl;
    for (size_t l = 0; l < NZONE_LOCALES; l++)
        nmi_date_copy_str(locs[nl++], 16, ZONE_LOCALES[l]);
    return nl;
}

/* abbr (a8 in UTF-8) as a specific name (EST, IST) of the first of nloc
 * locales that has it: SPECIFIC_ZONES for the locales it covers, ICU's
 * names for the others. *kind gets what the name says (1 standard, 2
 * daylight time; 0 when ICU gave no zone). */
static bool specific_name(const char *a8, const UChar *abbr, int32_t alen, char locs[][16],
                          size_t nloc, const nmi_time *t, int *offset, char *iana, size_t icap,
                          int *kind)
{
    for (size_t l = 0; l < nloc; l++) {
        int k = specific_zone(locs[l], a8, t, offset, iana, icap);
        if (k) {
            *kind = k;
            return true;
        }
        if (specific_zones_cover(locs[l]))
            continue; /* the table has all of this locale's names */
        if (icu_zone_name(locs[l], abbr, alen, t, offset, iana, icap)) {
            *kind = parsed_kind(iana, 'z', t, *offset);
            return true;
        }
    }
    return false;
}

/* ICU's generic short names (ET, PT, AET), from GENERIC_ZONES: an ICU
 * parse of one loads every location name of the locale (~10 ms per page). */
static bool generic_name(const char *a8, const nmi_time *t, int *offset, char *iana,
                         size_t icap)
{
    for (size_t g = 0; g < sizeof GENERIC_ZONES / sizeof *GENERIC_ZONES; g++)
        if (!strcmp(GENERIC_ZONES[g].abbr, a8) &&
            nmi_zone_offset(GENERIC_ZONES[g].iana, t, offset)) {
            nmi_date_copy_str(iana, icap, GENERIC_ZONES[g].iana);
            return true;
        }
    return false;
}

/* An abbreviation (a8 in UTF-8, abbr in UTF-16) asked of the tables and
 * ICU, in this order: what it means in the page's country, ICU's specific
 * names in the page's locales and the English-speaking ones, the generic
 * names, then the names ICU's English data lacks. *kind as for
 * nmi_zone_memo. */
static bool resolve_abbr(const char *a8, const UChar *abbr, int32_t alen,
                         const nmi_date_hints *h, const nmi_time *t, int *offset, char *iana,
                         size_t icap, int *kind)
{
    *kind = 0;
    /* 1. what the name means in the page's country, where it differs
     *    from its English meaning (CST in China, PST in the Philippines) */
    for (int r = 0; h && r < h->nregions; r++)
        if (table_zone(a8, h->regions[r], false, t, offset, iana, icap))
            return true;
    /* 2. ICU's names in the page's own locales, then in the English-
     *    speaking ones: specific names (EST, IST) first, then the generic
     *    ones (ET, PT), which cost ICU much more to look up */
    char locs[MAX_PAGE_LOCALES + NZONE_LOCALES][16];
    size_t npage, nl = zone_locales(h, locs, &npage);
    /* names none of the English locales has (asking would load each
     * locale's zone names only to fail) go straight to the table */
    bool english_lacks = false;
    for (size_t k = 0; k < sizeof ICU_ENGLISH_LACKS / sizeof *ICU_ENGLISH_LACKS; k++)
        english_lacks |= !strcmp(a8, ICU_ENGLISH_LACKS[k]);
    /* two-letter names are only generic ones */
    if (alen > 2 && specific_name(a8, abbr, alen, locs, english_lacks ? npage : nl, t, offset,
                                  iana, icap, kind))
        return true;
    bool generic = (alen == 2 || alen == 3) && abbr[alen - 1] == 'T' && abbr[alen - 2] != 'S' &&
                   abbr[alen - 2] != 'D';
    if (generic && generic_name(a8, t, offset, iana, icap))
        return true;
    /* 3. the names ICU's English data lacks (MSK, KST, WIB) */
    return table_zone(a8, "", true, t, offset, iana, icap);
}

bool nmi_zone_abbr(const UChar *abbr, int32_t alen, nmi_date_hints *h, const nmi_time *t,
                   int *offset, char *iana, size_t icap)
{
    char a8[16];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n8 = 0;
    u_strToUTF8(a8, sizeof a8 - 1, &n8, abbr, alen, &st);
    if (U_FAILURE(st) || alen < 1 || alen > 6 || n8 >= (int32_t)sizeof a8)
        return false;
    a8[n8] = '\0';
    /* abbreviations already resolved on this page */
    for (int i = 0; h && i < h->nmemo; i++) {
        const nmi_zone_memo *m = &h->memo[i];
        if (strcmp(m->abbr, a8))
            continue;
        if (!m->iana[0] || !kind_offset(m->iana, m->kind, t, offset))
            return false;
        nmi_date_copy_str(iana, icap, m->iana);
        return true;
    }
    int kind = 0;
    bool ok = resolve_abbr(a8, abbr, alen, h, t, offset, iana, icap, &kind);
    if (h && h->nmemo < (int)(sizeof h->memo / sizeof *h->memo) && (!ok || iana[0])) {
        nmi_zone_memo *m = &h->memo[h->nmemo++];
        nmi_date_copy_str(m->abbr, sizeof m->abbr, a8);
        nmi_date_copy_str(m->iana, sizeof m->iana, ok ? iana : "");
        m->kind = kind;
    }
    return ok;
}
