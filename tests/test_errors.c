/* Hostile and degenerate inputs: each must end in OK with sensible text or
 * in a clear status with a message — never a crash, a hang or a leak (the
 * sanitizer build runs these too). Every parse of a hostile input is timed:
 * it must take under a second of CPU (NM_PARSE_SECONDS; ten under the
 * sanitizers, which run several times slower), and the Check timeout of
 * each case bounds the whole test. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

#ifdef NM_SANITIZED
#define NM_PARSE_SECONDS 10.0
#else
#define NM_PARSE_SECONDS 1.0
#endif

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Either outcome is acceptable; both must be well-formed, and quick. */
static newsmeta_status parse_opts(const char *buf, size_t n, const newsmeta_options *o,
                                  newsmeta_article **out)
{
    newsmeta_article *a = NULL;
    newsmeta_error err;
    memset(&err, 'x', sizeof err);
    double t0 = cpu_seconds();
    newsmeta_status st = newsmeta_parse_html(buf, n, NULL, o, &a, &err);
    double spent = cpu_seconds() - t0;
    ck_assert_msg(spent < NM_PARSE_SECONDS, "the parse of %zu bytes took %.2f s of CPU", n,
                  spent);
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

static newsmeta_status parse_any(const char *buf, size_t n, newsmeta_article **out)
{
    return parse_opts(buf, n, NULL, out);
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

/* Inputs with nothing to extract, and the status each gets. */
#define BYTES(literal) literal, sizeof literal - 1
static const struct {
    const char *bytes;
    size_t length;
    newsmeta_status want;
} NOTHING[] = {
    {"", 0, NEWSMETA_ERR_EMPTY_INPUT},
    {"<p>ignored</p>", 0, NEWSMETA_ERR_EMPTY_INPUT}, /* the length wins */
    {BYTES(" \t\r\n\f  \n\n\t"), NEWSMETA_ERR_EMPTY_INPUT},
    {BYTES(" "), NEWSMETA_ERR_EMPTY_INPUT},
    /* a byte order mark and nothing else */
    {BYTES("\xEF\xBB\xBF"), NEWSMETA_ERR_EMPTY_INPUT},
    {BYTES("\xFF\xFE"), NEWSMETA_ERR_EMPTY_INPUT},
    {BYTES("\xFE\xFF"), NEWSMETA_ERR_EMPTY_INPUT},
    /* a document that parses but holds nothing at all */
    {BYTES("<html><body></body></html>"), NEWSMETA_ERR_NOT_ARTICLE},
    {BYTES("<html><head></head><body><div> </div><script>var x = 'not text';</script>"
           "</body></html>"),
     NEWSMETA_ERR_NOT_ARTICLE},
};

START_TEST(nothing_to_extract)
{
    expect_status(NOTHING[_i].bytes, NOTHING[_i].length, NOTHING[_i].want);
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

/* A caller's charset that is no label of the WHATWG Encoding Standard is
 * an encoding error whose message names it, even where ICU has a
 * converter of that name (utf-7, EBCDIC, UTF-32): the caller is told, not
 * silently given another reading. A <meta> naming the same is passed over
 * (test_charsets.c). */
START_TEST(unknown_charset_is_encoding_error)
{
    static const char page[] = "<p>Some text that would otherwise be fine as an article.</p>";
    static const char *const labels[] = {"x-no-such-charset", "utf-7", "ibm037", "UTF-32",
                                         "bocu-1", "utf8mb4", "uft-8", "none", " "};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        newsmeta_options o;
        newsmeta_options_init(&o);
        o.charset = labels[i];
        newsmeta_article *a = NULL;
        newsmeta_error err;
        newsmeta_status st = newsmeta_parse_html(page, sizeof page - 1, NULL, &o, &a, &err);
        ck_assert_int_eq(st, NEWSMETA_ERR_ENCODING);
        ck_assert_ptr_null(a);
        ck_assert_msg(strstr(err.message, labels[i]) && strstr(err.message, "WHATWG"), "%s",
                      err.message);
        /* plain text reads the caller's charset the same way */
        st = newsmeta_parse_text(page, sizeof page - 1, NULL, &o, &a, &err);
        ck_assert_int_eq(st, NEWSMETA_ERR_ENCODING);
    }
}
END_TEST

/* The labels of the replacement encoding (ISO-2022-KR, ISO-2022-CN, HZ)
 * are the standard's, but newsmeta decodes none of them: the message says
 * so. A label that is not printable ASCII is not quoted. */
START_TEST(replacement_charset_is_encoding_error)
{
    static const char page[] = "<p>Some text that would otherwise be fine as an article.</p>";
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.charset = "ISO-2022-KR";
    newsmeta_article *a = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_parse_html(page, sizeof page - 1, NULL, &o, &a, &err),
                     NEWSMETA_ERR_ENCODING);
    ck_assert(strstr(err.message, "\"ISO-2022-KR\"") && strstr(err.message, "replacement"));
    o.charset = "utf-8\n\x1b[31m";
    ck_assert_int_eq(newsmeta_parse_html(page, sizeof page - 1, NULL, &o, &a, &err),
                     NEWSMETA_ERR_ENCODING);
    ck_assert_ptr_null(strchr(err.message, '\n'));
    ck_assert_ptr_null(strchr(err.message, '\x1b'));
}
END_TEST

/* Invalid UTF-8 in a page declared UTF-8 (and mostly well-formed UTF-8:
 * a page whose bytes are mostly not is read in the charset they are, see
 * test_charsets.c) is repaired, not rejected. */
START_TEST(invalid_utf8_repaired)
{
    static const char page[] = "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xC3\xA9 "
                               "na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 \xE2\x80\x94 d\xC3\xA9j\xC3\xA0 vu. Broken "
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
    /* the record says it was cut */
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_DEPTH);
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
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_JSONLD); /* Jansson stops at 2048 */
    newsmeta_article_free(a);

    /* deeper than options.max_jsonld_depth (64) but readable: the article
     * inside is ignored, and the record says so */
    p = buf;
    memcpy(p, head, sizeof head - 1);
    p += sizeof head - 1;
    p = repeat(p, "[", 80);
    p = repeat(p, "{\"@type\":\"NewsArticle\",\"headline\":\"Too deep to be read\"}", 1);
    p = repeat(p, "]", 80);
    memcpy(p, tail, sizeof tail - 1);
    p += sizeof tail - 1;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert(a->headline == NULL || strcmp(a->headline, "Too deep to be read") != 0);
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_JSONLD);
    newsmeta_article_free(a);
    /* with a deeper limit it is read */
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.max_jsonld_depth = 200;
    ck_assert_int_eq(parse_opts(buf, (size_t)(p - buf), &o, &a), NEWSMETA_OK);
    ck_assert_str_eq(a->headline, "Too deep to be read");
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* A 10 MB attribute value and a 10 MB text node. */
START_TEST(huge_attribute_and_text)
{
    const size_t big = 10u * 1000 * 1000;
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

    /* one text node of 10,000,000 bytes: "lorem i " repeated */
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

    /* 10 MiB: past libxml2's limit of 10,000,000 bytes per text node,
     * where it stops reading the page: cut there, and said so */
    const size_t mib10 = 10u * 1024 * 1024;
    buf = malloc(mib10 + 256);
    ck_assert_ptr_nonnull(buf);
    k = sprintf(buf, "<html><body><p>");
    n = (size_t)k;
    for (size_t i = 0; i < mib10 / 8; i++, n += 8)
        memcpy(buf + n, "lorem i ", 8);
    n += (size_t)sprintf(buf + n, "</p><p>After the huge one.</p></body></html>");
    ck_assert_int_eq(parse_any(buf, n, &a), NEWSMETA_OK);
    ck_assert_uint_ge(a->paragraph_count, 1);
    ck_assert_uint_le(a->paragraphs[0].length, 10000000);
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_TEXT);
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
    /* 30,000 of each: over the default limits, and the record says so */
    ck_assert_uint_eq(a->paragraph_count, NEWSMETA_DEFAULT_MAX_PARAGRAPHS);
    ck_assert_uint_le(a->link_count, NEWSMETA_DEFAULT_MAX_LINKS);
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_PARAGRAPHS);
    newsmeta_article_free(a);

    /* the limits are options */
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.max_paragraphs = 5;
    o.max_links = 3;
    ck_assert_int_eq(parse_opts(buf, (size_t)(p - buf), &o, &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->paragraph_count, 5);
    ck_assert_uint_eq(a->link_count, 3);
    ck_assert_uint_eq(a->truncated, NEWSMETA_TRUNCATED_PARAGRAPHS | NEWSMETA_TRUNCATED_LINKS);
    char *json = nm_to_json(a, 0);
    ck_assert(strstr(json, "\"truncated\":[\"paragraphs\",\"links\"]") != NULL);
    newsmeta_free(json);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* Thousands of paragraphs that need NFC (decomposed accents), each with
 * links: the final normalization moves every link with its paragraph, in
 * linear time. */
START_TEST(many_nfd_paragraphs_with_links)
{
    const size_t count = 20000;
    static const char item[] = "<p>Cafe\xCC\x81 <a href=\"/a\">cre\xCC\x80me</a> and "
                               "<a href=\"/b\">the\xCC\x81</a> again.</p>";
    char *buf = malloc(64 + count * (sizeof item - 1) + 64);
    ck_assert_ptr_nonnull(buf);
    char *p = buf + sprintf(buf, "<html><body><article>");
    p = repeat(p, item, count);
    p += sprintf(p, "</article></body></html>");
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert_uint_gt(a->paragraph_count, 1000);
    ck_assert_str_eq(a->paragraphs[0].text, "Café crème and thé again.");
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        ck_assert_int_ge(l->paragraph, 0);
        const char *t = a->paragraphs[l->paragraph].text;
        ck_assert_uint_eq(l->end - l->start, strlen(l->text));
        ck_assert(strncmp(t + l->start, l->text, strlen(l->text)) == 0);
    }
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* 100,000 attributes on one element (libxml2 alone would take minutes:
 * it is quadratic in them): the first ones are kept, the text is there,
 * and the record says attributes were dropped. */
START_TEST(many_attributes)
{
    const size_t count = 100000;
    char *buf = malloc(count * 16 + 512);
    ck_assert_ptr_nonnull(buf);
    char *p = buf + sprintf(buf, "<html><head><title>Many attributes</title></head><body><p ");
    for (size_t i = 0; i < count; i++)
        p += sprintf(p, "a%zu=\"%zu\" ", i, i);
    p += sprintf(p, ">A paragraph under a hundred thousand attributes, long enough to count."
                    "</p></body></html>");
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_str_eq(a->paragraphs[0].text,
                     "A paragraph under a hundred thousand attributes, long enough to count.");
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_ATTRIBUTES);
    newsmeta_article_free(a);

    /* names without values, without blanks between quoted values, and
     * names longer than libxml2's 100 characters (each chunk of 100 is an
     * attribute of its own): all cut the same way */
    char longname[2001];
    for (size_t i = 0; i < 2000; i++)
        longname[i] = (char)('a' + (i * 7 + i / 26) % 26);
    longname[2000] = '\0';
    for (int k = 0; k < 4; k++) {
        p = buf + sprintf(buf, "<html><body><div ");
        size_t n = k == 3 ? 60 : count;
        for (size_t i = 0; i < n; i++) {
            if (k == 0)
                p += sprintf(p, "b%zu ", i);
            else if (k == 1)
                p += sprintf(p, "c%zu=\"x\"", i);
            else if (k == 2)
                p += sprintf(p, "d%zu=x ", i);
            else
                p += sprintf(p, "%s%zu ", longname, i);
        }
        p += sprintf(p, "><p>Text after the attributes, long enough to be kept as a paragraph."
                        "</p></div></body></html>");
        ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
        ck_assert(nm_find_paragraph(a, "Text after the attributes") >= 0);
        ck_assert(a->truncated & NEWSMETA_TRUNCATED_ATTRIBUTES);
        newsmeta_article_free(a);
    }

    /* inside a script or a comment they are only text: not cut */
    p = buf + sprintf(buf, "<html><body><script>var s = '<p ");
    for (size_t i = 0; i < 1000; i++)
        p += sprintf(p, "e%zu=1 ", i);
    p += sprintf(p, ">';</script><p>A paragraph after a script, long enough to be kept.</p>"
                    "</body></html>");
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* Comments, scripts, styles and attribute values that never end. */
START_TEST(unterminated_constructs)
{
    static const char before[] = "<html><head><title>Unterminated</title></head><body>"
                                 "<p>The paragraph before the construct, long enough to count.</p>";
    static const char *const opens[] = {"<!-- ", "<script>", "<style>", "<p title=\"",
                                        "<textarea>", "<![CDATA[", "<?php ", "<!DOCTYPE x "};
    const size_t tail = 10u * 1000 * 1000;
    char *buf = malloc(sizeof before + 32 + tail);
    ck_assert_ptr_nonnull(buf);
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
        char *p = buf;
        memcpy(p, before, sizeof before - 1);
        p += sizeof before - 1;
        p += sprintf(p, "%s", opens[k]);
        /* 10 MB that never closes the construct: tag-looking text where
         * it stays text (a comment, a script, a style, a quoted value),
         * plain words elsewhere (in a <textarea>, which libxml2 parses as
         * markup, tags would make a page of a million elements) */
        const char *unit = k < 4 ? "x <p>y -- " : "x y -- z  ";
        for (size_t i = 0; i < tail / 10; i++, p += 10)
            memcpy(p, unit, 10);
        newsmeta_article *a = NULL;
        ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
        ck_assert_msg(nm_find_paragraph(a, "The paragraph before the construct") >= 0,
                      "text before %s lost", opens[k]);
        newsmeta_article_free(a);
    }
    /* and one of each, short, at the very start */
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
        parse_any(opens[k], strlen(opens[k]), NULL);
    free(buf);
}
END_TEST

