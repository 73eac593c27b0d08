/* Writes the date-name table (date_symbols.h) as C: ICU's names of months,
 * weekdays and am/pm, the ordinal and CJK suffixes and the order of
 * numeric dates for each locale of nmi_date_locales, sorted by key. Run
 * by the build (CMakeLists.txt) with the output file as its argument.
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

static struct {
    sym syms[NMI_MAX_SYMS];
    size_t nsyms;
    loc_info locs[NMI_NLOCALES];
} G;

static void add_sym(const UChar *s, int32_t n, int kind, int value, int loc, bool wide)
{
    if (G.nsyms >= NMI_MAX_SYMS)
        return;
    sym *e = &G.syms[G.nsyms];
    int32_t k = nmi_date_key(s, n, e->key);
    if (k <= 0)
        return;
    /* the same name twice for a locale (format and stand-alone forms);
     * the table is filled one locale after the other */
    for (size_t i = G.nsyms; i-- > 0 && G.syms[i].loc == loc;) {
        const sym *o = &G.syms[i];
        if (o->kind == kind && o->value == value && !nmi_date_key_cmp(o->key, o->len, e->key, k)) {
            if (wide)
                G.syms[i].wide = true;
            return;
        }
    }
    e->len = (uint8_t)k;
    e->kind = (uint8_t)kind;
    e->value = (uint8_t)value;
    e->loc = (uint8_t)loc;
    e->wide = wide;
    G.nsyms++;
}

/* The literal letters right after a field in a pattern ("y年M月d日": after
 * 'y' comes "年"), as a suffix symbol. */
static void pattern_suffix(const UChar *pat, int32_t n, UChar field, int kind, int loc)
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
            add_sym(pat + j, k - j, kind, 0, loc, true);
        return;
    }
}

/* The pattern of a locale's date or time style into buf (128 units): its
 * length, or -1. */
static int32_t style_pattern(const char *loc, UDateFormatStyle time, UDateFormatStyle date,
                             UChar *buf)
{
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(time, date, loc, NULL, 0, NULL, 0, &st);
    if (U_FAILURE(st))
        return -1;
    int32_t n = udat_toPattern(f, false, buf, 128, &st);
    udat_close(f);
    return U_SUCCESS(st) && n < 128 ? n : -1;
}

