/* Body extraction (issue 3) on small synthetic pages: every kind of
 * boilerplate left out, the structure of the body kept, sibling blocks
 * merged, the fallbacks (JSON-LD articleBody, no container, the second
 * opinion that widens a container), and link offsets.
 *
 * Every page here is written for this file. The article text of each page
 * is asserted exactly (count, order, text); the boilerplate carries a
 * marker that must appear in no paragraph. Public API only. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- helpers -------------------------------------------------------------- */

#define NELEM(a) (sizeof(a) / sizeof *(a))

/* All paragraphs of an article, one per line, for failure messages.
 * Returns a static buffer (tests run one at a time per process). */
static const char *dump(const newsmeta_article *a)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < a->paragraph_count && n < sizeof buf - 1; i++) {
        int w = snprintf(buf + n, sizeof buf - n, "\n  [%zu] %s/%d: %s", i,
                         newsmeta_paragraph_kind_name(a->paragraphs[i].kind),
                         (int)a->paragraphs[i].level, a->paragraphs[i].text);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    return buf;
}

/* Exactly these paragraphs, of kind NEWSMETA_PARAGRAPH, in this order. */
static void expect_texts(const newsmeta_article *a, const char *const *want, size_t n)
{
    ck_assert_msg(a->paragraph_count == n, "%zu paragraphs, expected %zu:%s", a->paragraph_count,
                  n, dump(a));
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(strcmp(a->paragraphs[i].text, want[i]) == 0,
                      "paragraph %zu is not \"%s\":%s", i, want[i], dump(a));
        ck_assert_msg(a->paragraphs[i].kind == NEWSMETA_PARAGRAPH, "paragraph %zu has kind %s", i,
                      newsmeta_paragraph_kind_name(a->paragraphs[i].kind));
        ck_assert_uint_eq(a->paragraphs[i].length, strlen(a->paragraphs[i].text));
    }
}

static void expect_absent(const newsmeta_article *a, const char *needle)
{
    long i = nm_find_paragraph(a, needle);
    ck_assert_msg(i < 0, "paragraph %ld contains \"%s\":%s", i, needle, dump(a));
}

/* One body link, checked in full: href, text, paragraph, and the offsets
 * both as numbers and as the bytes they point at. */
static void expect_link(const newsmeta_article *a, size_t i, const char *href, const char *text,
                        long paragraph, size_t start)
{
    ck_assert_msg(i < a->link_count, "no link %zu (%zu links)", i, a->link_count);
    const newsmeta_link *l = &a->links[i];
    ck_assert_int_eq(l->kind, NEWSMETA_LINK_BODY);
    ck_assert_ptr_nonnull(l->href);
    ck_assert_str_eq(l->href, href);
    ck_assert_str_eq(l->text, text);
    ck_assert_int_eq(l->paragraph, paragraph);
    ck_assert_uint_eq(l->start, start);
    ck_assert_uint_eq(l->end, start + strlen(text));
    const char *at = a->paragraphs[l->paragraph].text + l->start;
    ck_assert_msg(strncmp(at, text, l->end - l->start) == 0, "link %zu points at \"%.*s\"", i,
                  (int)(l->end - l->start), at);
}

/* Byte offset of needle in paragraph p (fails when it is not there). */
static size_t offset_in(const newsmeta_article *a, size_t p, const char *needle)
{
    ck_assert_uint_lt(p, a->paragraph_count);
    const char *hit = strstr(a->paragraphs[p].text, needle);
    ck_assert_msg(hit != NULL, "paragraph %zu has no \"%s\":%s", p, needle, dump(a));
    return (size_t)(hit - a->paragraphs[p].text);
}

/* printf into a new buffer (free()). */
static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    ck_assert_int_ge(n, 0);
    char *s = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(s);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* ---- the standard article -------------------------------------------------- */

#define P1 "The harbour authority approved the new ferry terminal on Monday after a planning " \
           "dispute that lasted four years."
#define P2 "Construction is due to begin in the spring and the first boats should dock at the " \
           "terminal next autumn."
#define P3 "Shop owners in the old town welcomed the decision and said the terminal would bring " \
           "thousands of visitors."
#define P4 "Opponents of the scheme said they would study the ruling before deciding whether to " \
           "appeal to the courts."

static const char *const STANDARD[] = {P1, P2, P3, P4};

/* The four paragraphs in an <article>, with `middle` between the second
 * and the third, and `outside` after the article in the page. */
static char *standard_page(const char *middle, const char *outside)
{
    return format("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                  "<title>Ferry terminal approved | Harbour Times</title></head><body>"
                  "<div class=\"page\"><article>"
                  "<p>" P1 "</p><p>" P2 "</p>%s<p>" P3 "</p><p>" P4 "</p>"
                  "</article>%s</div></body></html>",
                  middle, outside ? outside : "");
}

/* ---- 1. boilerplate, one kind at a time ------------------------------------ */

/* Each snippet sits inside the article, between its second and third
 * paragraph, and holds text that would pass for a paragraph of the story
 * (a sentence of some length) if it were not recognized. */
