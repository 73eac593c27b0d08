/* Stage 1: bytes -> UTF-8.
 *
 * The charset is decided once, before parsing, in the HTML standard's
 * order: byte order mark, then the transport's charset (an option), then a
 * <meta charset> / http-equiv declaration, then the bytes themselves (valid
 * UTF-8 is taken as UTF-8, anything else goes to ICU's detector). The
 * conversion is done by ICU; invalid sequences become U+FFFD. */
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "internal.h"

/* Checks (and optionally repairs into out) UTF-8. Returns true when the
 * input was valid. With out != NULL, writes the repaired text: every
 * invalid sequence and every NUL becomes U+FFFD. */
static bool utf8_scan(const unsigned char *s, size_t n, nmi_buf *out)
{
    bool valid = true;
    size_t i = 0, run = 0;
    while (i < n) {
        /* Fast path: eight ASCII bytes, none of them NUL, at a time. */
        if (i + 8 <= n) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
            if (!((v | ((v - ones) & ~v)) & high)) {
                i += 8;
                run += 8;
                continue;
            }
        }
        unsigned char c = s[i];
        size_t len = 0;
        if (c >= 0x01 && c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4;
        bool ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; k++)
            ok = (s[i + k] & 0xC0) == 0x80;
        if (ok && len == 3) {
            /* no overlongs, no surrogates */
            if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0))
                ok = false;
        } else if (ok && len == 4) {
            if ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90))
                ok = false;
        }
        if (ok) {
            i += len;
            run += len;
            continue;
        }
        valid = false;
        if (!out)
            return false;
        nmi_buf_append(out, (const char *)s + i - run, run);
        nmi_buf_append(out, "\xEF\xBF\xBD", 3);
        run = 0;
        i++;
    }
    if (out)
        nmi_buf_append(out, (const char *)s + i - run, run);
    return valid;
}

/* Find a charset declared by <meta charset=...> or <meta http-equiv
 * content="...; charset=..."> near the start. Writes a NUL-terminated
 * name into name[cap]. */
static bool prescan_meta_charset(const char *s, size_t n, char *name, size_t cap)
{
    if (n > NMI_CHARSET_PRESCAN_BYTES)
        n = NMI_CHARSET_PRESCAN_BYTES;
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '<' || !(s[i + 1] == 'm' || s[i + 1] == 'M'))
            continue;
        if (!(nmi_istarts(s + i + 1, "meta") && (s[i + 5] == ' ' || s[i + 5] == '\t' ||
                                                  s[i + 5] == '\n' || s[i + 5] == '\r' ||
                                                  s[i + 5] == '/')))
            continue;
        const char *end = memchr(s + i, '>', n - i);
        if (!end)
            return false;
        for (const char *p = s + i; p + 7 < end; p++) {
            if (!nmi_istarts(p, "charset"))
                continue;
            p += 7;
            while (p < end && (*p == ' ' || *p == '\t'))
                p++;
            if (p >= end || *p != '=')
                continue;
            p++;
            while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
                p++;
            size_t k = 0;
            while (p < end && k + 1 < cap && *p != '"' && *p != '\'' && *p != ';' &&
                   *p != ' ' && *p != '/' && *p != '>')
                name[k++] = *p++;
            name[k] = '\0';
            if (k > 0)
                return true;
        }
        i = (size_t)(end - s);
    }
    return false;
}

/* HTML's label rules: latin1 and ASCII labels mean windows-1252. */
static const char *html_charset_alias(const char *label)
{
    static const char *const w1252[] = {"iso-8859-1", "iso8859-1", "latin1", "l1",
                                        "us-ascii",   "ascii",     "iso-ir-100",
                                        "cp819",      "ibm819",    "iso_8859-1"};
    for (size_t i = 0; i < sizeof w1252 / sizeof *w1252; i++)
        if (nmi_ieq(label, w1252[i]))
            return "windows-1252";
    if (nmi_ieq(label, "utf8") || nmi_ieq(label, "unicode-1-1-utf-8"))
        return "UTF-8";
    return label;
}

static bool is_utf8_label(const char *label)
{
    return nmi_ieq(label, "utf-8") || nmi_ieq(label, "utf8");
}

