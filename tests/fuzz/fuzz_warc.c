/* libFuzzer target for the WARC reader (newsmeta_warc_*, lib/warc*.c): the
 * input is an archive, plain or gzip-compressed. Every record it gives must
 * be well-formed — strings UTF-8, a page's bytes inside the reader's limit,
 * offsets inside the archive, an error record with a message — the reader
 * must end (never more records than bytes), and each page goes through
 * newsmeta_parse_html() with its URL and charset, as the CLI does.
 *
 * The first byte chooses the page limit: bit 0 a tiny one (300 bytes), so
 * the too-large path is reached; it stays part of the archive's bytes.
 * Built as fuzz_warc_replay for ctest (seeds: tests/fuzz/seeds/warc) and,
 * with -DNEWSMETA_FUZZ=ON, as the libFuzzer binary fuzz_warc. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_record(const newsmeta_warc_record *r, size_t size, size_t limit)
{
    FUZZ_CHECK(r->message != NULL);
    fuzz_check_url(r->record_id);
    fuzz_check_url(r->date);
    fuzz_check_url(r->target_uri);
    fuzz_check_url(r->content_type);
    fuzz_check_url(r->charset);
    FUZZ_CHECK(r->offset <= size);
    if (r->error != NEWSMETA_OK) {
        FUZZ_CHECK(r->message[0] != '\0');
        FUZZ_CHECK(r->body == NULL && r->body_length == 0);
        return;
    }
    FUZZ_CHECK(r->message[0] == '\0');
    FUZZ_CHECK(r->body != NULL && r->body_length <= limit);
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.charset = r->charset;
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html(r->body, r->body_length, r->target_uri, &o, &a, &err);
    FUZZ_CHECK(st != NEWSMETA_ERR_INTERNAL);
    newsmeta_article_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    if (size && (data[0] & 1))
        o.max_input_bytes = 300;
    size_t limit = o.max_input_bytes ? o.max_input_bytes : NEWSMETA_DEFAULT_MAX_INPUT_BYTES;
    newsmeta_warc *w = NULL;
    newsmeta_error err;
    FUZZ_CHECK(newsmeta_warc_open_memory(data, size, &o, &w, &err) == NEWSMETA_OK);
    (void)newsmeta_is_warc(data, size);
    const newsmeta_warc_record *r;
    uint64_t records = 0;
    while (newsmeta_warc_next(w, &r, &err) == NEWSMETA_OK && r) {
        check_record(r, size, limit);
        FUZZ_CHECK(++records <= size + 1);
    }
    const newsmeta_warc_counts *c = newsmeta_warc_get_counts(w);
    FUZZ_CHECK(c->pages + c->errors == records);
    newsmeta_warc_close(w);
    return 0;
}
