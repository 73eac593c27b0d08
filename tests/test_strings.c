/* Careless callers and silent loss (issue 17, items 4 and 5): a caller's
 * string that is not valid UTF-8 (or names no zone) is an invalid
 * argument that says which; the JSON keeps every valid character of a
 * string holding bad bytes; a JSON-LD block with a lone surrogate or a
 * \u0000 escape is repaired, not dropped; and the truncated flags are set
 * exactly when something was cut. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "testutil.h"

#define BODY                                                                                       \
    "<p>The council met on Tuesday evening to discuss the new library, which will "                \
    "open next spring after three years of building work in the old market hall.</p>"

/* Is s, for its whole length, valid UTF-8 without control characters? */
static bool clean_utf8_line(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0x20 || c == 0x7f)
            return false;
    }
    return true;
}

/* The parse fails with an invalid argument whose message names what. */
static void expect_invalid(bool text, const char *url, const newsmeta_options *o, const char *what)
{
    static const char page[] = "<html><body><h1>A headline</h1>" BODY "</body></html>";
    newsmeta_article *a = (newsmeta_article *)1;
    newsmeta_error err;
    newsmeta_status st = text ? newsmeta_parse_text(page, sizeof page - 1, url, o, &a, &err)
                              : newsmeta_parse_html(page, sizeof page - 1, url, o, &a, &err);
    ck_assert_int_eq(st, NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(err.code, NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_ptr_null(a);
    ck_assert_msg(strstr(err.message, what), "message \"%s\" does not name %s", err.message, what);
    ck_assert_msg(clean_utf8_line(err.message), "message is not one line of UTF-8");
}

/* Not valid UTF-8: a stray continuation byte, a sequence cut short (also
 * at the end), an overlong '/', an encoded surrogate, a code point past
 * U+10FFFF, bytes no UTF-8 has. */
static const char *const BAD[] = {
    "https://example.com/caf\xc3\xa9/\xff/na\xc3\xafve",
    "https://example.com/\x80",
    "https://example.com/\xc3x",
    "https://example.com/caf\xc3",
    "https://example.com/\xc0\xaf",
    "https://example.com/\xed\xa0\x80",
    "https://example.com/\xf4\x90\x80\x80",
    "https://example.com/\xfe\xfe",
};

START_TEST(invalid_utf8_url_is_refused)
{
    expect_invalid(false, BAD[_i], NULL, "url is not valid UTF-8");
    expect_invalid(true, BAD[_i], NULL, "url is not valid UTF-8");
}
END_TEST

START_TEST(invalid_utf8_options_are_refused)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.charset = "utf-8\xff";
    expect_invalid(false, NULL, &o, "options.charset is not valid UTF-8");
    expect_invalid(true, NULL, &o, "options.charset is not valid UTF-8");
    newsmeta_options_init(&o);
    o.default_timezone = "Europe/Par\xc3";
    expect_invalid(false, NULL, &o, "options.default_timezone is not valid UTF-8");
    expect_invalid(true, NULL, &o, "options.default_timezone is not valid UTF-8");
}
END_TEST

/* A zone ICU does not know would be ignored: it is refused instead, and a
 * quoted zone too long for the message is cut between characters, with
 * its control characters made spaces. */
START_TEST(unknown_zone_is_refused)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.default_timezone = "Nowhere/Atlantis";
    expect_invalid(false, NULL, &o, "\"Nowhere/Atlantis\" is not an IANA time zone");
    o.default_timezone = "Europe/Paris\nX-Injected: 1";
    expect_invalid(true, NULL, &o, "options.default_timezone");
    for (size_t shift = 0; shift < 2; shift++) { /* the cut falls on each byte of an é */
        char zone[600];
        size_t n = (size_t)snprintf(zone, sizeof zone, "Europe/%s", shift ? "x" : "");
        while (n + 3 < sizeof zone) {
            memcpy(zone + n, "\xc3\xa9", 2);
            n += 2;
        }
        zone[n] = '\0';
        o.default_timezone = zone;
        expect_invalid(false, NULL, &o, "options.default_timezone");
    }
    /* a zone ICU knows, however long its id, is kept whole */
    newsmeta_options_init(&o);
    o.default_timezone = "America/Argentina/ComodRivadavia";
    newsmeta_article *a = nm_parse_str(
        "<html><head><meta property=\"article:published_time\" content=\"2020-03-04T10:30:00\">"
        "</head><body><h1>A headline</h1>" BODY "</body></html>",
        NULL, &o);
    ck_assert(a->published.offset_known);
    ck_assert_str_eq(a->published.zone, "America/Argentina/ComodRivadavia");
    newsmeta_article_free(a);
}
END_TEST

/* Whatever refuses a caller's charset, its message stays one line of
 * UTF-8 when it quotes it. */