static newsmeta_status convert_with_icu(const char *charset, const char *bytes, size_t len,
                                        char **out, size_t *out_len, newsmeta_error *err)
{
    if (len > (size_t)INT32_MAX / 4)
        return nmi_fail(err, NEWSMETA_ERR_TOO_LARGE, "input too large to convert from %s",
                        charset);
    UErrorCode st = U_ZERO_ERROR;
    UConverter *from = ucnv_open(charset, &st);
    if (U_FAILURE(st))
        return nmi_fail(err, NEWSMETA_ERR_ENCODING, "unknown charset \"%s\"", charset);
    /* Any byte becomes at most 4 UTF-8 bytes (U+FFFD is 3). */
    int32_t cap = (int32_t)(len * 4 + 4);
    char *buf = malloc((size_t)cap);
    if (!buf) {
        ucnv_close(from);
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory converting from %s", charset);
    }
    UConverter *to = ucnv_open("UTF-8", &st);
    char *target = buf;
    const char *source = bytes;
    if (U_SUCCESS(st))
        ucnv_convertEx(to, from, &target, buf + cap - 1, &source, bytes + len, NULL, NULL, NULL,
                       NULL, true, true, &st);
    ucnv_close(to);
    ucnv_close(from);
    if (U_FAILURE(st)) {
        free(buf);
        return nmi_fail(err, NEWSMETA_ERR_ENCODING, "cannot convert from %s: %s", charset,
                        u_errorName(st));
    }
    /* ICU passes U+0000 through; the HTML parser would stop there. */
    size_t n = (size_t)(target - buf);
    nmi_buf fixed;
    nmi_buf_init(&fixed);
    if (memchr(buf, 0, n)) {
        utf8_scan((const unsigned char *)buf, n, &fixed);
        free(buf);
        if (fixed.oom) {
            nmi_buf_free(&fixed);
            return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory");
        }
        *out = fixed.data;
        *out_len = fixed.len;
        return NEWSMETA_OK;
    }
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return NEWSMETA_OK;
}

/* Binary data (images, archives, compressed bodies) has many NULs and C0
 * controls; text in any charset except UTF-16/32 has almost none. */
static bool looks_binary(const unsigned char *s, size_t n)
{
    size_t probe = n < 4096 ? n : 4096, bad = 0;
    for (size_t i = 0; i < probe; i++)
        if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != 0x1B /* ISO-2022 escapes */)
            bad++;
    return bad >= 4 && bad * 100 > probe * 3; /* more than 3% */
}

static newsmeta_status decode_charset(nmi_ctx *ctx, const char *bytes, size_t len, char **out,
                                      size_t *out_len, bool *owned, newsmeta_error *err);

/* Does the UTF-8 text need NFC normalization? A per-code-point property
 * lookup, no conversion: almost every page answers no at once. */
static bool needs_nfc(const char *s, size_t n)
{
    int32_t i = 0, len = n > (size_t)INT32_MAX ? INT32_MAX : (int32_t)n;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (!(v & 0x8080808080808080ull)) { /* eight ASCII bytes */
                i += 8;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, len, c);
        /* below U+0300 every character is NFC as it stands */
        if (c >= 0x300 && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
            return true;
    }
    return false;
}

/* NFC-normalize UTF-8 text with ICU (through UTF-16, ICU's C API). */
static newsmeta_status to_nfc(const char *s, size_t n, char **out, size_t *out_len,
                              newsmeta_error *err)
{
    if (n > (size_t)INT32_MAX / 4)
        return nmi_fail(err, NEWSMETA_ERR_TOO_LARGE, "input too large to normalize");
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t cap16 = (int32_t)n + 1;
    UChar *u16 = malloc((size_t)cap16 * sizeof *u16);
    /* composition never lengthens; decomposition of unnormalized input
     * may, so allow room */
    int32_t capn = cap16 * 3;
    UChar *norm = malloc((size_t)capn * sizeof *norm);
    char *u8 = NULL;
    int32_t len16 = 0, lenn = 0, len8 = 0;
    if (u16 && norm && U_SUCCESS(st)) {
        u_strFromUTF8WithSub(u16, cap16, &len16, s, (int32_t)n, 0xFFFD, NULL, &st);
        lenn = unorm2_normalize(nfc, u16, len16, norm, capn, &st);
        if (U_SUCCESS(st)) {
            int32_t cap8 = lenn * 3 + 1;
            u8 = malloc((size_t)cap8);
            if (u8)
                u_strToUTF8(u8, cap8, &len8, norm, lenn, &st);
        }
    }
    free(u16);
    free(norm);
    if (!u8 || U_FAILURE(st)) {
        free(u8);
        return nmi_fail(err, u8 ? NEWSMETA_ERR_ENCODING : NEWSMETA_ERR_NOMEM,
                        "cannot normalize the text to NFC: %s", u_errorName(st));
    }
    *out = u8;
    *out_len = (size_t)len8;
    return NEWSMETA_OK;
}

