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
    case NEWSMETA_ERR_IO: return "a file could not be opened or read";
    case NEWSMETA_ERR_DAMAGED: return "damaged archive data";
    }
    return "unknown status";
}

/* The message is one line of UTF-8 even when it quotes a string of the
 * caller or of the page, or is cut to fit: control characters become
 * spaces, bytes of an ill-formed sequence '?', and a character cut by the
 * end of the buffer goes. */
static void tidy_message(char *m, bool cut)
{
    size_t n = strlen(m);
    for (size_t i = 0; i < n;) {
        size_t at = i;
        UChar32 c;
        U8_NEXT(m, i, n, c);
        if (c < 0 && cut && i == n) {
            m[at] = '\0';
            break;
        }
        if (c < 0)
            memset(m + at, '?', i - at);
        else if (c < 0x20 || c == 0x7f)
            m[at] = ' ';
    }
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
            tidy_message(err->message, (size_t)written >= sizeof err->message);
    }
    return code;
}
