/* The decode, date and byline stages on their own, linked against the static
 * library: one date text with a page's hints (nmi_parse_date_hinted), one
 * byline with its element borders (nmi_split_byline), without a page
 * around them. The public-API suites (test_dates.c, test_byline.c) check
 * the same rules through whole pages; these pin the stage's own contract,
 * so a rule can be tried here before a page is written for it. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

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
} decode_case;

static const decode_case DECODES[] = {
    {"\xEF\xBB\xBF<p>caf\xC3\xA9</p>", NULL, "<p>caf\xC3\xA9", NEWSMETA_CHARSET_BOM},
    {"<meta charset=\"windows-1252\"><p>caf\xE9 \x80</p>", NULL,
     "<meta charset=\"windows-1252\"><p>caf\xC3\xA9 \xE2\x82\xAC", NEWSMETA_CHARSET_META},
    {"<p>caf\xE9</p>", "iso-8859-1", "<p>caf\xC3\xA9", NEWSMETA_CHARSET_OPTION},
    /* a declaration the bytes contradict loses to the bytes */
    {"<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 na\xC3\xAFve</p>", NULL,
     "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 na\xC3\xAFve", NEWSMETA_CHARSET_DETECTED},
    {"<p>plain ASCII</p>", NULL, "<p>plain ASCII", NEWSMETA_CHARSET_DEFAULT},
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
    if (owned)
        free(out);
    nmi_arena_release(&arena);
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
