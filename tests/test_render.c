/* newsmeta_render: text, Markdown and HTML, with and without the metadata
 * header, against golden files (tests/render/<case>/expected[-meta].{txt,md,html}).
 * Set NM_UPDATE_RENDER=1 to rewrite the golden files after an intended
 * change, then read their diff. The Markdown's block structure is checked
 * against the HTML's by tests/render/roundtrip.py (python3-markdown). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define RENDER_DIR NM_FIXTURES_DIR "/../render"

static const struct {
    newsmeta_format format;
    uint32_t flags;
    const char *file;
} VARIANTS[] = {
    {NEWSMETA_FORMAT_TEXT, 0, "expected.txt"},
    {NEWSMETA_FORMAT_MARKDOWN, 0, "expected.md"},
    {NEWSMETA_FORMAT_HTML, 0, "expected.html"},
    {NEWSMETA_FORMAT_TEXT, NEWSMETA_RENDER_METADATA, "expected-meta.txt"},
    {NEWSMETA_FORMAT_MARKDOWN, NEWSMETA_RENDER_METADATA, "expected-meta.md"},
    {NEWSMETA_FORMAT_HTML, NEWSMETA_RENDER_METADATA, "expected-meta.html"},
};

static newsmeta_article *parse_case(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s/input.html", RENDER_DIR, name);
    size_t len = 0;
    char *html = nm_read_file(path, &len);
    ck_assert_msg(html != NULL, "cannot read %s", path);
    snprintf(path, sizeof path, "%s/%s/url", RENDER_DIR, name);
    char *url = nm_read_file(path, NULL);
    if (url)
        url[strcspn(url, "\r\n")] = '\0';
    newsmeta_article *a = nm_parse(html, len, url, NULL);
    free(html);
    free(url);
    return a;
}

START_TEST(every_case_matches_its_golden_files)
{
    char **names = NULL;
    size_t n = nm_case_names(RENDER_DIR, "input.html", &names);
    ck_assert_uint_gt(n, 0);
    bool update = getenv("NM_UPDATE_RENDER") != NULL;
    for (size_t c = 0; c < n; c++) {
        newsmeta_article *a = parse_case(names[c]);
        for (size_t v = 0; v < sizeof VARIANTS / sizeof *VARIANTS; v++) {
            char *out = NULL;
            size_t len = 0;
            newsmeta_error err;
            ck_assert_int_eq(newsmeta_render(a, VARIANTS[v].format, VARIANTS[v].flags, &out,
                                             &len, &err), NEWSMETA_OK);
            ck_assert_uint_eq(len, strlen(out));
            char path[512];
            snprintf(path, sizeof path, "%s/%s/%s", RENDER_DIR, names[c], VARIANTS[v].file);
            if (update) {
                FILE *f = fopen(path, "wb");
                ck_assert_ptr_nonnull(f);
                fwrite(out, 1, len, f);
                fclose(f);
            }
            char *want = nm_read_file(path, NULL);
            ck_assert_msg(want != NULL, "missing %s (NM_UPDATE_RENDER=1 writes it)", path);
            ck_assert_msg(strcmp(out, want) == 0, "%s differs; got:\n%s", path, out);
            free(want);
            newsmeta_free(out);
        }
        newsmeta_article_free(a);
    }
    nm_fixture_names_free(names, n);
}
END_TEST

/* Every fixture renders in every format: well-formed, nothing lost. */
START_TEST(every_fixture_renders)
{
    char **names = NULL;
    size_t n = nm_fixture_names(&names);
    for (size_t c = 0; c < n; c++) {
        newsmeta_article *a = nm_parse_fixture(names[c], NULL);
        for (int f = NEWSMETA_FORMAT_JSON; f <= NEWSMETA_FORMAT_HTML; f++) {
            char *out = NULL;
            size_t len = 0;
            ck_assert_int_eq(newsmeta_render(a, (newsmeta_format)f, NEWSMETA_RENDER_METADATA,
                                             &out, &len, NULL), NEWSMETA_OK);
            ck_assert_uint_eq(len, strlen(out));
            /* each block's first words are there (text format: verbatim) */
            if (f == NEWSMETA_FORMAT_TEXT)
                for (size_t p = 0; p < a->paragraph_count; p++)
                    ck_assert_msg(strstr(out, a->paragraphs[p].text) != NULL,
                                  "%s: block %zu missing from the text", names[c], p);
            newsmeta_free(out);
        }
        newsmeta_article_free(a);
    }
    nm_fixture_names_free(names, n);
}
END_TEST

START_TEST(bad_arguments)
{
    newsmeta_article *a = nm_parse_str("<p>One short paragraph of text.</p>", NULL, NULL);
    char *out = (char *)1;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_render(NULL, NEWSMETA_FORMAT_TEXT, 0, &out, NULL, &err),
                     NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(newsmeta_render(a, NEWSMETA_FORMAT_TEXT, 0, NULL, NULL, &err),
                     NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(newsmeta_render(a, (newsmeta_format)9, 0, &out, NULL, &err),
                     NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_str_eq(newsmeta_format_name(NEWSMETA_FORMAT_MARKDOWN), "markdown");
    ck_assert_str_eq(newsmeta_format_name((newsmeta_format)9), "unknown");
    newsmeta_article_free(a);
}
END_TEST

static Suite *render_suite(void)
{
    Suite *s = suite_create("render");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, every_case_matches_its_golden_files);
    tcase_add_test(tc, every_fixture_renders);
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(render_suite());
}