/* Inline drawings that never close, each followed by a thousand shapes:
 * prune.c reads ahead through a drawing to find its end, and must not do
 * so again from every later <svg> (that was quadratic: 2.4 s for 10 MB). */
START_TEST(unclosed_drawings)
{
    const size_t drawings = 1400, shapes = 1000;
    char *buf = malloc(drawings * (5 + shapes * 7) + 512);
    ck_assert_ptr_nonnull(buf);
    char *p = buf + sprintf(buf, "<html><body><p>The paragraph before the drawings, long enough "
                                 "to be kept as the article.</p>");
    for (size_t d = 0; d < drawings; d++) {
        p += sprintf(p, "<svg>");
        for (size_t k = 0; k < shapes; k++)
            p += sprintf(p, "<path/>");
    }
    p += sprintf(p, "</body></html>");
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert(nm_find_paragraph(a, "The paragraph before the drawings") >= 0);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* JSON-LD that is not JSON: ignored, the record comes from the markup. */
START_TEST(invalid_jsonld)
{
    static const char *const blocks[] = {
        "{\"@type\": \"NewsArticle\", \"headline\": ",
        "{\"@type\": \"NewsArticle\", \"headline\": \"Unterminated",
        "{{{{[[[[",
        "]",
        "{\"@type\": \"NewsArticle\", \"headline\": \"Bad \\uZZZZ escape\"}",
        "{\"@type\": \"NewsArticle\", \"author\": {\"@id\": \"#a\"}, \"@id\": \"#a\"}",
        "null",
        "\"just a string\"",
        "{\"@type\": 42, \"headline\": [], \"author\": [[[[{}]]]], \"datePublished\": {}}",
        "<!-- -->",
        "",
    };
    for (size_t k = 0; k < sizeof blocks / sizeof *blocks; k++) {
        char buf[1024];
        int n = snprintf(buf, sizeof buf,
                         "<html><head><title>Headline from the markup</title>"
                         "<script type=\"application/ld+json\">%s</script></head><body><p>"
                         "A paragraph of body text that is long enough to count.</p>"
                         "</body></html>",
                         blocks[k]);
        newsmeta_article *a = NULL;
        ck_assert_int_eq(parse_any(buf, (size_t)n, &a), NEWSMETA_OK);
        ck_assert_str_eq(a->headline, "Headline from the markup");
        ck_assert_uint_eq(a->paragraph_count, 1);
        newsmeta_article_free(a);
    }
}
END_TEST

/* A 10 MB JSON-LD block: skipped under the default 4 MiB limit (and
 * flagged), read when the option allows it. */
START_TEST(huge_jsonld)
{
    const size_t big = 10u * 1000 * 1000;
    char *buf = malloc(big + 1024);
    ck_assert_ptr_nonnull(buf);
    char *p = buf + sprintf(buf, "<html><head><title>Markup headline</title>"
                                 "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                                 "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
                                 "\"comment\":[");
    size_t items = big / 20;
    for (size_t i = 0; i < items; i++, p += 20)
        memcpy(p, i + 1 < items ? "\"comment text here\"," : "\"comment text here\"]", 20);
    p += sprintf(p, "}</script></head><body><p>A paragraph of body text that is long enough "
                    "to count.</p></body></html>");
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert_str_eq(a->headline, "Markup headline");
    ck_assert_uint_eq(a->author_count, 0);
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_JSONLD);
    newsmeta_article_free(a);

    /* a larger limit lets it through to libxml2, which keeps no more than
     * 10,000,000 bytes of a script: cut, and said so */
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.max_jsonld_bytes = 16u * 1000 * 1000;
    ck_assert_int_eq(parse_opts(buf, (size_t)(p - buf), &o, &a), NEWSMETA_OK);
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_TEXT);
    newsmeta_article_free(a);

    /* 8 MB, under both: read */
    p = buf + sprintf(buf, "<html><head><title>Markup headline</title>"
                           "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                           "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
                           "\"comment\":[");
    items = 8u * 1000 * 1000 / 20;
    for (size_t i = 0; i < items; i++, p += 20)
        memcpy(p, i + 1 < items ? "\"comment text here\"," : "\"comment text here\"]", 20);
    p += sprintf(p, "}</script></head><body><p>A paragraph of body text that is long enough "
                    "to count.</p></body></html>");
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->author_count, 0); /* over the default 4 MiB */
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_JSONLD);
    newsmeta_article_free(a);
    ck_assert_int_eq(parse_opts(buf, (size_t)(p - buf), &o, &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_str_eq(a->authors[0], "Jane Doe");
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* Years no calendar reaches, and other impossible dates: ignored or kept
 * as a sound timestamp, never a crash or an overflow (UBSan watches). */
START_TEST(absurd_years)
{
    static const char *const dates[] = {
        "99999-01-01",          "99999-12-31T23:59:59Z", "+275760-09-13T00:00:00Z",
        "-0001-01-01",          "0000-00-00T00:00:00Z",  "2024-13-45T99:99:99+99:99",
        "9999999999999999999-01-01", "2147483647-01-01",  "@99999999999999999999",
        "@-99999999999",        "Dec 31, 99999",         "31.12.99999 23:59",
        "1e9999",               "2024-02-30",            "1900-02-29T12:00:00-23:59",
    };
    for (size_t k = 0; k < sizeof dates / sizeof *dates; k++) {
        char buf[2048];
        int n = snprintf(buf, sizeof buf,
                         "<html><head><title>A dated page</title>"
                         "<meta property=\"article:published_time\" content=\"%s\">"
                         "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                         "\"dateModified\":\"%s\"}</script></head><body>"
                         "<p>Published <time datetime=\"%s\">%s</time>: a paragraph of body "
                         "text long enough to count.</p></body></html>",
                         dates[k], dates[k], dates[k], dates[k]);
        newsmeta_article *a = NULL;
        ck_assert_int_eq(parse_any(buf, (size_t)n, &a), NEWSMETA_OK);
        const newsmeta_timestamp *ts[] = {&a->published, &a->modified};
        for (size_t i = 0; i < 2; i++) {
            if (!ts[i]->present)
                continue;
            ck_assert_ptr_nonnull(ts[i]->iso);
            ck_assert_uint_ge(strlen(ts[i]->iso), 4);
            if (ts[i]->offset_known)
                ck_assert_int_le(abs(ts[i]->offset_minutes), 24 * 60);
        }
        newsmeta_article_free(a);
    }
}
END_TEST

/* options.max_depth: deeper elements are cut and the record says so. */
START_TEST(depth_option)
{
    char buf[4096];
    char *p = buf + sprintf(buf, "<html><body><p>A paragraph near the top, long enough to be "
                                 "kept as body text.</p>");
    p = repeat(p, "<div>", 20);
    p += sprintf(p, "<p>A paragraph twenty levels down, long enough to be kept as well.</p>");
    p = repeat(p, "</div>", 20);
    p += sprintf(p, "</body></html>");
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, (size_t)(p - buf), &a), NEWSMETA_OK);
    ck_assert(nm_find_paragraph(a, "twenty levels down") >= 0);
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);

    newsmeta_options o;
    newsmeta_options_init(&o);
    o.max_depth = 10;
    ck_assert_int_eq(parse_opts(buf, (size_t)(p - buf), &o, &a), NEWSMETA_OK);
    ck_assert(nm_find_paragraph(a, "near the top") >= 0);
    ck_assert(nm_find_paragraph(a, "twenty levels down") < 0);
    ck_assert_uint_eq(a->truncated, NEWSMETA_TRUNCATED_DEPTH);
    newsmeta_article_free(a);

    /* out-of-range values count as the ceilings */
    o.max_depth = 0xFFFFFFFFu;
    o.max_jsonld_depth = 0xFFFFFFFFu;
    o.max_paragraphs = 0xFFFFFFFFu;
    o.max_links = 0xFFFFFFFFu;
    o.max_jsonld_bytes = (size_t)-1;
    ck_assert_int_eq(parse_opts(buf, (size_t)(p - buf), &o, &a), NEWSMETA_OK);
    ck_assert(nm_find_paragraph(a, "twenty levels down") >= 0);
    newsmeta_article_free(a);
}
END_TEST

