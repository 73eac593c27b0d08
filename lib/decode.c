/* Stage 1: bytes -> UTF-8.
 *
 * The charset is decided once, before parsing, in the HTML standard's
 * order: byte order mark, then the transport's charset (an option), then a
 * <meta charset> / http-equiv declaration, then the bytes themselves (valid
 * UTF-8 is taken as UTF-8, anything else goes to ICU's detector). A <meta>
 * the bytes clearly contradict is overruled (declared UTF-8 but mostly
 * invalid as UTF-8; declared legacy but valid multi-byte UTF-8). Only the
 * labels of the WHATWG Encoding Standard are read, meaning what it says
 * (latin1 is windows-1252; decode_labels.c): a <meta> naming anything else
 * (utf-7, EBCDIC, a misspelling) is passed over, a caller's charset naming
 * anything else is an error. The record gets the charset's name and how it
 * was chosen.
 *
 * The conversion is done by ICU; invalid sequences, bytes a charset does
 * not define and NULs become U+FFFD. The text is then NFC-normalized when
 * it needs it (api.c checks the record's strings again at the end).
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "decode_labels.h"
#include "internal.h"

/* What a UTF-8 reading of some bytes finds. */
typedef struct utf8_stats {
    size_t multi;   /* valid multi-byte sequences */
    size_t invalid; /* bytes that start no valid sequence (NUL not counted) */
    size_t nul;     /* NUL bytes */
} utf8_stats;

/* Checks (and optionally repairs into out) UTF-8. Returns true when the
 * input was valid and holds no NUL. With out != NULL, writes the repaired
 * text: every invalid sequence and every NUL becomes U+FFFD. With stats,
 * reads everything and counts (otherwise it stops at the first problem
 * when out is NULL). */
static bool utf8_scan(const unsigned char *s, size_t n, nmi_buf *out, utf8_stats *stats)
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
            if (stats && len > 1)
                stats->multi++;
            i += len;
            run += len;
            continue;
        }
        valid = false;
        if (stats) {
            if (c == 0)
                stats->nul++;
            else
                stats->invalid++;
        } else if (!out) {
            return false;
        }
        if (out) {
            nmi_buf_append(out, (const char *)s + i - run, run);
            nmi_buf_append(out, "\xEF\xBF\xBD", 3);
        }
        run = 0;
        i++;
    }
    if (out)
        nmi_buf_append(out, (const char *)s + i - run, run);
    return valid;
}

/* ICU writes U+001A (SUB) for unmappable bytes of some single-byte
 * charsets; the record always gets U+FFFD for bytes that mean nothing. */
static void to_u_fffd(const void *context, UConverterToUnicodeArgs *args,
                      const char *code_units, int32_t length, UConverterCallbackReason reason,
                      UErrorCode *err)
{
    (void)context;
    (void)code_units;
    (void)length;
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR)
        return;
    static const UChar fffd = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
}

