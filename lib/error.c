/* Error reporting: the status strings and the caller's optional error
 * struct, for every stage that can fail. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <unicode/utf8.h>

#include "internal.h"

const char *newsmeta_strerror(newsmeta_status status)
{
    switch (status) {
    case NEWSMETA_OK: return "success";
    case NEWSMETA_ERR_INVALID_ARGUMENT: return "invalid argument";
    case NEWSMETA_ERR_EMPTY_INPUT: return "empty input";
    case NEWSMETA_ERR_NOT_ARTICLE: return "no article content or metadata found";
    case NEWSMETA_ERR_ENCODING: return "cannot decode the input's character encoding";
    case NEWSMETA_ERR_TOO_LARGE: return "input too large";
    case NEWSMETA_ERR_NOMEM: return "out of memory";
    case NEWSMETA_ERR_BINARY: return "input is binary data, not text";
    case NEWSMETA_ERR_PARSE: return "the HTML parser could not build a document";
    case NEWSMETA_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

/* The message is one line of UTF-8 even when it quotes a caller's string
 * or is cut to fit: control characters become spaces, and a cut inside a
 * character drops that character's bytes. */
static void tidy_message(char *m, size_t written)
{
    size_t n = strlen(m);
    if (written > n) { /* cut: back to the start of the last character */
        size_t start = n;
        while (start > 0 && U8_IS_TRAIL(m[start - 1]))
            start--;
        if (start > 0 && U8_IS_LEAD(m[start - 1])) {
            start--;
            if ((size_t)U8_COUNT_TRAIL_BYTES(m[start]) > n - start - 1)
                m[start] = '\0';
        }
    }
    for (char *p = m; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
}

newsmeta_status nmi_fail(newsmeta_error *err, newsmeta_status code, const char *fmt, ...)
{
    if (err) {
        err->code = code;
        va_list ap;
        va_start(ap, fmt);
        int written = vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        if (written < 0)
            err->message[0] = '\0';
        else
            tidy_message(err->message, (size_t)written);
    }
    return code;
}
