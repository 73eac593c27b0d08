/* The WARC reader (newsmeta_warc_*): archives written here, record by
 * record, plain and gzip-compressed, with HTTP codings and with damage.
 * Every intact record after a damaged stretch must still come out. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <brotli/encode.h>
#include <zlib.h>

#include "testutil.h"

/* ---- writing archives ------------------------------------------------------ */

typedef struct bytes {
    char *data;
    size_t len, cap;
} bytes;

static void put(bytes *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        ck_assert_ptr_nonnull(b->data);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void puts_(bytes *b, const char *s)
{
    put(b, s, strlen(s));
}

/* zlib with the given window bits: 15 + 16 gzip, 15 zlib, -15 raw deflate. */
static bytes deflated(const char *s, size_t n, int window_bits)
{
    bytes out = {0};
    z_stream z;
    memset(&z, 0, sizeof z);
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 32;
    out.data = malloc(cap);
    out.cap = cap;
    z.next_in = (Bytef *)(uintptr_t)s;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out.data;
    z.avail_out = (uInt)cap;
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    out.len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

static bytes brotli(const char *s, size_t n)
{
    bytes out = {0};
    out.cap = BrotliEncoderMaxCompressedSize(n) + 16;
    out.data = malloc(out.cap);
    size_t len = out.cap;
    ck_assert(BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, n, (const uint8_t *)s, &len,
                                    (uint8_t *)out.data));
    out.len = len;
    return out;
}

/* An HTTP response: status line, the given header lines, the entity. */
static bytes http(const char *headers, const char *entity, size_t entity_len)
{
    bytes b = {0};
    puts_(&b, "HTTP/1.1 200 OK\r\n");
    puts_(&b, headers);
    puts_(&b, "\r\n");
    put(&b, entity, entity_len);
    return b;
}

typedef struct archive {
    bytes data;
    bool gzip;
    int serial;
} archive;

/* One record; content_length < 0 writes the block's true length. */
static size_t add_record_len(archive *a, const char *type, const char *uri, const char *ctype,
                             const bytes *block, long content_length)
{
    bytes r = {0};
    char head[512];
    int serial = ++a->serial;
    snprintf(head, sizeof head,
             "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:0000-%04d>\r\n"
             "WARC-Date: 2026-03-14T09:30:0%dZ\r\n%s%s%sContent-Type: %s\r\n"
             "Content-Length: %ld\r\n\r\n",
             type, serial, serial % 10, uri ? "WARC-Target-URI: " : "", uri ? uri : "",
             uri ? "\r\n" : "", ctype, content_length < 0 ? (long)block->len : content_length);
    puts_(&r, head);
    put(&r, block->data, block->len);
    puts_(&r, "\r\n\r\n");
    size_t offset = a->data.len;
    if (a->gzip) {
        bytes z = deflated(r.data, r.len, 15 + 16);
        put(&a->data, z.data, z.len);
        free(z.data);
    } else {
        put(&a->data, r.data, r.len);
    }
    free(r.data);
    return offset;
}

static size_t add_record(archive *a, const char *type, const char *uri, const char *ctype,
                         const bytes *block)
{
    return add_record_len(a, type, uri, ctype, block, -1);
}

static const char PAGE[] =
    "<html><head><title>Reservoir solar farm opens</title></head><body><article>"
    "<h1>Reservoir solar farm opens</h1><p>The floating array of the valley's reservoir "
    "began feeding the grid on Monday, the operator said in a statement.</p>"
    "<p>It covers a tenth of the water's surface and shades it in summer.</p>"
    "</article></body></html>";

/* A response record of PAGE with these extra HTTP header lines and entity. */
static size_t add_page_with(archive *a, const char *uri, const char *headers,
                            const char *entity, size_t entity_len)
{
    bytes h = http(headers, entity, entity_len);
    size_t at = add_record(a, "response", uri, "application/http; msgtype=response", &h);
    free(h.data);
    return at;
}

static size_t add_page(archive *a, const char *uri)
{
    return add_page_with(a, uri, "Content-Type: text/html; charset=UTF-8\r\n", PAGE,
                         strlen(PAGE));
}

static void add_other_records(archive *a)
{
    bytes info = {0}, req = {0}, png = {0};
    puts_(&info, "software: test_warc\r\nformat: WARC File Format 1.1\r\n");
    add_record(a, "warcinfo", NULL, "application/warc-fields", &info);
    puts_(&req, "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n");
    add_record(a, "request", "https://news.example/a", "application/http; msgtype=request", &req);
    png = http("Content-Type: image/png\r\n", "\x89PNG\r\n", 6);
    add_record(a, "response", "https://news.example/a.png", "application/http; msgtype=response",
               &png);
    add_record(a, "metadata", "https://news.example/a", "application/warc-fields", &info);
    add_record(a, "revisit", "https://news.example/a", "application/http; msgtype=response",
               &req);
    free(info.data);
    free(req.data);
    free(png.data);
}

/* ---- reading archives ------------------------------------------------------ */

typedef struct seen {
    int pages, errors;
    char uris[16][64];
    newsmeta_status codes[16];
    uint64_t offsets[16];
} seen;

static seen read_all(const archive *a, const newsmeta_options *o, newsmeta_warc_counts *counts)
{
    seen s;
    memset(&s, 0, sizeof s);
    newsmeta_warc *w = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_warc_open_memory(a->data.data, a->data.len, o, &w, &err),
                     NEWSMETA_OK);
    const newsmeta_warc_record *r;
    for (int n = 0; n < 16; n++) {
        ck_assert_int_eq(newsmeta_warc_next(w, &r, &err), NEWSMETA_OK);
        if (!r)
            break;
        s.codes[n] = r->error;
        s.offsets[n] = r->offset;
        ck_assert_ptr_nonnull(r->message);
        if (r->error == NEWSMETA_OK) {
            ck_assert_str_eq(r->message, "");
            ck_assert_ptr_nonnull(r->target_uri);
            snprintf(s.uris[n], sizeof s.uris[n], "%s", r->target_uri);
            ck_assert_uint_eq(r->body_length, strlen(PAGE));
            ck_assert(memcmp(r->body, PAGE, strlen(PAGE)) == 0);
            s.pages++;
        } else {
            ck_assert_msg(r->message[0] != '\0', "an error record says what is wrong");
            snprintf(s.uris[n], sizeof s.uris[n], "error");
            s.errors++;
        }
    }
    if (counts)
        *counts = *newsmeta_warc_get_counts(w);
    newsmeta_warc_close(w);
    return s;
}