START_TEST(messages_quoting_a_charset_stay_one_line)
{
    static const char page[] = "<html><body><h1>A headline</h1>" BODY "</body></html>";
    static const char *const LABELS[] = {"no-such-charset\nX-Injected: 1", "\x1b[31mred",
                                         "\xc3\xa9\xc3\xa9\xc3\xa9-unknown"};
    for (size_t i = 0; i < sizeof LABELS / sizeof *LABELS; i++) {
        newsmeta_options o;
        newsmeta_options_init(&o);
        o.charset = LABELS[i];
        newsmeta_article *a = NULL;
        newsmeta_error err;
        newsmeta_status st = newsmeta_parse_html(page, sizeof page - 1, NULL, &o, &a, &err);
        ck_assert_int_eq(err.code, st);
        ck_assert_msg(clean_utf8_line(err.message), "label %zu: message not one line", i);
        newsmeta_article_free(a);
    }
}
END_TEST

/* A valid non-ASCII URL (and what is resolved against it) is kept as it
 * is, in the record and in the JSON. */
START_TEST(valid_utf8_url_is_kept)
{
    const char *url = "https://example.com/caf\xc3\xa9/na\xc3\xafve-\xe6\x97\xa5\xe6\x9c\xac";
    newsmeta_article *a =
        nm_parse_str("<html><body><h1>A headline</h1>" BODY "</body></html>", url, NULL);
    ck_assert_str_eq(a->url, url);
    char *json = nm_to_json(a, 0);
    ck_assert_ptr_nonnull(strstr(json, url));
    ck_assert_ptr_null(strchr(json, '?'));
    newsmeta_free(json);
    newsmeta_article_free(a);
}
END_TEST

/* Should a string of a record hold bad bytes, each ill-formed sequence
 * becomes one U+FFFD and every valid character stays (it used to turn
 * every non-ASCII byte of the string into '?'). */
