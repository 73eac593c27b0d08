/* Invariants shared by the fuzz targets (and test_alloc_failure.c): what
 * every record newsmeta hands out must satisfy, whatever the input. A
 * violation aborts, so libFuzzer (or the replay driver under ctest)
 * reports it with the input. */
#ifndef NEWSMETA_FUZZ_COMMON_H
#define NEWSMETA_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "newsmeta.h"

/* A test may define its own FUZZ_CHECK before including this header
 * (test_alloc_failure.c names the run that broke an invariant). */
#ifndef FUZZ_CHECK
#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "fuzz: invariant failed: %s (%s:%d)\n", #cond, __FILE__,     \
                    __LINE__);                                                            \
            abort();                                                                      \
        }                                                                                 \
    } while (0)
#endif

/* Well-formed UTF-8 (no overlongs, surrogates or code points past
 * U+10FFFF) of exactly n bytes, no NUL inside. */
static inline int fuzz_utf8_ok(const char *s, size_t n)
{
    int32_t i = 0, len = (int32_t)n;
    if (n > INT32_MAX)
        return 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c <= 0)
            return 0;
    }
    return 1;
}

/* A text string of the record: UTF-8 and NFC. */
static inline void fuzz_check_text(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    FUZZ_CHECK(fuzz_utf8_ok(s, n));
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    FUZZ_CHECK(U_SUCCESS(st));
    /* through UTF-16, ICU's C API; strings are small enough */
    int32_t cap = (int32_t)n + 1, len = 0;
    UChar *u = malloc((size_t)cap * sizeof *u);
    FUZZ_CHECK(u != NULL);
    u_strFromUTF8(u, cap, &len, s, (int32_t)n, &st);
    FUZZ_CHECK(U_SUCCESS(st));
    FUZZ_CHECK(unorm2_isNormalized(nfc, u, len, &st));
    FUZZ_CHECK(U_SUCCESS(st));
    free(u);
}

/* A URL string: UTF-8 (not normalized: URLs are left as they are). */
static inline void fuzz_check_url(const char *s)
{
    if (s)
        FUZZ_CHECK(fuzz_utf8_ok(s, strlen(s)));
}

/* A link's href is one a crawler may follow: no control or space byte
 * anywhere, and http(s) when it names a scheme (relative only when the
 * page had no URL to resolve it against). */
