/* Growable buffers and the UTF-8 text helpers every stage shares. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <unicode/utf8.h>

#include "internal.h"

void nmi_buf_init(nmi_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

void nmi_buf_free(nmi_buf *b)
{
    free(b->data);
    nmi_buf_init(b);
}

void nmi_buf_reset(nmi_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static bool buf_reserve(nmi_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2; /* geometric growth keeps appends amortized O(1) */
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool nmi_buf_reserve(nmi_buf *b, size_t extra)
{
    return buf_reserve(b, extra);
}

bool nmi_buf_append(nmi_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool nmi_buf_appendc(nmi_buf *b, char c)
{
    return nmi_buf_append(b, &c, 1);
}

/* Length of a whitespace sequence at s (0 if none): ASCII space and
 * controls, NBSP, the U+2000 block spaces, line/paragraph separators,
 * narrow NBSP, medium math space, ideographic space. */
static inline size_t space_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && n >= 2 && s[1] == 0xA0)
        return 2;
    if (c == 0xE2 && n >= 3) {
        if (s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xA8 || s[2] == 0xA9 ||
                             s[2] == 0xAF))
            return 3;
        if (s[1] == 0x81 && s[2] == 0x9F)
            return 3;
    }
    if (c == 0xE1 && n >= 3 && s[1] == 0x9A && s[2] == 0x80)
        return 3;
    if (c == 0xE3 && n >= 3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* Zero-width characters that only get in the way of matching: ZWSP, ZWNJ,
 * ZWJ, word joiner, BOM. (Soft hyphens are kept: they are text.) */
static size_t zero_width_len(const unsigned char *s, size_t n)
{
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D)
        return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0)
        return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;
    return 0;
}

bool nmi_buf_append_collapsed(nmi_buf *b, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    if (!buf_reserve(b, n))
        return false;
    size_t i = 0;
    while (i < n) {
        size_t k = space_len(s + i, n - i);
        if (k) {
            if (b->len > 0 && b->data[b->len - 1] != ' ')
                b->data[b->len++] = ' ';
            i += k;
            continue;
        }
        k = zero_width_len(s + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        /* Copy a run of ordinary bytes at once. */
        size_t j = i + 1;
        while (j < n && s[j] > ' ' && s[j] < 0x80)
            j++;
        memcpy(b->data + b->len, s + i, j - i);
        b->len += j - i;
        i = j;
    }
    b->data[b->len] = '\0';
    return true;
}

void nmi_buf_rtrim(nmi_buf *b)
{
    while (b->len > 0 && b->data[b->len - 1] == ' ')
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
}

char *nmi_clean_text(nmi_arena *arena, const char *s, size_t n, bool *oom)
{
    if (!s || n == 0)
        return NULL;
    /* Collapsing never lengthens the text, so one arena slot of n+1 bytes
     * is enough and no temporary buffer is needed. */
    char *out = nmi_arena_alloc(arena, n + 1);
    if (!out) {
        *oom = true;
        return NULL;
    }
    nmi_buf b = {out, 0, n + 1, false};
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] > ' ' && u[i] < 0x80) { /* most bytes: visible ASCII */
            out[b.len++] = (char)u[i++];
            continue;
        }
        size_t k = space_len(u + i, n - i);
        if (k) {
            if (b.len > 0 && out[b.len - 1] != ' ')
                out[b.len++] = ' ';
            i += k;
            continue;
        }
        k = zero_width_len(u + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        if (u[i] == 0) { /* stray NUL: would truncate the string */
            i++;
            continue;
        }
        out[b.len++] = (char)u[i++];
    }
    while (b.len > 0 && out[b.len - 1] == ' ')
        b.len--;
    out[b.len] = '\0';
    return b.len ? out : NULL;
}

