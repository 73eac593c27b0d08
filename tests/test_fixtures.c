/* Data-driven cases, HTML and plain text alike:
 * tests/fixtures/<case>/{input.html | input.txt, url, expected.json}.
 * input.html is read with newsmeta_parse_html(), input.txt with
 * newsmeta_parse_text(), with the page URL from `url` when the folder has
 * one. The record must equal expected.json as a JSON value (json_equal, so
 * key order and spacing do not matter). One ctest per folder:
 * `test_fixtures <case>`.
 *
 * After a deliberate change of output, review the new records and rewrite
 * them with NEWSMETA_UPDATE_FIXTURES=1 ctest -R fixture. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "testutil.h"

static const char *case_name;

/* The folder's file `name`, or NULL when it has none. */
static char *case_file(const char *name, size_t *length)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/%s", NM_FIXTURES_DIR, case_name, name);
    return nm_read_file(path, length);
}

/* The record of the case's input, HTML or text. */
static newsmeta_article *parse_case(void)
{
    size_t length = 0;
    char *input = case_file("input.html", &length);
    bool text = input == NULL;
    if (text)
        input = case_file("input.txt", &length);
    ck_assert_msg(input != NULL, "%s/%s has neither input.html nor input.txt", NM_FIXTURES_DIR,
                  case_name);
    char *url = case_file("url", NULL);
    if (url) /* one line; drop the newline */
        url[strcspn(url, "\r\n")] = '\0';
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = text ? newsmeta_parse_text(input, length, url, NULL, &a, &err)
                              : newsmeta_parse_html(input, length, url, NULL, &a, &err);
    ck_assert_msg(st == NEWSMETA_OK, "%s: status %d: %s", case_name, (int)st, err.message);
    nm_check_paragraph_shape(a);
    if (text)
        nm_check_text_record(a);
    free(input);
    free(url);
    return a;
}

START_TEST(fixture_matches_expected)
{
    newsmeta_article *a = parse_case();
    char *json = nm_to_json(a, NEWSMETA_JSON_PRETTY);
    newsmeta_article_free(a);

    char path[4096];
    snprintf(path, sizeof path, "%s/%s/expected.json", NM_FIXTURES_DIR, case_name);
    const char *update = getenv("NEWSMETA_UPDATE_FIXTURES");
    if (update && strcmp(update, "1") == 0) {
        FILE *f = fopen(path, "wb");
        ck_assert_msg(f != NULL, "cannot write %s", path);
        fputs(json, f);
        fputc('\n', f);
        ck_assert_int_eq(fclose(f), 0);
    }

    json_error_t e;
    json_t *want = json_load_file(path, 0, &e);
    ck_assert_msg(want != NULL, "%s: %s (line %d)", path, e.text, e.line);
    json_t *got = json_loads(json, 0, &e);
    ck_assert_msg(got != NULL, "output is not JSON: %s", e.text);
    if (!json_equal(got, want))
        /* print the record so the difference can be seen and, if it is
         * intended, the expectation updated */
        fprintf(stderr, "%s: actual record:\n%s\n", case_name, json);
    ck_assert_msg(json_equal(got, want), "%s: output differs from expected.json", case_name);
    json_decref(got);
    json_decref(want);
    newsmeta_free(json);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CASE (a folder of %s)\n", argv[0], NM_FIXTURES_DIR);
        return 2;
    }
    case_name = argv[1];
    Suite *s = suite_create("fixtures");
    TCase *tc = tcase_create(case_name);
    tcase_add_test(tc, fixture_matches_expected);
    suite_add_tcase(s, tc);
    return nm_run_suite(s);
}
