/* The stages before the record: prune.c's byte pass over the page
 * (script, style and drawing text dropped before libxml2 parses it,
 * without changing the element boundaries libxml2 sees) and libxml2's
 * recovery from broken markup. Public API only. */
#include <string.h>

#include "testutil.h"

/* ---- the byte pass (prune.c) -------------------------------------------- */

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

/* ---- the parse (libxml2) -------------------------------------------------- */

/* Mis-nested and unclosed markup (tests/fixtures/broken): libxml2's
 * recovery keeps the words in order and the text after the damage. */
START_TEST(broken_markup)
{
    newsmeta_article *a = nm_parse_fixture("broken", NULL);
    ck_assert_pstr_eq(a->headline, "Storm knocks out power to thousands");
    ck_assert_uint_ge(a->paragraph_count, 3);
    /* mis-nested <b><i></b></i> keeps the words in order */
    ck_assert_str_eq(a->paragraphs[0].text,
                     "High winds brought down power lines across the coast overnight, leaving "
                     "thousands of homes without electricity, the utility said.");
    /* text after the stray </div>s and in unclosed <p>s is still found */
    ck_assert_str_eq(a->paragraphs[1].text,
                     "Crews were working through the morning to restore supply, and most "
                     "customers should be reconnected by the evening, a spokesman said.");
    ck_assert_str_eq(a->paragraphs[2].text,
                     "Schools in three towns were closed for the day as a precaution, and the "
                     "coast road remained shut near the harbour.");
    nm_check_paragraph_shape(a);
    newsmeta_article_free(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("markup");
    TCase *tc = tcase_create("prune");
    tcase_add_test(tc, script_and_style_text_never_leak);
    tcase_add_test(tc, unterminated_script_at_end);
    tcase_add_test(tc, svg_drawings);
    suite_add_tcase(s, tc);
    tc = tcase_create("parse");
    tcase_add_test(tc, broken_markup);
    suite_add_tcase(s, tc);
    return nm_run_suite(s);
}