static inline void fuzz_check_href(const char *s)
{
    if (!s)
        return;
    fuzz_check_url(s);
    for (const char *c = s; *c; c++)
        FUZZ_CHECK((unsigned char)*c > 0x20 && *c != 0x7F);
    size_t k = 0;
    while (((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z') || (k && s[k] >= '0' && s[k] <= '9') ||
           (k && (s[k] == '+' || s[k] == '-' || s[k] == '.')))
        k++;
    if (k && s[k] == ':') {
        char scheme[6] = {0};
        for (size_t i = 0; i < k && i < 5; i++)
            scheme[i] = (char)(s[i] | 32);
        FUZZ_CHECK(!strcmp(scheme, "http") || !strcmp(scheme, "https"));
    }
}

static inline int fuzz_char_boundary(const char *s, size_t at)
{
    return ((unsigned char)s[at] & 0xC0) != 0x80;
}

/* nfc: the strings must be NFC too (in a record; not in the date
 * target, which hands the parser raw text) */
static inline void fuzz_check_timestamp(const newsmeta_timestamp *t, int nfc)
{
    if (!t->present)
        return;
    FUZZ_CHECK(t->iso != NULL && strlen(t->iso) >= 4);
    FUZZ_CHECK(fuzz_utf8_ok(t->iso, strlen(t->iso)));
    FUZZ_CHECK((unsigned)t->precision >= NEWSMETA_PRECISION_YEAR &&
               (unsigned)t->precision <= NEWSMETA_PRECISION_SECOND);
    if (t->offset_known)
        FUZZ_CHECK(t->offset_minutes >= -24 * 60 && t->offset_minutes <= 24 * 60);
    if (nfc) {
        fuzz_check_text(t->zone);
        fuzz_check_text(t->raw);
    } else {
        fuzz_check_url(t->zone);
        fuzz_check_url(t->raw);
    }
}

/* Every invariant of a record returned with NEWSMETA_OK. */
static inline void fuzz_check_article(const newsmeta_article *a, const newsmeta_options *o)
{
    fuzz_check_text(a->headline);
    fuzz_check_text(a->byline);
    fuzz_check_text(a->publisher);
    fuzz_check_text(a->description);
    fuzz_check_text(a->site_name);
    fuzz_check_text(a->image_credit);
    fuzz_check_text(a->section);
    fuzz_check_text(a->agency);
    fuzz_check_url(a->url);
    fuzz_check_url(a->canonical_url);
    fuzz_check_url(a->image);
    fuzz_check_url(a->language);
    FUZZ_CHECK(a->charset != NULL && fuzz_utf8_ok(a->charset, strlen(a->charset)));
    FUZZ_CHECK((unsigned)a->charset_source <= NEWSMETA_CHARSET_DEFAULT);
    FUZZ_CHECK((a->truncated & ~0x3Fu) == 0);
    for (size_t i = 0; i < a->author_count; i++) {
        FUZZ_CHECK(a->authors[i] != NULL && a->authors[i][0] != '\0');
        fuzz_check_text(a->authors[i]);
    }
    for (size_t i = 0; i < a->tag_count; i++) {
        FUZZ_CHECK(a->tags[i] != NULL);
        fuzz_check_text(a->tags[i]);
    }
    for (size_t i = 0; i < a->caption_count; i++) {
        FUZZ_CHECK(a->captions[i] != NULL);
        fuzz_check_text(a->captions[i]);
    }
    fuzz_check_timestamp(&a->published, 1);
    fuzz_check_timestamp(&a->modified, 1);
    for (size_t i = 0; i < a->paragraph_count; i++) {
        const newsmeta_paragraph *p = &a->paragraphs[i];
        FUZZ_CHECK(p->text != NULL);
        FUZZ_CHECK(strlen(p->text) == p->length);
        FUZZ_CHECK(p->length > 0);
        FUZZ_CHECK((unsigned)p->kind <= NEWSMETA_PREFORMATTED);
        FUZZ_CHECK(p->kind == NEWSMETA_HEADING ? p->level >= 1 && p->level <= 6 : 1);
        fuzz_check_text(p->text);
    }
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        FUZZ_CHECK(l->text != NULL);
        fuzz_check_text(l->text);
        fuzz_check_href(l->href);
        FUZZ_CHECK(l->paragraph >= -1 && l->paragraph < (int64_t)a->paragraph_count);
        FUZZ_CHECK(l->start <= l->end);
        if (l->kind == NEWSMETA_LINK_RELATED) {
            FUZZ_CHECK(l->start == l->end);
        } else {
            FUZZ_CHECK(l->kind == NEWSMETA_LINK_BODY);
            FUZZ_CHECK(l->paragraph >= 0);
            const newsmeta_paragraph *p = &a->paragraphs[l->paragraph];
            FUZZ_CHECK(l->end <= p->length);
            FUZZ_CHECK(fuzz_char_boundary(p->text, l->start));
            FUZZ_CHECK(l->end == p->length || fuzz_char_boundary(p->text, l->end));
        }
    }
    if (o) {
        uint32_t maxp = o->max_paragraphs ? o->max_paragraphs : NEWSMETA_DEFAULT_MAX_PARAGRAPHS;
        uint32_t maxl = o->max_links ? o->max_links : NEWSMETA_DEFAULT_MAX_LINKS;
        FUZZ_CHECK(a->paragraph_count <= maxp);
        FUZZ_CHECK(a->caption_count <= maxp);
        FUZZ_CHECK(a->link_count <= maxl);
        if (o->flags & NEWSMETA_OPT_NO_LINKS)
            FUZZ_CHECK(a->link_count == 0);
        if (o->flags & NEWSMETA_OPT_NO_BODY)
            FUZZ_CHECK(a->paragraph_count == 0);
    }
    char *json = NULL;
    size_t len = 0;
    FUZZ_CHECK(newsmeta_to_json(a, 0, &json, &len, NULL) == NEWSMETA_OK);
    FUZZ_CHECK(json != NULL && strlen(json) == len);
    FUZZ_CHECK(fuzz_utf8_ok(json, len));
    newsmeta_free(json);
}

#endif
