/* The CLI's inputs: whole files and streams into memory, and whether the
 * bytes are HTML or plain text. Used by single-page and batch mode alike. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

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

char *cli_read_all(FILE *in, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            char *p = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = p;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, in);
        n += r;
        if (r == 0) {
            if (ferror(in)) {
                free(buf);
                return NULL;
            }
            break;
        }
    }
    *len = n;
    return buf;
}

char *cli_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
        /* a regular file: one read of the known size */
        size_t n = (size_t)st.st_size;
        buf = malloc(n + 1);
        if (buf && fread(buf, 1, n, f) == n) {
            buf[n] = '\0';
            *len = n;
        } else {
            free(buf);
            buf = NULL;
            if (!errno)
                errno = EIO;
        }
    } else {
        buf = cli_read_all(f, len);
    }
    int saved = errno;
    fclose(f);
    errno = saved;
    return buf;
}
