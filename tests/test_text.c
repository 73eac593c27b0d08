/* Plain-text input (newsmeta_parse_text).
 *
 * One executable, several ctests:
 *
 *   test_text                      the unit suite: invariants over every
 *                                  text case of tests/fixtures (LF/CRLF/CR
 *                                  give the same record, options),
 *                                  charsets, statuses
 *   test_text hostile              random bytes and pathological text
 *   test_text file INPUT EXPECTED  a reference article kept outside the
 *                                  repository (the shared folder's
 *                                  fixtures/text); exits 77 (ctest:
 *                                  skipped, with a message) when the
 *                                  folder of INPUT does not exist
 *
 * The text cases of tests/fixtures (input.txt) are checked against their
 * expected.json by test_fixtures, like the HTML ones. The reference
 * articles' EXPECTED is descriptive, not the library's JSON: headline,
 * description, byline, authors, published (ISO string),
 * published_offset_known, modified (ISO string), section, image_credit,
 * paragraphs [{kind, text}], related_links [{text, after_paragraph}]. A
 * key that is left out means null (or empty); published_offset_known,
 * when left out, is read from the ISO string (an offset after the time).
 * Every value must match exactly.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <dirent.h>
#include <jansson.h>

#include "testutil.h"

#define SKIP_EXIT 77

/* ---- helpers ---------------------------------------------------------------- */

static newsmeta_article *parse_text(const char *buf, size_t n, const newsmeta_options *o)
{
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_text(buf, n, NULL, o, &a, &err);
    ck_assert_msg(st == NEWSMETA_OK, "newsmeta_parse_text: status %d: %s", (int)st, err.message);
    ck_assert_ptr_nonnull(a);
    return a;
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *iso_or_null(const newsmeta_timestamp *t)
{
    return t->present ? json_string(t->iso) : json_null();
}

/* The record in the descriptive form of expected.json. Also checks what
 * every text record must satisfy: all links are related links without an
 * href, pointing after a paragraph that exists. */
static json_t *describe(const newsmeta_article *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "headline", str_or_null(a->headline));
    json_object_set_new(o, "description", str_or_null(a->description));
    json_object_set_new(o, "byline", str_or_null(a->byline));
    json_t *authors = json_array();
    for (size_t i = 0; i < a->author_count; i++)
        json_array_append_new(authors, json_string(a->authors[i]));
    json_object_set_new(o, "authors", authors);
    json_object_set_new(o, "published", iso_or_null(&a->published));
    json_object_set_new(o, "published_offset_known",
                        json_boolean(a->published.present && a->published.offset_known));
    json_object_set_new(o, "modified", iso_or_null(&a->modified));
    json_object_set_new(o, "section", str_or_null(a->section));
    json_object_set_new(o, "image_credit", str_or_null(a->image_credit));
    json_t *ps = json_array();
    for (size_t i = 0; i < a->paragraph_count; i++) {
        const newsmeta_paragraph *p = &a->paragraphs[i];
        ck_assert_ptr_nonnull(p->text);
        ck_assert_uint_eq(p->length, strlen(p->text));
        json_t *e = json_object();
        json_object_set_new(e, "kind", json_string(newsmeta_paragraph_kind_name(p->kind)));
        json_object_set_new(e, "text", json_string(p->text));
        json_array_append_new(ps, e);
    }
    json_object_set_new(o, "paragraphs", ps);
    nm_check_text_record(a);
    json_t *rel = json_array();
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        json_t *e = json_object();
        json_object_set_new(e, "text", json_string(l->text));
        json_object_set_new(e, "after_paragraph", json_integer((json_int_t)l->paragraph));
        json_array_append_new(rel, e);
    }
    json_object_set_new(o, "related_links", rel);
    return o;
}

static const char *const KEYS[] = {"headline",  "description", "byline",       "authors",
                                   "published", "published_offset_known",      "modified",
                                   "section",   "image_credit", "paragraphs",  "related_links",
                                   NULL};

