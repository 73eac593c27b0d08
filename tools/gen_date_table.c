/* Writes the date-name table (lib/date_symbols.h) as C: ICU's names of
 * months, weekdays and am/pm, the ordinal and CJK suffixes and the order
 * of numeric dates for each locale of nmi_date_locales, sorted by key. Run
 * by the build (CMakeLists.txt) with the output file as its argument; a
 * build tool, not part of the library (it shares lib/date_symbols.c with
 * it, so both fold names into keys alike).
 *
 * usage: gen_date_table OUTPUT.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uclean.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "date_symbols.h"

#define NMI_MAX_SYMS (NMI_NLOCALES * 110)

/* The table being read, filled one locale after the other. */
typedef struct table {
    sym syms[NMI_MAX_SYMS];
    size_t nsyms;
    loc_info locs[NMI_NLOCALES];
} table;

/* A pattern or a name read from ICU, in UTF-16 units. */
#define BUF_UNITS 128

static void add_sym(table *tb, const UChar *s, int32_t n, int kind, int value, int loc,
                    bool wide)
{
    if (tb->nsyms >= NMI_MAX_SYMS)
        return;
    sym *e = &tb->syms[tb->nsyms];
    int32_t k = nmi_date_key(s, n, e->key);
    if (k <= 0)
        return;
    /* the same name twice for a locale (format and stand-alone forms) */
    for (size_t i = tb->nsyms; i-- > 0 && tb->syms[i].loc == loc;) {
        const sym *o = &tb->syms[i];
        if (o->kind == kind && o->value == value && !nmi_date_key_cmp(o->key, o->len, e->key, k)) {
            if (wide)
                tb->syms[i].wide = true;
            return;
        }
    }
    e->len = (uint8_t)k;
    e->kind = (uint8_t)kind;
    e->value = (uint8_t)value;
    e->loc = (uint8_t)loc;
    e->wide = wide;
    tb->nsyms++;
}

/* The literal letters right after a field in a pattern ("y年M月d日": after
 * 'y' comes "年"), as a suffix symbol. */
static void pattern_suffix(table *tb, const UChar *pat, int32_t n, UChar field, int kind,
                           int loc)
{
    for (int32_t i = 0; i < n; i++) {
        if (pat[i] == '\'') { /* skip quoted literals */
            for (i++; i < n && pat[i] != '\''; i++)
                ;
            continue;
        }
        if (pat[i] != field)
            continue;
        int32_t j = i;
        while (j < n && pat[j] == field)
            j++;
        int32_t k = j;
        while (k < n && u_isalpha(pat[k]) && !(pat[k] < 0x80))
            k++;
        if (k > j)
            add_sym(tb, pat + j, k - j, kind, 0, loc, true);
        return;
    }
}

/* The pattern of a locale's date or time style into buf (BUF_UNITS): its
 * length, or -1. */
static int32_t style_pattern(const char *loc, UDateFormatStyle time, UDateFormatStyle date,
                             UChar *buf)
{
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(time, date, loc, NULL, 0, NULL, 0, &st);
    if (U_FAILURE(st))
        return -1;
    int32_t n = udat_toPattern(f, false, buf, BUF_UNITS, &st);
    udat_close(f);
    return U_SUCCESS(st) && n < BUF_UNITS ? n : -1;
}

/* Month and weekday names (wide and short, format and stand-alone) and
 * the am/pm markers of the formatter's locale. Months that are numbers
 * with a suffix ("11月", "11월") give the suffix. */
static void load_names(table *tb, const UDateFormat *f, int li)
{
    static const struct {
        UDateFormatSymbolType type;
        bool wide;
    } MONTHS[] = {{UDAT_MONTHS, true},
                  {UDAT_STANDALONE_MONTHS, true},
                  {UDAT_SHORT_MONTHS, false},
                  {UDAT_STANDALONE_SHORT_MONTHS, false}},
      DAYS[] = {{UDAT_WEEKDAYS, true},
                {UDAT_STANDALONE_WEEKDAYS, true},
                {UDAT_SHORT_WEEKDAYS, false},
                {UDAT_STANDALONE_SHORT_WEEKDAYS, false}};
    UChar buf[BUF_UNITS];
    UErrorCode st;
    for (size_t t = 0; t < 4; t++) {
        for (int m = 0; m < 12; m++) {
            st = U_ZERO_ERROR;
            int32_t n = udat_getSymbols(f, MONTHS[t].type, m, buf, BUF_UNITS, &st);
            if (U_FAILURE(st) || n <= 0 || n >= BUF_UNITS)
                continue;
            int32_t d = 0;
            while (d < n && u_isdigit(buf[d]))
                d++;
            if (d > 0)
                add_sym(tb, buf + d, n - d, SK_MONTH_SUF, 0, li, true);
            else
                add_sym(tb, buf, n, SK_MONTH, m + 1, li, MONTHS[t].wide);
        }
        for (int w = 1; w <= 7; w++) {
            st = U_ZERO_ERROR;
            int32_t n = udat_getSymbols(f, DAYS[t].type, w, buf, BUF_UNITS, &st);
            if (U_SUCCESS(st) && n > 0 && n < BUF_UNITS)
                add_sym(tb, buf, n, SK_WEEKDAY, w == 1 ? 7 : w - 1, li, DAYS[t].wide);
        }
    }
    for (int a = 0; a < 2; a++) {
        st = U_ZERO_ERROR;
        int32_t n = udat_getSymbols(f, UDAT_AM_PMS, a, buf, BUF_UNITS, &st);
        if (U_SUCCESS(st) && n > 0 && n < BUF_UNITS)
            add_sym(tb, buf, n, SK_AMPM, a, li, false);
    }
}

