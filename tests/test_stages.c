/* The decode, date and byline stages on their own, linked against the static
 * library: one date text with a page's hints (nmi_parse_date_hinted), one
 * byline with its element borders (nmi_split_byline), without a page
 * around them. The public-API suites (test_dates.c, test_byline.c) check
 * the same rules through whole pages; these pin the stage's own contract,
 * so a rule can be tried here before a page is written for it. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "decode_labels.h"
#include "internal.h"
#include "testutil.h"

/* A per-call context as the entry point makes one, with the defaults. */
static void stage_context(nmi_ctx *ctx, nmi_arena *arena)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->arena = arena;
    newsmeta_options_init(&ctx->opts);
}

/* ---- decode ---------------------------------------------------------------------- */

typedef struct decode_case {
    const char *bytes;
    const char *option; /* the caller's charset, or NULL */
    const char *want;   /* the UTF-8 text, from its first bytes */
    newsmeta_charset_source source;
    const char *charset; /* the record's charset */
} decode_case;

/* A page's text in UTF-8 long enough for the bytes to count as UTF-8. */
#define UTF8_TEXT "<p>caf\xC3\xA9 na\xC3\xAFve</p>"

static const decode_case DECODES[] = {
    {"\xEF\xBB\xBF<p>caf\xC3\xA9</p>", NULL, "<p>caf\xC3\xA9", NEWSMETA_CHARSET_BOM, "UTF-8"},
    {"<meta charset=\"windows-1252\"><p>caf\xE9 \x80</p>", NULL,
     "<meta charset=\"windows-1252\"><p>caf\xC3\xA9 \xE2\x82\xAC", NEWSMETA_CHARSET_META,
     "windows-1252"},
    {"<p>caf\xE9</p>", "iso-8859-1", "<p>caf\xC3\xA9", NEWSMETA_CHARSET_OPTION, "windows-1252"},
    /* a declaration the bytes contradict loses to the bytes */
    {"<meta charset=\"iso-8859-1\">" UTF8_TEXT, NULL, "<meta charset=\"iso-8859-1\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    {"<p>plain ASCII</p>", NULL, "<p>plain ASCII", NEWSMETA_CHARSET_DEFAULT, "UTF-8"},

    /* Labels outside the WHATWG standard are passed over, whatever ICU
     * would read them as. UTF-7 would turn +ADw-script+AD4- into <script>. */
    {"<meta charset=\"utf-7\"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>", NULL,
     "<meta charset=\"utf-7\"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>",
     NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-7\"><p>+ADw-b+AD4-</p>",
     NULL, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-7\"><p>+ADw-b+AD4-",
     NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    /* EBCDIC would read every ASCII byte as another character */
    {"<meta charset=\"cp037\"><p>Plain words</p>", NULL, "<meta charset=\"cp037\"><p>Plain words",
     NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    {"<meta charset=\"IBM500\">" UTF8_TEXT, NULL, "<meta charset=\"IBM500\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    {"<meta charset=\"bocu-1\">" UTF8_TEXT, NULL, "<meta charset=\"bocu-1\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    {"<meta charset=\"scsu\">" UTF8_TEXT, NULL, "<meta charset=\"scsu\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    {"<meta charset=\"UTF-32\">" UTF8_TEXT, NULL, "<meta charset=\"UTF-32\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    /* unknown, misspelt and empty labels: detection carries on */
    {"<meta charset=\"utf8mb4\">" UTF8_TEXT, NULL, "<meta charset=\"utf8mb4\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    {"<meta charset=\"uft-8\">" UTF8_TEXT, NULL, "<meta charset=\"uft-8\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    {"<meta charset=none><p>Plain words</p>", NULL, "<meta charset=none><p>Plain words",
     NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    {"<meta charset=\"\"><p>Plain words</p>", NULL, "<meta charset=\"\"><p>Plain words",
     NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    /* ... and a later declaration is read, as a browser reads it */
    {"<meta charset=\"utf8mb4\"><meta charset=\"windows-1251\"><p>\xcd\xee\xe2\xee\xf1\xf2\xe8</p>",
     NULL, "<meta charset=\"utf8mb4\"><meta charset=\"windows-1251\"><p>Новости",
     NEWSMETA_CHARSET_META, "windows-1251"},
    /* the replacement encoding (ASCII bytes standing for other
     * characters) is never decoded: the bytes are read as they are */
    {"<meta charset=\"hz-gb-2312\"><p>~{<script>~}</p>", NULL,
     "<meta charset=\"hz-gb-2312\"><p>~{<script>~}</p>", NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    {"<meta charset=\"ISO-2022-KR\">" UTF8_TEXT, NULL, "<meta charset=\"ISO-2022-KR\">" UTF8_TEXT,
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    /* labels are matched without ASCII whitespace and case */
    {"<meta charset=\" \tLATIN1\n \"><p>caf\xE9 \x80</p>", NULL,
     "<meta charset=\" \tLATIN1\n \"><p>caf\xC3\xA9 \xE2\x82\xAC", NEWSMETA_CHARSET_META,
     "windows-1252"},
    /* HTML's substitutions: UTF-16 in a <meta> is UTF-8, x-user-defined
     * windows-1252 */
    {"<meta charset=\"utf-16be\">" UTF8_TEXT, NULL, "<meta charset=\"utf-16be\">" UTF8_TEXT,
     NEWSMETA_CHARSET_META, "UTF-8"},
    {"<meta charset=\"x-user-defined\"><p>caf\xE9</p>", NULL,
     "<meta charset=\"x-user-defined\"><p>caf\xC3\xA9", NEWSMETA_CHARSET_META, "windows-1252"},
    /* the prescan: a commented-out <meta>, a content attribute without
     * http-equiv, and "charset=" inside another attribute declare nothing */
    {"<!-- <meta charset=\"windows-1251\"> -->" UTF8_TEXT, "", "<!-- <meta",
     NEWSMETA_CHARSET_DETECTED, "UTF-8"},
    {"<meta name=\"x\" content=\"text/html; charset=windows-1251\"><p>Plain</p>", NULL,
     "<meta name=\"x\" content=\"text/html; charset=windows-1251\"><p>Plain",
     NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    {"<meta name=\"description\" content=\"see charset=koi8-r\"><p>Plain</p>", NULL,
     "<meta name=\"description\"", NEWSMETA_CHARSET_DEFAULT, "UTF-8"},
    {"<div title='<meta charset=koi8-r>'><meta http-equiv=content-type "
     "content='text/html;charset=\"koi8-r\"'><p>\xee\xcf\xd7\xcf\xd3\xd4\xc9</p>",
     NULL, "<div title='<meta charset=koi8-r>'>", NEWSMETA_CHARSET_META, "KOI8-R"},
    /* the caller's charset: any label of the standard, with its meaning */
    {"<p>caf\xE9</p>", " Windows-1252 ", "<p>caf\xC3\xA9", NEWSMETA_CHARSET_OPTION,
     "windows-1252"},
    {"<p>caf\xE9 \x80</p>", "x-user-defined", "<p>caf\xEF\x9F\xA9 \xEF\x9E\x80",
     NEWSMETA_CHARSET_OPTION, "x-user-defined"},
};

START_TEST(decode_to_utf8)
{
    const decode_case *c = &DECODES[_i];
    nmi_arena arena = {NULL};
    nmi_ctx ctx;
    stage_context(&ctx, &arena);
    ctx.opts.charset = c->option;
    char *out = NULL;
    size_t len = 0;
    bool owned = false;
    newsmeta_error err;
    ck_assert_int_eq(nmi_decode(&ctx, c->bytes, strlen(c->bytes), &out, &len, &owned, &err),
                     NEWSMETA_OK);
    ck_assert_msg(len >= strlen(c->want) && !memcmp(out, c->want, strlen(c->want)),
                  "case %d: \"%.*s\"", _i, (int)len, out);
    ck_assert_msg(ctx.charset_source == c->source, "case %d: charset source %d, want %d", _i,
                  (int)ctx.charset_source, (int)c->source);
    ck_assert_msg(!strcmp(ctx.charset, c->charset), "case %d: charset %s, want %s", _i,
                  ctx.charset, c->charset);
    if (owned)
        free(out);
    nmi_arena_release(&arena);
}
END_TEST

/* A label and the encoding it names (NULL: none, the label is passed over
 * in a page and refused from the caller). */
typedef struct label_case {
    const char *label;
    const char *name;
} label_case;

static const label_case LABELS[] = {
    {"unicode-1-1-utf-8", "UTF-8"}, {"x-unicode20utf8", "UTF-8"}, {"UTF8", "UTF-8"},
    {" \t\n\f\rutf-8\r\n", "UTF-8"}, {"cp1252", "windows-1252"}, {"latin1", "windows-1252"},
    {"ascii", "windows-1252"}, {"US-ASCII", "windows-1252"}, {"iso-ir-100", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso-8859-9", "windows-1254"}, {"x-sjis", "Shift_JIS"},
    {"ms_kanji", "Shift_JIS"}, {"csshiftjis", "Shift_JIS"}, {"x-euc-jp", "EUC-JP"},
    {"x-gbk", "GBK"}, {"gb2312", "GBK"}, {"chinese", "GBK"}, {"gb18030", "GB18030"},
    {"big5-hkscs", "Big5"}, {"cn-big5", "Big5"}, {"x-x-big5", "Big5"}, {"koi", "KOI8-R"},
    {"koi8", "KOI8-R"}, {"koi8_r", "KOI8-R"}, {"koi8-ru", "KOI8-U"}, {"cp866", "IBM866"},
    {"csisolatin2", "ISO-8859-2"}, {"logical", "ISO-8859-8-I"}, {"windows-874", "windows-874"},
    {"iso-8859-11", "windows-874"}, {"dos-874", "windows-874"}, {"x-mac-roman", "macintosh"},
    {"macintosh", "macintosh"}, {"csmacintosh", "macintosh"},
    {"x-mac-cyrillic", "x-mac-cyrillic"}, {"x-mac-ukrainian", "x-mac-cyrillic"},
    {"ks_c_5601-1987", "EUC-KR"}, {"korean", "EUC-KR"}, {"iso-2022-jp", "ISO-2022-JP"},
    {"utf-16le", "UTF-16LE"}, {"utf-16", "UTF-16LE"}, {"unicode", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"}, {"x-user-defined", "x-user-defined"},
    {"iso-2022-kr", "replacement"}, {"hz-gb-2312", "replacement"},
    {"csiso2022kr", "replacement"}, {"iso-2022-cn", "replacement"},
    /* not labels of the standard */
    {"utf-7", NULL}, {"cp037", NULL}, {"ibm500", NULL}, {"ebcdic-cp-us", NULL}, {"bocu-1", NULL},
    {"scsu", NULL}, {"utf-32", NULL}, {"UTF-32LE", NULL}, {"utf8mb4", NULL}, {"uft-8", NULL},
    {"none", NULL}, {"", NULL}, {" ", NULL}, {"utf16", NULL}, {"latin-1", NULL},
    {"utf-8;", NULL}, {"utf-8x", NULL}, {"dos-866", NULL}, {"windows-1252 x", NULL},
};

START_TEST(label_to_charset)
{
    const label_case *c = &LABELS[_i];
    const nmi_charset *cs = nmi_charset_for_label(c->label, strlen(c->label));
    if (!c->name)
        ck_assert_msg(cs == NULL, "\"%s\" names %s", c->label, cs ? cs->name : "");
    else
        ck_assert_msg(cs && !strcmp(cs->name, c->name), "\"%s\" names %s, want %s", c->label,
                      cs ? cs->name : "nothing", c->name);
}
END_TEST

/* Every encoding ICU reads has its converter (a typo in the table would
 * fail every page in that charset); this ICU may lack ISO-8859-16. */
START_TEST(every_converter_opens)
{
    static const char *const one_label_each[] = {
        "ibm866",     "iso-8859-2",  "iso-8859-3",  "iso-8859-4",   "iso-8859-5",
        "iso-8859-6", "iso-8859-7",  "iso-8859-8",  "iso-8859-8-i", "iso-8859-10",
        "iso-8859-13", "iso-8859-14", "iso-8859-15", "koi8-r",      "koi8-u",
        "macintosh",  "windows-874", "cp1250",      "cp1251",       "cp1252",
        "cp1253",     "cp1254",      "cp1255",      "cp1256",       "cp1257",
        "cp1258",     "x-mac-cyrillic", "gbk",      "gb18030",      "big5",
        "euc-jp",     "iso-2022-jp", "shift_jis",   "euc-kr",       "utf-16le",
        "utf-16be"};
    for (size_t i = 0; i < sizeof one_label_each / sizeof *one_label_each; i++) {
        const nmi_charset *cs = nmi_charset_for_label(one_label_each[i], strlen(one_label_each[i]));
        ck_assert_ptr_nonnull(cs);
        ck_assert_msg(nmi_charset_icu_has(cs) == 1, "no converter %s for %s", cs->icu, cs->name);
    }
    const nmi_charset *cs = nmi_charset_for_label("iso-8859-16", 11);
    ck_assert_int_ge(nmi_charset_icu_has(cs), 0);
    ck_assert_int_eq(nmi_charset_icu_has(nmi_charset_for_label("hz-gb-2312", 10)), 0);
}
END_TEST

/* ---- dates ----------------------------------------------------------------------- */

typedef struct date_case {
    const char *text;
    const char *lang;   /* the page's language, "" for none */
    const char *region; /* its country, "" for none */
    int year, month, day, hour, minute;
    bool offset_known;
    int offset_minutes;
} date_case;

static const date_case DATES[] = {
    {"2019-11-19T18:18:25-08:00", "", "", 2019, 11, 19, 18, 18, true, -480},
    {"25. Januar 2022", "de", "", 2022, 1, 25, -1, -1, false, 0},
    {"Donnerstag, 15.2.2018, 19:51", "de", "", 2018, 2, 15, 19, 51, false, 0},
    {"05/10/2018", "en", "GB", 2018, 10, 5, -1, -1, false, 0},
    {"05/10/2018", "en", "US", 2018, 5, 10, -1, -1, false, 0},
    /* IST is India's on an Indian page, Ireland's summer time on an Irish one */
    {"March 3, 2021 6:05 PM IST", "en", "IN", 2021, 3, 3, 18, 5, true, 330},
    {"June 3, 2021 6:05 PM IST", "en", "IE", 2021, 6, 3, 18, 5, true, 60},
    {"Mise en ligne le 23 mai 2019", "fr", "", 2019, 5, 23, -1, -1, false, 0},
};

START_TEST(date_with_hints)
{
    const date_case *c = &DATES[_i];
    nmi_date_hints h;
    memset(&h, 0, sizeof h);
    strcpy(h.lang, c->lang);
    if (*c->region) {
        strcpy(h.regions[0], c->region);
        h.nregions = 1;
    }
    h.now = INT64_C(1767225600); /* 2026-01-01: the two-digit-year and future rules fixed */
    nmi_time t;
    ck_assert_msg(nmi_parse_date_hinted(c->text, &h, &t), "\"%s\": no date", c->text);
    ck_assert_msg(t.year == c->year && t.month == c->month && t.day == c->day,
                  "\"%s\": %04d-%02d-%02d", c->text, t.year, t.month, t.day);
    if (c->hour >= 0)
        ck_assert_msg(t.hour == c->hour && t.minute == c->minute, "\"%s\": %02d:%02d", c->text,
                      t.hour, t.minute);
    else
        ck_assert_int_eq(t.precision, NEWSMETA_PRECISION_DAY);
    ck_assert_msg(t.offset_known == c->offset_known, "\"%s\": offset known %d", c->text,
                  t.offset_known);
    if (c->offset_known)
        ck_assert_int_eq(t.offset_minutes, c->offset_minutes);
}
END_TEST

START_TEST(no_date_in_text)
{
    static const char *const TEXTS[] = {"", "Jane Doe", "Updated", "March Madness", "12:30",
                                        "5 min read"};
    nmi_date_hints h;
    memset(&h, 0, sizeof h);
    strcpy(h.lang, "en");
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        nmi_time t;
        ck_assert_msg(!nmi_parse_date_hinted(TEXTS[i], &h, &t), "\"%s\" read as a date",
                      TEXTS[i]);
    }
}
END_TEST

/* ---- bylines --------------------------------------------------------------------- */

typedef struct byline_case {
    const char *byline;     /* the text, or NULL when given as parts */
    const char *parts[3];   /* the byline's elements in the markup */
    const char *site; /* the site's name, or NULL */
    const char *names[4];
    const char *agency; /* NULL for none */
} byline_case;

static const byline_case BYLINES[] = {
    {"By Jane Doe and John Smith", {NULL}, NULL, {"Jane Doe", "John Smith"}, NULL},
    {"Von Anna Schmidt und Peter M\xC3\xBCller", {NULL}, NULL,
     {"Anna Schmidt", "Peter M\xC3\xBCller"}, NULL},
    {"Por Mar\xC3\xAD" "a L\xC3\xB3pez y Juan P\xC3\xA9rez", {NULL}, NULL,
     {"Mar\xC3\xAD" "a L\xC3\xB3pez", "Juan P\xC3\xA9rez"}, NULL},
    /* two elements: the name, then the outlet or the role */
    {NULL, {"By Jane Doe", "Senior Writer"}, NULL, {"Jane Doe"}, NULL},
    {NULL, {"Jane Doe", "Sioux Falls Argus Leader"}, NULL, {"Jane Doe"},
     "Sioux Falls Argus Leader"},
    {"By Jane Doe, Associated Press", {NULL}, NULL, {"Jane Doe"}, "Associated Press"},
    {"Photos by John Smith; text by Jane Doe", {NULL}, NULL, {"Jane Doe"}, NULL},
    {"By Jane Doe | Updated March 3, 2021", {NULL}, NULL, {"Jane Doe"}, NULL},
    {"By Reuters", {NULL}, NULL, {NULL}, "Reuters"},
    /* titles are not persons, nor the words of author boxes */
    {NULL, {"Jane Doe", "Junior Affiliate Content Writer"}, NULL, {"Jane Doe"}, NULL},
    {"Jane Doe Vice President of Consulting", {NULL}, NULL, {"Jane Doe"}, NULL},
    {"By Jane Doe, Head of Marketing and Community Development", {NULL}, NULL, {"Jane Doe"},
     NULL},
    {"Jane Doe, Social Media & Community Expert", {NULL}, NULL, {"Jane Doe"}, NULL},
    {"Written by Jane Doe, Executive Editor and Master Gardener", {NULL}, NULL, {"Jane Doe"},
     NULL},
    {"Von Anna Schmidt, Leitende Wirtschaftsredakteurin", {NULL}, NULL, {"Anna Schmidt"}, NULL},
    {NULL, {"Anna Schmidt", "Zum Profil"}, NULL, {"Anna Schmidt"}, NULL},
    {NULL, {"By Jane Doe", "View Full Profile"}, NULL, {"Jane Doe"}, NULL},
    {"written by Our Editors", {NULL}, NULL, {NULL}, NULL},
    {"Von Anna Schmidt Zum Profil", {NULL}, NULL, {"Anna Schmidt"}, NULL},
    {"Jane Doe Sign In", {NULL}, NULL, {"Jane Doe"}, NULL},
    {"Jane Doe WATCH LIVE", {NULL}, NULL, {"Jane Doe"}, NULL},
    {"Jane Doe E-Mail", {NULL}, NULL, {"Jane Doe"}, NULL},
    {"Text", {NULL}, NULL, {NULL}, NULL},
    {"by clicking here", {NULL}, NULL, {NULL}, NULL},
    {"By Jane Doe Tested by John Smith and Ana Lima", {NULL}, NULL, {"Jane Doe"}, NULL},
    /* European labels, joins and outlets */
    {"Ein Artikel von Anna Schmidt und Peter M\xC3\xBCller", {NULL}, NULL,
     {"Anna Schmidt", "Peter M\xC3\xBCller"}, NULL},
    {"Text & Fotos: Anna Schmidt", {NULL}, NULL, {"Anna Schmidt"}, NULL},
    {"Par Le Figaro et AFP", {NULL}, NULL, {NULL}, "Le Figaro"},
    {"Von BR24 Redaktion", {NULL}, NULL, {NULL}, "BR24 Redaktion"},
    {"Por Mar\xC3\xAD" "a L\xC3\xB3pez e Juan P\xC3\xA9rez", {NULL}, NULL,
     {"Mar\xC3\xAD" "a L\xC3\xB3pez", "Juan P\xC3\xA9rez"}, NULL},
    /* a name in lower case (a stylesheet capitalizes it), not prose after a name */
    {"By maria lopez", {NULL}, NULL, {"maria lopez"}, NULL},
    {"Jane Doe | she wrote books", {NULL}, NULL, {"Jane Doe"}, NULL},
    /* a site named after its writer, and the site's own desk */
    {"By Mary Lane", {NULL}, "Mary Lane", {"Mary Lane"}, NULL},
    {"Mary Lane Staff", {NULL}, "Mary Lane", {NULL}, NULL},
    {"Written by Mary Lane", {NULL}, "Mary Lane Photography", {"Mary Lane"}, NULL},
};

START_TEST(byline_to_names)
{
    const byline_case *c = &BYLINES[_i];
    nmi_arena arena = {NULL};
    nmi_ctx ctx;
    stage_context(&ctx, &arena);
    nmi_names nm;
    nmi_names_init(&nm, c->site, NULL, NULL);
    nmi_byline_parts parts = {c->parts, 0};
    while (parts.count < 3 && c->parts[parts.count])
        parts.count++;
    nmi_split_byline(&ctx, c->byline, c->byline ? NULL : &parts, &nm);
    size_t want = 0;
    while (want < 4 && c->names[want])
        want++;
    const char *what = c->byline ? c->byline : c->parts[0];
    ck_assert_msg(nm.count == want, "\"%s\": %zu names, want %zu", what, nm.count, want);
    for (size_t i = 0; i < want; i++)
        ck_assert_str_eq(nm.list[i], c->names[i]);
    if (c->agency) {
        ck_assert_ptr_nonnull(nm.agency);
        ck_assert_str_eq(nm.agency, c->agency);
    } else {
        ck_assert_msg(nm.agency == NULL, "\"%s\": agency \"%s\"", what, nm.agency);
    }
    ck_assert(!ctx.oom);
    nmi_arena_release(&arena);
}
END_TEST

static Suite *stages_suite(void)
{
    Suite *s = suite_create("stages");
    TCase *tc = tcase_create("decode");
    tcase_add_loop_test(tc, decode_to_utf8, 0, sizeof DECODES / sizeof *DECODES);
    tcase_add_loop_test(tc, label_to_charset, 0, sizeof LABELS / sizeof *LABELS);
    tcase_add_test(tc, every_converter_opens);
    suite_add_tcase(s, tc);
    tc = tcase_create("dates");
    tcase_add_loop_test(tc, date_with_hints, 0, sizeof DATES / sizeof *DATES);
    tcase_add_test(tc, no_date_in_text);
    suite_add_tcase(s, tc);
    tc = tcase_create("bylines");
    tcase_add_loop_test(tc, byline_to_names, 0, sizeof BYLINES / sizeof *BYLINES);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(stages_suite());
}
