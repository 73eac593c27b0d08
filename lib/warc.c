/* WARC records (ISO 28500, WARC 1.0 and 1.1) on the plain stream of
 * warc_stream.c, and the public reader (newsmeta_warc_* in newsmeta.h).
 *
 * A record is a version line, header fields up to a blank line, a content
 * block of Content-Length bytes, and CRLF CRLF. Anything else where a record
 * should start or end is damage: it becomes one error record, and the
 * reader looks for the next line that starts a record ("WARC/1."), or the
 * next gzip member when the compressed data itself is damaged. */
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC, posix_madvise */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/utf8.h>

#include "warc.h"

/* A record's header fields end within this many bytes, or it is damaged. */
#define MAX_HEADER ((size_t)64 * 1024)
/* Bytes of a content block read to decide what it is before skipping it. */
#define PEEK_BYTES ((size_t)16 * 1024)
/* Plain bytes scanned at once while looking for the next record. */
#define SCAN_STEP ((size_t)1024 * 1024)

struct newsmeta_warc {
    unsigned char *mapping;     /* the mapped file, or NULL for caller memory */
    size_t mapping_len;
    nmi_warc_stream stream;
    uint64_t next_record;       /* plain offset where the next record may start */
    size_t max_page;            /* largest page handed out */
    nmi_arena strings;          /* the current record's strings */
    nmi_buf body;               /* the current page, when it had to be decoded */
    char message[160];
    newsmeta_warc_record record;
    newsmeta_warc_counts counts;
};

/* What a record's header says, read once: the window it was read from may
 * move while the block is read, so nothing here points into it. */
typedef enum warc_kind {
    KIND_OTHER, KIND_RESPONSE, KIND_RESOURCE, KIND_REQUEST, KIND_METADATA, KIND_REVISIT,
    KIND_WARCINFO
} warc_kind;

typedef struct warc_header {
    warc_kind kind;
    bool http_block;            /* the block is an HTTP message (or untyped) */
    const char *media_type;     /* the block's Content-Type, for a resource */
    const char *charset;
    bool has_length;
    uint64_t content_length;
} warc_header;

/* ---- small helpers ---------------------------------------------------------- */

static const char *plain_at(const newsmeta_warc *w, uint64_t offset)
{
    return (const char *)w->stream.window + (offset - w->stream.window_at);
}

/* A header value as a record string: valid UTF-8 kept, every other byte
 * U+FFFD, or %XX in a URI (as a browser writes raw bytes of a URL). */
static const char *header_string(newsmeta_warc *w, const char *s, size_t n, bool uri)
{
    if (!s)
        return NULL;
    nmi_buf b;
    nmi_buf_init(&b);
    for (int32_t i = 0; i < (int32_t)n;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, (int32_t)n, c);
        if (c >= 0 && c != 0) {
            nmi_buf_append(&b, s + start, (size_t)(i - start));
        } else if (uri) {
            char hex[4];
            snprintf(hex, sizeof hex, "%%%02X", (unsigned char)s[start]);
            nmi_buf_append(&b, hex, 3);
            i = start + 1;
        } else {
            nmi_buf_append(&b, "\xEF\xBF\xBD", 3);
        }
    }
    const char *copy = b.oom ? NULL : nmi_arena_strndup(&w->strings, b.data ? b.data : "", b.len);
    nmi_buf_free(&b);
    return copy;
}

/* ---- finding records -------------------------------------------------------- */

static bool version_line_at(const char *s, size_t n)
{
    return n >= 9 && memcmp(s, "WARC/1.", 7) == 0 && (s[7] == '0' || s[7] == '1') &&
           (s[8] == '\r' || s[8] == '\n');
}

/* Moves w->next_record to the next line that starts a record, at or after
 * `from`; passes a break of the compressed data on the way (its damage is
 * part of the stretch being skipped). At the end: the end of the stream. */
