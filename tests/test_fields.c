/* Metadata fields on small synthetic pages (tests/fixtures/<case>): every
 * field the page provides, with its provenance, and the timestamp rules
 * (offsets and zones, UTC seconds, precision, default zone). UTC seconds
 * are worked out by hand in the comments, not with a library call. */
#define _POSIX_C_SOURCE 200809L /* strcasecmp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "testutil.h"

/* Every string field of the record: a test lists the ones it expects and
 * the rest must be NULL with source NONE. */
static void expect_str(const char *got, const char *want, const char *field)
{
    if (!want)
        ck_assert_msg(got == NULL, "%s: expected NULL, got \"%s\"", field, got ? got : "");
    else {
        ck_assert_msg(got != NULL, "%s: expected \"%s\", got NULL", field, want);
        ck_assert_msg(strcmp(got, want) == 0, "%s: expected \"%s\", got \"%s\"", field, want, got);
    }
}

static void expect_list(const char *const *got, size_t n, const char *const *want,
                        const char *field)
{
    size_t wn = 0;
    while (want[wn])
        wn++;
    ck_assert_msg(n == wn, "%s: expected %zu items, got %zu", field, wn, n);
    for (size_t i = 0; i < n; i++)
        expect_str(got[i], want[i], field);
}

static void expect_source(newsmeta_source got, newsmeta_source want, const char *field)
{
    ck_assert_msg(got == want, "sources.%s: expected %s, got %s", field,
                  newsmeta_source_name(want), newsmeta_source_name(got));
}

/* An absent timestamp is all zero. */
static void expect_no_time(const newsmeta_timestamp *t)
{
    ck_assert(!t->present);
    ck_assert_ptr_null(t->iso);
    ck_assert_int_eq(t->source, NEWSMETA_SOURCE_NONE);
}

/* ---- (a) JSON-LD NewsArticle inside @graph -------------------------------- */