/* A caller built against 0.1.0's smaller newsmeta_options (it ended at
 * max_input_bytes) gets the defaults for the limits it does not know. */
START_TEST(old_options_size)
{
    static const char page[] = "<html><body><p>A paragraph of body text that is long enough "
                               "to count.</p></body></html>";
    newsmeta_options o;
    memset(&o, 0xAB, sizeof o); /* what lies beyond the old struct is not read */
    newsmeta_options_init_sized(&o, offsetof(newsmeta_options, max_depth));
    ck_assert_uint_eq(o.size, offsetof(newsmeta_options, max_depth));
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_opts(page, sizeof page - 1, &o, &a), NEWSMETA_OK);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
}
END_TEST

/* Plain text beyond the line limit (200,000 lines) is not read, and the
 * record says so (issue 17, item 5: no silent loss); a text within it has
 * no such flag. */
START_TEST(text_beyond_line_limit_is_flagged)
{
    static const char line[] = "The harbour ferry returned to service on Monday after repairs.\n";
    const size_t lines = 200010;
    char *text = malloc(lines * (sizeof line - 1) + 32);
    ck_assert_ptr_nonnull(text);
    size_t n = (size_t)sprintf(text, "Ferry returns\n\n");
    for (size_t i = 0; i < lines; i++, n += sizeof line - 1)
        memcpy(text + n, line, sizeof line - 1);
    newsmeta_article *a = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_parse_text(text, n, NULL, NULL, &a, &err), NEWSMETA_OK);
    ck_assert(a->truncated & NEWSMETA_TRUNCATED_TEXT);
    newsmeta_article_free(a);
    /* the same text within the limit */
    n = 15 + 1000 * (sizeof line - 1);
    ck_assert_int_eq(newsmeta_parse_text(text, n, NULL, NULL, &a, &err), NEWSMETA_OK);
    ck_assert(!(a->truncated & NEWSMETA_TRUNCATED_TEXT));
    newsmeta_article_free(a);
    free(text);
}
END_TEST