newsmeta_status nmi_decode(nmi_ctx *ctx, const char *bytes, size_t len, char **out,
                           size_t *out_len, bool *owned, newsmeta_error *err)
{
    newsmeta_status st = decode_charset(ctx, bytes, len, out, out_len, owned, err);
    if (st != NEWSMETA_OK || !needs_nfc(*out, *out_len))
        return st;
    /* Output text is NFC: normalize the whole document once (markup is
     * ASCII and unchanged by it). */
    char *nfc = NULL;
    size_t nfc_len = 0;
    st = to_nfc(*out, *out_len, &nfc, &nfc_len, err);
    if (*owned)
        free(*out);
    *out = NULL;
    if (st != NEWSMETA_OK)
        return st;
    *out = nfc;
    *out_len = nfc_len;
    *owned = true;
    return NEWSMETA_OK;
}

static newsmeta_status decode_charset(nmi_ctx *ctx, const char *bytes, size_t len, char **out,
                                      size_t *out_len, bool *owned, newsmeta_error *err)
{
    *owned = true;
    const unsigned char *u = (const unsigned char *)bytes;
    const char *charset = NULL;
    char declared[64];

    /* 1. Byte order mark. */
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        bytes += 3, len -= 3, u += 3;
        charset = "UTF-8";
    } else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        charset = "UTF-16LE";
    } else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        charset = "UTF-16BE";
    }
    /* 2. The transport's charset. 3. A <meta> declaration. */
    if (!charset && ctx->opts.charset && *ctx->opts.charset)
        charset = html_charset_alias(ctx->opts.charset);
    if (!charset && prescan_meta_charset(bytes, len, declared, sizeof declared))
        charset = html_charset_alias(declared);

    if (!charset || strncmp(charset, "UTF-16", 6) != 0) {
        if (looks_binary(u, len))
            return nmi_fail(err, NEWSMETA_ERR_BINARY,
                            "input looks like binary data, not text");
    }

    bool valid_utf8 = false;
    if (!charset) {
        valid_utf8 = utf8_scan(u, len, NULL);
        if (valid_utf8) {
            charset = "UTF-8";
        } else {
            /* 4. Let ICU guess from the bytes. */
            UErrorCode st = U_ZERO_ERROR;
            UCharsetDetector *det = ucsdet_open(&st);
            int32_t dlen = len > (size_t)INT32_MAX ? INT32_MAX : (int32_t)len;
            ucsdet_setText(det, bytes, dlen, &st);
            const UCharsetMatch *m = ucsdet_detect(det, &st);
            const char *name = m ? ucsdet_getName(m, &st) : NULL;
            if (U_SUCCESS(st) && name) {
                size_t k = strlen(name);
                if (k >= sizeof declared)
                    k = sizeof declared - 1;
                memcpy(declared, name, k);
                declared[k] = '\0';
                charset = html_charset_alias(declared);
            }
            ucsdet_close(det);
            if (!charset)
                charset = "windows-1252"; /* the web's historical default */
        }
    }

    /* Report the charset by its standard name ("utf-8" -> "UTF-8",
     * "latin1" -> "windows-1252"), whatever label the page used. */
    UErrorCode name_st = U_ZERO_ERROR;
    const char *std = is_utf8_label(charset) ? "UTF-8" : ucnv_getStandardName(charset, "MIME", &name_st);
    if (!std || U_FAILURE(name_st)) {
        name_st = U_ZERO_ERROR;
        std = ucnv_getStandardName(charset, "IANA", &name_st);
    }
    ctx->charset = nmi_arena_strdup(ctx->arena, std && U_SUCCESS(name_st) ? std : charset);
    if (!ctx->charset)
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory");

    if (is_utf8_label(charset)) {
        if (!valid_utf8)
            valid_utf8 = utf8_scan(u, len, NULL);
        if (valid_utf8) {
            /* Nothing to convert: the parser reads the caller's bytes. */
            *out = (char *)bytes;
            *out_len = len;
            *owned = false;
            return NEWSMETA_OK;
        }
        nmi_buf b;
        nmi_buf_init(&b);
        utf8_scan(u, len, &b); /* repair: invalid bytes -> U+FFFD */
        if (b.oom || !b.data) {
            nmi_buf_free(&b);
            return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory");
        }
        *out = b.data;
        *out_len = b.len;
        return NEWSMETA_OK;
    }
    return convert_with_icu(charset, bytes, len, out, out_len, err);
}
