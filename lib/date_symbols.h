/* The names of dates in many locales (month, weekday and am/pm names,
 * ordinal and CJK suffixes, the order of numeric dates), as read from
 * ICU's locale data. The table is read from ICU when the library is built
 * (tools/gen_date_table.c writes it, as C, into the build tree), so no
 * process pays for reading 29 locales of ICU data (15 ms) at its first
 * date; date_lex.c only looks names up in it.
 *
 * Shared by the library (date_lex.c, date_symbols.c) and the generator. */
#ifndef NEWSMETA_DATE_SYMBOLS_H
#define NEWSMETA_DATE_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/utypes.h>

/* A folded name (month, weekday, am/pm, suffix) longer than this is not
 * kept: no locale's names come near it. */
#define NMI_KEY_MAX 24

/* Locales whose names are read (date_symbols.c). The page's language
 * comes first when names clash ("mar" is March in English, Tuesday in
 * Spanish); English is next. */
#define NMI_NLOCALES 29
extern const char *const nmi_date_locales[NMI_NLOCALES];

enum sym_kind {
    SK_MONTH = 1,   /* value 1..12 */
    SK_WEEKDAY,     /* value 1..7, Monday first */
    SK_AMPM,        /* value 0 am, 1 pm */
    SK_ORDINAL,     /* a suffix after a day number: "st", "er", "º" */
    SK_YEAR_SUF,    /* 年, 년 */
    SK_MONTH_SUF,   /* 月, 월 */
    SK_DAY_SUF,     /* 日, 일 */
    SK_HOUR_SUF,    /* 時, 시 */
    SK_MIN_SUF,     /* 分, 분 */
    SK_SEC_SUF      /* 秒, 초 */
};

typedef struct sym {
    UChar key[NMI_KEY_MAX];
    uint8_t len;
    uint8_t kind;
    uint8_t value;
    uint8_t loc;  /* index into LOCALES */
    bool wide;    /* a full name, safe to match on a page of any language */
} sym;

typedef struct loc_info {
    char order[4];   /* field order of the short numeric date: "MDY", "DMY", "YMD" */
    bool ampm_first; /* the am/pm marker comes before the hour (오후 3:20) */
    bool dot_time;   /* the hour and minute are parted by '.' (19.30) */
} loc_info;

/* The table (generated: build tree, date_table.c): symbols sorted by key,
 * then by locale; one loc_info per locale of nmi_date_locales. */
extern const sym nmi_date_syms[];
extern const size_t nmi_date_nsyms;
extern const loc_info nmi_date_locs[NMI_NLOCALES];

/* The key of a name: case-folded, accents and other combining marks
 * removed, dots, spaces and the Devanagari abbreviation sign dropped
 * ("Févr." -> "fevr", "a. m." -> "am", "EKİM" -> "ekim"). Returns the
 * length, 0 when the key does not fit NMI_KEY_MAX. */
int32_t nmi_date_key(const UChar *s, int32_t n, UChar *key);
/* Order of two keys (shorter first on a common prefix). */
int nmi_date_key_cmp(const UChar *a, int al, const UChar *b, int bl);

#endif