static const struct {
    const char *name;
    const char *html;
    const char *marker; /* must be in no paragraph */
} BOILERPLATE[] = {
    {"script", "<script>var s = \"LEAK from a script that reads like a sentence of the story.\";"
               "</script>", "LEAK"},
    {"style", "<style>.LEAK::after { content: \"a sentence of the story, in a style sheet.\"; }"
              "</style>", "LEAK"},
    {"noscript", "<noscript><p>LEAK: please enable JavaScript to read the rest of this story on "
                 "our site.</p></noscript>", "LEAK"},
    {"nav", "<nav><p>LEAK navigation text that reads like a sentence of the story itself.</p>"
            "</nav>", "LEAK"},
    {"header", "<header><p>LEAK header text that reads like a sentence of the story itself.</p>"
               "</header>", "LEAK"},
    {"footer", "<footer><p>LEAK footer text that reads like a sentence of the story itself.</p>"
               "</footer>", "LEAK"},
    {"aside", "<aside><p>LEAK aside text that reads like a sentence of the story itself.</p>"
              "</aside>", "LEAK"},
    {"form", "<form action=\"/subscribe\"><p>LEAK form text that reads like a sentence of the "
             "story itself.</p><input type=\"email\" name=\"e\"></form>", "LEAK"},
    {"hidden attribute", "<div hidden><p>LEAK hidden text that reads like a sentence of the "
                         "story itself.</p></div>", "LEAK"},
    {"aria-hidden", "<div aria-hidden=\"true\"><p>LEAK hidden text that reads like a sentence "
                    "of the story itself.</p></div>", "LEAK"},
    {"display:none", "<div style=\"display:none\"><p>LEAK hidden text that reads like a "
                     "sentence of the story itself.</p></div>", "LEAK"},
    {"display : none, spaced", "<p style=\"margin: 0; DISPLAY : None\">LEAK hidden text that "
                               "reads like a sentence of the story itself.</p>", "LEAK"},
    {"visibility:hidden", "<div style=\"visibility:hidden\"><p>LEAK hidden text that reads "
                          "like a sentence of the story itself.</p></div>", "LEAK"},
    {"role=navigation", "<div role=\"navigation\"><p>LEAK navigation text that reads like a "
                        "sentence of the story itself.</p></div>", "LEAK"},
    {"role=complementary", "<div role=\"complementary\"><p>LEAK complementary text that reads "
                           "like a sentence of the story itself.</p></div>", "LEAK"},
    {"role=banner", "<div role=\"banner\"><p>LEAK banner text that reads like a sentence of "
                    "the story itself.</p></div>", "LEAK"},
    {"role=contentinfo", "<div role=\"contentinfo\"><p>LEAK contentinfo text that reads like "
                         "a sentence of the story itself.</p></div>", "LEAK"},
    {"class comments", "<div class=\"comments\"><h3>LEAK 2 comments</h3><p>LEAK Reader: what a "
                       "good decision, and about time too.</p></div>", "LEAK"},
    {"id disqus_thread", "<div id=\"disqus_thread\"><p>LEAK Reader: what a good decision, and "
                         "about time too.</p></div>", "LEAK"},
    {"class kommentare", "<section class=\"kommentare\"><p>LEAK Leser: eine gute Entscheidung, "
                         "und das war auch Zeit.</p></section>", "LEAK"},
    {"cookie banner", "<div class=\"cookie-notice\"><p>LEAK We use cookies to improve your "
                      "experience on this site and to show you news.</p></div>", "LEAK"},
    {"newsletter box", "<div class=\"newsletter-box\"><p>LEAK Get the morning briefing in your "
                       "inbox every day before breakfast.</p></div>", "LEAK"},
    {"share-bar", "<div class=\"share-bar\"><p>LEAK Send this story to a friend who would like "
                  "to read about the ferry.</p></div>", "LEAK"},
    {"social-share", "<div class=\"social-share\"><p>LEAK Send this story to a friend who "
                     "would like to read about the ferry.</p></div>", "LEAK"},
    {"partager", "<div class=\"boutons-partager\"><p>LEAK Envoyez cet article \xC3\xA0 un ami "
                 "qui aimerait lire sur le ferry.</p></div>", "LEAK"},
    {"compartir", "<div class=\"compartir-nota\"><p>LEAK Env\xC3\xAD" "a esta noticia a un amigo "
                  "que quiera leer sobre el ferry.</p></div>", "LEAK"},
    {"teilen", "<div class=\"teilen\"><p>LEAK Schicken Sie diesen Artikel an einen Freund, der "
               "ihn lesen will.</p></div>", "LEAK"},
    {"class ad", "<div class=\"ad\"><p>LEAK Buy the new ferry pass today and save on every "
                 "crossing this summer.</p></div>", "LEAK"},
    {"class ad-slot", "<div class=\"ad-slot\"><p>LEAK Buy the new ferry pass today and save on "
                      "every crossing this summer.</p></div>", "LEAK"},
    {"class advertisement", "<div class=\"advertisement\"><p>LEAK Buy the new ferry pass today "
                            "and save on every crossing this summer.</p></div>", "LEAK"},
    {"id dfp-", "<div id=\"dfp-mpu-1\"><p>LEAK Buy the new ferry pass today and save on "
                "every crossing this summer.</p></div>", "LEAK"},
    {"related stories", "<div class=\"related-stories\"><p>LEAK The old ferry made its last "
                        "crossing in March after fifty years.</p></div>", "LEAK"},
    {"relacionadas", "<div class=\"noticias-relacionadas\"><p>LEAK El viejo ferry hizo su "
                     "\xC3\xBAltimo viaje en marzo tras cincuenta a\xC3\xB1os.</p></div>", "LEAK"},
    {"verwandte Artikel", "<div class=\"verwandte-artikel\"><p>LEAK Die alte F\xC3\xA4hre fuhr "
                          "im M\xC3\xA4rz nach f\xC3\xBCnfzig Jahren zum letzten Mal.</p></div>",
     "LEAK"},
    {"most popular", "<div class=\"most-popular\"><ol><li>LEAK The old ferry made its last "
                     "crossing in March after fifty years.</li></ol></div>", "LEAK"},
    {"trending", "<div class=\"trending\"><p>LEAK The old ferry made its last crossing in "
                 "March after fifty years.</p></div>", "LEAK"},
    {"teaser feed", "<ul>"
                    "<li><a href=\"/a1\">LEAK Old ferry makes its last crossing</a> The boat "
                    "served the harbour for fifty years.</li>"
                    "<li><a href=\"/a2\">LEAK Harbour fees to rise next year</a> The council "
                    "wants to pay for new cranes.</li>"
                    "<li><a href=\"/a3\">LEAK Fishing fleet returns early</a> Storms kept the "
                    "boats in port for a week.</li>"
                    "<li><a href=\"/a4\">LEAK Lighthouse opens to visitors</a> Tours start in "
                    "May and cost five pounds.</li></ul>", "LEAK"},
    {"Advertisement line", "<p>Advertisement</p>", "Advertisement"},
    {"ADVERTISEMENT line in a div", "<div>ADVERTISEMENT</div>", "ADVERTISEMENT"},
    {"Share this line", "<p>Share this:</p>", "Share this"},
};