static newsmeta_status convert_with_icu(const char *charset, const char *bytes, size_t len,
                                        char **out, size_t *out_len, newsmeta_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *from = ucnv_open(charset, &st);
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory opening %s", charset);
    if (U_FAILURE(st))
        return nmi_fail(err, NEWSMETA_ERR_ENCODING, "unknown charset \"%s\"", charset);
    ucnv_setToUCallBack(from, to_u_fffd, NULL, NULL, NULL, &st);
    UConverter *to = ucnv_open("UTF-8", &st);
    /* Most pages grow little (ASCII markup); the buffer doubles when not. */
    size_t cap = len + len / 2 + 64;
    char *buf = U_SUCCESS(st) ? malloc(cap) : NULL;
    char *target = buf;
    const char *source = bytes;
    UChar pivot[1024];
    UChar *pivot_source = pivot, *pivot_target = pivot;
    bool reset = true;
    while (buf) {
        st = U_ZERO_ERROR;
        ucnv_convertEx(to, from, &target, buf + cap - 1, &source, bytes + len, pivot,
                       &pivot_source, &pivot_target, pivot + 1024, reset, true, &st);
        reset = false;
        if (st != U_BUFFER_OVERFLOW_ERROR)
            break;
        size_t used = (size_t)(target - buf);
        char *bigger = nmi_grow(NULL, buf, cap, &cap, 1, cap); /* full: doubles */
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        target = buf + used;
    }
    ucnv_close(to);
    ucnv_close(from);
    if (!buf)
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory converting from %s", charset);
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
        utf8_scan((const unsigned char *)buf, n, &fixed, NULL);
        free(buf);
        if (fixed.oom || !fixed.data) {
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

/* ------------------------------------------------------------------ */
/* Unicode normalization                                               */
/* ------------------------------------------------------------------ */

/* Does the UTF-8 text need NFC normalization? ICU's quick check, done on
 * the UTF-8 without converting it: a character whose NFC_Quick_Check is
 * not Yes, or combining marks out of canonical order (each may be Yes on
 * its own: U+302F then U+302D must be swapped). Almost every string
 * answers no at once. */
bool nmi_needs_nfc(const char *s, size_t n)
{
    int32_t i = 0, len = n > (size_t)INT32_MAX ? INT32_MAX : (int32_t)n;
    uint8_t last_cc = 0;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (!(v & 0x8080808080808080ull)) { /* eight ASCII bytes */
                i += 8;
                last_cc = 0;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            last_cc = 0;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, len, c);
        /* below U+0300 every character is NFC as it stands, and starts
         * nothing (combining class 0) */
        if (c < 0x300) {
            last_cc = 0;
            continue;
        }
        uint8_t cc = u_getCombiningClass(c);
        if (cc != 0 && last_cc > cc)
            return true;
        last_cc = cc;
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
            return true;
    }
    return false;
}

/* Append the NFC form of UTF-8 s[0..n) to b (through UTF-16, ICU's C API). */
static bool append_nfc(nmi_buf *b, const char *s, size_t n)
{
    if (n == 0)
        return true;
    if (n > (size_t)INT32_MAX / 4)
        return false;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t cap16 = (int32_t)n + 1;
    UChar *u16 = malloc((size_t)cap16 * sizeof *u16);
    /* decomposition of unnormalized input may lengthen it: allow room */
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
    bool ok = u8 && U_SUCCESS(st) && nmi_buf_append(b, u8, (size_t)len8);
    free(u8);
    return ok;
}

/* Is a byte offset a place where NFC may cut the text (the character that
 * starts there combines with nothing before it)? */
static bool nfc_boundary(const UNormalizer2 *nfc, const char *s, size_t n, size_t at)
{
    if (at == 0 || at >= n)
        return true;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s + at, i, (int32_t)(n - at > 8 ? 8 : n - at), c);
    return c < 0 || unorm2_hasBoundaryBefore(nfc, c);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

char *nmi_nfc_arena(nmi_ctx *ctx, const char *s, size_t n, size_t *out_len, size_t *cuts,
                    size_t ncuts)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st) || n > (size_t)INT32_MAX / 4)
        return NULL;
    /* The text is normalized piece by piece between the cuts, each cut
     * first moved back to a normalization boundary: then the pieces
     * concatenated are the NFC of the whole, and each cut's new offset
     * is the length of the pieces before it. */
    size_t *bounds = malloc((ncuts + 2) * sizeof *bounds);
    if (!bounds) {
        ctx->oom = true;
        return NULL;
    }
    size_t nb = 0;
    for (size_t i = 0; i < ncuts; i++) {
        size_t at = cuts[i] > n ? n : cuts[i];
        while (at > 0 && at < n && (((unsigned char)s[at] & 0xC0) == 0x80 ||
                                    !nfc_boundary(nfc, s, n, at)))
            at--;
        bounds[nb++] = at;
    }
    bounds[nb++] = n;
    qsort(bounds, nb, sizeof *bounds, cmp_size);
    size_t *mapped = malloc(nb * sizeof *mapped);
    nmi_buf b;
    nmi_buf_init(&b);
    bool ok = mapped != NULL;
    size_t prev = 0;
    for (size_t i = 0; ok && i < nb; i++) {
        if (bounds[i] > prev) {
            ok = append_nfc(&b, s + prev, bounds[i] - prev);
            prev = bounds[i];
        }
        mapped[i] = b.len;
    }
    char *r = NULL;
    if (ok && !b.oom) {
        r = nmi_arena_strndup(ctx->arena, b.data ? b.data : "", b.len);
        if (!r)
            ctx->oom = true;
    } else if (b.oom || !mapped) {
        ctx->oom = true;
    }
    if (r) {
        *out_len = b.len;
        for (size_t i = 0; i < ncuts; i++) {
            size_t at = cuts[i] > n ? n : cuts[i];
            while (at > 0 && at < n && (((unsigned char)s[at] & 0xC0) == 0x80 ||
                                        !nfc_boundary(nfc, s, n, at)))
                at--;
            /* binary search for at among the sorted bounds */
            size_t lo = 0, hi = nb;
            while (lo + 1 < hi) {
                size_t mid = (lo + hi) / 2;
                if (bounds[mid] <= at)
                    lo = mid;
                else
                    hi = mid;
            }
            cuts[i] = mapped[lo];
        }
    }
    nmi_buf_free(&b);
    free(bounds);
    free(mapped);
    return r;
}

