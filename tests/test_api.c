/* The API contract of newsmeta.h: version, status strings, names, options
 * and what their flags promise, argument checking, ownership and the
 * error struct. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* A small page that always parses; used where only the contract matters. */
static const char PAGE[] =
    "<html><head><title>Small test page</title></head><body>"
    "<p>One paragraph of text, long enough to be kept as the article body.</p>"
    "</body></html>";

/* Where a test checks that *out is reset on failure, it starts out
 * pointing here. */
static newsmeta_article not_null;

/* ---- version --------------------------------------------------------- */

/* The macros describe the header, the functions the library: equal when
 * both come from the same build. */
START_TEST(version_macros_match_library)
{
    ck_assert_str_eq(newsmeta_version(), NEWSMETA_VERSION_STRING);
    ck_assert_uint_eq(newsmeta_version_number(), NEWSMETA_VERSION);
    char s[32];
    snprintf(s, sizeof s, "%d.%d.%d", NEWSMETA_VERSION_MAJOR, NEWSMETA_VERSION_MINOR,
             NEWSMETA_VERSION_PATCH);
    ck_assert_str_eq(s, newsmeta_version());
    ck_assert_uint_eq(NEWSMETA_VERSION, ((uint32_t)NEWSMETA_VERSION_MAJOR << 16) |
                                            ((uint32_t)NEWSMETA_VERSION_MINOR << 8) |
                                            (uint32_t)NEWSMETA_VERSION_PATCH);
    ck_assert_int_eq(NEWSMETA_SCHEMA_VERSION, 1);
}
END_TEST

/* ---- status strings and names ------------------------------------------ */

#define STATUS_COUNT 12 /* NEWSMETA_OK .. NEWSMETA_ERR_DAMAGED */

/* Every code has its own message, so a log line identifies the failure. */
START_TEST(strerror_distinct_for_every_status)
{
    const char *msg[STATUS_COUNT];
    for (int i = 0; i < STATUS_COUNT; i++) {
        msg[i] = newsmeta_strerror((newsmeta_status)i);
        ck_assert_ptr_nonnull(msg[i]);
        ck_assert_msg(msg[i][0] != '\0', "empty message for status %d", i);
        ck_assert_msg(strcmp(msg[i], "unknown status") != 0, "status %d is unknown", i);
        for (int k = 0; k < i; k++)
            ck_assert_msg(strcmp(msg[i], msg[k]) != 0, "statuses %d and %d share \"%s\"", k,
                          i, msg[i]);
    }
    ck_assert_str_eq(newsmeta_strerror((newsmeta_status)STATUS_COUNT), "unknown status");
    ck_assert_str_eq(newsmeta_strerror((newsmeta_status)-1), "unknown status");
    ck_assert_str_eq(newsmeta_strerror((newsmeta_status)1000), "unknown status");
}
END_TEST

/* The names are part of the JSON format: they must never change. */
START_TEST(enum_names_are_stable)
{
    static const char *const sources[] = {"none", "json-ld", "meta",   "microdata",
                                          "markup", "text",  "url",    "option"};
    for (int i = 0; i < 8; i++)
        ck_assert_str_eq(newsmeta_source_name((newsmeta_source)i), sources[i]);
    ck_assert_str_eq(newsmeta_source_name((newsmeta_source)99), "none");

    static const char *const kinds[] = {"paragraph", "heading", "quote", "list-item",
                                        "preformatted"};
    for (int i = 0; i < 5; i++)
        ck_assert_str_eq(newsmeta_paragraph_kind_name((newsmeta_paragraph_kind)i), kinds[i]);

    static const char *const precisions[] = {"none", "year",   "month", "day",
                                             "hour", "minute", "second"};
    for (int i = 0; i < 7; i++)
        ck_assert_str_eq(newsmeta_precision_name((newsmeta_precision)i), precisions[i]);
    ck_assert_str_eq(newsmeta_precision_name((newsmeta_precision)42), "none");
}
END_TEST

/* ---- options ----------------------------------------------------------- */