START_TEST(boilerplate_kind)
{
    char *page = standard_page(BOILERPLATE[_i].html, NULL);
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    ck_assert_msg(a->paragraph_count == NELEM(STANDARD), "%s: %zu paragraphs:%s",
                  BOILERPLATE[_i].name, a->paragraph_count, dump(a));
    expect_texts(a, STANDARD, NELEM(STANDARD));
    expect_absent(a, BOILERPLATE[_i].marker);
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_MARKUP);
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* A page wrapped entirely in one <form> (ASP.NET WebForms) keeps its
 * text: the form is the page, not a form in the page. The same for a
 * theme that wraps the whole page in <header> (variant 1). */
START_TEST(page_wrapper_form_or_header)
{
    static const char *const open_tag[] = {
        "<form method=\"post\" action=\"./ferry.aspx\" id=\"aspnetForm\">"
        "<input type=\"hidden\" name=\"__VIEWSTATE\" value=\"abc\">",
        "<header class=\"page-header\">"};
    static const char *const close_tag[] = {"</form>", "</header>"};
    char *page = format("<html><head><title>Ferry terminal approved</title></head><body>%s"
                        "<div id=\"wrapper\"><div class=\"story\">"
                        "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p>"
                        "</div></div>%s</body></html>",
                        open_tag[_i], close_tag[_i]);
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/ferry.aspx", NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* Readability's "maybe" rule: a weak word ("header", "modal") does not
 * remove an element whose class also says article-body / entry-content;
 * the same weak word alone does. */
START_TEST(weak_word_with_content_word_kept)
{
    static const char page[] =
        "<html><body><div class=\"page\"><article>"
        "<p>" P1 "</p>"
        "<div class=\"article-body header-offset\"><p>" P2 "</p></div>"
        "<div class=\"modal-enabled\"><p>LEAK A modal box with text that reads like a sentence "
        "of the story.</p></div>"
        "<div class=\"entry-content modal-enabled\"><p>" P3 "</p></div>"
        "<div class=\"header\"><p>LEAK A header box with text that reads like a sentence of "
        "the story.</p></div>"
        "<p>" P4 "</p>"
        "</article></div></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    expect_absent(a, "LEAK");
    newsmeta_article_free(a);
}
END_TEST

/* A wrapper whose class contains a junk word ("ad" in "non-ad-column")
 * but which holds most of the page's text is the page, not an ad. */
START_TEST(unlucky_wrapper_kept)
{
    static const char page[] =
        "<html><body>"
        "<div class=\"non-ad-column\"><div class=\"story\">"
        "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p>"
        "</div></div>"
        "<div class=\"ad-column\"><p>LEAK Buy the new ferry pass today and save.</p></div>"
        "</body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    expect_absent(a, "LEAK");
    newsmeta_article_free(a);
}
END_TEST

/* Everything at once, around and inside the article: the page chrome
 * outside, the widgets inside. */
START_TEST(boilerplate_all_together)
{
    char *middle = NULL;
    size_t total = 0;
    for (size_t i = 0; i < NELEM(BOILERPLATE); i++)
        total += strlen(BOILERPLATE[i].html);
    middle = malloc(total + 1);
    ck_assert_ptr_nonnull(middle);
    middle[0] = '\0';
    for (size_t i = 0; i < NELEM(BOILERPLATE); i++)
        strcat(middle, BOILERPLATE[i].html);
    /* the widgets inside hold far less than the article: pad the article */
    char *page = format(
        "<html><head><title>Ferry terminal approved | Harbour Times</title></head><body>"
        "<header class=\"site-header\"><a href=\"/\">Harbour Times</a></header>"
        "<nav><a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
        "<div class=\"page\"><article>"
        "<p>" P1 "</p><p>" P2 "</p>%s<p>" P3 "</p><p>" P4 "</p>"
        "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p>"
        "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p>"
        "</article><aside class=\"sidebar\"><p>LEAK sidebar.</p></aside></div>"
        "<footer><p>LEAK Copyright Harbour Times.</p></footer></body></html>",
        middle);
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    const char *const want[] = {P1, P2, P3, P4, P1, P2, P3, P4, P1, P2, P3, P4};
    expect_texts(a, want, NELEM(want));
    for (size_t i = 0; i < NELEM(BOILERPLATE); i++)
        expect_absent(a, BOILERPLATE[i].marker);
    newsmeta_article_free(a);
    free(page);
    free(middle);
}
END_TEST

/* ---- 2. structure ------------------------------------------------------------ */

#define HEADLINE "Harbour authority approves new ferry terminal"

START_TEST(structure_kinds_and_order)
{
    static const char page[] =
        "<html><head><title>" HEADLINE " | Harbour Times</title>"
        "<meta property=\"og:title\" content=\"" HEADLINE "\"></head><body>"
        "<article>"
        "<h1>" HEADLINE "</h1>"
        "<p>By Jane Doe | 11/18/19 11:04 PM EST</p>"
        "<p>" P1 "</p>"
        "<h2>A long dispute</h2>"
        "<p>" P2 "</p>"
        "<figure><img src=\"/img/ferry.jpg\" alt=\"\"><figcaption>The ferry at dawn, seen from "
        "the old pier. Photo: Ann Lee</figcaption></figure>"
        "<blockquote><p>This is the best news the old town has had in years.</p></blockquote>"
        "<h3>What happens next</h3>"
        "<ul><li>Work on the quay starts in April.</li><li>The terminal opens next "
        "autumn.</li></ul>"
        "<pre>Day      Sailings\n"
        "Monday   4\n"
        "  Sunday 2</pre>"
        "<p>" P3 "</p>"
        "<p>" P4 "</p>"
        "</article></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    ck_assert_str_eq(a->headline, HEADLINE);
    static const struct {
        newsmeta_paragraph_kind kind;
        int level;
        const char *text;
    } want[] = {
        {NEWSMETA_PARAGRAPH, 0, P1},
        {NEWSMETA_HEADING, 2, "A long dispute"},
        {NEWSMETA_PARAGRAPH, 0, P2},
        {NEWSMETA_QUOTE, 0, "This is the best news the old town has had in years."},
        {NEWSMETA_HEADING, 3, "What happens next"},
        {NEWSMETA_LIST_ITEM, 0, "Work on the quay starts in April."},
        {NEWSMETA_LIST_ITEM, 0, "The terminal opens next autumn."},
        {NEWSMETA_PREFORMATTED, 0, "Day      Sailings\nMonday   4\n  Sunday 2"},
        {NEWSMETA_PARAGRAPH, 0, P3},
        {NEWSMETA_PARAGRAPH, 0, P4},
    };
    ck_assert_msg(a->paragraph_count == NELEM(want), "%zu paragraphs:%s", a->paragraph_count,
                  dump(a));
    for (size_t i = 0; i < NELEM(want); i++) {
        const newsmeta_paragraph *p = &a->paragraphs[i];
        ck_assert_msg(p->kind == want[i].kind && p->level == want[i].level &&
                          strcmp(p->text, want[i].text) == 0,
                      "paragraph %zu, expected %s/%d \"%s\":%s", i,
                      newsmeta_paragraph_kind_name(want[i].kind), want[i].level, want[i].text,
                      dump(a));
        ck_assert_uint_eq(p->length, strlen(p->text));
    }
    /* the caption is kept apart */
    ck_assert_uint_eq(a->caption_count, 1);
    ck_assert_str_eq(a->captions[0], "The ferry at dawn, seen from the old pier. Photo: Ann Lee");
    expect_absent(a, "ferry at dawn");
    /* neither the headline nor the byline line is body text */
    expect_absent(a, "Harbour authority approves");
    expect_absent(a, "Jane Doe");
    expect_absent(a, "11:04");
    newsmeta_article_free(a);
}
END_TEST

/* NBSP, zero-width spaces, tabs, newlines and runs of spaces: one space
 * between words, none at the ends, zero-width characters gone. */
START_TEST(whitespace_normalized)
{
    static const char page[] =
        "<html><body><article>"
        "<p>\n\t  The harbour&nbsp;authority \xC2\xA0 approved   the\tnew ferry\n\nterminal "
        "on Mon\xE2\x80\x8B" "day after a planning dispute that lasted four years. &nbsp;</p>"
        "<p>Construction is due to begin in the spring and the first boats should dock "
        "at the\xE2\x80\x83terminal next autumn.\xE2\x80\x8B</p>"
        "<p>" P3 "</p><p>" P4 "</p>"
        "</article></body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    newsmeta_article_free(a);
}
END_TEST

/* A headline <h1> repeated inside the body container, and a byline line
 * in its own <div> with a | separator, are not repeated in the body; an
 * <h2> that is not the headline stays. */
START_TEST(headline_and_byline_not_in_body)
{
    static const char page[] =
        "<html><head><title>" HEADLINE " - Harbour Times</title></head><body>"
        "<div id=\"main\"><div class=\"story-body\">"
        "<h1>" HEADLINE "</h1>"
        "<div>By Jane Doe | 11/18/19 11:04 PM EST</div>"
        "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p>"
        "</div></div></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    ck_assert_str_eq(a->headline, HEADLINE);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    expect_absent(a, "Jane Doe");
    newsmeta_article_free(a);
}
END_TEST

/* "Read more: Title", "Also read: Title" and "Related: Title" lines inside
 * the body become related links (with the href when the line is a link)
 * after the paragraph they follow, not paragraphs. */
START_TEST(related_lines_become_links)
{
    static const char page[] =
        "<html><body><article>"
        "<p>" P1 "</p>"
        "<p>Read more: <a href=\"/news/old-ferry\">Old ferry makes its last crossing</a></p>"
        "<p>" P2 "</p>"
        "<p>Also read: Harbour fees to rise next year</p>"
        "<p>" P3 "</p>"
        "<p><a href=\"https://other.example.test/fleet\">Related: Fishing fleet returns "
        "early</a></p>"
        "<p>" P4 "</p>"
        "</article></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    ck_assert_uint_eq(a->link_count, 3);
    static const struct {
        const char *href, *text;
        long paragraph;
    } want[] = {
        {"https://harbour.example.test/news/old-ferry", "Old ferry makes its last crossing", 0},
        {NULL, "Harbour fees to rise next year", 1},
        {"https://other.example.test/fleet", "Fishing fleet returns early", 2},
    };
    for (size_t i = 0; i < NELEM(want); i++) {
        const newsmeta_link *l = &a->links[i];
        ck_assert_int_eq(l->kind, NEWSMETA_LINK_RELATED);
        ck_assert_str_eq(l->text, want[i].text);
        if (want[i].href)
            ck_assert_str_eq(l->href, want[i].href);
        else
            ck_assert_ptr_null(l->href);
        ck_assert_int_eq(l->paragraph, want[i].paragraph);
        ck_assert_uint_eq(l->start, l->end);
    }
    expect_absent(a, "Read more");
    expect_absent(a, "Also read");
    expect_absent(a, "Related");
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* ---- 3. sibling merging ---------------------------------------------------- */

/* The lead paragraph in a <div> of its own before the main text, and the
 * rest of the body in a second <div> after an inline ad: all of it, in
 * order. The sidebar of short link lines beside them is not merged.
 * Variant 0 has the blocks inside one layout <div> (their common ancestor
 * is found from the top candidates); variant 1 has them right under
 * <body>, where only the sibling merge of the top container can join
 * them. */
START_TEST(siblings_merged_in_order)
{
    char *page = format(
        "<html><head><title>Ferry terminal approved</title></head><body>%s"
        "<div class=\"intro\"><p>" P1 "</p></div>"
        "<div class=\"story-text\">"
        "<p>" P2 "</p>"
        "<p>Engineers will first dredge the channel, then build the quay, the waiting hall, "
        "the car park and a new road to the ring road, at a cost of forty million.</p>"
        "<p>" P3 "</p>"
        "</div>"
        "<div class=\"ad-slot\">Advertisement</div>"
        "<div class=\"story-text\">"
        "<p>" P4 "</p>"
        "<p>The ruling can be appealed within six weeks of its publication in the "
        "official gazette.</p>"
        "</div>"
        "<div class=\"links\">"
        "<p><a href=\"/a\">Ferry timetable</a></p>"
        "<p><a href=\"/b\">Harbour webcam</a></p>"
        "<p><a href=\"/c\">Tide tables</a></p>"
        "<p><a href=\"/d\">Parking in the old town</a></p>"
        "</div>"
        "%s</body></html>",
        _i == 0 ? "<div class=\"layout\">" : "", _i == 0 ? "</div>" : "");
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    const char *const want[] = {
        P1, P2,
        "Engineers will first dredge the channel, then build the quay, the waiting hall, the "
        "car park and a new road to the ring road, at a cost of forty million.",
        P3, P4,
        "The ruling can be appealed within six weeks of its publication in the official "
        "gazette."};
    expect_texts(a, want, NELEM(want));
    expect_absent(a, "Advertisement");
    expect_absent(a, "timetable");
    expect_absent(a, "webcam");
    expect_absent(a, "Tide tables");
    expect_absent(a, "Parking");
    ck_assert_uint_eq(a->link_count, 0);
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* A sidebar beside the article, made of short lines around links (which
 * would pass the per-line filters: they are sentences, mostly not link
 * text): the article is taken, the sidebar is not merged with it,
 * whichever side of the article it sits on. */
START_TEST(sidebar_sibling_not_merged)
{
    static const char sidebar[] =
        "<div class=\"col\"><h3>LEAK On the waterfront</h3>"
        "<p>LEAK See the <a href=\"/a\">ferry timetable</a> for this week.</p>"
        "<p>LEAK Watch the <a href=\"/b\">harbour webcam</a> all day long.</p>"
        "<p>LEAK Check the <a href=\"/c\">tide tables</a> before you sail.</p>"
        "<p><a href=\"/d\">LEAK Parking in the old town</a></p></div>";
    char *page = format("<html><head><title>Ferry terminal approved</title></head><body>%s"
                        "<div class=\"col\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4
                        "</p></div>%s</body></html>",
                        _i == 0 ? sidebar : "", _i == 0 ? "" : sidebar);
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    expect_absent(a, "LEAK");
    ck_assert_uint_eq(a->link_count, 0);
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* ---- 4. fallbacks ------------------------------------------------------------ */

/* (a) The markup has almost nothing (the text is rendered by a script),
 * but the JSON-LD NewsArticle carries the articleBody: one paragraph per
 * line, entities decoded, source JSONLD. */
START_TEST(fallback_jsonld_article_body)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Ferry terminal approved\","
        "\"articleBody\":\"" P1 "\\n" P2 "\\n\\n" P3 "\\n  \\n" P4 "\\nR&amp;D money "
        "will pay for the new quay.\"}</script>"
        "</head><body><div id=\"app\"><p>Loading\xE2\x80\xA6</p></div>"
        "<script src=\"/app.js\"></script></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    const char *const want[] = {P1, P2, P3, P4, "R&D money will pay for the new quay."};
    expect_texts(a, want, NELEM(want));
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_JSONLD);
    expect_absent(a, "Loading");
    newsmeta_article_free(a);
}
END_TEST

/* The same articleBody does not replace a markup body that already holds
 * the text. */
START_TEST(jsonld_article_body_not_used_when_markup_has_text)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Ferry terminal approved\","
        "\"articleBody\":\"JSON " P1 "\\nJSON " P2 "\"}</script>"
        "</head><body><article><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p>"
        "</article></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_MARKUP);
    newsmeta_article_free(a);
}
END_TEST

/* The articleBody replaces the markup's body whole: its paragraphs and
 * the links that pointed into them. */
START_TEST(jsonld_article_body_replaces_markup_links)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Ferry terminal approved\","
        "\"articleBody\":\"" P1 "\\n" P2 "\\n" P3 "\\n" P4 "\"}</script>"
        "</head><body><div id=\"app\"><p>Follow the <a href=\"/live\">live coverage</a> "
        "here.</p></div></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_JSONLD);
    ck_assert_uint_eq(a->link_count, 0);
    newsmeta_article_free(a);
}
END_TEST

