/* The HTTP response a WARC `response` record holds, as the crawler received
 * it: status line, headers, and the entity with the transfer coding
 * (chunked) and content codings (gzip, deflate, br) still applied. This file
 * takes them off, so the page reaches the parser as the server meant it. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <brotli/decode.h>
#include <zlib.h>

#include "warc.h"

#define MAX_CODINGS 4

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *n)
{
    while (*n && is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && (is_space((*s)[*n - 1]) || (*s)[*n - 1] == '\r'))
        (*n)--;
}

bool nmi_http_token_is(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    if (n != w)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i])
            return false;
    return true;
}

/* An arena copy of a token of visible ASCII (lower-cased when asked), or
 * NULL: a media type or charset label holding anything else is no name
 * anyone knows, and the record's strings must be UTF-8. */
static const char *ascii_token(nmi_arena *arena, const char *s, size_t n, bool lower)
{
    if (n == 0)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
            return NULL;
    char *copy = nmi_arena_strndup(arena, s, n);
    for (char *c = copy; lower && c && *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    return copy;
}

void nmi_http_content_type(const char *value, size_t len, nmi_arena *arena,
                           const char **media_type, const char **charset)
{
    *media_type = *charset = NULL;
    const char *end = value + len, *semi = memchr(value, ';', len);
    const char *type = value;
    size_t type_len = (size_t)((semi ? semi : end) - value);
    trim(&type, &type_len);
    *media_type = ascii_token(arena, type, type_len, true);
    while (semi) {
        const char *param = semi + 1;
        semi = memchr(param, ';', (size_t)(end - param));
        size_t n = (size_t)((semi ? semi : end) - param);
        trim(&param, &n);
        if (n > 8 && nmi_http_token_is(param, 8, "charset=")) {
            const char *v = param + 8;
            size_t vn = n - 8;
            if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) {
                v++;
                vn -= 2;
            }
            trim(&v, &vn);
            *charset = ascii_token(arena, v, vn, false);
        }
    }
}

bool nmi_http_is_html(const char *media_type, const char *body, size_t len)
{
    if (media_type)
        return strcmp(media_type, "text/html") == 0 ||
               strcmp(media_type, "application/xhtml+xml") == 0;
    /* No type served: the page says it itself, after a BOM and blanks. */
    size_t i = len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && (is_space(body[i]) || body[i] == '\r' || body[i] == '\n'))
        i++;
    return (len - i >= 14 && nmi_http_token_is(body + i, 14, "<!doctype html")) ||
           (len - i >= 5 && nmi_http_token_is(body + i, 5, "<html"));
}

/* The chunked transfer coding removed into out. A body that does not start
 * like chunked data is taken as already decoded (some crawlers store it so
 * and keep the header); chunks cut short keep what arrived. */
static nmi_http_outcome unchunk(const char *s, size_t n, size_t max_body, nmi_buf *out)
{
    size_t at = 0;
    bool first = true;
    while (at < n) {
        char *stop;
        const char *line_end = memchr(s + at, '\n', n - at);
        if (!line_end || !isxdigit((unsigned char)s[at])) {
            if (first)
                return nmi_buf_append(out, s, n) ? NMI_HTTP_OK : NMI_HTTP_NOMEM;
            break;
        }
        unsigned long long size = strtoull(s + at, &stop, 16);
        if (stop == s + at || (stop < line_end && *stop != ';' && *stop != '\r' && !is_space(*stop))) {
            if (first)
                return nmi_buf_append(out, s, n) ? NMI_HTTP_OK : NMI_HTTP_NOMEM;
            break;
        }
        first = false;
        at = (size_t)(line_end - s) + 1;
        if (size == 0)
            break; /* trailers follow; nothing in them is the page */
        size_t take = size < n - at ? (size_t)size : n - at;
        if (out->len + take > max_body)
            return NMI_HTTP_TOO_LARGE;
        if (!nmi_buf_append(out, s + at, take))
            return NMI_HTTP_NOMEM;
        at += take;
        if (at < n && s[at] == '\r')
            at++;
        if (at < n && s[at] == '\n')
            at++;
    }
    return NMI_HTTP_OK;
}

/* gzip, zlib-wrapped deflate or raw deflate (servers send all three as
 * "deflate"); gzip bodies of several members are read to their end. */
