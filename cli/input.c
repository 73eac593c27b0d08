/* The CLI's inputs: whole files and streams into memory (gzip taken off),
 * and whether the bytes are HTML or plain text. Used by single-page and batch mode alike. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "cli.h"

bool cli_is_warc_file(const char *path)
{
    char head[512];
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return newsmeta_is_warc(head, n);
}

/* HTML starts with markup (after a BOM and whitespace), or has common
 * tags near its start; anything else is taken as plain text. */
int cli_looks_like_html(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        i = 3;
    if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                   ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
        return 1; /* UTF-16: leave it to the HTML decoder */
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i < n && s[i] == '<')
        return 1;
    static const char *const tags[] = {"<html", "<body", "<head", "<div", "<p>", "<!doctype", NULL};
    size_t probe = n < 4096 ? n : 4096;
    for (size_t k = 0; k < probe; k++)
        if (s[k] == '<')
            for (const char *const *t = tags; *t; t++) {
                size_t tl = strlen(*t), j = 0;
                while (j < tl && k + j < probe &&
                       (s[k + j] | 0x20) == ((*t)[j] | 0x20))
                    j++;
                if (j == tl)
                    return 1;
            }
    return 0;
}

size_t cli_input_limit(const newsmeta_options *opts)
{
    /* 0 means the library's default, as in newsmeta_parse_html() */
    return opts->max_input_bytes ? opts->max_input_bytes : NEWSMETA_DEFAULT_MAX_INPUT_BYTES;
}

void cli_too_large_message(char *msg, size_t size, size_t limit)
{
    snprintf(msg, size, "%s: more than %zu bytes (the limit, options.max_input_bytes)",
             newsmeta_strerror(NEWSMETA_ERR_TOO_LARGE), limit);
}

/* The bytes left to read in a regular file, or SIZE_MAX when the stream's
 * size is unknown (a pipe, a terminal, a device such as /dev/zero). */
static size_t bytes_left(FILE *in)
{
    struct stat st;
    int fd = fileno(in);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0)
        return SIZE_MAX;
    off_t pos = lseek(fd, 0, SEEK_CUR); /* stdin may be a file read in part */
    if (pos < 0 || pos > st.st_size)
        pos = 0;
    return (uintmax_t)(st.st_size - pos) < SIZE_MAX ? (size_t)(st.st_size - pos) : SIZE_MAX;
}

/* The buffer doubled towards limit + 1 bytes (the one that tells "too
 * large"; limit < SIZE_MAX), never past it; false when memory runs out. */
static bool grow(char **buf, size_t *cap, size_t limit)
{
    size_t want = *cap < 4096 ? 4096 : *cap > limit / 2 ? limit + 1 : *cap * 2;
    if (want > limit + 1)
        want = limit + 1;
    char *p = realloc(*buf, want);
    if (!p)
        return false;
    *buf = p;
    *cap = want;
    return true;
}

/* A read's end: the buffer NUL-terminated with its length, or, when the
 * read failed, NULL with errno set to why (the buffer freed). */
static char *finish_read(char *buf, size_t n, int failed, size_t *len)
{
    if (failed) {
        free(buf);
        errno = failed;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *cli_read_all(FILE *in, size_t limit, size_t *len)
{
    if (limit == SIZE_MAX)
        limit = SIZE_MAX - 1;
    size_t left = bytes_left(in);
    if (left != SIZE_MAX && left > limit) {
        /* a regular file (a sparse one too) says its size: nothing to read */
        errno = EFBIG;
        return NULL;
    }
    /* a file in one read (and one more that meets its end); a stream
     * grows its buffer, bounded by the limit */
    size_t cap = left != SIZE_MAX ? left + 1 : limit < (1 << 16) ? limit + 1 : (1 << 16);
    size_t n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap && (cap > limit || !grow(&buf, &cap, limit)))
            break;
        size_t r = fread(buf + n, 1, cap - n, in);
        n += r;
        if (r == 0)
            break;
    }
    int failed = n > limit ? EFBIG : ferror(in) ? (errno ? errno : EIO) : n == cap ? ENOMEM : 0;
    return finish_read(buf, n, failed, len);
}