START_TEST(jsonld_graph)
{
    newsmeta_article *a = nm_parse_fixture("jsonld_graph", NULL);
    expect_str(a->url, "https://www.example-times.test/news/2021/03/03/harbour-bridge", "url");
    /* The visible <h1> agrees with the JSON-LD headline, so it is taken
     * from the markup (documented rule in reconcile.c). */
    expect_str(a->headline, "Council approves harbour bridge after decade of debate", "headline");
    expect_source(a->sources.headline, NEWSMETA_SOURCE_MARKUP, "headline");
    expect_str(a->byline, NULL, "byline");
    expect_source(a->sources.byline, NEWSMETA_SOURCE_NONE, "byline");
    /* Three Person authors in order; the middle one is an {"@id"}
     * reference resolved through the @graph. */
    static const char *const authors[] = {"Jane Doe", "Ana Lima", "John Smith", NULL};
    expect_list(a->authors, a->author_count, authors, "authors");
    expect_source(a->sources.authors, NEWSMETA_SOURCE_JSONLD, "authors");
    /* publisher is an {"@id"} reference to the Organization */
    expect_str(a->publisher, "Example Times Media Group", "publisher");
    expect_source(a->sources.publisher, NEWSMETA_SOURCE_JSONLD, "publisher");
    expect_str(a->description, "The city council voted 9 to 2 to fund the long-planned crossing.",
               "description");
    expect_source(a->sources.description, NEWSMETA_SOURCE_JSONLD, "description");
    /* inLanguage beats <html lang="en"> */
    expect_str(a->language, "en-GB", "language");
    expect_source(a->sources.language, NEWSMETA_SOURCE_JSONLD, "language");
    expect_str(a->site_name, "Example Times", "site_name");
    expect_source(a->sources.site_name, NEWSMETA_SOURCE_JSONLD, "site_name");
    expect_str(a->canonical_url, "https://www.example-times.test/news/2021/03/03/harbour-bridge",
               "canonical_url");
    expect_source(a->sources.canonical_url, NEWSMETA_SOURCE_META, "canonical_url");
    /* image given as an ImageObject */
    expect_str(a->image, "https://cdn.example-times.test/img/bridge.jpg", "image");
    expect_source(a->sources.image, NEWSMETA_SOURCE_JSONLD, "image");
    expect_str(a->image_credit, NULL, "image_credit");
    expect_str(a->section, "Local News", "section");
    expect_source(a->sources.section, NEWSMETA_SOURCE_JSONLD, "section");
    static const char *const tags[] = {"bridges", "city council", "Infrastructure", NULL};
    expect_list(a->tags, a->tag_count, tags, "tags");
    expect_source(a->sources.tags, NEWSMETA_SOURCE_JSONLD, "tags");
    ck_assert_msg(a->charset && strcasecmp(a->charset, "utf-8") == 0, "charset %s", a->charset);

    /* datePublished 2021-03-03T18:05:00+05:30 = 12:35:00 UTC.
     * Days 1970-01-01 .. 2021-01-01: 51 * 365 + 13 leap days = 18628;
     * + 31 (Jan) + 28 (Feb) + 2 = 18689. */
    const newsmeta_timestamp *p = &a->published;
    ck_assert(p->present);
    expect_str(p->iso, "2021-03-03T18:05:00+05:30", "published.iso");
    ck_assert(p->offset_known);
    ck_assert_int_eq(p->offset_minutes, 330);
    ck_assert_int_eq(p->utc_seconds, (int64_t)18689 * 86400 + 12 * 3600 + 35 * 60);
    ck_assert_int_eq(p->utc_seconds, 1614774900);
    ck_assert_int_eq(p->precision, NEWSMETA_PRECISION_SECOND);
    expect_str(p->raw, "2021-03-03T18:05:00+05:30", "published.raw");
    expect_source(p->source, NEWSMETA_SOURCE_JSONLD, "published");

    /* dateModified 2021-03-04T09:30:15Z: day 18690. */
    const newsmeta_timestamp *m = &a->modified;
    ck_assert(m->present);
    expect_str(m->iso, "2021-03-04T09:30:15+00:00", "modified.iso");
    ck_assert(m->offset_known);
    ck_assert_int_eq(m->offset_minutes, 0);
    ck_assert_int_eq(m->utc_seconds, (int64_t)18690 * 86400 + 9 * 3600 + 30 * 60 + 15);
    ck_assert_int_eq(m->precision, NEWSMETA_PRECISION_SECOND);
    expect_str(m->zone, "Z", "modified.zone");
    expect_str(m->raw, "2021-03-04T09:30:15Z", "modified.raw");
    expect_source(m->source, NEWSMETA_SOURCE_JSONLD, "modified");

    /* body from the markup; the <h1> is not repeated as a paragraph */
    ck_assert_uint_eq(a->paragraph_count, 3);
    ck_assert(strncmp(a->paragraphs[0].text, "The city council voted nine to two", 34) == 0);
    ck_assert(strncmp(a->paragraphs[2].text, "Opponents argued", 16) == 0);
    for (size_t i = 0; i < a->paragraph_count; i++)
        ck_assert_int_eq(a->paragraphs[i].kind, NEWSMETA_PARAGRAPH);
    nm_check_paragraph_shape(a);
    expect_source(a->sources.body, NEWSMETA_SOURCE_MARKUP, "body");
    ck_assert_uint_eq(a->link_count, 0);
    newsmeta_article_free(a);
}
END_TEST

/* ---- (b) OpenGraph and <meta> only ------------------------------------------ */

