/* newsmeta_to_json: one line when compact, valid JSON, every documented
 * key always present (null or [] when absent), pretty == compact as a
 * value, and the values equal to the C record. docs/schema.json is checked
 * separately (tests/schema/). */
#include <string.h>

#include <jansson.h>

#include "testutil.h"

static const char *const TOP_KEYS[] = {
    "schema_version", "url",         "headline",      "byline",       "authors",
    "publisher",      "published",   "modified",      "description",  "language",
    "site_name",      "canonical_url", "image",       "image_credit", "section",
    "tags",           "paragraphs",  "links",         "captions",     "charset",
    "sources",        "agency",      "charset_source", "truncated",  NULL};
static const char *const TIME_KEYS[] = {"iso",       "offset_known", "offset_minutes",
                                        "utc_seconds", "precision",  "zone",
                                        "raw",       "source",       NULL};
static const char *const SOURCE_KEYS[] = {
    "headline", "byline",   "authors",       "publisher", "published", "modified", "description",
    "language", "site_name", "canonical_url", "image",    "section",   "tags",     "body",
    NULL};

static size_t count(const char *const *keys)
{
    size_t n = 0;
    while (keys[n])
        n++;
    return n;
}

/* Exactly these keys: all present, nothing else. */
static void expect_keys(const json_t *obj, const char *const *keys, const char *what)
{
    ck_assert_msg(json_is_object(obj), "%s is not an object", what);
    for (const char *const *k = keys; *k; k++)
        ck_assert_msg(json_object_get(obj, *k) != NULL, "%s: key \"%s\" missing", what, *k);
    ck_assert_msg(json_object_size(obj) == count(keys), "%s: %zu keys, expected %zu", what,
                  json_object_size(obj), count(keys));
}

static json_t *load(const char *text)
{
    json_error_t e;
    json_t *j = json_loads(text, 0, &e);
    ck_assert_msg(j != NULL, "invalid JSON at line %d: %s", e.line, e.text);
    return j;
}

/* A JSON string equal to a C string, or null for NULL. */
static void expect_jstr(const json_t *v, const char *s, const char *what)
{
    if (!s) {
        ck_assert_msg(json_is_null(v), "%s: expected null", what);
        return;
    }
    ck_assert_msg(json_is_string(v), "%s: expected a string", what);
    ck_assert_msg(strcmp(json_string_value(v), s) == 0, "%s: \"%s\" != \"%s\"", what,
                  json_string_value(v), s);
}

static void expect_jsource(const json_t *v, newsmeta_source s, const char *what)
{
    if (s == NEWSMETA_SOURCE_NONE)
        ck_assert_msg(json_is_null(v), "sources.%s: expected null", what);
    else
        expect_jstr(v, newsmeta_source_name(s), what);
}

static void expect_jtime(const json_t *v, const newsmeta_timestamp *t, const char *what)
{
    if (!t->present) {
        ck_assert_msg(json_is_null(v), "%s: expected null", what);
        return;
    }
    expect_keys(v, TIME_KEYS, what);
    expect_jstr(json_object_get(v, "iso"), t->iso, "iso");
    ck_assert(json_is_boolean(json_object_get(v, "offset_known")));
    ck_assert_int_eq(json_is_true(json_object_get(v, "offset_known")), t->offset_known);
    const json_t *off = json_object_get(v, "offset_minutes");
    const json_t *utc = json_object_get(v, "utc_seconds");
    if (t->offset_known) {
        ck_assert_int_eq(json_integer_value(off), t->offset_minutes);
        if (t->precision >= NEWSMETA_PRECISION_HOUR)
            ck_assert_int_eq(json_integer_value(utc), t->utc_seconds);
        else
            ck_assert(json_is_null(utc));
    } else {
        /* an unknown offset is null, never 0 */
        ck_assert_msg(json_is_null(off), "%s.offset_minutes: expected null", what);
        ck_assert_msg(json_is_null(utc), "%s.utc_seconds: expected null", what);
    }
    expect_jstr(json_object_get(v, "precision"), newsmeta_precision_name(t->precision), "precision");
    expect_jstr(json_object_get(v, "zone"), t->zone, "zone");
    expect_jstr(json_object_get(v, "raw"), t->raw, "raw");
    expect_jstr(json_object_get(v, "source"), newsmeta_source_name(t->source), "source");
}

static void expect_jlist(const json_t *v, const char *const *items, size_t n, const char *what)
{
    ck_assert_msg(json_is_array(v), "%s: expected an array", what);
    ck_assert_uint_eq(json_array_size(v), n);
    for (size_t i = 0; i < n; i++)
        expect_jstr(json_array_get(v, i), items[i], what);
}

