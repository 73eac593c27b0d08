/* Hostile and degenerate inputs: each must end in OK with sensible text or
 * in a clear status with a message — never a crash, a hang or a leak (the
 * sanitizer build runs these too). The Check timeout on each case is the
 * "finishes quickly" requirement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Either outcome is acceptable; both must be well-formed. */
static newsmeta_status parse_any(const char *buf, size_t n, newsmeta_article **out)
{
    newsmeta_article *a = NULL;
    newsmeta_error err;
    memset(&err, 'x', sizeof err);
    newsmeta_status st = newsmeta_parse_html(buf, n, NULL, NULL, &a, &err);
    ck_assert_int_eq(err.code, st);
    ck_assert_ptr_nonnull(memchr(err.message, '\0', sizeof err.message));
    if (st == NEWSMETA_OK) {
        ck_assert_ptr_nonnull(a);
        /* and it serializes */
        char *json = nm_to_json(a, 0);
        newsmeta_free(json);
    } else {
        ck_assert_ptr_null(a);
        ck_assert_msg(err.message[0] != '\0', "status %d without a message", (int)st);
    }
    if (out)
        *out = a;
    else
        newsmeta_article_free(a);
    return st;
}

static void expect_status(const char *buf, size_t n, newsmeta_status want)
{
    newsmeta_status st = parse_any(buf, n, NULL);
    ck_assert_msg(st == want, "status %d (%s), expected %d (%s)", (int)st, newsmeta_strerror(st),
                  (int)want, newsmeta_strerror(want));
}

/* Fixed-seed LCG so every run sees the same "random" bytes. */
static void lcg_fill(unsigned char *buf, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (unsigned char)(seed >> 16);
    }
}

/* ---- empty ------------------------------------------------------------- */

START_TEST(zero_bytes_is_empty)
{
    expect_status("", 0, NEWSMETA_ERR_EMPTY_INPUT);
    expect_status("<p>ignored</p>", 0, NEWSMETA_ERR_EMPTY_INPUT); /* length wins */
}
END_TEST

START_TEST(whitespace_is_empty)
{
    static const char ws[] = " \t\r\n\f  \n\n\t";
    expect_status(ws, sizeof ws - 1, NEWSMETA_ERR_EMPTY_INPUT);
    expect_status(" ", 1, NEWSMETA_ERR_EMPTY_INPUT);
}
END_TEST

/* A document that parses but holds nothing at all. */
START_TEST(empty_document_not_article)
{
    static const char page[] = "<html><body></body></html>";
    expect_status(page, sizeof page - 1, NEWSMETA_ERR_NOT_ARTICLE);
    static const char page2[] = "<html><head></head><body><div> </div><script>var x = "
                                "'not text';</script></body></html>";
    expect_status(page2, sizeof page2 - 1, NEWSMETA_ERR_NOT_ARTICLE);
}
END_TEST

/* ---- binary and NULs --------------------------------------------------- */

/* A NUL inside an otherwise fine page must not cut the text short or
 * leak into a C string. */
START_TEST(embedded_nul_bytes)
{
    static const char page[] =
        "<html><head><title>A page with NUL bytes inside it</title></head><body>"
        "<p>First para\0graph has a NUL byte inside it and more text following it.</p>"
        "<p>Second paragraph\0\0 is fine and long enough to count as body text.</p>"
        "</body></html>";
    newsmeta_article *a = NULL;
    newsmeta_status st = parse_any(page, sizeof page - 1, &a);
    if (st == NEWSMETA_OK) {
        ck_assert_uint_eq(a->paragraph_count, 2);
        for (size_t i = 0; i < a->paragraph_count; i++)
            ck_assert_uint_eq(a->paragraphs[i].length, strlen(a->paragraphs[i].text));
        /* the text after each NUL is still there */
        ck_assert(strstr(a->paragraphs[0].text, "graph has a NUL byte") != NULL);
        ck_assert(strstr(a->paragraphs[1].text, "is fine and long enough") != NULL);
        newsmeta_article_free(a);
    }
}
END_TEST

/* 4 KiB of pseudo-random bytes is binary data, not a page. */
START_TEST(random_binary_rejected)
{
    unsigned char buf[4096];
    lcg_fill(buf, sizeof buf, 12345u);
    newsmeta_status st = parse_any((const char *)buf, sizeof buf, NULL);
    ck_assert_msg(st != NEWSMETA_OK, "random bytes were accepted as an article");
    ck_assert_str_ne(newsmeta_strerror(st), "unknown status");
}
END_TEST