/* NFC of a whole malloc'd buffer (the page before parsing). */
static newsmeta_status to_nfc(const char *s, size_t n, char **out, size_t *out_len,
                              newsmeta_error *err)
{
    if (n > (size_t)INT32_MAX / 4)
        return nmi_fail(err, NEWSMETA_ERR_TOO_LARGE, "input too large to normalize");
    nmi_buf b;
    nmi_buf_init(&b);
    if (!append_nfc(&b, s, n) || b.oom || !b.data) {
        nmi_buf_free(&b);
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "cannot normalize the text to NFC");
    }
    *out = b.data;
    *out_len = b.len;
    return NEWSMETA_OK;
}

/* ------------------------------------------------------------------ */
/* The charset decision                                                */
/* ------------------------------------------------------------------ */

/* Bytes handed to ICU's detector: plenty for a confident answer, and the
 * detector's time stays bounded on huge inputs. */
#define DETECT_BYTES (256u * 1024u)

/* ICU's detector over the first bytes; its best answer that is an
 * ASCII-compatible encoding of the WHATWG standard (not UTF-16/32 without
 * a BOM, not EBCDIC, not ISO-2022-KR/CN), never UTF-8 when not_utf8. NULL
 * when it has none. */
static const nmi_charset *detect_charset(const char *bytes, size_t len, bool not_utf8)
{
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&st);
    if (U_FAILURE(st))
        return NULL;
    int32_t dlen = len > DETECT_BYTES ? (int32_t)DETECT_BYTES : (int32_t)len;
    ucsdet_enableInputFilter(det, true); /* markup is not text */
    ucsdet_setText(det, bytes, dlen, &st);
    int32_t count = 0;
    const UCharsetMatch **all = ucsdet_detectAll(det, &count, &st);
    const nmi_charset *found = NULL;
    for (int32_t i = 0; U_SUCCESS(st) && all && i < count && !found; i++) {
        UErrorCode st2 = U_ZERO_ERROR;
        const char *m = ucsdet_getName(all[i], &st2);
        const nmi_charset *cs = U_SUCCESS(st2) && m ? nmi_charset_for_label(m, strlen(m)) : NULL;
        if (cs && (cs->kind == NMI_CHARSET_ICU || (cs->kind == NMI_CHARSET_UTF8 && !not_utf8)))
            found = cs;
    }
    ucsdet_close(det);
    return found;
}

static const nmi_charset *charset_named(const char *label)
{
    return nmi_charset_for_label(label, strlen(label));
}

/* The caller's label as an error message may quote it: printable ASCII
 * (every label of the standard is), cut to 64 bytes. */
static const char *quotable(const char *label, char *buf, size_t cap)
{
    size_t n = 0;
    for (; label[n] && n + 4 < cap; n++) {
        if (label[n] < 0x20 || label[n] > 0x7E)
            return "(not printable ASCII)";
        buf[n] = label[n];
    }
    if (label[n])
        memcpy(buf + n, "...", 4);
    else
        buf[n] = '\0';
    return buf;
}

/* The caller's charset (the transport's): stricter than a <meta>, which
 * is passed over when it names nothing usable, since the caller can
 * correct it. A label of the standard, or NEWSMETA_ERR_ENCODING with a
 * message that names it and says why it is not read. */