/* The JSON record says what the C record says, key by key. */
static void expect_json_matches(const json_t *j, const newsmeta_article *a)
{
    expect_keys(j, TOP_KEYS, "record");
    ck_assert_int_eq(json_integer_value(json_object_get(j, "schema_version")),
                     NEWSMETA_SCHEMA_VERSION);
    expect_jstr(json_object_get(j, "url"), a->url, "url");
    expect_jstr(json_object_get(j, "headline"), a->headline, "headline");
    expect_jstr(json_object_get(j, "byline"), a->byline, "byline");
    expect_jlist(json_object_get(j, "authors"), a->authors, a->author_count, "authors");
    expect_jstr(json_object_get(j, "publisher"), a->publisher, "publisher");
    expect_jtime(json_object_get(j, "published"), &a->published, "published");
    expect_jtime(json_object_get(j, "modified"), &a->modified, "modified");
    expect_jstr(json_object_get(j, "description"), a->description, "description");
    expect_jstr(json_object_get(j, "language"), a->language, "language");
    expect_jstr(json_object_get(j, "site_name"), a->site_name, "site_name");
    expect_jstr(json_object_get(j, "canonical_url"), a->canonical_url, "canonical_url");
    expect_jstr(json_object_get(j, "image"), a->image, "image");
    expect_jstr(json_object_get(j, "image_credit"), a->image_credit, "image_credit");
    expect_jstr(json_object_get(j, "section"), a->section, "section");
    expect_jlist(json_object_get(j, "tags"), a->tags, a->tag_count, "tags");
    expect_jstr(json_object_get(j, "charset"), a->charset, "charset");

    const json_t *ps = json_object_get(j, "paragraphs");
    ck_assert(json_is_array(ps));
    ck_assert_uint_eq(json_array_size(ps), a->paragraph_count);
    for (size_t i = 0; i < a->paragraph_count; i++) {
        const json_t *p = json_array_get(ps, i);
        const newsmeta_paragraph *cp = &a->paragraphs[i];
        expect_jstr(json_object_get(p, "kind"), newsmeta_paragraph_kind_name(cp->kind), "kind");
        expect_jstr(json_object_get(p, "text"), cp->text, "text");
        /* "level" is written for headings only */
        if (cp->kind == NEWSMETA_HEADING) {
            ck_assert_uint_eq(json_object_size(p), 3);
            ck_assert_int_eq(json_integer_value(json_object_get(p, "level")), cp->level);
        } else {
            ck_assert_uint_eq(json_object_size(p), 2);
        }
    }

    static const char *const LINK_KEYS[] = {"href",       "text",     "kind",        "paragraph",
                                            "start",      "end",      "char_start",  "char_end",
                                            "utf16_start", "utf16_end", NULL};
    const json_t *ls = json_object_get(j, "links");
    ck_assert(json_is_array(ls));
    ck_assert_uint_eq(json_array_size(ls), a->link_count);
    for (size_t i = 0; i < a->link_count; i++) {
        const json_t *l = json_array_get(ls, i);
        const newsmeta_link *cl = &a->links[i];
        expect_keys(l, LINK_KEYS, "link");
        expect_jstr(json_object_get(l, "href"), cl->href, "href");
        expect_jstr(json_object_get(l, "text"), cl->text, "text");
        expect_jstr(json_object_get(l, "kind"),
                    cl->kind == NEWSMETA_LINK_BODY ? "body" : "related", "kind");
        const json_t *para = json_object_get(l, "paragraph");
        if (cl->paragraph < 0)
            ck_assert(json_is_null(para));
        else
            ck_assert_int_eq(json_integer_value(para), cl->paragraph);
        ck_assert_int_eq(json_integer_value(json_object_get(l, "start")), (json_int_t)cl->start);
        ck_assert_int_eq(json_integer_value(json_object_get(l, "end")), (json_int_t)cl->end);
    }

    const json_t *src = json_object_get(j, "sources");
    expect_keys(src, SOURCE_KEYS, "sources");
    const newsmeta_sources *s = &a->sources;
    expect_jsource(json_object_get(src, "headline"), s->headline, "headline");
    expect_jsource(json_object_get(src, "byline"), s->byline, "byline");
    expect_jsource(json_object_get(src, "authors"), s->authors, "authors");
    expect_jsource(json_object_get(src, "publisher"), s->publisher, "publisher");
    expect_jsource(json_object_get(src, "published"),
                   a->published.present ? a->published.source : NEWSMETA_SOURCE_NONE, "published");
    expect_jsource(json_object_get(src, "modified"),
                   a->modified.present ? a->modified.source : NEWSMETA_SOURCE_NONE, "modified");
    expect_jsource(json_object_get(src, "description"), s->description, "description");
    expect_jsource(json_object_get(src, "language"), s->language, "language");
    expect_jsource(json_object_get(src, "site_name"), s->site_name, "site_name");
    expect_jsource(json_object_get(src, "canonical_url"), s->canonical_url, "canonical_url");
    expect_jsource(json_object_get(src, "image"), s->image, "image");
    expect_jsource(json_object_get(src, "section"), s->section, "section");
    expect_jsource(json_object_get(src, "tags"), s->tags, "tags");
    expect_jsource(json_object_get(src, "body"), s->body, "body");
}