START_TEST(options_init_sets_size_and_defaults)
{
    newsmeta_options o;
    memset(&o, 0xAB, sizeof o); /* init must not rely on a zeroed struct */
    newsmeta_options_init(&o);
    ck_assert_uint_eq(o.size, sizeof o);
    ck_assert_uint_eq(o.flags, 0);
    ck_assert_ptr_null(o.charset);
    ck_assert_ptr_null(o.default_timezone);
    ck_assert_uint_eq(o.max_input_bytes, NEWSMETA_DEFAULT_MAX_INPUT_BYTES);
    newsmeta_options_init(NULL); /* documented: ignored */
}
END_TEST

/* NULL options and initialized options are the same defaults. */
START_TEST(null_options_equal_defaults)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    newsmeta_article *a = nm_parse_str(PAGE, "https://example.test/a", NULL);
    newsmeta_article *b = nm_parse_str(PAGE, "https://example.test/a", &o);
    char *ja = nm_to_json(a, 0), *jb = nm_to_json(b, 0);
    ck_assert_str_eq(ja, jb);
    newsmeta_free(ja);
    newsmeta_free(jb);
    newsmeta_article_free(a);
    newsmeta_article_free(b);
}
END_TEST

/* ---- invalid arguments ---------------------------------------------------- */

/* A failing call: the status, the same code in the error struct, a
 * message, and *out reset to NULL. */
static void expect_failure(newsmeta_status got, newsmeta_status want, const newsmeta_error *err,
                           const newsmeta_article *out)
{
    ck_assert_int_eq(got, want);
    ck_assert_int_eq(err->code, want);
    ck_assert_msg(err->message[0] != '\0', "no message for status %d", (int)want);
    ck_assert_ptr_nonnull(memchr(err->message, '\0', sizeof err->message));
    ck_assert_ptr_null(strchr(err->message, '\n')); /* one line */
    ck_assert_ptr_null(out);
}

/* Calls with arguments the parse functions reject, and the status of each. */
typedef struct bad_call {
    const char *what;
    const char *html;
    size_t length;
    bool null_out; /* pass NULL for out */
    newsmeta_status want;
} bad_call;

static const bad_call BAD_CALLS[] = {
    {"NULL out", PAGE, sizeof PAGE - 1, true, NEWSMETA_ERR_INVALID_ARGUMENT},
    {"NULL html with a length", NULL, 10, false, NEWSMETA_ERR_INVALID_ARGUMENT},
    /* NULL html with length 0 is simply empty input, not a bad argument */
    {"NULL html, length 0", NULL, 0, false, NEWSMETA_ERR_EMPTY_INPUT},
};

START_TEST(bad_calls_fail_cleanly)
{
    const bad_call *c = &BAD_CALLS[_i];
    newsmeta_article *a = &not_null; /* must be reset to NULL */
    newsmeta_error err;
    newsmeta_status st =
        newsmeta_parse_html(c->html, c->length, NULL, NULL, c->null_out ? NULL : &a, &err);
    ck_assert_msg(st == c->want, "%s: status %d", c->what, (int)st);
    expect_failure(st, c->want, &err, c->null_out ? NULL : a);
}
END_TEST

/* options.size guards against callers built with another struct layout. */
START_TEST(bad_options_size_is_invalid)
{
    const uint32_t sizes[] = {0, 1, (uint32_t)sizeof(newsmeta_options) - 1,
                              (uint32_t)sizeof(newsmeta_options) + 1, 0xFFFFFFFFu};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        newsmeta_options o;
        newsmeta_options_init(&o);
        o.size = sizes[i];
        newsmeta_article *a = &not_null;
        newsmeta_error err;
        newsmeta_status st = newsmeta_parse_html(PAGE, sizeof PAGE - 1, NULL, &o, &a, &err);
        expect_failure(st, NEWSMETA_ERR_INVALID_ARGUMENT, &err, a);
    }
}
END_TEST

/* newsmeta_options_init_sized() and the parse functions agree: whatever
 * size a caller passes to the one, the struct it fills is accepted by the
 * other (a size between two versions of the struct fills the older one),
 * and each version's size is accepted as is. */