static void load_locale(int li)
{
    const char *loc = nmi_date_locales[li];
    UErrorCode st = U_ZERO_ERROR;
    UChar buf[128];
    UDateFormat *f = udat_open(UDAT_NONE, UDAT_SHORT, loc, NULL, 0, NULL, 0, &st);
    if (U_FAILURE(st))
        return;
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
    for (size_t t = 0; t < 4; t++) {
        for (int m = 0; m < 12; m++) {
            st = U_ZERO_ERROR;
            int32_t n = udat_getSymbols(f, MONTHS[t].type, m, buf, 128, &st);
            if (U_FAILURE(st) || n <= 0 || n >= 128)
                continue;
            int32_t d = 0;
            while (d < n && u_isdigit(buf[d]))
                d++;
            if (d > 0) /* "11月", "11월": a suffix after the month's number */
                add_sym(buf + d, n - d, SK_MONTH_SUF, 0, li, true);
            else
                add_sym(buf, n, SK_MONTH, m + 1, li, MONTHS[t].wide);
        }
        for (int w = 1; w <= 7; w++) {
            st = U_ZERO_ERROR;
            int32_t n = udat_getSymbols(f, DAYS[t].type, w, buf, 128, &st);
            if (U_SUCCESS(st) && n > 0 && n < 128)
                add_sym(buf, n, SK_WEEKDAY, w == 1 ? 7 : w - 1, li, DAYS[t].wide);
        }
    }
    for (int a = 0; a < 2; a++) {
        st = U_ZERO_ERROR;
        int32_t n = udat_getSymbols(f, UDAT_AM_PMS, a, buf, 128, &st);
        if (U_SUCCESS(st) && n > 0 && n < 128)
            add_sym(buf, n, SK_AMPM, a, li, false);
    }
    /* the order of the short numeric date */
    loc_info *info = &G.locs[li];
    strcpy(info->order, "MDY");
    st = U_ZERO_ERROR;
    int32_t n = udat_toPattern(f, false, buf, 128, &st);
    udat_close(f);
    if (U_SUCCESS(st) && n < 128) {
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
    /* CJK year and day suffixes from the long date pattern (y年M月d日) */
    n = style_pattern(loc, UDAT_NONE, UDAT_LONG, buf);
    if (n >= 0) {
        pattern_suffix(buf, n, 'y', SK_YEAR_SUF, li);
        pattern_suffix(buf, n, 'd', SK_DAY_SUF, li);
    }
    /* hour/minute/second suffixes (H時mm分ss秒), the hour separator
     * (19.30) and the place of the am/pm marker from the full time
     * pattern */
    bool ampm_known = false;
    n = style_pattern(loc, UDAT_FULL, UDAT_NONE, buf);
    if (n >= 0) {
        pattern_suffix(buf, n, 'H', SK_HOUR_SUF, li);
        pattern_suffix(buf, n, 'h', SK_HOUR_SUF, li);
        pattern_suffix(buf, n, 'm', SK_MIN_SUF, li);
        pattern_suffix(buf, n, 's', SK_SEC_SUF, li);
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
        if (a >= 0 && hr >= 0) {
            info->ampm_first = a < hr;
            ampm_known = true;
        }
    }
    /* a 24-hour locale with am/pm markers of its own script (午後, 下午):
     * where its 12-hour pattern puts them */
    bool own_script = false;
    for (size_t i = G.nsyms; i-- > 0 && G.syms[i].loc == li;)
        if (G.syms[i].kind == SK_AMPM && G.syms[i].key[0] >= 0x250)
            own_script = true;
    if (!ampm_known && own_script) {
        st = U_ZERO_ERROR;
        UDateTimePatternGenerator *g = udatpg_open(loc, &st);
        if (U_SUCCESS(st)) {
            static const UChar SK_HM[] = {'h', 'm', 0};
            n = udatpg_getBestPattern(g, SK_HM, -1, buf, 128, &st);
            if (U_SUCCESS(st) && n < 128) {
                int a = -1, hr = -1;
                for (int32_t i = 0; i < n; i++) {
                    if (buf[i] == 'a' && a < 0)
                        a = i;
                    if ((buf[i] == 'h' || buf[i] == 'K') && hr < 0)
                        hr = i;
                }
                info->ampm_first = a >= 0 && hr >= 0 && a < hr;
            }
            udatpg_close(g);
        }
    }
    /* ordinal suffixes: ICU's ordinal format of 1..31 without its digits */
    st = U_ZERO_ERROR;
    UNumberFormat *nf = unum_open(UNUM_ORDINAL, NULL, 0, loc, NULL, &st);
    if (U_SUCCESS(st) || st == U_USING_DEFAULT_WARNING || st == U_USING_FALLBACK_WARNING) {
        for (int d = 1; d <= 31; d++) {
            st = U_ZERO_ERROR;
            n = unum_format(nf, d, buf, 128, NULL, &st);
            if (U_FAILURE(st) || n >= 128 || n == 0 || !u_isdigit(buf[0]))
                continue;
            int32_t k = 0;
            while (k < n && (u_isdigit(buf[k]) || buf[k] == '.'))
                k++;
            if (k < n && u_isalpha(buf[k]))
                add_sym(buf + k, n - k, SK_ORDINAL, 0, li, false);
        }
    }
    unum_close(nf);
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

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_date_table OUTPUT.c\n");
        return 2;
    }
    for (int i = 0; i < NMI_NLOCALES; i++)
        load_locale(i);
    qsort(G.syms, G.nsyms, sizeof *G.syms, sym_order);
    if (G.nsyms < 12 * NMI_NLOCALES) {
        fprintf(stderr, "gen_date_table: only %zu names read from ICU\n", G.nsyms);
        return 1;
    }
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    fprintf(out, "/* Generated by lib/gen_date_table.c from ICU %s: do not edit. */\n"
                 "#include \"date_symbols.h\"\n\n"
                 "const sym nmi_date_syms[] = {\n", U_ICU_VERSION);
    for (size_t i = 0; i < G.nsyms; i++) {
        const sym *s = &G.syms[i];
        fputs("    {", out);
        print_key(out, s);
        fprintf(out, ", %u, %u, %u, %u, %s},\n", (unsigned)s->len, (unsigned)s->kind,
                (unsigned)s->value, (unsigned)s->loc, s->wide ? "true" : "false");
    }
    fprintf(out, "};\nconst size_t nmi_date_nsyms = %zu;\n\n"
                 "const loc_info nmi_date_locs[NMI_NLOCALES] = {\n", G.nsyms);
    for (int i = 0; i < NMI_NLOCALES; i++)
        fprintf(out, "    {\"%s\", %s, %s}, /* %s */\n", G.locs[i].order,
                G.locs[i].ampm_first ? "true" : "false", G.locs[i].dot_time ? "true" : "false",
                nmi_date_locales[i]);
    fputs("};\n", out);
    if (fclose(out) != 0) {
        perror(argv[1]);
        return 1;
    }
    u_cleanup();
    return 0;
}