START_TEST(opengraph_meta_only)
{
    newsmeta_article *a = nm_parse_fixture("opengraph", NULL);
    /* og:title without its " | Daily Example" suffix */
    expect_str(a->headline, "Rain expected across the region this weekend", "headline");
    expect_source(a->sources.headline, NEWSMETA_SOURCE_META, "headline");
    expect_str(a->site_name, "Daily Example", "site_name");
    expect_source(a->sources.site_name, NEWSMETA_SOURCE_META, "site_name");
    static const char *const authors[] = {"Maria Garcia", NULL};
    expect_list(a->authors, a->author_count, authors, "authors");
    expect_source(a->sources.authors, NEWSMETA_SOURCE_META, "authors");
    expect_str(a->byline, NULL, "byline");
    expect_str(a->publisher, NULL, "publisher");
    expect_source(a->sources.publisher, NEWSMETA_SOURCE_NONE, "publisher");
    expect_str(a->description, "Forecasters warn of heavy showers from Friday night.",
               "description");
    expect_source(a->sources.description, NEWSMETA_SOURCE_META, "description");
    /* og:locale en_US -> BCP 47 */
    expect_str(a->language, "en-US", "language");
    expect_source(a->sources.language, NEWSMETA_SOURCE_META, "language");
    /* relative og:image resolved against the page URL */
    expect_str(a->image, "https://daily.example.test/images/rain-clouds.jpg", "image");
    expect_source(a->sources.image, NEWSMETA_SOURCE_META, "image");
    expect_str(a->section, "Weather", "section");
    expect_source(a->sources.section, NEWSMETA_SOURCE_META, "section");
    /* keywords "weather, rain, weekend, rain": split, duplicate dropped */
    static const char *const tags[] = {"weather", "rain", "weekend", NULL};
    expect_list(a->tags, a->tag_count, tags, "tags");
    expect_source(a->sources.tags, NEWSMETA_SOURCE_META, "tags");
    expect_str(a->canonical_url, NULL, "canonical_url");
    expect_source(a->sources.canonical_url, NEWSMETA_SOURCE_NONE, "canonical_url");

    /* 2022-10-30T07:15:00-04:00 = 11:15:00 UTC. Days to 2022-01-01:
     * 52 * 365 + 13 leap days = 18993; + 273 (Jan-Sep) + 29 = 19295. */
    const newsmeta_timestamp *p = &a->published;
    ck_assert(p->present);
    expect_str(p->iso, "2022-10-30T07:15:00-04:00", "published.iso");
    ck_assert(p->offset_known);
    ck_assert_int_eq(p->offset_minutes, -240);
    ck_assert_int_eq(p->utc_seconds, (int64_t)19295 * 86400 + 11 * 3600 + 15 * 60);
    ck_assert_int_eq(p->precision, NEWSMETA_PRECISION_SECOND);
    expect_str(p->raw, "2022-10-30T07:15:00-04:00", "published.raw");
    expect_source(p->source, NEWSMETA_SOURCE_META, "published");

    /* 11:45:30-04:00 = 15:45:30 UTC */
    const newsmeta_timestamp *m = &a->modified;
    ck_assert(m->present);
    expect_str(m->iso, "2022-10-30T11:45:30-04:00", "modified.iso");
    ck_assert_int_eq(m->offset_minutes, -240);
    ck_assert_int_eq(m->utc_seconds, (int64_t)19295 * 86400 + 15 * 3600 + 45 * 60 + 30);
    expect_source(m->source, NEWSMETA_SOURCE_META, "modified");

    ck_assert_uint_eq(a->paragraph_count, 3);
    ck_assert(strncmp(a->paragraphs[0].text, "Heavy rain is expected", 22) == 0);
    nm_check_paragraph_shape(a);
    newsmeta_article_free(a);
}
END_TEST

/* ---- (c) visible markup only -------------------------------------------------- */

START_TEST(markup_only)
{
    newsmeta_article *a = nm_parse_fixture("markup", NULL);
    expect_str(a->url, "https://www.gazette.example.test/news/library-reopens", "url");
    expect_str(a->headline, "Library reopens after flood repairs", "headline");
    expect_source(a->sources.headline, NEWSMETA_SOURCE_MARKUP, "headline");
    /* the byline as printed, and the names split out of it */
    expect_str(a->byline, "By Jane Doe and John Smith", "byline");
    expect_source(a->sources.byline, NEWSMETA_SOURCE_MARKUP, "byline");
    static const char *const authors[] = {"Jane Doe", "John Smith", NULL};
    expect_list(a->authors, a->author_count, authors, "authors");
    expect_source(a->sources.authors, NEWSMETA_SOURCE_MARKUP, "authors");

    /* <time datetime="2020-11-26T09:30:00Z">. Days to 2020-01-01:
     * 50 * 365 + 12 leap days = 18262; 2020 is leap: + 305 (Jan-Oct) + 25
     * = 18592. */
    const newsmeta_timestamp *p = &a->published;
    ck_assert(p->present);
    expect_str(p->iso, "2020-11-26T09:30:00+00:00", "published.iso");
    ck_assert(p->offset_known);
    ck_assert_int_eq(p->offset_minutes, 0);
    ck_assert_int_eq(p->utc_seconds, (int64_t)18592 * 86400 + 9 * 3600 + 30 * 60);
    ck_assert_int_eq(p->precision, NEWSMETA_PRECISION_SECOND);
    expect_str(p->zone, "Z", "published.zone");
    expect_str(p->raw, "2020-11-26T09:30:00Z", "published.raw");
    expect_source(p->source, NEWSMETA_SOURCE_MARKUP, "published");
    expect_no_time(&a->modified);

    /* nothing else is on the page */
    expect_str(a->publisher, NULL, "publisher");
    expect_str(a->description, NULL, "description");
    expect_str(a->language, NULL, "language");
    expect_str(a->site_name, NULL, "site_name");
    expect_str(a->canonical_url, NULL, "canonical_url");
    expect_str(a->image, NULL, "image");
    expect_str(a->section, NULL, "section");
    ck_assert_uint_eq(a->tag_count, 0);
    expect_source(a->sources.description, NEWSMETA_SOURCE_NONE, "description");
    expect_source(a->sources.site_name, NEWSMETA_SOURCE_NONE, "site_name");
    expect_source(a->sources.tags, NEWSMETA_SOURCE_NONE, "tags");
    expect_source(a->sources.body, NEWSMETA_SOURCE_MARKUP, "body");
    /* paragraph kinds and links: see test_body.c */
    newsmeta_article_free(a);
}
END_TEST