/* The order of the fields of the short numeric date pattern ("M/d/yy" ->
 * "MDY"); "MDY" when the pattern lacks one. */
static void numeric_order(const UDateFormat *f, loc_info *info)
{
    UChar buf[BUF_UNITS];
    UErrorCode st = U_ZERO_ERROR;
    strcpy(info->order, "MDY");
    int32_t n = udat_toPattern(f, false, buf, BUF_UNITS, &st);
    if (U_FAILURE(st) || n >= BUF_UNITS)
        return;
    int k = 0;
    bool seen[3] = {false, false, false};
    char order[4] = {0};
    for (int32_t i = 0; i < n && k < 3; i++) {
        int which = buf[i] == 'd' ? 0 : buf[i] == 'M' ? 1 : buf[i] == 'y' ? 2 : -1;
        if (which < 0 || seen[which])
            continue;
        seen[which] = true;
        order[k++] = "DMY"[which];
    }
    if (k == 3)
        memcpy(info->order, order, 4);
}

/* Hour/minute/second suffixes (H時mm分ss秒), the hour separator (19.30)
 * and the place of the am/pm marker, from the full time pattern. Returns
 * whether the pattern placed the marker. */
static bool time_pattern(table *tb, const char *loc, int li)
{
    UChar buf[BUF_UNITS];
    int32_t n = style_pattern(loc, UDAT_FULL, UDAT_NONE, buf);
    if (n < 0)
        return false;
    loc_info *info = &tb->locs[li];
    pattern_suffix(tb, buf, n, 'H', SK_HOUR_SUF, li);
    pattern_suffix(tb, buf, n, 'h', SK_HOUR_SUF, li);
    pattern_suffix(tb, buf, n, 'm', SK_MIN_SUF, li);
    pattern_suffix(tb, buf, n, 's', SK_SEC_SUF, li);
    int a = -1, hr = -1;
    for (int32_t i = 0; i < n; i++) {
        if (buf[i] == 'a' && a < 0)
            a = i;
        if ((buf[i] == 'h' || buf[i] == 'K' || buf[i] == 'H') && hr < 0) {
            hr = i;
            int32_t e = i;
            while (e < n && buf[e] == buf[i])
                e++;
            info->dot_time = e < n && buf[e] == '.';
        }
    }
    if (a < 0 || hr < 0)
        return false;
    info->ampm_first = a < hr;
    return true;
}

/* A 24-hour locale with am/pm markers of its own script (午後, 下午):
 * where its 12-hour pattern (skeleton "hm") puts them. */
static void ampm_place_24h(table *tb, const char *loc, int li)
{
    bool own_script = false;
    for (size_t i = tb->nsyms; i-- > 0 && tb->syms[i].loc == li;)
        if (tb->syms[i].kind == SK_AMPM && tb->syms[i].key[0] >= 0x250)
            own_script = true;
    if (!own_script)
        return;
    UErrorCode st = U_ZERO_ERROR;
    UDateTimePatternGenerator *g = udatpg_open(loc, &st);
    if (U_FAILURE(st))
        return;
    static const UChar SK_HM[] = {'h', 'm', 0};
    UChar buf[BUF_UNITS];
    int32_t n = udatpg_getBestPattern(g, SK_HM, -1, buf, BUF_UNITS, &st);
    if (U_SUCCESS(st) && n < BUF_UNITS) {
        int a = -1, hr = -1;
        for (int32_t i = 0; i < n; i++) {
            if (buf[i] == 'a' && a < 0)
                a = i;
            if ((buf[i] == 'h' || buf[i] == 'K') && hr < 0)
                hr = i;
        }
        tb->locs[li].ampm_first = a >= 0 && hr >= 0 && a < hr;
    }
    udatpg_close(g);
}