static newsmeta_status caller_charset(const char *label, const nmi_charset **out,
                                      newsmeta_error *err)
{
    *out = NULL;
    if (!label || !*label)
        return NEWSMETA_OK;
    char buf[68];
    const nmi_charset *cs = charset_named(label);
    int has = cs && (cs->kind == NMI_CHARSET_ICU || cs->kind == NMI_CHARSET_UTF16)
                  ? nmi_charset_icu_has(cs)
                  : 1;
    if (!cs)
        return nmi_fail(err, NEWSMETA_ERR_ENCODING,
                        "charset option \"%s\" is not a label of the WHATWG Encoding Standard "
                        "(encoding.spec.whatwg.org)",
                        quotable(label, buf, sizeof buf));
    if (cs->kind == NMI_CHARSET_REPLACEMENT)
        return nmi_fail(err, NEWSMETA_ERR_ENCODING,
                        "charset option \"%s\" names the WHATWG replacement encoding "
                        "(ISO-2022-KR, ISO-2022-CN, HZ), which newsmeta does not decode",
                        quotable(label, buf, sizeof buf));
    if (has < 0)
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory opening %s", cs->name);
    if (has == 0)
        return nmi_fail(err, NEWSMETA_ERR_ENCODING,
                        "charset option \"%s\" (%s): this build of ICU has no converter for it",
                        quotable(label, buf, sizeof buf), cs->name);
    *out = cs;
    return NEWSMETA_OK;
}

/* The charset decision as it goes: the charset so far (NULL while
 * undecided), how it was found, and what a UTF-8 reading of the bytes
 * found (when one was made). */
typedef struct decision {
    const nmi_charset *cs;
    newsmeta_charset_source src;
    utf8_stats us;
    bool have_stats;
} decision;

/* 1. A byte order mark: it decides the charset, and is not text. */
static void skip_bom(const char **bytes, size_t *len, decision *d)
{
    const unsigned char *u = (const unsigned char *)*bytes;
    size_t skip = 0;
    if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        skip = 3;
        d->cs = charset_named("utf-8");
    } else if (*len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        skip = 2;
        d->cs = charset_named("utf-16le");
    } else if (*len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        skip = 2;
        d->cs = charset_named("utf-16be");
    }
    if (skip) {
        *bytes += skip;
        *len -= skip;
        d->src = NEWSMETA_CHARSET_BOM;
    }
}

/* 2. The transport's charset, as the caller gives it (checked already);
 * else 3. a <meta> declaration the page can be read in. */
static newsmeta_status declared_charset(const nmi_charset *caller, const char *bytes, size_t len,
                                        decision *d, newsmeta_error *err)
{
    if (d->cs)
        return NEWSMETA_OK;
    if (caller) {
        d->cs = caller;
        d->src = NEWSMETA_CHARSET_OPTION;
        return NEWSMETA_OK;
    }
    bool oom = false;
    d->cs = nmi_prescan_charset(bytes, len, &oom);
    if (oom)
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory");
    if (d->cs)
        d->src = NEWSMETA_CHARSET_META;
    return NEWSMETA_OK;
}

static bool is_utf8(const nmi_charset *cs)
{
    return cs && cs->kind == NMI_CHARSET_UTF8;
}

/* 4. The bytes themselves: what a UTF-8 reading finds decides between
 * UTF-8 and ICU's detector, and overrules a <meta> that the bytes
 * contradict (pages declared UTF-8 that are windows-1252, and the
 * reverse, are common). */
static void charset_from_bytes(const char *bytes, size_t len, bool utf16, decision *d)
{
    if (!d->cs || (d->src == NEWSMETA_CHARSET_META && !utf16)) {
        utf8_scan((const unsigned char *)bytes, len, NULL, &d->us);
        d->have_stats = true;
    }
    /* mostly well-formed: UTF-8 with some damage, repaired later */
    bool reads_as_utf8 = d->have_stats && d->us.invalid <= d->us.multi;
    if (d->src == NEWSMETA_CHARSET_META && d->have_stats) {
        if (is_utf8(d->cs) && !reads_as_utf8) {
            d->cs = NULL;
            d->src = NEWSMETA_CHARSET_DETECTED;
        } else if (!is_utf8(d->cs) && d->us.invalid == 0 && d->us.multi >= 2 &&
                   !nmi_istarts(d->cs->icu, "ISO-2022")) {
            d->cs = charset_named("utf-8");
            d->src = NEWSMETA_CHARSET_DETECTED;
        }
    }
    if (d->cs)
        return;
    if (reads_as_utf8) {
        d->cs = charset_named("utf-8");
        /* ASCII reads the same in every charset we could pick */
        d->src = d->us.multi || d->us.invalid ? NEWSMETA_CHARSET_DETECTED
                                              : NEWSMETA_CHARSET_DEFAULT;
    } else if ((d->cs = detect_charset(bytes, len, true)) != NULL) {
        d->src = NEWSMETA_CHARSET_DETECTED;
    } else {
        d->cs = charset_named("windows-1252"); /* the web's default */
        d->src = NEWSMETA_CHARSET_DEFAULT;
    }
}