/* ---- (d) no metadata at all ------------------------------------------------------- */

START_TEST(no_metadata)
{
    newsmeta_article *a = nm_parse_fixture("plain", NULL);
    expect_str(a->url, "https://ferry.example.test/notice", "url");
    ck_assert_uint_eq(a->paragraph_count, 3);
    ck_assert_str_eq(a->paragraphs[2].text,
                     "The summer timetable, with crossings every half hour, will return in April.");
    nm_check_paragraph_shape(a);
    expect_source(a->sources.body, NEWSMETA_SOURCE_MARKUP, "body");
    /* not found is not an error: NULL, zero counts, NONE sources */
    expect_str(a->headline, NULL, "headline");
    expect_str(a->byline, NULL, "byline");
    expect_str(a->publisher, NULL, "publisher");
    expect_str(a->description, NULL, "description");
    expect_str(a->site_name, NULL, "site_name");
    expect_str(a->image, NULL, "image");
    ck_assert_uint_eq(a->author_count, 0);
    ck_assert_uint_eq(a->tag_count, 0);
    expect_no_time(&a->published);
    expect_no_time(&a->modified);
    expect_source(a->sources.headline, NEWSMETA_SOURCE_NONE, "headline");
    expect_source(a->sources.authors, NEWSMETA_SOURCE_NONE, "authors");
    expect_source(a->sources.language, NEWSMETA_SOURCE_NONE, "language");
    newsmeta_article_free(a);
}
END_TEST

/* ---- timestamps -------------------------------------------------------------------- */

/* A time printed without a zone keeps its offset unknown: an offset is
 * never invented. */
START_TEST(naive_time_offset_unknown)
{
    newsmeta_article *a = nm_parse_fixture("naive_time", NULL);
    const newsmeta_timestamp *p = &a->published;
    ck_assert(p->present);
    expect_str(p->iso, "2021-03-03T18:05:00", "published.iso");
    ck_assert(!p->offset_known);
    ck_assert_int_eq(p->precision, NEWSMETA_PRECISION_SECOND);
    expect_str(p->zone, NULL, "published.zone");
    expect_str(p->raw, "2021-03-03T18:05:00", "published.raw");
    expect_source(p->source, NEWSMETA_SOURCE_META, "published");
    newsmeta_article_free(a);
}
END_TEST

/* options.default_timezone supplies the missing offset. */
START_TEST(default_timezone_applies)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.default_timezone = "Asia/Kolkata";
    newsmeta_article *a = nm_parse_fixture("naive_time", &o);
    const newsmeta_timestamp *p = &a->published;
    ck_assert(p->present);
    expect_str(p->iso, "2021-03-03T18:05:00+05:30", "published.iso");
    ck_assert(p->offset_known);
    ck_assert_int_eq(p->offset_minutes, 330);
    /* same instant as the JSON-LD fixture: 18689 days + 12:35 */
    ck_assert_int_eq(p->utc_seconds, (int64_t)18689 * 86400 + 12 * 3600 + 35 * 60);
    expect_str(p->zone, "Asia/Kolkata", "published.zone");
    expect_str(p->raw, "2021-03-03T18:05:00", "published.raw");
    expect_source(p->source, NEWSMETA_SOURCE_META, "published");
    newsmeta_article_free(a);
}
END_TEST

