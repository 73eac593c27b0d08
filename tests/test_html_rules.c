/* Behaviours of the HTML path fixed in the last round, each pinned by a
 * test: NFC normalization of decomposed text, NEWSMETA_OPT_NO_LINKS also
 * dropping related ("Read more:") links, NEWSMETA_OPT_NO_BODY never
 * turning a page with text into NEWSMETA_ERR_NOT_ARTICLE, and a numeric
 * UTC offset recorded as the timestamp's zone; script and style text
 * dropped before parsing without changing the page's elements. */
#include <string.h>

#include "testutil.h"

/* "cafe" + U+0301 COMBINING ACUTE ACCENT comes out as "caf" + U+00E9. */
START_TEST(nfc_normalization)
{
    static const char page[] =
        "<html><head><title>Corner cafe\xCC\x81 reopens</title></head><body><article>"
        "<h1>Corner cafe\xCC\x81 reopens after long closure</h1>"
        "<p>The cafe\xCC\x81 on the corner reopened this week after a long closure, the owners "
        "said on Monday.</p></article></body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_ptr_nonnull(strstr(a->paragraphs[0].text, "caf\xC3\xA9 on the corner"));
    ck_assert_ptr_null(strstr(a->paragraphs[0].text, "\xCC\x81"));
    ck_assert_str_eq(a->headline, "Corner caf\xC3\xA9 reopens after long closure");
    newsmeta_article_free(a);
}
END_TEST

static const char READ_MORE_PAGE[] =
    "<html><head><title>Harbour plan</title></head><body><article>"
    "<h1>Harbour board approves second container terminal</h1>"
    "<p>The harbour board approved plans for a second container terminal on Tuesday, ending a "
    "review that began two years ago.</p>"
    "<p>Read more: <a href=\"/harbour/workers-vote\">Harbour workers vote on new shift rota</a></p>"
    "<p>Officials said the terminal would double the port's capacity to 2.4 million containers "
    "a year, with the <a href=\"/harbour/dredging\">dredging</a> due to resume in "
    "October.</p>"
    "<p>Read more: Coastal road project clears environmental hurdle</p>"
    "</article></body></html>";

/* Without options the page has related links (the control). */
START_TEST(related_links_by_default)
{
    newsmeta_article *a = nm_parse_str(READ_MORE_PAGE, "https://news.example.test/a", NULL);
    size_t related = 0, body = 0;
    for (size_t i = 0; i < a->link_count; i++) {
        if (a->links[i].kind == NEWSMETA_LINK_RELATED)
            related++;
        else
            body++;
    }
    ck_assert_uint_eq(related, 2);
    ck_assert_uint_eq(body, 1);
    ck_assert_int_eq(nm_find_paragraph(a, "Read more"), -1);
    newsmeta_article_free(a);
}
END_TEST

/* NEWSMETA_OPT_NO_LINKS: no links of any kind, and the "Read more" lines
 * still do not become paragraphs. */
START_TEST(no_links_drops_related_links)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_LINKS;
    newsmeta_article *a = nm_parse_str(READ_MORE_PAGE, "https://news.example.test/a", &o);
    ck_assert_uint_eq(a->link_count, 0);
    ck_assert_ptr_null(a->links);
    ck_assert_uint_eq(a->paragraph_count, 2);
    ck_assert_int_eq(nm_find_paragraph(a, "Read more"), -1);
    ck_assert_int_eq(nm_find_paragraph(a, "Coastal road"), -1);
    newsmeta_article_free(a);
}
END_TEST

/* NEWSMETA_OPT_NO_BODY on a page with text and no metadata at all: the
 * body was not asked for, so an empty record is the answer (OK), not
 * NEWSMETA_ERR_NOT_ARTICLE. */