static bool seek_record(newsmeta_warc *w, uint64_t from)
{
    nmi_warc_stream *s = &w->stream;
    uint64_t at = from;
    for (;;) {
        bool nomem;
        uint64_t end = nmi_warc_stream_fill(s, at + SCAN_STEP, &nomem);
        if (nomem)
            return false;
        for (; at + 9 <= end; at++) {
            const char *p = plain_at(w, at);
            const char *hit = memchr(p, 'W', (size_t)(end - at));
            if (!hit)
                break;
            at += (uint64_t)(hit - p);
            if (at + 9 > end)
                break;
            bool line_start = at == s->restart_at ||
                              (at > s->window_at && plain_at(w, at)[-1] == '\n');
            if (line_start && version_line_at(plain_at(w, at), (size_t)(end - at))) {
                w->next_record = at;
                return true;
            }
        }
        const nmi_warc_break *brk = nmi_warc_stream_break(s);
        if (brk && end == brk->plain_at) {
            nmi_warc_stream_pass_break(s);
            at = end;
            continue;
        }
        if (s->at_end && end == nmi_warc_stream_fill(s, end + 1, &nomem)) {
            w->next_record = end;
            return true;
        }
        /* keep the last bytes: a version line may straddle the step */
        at = end > 9 ? end - 9 : 0;
        if (at < from)
            at = from;
        nmi_warc_stream_drop(s, at > 0 ? at - 1 : 0);
    }
}

/* ---- the record handed out -------------------------------------------------- */

static void reset_record(newsmeta_warc *w, uint64_t at)
{
    nmi_arena_release(&w->strings);
    memset(&w->record, 0, sizeof w->record);
    w->message[0] = '\0';
    w->record.message = w->message;
    w->record.offset = nmi_warc_stream_archive_offset(&w->stream, at);
}

/* Makes the current record an error record, and the reader go on at the
 * next record after `resume`. */
static const newsmeta_warc_record *error_record(newsmeta_warc *w, newsmeta_status code,
                                                uint64_t resume, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static const newsmeta_warc_record *error_record(newsmeta_warc *w, newsmeta_status code,
                                                uint64_t resume, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->message, sizeof w->message, fmt, ap);
    va_end(ap);
    if (!w->message[0]) /* an error record always says what */
        snprintf(w->message, sizeof w->message, "%s", newsmeta_strerror(code));
    w->record.error = code;
    w->record.body = NULL;
    w->record.body_length = 0;
    w->counts.errors++;
    if (!seek_record(w, resume)) {
        w->record.error = NEWSMETA_ERR_NOMEM;
        snprintf(w->message, sizeof w->message, "out of memory while reading the archive");
        w->next_record = UINT64_MAX;
    }
    return &w->record;
}

/* ---- reading one record ----------------------------------------------------- */

/* The header fields of the record at `at`, up to the blank line; returns the
 * offset of the content block, or 0 when the header does not end in time. */
static uint64_t read_header(newsmeta_warc *w, uint64_t at, uint64_t end, warc_header *h)
{
    static const struct {
        const char *name;
        warc_kind kind;
    } KINDS[] = {{"response", KIND_RESPONSE}, {"resource", KIND_RESOURCE},
                 {"request", KIND_REQUEST},   {"metadata", KIND_METADATA},
                 {"revisit", KIND_REVISIT},   {"warcinfo", KIND_WARCINFO}};
    memset(h, 0, sizeof *h);
    h->http_block = true; /* until a Content-Type says otherwise */
    const char *base = plain_at(w, at);
    size_t n = (size_t)(end - at);
    const char *nl = memchr(base, '\n', n);
    size_t pos = nl ? (size_t)(nl - base) + 1 : n; /* past the version line */
    nmi_header_field f;
    nmi_header_step step;
    while ((step = nmi_http_next_field(base, n, &pos, &f)) == NMI_HEADER_FIELD) {
        const char *v = f.value;
        size_t vn = f.value_len;
        if (nmi_http_token_is(f.name, f.name_len, "warc-type")) {
            for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++)
                if (nmi_http_token_is(v, vn, KINDS[k].name))
                    h->kind = KINDS[k].kind;
        } else if (nmi_http_token_is(f.name, f.name_len, "warc-record-id")) {
            w->record.record_id = header_string(w, v, vn, false);
        } else if (nmi_http_token_is(f.name, f.name_len, "warc-date")) {
            w->record.date = header_string(w, v, vn, false);
        } else if (nmi_http_token_is(f.name, f.name_len, "warc-target-uri")) {
            /* WARC 1.0 wrote it in angle brackets */
            if (vn >= 2 && v[0] == '<' && v[vn - 1] == '>') {
                v++;
                vn -= 2;
            }
            w->record.target_uri = header_string(w, v, vn, true);
        } else if (nmi_http_token_is(f.name, f.name_len, "content-type")) {
            h->http_block = vn >= 16 && nmi_http_token_is(v, 16, "application/http");
            nmi_http_content_type(v, vn, &w->strings, &h->media_type, &h->charset);
        } else if (nmi_http_token_is(f.name, f.name_len, "content-length")) {
            uint64_t value = 0;
            size_t i = 0;
            for (; i < vn && v[i] >= '0' && v[i] <= '9' && value < UINT64_MAX / 10 - 10; i++)
                value = value * 10 + (uint64_t)(v[i] - '0');
            h->has_length = i > 0 && i == vn;
            h->content_length = value;
        }
    }
    return step == NMI_HEADER_END ? at + pos : 0;
}