static newsmeta_article *page_with_date(const char *published, const char *modified,
                                        const char *zone)
{
    char html[1024];
    snprintf(html, sizeof html,
             "<html><head><meta property=\"article:published_time\" content=\"%s\">"
             "%s%s%s</head><body><p>A paragraph of body text that is long enough to count "
             "as the article.</p></body></html>",
             published, modified ? "<meta property=\"article:modified_time\" content=\"" : "",
             modified ? modified : "", modified ? "\">" : "");
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.default_timezone = zone;
    return nm_parse_str(html, NULL, &o);
}

/* The default zone's offset is the one in force on that date (DST). */
START_TEST(default_timezone_follows_dst)
{
    newsmeta_article *a = page_with_date("2021-07-01T12:00:00", NULL, "Europe/Paris");
    ck_assert_int_eq(a->published.offset_minutes, 120);
    expect_str(a->published.iso, "2021-07-01T12:00:00+02:00", "summer");
    newsmeta_article_free(a);
    a = page_with_date("2021-01-15T12:00:00", NULL, "Europe/Paris");
    ck_assert_int_eq(a->published.offset_minutes, 60);
    expect_str(a->published.iso, "2021-01-15T12:00:00+01:00", "winter");
    newsmeta_article_free(a);
    a = page_with_date("2021-01-15T08:00:00", NULL, "America/New_York");
    ck_assert_int_eq(a->published.offset_minutes, -300);
    /* 2021-01-15: 18628 + 14 = 18642 days; 08:00-05:00 = 13:00 UTC */
    ck_assert_int_eq(a->published.utc_seconds, (int64_t)18642 * 86400 + 13 * 3600);
    newsmeta_article_free(a);
}
END_TEST

/* A page's explicit offset wins over the caller's default zone. */
START_TEST(explicit_offset_beats_default_zone)
{
    newsmeta_article *a = page_with_date("2021-03-03T18:05:00+01:00", NULL, "Asia/Kolkata");
    ck_assert_int_eq(a->published.offset_minutes, 60);
    expect_str(a->published.iso, "2021-03-03T18:05:00+01:00", "published.iso");
    newsmeta_article_free(a);
}
END_TEST

/* Precision follows what the page gives; a bare date has no offset even
 * with a default zone (a day is not an instant). */
START_TEST(date_only_precision)
{
    newsmeta_article *a = page_with_date("2021-03-03", NULL, "Asia/Kolkata");
    const newsmeta_timestamp *p = &a->published;
    ck_assert(p->present);
    expect_str(p->iso, "2021-03-03", "published.iso");
    ck_assert_int_eq(p->precision, NEWSMETA_PRECISION_DAY);
    ck_assert(!p->offset_known);
    newsmeta_article_free(a);

    a = page_with_date("2021-03-03T18:05Z", NULL, NULL);
    expect_str(a->published.iso, "2021-03-03T18:05:00+00:00", "minute.iso");
    ck_assert_int_eq(a->published.precision, NEWSMETA_PRECISION_MINUTE);
    ck_assert_int_eq(a->published.utc_seconds, (int64_t)18689 * 86400 + 18 * 3600 + 5 * 60);
    newsmeta_article_free(a);
}
END_TEST

/* "Last modification (never before published)". */
START_TEST(modified_before_published_dropped)
{
    newsmeta_article *a = page_with_date("2021-03-03T10:00:00Z", "2021-03-02T10:00:00Z", NULL);
    ck_assert(a->published.present);
    expect_no_time(&a->modified);
    newsmeta_article_free(a);
    /* the same modified time after the published one is kept */
    a = page_with_date("2021-03-03T10:00:00Z", "2021-03-03T10:00:01Z", NULL);
    ck_assert(a->modified.present);
    ck_assert_int_eq(a->modified.utc_seconds - a->published.utc_seconds, 1);
    newsmeta_article_free(a);
}
END_TEST