START_TEST(json_repairs_without_losing_characters)
{
    static const struct {
        const char *in, *out;
    } CASES[] = {
        {"caf\xc3\xa9/\xff/na\xc3\xafve", "caf\xc3\xa9/\xef\xbf\xbd/na\xc3\xafve"},
        {"\xe6\x97\xa5\xe2\x82 x", "\xe6\x97\xa5\xef\xbf\xbd x"},     /* cut short */
        {"a\xf0\x80\x80z", "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz"}, /* F0 80: not a start */
        {"\xed\xa0\x80\xc3\xa9", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xc3\xa9"}, /* surrogate */
        {"end\xc3", "end\xef\xbf\xbd"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        newsmeta_article a;
        memset(&a, 0, sizeof a);
        a.url = CASES[i].in;
        a.headline = CASES[i].in;
        char *json = nm_to_json(&a, 0);
        char want[128];
        snprintf(want, sizeof want, "\"url\":\"%s\"", CASES[i].out);
        ck_assert_msg(strstr(json, want), "case %zu: %s", i, json);
        snprintf(want, sizeof want, "\"headline\":\"%s\"", CASES[i].out);
        ck_assert_msg(strstr(json, want), "case %zu: %s", i, json);
        newsmeta_free(json);
    }
}
END_TEST

/* ---- JSON-LD: repaired, not dropped ------------------------------------ */

static newsmeta_article *parse_ld(const char *ld, const newsmeta_options *o)
{
    char *page = NULL;
    size_t n = strlen(ld) + 512;
    page = malloc(n);
    ck_assert_ptr_nonnull(page);
    snprintf(page, n,
             "<html><head><script type=\"application/ld+json\">%s</script></head>"
             "<body>" BODY "</body></html>",
             ld);
    newsmeta_article *a = nm_parse_str(page, NULL, o);
    free(page);
    return a;
}

START_TEST(jsonld_bad_escapes_are_repaired)
{
    newsmeta_article *a = parse_ld(
        "{\"@type\": \"NewsArticle\", \"headline\": \"Lone \\ud800 high\","
        " \"description\": \"Nul \\u0000 here, low \\uDC01 alone, pair \\ud83d\\ude00 kept,"
        " high high \\ud800\\ud801\\udc37 then pair, high \\uD800\\u0041 then A, literal \\\\u0000,"
        " escaped backslash \\\\\\ud800\","
        " \"author\": {\"@type\": \"Person\", \"name\": \"Jane Roe\"},"
        " \"datePublished\": \"2020-01-02T03:04:05Z\", \"keywords\": \"alpha, beta\","
        " \"articleSection\": \"tail \\ud800\"}",
        NULL);
    ck_assert_str_eq(a->headline, "Lone \xef\xbf\xbd high");
    ck_assert_str_eq(a->description,
                     "Nul \xef\xbf\xbd here, low \xef\xbf\xbd alone, pair \xf0\x9f\x98\x80 kept,"
                     " high high \xef\xbf\xbd\xf0\x90\x90\xb7 then pair, high \xef\xbf\xbd"
                     "A then A,"
                     " literal \\u0000, escaped backslash \\\xef\xbf\xbd");
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_str_eq(a->authors[0], "Jane Roe");
    ck_assert_int_eq(a->sources.authors, NEWSMETA_SOURCE_JSONLD);
    ck_assert_str_eq(a->published.iso, "2020-01-02T03:04:05+00:00");
    ck_assert_int_eq(a->published.source, NEWSMETA_SOURCE_JSONLD);
    ck_assert_uint_eq(a->tag_count, 2);
    ck_assert_str_eq(a->section, "tail \xef\xbf\xbd");
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
}
END_TEST

/* A keyword is kept whole however long (one of 256 bytes or more used to
 * vanish). */
START_TEST(jsonld_long_keyword_is_kept)
{
    char kw[700];
    memset(kw, 'k', sizeof kw - 1);
    kw[sizeof kw - 1] = '\0';
    char ld[1024];
    snprintf(
        ld, sizeof ld,
        "{\"@type\": \"NewsArticle\", \"headline\": \"Keywords\", \"keywords\": \"short, %s\"}",
        kw);
    newsmeta_article *a = parse_ld(ld, NULL);
    ck_assert_uint_eq(a->tag_count, 2);
    ck_assert_str_eq(a->tags[0], "short");
    ck_assert_str_eq(a->tags[1], kw);
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
}
END_TEST

/* Values nested inside a value follow max_jsonld_depth like the objects:
 * read within it, flagged beyond it. */
START_TEST(jsonld_nested_values_follow_the_depth_option)
{
    const char *ld = "{\"@type\": \"NewsArticle\", \"headline\": \"Nested\","
                     " \"keywords\": [[[[[\"deep\"]]]], \"flat\"],"
                     " \"author\": [[[[[{\"@type\": \"Person\", \"name\": \"Jo Deep\"}]]]]]}";
    newsmeta_article *a = parse_ld(ld, NULL);
    ck_assert_uint_eq(a->tag_count, 2);
    ck_assert_str_eq(a->tags[0], "deep");
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);

    newsmeta_options o;
    newsmeta_options_init(&o);
    o.max_jsonld_depth = 3;
    a = parse_ld(ld, &o);
    ck_assert_uint_eq(a->tag_count, 1);
    ck_assert_str_eq(a->tags[0], "flat");
    ck_assert_uint_eq(a->author_count, 0);
    ck_assert_uint_eq(a->truncated, NEWSMETA_TRUNCATED_JSONLD);
    newsmeta_article_free(a);

    /* the plain values of an object at the deepest level followed are read,
     * and its missing ones are no loss */
    o.max_jsonld_depth = 1;
    a = parse_ld("[{\"@type\": \"NewsArticle\", \"headline\": \"At the limit\","
                 " \"keywords\": \"a, b\", \"author\": \"Jo Zqa\"}]",
                 &o);
    ck_assert_str_eq(a->headline, "At the limit");
    ck_assert_uint_eq(a->tag_count, 2);
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
}
END_TEST

/* The @id index holds 256 objects: a reference it cannot resolve because
 * it is full is flagged; one resolved, or one to an object the page does
 * not have, is not. */
static char *graph_with_ids(size_t count, const char *ref)
{
    size_t cap = count * 64 + 512;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    size_t n = (size_t)snprintf(s, cap, "{\"@graph\": [");
    for (size_t i = 0; i < count; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "{\"@id\": \"#p%zu\", \"@type\": \"Person\","
                              " \"name\": \"Person %zu\"},",
                              i, i);
    snprintf(
        s + n, cap - n,
        "{\"@type\": \"NewsArticle\", \"headline\": \"Graph\", \"author\": {\"@id\": \"%s\"}}]}",
        ref);
    return s;
}

START_TEST(jsonld_full_id_index_is_flagged)
{
    static const struct {
        size_t ids;
        const char *ref;
        bool author, flagged;
    } CASES[] = {{10, "#p9", true, false},
                 {300, "#p5", true, false},
                 {300, "#p299", false, true},
                 {10, "#nobody", false, false}};
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char *ld = graph_with_ids(CASES[i].ids, CASES[i].ref);
        newsmeta_article *a = parse_ld(ld, NULL);
        free(ld);
        ck_assert_msg((a->author_count == 1) == CASES[i].author, "case %zu", i);
        ck_assert_msg(((a->truncated & NEWSMETA_TRUNCATED_JSONLD) != 0) == CASES[i].flagged,
                      "case %zu: truncated %u", i, (unsigned)a->truncated);
        newsmeta_article_free(a);
    }
}
END_TEST