/* NEWSMETA_OPT_NO_BODY leaves the articleBody unread too. */
START_TEST(no_body_option_skips_jsonld_article_body)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Ferry terminal approved\","
        "\"articleBody\":\"" P1 "\\n" P2 "\\n" P3 "\\n" P4 "\"}</script>"
        "</head><body><div id=\"app\"></div></body></html>";
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.flags = NEWSMETA_OPT_NO_BODY;
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", &o);
    ck_assert_uint_eq(a->paragraph_count, 0);
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_NONE);
    ck_assert_str_eq(a->headline, "Ferry terminal approved");
    newsmeta_article_free(a);
}
END_TEST

/* (b) No container at all: the text sits right in <body>, split by
 * <br><br>. */
START_TEST(fallback_text_in_body)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title></head><body>"
        P1 "<br><br>" P2 "<br>\n<br>" P3 "<br><br>" P4
        "</body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_MARKUP);
    newsmeta_article_free(a);
}
END_TEST

/* (b) Bare text in <body>, no element around it at all, with inline
 * markup: one paragraph. */
START_TEST(fallback_bare_text)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title></head><body>\n  The harbour "
        "<b>authority</b> approved the new ferry terminal on Monday after a planning dispute "
        "that lasted <i>four years</i>.\n</body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    const char *const want[] = {P1};
    expect_texts(a, want, NELEM(want));
    ck_assert_int_eq(a->sources.body, NEWSMETA_SOURCE_MARKUP);
    newsmeta_article_free(a);
}
END_TEST