/* Counts a skipped record by its type. */
static void count_skipped(newsmeta_warc *w, const warc_header *h)
{
    switch (h->kind) {
    case KIND_REQUEST: w->counts.requests++; break;
    case KIND_METADATA: w->counts.metadata++; break;
    case KIND_REVISIT: w->counts.revisits++; break;
    case KIND_WARCINFO: w->counts.warcinfo++; break;
    case KIND_RESPONSE: case KIND_RESOURCE: w->counts.not_html++; break;
    case KIND_OTHER: w->counts.other++; break;
    }
}

/* A response (an HTTP message, or a bare payload) or a resource may hold a
 * page; *http says whether an HTTP message wraps it. */
static bool may_be_page(const warc_header *h, bool *http)
{
    *http = h->kind == KIND_RESPONSE && h->http_block;
    return h->kind == KIND_RESPONSE || h->kind == KIND_RESOURCE;
}

/* The page in a complete content block, or a reason to skip it; returns the
 * record to hand out, or NULL to go on with the next one. */
static const newsmeta_warc_record *page_record(newsmeta_warc *w, const warc_header *h,
                                               const char *block, size_t len, uint64_t after)
{
    bool http;
    if (!may_be_page(h, &http)) {
        count_skipped(w, h);
        return NULL;
    }
    newsmeta_warc_record *r = &w->record;
    nmi_http_response resp = {0, NULL, NULL, block, len};
    if (http) {
        char why[96];
        nmi_http_outcome o = nmi_http_read(block, len, w->max_page, &w->strings, &w->body, &resp, why);
        r->http_status = resp.status;
        r->content_type = resp.media_type;
        r->charset = resp.charset;
        if (o == NMI_HTTP_NOT_HTTP) { /* dns:, whois: and the like */
            w->counts.not_html++;
            return NULL;
        }
        if (o != NMI_HTTP_OK && !nmi_http_is_html(resp.media_type, resp.body, resp.body_len)) {
            w->counts.not_html++;
            return NULL;
        }
        if (o == NMI_HTTP_NOMEM)
            return error_record(w, NEWSMETA_ERR_NOMEM, after, "out of memory decoding the page");
        if (o != NMI_HTTP_OK)
            return error_record(w, o == NMI_HTTP_TOO_LARGE ? NEWSMETA_ERR_TOO_LARGE
                                                           : NEWSMETA_ERR_DAMAGED,
                                after, "%s", why);
    } else {
        r->content_type = h->media_type;
        r->charset = h->charset;
    }
    if (!nmi_http_is_html(r->content_type, resp.body, resp.body_len)) {
        w->counts.not_html++;
        return NULL;
    }
    if (resp.body_len > w->max_page) /* a resource record has no HTTP headers to pay for */
        return error_record(w, NEWSMETA_ERR_TOO_LARGE, after,
                            "an HTML page of %zu bytes; the limit is %zu", resp.body_len,
                            w->max_page);
    r->body = resp.body;
    r->body_length = resp.body_len;
    w->counts.pages++;
    return r;
}

/* A block too large to hold: an HTML page becomes a "too large" record, the
 * rest is skipped; the stream is read past it either way. */