/* expected.json with every key present (see the file comment). */
static json_t *normalize_expected(json_t *want, const char *path)
{
    const char *k;
    json_t *v;
    json_object_foreach(want, k, v) {
        bool known = false;
        for (const char *const *key = KEYS; *key && !known; key++)
            known = !strcmp(k, *key);
        ck_assert_msg(known, "%s: unknown key \"%s\"", path, k);
    }
    json_t *n = json_deep_copy(want);
    for (const char *const *key = KEYS; *key; key++) {
        if (json_object_get(n, *key))
            continue;
        if (!strcmp(*key, "authors") || !strcmp(*key, "paragraphs") ||
            !strcmp(*key, "related_links")) {
            json_object_set_new(n, *key, json_array());
        } else if (!strcmp(*key, "published_offset_known")) {
            const char *iso = json_string_value(json_object_get(want, "published"));
            const char *t = iso ? strchr(iso, 'T') : NULL;
            bool off = t && (strchr(t, '+') || strchr(t, '-') || strchr(t, 'Z'));
            json_object_set_new(n, *key, json_boolean(off));
        } else {
            json_object_set_new(n, *key, json_null());
        }
    }
    return n;
}

/* Compare a record with an expectation file; report every differing key
 * and print the actual record so a difference can be read at once. */