static void check_whole_archive(bool gzip)
{
    archive a = {.gzip = gzip};
    add_other_records(&a);
    size_t at = add_page(&a, "https://news.example/solar");
    newsmeta_warc *w = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_warc_open_memory(a.data.data, a.data.len, NULL, &w, &err),
                     NEWSMETA_OK);
    const newsmeta_warc_record *r;
    ck_assert_int_eq(newsmeta_warc_next(w, &r, &err), NEWSMETA_OK);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->error, NEWSMETA_OK);
    ck_assert_str_eq(r->target_uri, "https://news.example/solar");
    ck_assert_str_eq(r->record_id, "<urn:uuid:0000-0006>");
    ck_assert_str_eq(r->date, "2026-03-14T09:30:06Z");
    ck_assert_int_eq(r->http_status, 200);
    ck_assert_str_eq(r->content_type, "text/html");
    ck_assert_str_eq(r->charset, "UTF-8");
    ck_assert_uint_eq(r->offset, at);
    newsmeta_article *art = nm_parse(r->body, r->body_length, r->target_uri, NULL);
    ck_assert_str_eq(art->headline, "Reservoir solar farm opens");
    newsmeta_article_free(art);
    ck_assert_int_eq(newsmeta_warc_next(w, &r, &err), NEWSMETA_OK);
    ck_assert_ptr_null(r);
    const newsmeta_warc_counts *c = newsmeta_warc_get_counts(w);
    ck_assert_uint_eq(c->pages, 1);
    ck_assert_uint_eq(c->errors, 0);
    ck_assert_uint_eq(c->not_html, 1);
    ck_assert_uint_eq(c->requests, 1);
    ck_assert_uint_eq(c->metadata, 1);
    ck_assert_uint_eq(c->revisits, 1);
    ck_assert_uint_eq(c->warcinfo, 1);
    newsmeta_warc_close(w);
    free(a.data.data);
}

START_TEST(plain_archive_gives_its_page_and_counts_the_rest)
{
    check_whole_archive(false);
}
END_TEST

START_TEST(gzip_archive_gives_member_offsets)
{
    check_whole_archive(true);
}
END_TEST