static const newsmeta_warc_record *oversized_record(newsmeta_warc *w, const warc_header *h,
                                                    uint64_t content, uint64_t end_of_block)
{
    nmi_warc_stream *s = &w->stream;
    bool nomem, http;
    uint64_t have = nmi_warc_stream_fill(s, content + PEEK_BYTES, &nomem);
    bool page = may_be_page(h, &http);
    if (page && have > content) {
        nmi_http_response resp = {0, NULL, NULL, plain_at(w, content), (size_t)(have - content)};
        char why[96];
        if (http && nmi_http_read(plain_at(w, content), (size_t)(have - content), 0,
                                  &w->strings, &w->body, &resp, why) == NMI_HTTP_NOT_HTTP)
            page = false;
        page = page && nmi_http_is_html(resp.media_type, resp.body, resp.body_len);
        w->record.http_status = resp.status;
    }
    /* read past the block without holding it */
    for (uint64_t at = content; at < end_of_block;) {
        nmi_warc_stream_drop(s, at);
        uint64_t got = nmi_warc_stream_fill(s, end_of_block, &nomem);
        if (got == at)
            break; /* the archive ends, or breaks, inside the block */
        at = got;
    }
    if (!page) {
        count_skipped(w, h);
        w->next_record = end_of_block;
        return NULL;
    }
    return error_record(w, NEWSMETA_ERR_TOO_LARGE, end_of_block,
                        "an HTML page of %llu bytes; the limit is %zu",
                        (unsigned long long)h->content_length, w->max_page);
}

/* The record at w->next_record: a page, an error record, or NULL to go on. */
static const newsmeta_warc_record *read_record(newsmeta_warc *w)
{
    nmi_warc_stream *s = &w->stream;
    bool nomem;
    uint64_t at = w->next_record;
    nmi_warc_stream_drop(s, at);
    uint64_t end = nmi_warc_stream_fill(s, at + MAX_HEADER, &nomem);
    while (at < end && (*plain_at(w, at) == '\r' || *plain_at(w, at) == '\n'))
        at++; /* the blank lines that end the previous record */
    reset_record(w, at);
    if (nomem)
        return error_record(w, NEWSMETA_ERR_NOMEM, at, "out of memory reading the archive");
    const nmi_warc_break *brk = nmi_warc_stream_break(s);
    if (at >= end) {
        if (brk && brk->plain_at == at) {
            w->record.offset = brk->archive_at;
            return error_record(w, NEWSMETA_ERR_DAMAGED, at, "%s", brk->why);
        }
        w->next_record = UINT64_MAX; /* the end */
        return NULL;
    }
    if (!version_line_at(plain_at(w, at), (size_t)(end - at)))
        return error_record(w, NEWSMETA_ERR_DAMAGED, at + 1,
                            "bytes that are not a WARC record where one should start");
    warc_header h;
    uint64_t content = read_header(w, at, end, &h);
    if (!content && brk)
        return error_record(w, NEWSMETA_ERR_DAMAGED, at + 1, "a WARC header cut short: %s",
                            brk->why);
    if (!content)
        return error_record(w, NEWSMETA_ERR_DAMAGED, at + 1,
                            s->at_end ? "a WARC header cut short by the end of the archive"
                                      : "a WARC header longer than 64 KiB");
    if (!h.has_length)
        return error_record(w, NEWSMETA_ERR_DAMAGED, content,
                            "a WARC record without a valid Content-Length");
    uint64_t block_end = content + h.content_length;
    if (h.content_length > w->max_page + MAX_HEADER)
        return oversized_record(w, &h, content, block_end);
    end = nmi_warc_stream_fill(s, block_end + 4, &nomem);
    if (nomem)
        return error_record(w, NEWSMETA_ERR_NOMEM, content, "out of memory reading the archive");
    if (end < block_end) {
        brk = nmi_warc_stream_break(s);
        return error_record(w, NEWSMETA_ERR_DAMAGED, content,
                            "a record cut short (%llu of %llu bytes): %s",
                            (unsigned long long)(end - content),
                            (unsigned long long)h.content_length,
                            brk ? brk->why : "the archive ends");
    }
    /* the block must end with CRLF CRLF (or LF LF), or the archive */
    const char *tail = plain_at(w, block_end);
    size_t tail_len = (size_t)(end - block_end);
    bool ends = tail_len == 0 || (tail_len >= 4 && memcmp(tail, "\r\n\r\n", 4) == 0) ||
                (tail_len >= 2 && memcmp(tail, "\n\n", 2) == 0) ||
                (tail_len < 4 && s->at_end);
    if (!ends)
        return error_record(w, NEWSMETA_ERR_DAMAGED, content,
                            "a WARC record whose Content-Length (%llu) does not end it",
                            (unsigned long long)h.content_length);
    w->next_record = block_end;
    return page_record(w, &h, plain_at(w, content), (size_t)h.content_length, block_end);
}

/* ---- the public reader ------------------------------------------------------ */