/* Ordinal suffixes: ICU's ordinal format of 1..31 without its digits
 * ("1st" -> "st", "1er" -> "er"). */
static void ordinal_suffixes(table *tb, const char *loc, int li)
{
    UErrorCode st = U_ZERO_ERROR;
    UNumberFormat *nf = unum_open(UNUM_ORDINAL, NULL, 0, loc, NULL, &st);
    if (U_SUCCESS(st) || st == U_USING_DEFAULT_WARNING || st == U_USING_FALLBACK_WARNING) {
        UChar buf[BUF_UNITS];
        for (int d = 1; d <= 31; d++) {
            st = U_ZERO_ERROR;
            int32_t n = unum_format(nf, d, buf, BUF_UNITS, NULL, &st);
            if (U_FAILURE(st) || n >= BUF_UNITS || n == 0 || !u_isdigit(buf[0]))
                continue;
            int32_t k = 0;
            while (k < n && (u_isdigit(buf[k]) || buf[k] == '.'))
                k++;
            if (k < n && u_isalpha(buf[k]))
                add_sym(tb, buf + k, n - k, SK_ORDINAL, 0, li, false);
        }
    }
    unum_close(nf);
}

static void load_locale(table *tb, int li)
{
    const char *loc = nmi_date_locales[li];
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_NONE, UDAT_SHORT, loc, NULL, 0, NULL, 0, &st);
    if (U_FAILURE(st))
        return;
    load_names(tb, f, li);
    numeric_order(f, &tb->locs[li]);
    udat_close(f);
    /* CJK year and day suffixes from the long date pattern (y年M月d日) */
    UChar buf[BUF_UNITS];
    int32_t n = style_pattern(loc, UDAT_NONE, UDAT_LONG, buf);
    if (n >= 0) {
        pattern_suffix(tb, buf, n, 'y', SK_YEAR_SUF, li);
        pattern_suffix(tb, buf, n, 'd', SK_DAY_SUF, li);
    }
    if (!time_pattern(tb, loc, li))
        ampm_place_24h(tb, loc, li);
    ordinal_suffixes(tb, loc, li);
}

static int sym_order(const void *a, const void *b)
{
    const sym *x = a, *y = b;
    int c = nmi_date_key_cmp(x->key, x->len, y->key, y->len);
    return c ? c : (int)x->loc - (int)y->loc;
}

static void print_key(FILE *out, const sym *s)
{
    fputc('{', out);
    for (int i = 0; i < s->len; i++)
        fprintf(out, "%s0x%04X", i ? ", " : "", (unsigned)s->key[i]);
    fputc('}', out);
}

static bool write_table(const table *tb, const char *path)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return false;
    }
    fprintf(out, "/* Generated by tools/gen_date_table.c from ICU %s: do not edit. */\n"
                 "#include \"date_symbols.h\"\n\n"
                 "const sym nmi_date_syms[] = {\n", U_ICU_VERSION);
    for (size_t i = 0; i < tb->nsyms; i++) {
        const sym *s = &tb->syms[i];
        fputs("    {", out);
        print_key(out, s);
        fprintf(out, ", %u, %u, %u, %u, %s},\n", (unsigned)s->len, (unsigned)s->kind,
                (unsigned)s->value, (unsigned)s->loc, s->wide ? "true" : "false");
    }
    fprintf(out, "};\nconst size_t nmi_date_nsyms = %zu;\n\n"
                 "const loc_info nmi_date_locs[NMI_NLOCALES] = {\n", tb->nsyms);
    for (int i = 0; i < NMI_NLOCALES; i++)
        fprintf(out, "    {\"%s\", %s, %s}, /* %s */\n", tb->locs[i].order,
                tb->locs[i].ampm_first ? "true" : "false",
                tb->locs[i].dot_time ? "true" : "false", nmi_date_locales[i]);
    fputs("};\n", out);
    if (fclose(out) != 0) {
        perror(path);
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_date_table OUTPUT.c\n");
        return 2;
    }
    table *tb = calloc(1, sizeof *tb);
    if (!tb) {
        perror("gen_date_table");
        return 1;
    }
    for (int i = 0; i < NMI_NLOCALES; i++)
        load_locale(tb, i);
    qsort(tb->syms, tb->nsyms, sizeof *tb->syms, sym_order);
    int rc = 0;
    if (tb->nsyms < 12 * NMI_NLOCALES) {
        fprintf(stderr, "gen_date_table: only %zu names read from ICU\n", tb->nsyms);
        rc = 1;
    } else if (!write_table(tb, argv[1])) {
        rc = 1;
    }
    free(tb);
    u_cleanup();
    return rc;
}