/* With no date in the page, a /yyyy/mm/dd/ URL path gives the day. */
START_TEST(date_from_url)
{
    newsmeta_article *a = nm_parse_str(
        "<p>A paragraph of body text that is long enough to count as the article.</p>",
        "https://news.example.test/2020/11/26/story-slug", NULL);
    const newsmeta_timestamp *p = &a->published;
    ck_assert(p->present);
    expect_str(p->iso, "2020-11-26", "published.iso");
    ck_assert_int_eq(p->precision, NEWSMETA_PRECISION_DAY);
    ck_assert(!p->offset_known);
    expect_source(p->source, NEWSMETA_SOURCE_URL, "published");
    newsmeta_article_free(a);
}
END_TEST

/* A numeric offset in JSON-LD is its own zone: "+05:30". */
START_TEST(numeric_offset_is_zone)
{
    static const char page[] =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Port authority approves second terminal\","
        "\"datePublished\":\"2021-03-03T18:05:00+05:30\","
        "\"dateModified\":\"2021-03-04T08:00:00-03:00\"}</script></head>"
        "<body><article><p>The port authority approved the terminal on Tuesday after a review "
        "of more than two years.</p></article></body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    ck_assert(a->published.present);
    ck_assert_str_eq(a->published.iso, "2021-03-03T18:05:00+05:30");
    ck_assert(a->published.offset_known);
    ck_assert_int_eq(a->published.offset_minutes, 330);
    ck_assert_str_eq(a->published.zone, "+05:30");
    ck_assert_int_eq(a->published.source, NEWSMETA_SOURCE_JSONLD);
    ck_assert(a->modified.present);
    ck_assert_str_eq(a->modified.zone, "-03:00");
    newsmeta_article_free(a);
}
END_TEST

/* "Z" stays "Z"; a time without an offset has no zone. */
START_TEST(zone_of_utc_and_naive_times)
{
    static const char page[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Port authority approves second terminal\","
        "\"datePublished\":\"2021-03-03T12:35:00Z\","
        "\"dateModified\":\"2021-03-04T08:00:00\"}</script></head>"
        "<body><article><p>The port authority approved the terminal on Tuesday after a review "
        "of more than two years.</p></article></body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    ck_assert_str_eq(a->published.zone, "Z");
    ck_assert(a->modified.present);
    ck_assert(!a->modified.offset_known);
    ck_assert_ptr_null(a->modified.zone);
    newsmeta_article_free(a);
}
END_TEST

/* Characters that can disguise a name (issue 17, item 8): bidi
 * overrides and isolates and C1 controls leave the headline, the byline
 * and the authors; the body keeps what the page says. */
START_TEST(disguising_characters_leave_names)
{
    static const char page[] =
        "<html><head><title>x</title><script type=\"application/ld+json\">"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Ferry \\u202Eback\\u202C in service\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane \\u2066Doe\\u2069\"},"
        "{\"@type\":\"Person\",\"name\":\"\\u202E\"}]}</script></head>"
        "<body><article><h1>Ferry &#x202E;back&#x202C; in service</h1>"
        "<p class=\"byline\">By Jane &#x2066;Doe&#x2069;</p>"
        "<p>The harbour ferry returned to service on Monday after a month of repairs, "
        "the operator said in a statement to passengers.</p></article></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://news.example.test/ferry", NULL);
    ck_assert_str_eq(a->headline, "Ferry back in service");
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_str_eq(a->authors[0], "Jane Doe");
    if (a->byline)
        ck_assert_ptr_null(strstr(a->byline, "\xE2\x81\xA6"));
    newsmeta_article_free(a);
}
END_TEST

/* An <h1> that the metadata confirms, with more than the headline in
 * elements of its own (issue 16, item 3): a kicker or a date before it, a
 * byline or a source link after it, are not the headline; capitals typed
 * for a stylesheet take the metadata's case; a site name after the
 * headline in the <h1> goes. */
static newsmeta_article *h1_page(const char *og, const char *h1);

/* An <h1> that ends in a colon leads into something: not the headline. */
START_TEST(h1_lead_in)
{
    newsmeta_article *a = h1_page("Ferry back in service after repairs",
                                  "A message from the operator of the ferry:");
    ck_assert_str_eq(a->headline, "Ferry back in service after repairs");
    newsmeta_article_free(a);
}
END_TEST