/* (b) Text in plain <div>s broken with <br><br>, no <p> anywhere; a
 * single <br> is a space inside a paragraph. */
START_TEST(fallback_divs_with_br)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title></head><body>"
        "<div><div>" P1 "<br><br>" P2 "</div>"
        "<div>Shop owners in the old town welcomed the decision<br>and said the terminal "
        "would bring thousands of visitors.<br><br>" P4 "</div></div>"
        "</body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    expect_texts(a, STANDARD, NELEM(STANDARD));
    newsmeta_article_free(a);
}
END_TEST

/* (c) The second opinion. One block full of commas wins the scores by
 * far, but the story's other paragraphs sit in small sibling wrappers
 * that score too low to be merged; the chosen container then holds less
 * than half of the page's prose and is widened, so all of it comes out,
 * in order. (The comma block alone is over 200 characters, so the
 * whole-body fallback for a near-empty result does not apply.) */
#define COMMAS "The terminal will have a waiting hall, a cafe, a ticket office, a bicycle " \
               "park, a taxi rank, a bus stop, a playground, a viewing deck, a chapel, a " \
               "first-aid room, a police post, a customs office, toilets, showers, lockers, " \
               "and a small museum of the harbour, its boats, its people, and its trade."
#define W1 "The harbour authority took the decision on Monday after four years of argument " \
           "in the council chamber and in the courts."
