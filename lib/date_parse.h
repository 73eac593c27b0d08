/* Declarations shared by the date files only; what other stages use is in
 * internal.h's date section.
 *
 *   date.c       the entry: nmi_parse_date*, page hints, date labels, the
 *                public timestamp
 *   date_calendar.c  calendar and instant arithmetic, the present moment;
 *                used by all the others, uses none of them
 *   date_iso.c   machine formats: ISO 8601 / RFC 3339, Unix timestamps,
 *                dates in URL paths
 *   date_lex.c   a date text as tokens, and what its words mean in which
 *                locale (the generated name table, date_symbols.h)
 *   date_text.c  everything else, from the tokens: RFC 2822, JavaScript
 *                Date strings, textual and numeric dates in many languages,
 *                their times and printed zones
 *   date_zone.c  zones through ICU: IANA ids, offsets at a date, and what
 *                an abbreviation stands for on a page
 */
#ifndef NEWSMETA_DATE_PARSE_H
#define NEWSMETA_DATE_PARSE_H

#include <unicode/ucal.h>

#include "date_symbols.h"
#include "internal.h"

/* A date text longer than this (in UTF-16 units) is read up to here: a
 * date is never further into its element's text. */
#define NMI_DATE_MAX_UNITS 320
/* Tokens read from one text. */
#define NMI_DATE_MAX_TOKENS 96

/* ---- date_calendar.c: calendar arithmetic and helpers ------------------------------- */

/* The civil date of a day count since 1970-01-01 (nmi_days_from_civil's
 * inverse). */
void nmi_civil_from_days(int64_t z, int *y, int *m, int *d);
/* Days in month m of year y; 0 for a month out of 1..12. */
int nmi_days_in_month(int y, int m);
/* 1 = Monday ... 7 = Sunday */
int nmi_weekday_of(int y, int m, int d);
/* A year of four digits, fields in range for t's precision, a sane offset. */
bool nmi_time_valid(const nmi_time *t);
/* 24:00 is the end of the day: 00:00 of the next one (t->hour is 24). */
void nmi_time_end_of_day(nmi_time *t);
/* Copy with truncation to cap bytes (zone names are short; an over-long
 * one is cut). */
void nmi_date_copy_str(char *dst, size_t cap, const char *src);
/* t->zone = z, truncated. */
void nmi_time_set_zone(nmi_time *t, const char *z);
/* The parse's clock, Unix seconds: the hints' (options.now), else the
 * system clock (hints made without a parse: h NULL or now 0). */
int64_t nmi_date_now(const nmi_date_hints *h);

/* ---- date_iso.c --------------------------------------------------------- */

/* ISO 8601 / RFC 3339 at the start of s (leading spaces skipped): what was
 * read in *t, *rest after it. False when s does not start with one. The
 * result still wants nmi_time_valid(). */
bool nmi_date_parse_iso(const char *s, nmi_time *t, const char **rest);

/* ---- date_zone.c -------------------------------------------------------- */

/* A calendar of the zone that is Gregorian all the way back, as the civil
 * arithmetic here is (ICU switches to the Julian calendar before 1582),
 * cleared; NULL on failure. Close it with ucal_close(). */
UCalendar *nmi_date_calendar(const UChar *zid, const char *loc, UErrorCode *st);
/* A zone abbreviation ("IST", "ET", "CEST", "МСК", UTF-16, alen units) at
 * t's wall time on the page of h (may be NULL): its offset and IANA zone
 * ("" when none is known). Remembered in h for the rest of the page. */
bool nmi_zone_abbr(const UChar *abbr, int32_t alen, nmi_date_hints *h, const nmi_time *t,
                   int *offset, char *iana, size_t icap);

/* ---- date_lex.c ---------------------------------------------------------- */

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

/* A date text being read: its tokens, the page's hints, and the locales
 * whose names come first (page's country and language, English). */
typedef struct reader {
    lexer lx;
    nmi_date_hints *h;
    int prio[4];
    int nprio;
    const loc_info *li; /* the page's locale, for numeric order */
} reader;

/* The bit of a symbol kind, for nmi_date_lookup's kinds. */
#define K(k) (1u << (k))

/* Fill rd from UTF-8 s (cut at NMI_DATE_MAX_UNITS) and the page's hints
 * (may be NULL): the tokens and the locale priorities. False when s is not
 * text ICU can convert. */
bool nmi_date_reader_init(reader *rd, const char *s, nmi_date_hints *h);
/* The reading of a word token: its best symbol of the kinds wanted, by
 * locale priority; NULL for none. */
const sym *nmi_date_lookup(const tok *t, const int *prio, int nprio, unsigned kinds);

/* ---- date_text.c ---------------------------------------------------------- */

/* A date with a month name or numeric fields, its time and zone, read
 * from tokens (RFC 2822, textual dates in many languages). */
bool nmi_date_parse_text(const char *s, nmi_date_hints *h, nmi_time *out);
/* The same, true only when the date (with its time and zone) is all the
 * text says but for a weekday and words parted by a separator. */
bool nmi_date_parse_text_alone(const char *s, nmi_date_hints *h, nmi_time *out);

#endif