size_t nmi_text_weight(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t w = 0, i = 0;
    while (i < n) {
        if (s[i] > ' ' && s[i] < 0x80) { /* most bytes: visible ASCII */
            w++;
            i++;
            continue;
        }
        size_t k = space_len(s + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        if ((s[i] & 0xC0) != 0x80) /* count lead bytes only */
            w++;
        i++;
    }
    return w;
}

static inline int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

bool nmi_ieq(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    while (*a && *b && lower((unsigned char)*a) == lower((unsigned char)*b))
        a++, b++;
    return *a == *b;
}

bool nmi_istarts(const char *s, const char *prefix)
{
    if (!s)
        return false;
    while (*prefix) {
        if (lower((unsigned char)*s) != lower((unsigned char)*prefix))
            return false;
        s++, prefix++;
    }
    return true;
}

const char *nmi_istr(const char *h, const char *needle)
{
    if (!h || !needle)
        return NULL;
    if (!*needle)
        return h;
    for (; *h; h++)
        if (nmi_istarts(h, needle))
            return h;
    return NULL;
}

/* Encode one code point as UTF-8 into out (4 bytes room); returns length. */
static size_t put_utf8(unsigned cp, char *out)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

const char *nmi_decode_entities(nmi_arena *arena, const char *s, bool *oom)
{
    if (!s || !strchr(s, '&'))
        return s;
    size_t n = strlen(s);
    /* A reference is never shorter than its UTF-8 (&#x10FFFF; is 10 bytes
     * for 4; the shortest named ones, &lt; and &gt;, are 4 for 1), so the
     * output fits in n bytes. */
    char *out = nmi_arena_alloc(arena, n + 1);
    if (!out) {
        *oom = true;
        return s;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '&') {
            const char *semi = memchr(s + i, ';', n - i < 34 ? n - i : 34);
            if (semi) {
                size_t len = (size_t)(semi - (s + i)) - 1; /* between & and ; */
                unsigned cp = 0;
                bool ok = false;
                if (len >= 2 && s[i + 1] == '#') {
                    const char *p = s + i + 2;
                    bool hex = (*p == 'x' || *p == 'X');
                    if (hex)
                        p++;
                    ok = p < semi;
                    for (; p < semi && ok; p++) {
                        int c = (unsigned char)*p, v;
                        if (c >= '0' && c <= '9')
                            v = c - '0';
                        else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
                            v = lower(c) - 'a' + 10;
                        else {
                            ok = false;
                            break;
                        }
                        cp = cp * (hex ? 16u : 10u) + (unsigned)v;
                        if (cp > 0x10FFFF)
                            cp = 0x110000; /* stays invalid, no overflow */
                    }
                } else if (len >= 2 && len < 32) {
                    char name[32];
                    memcpy(name, s + i + 1, len);
                    name[len] = '\0';
                    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                    if (e) {
                        cp = e->value;
                        ok = true;
                    }
                }
                if (ok) {
                    o += put_utf8(cp, out + o);
                    i = (size_t)(semi - s) + 1;
                    continue;
                }
            }
        }
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* ---- comparing and measuring text ---------------------------------------- */


/* Lower-case ASCII letters and digits plus all non-ASCII bytes: a key that
 * ignores case, spaces and punctuation. */
size_t nmi_squash(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 1 < cap; p++) {
        unsigned c = *p;
        if (c >= 'A' && c <= 'Z')
            out[n++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

bool nmi_loose_equal(const char *a, const char *b)
{
    char x[512], y[512];
    size_t nx = nmi_squash(a, x, sizeof x), ny = nmi_squash(b, y, sizeof y);
    return nx > 0 && nx == ny && !memcmp(x, y, nx);
}

/* Host label of the page, "nytimes" for https://www.nytimes.com/... */
void nmi_host_key(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    if (!url)
        return;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *end = p;
    while (*end && *end != '/' && *end != ':' && *end != '?')
        end++;
    char host[256];
    size_t n = (size_t)(end - p) < sizeof host - 1 ? (size_t)(end - p) : sizeof host - 1;
    memcpy(host, p, n);
    host[n] = '\0';
    /* the label before the public suffix: drop "www." and the last label
     * (and a second-level ".co"/".com" of country domains). */
    char *h = host;
    if (!strncmp(h, "www.", 4))
        h += 4;
    char *last = strrchr(h, '.');
    if (last)
        *last = '\0';
    last = strrchr(h, '.');
    if (last && (!strcmp(last, ".co") || !strcmp(last, ".com") || !strcmp(last, ".org") ||
                 !strcmp(last, ".net") || !strcmp(last, ".ac") || !strcmp(last, ".gov")))
        *last = '\0';
    last = strrchr(h, '.');
    nmi_squash(last ? last + 1 : h, out, cap);
}

size_t nmi_word_count(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}


static size_t utf8_scan_props(const char *s, size_t n, UBool (*is)(UChar32), bool first_only)
{
    size_t i = 0, k = 0;
    while (i < n) {
        UChar32 cp;
        U8_NEXT(s, i, n, cp);
        if (cp < 0 || !is(cp))
            continue;
        k++;
        if (first_only)
            break;
    }
    return k;
}

size_t nmi_utf8_count(const char *s, size_t n, UBool (*is)(UChar32))
{
    return utf8_scan_props(s, n, is, false);
}

bool nmi_utf8_any(const char *s, size_t n, UBool (*is)(UChar32))
{
    return utf8_scan_props(s, n, is, true) > 0;
}

/* The length of a character that can disguise a name at s (n bytes
 * left): a bidi embedding, override or isolate (U+202A..U+202E,
 * U+2066..U+2069) or a C1 control (U+0080..U+009F); 0 for any other. */
static size_t disguise_len(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2;
    if (n >= 3 && s[0] == 0xE2 &&
        ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
         (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)))
        return 3;
    return 0;
}

const char *nmi_strip_disguise(nmi_arena *arena, const char *s, bool *oom)
{
    if (!s)
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    while (i < n && !disguise_len(u + i, n - i))
        i++;
    if (i == n)
        return s; /* nothing to remove: most strings */
    char *out = nmi_arena_alloc(arena, n + 1);
    if (!out) {
        *oom = true;
        return s;
    }
    size_t k = 0;
    for (i = 0; i < n;) {
        size_t d = disguise_len(u + i, n - i);
        if (d) {
            i += d;
            continue;
        }
        out[k++] = s[i++];
    }
    out[k] = '\0';
    /* what is left, whitespace collapsed (a removed character may have
     * stood between two spaces); NULL when nothing is */
    return nmi_clean_text(arena, out, k, oom);
}