#define W2 "Residents who live near the quay had feared that the extra traffic would make " \
           "their narrow streets unsafe for children."
#define W3 "The authority promised that lorries would use a new road to the ring road and " \
           "never pass through the old town itself."
#define W4 "Building work is expected to last two years and to employ about three hundred " \
           "people from the town and the villages nearby."
#define W5 "The first ferry to use the terminal will sail to the islands in the spring of the " \
           "year after next if the work keeps to time."

START_TEST(second_opinion_widens_container)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title></head><body>"
        "<div class=\"facts\"><p>" COMMAS "</p></div>"
        "<div class=\"w\"><p>" W1 "</p></div>"
        "<div class=\"w\"><p>" W2 "</p></div>"
        "<div class=\"w\"><p>" W3 "</p></div>"
        "<div class=\"w\"><p>" W4 "</p></div>"
        "<div class=\"w\"><p>" W5 "</p></div>"
        "</body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    const char *const want[] = {COMMAS, W1, W2, W3, W4, W5};
    expect_texts(a, want, NELEM(want));
    newsmeta_article_free(a);
}
END_TEST

/* ---- 5. link offsets ---------------------------------------------------------- */

/* Links against <base href> (which wins over the page URL): a link at the
 * start of a paragraph with markup inside, entities in the anchor text,
 * non-ASCII text (and an NBSP) before a link, two links in a paragraph, a
 * link at the very end; javascript:, empty and fragment-only hrefs and a
 * bare <a name> give no link and keep their text. */