START_TEST(init_sized_and_parse_agree_on_sizes)
{
    const size_t sizes[] = {offsetof(newsmeta_options, max_depth),
                            offsetof(newsmeta_options, max_depth) + 3,
                            offsetof(newsmeta_options, now),
                            offsetof(newsmeta_options, now) + 1,
                            sizeof(newsmeta_options),
                            sizeof(newsmeta_options) + 64};
    const size_t filled[] = {offsetof(newsmeta_options, max_depth),
                             offsetof(newsmeta_options, max_depth),
                             offsetof(newsmeta_options, now),
                             offsetof(newsmeta_options, now),
                             sizeof(newsmeta_options),
                             sizeof(newsmeta_options)};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        unsigned char raw[sizeof(newsmeta_options) + 64];
        memset(raw, 0xAB, sizeof raw);
        newsmeta_options *o = (newsmeta_options *)(void *)raw;
        newsmeta_options_init_sized(o, sizes[i]);
        ck_assert_uint_eq(o->size, filled[i]);
        ck_assert_uint_eq(raw[filled[i]], 0xAB); /* nothing written beyond */
        newsmeta_article *a = NULL;
        newsmeta_error err;
        ck_assert_int_eq(newsmeta_parse_html(PAGE, sizeof PAGE - 1, NULL, o, &a, &err),
                         NEWSMETA_OK);
        newsmeta_article_free(a);
    }
    /* smaller than the first version: nothing is written */
    newsmeta_options o;
    memset(&o, 0xAB, sizeof o);
    newsmeta_options_init_sized(&o, offsetof(newsmeta_options, max_depth) - 1);
    ck_assert_uint_eq(o.size, 0xABABABABu);
}
END_TEST

/* ---- the error struct ------------------------------------------------------- */

/* Documented: on success code is NEWSMETA_OK and message "". */
START_TEST(error_struct_reset_on_success)
{
    newsmeta_error err;
    memset(&err, 'x', sizeof err);
    newsmeta_article *a = NULL;
    ck_assert_int_eq(newsmeta_parse_html(PAGE, sizeof PAGE - 1, NULL, NULL, &a, &err),
                     NEWSMETA_OK);
    ck_assert_int_eq(err.code, NEWSMETA_OK);
    ck_assert_str_eq(err.message, "");

    memset(&err, 'x', sizeof err);
    char *json = NULL;
    ck_assert_int_eq(newsmeta_to_json(a, 0, &json, NULL, &err), NEWSMETA_OK);
    ck_assert_int_eq(err.code, NEWSMETA_OK);
    ck_assert_str_eq(err.message, "");
    newsmeta_free(json);
    newsmeta_article_free(a);
}
END_TEST