char *cli_read_file(const char *path, size_t limit, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = cli_read_input(f, limit, len);
    int saved = errno;
    fclose(f);
    errno = saved;
    return buf;
}

cli_line_status cli_read_line(FILE *in, size_t limit, cli_line *line)
{
    if (limit == SIZE_MAX)
        limit = SIZE_MAX - 1;
    if (line->cap == 0 && !grow(&line->buf, &line->cap, limit)) {
        errno = ENOMEM;
        return CLI_LINE_ERROR;
    }
    size_t n = 0;
    bool too_long = false;
    int c;
    flockfile(in);
    while ((c = getc_unlocked(in)) != EOF && c != '\n') {
        if (n == limit) {
            too_long = true; /* the rest of the line is read and dropped */
            continue;
        }
        if (n + 1 >= line->cap && !grow(&line->buf, &line->cap, limit)) {
            funlockfile(in);
            errno = ENOMEM;
            return CLI_LINE_ERROR;
        }
        line->buf[n++] = (char)c;
    }
    bool failed = c == EOF && ferror(in);
    funlockfile(in);
    if (failed) {
        if (!errno)
            errno = EIO;
        return CLI_LINE_ERROR;
    }
    if (c == EOF && n == 0 && !too_long)
        return CLI_LINE_END;
    line->buf[n] = '\0';
    line->len = n;
    return too_long ? CLI_LINE_TOO_LONG : CLI_LINE_OK;
}

bool cli_is_gzip(const char *s, size_t n)
{
    return n >= 2 && (unsigned char)s[0] == 0x1f && (unsigned char)s[1] == 0x8b;
}

/* The gzip members of in (a whole buffer) inflated into a malloc'd,
 * NUL-terminated buffer of at most limit bytes: NULL with errno EFBIG once
 * limit + 1 bytes came out (a bomb costs no more), EBADMSG for damaged or
 * cut data, ENOMEM. Bytes after the last member are ignored, as gzip(1)
 * does. */
static char *gunzip(const char *in, size_t n, size_t limit, size_t *len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        errno = ENOMEM;
        return NULL;
    }
    size_t cap = 0, out = 0;
    char *buf = NULL;
    int failed = 0, zs = Z_OK;
    z.next_in = (unsigned char *)(uintptr_t)in;
    while (!failed) {
        if (out == cap && (cap > limit || !grow(&buf, &cap, limit))) {
            failed = cap > limit ? EFBIG : ENOMEM;
            break;
        }
        /* zlib counts in uInt: feed and drain in slices */
        size_t in_left = n - (size_t)((const char *)z.next_in - in);
        z.avail_in = in_left > UINT_MAX ? UINT_MAX : (uInt)in_left;
        z.next_out = (unsigned char *)buf + out;
        z.avail_out = cap - out > UINT_MAX ? UINT_MAX : (uInt)(cap - out);
        uInt room = z.avail_out;
        zs = inflate(&z, Z_NO_FLUSH);
        out += room - z.avail_out;
        if (zs == Z_STREAM_END) {
            size_t rest = n - (size_t)((const char *)z.next_in - in);
            if (!cli_is_gzip((const char *)z.next_in, rest))
                break; /* the last member */
            inflateReset(&z);
        } else if (zs != Z_OK && zs != Z_BUF_ERROR) {
            failed = zs == Z_MEM_ERROR ? ENOMEM : EBADMSG;
        } else if (zs == Z_BUF_ERROR && z.avail_out > 0) {
            failed = EBADMSG; /* the input ended inside a member */
        }
    }
    inflateEnd(&z);
    if (!failed && out > limit)
        failed = EFBIG;
    if (!failed && out == cap && !grow(&buf, &cap, out + 1))
        failed = ENOMEM;
    return finish_read(buf, out, failed, len);
}

char *cli_read_input(FILE *in, size_t limit, size_t *len)
{
    char *raw = cli_read_all(in, limit, len);
    if (!raw || !cli_is_gzip(raw, *len))
        return raw;
    char *plain = gunzip(raw, *len, limit, len);
    int saved = errno;
    free(raw);
    errno = saved;
    return plain;
}