static nmi_http_outcome inflate_body(const char *s, size_t n, size_t max_body, bool raw,
                                     nmi_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK)
        return NMI_HTTP_NOMEM;
    z.next_in = (Bytef *)(uintptr_t)s;
    z.avail_in = (uInt)n;
    nmi_http_outcome result = NMI_HTTP_OK;
    for (;;) {
        if (out->len >= max_body + 1 || !nmi_buf_reserve(out, 65536)) {
            result = out->oom ? NMI_HTTP_NOMEM : NMI_HTTP_TOO_LARGE;
            break;
        }
        size_t room = out->cap - out->len - 1;
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = (uInt)(room < 65536 ? room : 65536);
        uInt before = z.avail_out;
        int rc = inflate(&z, Z_NO_FLUSH);
        out->len += before - z.avail_out;
        if (rc == Z_STREAM_END) {
            if (z.avail_in == 0 || raw)
                break;
            inflateReset(&z);
        } else if (rc != Z_OK) {
            /* cut short after some output: keep it; nothing at all: damaged */
            if (out->len == 0)
                result = NMI_HTTP_BAD_CODING;
            break;
        }
    }
    if (out->len > max_body && result == NMI_HTTP_OK)
        result = NMI_HTTP_TOO_LARGE;
    inflateEnd(&z);
    return result;
}

static nmi_http_outcome unbrotli(const char *s, size_t n, size_t max_body, nmi_buf *out)
{
    BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!st)
        return NMI_HTTP_NOMEM;
    const uint8_t *in = (const uint8_t *)s;
    size_t in_left = n;
    nmi_http_outcome result = NMI_HTTP_OK;
    for (;;) {
        if (out->len >= max_body + 1 || !nmi_buf_reserve(out, 65536)) {
            result = out->oom ? NMI_HTTP_NOMEM : NMI_HTTP_TOO_LARGE;
            break;
        }
        uint8_t *next_out = (uint8_t *)out->data + out->len;
        size_t out_left = 65536;
        BrotliDecoderResult rc =
            BrotliDecoderDecompressStream(st, &in_left, &in, &out_left, &next_out, NULL);
        out->len += 65536 - out_left;
        if (rc == BROTLI_DECODER_RESULT_SUCCESS)
            break;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT)
            continue;
        if (out->len == 0) /* an error, or input ending before any output */
            result = NMI_HTTP_BAD_CODING;
        break;
    }
    if (out->len > max_body && result == NMI_HTTP_OK)
        result = NMI_HTTP_TOO_LARGE;
    BrotliDecoderDestroyInstance(st);
    return result;
}

/* One content coding taken off `in` into `out`. */
static nmi_http_outcome decode_one(const char *coding, size_t len, const nmi_buf *in,
                                   size_t max_body, nmi_buf *out, char *why)
{
    nmi_http_outcome r;
    if (nmi_http_token_is(coding, len, "gzip") || nmi_http_token_is(coding, len, "x-gzip")) {
        r = inflate_body(in->data, in->len, max_body, false, out);
    } else if (nmi_http_token_is(coding, len, "deflate")) {
        r = inflate_body(in->data, in->len, max_body, false, out);
        if (r == NMI_HTTP_BAD_CODING) {
            nmi_buf_reset(out);
            r = inflate_body(in->data, in->len, max_body, true, out);
        }
    } else if (nmi_http_token_is(coding, len, "br")) {
        r = unbrotli(in->data, in->len, max_body, out);
    } else {
        snprintf(why, 96, "unknown Content-Encoding \"%.*s\"", (int)(len < 40 ? len : 40), coding);
        return NMI_HTTP_BAD_CODING;
    }
    if (r == NMI_HTTP_BAD_CODING)
        snprintf(why, 96, "damaged %.*s content coding", (int)(len < 40 ? len : 40), coding);
    return r;
}

/* The content codings listed (applied in that order) taken off, last first. */
static nmi_http_outcome decode_content(const char *list, size_t list_len, nmi_buf *body,
                                       size_t max_body, char *why)
{
    const char *codings[MAX_CODINGS];
    size_t lens[MAX_CODINGS], count = 0;
    const char *end = list + list_len;
    for (const char *p = list; p < end;) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *c = p;
        size_t n = (size_t)((comma ? comma : end) - p);
        trim(&c, &n);
        if (n && !nmi_http_token_is(c, n, "identity")) {
            if (count == MAX_CODINGS) {
                snprintf(why, 96, "more than %d content codings", MAX_CODINGS);
                return NMI_HTTP_BAD_CODING;
            }
            codings[count] = c;
            lens[count++] = n;
        }
        p = comma ? comma + 1 : end;
    }
    while (count--) {
        nmi_buf decoded;
        nmi_buf_init(&decoded);
        nmi_http_outcome r = decode_one(codings[count], lens[count], body, max_body, &decoded, why);
        if (r != NMI_HTTP_OK) {
            nmi_buf_free(&decoded);
            return r;
        }
        nmi_buf_free(body);
        *body = decoded;
    }
    return NMI_HTTP_OK;
}

