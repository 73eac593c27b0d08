/* The body: paragraphs with their kinds, boilerplate left out, and links
 * (absolute href, anchor text, and offsets that point at the anchor text
 * inside its paragraph). */
#include <string.h>

#include "testutil.h"

static void expect_no_paragraph_with(const newsmeta_article *a, const char *needle)
{
    long i = nm_find_paragraph(a, needle);
    ck_assert_msg(i < 0, "paragraph %ld contains \"%s\": %s", i, needle,
                  i >= 0 ? a->paragraphs[i].text : "");
}

/* ---- kinds ---------------------------------------------------------------- */

START_TEST(paragraph_kinds)
{
    newsmeta_article *a = nm_parse_fixture("markup", NULL);
    static const struct {
        newsmeta_paragraph_kind kind;
        int level;
        const char *start;
    } want[] = {
        {NEWSMETA_PARAGRAPH, 0, "The central library reopened"},
        {NEWSMETA_HEADING, 2, "Months of work"},
        {NEWSMETA_PARAGRAPH, 0, "Builders replaced the floors"},
        {NEWSMETA_QUOTE, 0, "We are thrilled"},
        {NEWSMETA_LIST_ITEM, 0, "Opening hours are now"},
        {NEWSMETA_LIST_ITEM, 0, "The reading room"},
        {NEWSMETA_PREFORMATTED, 0, "Branch"},
        {NEWSMETA_PARAGRAPH, 0, "Some links here go nowhere"},
    };
    ck_assert_uint_eq(a->paragraph_count, sizeof want / sizeof *want);
    for (size_t i = 0; i < a->paragraph_count; i++) {
        const newsmeta_paragraph *p = &a->paragraphs[i];
        ck_assert_msg(p->kind == want[i].kind, "paragraph %zu: kind %s, expected %s", i,
                      newsmeta_paragraph_kind_name(p->kind),
                      newsmeta_paragraph_kind_name(want[i].kind));
        ck_assert_int_eq(p->level, want[i].level);
        ck_assert_msg(strncmp(p->text, want[i].start, strlen(want[i].start)) == 0,
                      "paragraph %zu: \"%s\"", i, p->text);
        ck_assert_uint_eq(p->length, strlen(p->text));
    }
    ck_assert_str_eq(a->paragraphs[1].text, "Months of work");
    /* preformatted text keeps its line breaks and runs of spaces */
    ck_assert_str_eq(a->paragraphs[6].text, "Branch     Reopens\nCentral    26 Nov\nRiverside  3 Dec");
    /* the headline, byline, dateline, nav and footer are not body text */
    expect_no_paragraph_with(a, "Library reopens after flood repairs");
    expect_no_paragraph_with(a, "Jane Doe");
    expect_no_paragraph_with(a, "November 26, 2020");
    expect_no_paragraph_with(a, "Home");
    expect_no_paragraph_with(a, "Copyright");
    newsmeta_article_free(a);
}
END_TEST

/* ---- links --------------------------------------------------------------- */

/* Relative hrefs resolve against <base href>, not the page URL
 * (https://www.gazette.example.test/news/...), and javascript:, empty and
 * fragment-only hrefs give no link. */