START_TEST(link_offsets_with_base)
{
    static const char page[] =
        "<html><head><base href=\"https://cdn.example.test/base/dir/\">"
        "<title>Ferry terminal approved</title></head><body><article>"
        /* 0: link at the start, inline markup inside the anchor */
        "<p><a href=\"/start\"><b>The harbour</b> <i>authority</i></a> approved the new ferry "
        "terminal on Monday after a planning dispute that lasted four years.</p>"
        /* 1: non-ASCII before the link, an entity in its text, two links */
        "<p>At the caf\xC3\xA9 in Z\xC3\xBCrich \xE2\x80\x94 \xE2\x80\x9Cwe\xE2\x80\x9D&nbsp;"
        "said <a href=\"news/one.html\">Smith &amp; Sons</a> \xE2\x80\x94 and "
        "<a href=\"https://other.example.test/x?a=1&amp;b=2\">the &lt;port&gt; board</a> "
        "agreed that the terminal would bring visitors.</p>"
        /* 2: dead anchors, then a link at the very end */
        "<p>Details are <a href=\"javascript:void(0)\">here</a>, <a href=\"\">there</a>, "
        "<a href=\"#top\">at the top</a> and <a name=\"x\">nowhere</a>, and the full "
        "ruling, which runs to ninety pages, is in <a href=\"../docs/ruling.pdf\">the "
        "court&#39;s ruling</a></p>"
        "<p>" P4 "</p>"
        "</article></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/ferry", NULL);
    const char *const want[] = {
        "The harbour authority approved the new ferry terminal on Monday after a planning "
        "dispute that lasted four years.",
        "At the caf\xC3\xA9 in Z\xC3\xBCrich \xE2\x80\x94 \xE2\x80\x9Cwe\xE2\x80\x9D said "
        "Smith & Sons \xE2\x80\x94 and the <port> board agreed that the terminal would bring "
        "visitors.",
        "Details are here, there, at the top and nowhere, and the full ruling, which runs to "
        "ninety pages, is in the court's ruling",
        P4};
    expect_texts(a, want, NELEM(want));
    ck_assert_uint_eq(a->link_count, 4);
    expect_link(a, 0, "https://cdn.example.test/start", "The harbour authority", 0, 0);
    expect_link(a, 1, "https://cdn.example.test/base/dir/news/one.html", "Smith & Sons", 1,
                offset_in(a, 1, "Smith"));
    expect_link(a, 2, "https://other.example.test/x?a=1&b=2", "the <port> board", 1,
                offset_in(a, 1, "the <port>"));
    size_t ruling = offset_in(a, 2, "the court's ruling");
    expect_link(a, 3, "https://cdn.example.test/base/docs/ruling.pdf", "the court's ruling", 2,
                ruling);
    ck_assert_uint_eq(a->links[3].end, a->paragraphs[2].length); /* the very end */
    /* the byte offset counts UTF-8 bytes, not characters */
    ck_assert_uint_eq(a->links[1].start, strlen("At the caf\xC3\xA9 in Z\xC3\xBCrich \xE2\x80\x94 "
                                                "\xE2\x80\x9Cwe\xE2\x80\x9D said "));
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* Without <base>, relative hrefs resolve against the page URL; the
 * anchor's own surrounding spaces are not part of its text. */