/* Data full of NULs and control codes (an image or archive served as a
 * page) is reported as binary, specifically. */
START_TEST(nul_heavy_data_is_binary)
{
    unsigned char buf[2048];
    memset(buf, 0, sizeof buf);
    memcpy(buf, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    for (size_t i = 16; i < sizeof buf; i += 7)
        buf[i] = (unsigned char)(i * 31u);
    expect_status((const char *)buf, sizeof buf, NEWSMETA_ERR_BINARY);
}
END_TEST

/* Many seeds and sizes: whatever the status, no crash and a consistent
 * result (what the sanitizers check). */
START_TEST(random_bytes_never_crash)
{
    unsigned char *buf = malloc(8192);
    ck_assert_ptr_nonnull(buf);
    static const size_t sizes[] = {1, 2, 3, 7, 64, 333, 1024, 4095, 4096, 4097, 8192};
    for (uint32_t seed = 1; seed <= 8; seed++)
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            lcg_fill(buf, sizes[k], seed);
            parse_any((const char *)buf, sizes[k], NULL);
        }
    /* random bytes behind a valid HTML prefix (charset detection, parser
     * recovery on garbage) */
    static const char prefix[] = "<html><head><title>Prefix title</title></head><body><p>";
    memcpy(buf, prefix, sizeof prefix - 1);
    for (uint32_t seed = 1; seed <= 8; seed++) {
        lcg_fill(buf + sizeof prefix - 1, 2048, seed);
        parse_any((const char *)buf, sizeof prefix - 1 + 2048, NULL);
    }
    free(buf);
}
END_TEST

/* ---- charsets ----------------------------------------------------------- */

/* A charset nobody knows is an encoding error, with the name in the
 * message. */
START_TEST(unknown_charset_is_encoding_error)
{
    static const char page[] = "<p>Some text that would otherwise be fine as an article.</p>";
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.charset = "x-no-such-charset";
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html(page, sizeof page - 1, NULL, &o, &a, &err);
    ck_assert_int_eq(st, NEWSMETA_ERR_ENCODING);
    ck_assert_ptr_null(a);
    ck_assert(strstr(err.message, "x-no-such-charset") != NULL);
}
END_TEST

/* Invalid UTF-8 in a page declared UTF-8 is repaired, not rejected. */
START_TEST(invalid_utf8_repaired)
{
    static const char page[] = "<html><head><meta charset=\"utf-8\"></head><body><p>Broken "
                               "\xC3\x28 bytes \xFF\xFE and a cut sequence \xE2\x82 inside a "
                               "paragraph of text.</p></body></html>";
    newsmeta_article *a = nm_parse(page, sizeof page - 1, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert(strstr(a->paragraphs[0].text, "\xEF\xBF\xBD") != NULL); /* U+FFFD */
    ck_assert(strstr(a->paragraphs[0].text, "inside a paragraph of text.") != NULL);
    char *json = nm_to_json(a, 0);
    newsmeta_free(json);
    newsmeta_article_free(a);
}
END_TEST

/* ---- pathological sizes --------------------------------------------------- */

static char *repeat(char *p, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++, p += n)
        memcpy(p, s, n);
    return p;
}

/* 100,000 nested <div>s: the parser's depth limit and our own walks must
 * stop without exhausting the stack. Text before the deep part is kept. */
START_TEST(deep_nesting)
{
    const size_t depth = 100000;
    static const char head[] = "<html><head><title>A deeply nested page</title></head><body>"
                               "<p>Text before the deep nesting is long enough to be kept.</p>";
    static const char inner[] = "<p>Text at the bottom of the nesting.</p>";
    static const char tail[] = "</body></html>";
    size_t cap = sizeof head + depth * 11 + sizeof inner + sizeof tail;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    char *p = buf;
    memcpy(p, head, sizeof head - 1);
    p += sizeof head - 1;
    p = repeat(p, "<div>", depth);
    memcpy(p, inner, sizeof inner - 1);
    p += sizeof inner - 1;
    p = repeat(p, "</div>", depth);
    memcpy(p, tail, sizeof tail - 1);
    p += sizeof tail - 1;

    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert(nm_find_paragraph(a, "Text before the deep nesting") >= 0);
    newsmeta_article_free(a);

    /* only the nesting, no text before it: any clean outcome */
    p = repeat(buf, "<div>", depth);
    memcpy(p, inner, sizeof inner - 1);
    p += sizeof inner - 1;
    p = repeat(p, "</div>", depth);
    parse_any(buf, (size_t)(p - buf), NULL);

    /* deep inline nesting, never closed */
    p = repeat(buf, "<span><b>", depth / 2);
    memcpy(p, inner, sizeof inner - 1);
    p += sizeof inner - 1;
    parse_any(buf, (size_t)(p - buf), NULL);
    free(buf);
}
END_TEST