/* UTF-8 input: the caller's bytes as they are when valid (no copy), else
 * a repaired copy (invalid bytes and NULs become U+FFFD). */
static newsmeta_status utf8_input(const char *bytes, size_t len, const decision *d, char **out,
                                  size_t *out_len, bool *owned, newsmeta_error *err)
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (d->have_stats ? d->us.invalid == 0 && d->us.nul == 0 : utf8_scan(u, len, NULL, NULL)) {
        /* Nothing to convert: the parser reads the caller's bytes. */
        *out = (char *)bytes;
        *out_len = len;
        *owned = false;
        return NEWSMETA_OK;
    }
    nmi_buf b;
    nmi_buf_init(&b);
    utf8_scan(u, len, &b, NULL);
    if (b.oom || !b.data) {
        nmi_buf_free(&b);
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory");
    }
    *out = b.data;
    *out_len = b.len;
    return NEWSMETA_OK;
}

/* x-user-defined, a caller's charset only (a <meta> naming it means
 * windows-1252): ICU has no converter for it, and the standard's decoder
 * is one rule: ASCII stays, bytes 0x80-0xFF are U+F780-U+F7FF. NUL
 * becomes U+FFFD, as in every charset. */
static newsmeta_status user_defined_input(const char *bytes, size_t len, char **out,
                                          size_t *out_len, newsmeta_error *err)
{
    char *buf = len < SIZE_MAX / 4 ? malloc(len * 3 + 1) : NULL;
    if (!buf)
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        UChar32 cp = c == 0 ? 0xFFFD : c < 0x80 ? c : 0xF700 + c;
        U8_APPEND_UNSAFE(buf, n, cp);
    }
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return NEWSMETA_OK;
}

newsmeta_status nmi_decode(nmi_ctx *ctx, const char *bytes, size_t len, char **out,
                           size_t *out_len, bool *owned, newsmeta_error *err)
{
    *owned = true;
    const nmi_charset *caller = NULL;
    newsmeta_status st = caller_charset(ctx->opts.charset, &caller, err);
    if (st != NEWSMETA_OK)
        return st;
    decision d = {NULL, NEWSMETA_CHARSET_DEFAULT, {0, 0, 0}, false};
    skip_bom(&bytes, &len, &d);
    if (len == 0)
        return nmi_fail(err, NEWSMETA_ERR_EMPTY_INPUT, "the input is only a byte order mark");
    st = declared_charset(caller, bytes, len, &d, err);
    if (st != NEWSMETA_OK)
        return st;
    bool utf16 = d.cs && d.cs->kind == NMI_CHARSET_UTF16;
    if (!utf16 && looks_binary((const unsigned char *)bytes, len))
        return nmi_fail(err, NEWSMETA_ERR_BINARY, "input looks like binary data, not text");
    charset_from_bytes(bytes, len, utf16, &d);

    ctx->charset_source = d.src;
    ctx->charset = nmi_arena_strdup(ctx->arena, d.cs->name);
    if (!ctx->charset)
        return nmi_fail(err, NEWSMETA_ERR_NOMEM, "out of memory");
    if (is_utf8(d.cs))
        return utf8_input(bytes, len, &d, out, out_len, owned, err);
    if (d.cs->kind == NMI_CHARSET_USER_DEFINED)
        return user_defined_input(bytes, len, out, out_len, err);
    return convert_with_icu(d.cs->icu, bytes, len, out, out_len, err);
}

newsmeta_status nmi_normalize(char **text, size_t *len, bool *owned, newsmeta_error *err)
{
    if (!nmi_needs_nfc(*text, *len))
        return NEWSMETA_OK;
    /* Text is NFC: normalize the whole document once (markup is ASCII and
     * unchanged by it). Characters written as references (e&#x301;) are
     * only decoded by the parser: api.c checks the record's strings too. */
    char *nfc = NULL;
    size_t nfc_len = 0;
    newsmeta_status st = to_nfc(*text, *len, &nfc, &nfc_len, err);
    if (*owned)
        free(*text);
    *text = NULL;
    *owned = false;
    if (st != NEWSMETA_OK)
        return st;
    *text = nfc;
    *len = nfc_len;
    *owned = true;
    return NEWSMETA_OK;
}