/* Compact and pretty output of one article: lengths, shape, equality. */
static void check_article_json(const newsmeta_article *a)
{
    char *compact = NULL, *pretty = NULL;
    size_t clen = 0, plen = 0;
    ck_assert_int_eq(newsmeta_to_json(a, 0, &compact, &clen, NULL), NEWSMETA_OK);
    ck_assert_int_eq(newsmeta_to_json(a, NEWSMETA_JSON_PRETTY, &pretty, &plen, NULL), NEWSMETA_OK);
    ck_assert_uint_eq(clen, strlen(compact));
    ck_assert_uint_eq(plen, strlen(pretty));
    /* compact: a single line with no trailing newline */
    ck_assert_ptr_null(strchr(compact, '\n'));
    ck_assert_ptr_nonnull(strchr(pretty, '\n'));
    ck_assert(strncmp(pretty, "{\n  \"", 5) == 0); /* 2-space indent */

    json_t *jc = load(compact), *jp = load(pretty);
    ck_assert_msg(json_equal(jc, jp), "pretty and compact output differ");
    expect_json_matches(jc, a);

    /* serializing is deterministic */
    char *again = nm_to_json(a, 0);
    ck_assert_str_eq(again, compact);
    newsmeta_free(again);

    json_decref(jc);
    json_decref(jp);
    newsmeta_free(compact);
    newsmeta_free(pretty);
}

START_TEST(all_fixtures_serialize)
{
    char **names;
    size_t n = nm_fixture_names(&names);
    ck_assert_uint_gt(n, 0);
    for (size_t i = 0; i < n; i++) {
        newsmeta_article *a = nm_parse_fixture(names[i], NULL);
        check_article_json(a);
        newsmeta_article_free(a);
    }
    nm_fixture_names_free(names, n);
}
END_TEST

/* A page with nothing but text: every key still there, null or []. */
START_TEST(absent_fields_are_null_or_empty)
{
    newsmeta_article *a = nm_parse_fixture("plain", NULL);
    char *text = nm_to_json(a, 0);
    json_t *j = load(text);
    expect_keys(j, TOP_KEYS, "record");
    static const char *const nulls[] = {"headline", "byline",    "publisher",    "published",
                                        "modified", "description", "language",   "site_name",
                                        "canonical_url", "image", "image_credit", "section",
                                        NULL};
    for (const char *const *k = nulls; *k; k++)
        ck_assert_msg(json_is_null(json_object_get(j, *k)), "\"%s\" is not null", *k);
    static const char *const empty[] = {"authors", "tags", "links", "captions", NULL};
    for (const char *const *k = empty; *k; k++) {
        const json_t *v = json_object_get(j, *k);
        ck_assert_msg(json_is_array(v) && json_array_size(v) == 0, "\"%s\" is not []", *k);
    }
    const json_t *src = json_object_get(j, "sources");
    expect_keys(src, SOURCE_KEYS, "sources");
    for (const char *const *k = SOURCE_KEYS; *k; k++)
        if (strcmp(*k, "body") != 0)
            ck_assert_msg(json_is_null(json_object_get(src, *k)), "sources.%s is not null", *k);
    expect_jstr(json_object_get(src, "body"), "markup", "sources.body");
    json_decref(j);
    newsmeta_free(text);
    newsmeta_article_free(a);
}
END_TEST