START_TEST(links_markup_page)
{
    newsmeta_article *a = nm_parse_fixture("markup", NULL);
    ck_assert_uint_eq(a->link_count, 2);
    const newsmeta_link *l = &a->links[0];
    ck_assert_str_eq(l->href, "https://gazette.example.test/events/open-day.html");
    ck_assert_str_eq(l->text, "open day");
    ck_assert_int_eq(l->kind, NEWSMETA_LINK_BODY);
    ck_assert_int_eq(l->paragraph, 0);
    l = &a->links[1];
    ck_assert_str_eq(l->href, "https://gazette.example.test/archive/2020/flood-report.html");
    ck_assert_str_eq(l->text, "flood report");
    ck_assert_int_eq(l->kind, NEWSMETA_LINK_BODY);
    ck_assert_int_eq(l->paragraph, 7);
    /* the dead anchors' text stays in the paragraph, unlinked */
    ck_assert(strstr(a->paragraphs[7].text, "like this one, that one and the top,") != NULL);
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* Anchor offsets are byte offsets into UTF-8 text and skip the spaces
 * inside the anchor; markup inside the anchor and entities are text. */
START_TEST(link_offsets_utf8_and_inline_markup)
{
    static const char page[] =
        "<html><body><article><p>   <a href=\"/start\">Leading link</a> opens this paragraph "
        "about the caf\xC3\xA9 in Z\xC3\xBCrich, where <a href=\"https://example.test/owner\"> "
        "the caf\xC3\xA9 owner </a> spoke, and <a href=\"q?a=1&amp;b=2\"><b>bold</b> &amp; "
        "<i>italic</i></a> words appeared.</p>"
        "<p>A second paragraph with a <a href=\"//cdn.example.test/x\">protocol-relative</a> "
        "link, <a href=\"#section\">a fragment</a> and <a href=\"  \">blank</a> ones, and "
        "<a href=\"JavaScript:alert(1)\">script</a> too.</p></article></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://news.example.test/dir/page.html", NULL);
    ck_assert_uint_eq(a->paragraph_count, 2);
    ck_assert_uint_eq(a->link_count, 4);
    ck_assert_str_eq(a->links[0].href, "https://news.example.test/start");
    ck_assert_str_eq(a->links[0].text, "Leading link");
    ck_assert_uint_eq(a->links[0].start, 0);
    ck_assert_str_eq(a->links[1].href, "https://example.test/owner");
    ck_assert_str_eq(a->links[1].text, "the caf\xC3\xA9 owner");
    ck_assert_str_eq(a->links[2].href, "https://news.example.test/dir/q?a=1&b=2");
    ck_assert_str_eq(a->links[2].text, "bold & italic");
    ck_assert_str_eq(a->links[3].href, "https://cdn.example.test/x");
    ck_assert_str_eq(a->links[3].text, "protocol-relative");
    ck_assert_int_eq(a->links[3].paragraph, 1);
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* Without a page URL or <base>, hrefs cannot be made absolute: they are
 * kept as written rather than dropped. */
START_TEST(links_without_base)
{
    newsmeta_article *a = nm_parse_str(
        "<p>A paragraph of body text that links to <a href=\"/elsewhere\">another page</a> "
        "somewhere on the same site, in a sentence.</p>",
        NULL, NULL);
    ck_assert_uint_eq(a->link_count, 1);
    ck_assert_str_eq(a->links[0].text, "another page");
    ck_assert_str_eq(a->links[0].href, "/elsewhere");
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* ---- boilerplate -------------------------------------------------------------- */

START_TEST(boilerplate_removed)
{
    newsmeta_article *a = nm_parse_fixture("boilerplate", NULL);
    ck_assert_uint_eq(a->paragraph_count, 3);
    ck_assert(strncmp(a->paragraphs[0].text, "A painting stolen", 17) == 0);
    ck_assert(strncmp(a->paragraphs[1].text, "The museum bought", 17) == 0);
    ck_assert(strncmp(a->paragraphs[2].text, "The family said", 15) == 0);
    static const char *const furniture[] = {
        "Tuesday edition", /* header */
        "Contact us",      /* nav */
        "Share on",        /* share bar */
        "Email this",      /* share bar */
        "Advertisement",   /* ad label */
        "morning briefing", "Sign up", "newsletter", /* newsletter box */
        "Related stories", "Gallery reopens", "Auction record", /* related list */
        "Comments", "Great to see", "About time", /* comments */
        "Copyright", "Privacy",                     /* footer */
        "Read more",                                /* became a related link */
        "How researchers trace looted art", NULL};
    for (const char *const *f = furniture; *f; f++)
        expect_no_paragraph_with(a, *f);
    newsmeta_article_free(a);
}
END_TEST

/* "Read more: Title" inside the body is a related link, not a paragraph;
 * it follows paragraph 1 and comes after the body links. */
START_TEST(read_more_becomes_related_link)
{
    newsmeta_article *a = nm_parse_fixture("boilerplate", NULL);
    ck_assert_uint_eq(a->link_count, 2);
    const newsmeta_link *body = &a->links[0];
    ck_assert_int_eq(body->kind, NEWSMETA_LINK_BODY);
    ck_assert_str_eq(body->text, "whole story");
    ck_assert_str_eq(body->href, "https://citypost.example.test/arts/labels");
    ck_assert_int_eq(body->paragraph, 2);
    const newsmeta_link *rel = &a->links[1];
    ck_assert_int_eq(rel->kind, NEWSMETA_LINK_RELATED);
    ck_assert_str_eq(rel->text, "How researchers trace looted art");
    ck_assert_str_eq(rel->href, "https://citypost.example.test/arts/2023/provenance-research");
    ck_assert_int_eq(rel->paragraph, 1);
    ck_assert_uint_eq(rel->start, rel->end);
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* A related link before any paragraph follows "no paragraph": -1. */
START_TEST(related_link_before_first_paragraph)
{
    newsmeta_article *a = nm_parse_str(
        "<html><body><article><p>Read more: <a href=\"/x\">First thing</a></p>"
        "<p>The article text follows here, and it is long enough to be a paragraph of the "
        "body.</p><p>Another paragraph of text for the article, so the body has some weight "
        "to it.</p></article></body></html>",
        "https://example.test/a/b", NULL);
    ck_assert_uint_eq(a->paragraph_count, 2);
    ck_assert_uint_eq(a->link_count, 1);
    ck_assert_int_eq(a->links[0].kind, NEWSMETA_LINK_RELATED);
    ck_assert_str_eq(a->links[0].text, "First thing");
    ck_assert_str_eq(a->links[0].href, "https://example.test/x");
    ck_assert_int_eq(a->links[0].paragraph, -1);
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* ---- options ------------------------------------------------------------------- */

/* NEWSMETA_OPT_NO_BODY: metadata only. */
START_TEST(no_body_option)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_BODY;
    newsmeta_article *a = nm_parse_fixture("markup", &o);
    ck_assert_uint_eq(a->paragraph_count, 0);
    ck_assert_uint_eq(a->link_count, 0);
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_NONE);
    ck_assert_str_eq(a->headline, "Library reopens after flood repairs");
    ck_assert(a->published.present);
    newsmeta_article_free(a);
}
END_TEST

/* NEWSMETA_OPT_NO_LINKS leaves the paragraphs as they were. (Whether it
 * also suppresses "Read more" related links is reported separately.) */
START_TEST(no_links_option)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_LINKS;
    newsmeta_article *with = nm_parse_fixture("markup", NULL);
    newsmeta_article *without = nm_parse_fixture("markup", &o);
    ck_assert_uint_eq(without->link_count, 0);
    ck_assert_uint_eq(without->paragraph_count, with->paragraph_count);
    for (size_t i = 0; i < with->paragraph_count; i++)
        ck_assert_str_eq(without->paragraphs[i].text, with->paragraphs[i].text);
    newsmeta_article_free(with);
    newsmeta_article_free(without);
}
END_TEST

/* Offsets hold on every fixture page, whatever it contains. */
START_TEST(link_invariants_all_fixtures)
{
    char **names;
    size_t n = nm_fixture_names(&names);
    ck_assert_uint_gt(n, 0);
    for (size_t i = 0; i < n; i++) {
        newsmeta_article *a = nm_parse_fixture(names[i], NULL);
        nm_check_link_offsets(a);
        for (size_t k = 0; k < a->paragraph_count; k++)
            ck_assert_uint_eq(a->paragraphs[k].length, strlen(a->paragraphs[k].text));
        newsmeta_article_free(a);
    }
    nm_fixture_names_free(names, n);
}
END_TEST

static Suite *body_suite(void)
{
    Suite *s = suite_create("body");
    TCase *tc = tcase_create("paragraphs");
    tcase_add_test(tc, paragraph_kinds);
    tcase_add_test(tc, boilerplate_removed);
    suite_add_tcase(s, tc);

    tc = tcase_create("links");
    tcase_add_test(tc, links_markup_page);
    tcase_add_test(tc, link_offsets_utf8_and_inline_markup);
    tcase_add_test(tc, links_without_base);
    tcase_add_test(tc, read_more_becomes_related_link);
    tcase_add_test(tc, related_link_before_first_paragraph);
    tcase_add_test(tc, link_invariants_all_fixtures);
    suite_add_tcase(s, tc);

    tc = tcase_create("options");
    tcase_add_test(tc, no_body_option);
    tcase_add_test(tc, no_links_option);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(body_suite());
}
