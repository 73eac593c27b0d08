/* Stage 8: the record as JSON (docs/schema.json), built with Jansson.
 * Every key is always present: null for an absent value, [] for an empty
 * list, so consumers never need to test for missing keys. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/utf8.h>

#include "internal.h"

/* A JSON string, or null. Our strings are valid UTF-8 by construction
 * (the caller's are checked, the page is decoded); should one not be, each
 * invalid sequence is written as U+FFFD (one per maximal ill-formed
 * subpart, as the Unicode standard and WHATWG decoders do) and every valid
 * character is kept, rather than failing the whole record. */
static json_t *jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (j)
        return j;
    size_t n = strlen(s);
    nmi_buf fixed;
    nmi_buf_init(&fixed);
    for (size_t i = 0; i < n;) {
        size_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            nmi_buf_append(&fixed, "\xEF\xBF\xBD", 3);
        else
            nmi_buf_append(&fixed, s + at, i - at);
    }
    j = fixed.oom ? NULL : json_stringn(fixed.data ? fixed.data : "", fixed.len);
    nmi_buf_free(&fixed);
    return j;
}

/* Setting helpers that track allocation failure in *ok. */
static void put(json_t *obj, const char *key, json_t *v, bool *ok)
{
    if (!v || json_object_set_new(obj, key, v) != 0)
        *ok = false;
}

static json_t *string_list(const char *const *items, size_t n, bool *ok)
{
    json_t *arr = json_array();
    if (!arr) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (json_array_append_new(arr, jstr(items[i])) != 0)
            *ok = false;
    return arr;
}

static json_t *timestamp(const newsmeta_timestamp *t, bool *ok)
{
    if (!t->present)
        return json_null();
    json_t *o = json_object();
    if (!o) {
        *ok = false;
        return NULL;
    }
    put(o, "iso", jstr(t->iso), ok);
    put(o, "offset_known", json_boolean(t->offset_known), ok);
    put(o, "offset_minutes", t->offset_known ? json_integer(t->offset_minutes) : json_null(), ok);
    put(o, "utc_seconds",
        t->offset_known && t->precision >= NEWSMETA_PRECISION_HOUR ? json_integer(t->utc_seconds)
                                                                   : json_null(),
        ok);
    put(o, "precision", json_string(newsmeta_precision_name(t->precision)), ok);
    put(o, "zone", jstr(t->zone), ok);
    put(o, "raw", jstr(t->raw), ok);
    put(o, "source", json_string(newsmeta_source_name(t->source)), ok);
    return o;
}

static json_t *sources(const newsmeta_article *a, bool *ok)
{
    json_t *o = json_object();
    if (!o) {
        *ok = false;
        return NULL;
    }
    const newsmeta_sources *s = &a->sources;
    struct {
        const char *key;
        newsmeta_source v;
    } f[] = {{"headline", s->headline},
             {"byline", s->byline},
             {"authors", s->authors},
             {"publisher", s->publisher},
             {"published", a->published.present ? a->published.source : NEWSMETA_SOURCE_NONE},
             {"modified", a->modified.present ? a->modified.source : NEWSMETA_SOURCE_NONE},
             {"description", s->description},
             {"language", s->language},
             {"site_name", s->site_name},
             {"canonical_url", s->canonical_url},
             {"image", s->image},
             {"section", s->section},
             {"tags", s->tags},
             {"body", s->body}};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        put(o, f[i].key,
            f[i].v == NEWSMETA_SOURCE_NONE ? json_null() : json_string(newsmeta_source_name(f[i].v)),
            ok);
    return o;
}

static const char *charset_source_name(newsmeta_charset_source s)
{
    switch (s) {
    case NEWSMETA_CHARSET_BOM: return "bom";
    case NEWSMETA_CHARSET_OPTION: return "option";
    case NEWSMETA_CHARSET_META: return "meta";
    case NEWSMETA_CHARSET_DETECTED: return "detected";
    case NEWSMETA_CHARSET_DEFAULT: return "default";
    }
    return "default";
}

/* The limits that cut the record short, by name, in bit order. */
static json_t *truncated_list(uint32_t bits, bool *ok)
{
    static const char *const NAMES[] = {"depth",      "paragraphs", "links", "jsonld",
                                        "attributes", "text",       "values"};
    json_t *arr = json_array();
    if (!arr) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if ((bits & (1u << i)) && json_array_append_new(arr, json_string(NAMES[i])) != 0)
            *ok = false;
    return arr;
}

/* A link's span in the units other languages index strings by: code points
 * (Python, text[char_start:char_end]) and UTF-16 code units (JavaScript,
 * Java, C#: text.slice(utf16_start, utf16_end)). */
typedef struct text_offsets {
    size_t char_start, char_end, utf16_start, utf16_end;
} text_offsets;

static void count_units(const char *s, size_t bytes, size_t *chars, size_t *utf16)
{
    *chars = *utf16 = 0;
    for (size_t i = 0; i < bytes; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte: part of the character before */
        (*chars)++;
        *utf16 += c >= 0xF0 ? 2 : 1; /* four-byte characters are surrogate pairs */
    }
}