static newsmeta_article *h1_page(const char *og, const char *h1)
{
    char page[1024];
    snprintf(page, sizeof page,
             "<html><head><title>%s</title><meta property=\"og:title\" content=\"%s\">"
             "<meta property=\"og:site_name\" content=\"Harbour News\"></head>"
             "<body><article><h1>%s</h1><p>The harbour ferry returned to service on Monday after "
             "a month of repairs, the operator said in a statement to passengers.</p>"
             "</article></body></html>",
             og, og, h1);
    return nm_parse_str(page, "https://harbournews.example.test/ferry", NULL);
}

START_TEST(h1_beside_the_headline)
{
    static const struct {
        const char *og, *h1, *want;
    } CASES[] = {
        {"Ferry back in service after repairs",
         "<span class=\"kicker\">Verkehr:</span> <span>Ferry back in service after repairs</span>",
         "Ferry back in service after repairs"},
        {"Ferry back in service after repairs",
         "<time>Dec 18 2025</time> Ferry back in service after repairs",
         "Ferry back in service after repairs"},
        {"Ferry back in service after repairs",
         "Ferry back in service after repairs <div class=\"meta\">Posted on July 1, 2024 by "
         "Jane</div>",
         "Ferry back in service after repairs"},
        {"Ferry back in service after repairs", "FERRY BACK IN SERVICE AFTER REPAIRS",
         "Ferry back in service after repairs"},
        {"Ferry back in service after repairs",
         "Ferry back in service after repairs \xE2\x80\x93 Harbour News",
         "Ferry back in service after repairs"},
        {"Ferry back in service after repairs", "<strong>Blog:</strong> Ferry back in service "
         "after repairs", "Ferry back in service after repairs"},
        /* the <h1> is the title's first segment, in one case */
        {"Ferry timetable | Winter services | Harbour News", "ferry timetable", "Ferry timetable"},
        /* characters lost to a wrong charset in the <h1>, kept in the metadata */
        {"Ferry timetable changes for the whole winter season: the operator's plan",
         "Ferry timetable changes for the whole winter season? the operator? plan",
         "Ferry timetable changes for the whole winter season: the operator's plan"},
        /* a real question mark, another case: the <h1> as the reader sees it */
        {"Will The Ferry Run In Winter?", "Will the ferry run in winter?",
         "Will the ferry run in winter?"},
        /* two <h1>s: the one that is the metadata's headline */
        {"Ferry back in service after repairs",
         "Harbour Weekly Newsletter Blog</h1><h1>Ferry back in service after repairs",
         "Ferry back in service after repairs"},
        /* a section after a " | " at the end of the <h1>; a dash is prose */
        {"Ferry back in service", "Ferry back in service after repairs | Opinion",
         "Ferry back in service after repairs"},
        {"Ferry back in service", "Ferry back in service after repairs \xE2\x80\x93 and faster",
         "Ferry back in service after repairs \xE2\x80\x93 and faster"},
        /* one text: the <h1> says more than a shortened title, and stays */
        {"Ferry back in service", "Ferry back in service after a month of repairs",
         "Ferry back in service after a month of repairs"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        newsmeta_article *a = h1_page(CASES[i].og, CASES[i].h1);
        ck_assert_msg(a->headline && !strcmp(a->headline, CASES[i].want), "case %zu: \"%s\"", i,
                      a->headline ? a->headline : "(null)");
        newsmeta_article_free(a);
    }
}
END_TEST

static Suite *fields_suite(void)
{
    Suite *s = suite_create("fields");
    TCase *tc = tcase_create("pages");
    tcase_add_test(tc, jsonld_graph);
    tcase_add_test(tc, disguising_characters_leave_names);
    tcase_add_test(tc, h1_beside_the_headline);
    tcase_add_test(tc, h1_lead_in);
    tcase_add_test(tc, opengraph_meta_only);
    tcase_add_test(tc, markup_only);
    tcase_add_test(tc, no_metadata);
    suite_add_tcase(s, tc);

    tc = tcase_create("timestamps");
    tcase_add_test(tc, naive_time_offset_unknown);
    tcase_add_test(tc, default_timezone_applies);
    tcase_add_test(tc, default_timezone_follows_dst);
    tcase_add_test(tc, explicit_offset_beats_default_zone);
    tcase_add_test(tc, date_only_precision);
    tcase_add_test(tc, modified_before_published_dropped);
    tcase_add_test(tc, date_from_url);
    tcase_add_test(tc, numeric_offset_is_zone);
    tcase_add_test(tc, zone_of_utc_and_naive_times);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(fields_suite());
}