/* Every function taking a newsmeta_error * accepts NULL. */
START_TEST(error_struct_is_optional)
{
    newsmeta_article *a = NULL;
    ck_assert_int_eq(newsmeta_parse_html(PAGE, sizeof PAGE - 1, NULL, NULL, &a, NULL),
                     NEWSMETA_OK);
    ck_assert_ptr_nonnull(a);
    char *json = NULL;
    ck_assert_int_eq(newsmeta_to_json(a, 0, &json, NULL, NULL), NEWSMETA_OK);
    ck_assert_ptr_nonnull(json);
    newsmeta_free(json);
    newsmeta_article_free(a);

    /* failure paths write nothing through the NULL pointer either */
    ck_assert_int_eq(newsmeta_parse_html(NULL, 1, NULL, NULL, &a, NULL),
                     NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(newsmeta_parse_html("", 0, NULL, NULL, &a, NULL), NEWSMETA_ERR_EMPTY_INPUT);
    ck_assert_int_eq(newsmeta_to_json(NULL, 0, &json, NULL, NULL), NEWSMETA_ERR_INVALID_ARGUMENT);
}
END_TEST

/* ---- ownership ------------------------------------------------------------------ */

START_TEST(free_functions_accept_null)
{
    newsmeta_article_free(NULL);
    newsmeta_free(NULL);
}
END_TEST

/* newsmeta_init is optional and idempotent. */
START_TEST(init_is_idempotent)
{
    newsmeta_init();
    newsmeta_init();
    newsmeta_article *a = nm_parse_str(PAGE, NULL, NULL);
    newsmeta_article_free(a);
    newsmeta_init();
}
END_TEST

/* The input is not kept: the article stays valid after the buffer is gone. */
START_TEST(article_outlives_input)
{
    char *copy = strdup(PAGE);
    ck_assert_ptr_nonnull(copy);
    char *url = strdup("https://example.test/owned");
    ck_assert_ptr_nonnull(url);
    newsmeta_article *a = nm_parse_str(copy, url, NULL);
    memset(copy, 'z', strlen(copy));
    memset(url, 'z', strlen(url));
    free(copy);
    free(url);
    ck_assert_str_eq(a->url, "https://example.test/owned");
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_str_eq(a->paragraphs[0].text,
                     "One paragraph of text, long enough to be kept as the article body.");
    newsmeta_article_free(a);
}
END_TEST

/* The input need not be NUL-terminated: only `length` bytes are read
 * (ASan catches a read past the end of this exact-size buffer). */
START_TEST(input_not_nul_terminated)
{
    size_t n = sizeof PAGE - 1;
    char *buf = malloc(n);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, PAGE, n);
    newsmeta_article *a = nm_parse(buf, n, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* ---- newsmeta_to_json arguments ------------------------------------------------------- */

START_TEST(to_json_invalid_arguments)
{
    newsmeta_article *a = nm_parse_str(PAGE, NULL, NULL);
    newsmeta_error err;
    char dummy = 0;
    char *json = &dummy; /* must be reset to NULL */
    size_t len = 99;
    ck_assert_int_eq(newsmeta_to_json(NULL, 0, &json, &len, &err), NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(err.code, NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_msg(err.message[0] != '\0', "no message");
    ck_assert_ptr_null(json);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(newsmeta_to_json(a, 0, NULL, &len, &err), NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_msg(err.message[0] != '\0', "no message");
    /* out_length is optional */
    ck_assert_int_eq(newsmeta_to_json(a, 0, &json, NULL, &err), NEWSMETA_OK);
    ck_assert_ptr_nonnull(json);
    newsmeta_free(json);
    newsmeta_article_free(a);
}
END_TEST

/* ---- max_input_bytes ----------------------------------------------------------- */

START_TEST(max_input_bytes_limit)
{
    size_t n = sizeof PAGE - 1;
    newsmeta_options o;
    newsmeta_options_init(&o);
    newsmeta_error err;
    newsmeta_article *a = NULL;

    o.max_input_bytes = n; /* the limit itself is allowed */
    ck_assert_int_eq(newsmeta_parse_html(PAGE, n, NULL, &o, &a, &err), NEWSMETA_OK);
    newsmeta_article_free(a);

    o.max_input_bytes = n - 1;
    a = &not_null;
    newsmeta_status st = newsmeta_parse_html(PAGE, n, NULL, &o, &a, &err);
    expect_failure(st, NEWSMETA_ERR_TOO_LARGE, &err, a);

    o.max_input_bytes = 0; /* zero means the default (64 MiB) */
    ck_assert_int_eq(newsmeta_parse_html(PAGE, n, NULL, &o, &a, &err), NEWSMETA_OK);
    newsmeta_article_free(a);
}
END_TEST

/* ---- what the flags promise ------------------------------------------------------ */

static const char READ_MORE_PAGE[] =
    "<html><head><title>Harbour plan</title></head><body><article>"
    "<h1>Harbour board approves second container terminal</h1>"
    "<p>The harbour board approved plans for a second container terminal on Tuesday, ending a "
    "review that began two years ago.</p>"
    "<p>Read more: <a href=\"/harbour/workers-vote\">Harbour workers vote on new shift rota</a></p>"
    "<p>Officials said the terminal would double the port's capacity to 2.4 million containers "
    "a year, with the <a href=\"/harbour/dredging\">dredging</a> due to resume in "
    "October.</p>"
    "<p>Read more: Coastal road project clears environmental hurdle</p>"
    "</article></body></html>";

/* Without options the page has related links (the control). */
START_TEST(related_links_by_default)
{
    newsmeta_article *a = nm_parse_str(READ_MORE_PAGE, "https://news.example.test/a", NULL);
    size_t related = 0, body = 0;
    for (size_t i = 0; i < a->link_count; i++) {
        if (a->links[i].kind == NEWSMETA_LINK_RELATED)
            related++;
        else
            body++;
    }
    ck_assert_uint_eq(related, 2);
    ck_assert_uint_eq(body, 1);
    ck_assert_int_eq(nm_find_paragraph(a, "Read more"), -1);
    newsmeta_article_free(a);
}
END_TEST

/* NEWSMETA_OPT_NO_LINKS: no links of any kind, and the "Read more" lines
 * still do not become paragraphs. */
START_TEST(no_links_drops_related_links)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_LINKS;
    newsmeta_article *a = nm_parse_str(READ_MORE_PAGE, "https://news.example.test/a", &o);
    ck_assert_uint_eq(a->link_count, 0);
    ck_assert_ptr_null(a->links);
    ck_assert_uint_eq(a->paragraph_count, 2);
    ck_assert_int_eq(nm_find_paragraph(a, "Read more"), -1);
    ck_assert_int_eq(nm_find_paragraph(a, "Coastal road"), -1);
    newsmeta_article_free(a);
}
END_TEST

/* NEWSMETA_OPT_NO_BODY on a page with text and no metadata at all: the
 * body was not asked for, so an empty record is the answer (OK), not
 * NEWSMETA_ERR_NOT_ARTICLE. */
START_TEST(no_body_without_metadata_is_ok)
{
    static const char page[] = "<html><body><div><p>Just some text here, with no title, no "
                               "heading and no metadata of any kind.</p></div></body></html>";
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_BODY;
    newsmeta_article *a = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_parse_html(page, sizeof page - 1, NULL, &o, &a, &err), NEWSMETA_OK);
    ck_assert_int_eq(err.code, NEWSMETA_OK);
    ck_assert_str_eq(err.message, "");
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(a->paragraph_count, 0);
    ck_assert_ptr_null(a->headline);
    newsmeta_article_free(a);
    /* the same page without the flag has its text */
    a = nm_parse_str(page, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    newsmeta_article_free(a);
    /* a page with truly nothing is still not an article without the flag */
    static const char empty[] = "<html><body><div></div></body></html>";
    ck_assert_int_eq(newsmeta_parse_html(empty, sizeof empty - 1, NULL, NULL, &a, &err),
                     NEWSMETA_ERR_NOT_ARTICLE);
    ck_assert_ptr_null(a);
}
END_TEST

static Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("version");
    tcase_add_test(tc, version_macros_match_library);
    tcase_add_test(tc, strerror_distinct_for_every_status);
    tcase_add_test(tc, enum_names_are_stable);
    suite_add_tcase(s, tc);

    tc = tcase_create("options");
    tcase_add_test(tc, options_init_sets_size_and_defaults);
    tcase_add_test(tc, null_options_equal_defaults);
    tcase_add_test(tc, max_input_bytes_limit);
    tcase_add_test(tc, related_links_by_default);
    tcase_add_test(tc, no_links_drops_related_links);
    tcase_add_test(tc, no_body_without_metadata_is_ok);
    suite_add_tcase(s, tc);

    tc = tcase_create("arguments");
    tcase_add_loop_test(tc, bad_calls_fail_cleanly, 0,
                        (int)(sizeof BAD_CALLS / sizeof *BAD_CALLS));
    tcase_add_test(tc, bad_options_size_is_invalid);
    tcase_add_test(tc, init_sized_and_parse_agree_on_sizes);
    tcase_add_test(tc, to_json_invalid_arguments);
    suite_add_tcase(s, tc);

    tc = tcase_create("ownership");
    tcase_add_test(tc, error_struct_reset_on_success);
    tcase_add_test(tc, error_struct_is_optional);
    tcase_add_test(tc, free_functions_accept_null);
    tcase_add_test(tc, init_is_idempotent);
    tcase_add_test(tc, article_outlives_input);
    tcase_add_test(tc, input_not_nul_terminated);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(api_suite());
}
