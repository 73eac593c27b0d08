/*
 * The WARC reader's parts (newsmeta_warc_* in newsmeta.h), in the order the
 * bytes go through them:
 *
 *   warc_stream.c  the archive's bytes as one plain stream: a mapped file or
 *                  caller memory, read through zlib member by member when the
 *                  archive is gzip-compressed; damage in the compressed data
 *                  becomes a "break" the record reader is told about.
 *   warc.c         WARC records on that stream: header fields, content
 *                  blocks, resynchronization after damage; the public API.
 *   warc_http.c    an HTTP response inside a record: status, Content-Type
 *                  and charset, chunked transfer coding and gzip / deflate /
 *                  br content codings removed.
 *
 * Nothing here is shared between readers: a reader belongs to one thread at a
 * time, and any number of readers may run at once.
 */
#ifndef NEWSMETA_WARC_H
#define NEWSMETA_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zlib.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* warc_stream.c — the plain bytes of an archive                       */
/* ------------------------------------------------------------------ */

/* Where the plain stream could not go on as it was: the compressed data of
 * a gzip member is damaged or cut, or bytes that are not a gzip member sit
 * between members. The stream stops at `plain_at` until the reader calls
 * nmi_warc_stream_pass_break(); the bytes after it come from the next good
 * member, found by its magic bytes. */
typedef struct nmi_warc_break {
    uint64_t plain_at;      /* plain offset where the good bytes end */
    uint64_t archive_at;    /* archive offset of the damaged member or garbage */
    char why[96];
} nmi_warc_break;

/* A gzip member's start: plain offset of its first byte, archive offset of
 * its header. */
typedef struct nmi_warc_member {
    uint64_t plain_at;
    uint64_t archive_at;
} nmi_warc_member;

typedef struct nmi_warc_stream {
    const unsigned char *archive;
    size_t archive_len;
    bool gzip;
    /* The window: plain bytes [window_at, window_at + window_len). A plain
     * archive's window is the archive itself; a gzip archive's is `owned`. */
    const unsigned char *window;
    uint64_t window_at;
    size_t window_len;
    unsigned char *owned;
    size_t owned_cap;
    size_t window_limit;    /* most plain bytes held at once */
    /* gzip state */
    z_stream z;
    bool z_ready, member_open;
    size_t next_in;         /* next archive byte zlib reads */
    nmi_warc_member *members;
    size_t member_count, member_cap;
    bool has_break;
    nmi_warc_break pending;
    uint64_t restart_at;    /* plain offset after the last break passed: a
                             * record may start there without a line end */
    bool at_end;            /* no plain byte will come after the window */
} nmi_warc_stream;

/* Reads `archive` (not copied; it must outlive the stream). A gzip archive
 * is recognized by its first two bytes. window_limit bounds the plain bytes
 * held at once. */
void nmi_warc_stream_open(nmi_warc_stream *s, const unsigned char *archive, size_t len,
                          size_t window_limit);
void nmi_warc_stream_close(nmi_warc_stream *s);

/* Makes plain bytes up to offset `end` readable, as far as they exist
 * before the end of the archive, a pending break or the window limit.
 * Returns the end of the readable bytes (window_at + window_len); false in
 * *nomem when memory ran out. */
uint64_t nmi_warc_stream_fill(nmi_warc_stream *s, uint64_t end, bool *nomem);

/* Forgets the plain bytes before `offset` (the reader is past them). */
void nmi_warc_stream_drop(nmi_warc_stream *s, uint64_t offset);

/* The pending break, or NULL; and passing it: the stream goes on with the
 * next good member, at plain offset break->plain_at. */
const nmi_warc_break *nmi_warc_stream_break(const nmi_warc_stream *s);
void nmi_warc_stream_pass_break(nmi_warc_stream *s);

/* Archive offset of the plain byte at `plain_at`: the start of the gzip
 * member holding it, or the offset itself in a plain archive. */
uint64_t nmi_warc_stream_archive_offset(const nmi_warc_stream *s, uint64_t plain_at);

/* ------------------------------------------------------------------ */
/* warc_http.c — the HTTP response inside a record                     */
/* ------------------------------------------------------------------ */

typedef struct nmi_http_response {
    int status;                 /* 0 when the status line is unreadable */
    const char *media_type;     /* lower case, no parameters; arena; NULL */
    const char *charset;        /* the Content-Type's charset parameter; arena; NULL */
    const char *body;           /* the entity with its codings removed */
    size_t body_len;
} nmi_http_response;

typedef enum nmi_http_outcome {
    NMI_HTTP_OK,
    NMI_HTTP_NOT_HTTP,          /* no status line: not an HTTP response */
    NMI_HTTP_BAD_CODING,        /* a transfer or content coding is damaged or unknown */
    NMI_HTTP_TOO_LARGE,         /* the decoded body exceeds the limit */
    NMI_HTTP_NOMEM
} nmi_http_outcome;

/* Reads the HTTP response in block[0..len). Strings go to `arena`; a body
 * that needs decoding is written to *scratch (realloc'd; the caller frees
 * it), else it points into `block`. Decoded bodies stop at max_body bytes.
 * `why` (at least 96 bytes) says what was wrong when the result is not OK. */
nmi_http_outcome nmi_http_read(const char *block, size_t len, size_t max_body,
                               nmi_arena *arena, nmi_buf *scratch,
                               nmi_http_response *out, char *why);

/* Header fields, WARC's and HTTP's alike: "Name: value" lines up to a
 * blank line. */
typedef struct nmi_header_field {
    const char *name, *value; /* value without surrounding blanks */
    size_t name_len, value_len;
} nmi_header_field;

typedef enum nmi_header_step {
    NMI_HEADER_FIELD, /* *f is the next field */
    NMI_HEADER_END,   /* the blank line: *at is just past it */
    NMI_HEADER_CUT    /* the bytes ended before a blank line */
} nmi_header_step;

/* The next field of s[*at..n), moving *at past its line; lines without a
 * colon are passed over. */
nmi_header_step nmi_http_next_field(const char *s, size_t n, size_t *at, nmi_header_field *f);

/* s[0..n) is word, ASCII letters in any case (word is lower case). */
bool nmi_http_token_is(const char *s, size_t n, const char *word);

/* The media type and charset of a Content-Type value (also used for a
 * `resource` record's own Content-Type). */
void nmi_http_content_type(const char *value, size_t len, nmi_arena *arena,
                           const char **media_type, const char **charset);

/* Whether a body of that media type (or, with none, of those first bytes) is
 * an HTML page. */
bool nmi_http_is_html(const char *media_type, const char *body, size_t len);

#endif /* NEWSMETA_WARC_H */