START_TEST(http_codings_are_removed)
{
    for (int gz = 0; gz < 2; gz++) {
        archive a = {.gzip = gz == 1};
        bytes chunked = {0};
        size_t n = strlen(PAGE), half = n / 2;
        char line[32];
        snprintf(line, sizeof line, "%zx;ext=1\r\n", half);
        puts_(&chunked, line);
        put(&chunked, PAGE, half);
        snprintf(line, sizeof line, "\r\n%zX\r\n", n - half);
        puts_(&chunked, line);
        put(&chunked, PAGE + half, n - half);
        puts_(&chunked, "\r\n0\r\nX-Trailer: 1\r\n\r\n");
        add_page_with(&a, "https://news.example/chunked",
                      "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked.data,
                      chunked.len);
        bytes g = deflated(PAGE, n, 15 + 16), zl = deflated(PAGE, n, 15),
              raw = deflated(PAGE, n, -15), br = brotli(PAGE, n);
        add_page_with(&a, "https://news.example/gzip",
                      "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", g.data, g.len);
        add_page_with(&a, "https://news.example/zlib",
                      "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", zl.data, zl.len);
        add_page_with(&a, "https://news.example/raw",
                      "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", raw.data,
                      raw.len);
        add_page_with(&a, "https://news.example/br",
                      "content-type: TEXT/HTML\r\ncontent-encoding: br\r\n", br.data, br.len);
        /* gzip inside chunks: the transfer coding comes off first */
        bytes gz_chunked = {0};
        snprintf(line, sizeof line, "%zx\r\n", g.len);
        puts_(&gz_chunked, line);
        put(&gz_chunked, g.data, g.len);
        puts_(&gz_chunked, "\r\n0\r\n\r\n");
        add_page_with(&a, "https://news.example/both",
                      "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                      "Content-Encoding: gzip\r\n", gz_chunked.data, gz_chunked.len);
        /* no Content-Type: the page says it is HTML */
        add_page_with(&a, "https://news.example/untyped", "", PAGE, n);
        seen s = read_all(&a, NULL, NULL);
        ck_assert_int_eq(s.errors, 0);
        ck_assert_int_eq(s.pages, 7);
        ck_assert_str_eq(s.uris[4], "https://news.example/br");
        free(chunked.data), free(gz_chunked.data), free(g.data), free(zl.data), free(raw.data),
            free(br.data), free(a.data.data);
    }
}
END_TEST

START_TEST(truncated_gzip_member_loses_only_its_record)
{
    archive a = {.gzip = true};
    add_page(&a, "https://news.example/1");
    size_t cut_at = add_page(&a, "https://news.example/2");
    size_t whole = a.data.len;
    add_page(&a, "https://news.example/3");
    add_page(&a, "https://news.example/4");
    /* drop the second half of member 2 */
    size_t cut = (whole - cut_at) / 2;
    memmove(a.data.data + cut_at + cut, a.data.data + whole, a.data.len - whole);
    a.data.len -= whole - cut_at - cut;
    seen s = read_all(&a, NULL, NULL);
    ck_assert_int_eq(s.pages, 3);
    ck_assert_int_eq(s.errors, 1);
    ck_assert_str_eq(s.uris[0], "https://news.example/1");
    ck_assert_int_eq(s.codes[1], NEWSMETA_ERR_DAMAGED);
    ck_assert_uint_eq(s.offsets[1], cut_at);
    ck_assert_str_eq(s.uris[2], "https://news.example/3");
    ck_assert_str_eq(s.uris[3], "https://news.example/4");
    free(a.data.data);
}
END_TEST

START_TEST(garbage_between_records_is_one_error)
{
    for (int gz = 0; gz < 2; gz++) {
        archive a = {.gzip = gz == 1};
        add_page(&a, "https://news.example/1");
        puts_(&a.data, "garbage\r\nWARC-ish noise\x1f\x8b then more\r\n");
        add_page(&a, "https://news.example/2");
        seen s = read_all(&a, NULL, NULL);
        ck_assert_int_eq(s.pages, 2);
        ck_assert_int_eq(s.errors, 1);
        ck_assert_str_eq(s.uris[2], "https://news.example/2");
        free(a.data.data);
    }
}
END_TEST

START_TEST(wrong_content_length_resynchronizes)
{
    for (int gz = 0; gz < 2; gz++) {
        for (int longer = 0; longer < 2; longer++) {
            archive a = {.gzip = gz == 1};
            add_page(&a, "https://news.example/1");
            bytes h = http("Content-Type: text/html\r\n", PAGE, strlen(PAGE));
            add_record_len(&a, "response", "https://news.example/bad",
                           "application/http; msgtype=response", &h,
                           (long)h.len + (longer ? 300 : -40));
            add_page(&a, "https://news.example/2");
            add_page(&a, "https://news.example/3");
            seen s = read_all(&a, NULL, NULL);
            ck_assert_msg(s.pages == 3 && s.errors == 1, "gzip %d longer %d: %d pages %d errors",
                          gz, longer, s.pages, s.errors);
            ck_assert_str_eq(s.uris[2], "https://news.example/2");
            free(h.data);
            free(a.data.data);
        }
    }
}
END_TEST

START_TEST(record_cut_at_the_end)
{
    for (int gz = 0; gz < 2; gz++) {
        archive a = {.gzip = gz == 1};
        add_page(&a, "https://news.example/1");
        size_t at = add_page(&a, "https://news.example/2");
        a.data.len = at + (a.data.len - at) / 2;
        newsmeta_warc_counts c;
        seen s = read_all(&a, NULL, &c);
        ck_assert_int_eq(s.pages, 1);
        ck_assert_int_eq(s.errors, 1);
        ck_assert_int_eq(s.codes[1], NEWSMETA_ERR_DAMAGED);
        ck_assert_uint_eq(c.errors, 1);
        free(a.data.data);
    }
}
END_TEST

START_TEST(page_over_the_limit_is_a_too_large_record)
{
    archive a = {.gzip = false};
    add_page(&a, "https://news.example/1");
    char *big = malloc(300000);
    memset(big, 'a', 300000);
    memcpy(big, "<html><body><p>", 15);
    add_page_with(&a, "https://news.example/big", "Content-Type: text/html\r\n", big, 300000);
    add_page(&a, "https://news.example/2");
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.max_input_bytes = 1000;
    seen s = read_all(&a, &o, NULL);
    ck_assert_int_eq(s.pages, 2);
    ck_assert_int_eq(s.codes[1], NEWSMETA_ERR_TOO_LARGE);
    free(big);
    free(a.data.data);
}
END_TEST

START_TEST(not_a_warc_is_one_error_and_no_crash)
{
    const char *inputs[] = {"", "<html><body>hello</body></html>", "WARC/1.1\r\n",
                            "WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\nx",
                            "\x1f\x8b\x08\x00garbage"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        archive a = {.gzip = false};
        put(&a.data, inputs[i], strlen(inputs[i]));
        seen s = read_all(&a, NULL, NULL);
        ck_assert_int_eq(s.pages, 0);
        ck_assert_int_le(s.errors, 1);
        free(a.data.data);
    }
}
END_TEST

START_TEST(is_warc_looks_at_the_content)
{
    archive plain = {.gzip = false}, gz = {.gzip = true};
    add_page(&plain, "https://news.example/1");
    add_page(&gz, "https://news.example/1");
    ck_assert(newsmeta_is_warc(plain.data.data, plain.data.len));
    ck_assert(newsmeta_is_warc(gz.data.data, gz.data.len));
    ck_assert(!newsmeta_is_warc(PAGE, strlen(PAGE)));
    bytes html_gz = deflated(PAGE, strlen(PAGE), 15 + 16);
    ck_assert(!newsmeta_is_warc(html_gz.data, html_gz.len));
    ck_assert(!newsmeta_is_warc(NULL, 0));
    free(plain.data.data), free(gz.data.data), free(html_gz.data);
}
END_TEST

START_TEST(open_reports_io_errors)
{
    newsmeta_warc *w = (newsmeta_warc *)1;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_warc_open("/nonexistent/archive.warc.gz", NULL, &w, &err),
                     NEWSMETA_ERR_IO);
    ck_assert_ptr_null(w);
    ck_assert(strstr(err.message, "/nonexistent/archive.warc.gz") != NULL);
    ck_assert_int_eq(newsmeta_warc_open("/", NULL, &w, &err), NEWSMETA_ERR_IO);
    ck_assert_int_eq(newsmeta_warc_open(NULL, NULL, &w, &err), NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(newsmeta_warc_next(NULL, NULL, &err), NEWSMETA_ERR_INVALID_ARGUMENT);
    newsmeta_warc_close(NULL);
    /* a file on disk is read like memory */
    char dir[] = "/tmp/nm-warc-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/a.warc.gz", dir);
    archive a = {.gzip = true};
    add_page(&a, "https://news.example/1");
    FILE *f = fopen(path, "wb");
    fwrite(a.data.data, 1, a.data.len, f);
    fclose(f);
    ck_assert_int_eq(newsmeta_warc_open(path, NULL, &w, &err), NEWSMETA_OK);
    const newsmeta_warc_record *r;
    ck_assert_int_eq(newsmeta_warc_next(w, &r, &err), NEWSMETA_OK);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r->target_uri, "https://news.example/1");
    newsmeta_warc_close(w);
    unlink(path);
    rmdir(dir);
    free(a.data.data);
}
END_TEST

static Suite *warc_suite(void)
{
    Suite *s = suite_create("warc");
    TCase *tc = tcase_create("reader");
    tcase_add_test(tc, plain_archive_gives_its_page_and_counts_the_rest);
    tcase_add_test(tc, gzip_archive_gives_member_offsets);
    tcase_add_test(tc, http_codings_are_removed);
    tcase_add_test(tc, truncated_gzip_member_loses_only_its_record);
    tcase_add_test(tc, garbage_between_records_is_one_error);
    tcase_add_test(tc, wrong_content_length_resynchronizes);
    tcase_add_test(tc, record_cut_at_the_end);
    tcase_add_test(tc, page_over_the_limit_is_a_too_large_record);
    tcase_add_test(tc, not_a_warc_is_one_error_and_no_crash);
    tcase_add_test(tc, is_warc_looks_at_the_content);
    tcase_add_test(tc, open_reports_io_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(warc_suite());
}