/* More tags, or author names, than the 4096 candidates a field keeps:
 * the record says its lists may lack the rest; at the limit it does not. */
static char *many_values(size_t tags, size_t authors)
{
    size_t cap = (tags + authors) * 64 + 512;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    size_t n = (size_t)snprintf(s, cap, "{\"@type\": \"NewsArticle\", \"keywords\": \"");
    for (size_t i = 0; i < tags; i++)
        n += (size_t)snprintf(s + n, cap - n, "%stag%zu", i ? ", " : "", i);
    n += (size_t)snprintf(s + n, cap - n, "\", \"author\": [");
    for (size_t i = 0; i < authors; i++)
        n += (size_t)snprintf(s + n, cap - n, "%s\"Jo Zq%c%c%c\"", i ? ", " : "",
                              (char)('a' + i % 26), (char)('a' + i / 26 % 26),
                              (char)('a' + i / 676 % 26));
    snprintf(s + n, cap - n, "], \"headline\": \"Lists\"}");
    return s;
}

START_TEST(values_beyond_the_candidates_are_flagged)
{
    static const struct {
        size_t tags, authors;
        uint32_t flags;
    } CASES[] = {{4096, 10, 0},
                 {5000, 10, NEWSMETA_TRUNCATED_VALUES},
                 {10, 4096, 0},
                 {10, 5000, NEWSMETA_TRUNCATED_VALUES}};
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char *ld = many_values(CASES[i].tags, CASES[i].authors);
        newsmeta_article *a = parse_ld(ld, NULL);
        free(ld);
        ck_assert_msg(a->truncated == CASES[i].flags, "case %zu: truncated %u", i,
                      (unsigned)a->truncated);
        if (!CASES[i].flags) {
            ck_assert_uint_eq(a->tag_count, CASES[i].tags);
            ck_assert_uint_eq(a->author_count, CASES[i].authors);
        }
        char *json = nm_to_json(a, 0);
        ck_assert_ptr_nonnull(
            strstr(json, CASES[i].flags ? "\"truncated\":[\"values\"]" : "\"truncated\":[]"));
        newsmeta_free(json);
        newsmeta_article_free(a);
    }
}
END_TEST

/* A flag without loss is a bug too: a plain page, and every fixture whose
 * expected record has no truncated entry, say 0. */
START_TEST(no_flag_without_loss)
{
    newsmeta_article *a = parse_ld("{\"@type\": \"NewsArticle\", \"headline\": \"Plain\","
                                   " \"author\": [\"A One\", \"B Two\"],"
                                   " \"keywords\": [\"x\", \"y\"]}",
                                   NULL);
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
}
END_TEST

/* The markup's body hit max_paragraphs, then the JSON-LD articleBody
 * replaced it whole: nothing of the record was cut, so no flag. */
START_TEST(replaced_body_leaves_no_flag)
{
    char page[4096];
    char body[1200];
    memset(body, 0, sizeof body);
    for (int i = 0; i < 20; i++)
        strcat(body, "The reservoir array feeds the grid. ");
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
             "\"headline\":\"Solar farm\",\"articleBody\":\"%s\"}</script></head><body>"
             "<article><p>One short paragraph of the page here.</p><p>A second short one, "
             "here.</p><p>A third short paragraph.</p></article></body></html>", body);
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.max_paragraphs = 2;
    newsmeta_article *a = nm_parse_str(page, NULL, &o);
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_JSONLD);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_uint_eq(a->truncated & NEWSMETA_TRUNCATED_PARAGRAPHS, 0);
    newsmeta_article_free(a);
}
END_TEST

static Suite *strings_suite(void)
{
    Suite *s = suite_create("strings");
    TCase *tc = tcase_create("caller");
    tcase_add_loop_test(tc, invalid_utf8_url_is_refused, 0, (int)(sizeof BAD / sizeof *BAD));
    tcase_add_test(tc, invalid_utf8_options_are_refused);
    tcase_add_test(tc, unknown_zone_is_refused);
    tcase_add_test(tc, messages_quoting_a_charset_stay_one_line);
    tcase_add_test(tc, valid_utf8_url_is_kept);
    tcase_add_test(tc, json_repairs_without_losing_characters);
    suite_add_tcase(s, tc);

    tc = tcase_create("loss");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, jsonld_bad_escapes_are_repaired);
    tcase_add_test(tc, jsonld_long_keyword_is_kept);
    tcase_add_test(tc, jsonld_nested_values_follow_the_depth_option);
    tcase_add_test(tc, jsonld_full_id_index_is_flagged);
    tcase_add_test(tc, values_beyond_the_candidates_are_flagged);
    tcase_add_test(tc, no_flag_without_loss);
    tcase_add_test(tc, replaced_body_leaves_no_flag);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(strings_suite());
}