static void expect_file(const newsmeta_article *a, const char *expected_path)
{
    json_t *got = describe(a);
    json_error_t e;
    json_t *raw = json_load_file(expected_path, 0, &e);
    ck_assert_msg(raw != NULL, "%s: %s (line %d)", expected_path, e.text, e.line);
    ck_assert_msg(json_is_object(raw), "%s: not a JSON object", expected_path);
    json_t *want = normalize_expected(raw, expected_path);

    char report[4096] = "";
    size_t used = 0;
    for (const char *const *key = KEYS; *key; key++) {
        json_t *w = json_object_get(want, *key), *g = json_object_get(got, *key);
        if (json_equal(w, g))
            continue;
        char *ws = json_dumps(w, JSON_ENCODE_ANY | JSON_COMPACT);
        char *gs = json_dumps(g, JSON_ENCODE_ANY | JSON_COMPACT);
        int k = snprintf(report + used, sizeof report - used,
                         "\n  %s: expected %.600s\n  %*s  got      %.600s", *key, ws ? ws : "?",
                         (int)strlen(*key), "", gs ? gs : "?");
        if (k > 0)
            used += (size_t)k < sizeof report - used ? (size_t)k : sizeof report - used - 1;
        free(ws);
        free(gs);
    }
    if (used) {
        char *all = json_dumps(got, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fprintf(stderr, "%s: actual record:\n%s\n", expected_path, all ? all : "?");
        free(all);
    }
    ck_assert_msg(used == 0, "%s differs:%s", expected_path, report);
    json_decref(got);
    json_decref(want);
    json_decref(raw);
}

/* The text cases of tests/fixtures: the folders holding an input.txt. */
static size_t case_names(char ***out)
{
    return nm_case_names(NM_FIXTURES_DIR, "input.txt", out);
}

static char *read_case(const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/input.txt", NM_FIXTURES_DIR, name);
    char *buf = nm_read_file(path, len);
    ck_assert_msg(buf != NULL, "cannot read %s", path);
    return buf;
}

/* The text with every line end (LF, CRLF or CR) replaced by eol. */
static char *with_line_ends(const char *s, size_t n, const char *eol, size_t *out_len)
{
    size_t el = strlen(eol);
    char *out = malloc(n * el + 1);
    ck_assert_ptr_nonnull(out);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' || s[i] == '\n') {
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
                i++;
            memcpy(out + k, eol, el);
            k += el;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    *out_len = k;
    return out;
}

/* Is s valid UTF-8 (no overlongs, no surrogates)? */
static bool valid_utf8(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    while (*s) {
        if (*s < 0x80) {
            s++;
            continue;
        }
        int n = (*s & 0xE0) == 0xC0 ? 1 : (*s & 0xF0) == 0xE0 ? 2 : (*s & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (*s == 0xC0 || *s == 0xC1) || *s > 0xF4)
            return false;
        unsigned cp = *s & (0x3F >> n);
        for (int i = 1; i <= n; i++) {
            if ((s[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        s += n + 1;
    }
    return true;
}

/* ---- the shared reference articles ---------------------------------------- */

static const char *arg_input, *arg_expected;

START_TEST(text_case_matches_expected)
{
    size_t n = 0;
    char *buf = nm_read_file(arg_input, &n);
    ck_assert_msg(buf != NULL, "cannot read %s: %s", arg_input, strerror(errno));
    newsmeta_article *a = parse_text(buf, n, NULL);
    ck_assert_int_eq(a->sources.headline,
                     a->headline ? NEWSMETA_SOURCE_TEXT : NEWSMETA_SOURCE_NONE);
    ck_assert_int_eq(a->sources.body,
                     a->paragraph_count ? NEWSMETA_SOURCE_TEXT : NEWSMETA_SOURCE_NONE);
    expect_file(a, arg_expected);
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* ---- invariants over every case ------------------------------------------- */

/* LF, CRLF and CR-only line ends give the very same record. */
START_TEST(line_ends_do_not_matter)
{
    char **names;
    size_t count = case_names(&names);
    ck_assert_uint_ge(count, 12);
    static const char *const EOLS[] = {"\n", "\r\n", "\r"};
    for (size_t c = 0; c < count; c++) {
        size_t n;
        char *buf = read_case(names[c], &n);
        char *first = NULL;
        for (size_t e = 0; e < 3; e++) {
            size_t m;
            char *t = with_line_ends(buf, n, EOLS[e], &m);
            newsmeta_article *a = parse_text(t, m, NULL);
            char *json = nm_to_json(a, 0);
            if (!first)
                first = json;
            else {
                ck_assert_msg(!strcmp(first, json), "%s: line ends %zu give a different record",
                              names[c], e);
                newsmeta_free(json);
            }
            newsmeta_article_free(a);
            free(t);
        }
        newsmeta_free(first);
        free(buf);
    }
    nm_fixture_names_free(names, count);
}
END_TEST

/* NO_LINKS drops the related links and nothing else; NO_BODY drops
 * paragraphs and links but keeps the metadata. */
START_TEST(options_on_every_case)
{
    char **names;
    size_t count = case_names(&names);
    newsmeta_options nolinks, nobody;
    newsmeta_options_init(&nolinks);
    nolinks.flags = NEWSMETA_OPT_NO_LINKS;
    newsmeta_options_init(&nobody);
    nobody.flags = NEWSMETA_OPT_NO_BODY;
    for (size_t c = 0; c < count; c++) {
        size_t n;
        char *buf = read_case(names[c], &n);
        newsmeta_article *a = parse_text(buf, n, NULL);
        newsmeta_article *nl = parse_text(buf, n, &nolinks);
        newsmeta_article *nb = parse_text(buf, n, &nobody);
        ck_assert_uint_eq(nl->link_count, 0);
        ck_assert_uint_eq(nl->paragraph_count, a->paragraph_count);
        for (size_t i = 0; i < a->paragraph_count; i++)
            ck_assert_str_eq(nl->paragraphs[i].text, a->paragraphs[i].text);
        ck_assert_uint_eq(nb->paragraph_count, 0);
        ck_assert_uint_eq(nb->link_count, 0);
        ck_assert_int_eq(nb->sources.body, NEWSMETA_SOURCE_NONE);
        ck_assert_pstr_eq(nb->headline, a->headline);
        ck_assert_pstr_eq(nb->byline, a->byline);
        ck_assert_pstr_eq(nb->description, a->description);
        ck_assert_pstr_eq(nb->section, a->section);
        ck_assert_uint_eq(nb->author_count, a->author_count);
        ck_assert_int_eq(nb->published.present, a->published.present);
        if (a->published.present)
            ck_assert_str_eq(nb->published.iso, a->published.iso);
        newsmeta_article_free(a);
        newsmeta_article_free(nl);
        newsmeta_article_free(nb);
        free(buf);
    }
    nm_fixture_names_free(names, count);
}
END_TEST

/* Every case: timestamps are sourced "text", the JSON has the same
 * numbers of paragraphs and links, strings are valid UTF-8. */
START_TEST(records_are_well_formed)
{
    char **names;
    size_t count = case_names(&names);
    for (size_t c = 0; c < count; c++) {
        size_t n;
        char *buf = read_case(names[c], &n);
        newsmeta_article *a = parse_text(buf, n, NULL);
        if (a->published.present) {
            ck_assert_int_eq(a->published.source, NEWSMETA_SOURCE_TEXT);
            ck_assert_ptr_nonnull(a->published.raw);
        }
        for (size_t i = 0; i < a->paragraph_count; i++) {
            ck_assert(valid_utf8(a->paragraphs[i].text));
            ck_assert_int_eq(a->paragraphs[i].level,
                             a->paragraphs[i].kind == NEWSMETA_HEADING ? 2 : 0);
        }
        char *json = nm_to_json(a, NEWSMETA_JSON_PRETTY);
        json_error_t e;
        json_t *j = json_loads(json, 0, &e);
        ck_assert_msg(j != NULL, "%s: %s", names[c], e.text);
        ck_assert_uint_eq(json_array_size(json_object_get(j, "paragraphs")), a->paragraph_count);
        ck_assert_uint_eq(json_array_size(json_object_get(j, "links")), a->link_count);
        json_decref(j);
        newsmeta_free(json);
        newsmeta_article_free(a);
        free(buf);
    }
    nm_fixture_names_free(names, count);
}
END_TEST

/* ---- single behaviours ----------------------------------------------------- */

/* A caller's default zone applies to text dates printed without one. */
START_TEST(default_timezone_applies_to_text)
{
    size_t n;
    char *buf = read_case("french-par", &n);
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.default_timezone = "Europe/Paris";
    newsmeta_article *a = parse_text(buf, n, &o);
    ck_assert_str_eq(a->published.iso, "2021-03-03T14:30:00+01:00");
    ck_assert(a->published.offset_known);
    ck_assert_int_eq(a->published.offset_minutes, 60);
    ck_assert_str_eq(a->modified.iso, "2021-03-03T18:02:00+01:00");
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* Decomposed accents are composed (NFC), as for HTML. */
START_TEST(text_is_nfc)
{
    static const char t[] = "Cafe\xCC\x81 owners welcome the new pedestrian zone in town\n\n"
                            "The cafe\xCC\x81 on the corner reopened this week after a long "
                            "closure, its owners said on Monday.\n";
    newsmeta_article *a = parse_text(t, sizeof t - 1, NULL);
    ck_assert_str_eq(a->headline, "Caf\xC3\xA9 owners welcome the new pedestrian zone in town");
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_ptr_nonnull(strstr(a->paragraphs[0].text, "caf\xC3\xA9 on the corner"));
    newsmeta_article_free(a);
}
END_TEST

/* A legacy charset named by the caller is decoded. */
START_TEST(charset_option_decodes_text)
{
    static const char t[] = "Caf\xE9 owners welcome the new pedestrian zone in town\n\n"
                            "Von J\xFCrgen M\xFCller\n\n"
                            "The caf\xE9 on the corner reopened this week after a long closure, "
                            "its owners said on Monday.\n";
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.charset = "windows-1252";
    newsmeta_article *a = parse_text(t, sizeof t - 1, &o);
    ck_assert_str_eq(a->headline, "Caf\xC3\xA9 owners welcome the new pedestrian zone in town");
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_str_eq(a->authors[0], "J\xC3\xBCrgen M\xC3\xBCller");
    ck_assert_str_eq(a->charset, "windows-1252");
    newsmeta_article_free(a);
}
END_TEST

/* The headline repeated at the top of the body is not a paragraph. */
START_TEST(headline_not_repeated_in_body)
{
    static const char t[] = "Council approves new cycle lanes on the ring road\n"
                            "By Ann Lee\n"
                            "Council approves new cycle lanes on the ring road\n"
                            "The council approved two new cycle lanes on the ring road on "
                            "Tuesday evening after a long debate.\n";
    newsmeta_article *a = parse_text(t, sizeof t - 1, NULL);
    ck_assert_str_eq(a->headline, "Council approves new cycle lanes on the ring road");
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_str_eq(a->byline, "Ann Lee");
    newsmeta_article_free(a);
}
END_TEST

/* Lines that look like labels but are not: a sentence opening with "By",
 * a title opening with "De"/"Par", a date word inside a sentence. */
START_TEST(label_lookalikes_stay_text)
{
    static const char t[] = "Harbour expansion plan moves to public consultation\n\n"
                            "By the end of the year the harbour board hopes to have chosen a "
                            "contractor for the new quay.\n\n"
                            "De la mer au port\n\n"
                            "Officials met in March 2021 to agree the outline of the scheme, "
                            "which was first proposed a decade ago.\n\n"
                            "Par ailleurs\n\n"
                            "The consultation closes on 30 June and the board will publish the "
                            "responses in the autumn.\n";
    newsmeta_article *a = parse_text(t, sizeof t - 1, NULL);
    ck_assert_ptr_null(a->byline);
    ck_assert_uint_eq(a->author_count, 0);
    ck_assert(!a->published.present);
    ck_assert_uint_eq(a->paragraph_count, 5);
    ck_assert_int_eq(a->paragraphs[0].kind, NEWSMETA_PARAGRAPH);
    ck_assert_str_eq(a->paragraphs[1].text, "De la mer au port");
    ck_assert_int_eq(a->paragraphs[1].kind, NEWSMETA_HEADING);
    ck_assert_str_eq(a->paragraphs[3].text, "Par ailleurs");
    ck_assert_int_eq(a->paragraphs[3].kind, NEWSMETA_HEADING);
    newsmeta_article_free(a);
}
END_TEST

/* Lines that open with a date label, a credit label or "By" but are text:
 * a headline, a sentence with a date in it, a caption, a clause. */
START_TEST(more_label_lookalikes)
{
    static const char t[] = "Updated guidance for schools on heating costs\n\n"
                            "Published on 3 March 2021, the report found that most schools had "
                            "cut heating hours over the winter.\n\n"
                            "Photo: The boiler room of a primary school at dawn\n\n"
                            "By Monday evening councils must publish their plans\n\n"
                            "Date night ideas were not what the report was about, officials "
                            "said.\n";
    newsmeta_article *a = parse_text(t, sizeof t - 1, NULL);
    ck_assert_str_eq(a->headline, "Updated guidance for schools on heating costs");
    ck_assert(!a->published.present);
    ck_assert(!a->modified.present);
    ck_assert_ptr_null(a->byline);
    ck_assert_ptr_null(a->image_credit);
    ck_assert_uint_eq(a->paragraph_count, 3);
    ck_assert_int_eq(nm_find_paragraph(a, "Published on 3 March 2021"), 0);
    ck_assert_int_eq(nm_find_paragraph(a, "By Monday evening"), 1);
    ck_assert_int_eq(nm_find_paragraph(a, "Date night"), 2);
    ck_assert_int_eq(nm_find_paragraph(a, "boiler room"), -1); /* a caption */
    newsmeta_article_free(a);
}
END_TEST

/* Statuses: nothing, only furniture, and furniture with NO_BODY. */
START_TEST(statuses)
{
    newsmeta_article *a = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_parse_text(" \r\n\t\n", 5, NULL, NULL, &a, &err),
                     NEWSMETA_ERR_EMPTY_INPUT);
    ck_assert_ptr_null(a);
    static const char noise[] = "Advertisement\npx.metricsbeacon\n\xE2\x80\xA2 share\nSkip to "
                                "content\nFollow: Google News Icon\n5 min read\n";
    ck_assert_int_eq(newsmeta_parse_text(noise, sizeof noise - 1, NULL, NULL, &a, &err),
                     NEWSMETA_ERR_NOT_ARTICLE);
    ck_assert_ptr_null(a);
    ck_assert_int_eq(err.code, NEWSMETA_ERR_NOT_ARTICLE);
    ck_assert(err.message[0] != '\0');
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_BODY;
    ck_assert_int_eq(newsmeta_parse_text(noise, sizeof noise - 1, NULL, &o, &a, &err),
                     NEWSMETA_OK);
    ck_assert_ptr_nonnull(a);
    newsmeta_article_free(a);
    ck_assert_int_eq(newsmeta_parse_text(NULL, 3, NULL, NULL, &a, &err),
                     NEWSMETA_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(newsmeta_parse_text("abc", 3, NULL, NULL, NULL, &err),
                     NEWSMETA_ERR_INVALID_ARGUMENT);
}
END_TEST

/* ---- hostile input -------------------------------------------------------- */

static uint32_t lcg(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/* Any status; a result must be well-formed and serializable. */
static newsmeta_status parse_any(const char *buf, size_t n, newsmeta_article **out)
{
    newsmeta_article *a = NULL;
    newsmeta_error err;
    memset(&err, 'x', sizeof err);
    newsmeta_status st = newsmeta_parse_text(buf, n, NULL, NULL, &a, &err);
    ck_assert_int_eq(err.code, st);
    ck_assert_ptr_nonnull(memchr(err.message, '\0', sizeof err.message));
    ck_assert_int_ne(st, NEWSMETA_ERR_PARSE); /* never for text */
    if (st != NEWSMETA_OK) {
        ck_assert_ptr_null(a);
        ck_assert(err.message[0] != '\0');
        if (out)
            *out = NULL;
        return st;
    }
    ck_assert_ptr_nonnull(a);
    const char *strs[] = {a->headline, a->byline, a->description, a->section, a->image_credit};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        ck_assert(!strs[i] || valid_utf8(strs[i]));
    for (size_t i = 0; i < a->author_count; i++)
        ck_assert(valid_utf8(a->authors[i]));
    ck_assert_uint_le(a->paragraph_count, 20000);
    for (size_t i = 0; i < a->paragraph_count; i++) {
        ck_assert(valid_utf8(a->paragraphs[i].text));
        ck_assert_uint_eq(a->paragraphs[i].length, strlen(a->paragraphs[i].text));
        ck_assert_uint_gt(a->paragraphs[i].length, 0);
    }
    for (size_t i = 0; i < a->link_count; i++) {
        ck_assert_int_eq(a->links[i].kind, NEWSMETA_LINK_RELATED);
        ck_assert(valid_utf8(a->links[i].text));
        ck_assert(a->links[i].paragraph >= -1 &&
                  a->links[i].paragraph < (int64_t)a->paragraph_count);
    }
    char *json = nm_to_json(a, 0);
    newsmeta_free(json);
    if (out)
        *out = a;
    else
        newsmeta_article_free(a);
    return st;
}

/* Random bytes of many sizes: binary, invalid UTF-8, control codes. */
START_TEST(random_bytes)
{
    static const size_t sizes[] = {1, 2, 3, 5, 17, 64, 255, 1000, 4096, 4097, 20000};
    unsigned char *buf = malloc(20000);
    ck_assert_ptr_nonnull(buf);
    for (uint32_t seed = 1; seed <= 12; seed++)
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            uint32_t s = seed;
            for (size_t i = 0; i < sizes[k]; i++)
                buf[i] = (unsigned char)lcg(&s);
            parse_any((const char *)buf, sizes[k], NULL);
        }
    free(buf);
}
END_TEST

/* Random text built from pieces that trigger every line class, joined by
 * random line ends: exercises the classifier's every path. */
START_TEST(random_structured_text)
{
    static const char *const PIECES[] = {
        "By ", "Von ", "Por ", "Par ", "Published ", "Updated: ", "Veröffentlicht am ",
        "March 3, 2021 ", "12. März 2021 ", "3 de marzo de 2021 ", "14h30 ", "18:05 IST ",
        "Read: ", "Also read: ", "Lire aussi : ", "(Image Credit: ", "Photo: ", ") ",
        "\xE2\x80\xA2 ", "- ", "* ", "1. ", "> ", "| ", " \xC2\xB7 ", "Advertisement",
        "px.metricsbeacon", "Jane Doe ", "and ", "the council said ", "on Tuesday. ",
        "What next? ", "\xC3\xA9", "\xFF", "\xC3", "\xE2\x80", "\t", "  ", "5 min read",
        "2 hours ago", "Home > News > World", "Share", "Facebook | Twitter", "\x01", "x",
        "LONDON (Reuters) - ", "\xEF\xBB\xBF", "\xCC\x81", "0", "2021-03-03T18:05:00+05:30 ",
        "Photograph: A/B", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: ", ":", ".", "?"};
    static const char *const EOLS[] = {"\n", "\r\n", "\r", "\n\n", "\n\n\n\n"};
    const size_t np = sizeof PIECES / sizeof *PIECES;
    char *buf = malloc(1 << 16);
    ck_assert_ptr_nonnull(buf);
    for (uint32_t seed = 1; seed <= 400; seed++) {
        uint32_t s = seed;
        size_t n = 0, want = 50 + lcg(&s) % 6000;
        while (n < want) {
            const char *p = (lcg(&s) % 4 == 0) ? EOLS[lcg(&s) % 5] : PIECES[lcg(&s) % np];
            size_t l = strlen(p);
            if (n + l >= (1 << 16))
                break;
            memcpy(buf + n, p, l);
            n += l;
        }
        parse_any(buf, n, NULL);
    }
    free(buf);
}
END_TEST

static char *repeat_text(const char *unit, size_t times, const char *head, const char *tail,
                         size_t *len)
{
    size_t ul = strlen(unit), hl = strlen(head), tl = strlen(tail);
    char *buf = malloc(hl + ul * times + tl + 1);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(buf + hl + i * ul, unit, ul);
    memcpy(buf + hl + ul * times, tail, tl);
    *len = hl + ul * times + tl;
    buf[*len] = '\0';
    return buf;
}

static const char HEAD[] = "Port authority approves second container terminal\n\n";
static const char BODY[] = "\nThe port authority approved the terminal on Tuesday after a review "
                           "that lasted more than two years.\n";

/* One huge line: of words, and of one unbroken token. */
START_TEST(one_huge_line)
{
    size_t n;
    char *buf = repeat_text("word and more words, ", 400000, HEAD, BODY, &n);
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(buf, n, &a), NEWSMETA_OK);
    ck_assert_uint_ge(a->paragraph_count, 2);
    newsmeta_article_free(a);
    free(buf);
    buf = repeat_text("x", 4000000, "", "", &n);
    parse_any(buf, n, NULL);
    free(buf);
    buf = repeat_text("\xE2\x80\xA2 ", 1000000, "", "", &n);
    parse_any(buf, n, NULL);
    free(buf);
    buf = repeat_text("March 3, 2021 ", 300000, "Published ", "", &n);
    parse_any(buf, n, NULL);
    free(buf);
}
END_TEST

/* 100,000 empty lines (LF, CRLF, CR), around and inside an article. */
START_TEST(many_empty_lines)
{
    static const char *const EOLS[] = {"\n", "\r\n", "\r", " \t\n"};
    for (size_t e = 0; e < 4; e++) {
        size_t n;
        char *buf = repeat_text(EOLS[e], 100000, HEAD, BODY, &n);
        newsmeta_article *a = NULL;
        ck_assert_int_eq(parse_any(buf, n, &a), NEWSMETA_OK);
        ck_assert_str_eq(a->headline, "Port authority approves second container terminal");
        ck_assert_uint_eq(a->paragraph_count, 1);
        newsmeta_article_free(a);
        free(buf);
        buf = repeat_text(EOLS[e], 100000, "", "", &n);
        ck_assert_int_eq(parse_any(buf, n, NULL), NEWSMETA_ERR_EMPTY_INPUT);
        free(buf);
    }
}
END_TEST

/* Only furniture, in bulk: no article. */
START_TEST(only_noise_lines)
{
    static const char *const NOISE[] = {"Advertisement\n", "px.metricsbeacon\n",
                                        "\xE2\x80\xA2 share\n", "Follow: Google News Icon\n",
                                        "Share this\n\n", "5 min read\n"};
    for (size_t k = 0; k < sizeof NOISE / sizeof *NOISE; k++) {
        size_t n;
        char *buf = repeat_text(NOISE[k], 50000, "", "", &n);
        ck_assert_int_eq(parse_any(buf, n, NULL), NEWSMETA_ERR_NOT_ARTICLE);
        free(buf);
    }
}
END_TEST

/* Tens of thousands of lines of one class each: bounded output, linear
 * time (the Check timeout is the limit). */
START_TEST(many_lines_of_one_kind)
{
    static const char *const UNITS[] = {
        "Read: Another related story here\n",
        "The council said the work would finish by the end of the year.\n",
        "A short title line\n",
        "\xE2\x80\xA2 An item of a list that goes on for a while.\n",
        "Published 18:05 IST, March 3rd 2021\n",
        "By Jane Doe\n",
        "(Image Credit: PTI)\n",
        "A short title line\n\n\n\n\nRead: x\n(Photo: y)\n",
        "Updated 18:05 ET, March 3rd 2021\nA heading\n",
        /* looks hard-wrapped: everything is joined into one paragraph */
        "This line of text is about seventy characters wide and it runs on to\n",
        "Home > News > World\nImage caption,\nBy Jane Doe\nBBC News, Carlisle\n",
        "   [12]Linked words and more words in a line of a text browser dump\n",
    };
    for (size_t k = 0; k < sizeof UNITS / sizeof *UNITS; k++) {
        size_t n;
        char *buf = repeat_text(UNITS[k], 60000, HEAD, BODY, &n);
        parse_any(buf, n, NULL);
        free(buf);
        /* and with a text browser's link list at the end */
        buf = repeat_text(UNITS[k], 20000, HEAD, "\nReferences\n\n   1. https://a.test/\n", &n);
        parse_any(buf, n, NULL);
        free(buf);
    }
}
END_TEST

/* NUL bytes: a few inside text do no harm; many make binary input. */
START_TEST(nul_bytes)
{
    static const char t[] = "Port authority approves second\0 container terminal\n\n"
                            "The port authority approved the terminal on Tuesday after a "
                            "review\0 that lasted more than two years.\n";
    newsmeta_article *a = NULL;
    ck_assert_int_eq(parse_any(t, sizeof t - 1, &a), NEWSMETA_OK);
    ck_assert_ptr_nonnull(a->headline);
    ck_assert_msg(!strncmp(a->headline, "Port authority approves second", 30), "%s", a->headline);
    ck_assert_uint_eq(a->paragraph_count, 1);
    newsmeta_article_free(a);
    char zeros[4096];
    memset(zeros, 0, sizeof zeros);
    ck_assert_int_eq(parse_any(zeros, sizeof zeros, NULL), NEWSMETA_ERR_BINARY);
    char mixed[4096];
    for (size_t i = 0; i < sizeof mixed; i++)
        mixed[i] = (i % 7 == 0) ? '\0' : (i % 41 == 0) ? '\n' : 'a';
    parse_any(mixed, sizeof mixed, NULL);
}
END_TEST

/* Invalid UTF-8 is repaired (or decoded as a legacy charset): the output
 * is valid UTF-8 whatever happens. */
START_TEST(invalid_utf8)
{
    static const char *const BAD[] = {"\xC3", "\xE2\x80", "\xF0\x9F\x98", "\xFF\xFE",
                                      "\xED\xA0\x80", "\xC0\xAF", "\xF5\x80\x80\x80", "\x80"};
    for (size_t k = 0; k < sizeof BAD / sizeof *BAD; k++) {
        char buf[512];
        int n = snprintf(buf, sizeof buf,
                         "Port authority%s approves second container terminal\n\nBy Jane%s Doe\n\n"
                         "The port authority approved%s the terminal on Tuesday after a review "
                         "that lasted more than two years.\nRead: %s\n",
                         BAD[k], BAD[k], BAD[k], BAD[k]);
        newsmeta_article *a = NULL;
        ck_assert_int_eq(parse_any(buf, (size_t)n, &a), NEWSMETA_OK);
        ck_assert_ptr_nonnull(a->headline);
        newsmeta_article_free(a);
    }
}
END_TEST

/* ---- main ----------------------------------------------------------------- */

static int run_case(const char *input, const char *expected)
{
    arg_input = input;
    arg_expected = expected;
    Suite *s = suite_create("text-case");
    TCase *tc = tcase_create(input);
    tcase_add_test(tc, text_case_matches_expected);
    suite_add_tcase(s, tc);
    return nm_run_suite(s);
}

static int usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s                      unit suite\n"
            "       %s hostile              hostile-input suite\n"
            "       %s file INPUT EXPECTED  a reference article and its expectation\n",
            argv0, argv0, argv0);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "file")) {
        /* Files outside the repository (the shared reference articles):
         * when their folder is not there, say so and report "skipped". */
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", argv[2]);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        struct stat st;
        if (slash && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
            printf("SKIPPED: folder %s is not there, so %s cannot be checked "
                   "(the shared folder is $NEWSMETA_SHARED_DIR, else ../shared next to "
                   "the checkout)\n", dir, argv[2]);
            return SKIP_EXIT;
        }
        return run_case(argv[2], argv[3]);
    }
    if (argc == 2 && !strcmp(argv[1], "hostile")) {
        Suite *s = suite_create("text-hostile");
        TCase *tc = tcase_create("bytes");
        /* generous for sanitizer builds; a native run takes a few seconds */
        tcase_set_timeout(tc, 120);
        tcase_add_test(tc, random_bytes);
        tcase_add_test(tc, random_structured_text);
        tcase_add_test(tc, nul_bytes);
        tcase_add_test(tc, invalid_utf8);
        suite_add_tcase(s, tc);
        tc = tcase_create("pathological");
        tcase_set_timeout(tc, 120);
        tcase_add_test(tc, one_huge_line);
        tcase_add_test(tc, many_empty_lines);
        tcase_add_test(tc, only_noise_lines);
        tcase_add_test(tc, many_lines_of_one_kind);
        suite_add_tcase(s, tc);
        return nm_run_suite(s);
    }
    if (argc != 1)
        return usage(argv[0]);
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("cases");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, line_ends_do_not_matter);
    tcase_add_test(tc, options_on_every_case);
    tcase_add_test(tc, records_are_well_formed);
    suite_add_tcase(s, tc);
    tc = tcase_create("behaviour");
    tcase_add_test(tc, default_timezone_applies_to_text);
    tcase_add_test(tc, text_is_nfc);
    tcase_add_test(tc, charset_option_decodes_text);
    tcase_add_test(tc, headline_not_repeated_in_body);
    tcase_add_test(tc, label_lookalikes_stay_text);
    tcase_add_test(tc, more_label_lookalikes);
    tcase_add_test(tc, statuses);
    suite_add_tcase(s, tc);
    return nm_run_suite(s);
}