/* An unknown offset is null in JSON (not 0), and the ISO string has none. */
START_TEST(naive_time_json)
{
    newsmeta_article *a = nm_parse_fixture("naive_time", NULL);
    char *text = nm_to_json(a, 0);
    json_t *j = load(text);
    const json_t *p = json_object_get(j, "published");
    expect_keys(p, TIME_KEYS, "published");
    expect_jstr(json_object_get(p, "iso"), "2021-03-03T18:05:00", "iso");
    ck_assert(json_is_false(json_object_get(p, "offset_known")));
    ck_assert(json_is_null(json_object_get(p, "offset_minutes")));
    ck_assert(json_is_null(json_object_get(p, "utc_seconds")));
    expect_jstr(json_object_get(p, "precision"), "second", "precision");
    expect_jstr(json_object_get(p, "source"), "meta", "source");
    json_decref(j);
    newsmeta_free(text);
    newsmeta_article_free(a);
}
END_TEST

/* Quotes, backslashes, control characters and non-ASCII survive the
 * round trip through JSON unchanged. */
START_TEST(string_escaping_round_trips)
{
    newsmeta_article *a = nm_parse_str(
        "<html><head><meta property=\"og:title\" content=\"&quot;Quoted&quot; \\ back\\slash "
        "&amp; Z\xC3\xBCrich \xE2\x80\x94 \xF0\x9F\x93\xB0 &lt;tag&gt;\"></head><body>"
        "<p>Body text with a tab\tand \"quotes\" and a backslash \\ and \xE2\x82\xAC signs, "
        "long enough.</p></body></html>",
        NULL, NULL);
    ck_assert_str_eq(a->headline, "\"Quoted\" \\ back\\slash & Z\xC3\xBCrich \xE2\x80\x94 "
                                  "\xF0\x9F\x93\xB0 <tag>");
    check_article_json(a);
    newsmeta_article_free(a);
}
END_TEST

/* A related link with no paragraph before it: "paragraph": null. */
START_TEST(related_link_paragraph_null)
{
    newsmeta_article *a = nm_parse_str(
        "<html><body><article><p>Read more: <a href=\"/x\">First thing</a></p>"
        "<p>The article text follows here, and it is long enough to be a paragraph of the "
        "body.</p></article></body></html>",
        "https://example.test/", NULL);
    ck_assert_uint_eq(a->link_count, 1);
    ck_assert_int_eq(a->links[0].paragraph, -1);
    char *text = nm_to_json(a, 0);
    json_t *j = load(text);
    const json_t *l = json_array_get(json_object_get(j, "links"), 0);
    ck_assert(json_is_null(json_object_get(l, "paragraph")));
    expect_jstr(json_object_get(l, "kind"), "related", "kind");
    json_decref(j);
    newsmeta_free(text);
    newsmeta_article_free(a);
}
END_TEST

/* Link offsets in code points and UTF-16 units: accented letters (two
 * UTF-8 bytes, one code point, one unit) and an emoji (four bytes, one code
 * point, two units) before the anchor. */
START_TEST(link_offsets_in_every_unit)
{
    newsmeta_article *a = nm_parse_str(
        "<html><body><article><p>Caf\xC3\xA9 cr\xC3\xA8me \xF0\x9F\x98\x80 news from the "
        "valley: the <a href=\"https://example.test/x\">r\xC3\xA9servoir</a> opened on "
        "Monday morning after three years of building work.</p></article></body></html>",
        "https://example.test/a", NULL);
    char *json = nm_to_json(a, 0);
    json_t *j = load(json);
    const json_t *l = json_array_get(json_object_get(j, "links"), 0);
    ck_assert_ptr_nonnull(l);
    const char *text = a->paragraphs[0].text;
    size_t start = (size_t)json_integer_value(json_object_get(l, "start"));
    ck_assert(strncmp(text + start, "r\xC3\xA9servoir", 10) == 0);
    /* "Café crème 😀 news from the valley: the " */
    ck_assert_int_eq(json_integer_value(json_object_get(l, "char_start")), (json_int_t)start - 5);
    ck_assert_int_eq(json_integer_value(json_object_get(l, "char_end")), (json_int_t)start - 5 + 9);
    ck_assert_int_eq(json_integer_value(json_object_get(l, "utf16_start")), (json_int_t)start - 4);
    ck_assert_int_eq(json_integer_value(json_object_get(l, "utf16_end")), (json_int_t)start - 4 + 9);
    json_decref(j);
    newsmeta_free(json);
    newsmeta_article_free(a);
}
END_TEST

static Suite *json_suite(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("json");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, all_fixtures_serialize);
    tcase_add_test(tc, link_offsets_in_every_unit);
    tcase_add_test(tc, absent_fields_are_null_or_empty);
    tcase_add_test(tc, naive_time_json);
    tcase_add_test(tc, string_escaping_round_trips);
    tcase_add_test(tc, related_link_paragraph_null);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(json_suite());
}