/* JSON-LD nested far beyond any real page: ignored, not a crash. */
START_TEST(deep_jsonld)
{
    const size_t depth = 100000;
    static const char head[] = "<html><head><script type=\"application/ld+json\">";
    static const char tail[] = "</script></head><body><p>A paragraph of body text that is "
                               "long enough to count.</p></body></html>";
    char *buf = malloc(sizeof head + 2 * depth + 64 + sizeof tail);
    ck_assert_ptr_nonnull(buf);
    char *p = buf;
    memcpy(p, head, sizeof head - 1);
    p += sizeof head - 1;
    p = repeat(p, "[", depth);
    p = repeat(p, "{\"@type\":\"NewsArticle\",\"headline\":\"Deep\"}", 1);
    p = repeat(p, "]", depth);
    memcpy(p, tail, sizeof tail - 1);
    p += sizeof tail - 1;
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->paragraph_count, 1);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* An 8 MiB attribute value and an 8 MiB text node. */
START_TEST(huge_attribute_and_text)
{
    const size_t big = 8u * 1024 * 1024;
    char *buf = malloc(big + 256);
    ck_assert_ptr_nonnull(buf);
    int k = sprintf(buf, "<html><body><p title=\"");
    memset(buf + k, 'a', big);
    size_t n = (size_t)k + big;
    n += (size_t)sprintf(buf + n,
                         "\">A paragraph beside a huge attribute, long enough to count.</p>"
                         "</body></html>");
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, n, &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_str_eq(a->paragraphs[0].text,
                     "A paragraph beside a huge attribute, long enough to count.");
    newsmeta_article_free(a);

    /* one text node of 8 MiB: "lorem i " repeated */
    k = sprintf(buf, "<html><body><p>");
    n = (size_t)k;
    for (size_t i = 0; i < big / 8; i++, n += 8)
        memcpy(buf + n, "lorem i ", 8);
    n += (size_t)sprintf(buf + n, "</p></body></html>");
    ck_assert_int_eq(parse_any(buf, n, &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->paragraph_count, 1);
    /* trailing space trimmed */
    ck_assert_uint_eq(a->paragraphs[0].length, big - 1);
    ck_assert_uint_eq(strlen(a->paragraphs[0].text), big - 1);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* Tens of thousands of paragraphs and links, each tiny. */
START_TEST(many_paragraphs_and_links)
{
    const size_t count = 30000;
    static const char item[] = "<p>Paragraph of text with <a href=\"/p\">a link</a> in it.</p>";
    char *buf = malloc(64 + count * (sizeof item - 1) + 64);
    ck_assert_ptr_nonnull(buf);
    char *p = buf + sprintf(buf, "<html><body><article>");
    p = repeat(p, item, count);
    p += sprintf(p, "</article></body></html>");
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert_uint_gt(a->paragraph_count, 0);
    for (size_t i = 0; i < a->link_count; i++)
        ck_assert_int_lt(a->links[i].paragraph, (int64_t)a->paragraph_count);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

static Suite *errors_suite(void)
{
    Suite *s = suite_create("errors");
    TCase *tc = tcase_create("empty");
    tcase_add_test(tc, zero_bytes_is_empty);
    tcase_add_test(tc, whitespace_is_empty);
    tcase_add_test(tc, empty_document_not_article);
    suite_add_tcase(s, tc);

    tc = tcase_create("bytes");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, embedded_nul_bytes);
    tcase_add_test(tc, random_binary_rejected);
    tcase_add_test(tc, nul_heavy_data_is_binary);
    tcase_add_test(tc, random_bytes_never_crash);
    tcase_add_test(tc, unknown_charset_is_encoding_error);
    tcase_add_test(tc, invalid_utf8_repaired);
    suite_add_tcase(s, tc);

    /* generous for sanitizer builds; a natively built run takes < 1 s */
    tc = tcase_create("pathological");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, deep_nesting);
    tcase_add_test(tc, deep_jsonld);
    tcase_add_test(tc, huge_attribute_and_text);
    tcase_add_test(tc, many_paragraphs_and_links);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(errors_suite());
}