/* Status code of "HTTP/1.1 200 OK"; 0 when it is no status line. */
static int status_code(const char *s, size_t n)
{
    if (n < 12 || memcmp(s, "HTTP/", 5) != 0)
        return 0;
    const char *sp = memchr(s, ' ', n < 16 ? n : 16);
    if (!sp || (size_t)(sp - s) + 4 > n)
        return 0;
    int code = 0;
    for (int i = 1; i <= 3; i++) {
        if (sp[i] < '0' || sp[i] > '9')
            return 0;
        code = code * 10 + (sp[i] - '0');
    }
    return code;
}

typedef struct http_headers {
    const char *content_type, *transfer, *encoding;
    size_t content_type_len, transfer_len, encoding_len;
} http_headers;

nmi_header_step nmi_http_next_field(const char *s, size_t n, size_t *at, nmi_header_field *f)
{
    while (*at < n) {
        const char *line = s + *at;
        const char *nl = memchr(line, '\n', n - *at);
        if (!nl)
            return NMI_HEADER_CUT;
        size_t len = (size_t)(nl - line);
        *at += len + 1;
        if (len && line[len - 1] == '\r')
            len--;
        if (len == 0)
            return NMI_HEADER_END;
        const char *colon = memchr(line, ':', len);
        if (!colon)
            continue; /* not a field: a folded or broken line */
        f->name = line;
        f->name_len = (size_t)(colon - line);
        f->value = colon + 1;
        f->value_len = len - f->name_len - 1;
        trim(&f->value, &f->value_len);
        return NMI_HEADER_FIELD;
    }
    return NMI_HEADER_CUT;
}

/* Headers from the line after the status line up to the blank line; returns
 * the offset of the entity (the end, when no blank line comes). */
static size_t read_headers(const char *s, size_t n, http_headers *h)
{
    memset(h, 0, sizeof *h);
    const char *nl = memchr(s, '\n', n);
    size_t at = nl ? (size_t)(nl - s) + 1 : n;
    nmi_header_field f;
    nmi_header_step step;
    while ((step = nmi_http_next_field(s, n, &at, &f)) == NMI_HEADER_FIELD) {
        if (nmi_http_token_is(f.name, f.name_len, "content-type")) {
            h->content_type = f.value;
            h->content_type_len = f.value_len;
        } else if (nmi_http_token_is(f.name, f.name_len, "transfer-encoding")) {
            h->transfer = f.value;
            h->transfer_len = f.value_len;
        } else if (nmi_http_token_is(f.name, f.name_len, "content-encoding")) {
            h->encoding = f.value;
            h->encoding_len = f.value_len;
        }
    }
    return step == NMI_HEADER_END ? at : n;
}

static bool lists_chunked(const char *s, size_t n)
{
    for (size_t i = 0; i + 7 <= n; i++)
        if (nmi_http_token_is(s + i, 7, "chunked"))
            return true;
    return false;
}

nmi_http_outcome nmi_http_read(const char *block, size_t len, size_t max_body,
                               nmi_arena *arena, nmi_buf *scratch,
                               nmi_http_response *out, char *why)
{
    memset(out, 0, sizeof *out);
    why[0] = '\0';
    out->status = status_code(block, len);
    if (!out->status) {
        snprintf(why, 96, "the record holds no HTTP status line");
        return NMI_HTTP_NOT_HTTP;
    }
    http_headers h;
    size_t entity = read_headers(block, len, &h);
    if (h.content_type)
        nmi_http_content_type(h.content_type, h.content_type_len, arena, &out->media_type,
                              &out->charset);
    out->body = block + entity;
    out->body_len = len - entity;
    bool chunked = h.transfer && lists_chunked(h.transfer, h.transfer_len);
    if (!chunked && !h.encoding) {
        if (out->body_len <= max_body)
            return NMI_HTTP_OK;
        snprintf(why, 96, "a page of %zu bytes; the limit is %zu", out->body_len, max_body);
        return NMI_HTTP_TOO_LARGE;
    }
    nmi_buf_reset(scratch);
    nmi_http_outcome r = chunked ? unchunk(out->body, out->body_len, max_body, scratch)
                                 : (nmi_buf_append(scratch, out->body, out->body_len)
                                        ? NMI_HTTP_OK : NMI_HTTP_NOMEM);
    if (r == NMI_HTTP_OK && h.encoding)
        r = decode_content(h.encoding, h.encoding_len, scratch, max_body, why);
    if (r == NMI_HTTP_TOO_LARGE)
        snprintf(why, 96, "the decoded page is larger than %zu bytes", max_body);
    out->body = scratch->data ? scratch->data : "";
    out->body_len = scratch->len;
    return r;
}