START_TEST(link_offsets_page_url)
{
    static const char page[] =
        "<html><head><title>Ferry terminal approved</title></head><body><article>"
        "<p>" P1 "</p>"
        "<p>The plan,<a href=\"plans/terminal.pdf\"> published in full </a>, covers the "
        "quay and the <a href=\"//maps.example.test/harbour\">harbour</a>.</p>"
        "<p>" P3 " <a href=\"?page=2\">Next page</a> <a href=\"JAVASCRIPT:next()\">more</a></p>"
        "<p>" P4 "</p>"
        "</article></body></html>";
    newsmeta_article *a = nm_parse_str(page, "https://harbour.example.test/news/2024/ferry.html",
                                       NULL);
    const char *const want[] = {
        P1, "The plan, published in full , covers the quay and the harbour.",
        P3 " Next page more", P4};
    expect_texts(a, want, NELEM(want));
    ck_assert_uint_eq(a->link_count, 3);
    expect_link(a, 0, "https://harbour.example.test/news/2024/plans/terminal.pdf",
                "published in full", 1, strlen("The plan, "));
    expect_link(a, 1, "https://maps.example.test/harbour", "harbour", 1,
                strlen("The plan, published in full , covers the quay and the "));
    expect_link(a, 2, "https://harbour.example.test/news/2024/ferry.html?page=2", "Next page", 2,
                strlen(P3 " "));
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

/* ---- suite -------------------------------------------------------------------- */

/* Links a crawler would follow into trouble (issue 17): schemes hidden
 * by tabs, line breaks and leading controls, schemes other than http(s),
 * credentials, a <base> that is no web address, a long href with trailing
 * spaces and multi-byte characters. Only http(s) links come out, each
 * absolute, whole and valid UTF-8. */
START_TEST(hostile_links_are_never_followable)
{
    static const char *const HOSTILE[] = {
        "java&#9;script:alert(1)", "java&#10;script:alert(1)", "&#12;javascript:alert(1)",
        " JAVASCRIPT:alert(1)", "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://files.test/x",
        "blob:https://news.example.test/1", "intent://x#Intent;end", "view-source:https://x.test/",
        "about:blank", "data:text/html,hi", "mailto:desk@example.test", "tel:+15550100",
        "#top", "   "};
    char page[16384];
    size_t n = (size_t)snprintf(page, sizeof page,
                                "<html><head><base href=\"file:///etc/\"></head><body><article>"
                                "<p>The harbour ferry returned to service on Monday after a "
                                "month of repairs, the operator said in a statement.");
    for (size_t i = 0; i < sizeof HOSTILE / sizeof *HOSTILE; i++)
        n += (size_t)snprintf(page + n, sizeof page - n, " <a href=\"%s\">link %zu</a>",
                              HOSTILE[i], i);
    n += (size_t)snprintf(page + n, sizeof page - n,
                          " <a href=\"https://user:secret@example.test/kept\">creds</a>"
                          " <a href=\"/relative\">rel</a>"
                          " <a href=\"ht&#9;tps://example.test/tab\">tab</a>"
                          " <a href=\"https://example.test/");
    for (int i = 0; i < 1200; i++) /* 2,400 bytes of é, then spaces */
        n += (size_t)snprintf(page + n, sizeof page - n, "\xC3\xA9");
    snprintf(page + n, sizeof page - n,
             "      \">long</a> Passengers welcomed the return of the crossing.</p>"
             "</article></body></html>");
    newsmeta_article *a = nm_parse_str(page, "https://news.example.test/story", NULL);
    ck_assert_uint_eq(a->link_count, 4);
    ck_assert_str_eq(a->links[0].href, "https://example.test/kept"); /* no credentials */
    ck_assert_str_eq(a->links[1].href, "https://news.example.test/relative"); /* <base> ignored */
    ck_assert_str_eq(a->links[2].href, "https://example.test/tab");
    const char *lng = a->links[3].href;
    ck_assert_msg(!strncmp(lng, "https://example.test/", 21), "%s", lng);
    /* whole: every é is there, percent-encoded, nothing cut */
    ck_assert_uint_eq(strlen(lng), 21 + 1200 * 6);
    for (size_t i = 0; i < a->link_count; i++) {
        const char *h = a->links[i].href;
        ck_assert_msg(!strncmp(h, "https://", 8) || !strncmp(h, "http://", 7), "%s", h);
        for (const char *c = h; *c; c++)
            ck_assert_msg((unsigned char)*c > 0x20 && (unsigned char)*c < 0x7F,
                          "href holds byte 0x%02x", (unsigned char)*c);
    }
    nm_check_link_offsets(a);
    newsmeta_article_free(a);
}
END_TEST

static Suite *content_suite(void)
{
    Suite *s = suite_create("content");
    TCase *tc = tcase_create("boilerplate");
    tcase_add_loop_test(tc, boilerplate_kind, 0, (int)NELEM(BOILERPLATE));
    tcase_add_loop_test(tc, page_wrapper_form_or_header, 0, 2);
    tcase_add_test(tc, weak_word_with_content_word_kept);
    tcase_add_test(tc, unlucky_wrapper_kept);
    tcase_add_test(tc, boilerplate_all_together);
    suite_add_tcase(s, tc);

    tc = tcase_create("structure");
    tcase_add_test(tc, structure_kinds_and_order);
    tcase_add_test(tc, whitespace_normalized);
    tcase_add_test(tc, headline_and_byline_not_in_body);
    tcase_add_test(tc, related_lines_become_links);
    suite_add_tcase(s, tc);

    tc = tcase_create("siblings");
    tcase_add_loop_test(tc, siblings_merged_in_order, 0, 2);
    tcase_add_loop_test(tc, sidebar_sibling_not_merged, 0, 2);
    suite_add_tcase(s, tc);

    tc = tcase_create("fallbacks");
    tcase_add_test(tc, fallback_jsonld_article_body);
    tcase_add_test(tc, jsonld_article_body_not_used_when_markup_has_text);
    tcase_add_test(tc, jsonld_article_body_replaces_markup_links);
    tcase_add_test(tc, no_body_option_skips_jsonld_article_body);
    tcase_add_test(tc, fallback_text_in_body);
    tcase_add_test(tc, fallback_bare_text);
    tcase_add_test(tc, fallback_divs_with_br);
    tcase_add_test(tc, second_opinion_widens_container);
    suite_add_tcase(s, tc);

    tc = tcase_create("links");
    tcase_add_test(tc, link_offsets_with_base);
    tcase_add_test(tc, link_offsets_page_url);
    tcase_add_test(tc, hostile_links_are_never_followable);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(content_suite());
}