START_TEST(no_body_without_metadata_is_ok)
{
    static const char page[] = "<html><body><div><p>Just some text here, with no title, no "
                               "heading and no metadata of any kind.</p></div></body></html>";
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_BODY;
    newsmeta_article *a = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_parse_html(page, sizeof page - 1, NULL, &o, &a, &err), NEWSMETA_OK);
    ck_assert_int_eq(err.code, NEWSMETA_OK);
    ck_assert_str_eq(err.message, "");
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(a->paragraph_count, 0);
    ck_assert_ptr_null(a->headline);
    newsmeta_article_free(a);
    /* the same page without the flag has its text */
    a = nm_parse_str(page, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    newsmeta_article_free(a);
    /* a page with truly nothing is still not an article without the flag */
    static const char empty[] = "<html><body><div></div></body></html>";
    ck_assert_int_eq(newsmeta_parse_html(empty, sizeof empty - 1, NULL, NULL, &a, &err),
                     NEWSMETA_ERR_NOT_ARTICLE);
    ck_assert_ptr_null(a);
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

/* prune.c drops the text of scripts and styles before libxml2 parses the
 * page: markup-like text inside them never reaches the body, the element
 * boundaries libxml2 would see stay the same (an upper-case end tag, a '>'
 * inside a quoted attribute, a "<script>" inside a comment), and JSON-LD
 * scripts are kept whatever the case of their type attribute. */
START_TEST(script_and_style_text_never_leak)
{
    static const char page[] =
        "<html><head><title>Ferry timetable</title>"
        "<style>p::after { content: \"</p><p>Style text as a paragraph\"; }</style>"
        "<script>document.write('<p>Injected script paragraph that must never appear in the "
        "article body text</p>');</script></head><body>"
        "<SCRIPT type=\"text/javascript\">var close = \"</div></article>\";</SCRIPT>"
        "<article><h1>Island ferry adds a winter timetable for the first time</h1>"
        "<div data-note=\"a > b\"><p>The island ferry will run a winter timetable for the first "
        "time this year, the operator said on Thursday.</p></div>"
        "<!-- <script> a comment, not a script -->"
        "<p>Sailings will leave the harbour every two hours between November and March, with "
        "an extra crossing on Friday evenings.</p>"
        "<script TYPE=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"Island "
        "ferry adds a winter timetable for the first time\",\"author\":{\"@type\":\"Person\","
        "\"name\":\"Mara Quint\"}}</script>"
        "<p>Tickets for the new sailings go on sale next week at the harbour office and "
        "online.</p></article></body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 3);
    ck_assert_int_eq(nm_find_paragraph(a, "Injected"), -1);
    ck_assert_int_eq(nm_find_paragraph(a, "Style text"), -1);
    ck_assert_int_ge(nm_find_paragraph(a, "winter timetable for the first time this year"), 0);
    ck_assert_int_ge(nm_find_paragraph(a, "Sailings will leave"), 0);
    ck_assert_int_ge(nm_find_paragraph(a, "Tickets for the new sailings"), 0);
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_str_eq(a->authors[0], "Mara Quint");
    ck_assert_uint_eq(a->truncated, 0);
    newsmeta_article_free(a);
}
END_TEST

/* A page that ends inside a script keeps what came before it. */
START_TEST(unterminated_script_at_end)
{
    static const char page[] =
        "<html><body><article><h1>Library reopens after flood repairs</h1>"
        "<p>The central library reopened on Monday after six months of repairs to the flood "
        "damage in its basement archive.</p><script>var pending = '<p>never closed";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_int_ge(nm_find_paragraph(a, "central library reopened"), 0);
    ck_assert_int_eq(nm_find_paragraph(a, "never closed"), -1);
    newsmeta_article_free(a);
}
END_TEST

/* Inline <svg> drawings are emptied before parsing when they are plain,
 * well-nested SVG; anything else (an HTML element inside, end tags that do
 * not match) goes to libxml2 as it is, so no text after a broken drawing
 * is lost. */
START_TEST(svg_drawings)
{
    static const char page[] =
        "<html><head><title>Tram line</title></head><body><article>"
        "<h1>Tram line to the airport opens in May"
        "<svg viewBox=\"0 0 24 24\"><title>Share this story</title><g><path d=\"M0 0L24 24\"/>"
        "<circle cx=\"12\" cy=\"12\" r=\"4\"></circle></g></svg></h1>"
        "<p>The tram line to the airport opens in May, two years after work began, the city "
        "council said on Wednesday.</p>"
        "<div class=\"chart\"><svg width=\"10\"><path d=\"M1 1\"></div>"
        "<p>Trams will run every six minutes at peak times and every ten minutes in the "
        "evening, with the first leaving the depot at five in the morning."
        "<svg viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>"
        "<svg><foreignObject><p>Text inside a drawing</p></foreignObject></svg>"
        "<p>Fares will be the same as on the rest of the network, the operator said, and "
        "season tickets will be valid from the first day.</p></article></body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    ck_assert_str_eq(a->headline, "Tram line to the airport opens in May");
    ck_assert_int_ge(nm_find_paragraph(a, "opens in May, two years"), 0);
    ck_assert_int_ge(nm_find_paragraph(a, "Trams will run every six minutes"), 0);
    ck_assert_int_ge(nm_find_paragraph(a, "Fares will be the same"), 0);
    ck_assert_int_eq(nm_find_paragraph(a, "Share this story"), -1);
    newsmeta_article_free(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("html_rules");
    TCase *tc = tcase_create("nfc");
    tcase_add_test(tc, nfc_normalization);
    suite_add_tcase(s, tc);
    tc = tcase_create("options");
    tcase_add_test(tc, related_links_by_default);
    tcase_add_test(tc, no_links_drops_related_links);
    tcase_add_test(tc, no_body_without_metadata_is_ok);
    suite_add_tcase(s, tc);
    tc = tcase_create("scripts");
    tcase_add_test(tc, script_and_style_text_never_leak);
    tcase_add_test(tc, unterminated_script_at_end);
    tcase_add_test(tc, svg_drawings);
    suite_add_tcase(s, tc);
    tc = tcase_create("zones");
    tcase_add_test(tc, numeric_offset_is_zone);
    tcase_add_test(tc, zone_of_utc_and_naive_times);
    suite_add_tcase(s, tc);
    return nm_run_suite(s);
}