static newsmeta_status new_reader(const unsigned char *data, size_t len,
                                  const newsmeta_options *options, newsmeta_warc **out,
                                  newsmeta_error *error)
{
    size_t max_page = NEWSMETA_DEFAULT_MAX_INPUT_BYTES;
    if (options) {
        if (options->size < offsetof(newsmeta_options, max_depth))
            return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                            "options->size is %u: initialize options with newsmeta_options_init()",
                            (unsigned)options->size);
        if (options->max_input_bytes)
            max_page = options->max_input_bytes;
    }
    newsmeta_warc *w = calloc(1, sizeof *w);
    if (!w)
        return nmi_fail(error, NEWSMETA_ERR_NOMEM, "out of memory opening the archive");
    w->max_page = max_page;
    /* the window holds one record: its header, its block, and a step more */
    size_t limit = max_page > SIZE_MAX - 2 * MAX_HEADER - 2 * SCAN_STEP
                       ? SIZE_MAX : max_page + 2 * MAX_HEADER + 2 * SCAN_STEP;
    nmi_warc_stream_open(&w->stream, data, len, limit);
    nmi_buf_init(&w->body);
    w->record.message = w->message;
    *out = w;
    return nmi_fail(error, NEWSMETA_OK, "%s", "");
}

newsmeta_status newsmeta_warc_open_memory(const void *data, size_t length,
                                          const newsmeta_options *options, newsmeta_warc **out,
                                          newsmeta_error *error)
{
    if (out)
        *out = NULL;
    if (!out || (!data && length))
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "newsmeta_warc_open_memory: out must not be NULL, nor data when length > 0");
    return new_reader(data ? data : "", length, options, out, error);
}

newsmeta_status newsmeta_warc_open(const char *path, const newsmeta_options *options,
                                   newsmeta_warc **out, newsmeta_error *error)
{
    if (out)
        *out = NULL;
    if (!out || !path)
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "newsmeta_warc_open: path and out must not be NULL");
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return nmi_fail(error, NEWSMETA_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return nmi_fail(error, NEWSMETA_ERR_IO, "%s: not a regular file", path);
    }
    unsigned char *map = NULL;
    size_t len = (size_t)st.st_size;
    if (len) {
        map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            close(fd);
            return nmi_fail(error, NEWSMETA_ERR_IO, "%s: cannot map: %s", path, strerror(errno));
        }
        posix_madvise(map, len, POSIX_MADV_SEQUENTIAL);
    }
    close(fd);
    newsmeta_status st_new = new_reader(map ? map : (const unsigned char *)"", len, options, out,
                                        error);
    if (st_new != NEWSMETA_OK) {
        if (map)
            munmap(map, len);
        return st_new;
    }
    (*out)->mapping = map;
    (*out)->mapping_len = len;
    return NEWSMETA_OK;
}

newsmeta_status newsmeta_warc_next(newsmeta_warc *w, const newsmeta_warc_record **record,
                                   newsmeta_error *error)
{
    if (record)
        *record = NULL;
    if (!w || !record)
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "newsmeta_warc_next: reader and record must not be NULL");
    while (w->next_record != UINT64_MAX) {
        const newsmeta_warc_record *r = read_record(w);
        if (r) {
            *record = r;
            break;
        }
    }
    return nmi_fail(error, NEWSMETA_OK, "%s", "");
}

const newsmeta_warc_counts *newsmeta_warc_get_counts(const newsmeta_warc *w)
{
    return w ? &w->counts : NULL;
}

void newsmeta_warc_close(newsmeta_warc *w)
{
    if (!w)
        return;
    nmi_warc_stream_close(&w->stream);
    nmi_arena_release(&w->strings);
    nmi_buf_free(&w->body);
    if (w->mapping)
        munmap(w->mapping, w->mapping_len);
    free(w);
}

bool newsmeta_is_warc(const void *head, size_t length)
{
    const unsigned char *h = head;
    if (!h)
        return false;
    if (length >= 2 && h[0] == 0x1f && h[1] == 0x8b) {
        unsigned char plain[16];
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 15 + 16) != Z_OK)
            return false;
        z.next_in = (Bytef *)(uintptr_t)h;
        z.avail_in = (uInt)(length < 65536 ? length : 65536);
        z.next_out = plain;
        z.avail_out = sizeof plain;
        inflate(&z, Z_SYNC_FLUSH);
        size_t got = sizeof plain - z.avail_out;
        inflateEnd(&z);
        return version_line_at((const char *)plain, got);
    }
    return version_line_at(head, length);
}