static text_offsets link_offsets(const newsmeta_article *a, const newsmeta_link *l)
{
    text_offsets o = {l->start, l->end, l->start, l->end};
    if (l->paragraph < 0 || (size_t)l->paragraph >= a->paragraph_count)
        return o;
    const newsmeta_paragraph *p = &a->paragraphs[l->paragraph];
    if (l->start > p->length || l->end > p->length || l->end < l->start)
        return o;
    count_units(p->text, l->start, &o.char_start, &o.utf16_start);
    size_t chars, utf16;
    count_units(p->text + l->start, l->end - l->start, &chars, &utf16);
    o.char_end = o.char_start + chars;
    o.utf16_end = o.utf16_start + utf16;
    return o;
}

static json_t *article_json(const newsmeta_article *a, bool *ok)
{
    json_t *o = json_object();
    if (!o) {
        *ok = false;
        return NULL;
    }
    put(o, "schema_version", json_integer(NEWSMETA_SCHEMA_VERSION), ok);
    put(o, "url", jstr(a->url), ok);
    put(o, "headline", jstr(a->headline), ok);
    put(o, "byline", jstr(a->byline), ok);
    put(o, "authors", string_list(a->authors, a->author_count, ok), ok);
    put(o, "publisher", jstr(a->publisher), ok);
    put(o, "agency", jstr(a->agency), ok);
    put(o, "published", timestamp(&a->published, ok), ok);
    put(o, "modified", timestamp(&a->modified, ok), ok);
    put(o, "description", jstr(a->description), ok);
    put(o, "language", jstr(a->language), ok);
    put(o, "site_name", jstr(a->site_name), ok);
    put(o, "canonical_url", jstr(a->canonical_url), ok);
    put(o, "image", jstr(a->image), ok);
    put(o, "image_credit", jstr(a->image_credit), ok);
    put(o, "section", jstr(a->section), ok);
    put(o, "tags", string_list(a->tags, a->tag_count, ok), ok);

    json_t *ps = json_array();
    for (size_t i = 0; ps && i < a->paragraph_count; i++) {
        const newsmeta_paragraph *p = &a->paragraphs[i];
        json_t *po = json_object();
        if (!po) {
            *ok = false;
            break;
        }
        put(po, "kind", json_string(newsmeta_paragraph_kind_name(p->kind)), ok);
        if (p->kind == NEWSMETA_HEADING)
            put(po, "level", json_integer(p->level), ok);
        put(po, "text", jstr(p->text), ok);
        if (json_array_append_new(ps, po) != 0)
            *ok = false;
    }
    put(o, "paragraphs", ps, ok);

    json_t *ls = json_array();
    for (size_t i = 0; ls && i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        text_offsets off = link_offsets(a, l);
        json_t *lo = json_object();
        if (!lo) {
            *ok = false;
            break;
        }
        put(lo, "href", jstr(l->href), ok);
        put(lo, "text", jstr(l->text), ok);
        put(lo, "kind", json_string(l->kind == NEWSMETA_LINK_BODY ? "body" : "related"), ok);
        put(lo, "paragraph", l->paragraph >= 0 ? json_integer(l->paragraph) : json_null(), ok);
        put(lo, "start", json_integer((json_int_t)l->start), ok);
        put(lo, "end", json_integer((json_int_t)l->end), ok);
        put(lo, "char_start", json_integer((json_int_t)off.char_start), ok);
        put(lo, "char_end", json_integer((json_int_t)off.char_end), ok);
        put(lo, "utf16_start", json_integer((json_int_t)off.utf16_start), ok);
        put(lo, "utf16_end", json_integer((json_int_t)off.utf16_end), ok);
        if (json_array_append_new(ls, lo) != 0)
            *ok = false;
    }
    put(o, "links", ls, ok);
    put(o, "captions", string_list(a->captions, a->caption_count, ok), ok);
    put(o, "charset", jstr(a->charset), ok);
    put(o, "sources", sources(a, ok), ok);
    put(o, "charset_source", json_string(charset_source_name(a->charset_source)), ok);
    put(o, "truncated", truncated_list(a->truncated, ok), ok);
    return o;
}

static int dump_cb(const char *buffer, size_t size, void *data)
{
    return nmi_buf_append(data, buffer, size) ? 0 : -1;
}

newsmeta_status newsmeta_to_json(const newsmeta_article *article, uint32_t flags, char **out,
                                 size_t *out_length, newsmeta_error *error)
{
    if (out)
        *out = NULL;
    if (out_length)
        *out_length = 0;
    if (!article || !out)
        return nmi_fail(error, NEWSMETA_ERR_INVALID_ARGUMENT,
                        "newsmeta_to_json: article and out must not be NULL");
    bool ok = true;
    json_t *root = article_json(article, &ok);
    if (!ok || !root) {
        json_decref(root);
        return nmi_fail(error, NEWSMETA_ERR_NOMEM, "out of memory building JSON");
    }
    size_t jflags = (flags & NEWSMETA_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    /* Into our own buffer, so newsmeta_free() is always the right free,
     * whatever allocator the host set for its own Jansson use. */
    nmi_buf b;
    nmi_buf_init(&b);
    int rc = json_dump_callback(root, dump_cb, &b, jflags);
    json_decref(root);
    if (rc != 0 || b.oom || !b.data) {
        nmi_buf_free(&b);
        return nmi_fail(error, NEWSMETA_ERR_NOMEM, "out of memory writing JSON");
    }
    *out = b.data;
    if (out_length)
        *out_length = b.len;
    nmi_fail(error, NEWSMETA_OK, "%s", "");
    return NEWSMETA_OK;
}