static Suite *errors_suite(void)
{
    Suite *s = suite_create("errors");
    TCase *tc = tcase_create("empty");
    tcase_add_loop_test(tc, nothing_to_extract, 0, (int)(sizeof NOTHING / sizeof *NOTHING));
    suite_add_tcase(s, tc);

    tc = tcase_create("bytes");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, embedded_nul_bytes);
    tcase_add_test(tc, random_binary_rejected);
    tcase_add_test(tc, nul_heavy_data_is_binary);
    tcase_add_test(tc, random_bytes_never_crash);
    tcase_add_test(tc, unknown_charset_is_encoding_error);
    tcase_add_test(tc, replacement_charset_is_encoding_error);
    tcase_add_test(tc, invalid_utf8_repaired);
    suite_add_tcase(s, tc);

    /* generous for sanitizer builds; a natively built run takes < 1 s */
    tc = tcase_create("pathological");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, deep_nesting);
    tcase_add_test(tc, deep_jsonld);
    tcase_add_test(tc, huge_attribute_and_text);
    tcase_add_test(tc, many_paragraphs_and_links);
    tcase_add_test(tc, many_attributes);
    tcase_add_test(tc, many_nfd_paragraphs_with_links);
    tcase_add_test(tc, unterminated_constructs);
    tcase_add_test(tc, unclosed_drawings);
    tcase_add_test(tc, invalid_jsonld);
    tcase_add_test(tc, huge_jsonld);
    tcase_add_test(tc, absurd_years);
    tcase_add_test(tc, text_beyond_line_limit_is_flagged);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_add_test(tc, depth_option);
    tcase_add_test(tc, old_options_size);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(errors_suite());
}
