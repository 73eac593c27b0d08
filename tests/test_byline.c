/* Authors and headline as a newsroom writes them, through the public API
 * on small synthetic pages:
 *
 *   - bylines: one table row per byline as printed (plain text or a bit of
 *     markup), in many languages, with the exact persons credited and the
 *     agency or desk credited beside or instead of them;
 *   - structured credits: JSON-LD (Person, Organization, arrays, strings,
 *     @id references into @graph), <meta name=author>, article:author
 *     profile URLs, rel=author, itemprop=author, and how they are
 *     reconciled with the byline as printed;
 *   - headlines: the consensus of JSON-LD headline, og:title,
 *     twitter:title, <h1> and <title>, without the site name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define PAGE_URL "https://www.dailyplanet.example/news/2021/03/harbour-bridge"

/* Enough prose for a body. */
#define BODY                                                                                     \
    "<p>The city council approved the plan for a new harbour bridge on Tuesday evening, "       \
    "ending a debate that had divided the town for almost three years.</p>"                     \
    "<p>Work is due to start in the spring, and the bridge should open to traffic within "      \
    "two years, officials said after the vote.</p>"

/* Authors of an article as "A|B|C" ("" for none). */
static char *joined(const newsmeta_article *a)
{
    size_t n = 1;
    for (size_t i = 0; i < a->author_count; i++)
        n += strlen(a->authors[i]) + 1;
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    s[0] = '\0';
    for (size_t i = 0; i < a->author_count; i++) {
        if (i)
            strcat(s, "|");
        strcat(s, a->authors[i]);
    }
    return s;
}

static void expect_credit(const newsmeta_article *a, const char *authors, const char *agency,
                          const char *what)
{
    char *got = joined(a);
    ck_assert_msg(!strcmp(got, authors), "%s: authors [%s], expected [%s]", what, got, authors);
    free(got);
    if (!agency)
        ck_assert_msg(a->agency == NULL, "%s: agency \"%s\", expected none", what, a->agency);
    else
        ck_assert_msg(a->agency && !strcmp(a->agency, agency), "%s: agency \"%s\", expected \"%s\"",
                      what, a->agency ? a->agency : "(null)", agency);
}

/* ---- bylines ------------------------------------------------------------------ */

typedef struct byline_case {
    const char *lang;
    const char *byline; /* HTML inside <div class="byline"> */
    const char *authors;
    const char *agency;
} byline_case;

static const byline_case BYLINES[] = {
    /* English */
    {"en", "By Jane Doe and John Smith", "Jane Doe|John Smith", NULL},
    {"en", "Jane Doe, John Smith &amp; Ana Ruiz", "Jane Doe|John Smith|Ana Ruiz", NULL},
    {"en", "Reported by: Jane Doe", "Jane Doe", NULL},
    {"en", "Written by Jane Doe | Edited by John Smith", "Jane Doe", NULL},
    {"en", "Jane Doe \xE2\x80\x94 Staff Writer", "Jane Doe", NULL},
    {"en", "By Jane Doe, Reuters", "Jane Doe", "Reuters"},
    {"en", "Jane Doe for The Guardian", "Jane Doe", "The Guardian"},
    {"en", "By Jane Doe @janedoe Nov 18, 2019 at 9:24 pm ET \xE2\x80\xA2 2 min read", "Jane Doe",
     NULL},
    {"en", "By Jane Doe jane.doe@example.com", "Jane Doe", NULL},
    {"en", "By Jane Doe Updated: 5 hours ago", "Jane Doe", NULL},
    {"en", "Jane DoeNovember 19, 2019", "Jane Doe", NULL},
    {"en", "By Staff", "", "Staff"},
    {"en", "By The Associated Press", "", "The Associated Press"},
    {"en", "The Editorial Board", "", "The Editorial Board"},
    {"en", "By Jane Doe and John Smith, Associated Press", "Jane Doe|John Smith",
     "Associated Press"},
    {"en", "Tom Krisher, AP Auto Writer", "Tom Krisher", "AP"},
    {"en", "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER Associated Press",
     "LISA MASCARO|MARY CLARE JALONICK|ERIC TUCKER", "Associated Press"},
    {"en", "Reporting by Jane Doe in London and John Smith in Paris; Editing by Mark Heinrich",
     "Jane Doe|John Smith", NULL},
    {"en", "Photos by John Smith; text by Jane Doe", "Jane Doe", NULL},
    {"en", "Analysis by Chris Cillizza, CNN Editor-at-large", "Chris Cillizza", NULL},
    {"en", "By Jane Doe, Senior Political Correspondent", "Jane Doe", NULL},
    {"en", "By Jane Doe Jr. and John Smith", "Jane Doe Jr.|John Smith", NULL},
    {"en", "By Rachael Link, MS, RD", "Rachael Link", NULL},
    {"en", "Posted by admin", "", NULL},
    {"en", "By jdadmin", "", NULL},
    {"en", "By Staff Reports", "", "Staff Reports"},
    {"en", "PTI, Washington, Nov 20 2019, 10:18am IST", "", "PTI"},
    {"en", "Reuters, Washington", "", "Reuters"},
    {"en", "By Jane Doe / AFP", "Jane Doe", "AFP"},
    {"en", "Jane Doe (AFP)", "Jane Doe", "AFP"},
    {"en", "By Se\xC3\xA1n O'Brien and Jean-Luc Picard", "Se\xC3\xA1n O'Brien|Jean-Luc Picard",
     NULL},
    {"en", "By Ludwig van Beethoven", "Ludwig van Beethoven", NULL},
    {"en", "Finian Cunningham. Sputnik International", "Finian Cunningham",
     "Sputnik International"},
    {"en",
     "<span class=\"name\">Lisa Kaczke and Trevor J. Mitchell</span> <span class=\"pub\">Sioux "
     "Falls Argus Leader</span> <span>Published 10:02 AM EST Nov 19, 2019</span>",
     "Lisa Kaczke|Trevor J. Mitchell", "Sioux Falls Argus Leader"},
    {"en",
     "<a href=\"/u/tg\">Tom Gillespie</a><p>News reporter</p><a "
     "href=\"https://twitter.com/tg\">@TomGillespie1</a>",
     "Tom Gillespie", NULL},
    {"en",
     "By <a href=\"/s/md\">Matthew Digby</a>, <a href=\"/s/mdo\">Minh Do</a> on Monday, "
     "November 18th, 2019",
     "Matthew Digby|Minh Do", NULL},
    {"en", "Kevin Johnson and Kevin McCoy USA TODAY", "Kevin Johnson|Kevin McCoy", "USA TODAY"},
    {"en", "By Daily Planet Staff", "", "Daily Planet Staff"},
    {"en", "By Jane Doe, Daily Planet", "Jane Doe", NULL},
    {"en", "By Regan", "Regan", NULL},
    {"en", "Victor Tangermann, Futurism", "Victor Tangermann", NULL},
    {"en", "The Russian and Syrian defense ministries", "",
     "The Russian and Syrian defense ministries"},
    {"en", "By Dr. Jane Doe", "Dr. Jane Doe", NULL},
    {"en", "By <a href=\"/u/mw\">Molly Woo<span class=\"last\">d</span></a>", "Molly Wood", NULL},
    {"en", "<span>Meg James</span><span>Staff Writer</span>", "Meg James", NULL},
    {"en", "By Jane Doe | 5 min read", "Jane Doe", NULL},
    {"en", "Dan Evon", "Dan Evon", NULL},
    {"en", "Ed Cara", "Ed Cara", NULL},
    {"en", "Von Miller", "Von Miller", NULL},
    {"en", "BY JANE DOE", "JANE DOE", NULL},
    {"en", "Jane Doe is a reporter based in Chicago", "Jane Doe", NULL},
    {"en", "Monday November 18, 2019 7:45 am PST by Joe Rossignol", "Joe Rossignol", NULL},
    {"en", "By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019, 04:05 pm PT",
     "Mike Wuerthele|Malcolm Owen", NULL},
    {"en", "By Theresa May and Lena Sun", "Theresa May|Lena Sun", NULL},
    /* German */
    {"de", "Von Hans M\xC3\xBCller und Eva Schmidt", "Hans M\xC3\xBCller|Eva Schmidt", NULL},
    {"de", "Von Anna Weber, dpa", "Anna Weber", "dpa"},
    {"de", "Geschrieben von Anna Weber", "Anna Weber", NULL},
    {"de", "Autor: Klaus Meyer | Foto: Petra Lang", "Klaus Meyer", NULL},
    {"de", "Von Ursula von der Leyen", "Ursula von der Leyen", NULL},
    {"de", "Von Jan Bauer | Aktualisiert am 19.11.2019", "Jan Bauer", NULL},
    /* Spanish */
    {"es", "Por Mar\xC3\xAD" "a Garc\xC3\xAD" "a y Jos\xC3\xA9 P\xC3\xA9rez",
     "Mar\xC3\xAD" "a Garc\xC3\xAD" "a|Jos\xC3\xA9 P\xC3\xA9rez", NULL},
    {"es", "Por Redacci\xC3\xB3n", "", "Redacci\xC3\xB3n"},
    {"es", "Escrito por Ana Ruiz | Fotos: Luis G\xC3\xB3mez", "Ana Ruiz", NULL},
    {"es", "Por Carlos Fern\xC3\xA1ndez, EFE", "Carlos Fern\xC3\xA1ndez", "EFE"},
    /* Portuguese */
    {"pt", "Por Jo\xC3\xA3o Silva e Maria Souza", "Jo\xC3\xA3o Silva|Maria Souza", NULL},
    {"pt", "<b>05/10/2018</b> - Publicado por: Clarissa Borba - Categoria: <a href=\"/c\">Sa\xC3\xBA"
           "de</a>",
     "Clarissa Borba", NULL},
    {"pt", "Texto: Jo\xC3\xA3o Silva | Edi\xC3\xA7\xC3\xA3o: Pedro Alves", "Jo\xC3\xA3o Silva", NULL},
    {"pt", "Por Ana Lima \xE2\x80\x93 Ag\xC3\xAAncia Brasil", "Ana Lima", "Ag\xC3\xAAncia Brasil"},
    /* French */
    {"fr", "Par Jean Dupont et Marie Curie", "Jean Dupont|Marie Curie", NULL},
    {"fr", "Par Jean Dupont, AFP", "Jean Dupont", "AFP"},
    {"fr", "\xC3\x89" "crit par Sophie Martin", "Sophie Martin", NULL},
    {"fr", "Par Jean Dupont | Mis \xC3\xA0 jour le 19/11/2019", "Jean Dupont", NULL},
    /* Italian */
    {"it", "Di Marco Rossi e Luca Bianchi", "Marco Rossi|Luca Bianchi", NULL},
    {"it", "Scritto da Giulia Verdi", "Giulia Verdi", NULL},
    {"it", "di Paolo Di Maria", "Paolo Di Maria", NULL},
    {"it", "Di Marco Rossi, ANSA", "Marco Rossi", "ANSA"},
    /* Dutch */
    {"nl", "Door Jan de Vries en Piet Jansen", "Jan de Vries|Piet Jansen", NULL},
    {"nl", "Door Sanne Bakker, ANP", "Sanne Bakker", "ANP"},
    /* Swedish, Norwegian, Danish */
    {"sv", "Av Anna Svensson och Erik Berg", "Anna Svensson|Erik Berg", NULL},
    {"no", "Skrevet av Ola Nordmann og Kari Nordmann", "Ola Nordmann|Kari Nordmann", NULL},
    {"da", "Af Mette Hansen, Ritzau", "Mette Hansen", "Ritzau"},
    /* Polish, Czech, Finnish, Hungarian, Turkish, Indonesian */
    {"pl", "Autor: Jan Kowalski i Anna Nowak", "Jan Kowalski|Anna Nowak", NULL},
    {"cs", "Autor: Petr Nov\xC3\xA1k", "Petr Nov\xC3\xA1k", NULL},
    {"fi", "Teksti: Matti Virtanen", "Matti Virtanen", NULL},
    {"hu", "Szerz\xC5\x91: Kov\xC3\xA1" "cs Anna", "Kov\xC3\xA1" "cs Anna", NULL},
    {"tr", "Yazar: Ahmet Y\xC4\xB1lmaz ve Ay\xC5\x9F" "e Demir",
     "Ahmet Y\xC4\xB1lmaz|Ay\xC5\x9F" "e Demir", NULL},
    {"id", "Oleh Budi Santoso dan Siti Aminah", "Budi Santoso|Siti Aminah", NULL},
    /* Russian, Ukrainian */
    {"ru", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD "
           "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2",
     "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2", NULL},
    {"ru", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B: \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD "
           "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2 \xD0\xB8 \xD0\x9C\xD0\xB0\xD1\x80"
           "\xD0\xB8\xD1\x8F \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0",
     "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2|\xD0\x9C"
     "\xD0\xB0\xD1\x80\xD0\xB8\xD1\x8F \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0",
     NULL},
    {"ru", "\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82: \xD0\x9B\xD0\xB8\xD0\xB4\xD0\xB0 "
           "\xD0\x91\xD1\x83\xD1\x81\xD0\xBB\xD0\xB0\xD0\xB5\xD0\xB2\xD0\xB0",
     "\xD0\x9B\xD0\xB8\xD0\xB4\xD0\xB0 \xD0\x91\xD1\x83\xD1\x81\xD0\xBB\xD0\xB0\xD0\xB5\xD0\xB2"
     "\xD0\xB0",
     NULL},
    {"ru", "\xD0\x93\xD0\xBE\xD1\x81\xD1\x82\xD1\x8C", "", NULL}, /* Гость: a guest account */
    {"uk", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: \xD0\x9E\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB0 "
           "\xD0\x9A\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBB\xD1\x8C",
     "\xD0\x9E\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB0 \xD0\x9A\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBB\xD1\x8C",
     NULL},
    /* Korean, Japanese, Chinese */
    {"ko", "\xED\x99\x8D\xEA\xB8\xB8\xEB\x8F\x99 \xEA\xB8\xB0\xEC\x9E\x90", /* 홍길동 기자 */
     "\xED\x99\x8D\xEA\xB8\xB8\xEB\x8F\x99", NULL},
    {"ko", "\xEC\xB9\xBC\xEB\x9F\xBC\xEB\x8B\x88\xEC\x8A\xA4\xED\x8A\xB8 "
           "\xEB\xB0\x95\xEC\x83\x9D\xEA\xB0\x95", /* 칼럼니스트 박생강 */
     "\xEB\xB0\x95\xEC\x83\x9D\xEA\xB0\x95", NULL},
    {"ko", "\xEA\xB9\x80\xEC\xB2\xA0\xEC\x88\x98\xEA\xB8\xB0\xEC\x9E\x90 kim@example.com",
     "\xEA\xB9\x80\xEC\xB2\xA0\xEC\x88\x98", NULL}, /* 김철수기자 */
    {"ja", "\xE6\x96\x87\xEF\xBC\x9A\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E", /* 文：山田太郎 */
     "\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E", NULL},
    {"ja", "by \xE3\x83\xA9\xE3\x82\xA4\xE3\x83\x88\xE3\x83\x8F\xE3\x82\xA6\xE3\x82\xB9\xE5\x9B\xBD"
           "\xE9\x9A\x9B\xE7\x89\xB9\xE8\xA8\xB1\xE4\xBA\x8B\xE5\x8B\x99\xE6\x89\x80",
     "", "\xE3\x83\xA9\xE3\x82\xA4\xE3\x83\x88\xE3\x83\x8F\xE3\x82\xA6\xE3\x82\xB9\xE5\x9B\xBD\xE9"
         "\x9A\x9B\xE7\x89\xB9\xE8\xA8\xB1\xE4\xBA\x8B\xE5\x8B\x99\xE6\x89\x80"}, /* an office */
    {"zh", "\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A\xE5\xBC\xA0\xE4\xB8\x89", /* 作者：张三 */
     "\xE5\xBC\xA0\xE4\xB8\x89", NULL},
};

#define NBYLINES (int)(sizeof BYLINES / sizeof *BYLINES)

static char *byline_page(const char *byline)
{
    static const char FMT[] =
        "<html><head><title>Council approves harbour bridge | Daily Planet</title>"
        "<meta property=\"og:site_name\" content=\"Daily Planet\"></head><body><article>"
        "<h1>Council approves harbour bridge</h1><div class=\"byline\">%s</div>" BODY
        "</article></body></html>";
    size_t n = sizeof FMT + strlen(byline);
    char *page = malloc(n);
    ck_assert_ptr_nonnull(page);
    snprintf(page, n, FMT, byline);
    return page;
}

START_TEST(byline_table)
{
    const byline_case *c = &BYLINES[_i];
    char *page = byline_page(c->byline);
    newsmeta_article *a = nm_parse_str(page, PAGE_URL, NULL);
    char what[600];
    snprintf(what, sizeof what, "[%s] %s", c->lang, c->byline);
    expect_credit(a, c->authors, c->agency, what);
    /* the byline as printed is kept, without element boundaries */
    if (a->byline)
        for (const char *p = a->byline; *p; p++)
            ck_assert_msg((unsigned char)*p >= 0x20, "%s: control byte in byline", what);
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* The table covers what the issue asks for. */
START_TEST(byline_table_coverage)
{
    ck_assert_int_ge(NBYLINES, 80);
    const char *langs[64];
    int nl = 0;
    for (int i = 0; i < NBYLINES; i++) {
        bool seen = false;
        for (int k = 0; k < nl && !seen; k++)
            seen = !strcmp(langs[k], BYLINES[i].lang);
        if (!seen && nl < 64)
            langs[nl++] = BYLINES[i].lang;
    }
    ck_assert_int_ge(nl, 8);
}
END_TEST

/* The byline shown: from its label to where it stops naming people. */
typedef struct shown_case {
    const char *byline; /* HTML inside <div class="byline"> */
    const char *shown;  /* newsmeta_article::byline */
} shown_case;

static const shown_case SHOWN[] = {
    {"By Jane Doe and John Smith Updated Nov 19, 2019, 10:31 pm CST", "By Jane Doe and John Smith"},
    {"<b>05/10/2018</b> - Publicado por: Clarissa Borba - Categoria: Sa\xC3\xBA"
     "de",
     "Publicado por: Clarissa Borba"},
    {"<span>Tanza Loudenback</span>, <span>Business Insider</span>",
     "Tanza Loudenback, Business Insider"},
    /* the credits of other roles are not the byline */
    {"Photos by John Smith; text by Jane Doe", "text by Jane Doe"},
    {"By Jane Doe Reviewed by John Smith, MD", "By Jane Doe"},
    /* a date in an element of its own, then the name */
    {"<span>Dec 17, 2025</span><span>Jane Doe</span>", "Jane Doe"},
};

#define NSHOWN (int)(sizeof SHOWN / sizeof *SHOWN)

START_TEST(byline_as_printed)
{
    const shown_case *c = &SHOWN[_i];
    char *page = byline_page(c->byline);
    newsmeta_article *a = nm_parse_str(page, PAGE_URL, NULL);
    ck_assert_msg(a->byline && !strcmp(a->byline, c->shown), "%s: byline \"%s\", expected \"%s\"",
                  c->byline, a->byline ? a->byline : "(null)", c->shown);
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* ---- structured credits --------------------------------------------------------- */

/* Prose long enough that the page shows its text: names given only by
 * the metadata are then checked against it. */
#define LONG_BODY                                                                                \
    BODY "<p>Engineers presented three designs during the hearing, and residents asked "         \
         "questions about noise, traffic and the cost of maintenance over the coming decades.</p>" \
         "<p>The mayor said the bridge would relieve the old ferry crossing, which carries more "  \
         "than four thousand passengers a day in summer and is often delayed by storms.</p>"       \
         "<p>A public consultation on the final design will run until the end of the month, "      \
         "with exhibitions in the library and the town hall on weekday afternoons.</p>"

typedef struct meta_case {
    const char *name;
    const char *head;   /* inside <head> */
    const char *body;   /* inside <article>, before the prose */
    const char *authors;
    const char *agency;
} meta_case;

static const meta_case METAS[] = {
    {"json-ld Person",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council "
     "approves harbour bridge\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane "
     "Doe\"}}</script>",
     "<p class=\"byline\">By Jane Doe</p>", "Jane Doe", NULL},
    {"json-ld array of Persons, one by @id into @graph",
     "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
     "{\"@type\":\"NewsArticle\",\"headline\":\"Council approves harbour bridge\","
     "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@id\":\"#ana\"}]},"
     "{\"@type\":\"Person\",\"@id\":\"#ana\",\"name\":\"Ana Lima\"}]}</script>",
     "<p class=\"byline\">By Jane Doe and Ana Lima</p>", "Jane Doe|Ana Lima", NULL},
    {"json-ld plain string with outlet",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":\"By Jill "
     "Disis, Daily Planet\"}</script>",
     "<footer>Jill Disis</footer>", "Jill Disis", NULL},
    {"json-ld Organization: an agency",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
     "\"Organization\",\"name\":\"Reuters\"}}</script>",
     "", "", "Reuters"},
    {"json-ld Organization: the site itself beside a person",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
     "\"Organization\",\"name\":\"Daily Planet\"},{\"@type\":\"Person\",\"name\":\"Tom "
     "Gillespie\"}]}</script>",
     "<p class=\"byline\">Tom Gillespie</p>", "Tom Gillespie", NULL},
    {"json-ld name as an array",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
     "\"Person\",\"name\":[\"Jane Doe\"]}}</script>",
     "<footer>Jane Doe</footer>", "Jane Doe", NULL},
    {"byline in capitals, written otherwise by the page",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
     "\"Person\",\"name\":\"Tom Krisher\"}]}</script>",
     "<p class=\"byline\">By TOM KRISHER and DEE-ANN DURBIN, AP Auto Writers</p>",
     "Tom Krisher|DEE-ANN DURBIN", "AP"},
    {"meta author and a fuller byline",
     "<meta name=\"author\" content=\"Lisa Kaczke\">",
     "<p class=\"byline\">Lisa Kaczke and Trevor J. Mitchell</p>",
     "Lisa Kaczke|Trevor J. Mitchell", NULL},
    {"article:author profile URL named by a link",
     "<meta property=\"article:author\" content=\"https://www.dailyplanet.example/staff/jdoe\">",
     "<p>Story: <a href=\"/staff/jdoe\">Jane Doe</a></p>", "Jane Doe", NULL},
    {"json-ld author as a profile URL named by a link",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
     "\"Person\",\"url\":\"https://www.dailyplanet.example/staff/ana-lima\"}}</script>",
     "<p><a href=\"/staff/ana-lima/\">Ana Lima</a> reports from the harbour.</p>", "Ana Lima",
     NULL},
    {"a link to the author's page, without a cue word",
     "", "<div class=\"meta\"><a href=\"/blog/autoren/ana-lima/\">Ana Lima</a> <span>3 min</span></div>",
     "Ana Lima", NULL},
    {"a link to the author's page that does not spell the name",
     "", "<div class=\"meta\"><a href=\"/authors/ana-lima/\">All posts</a></div>", "", NULL},
    {"the byline names one of the structured authors: the other is a researcher",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
     "\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Person\",\"name\":\"Ana Lima\"}]}</script>",
     "<p class=\"byline\">By Jane Doe</p><p>Researched by <b>Ana Lima</b></p>", "Jane Doe", NULL},
    {"rel=author",
     "", "<p>Filed by <a rel=\"author\" href=\"/staff/jdoe\">Jane Doe</a></p>", "Jane Doe", NULL},
    {"itemprop=author, not the commenters",
     "",
     "<span itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\"><span "
     "itemprop=\"name\">Carlos Nadalim</span></span>"
     "<ol class=\"comment-list\"><li><cite itemprop=\"author\">Karol</cite> Great post!</li>"
     "<li><cite itemprop=\"author\">Lilian Souza</cite> Thanks</li></ol>",
     "Carlos Nadalim", NULL},
    {"a CMS account the page never shows gives way to the byline",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
     "\"Person\",\"name\":\"Kevin Rebong\"}}</script>",
     "<span class=\"single-header-byline\">By David Jeans</span>", "David Jeans", NULL},
    {"a name the page never shows, and no byline",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@id\":"
     "\"#p\"}}</script><script type=\"application/ld+json\">{\"@type\":\"Person\",\"@id\":"
     "\"#p\",\"name\":\"Yoav Schumacher\"}</script>",
     "", "", NULL},
    {"a name printed with an initial more",
     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":\"Sarah "
     "Needleman\"}</script>",
     "<footer>Sarah E. Needleman writes about games.</footer>", "Sarah Needleman", NULL},
    {"an opinion section is not a comment section",
     "", "<div class=\"commentary\"><p class=\"byline\">By Jane Doe</p></div>", "Jane Doe", NULL},
    {"a <meta> author the page never shows, and no byline",
     "<meta name=\"author\" content=\"Yoav Schumacher\">", "", "Yoav Schumacher", NULL},
    {"the author of link previews, under a writer label",
     "<meta name=\"twitter:label1\" content=\"Geschrieben von\"><meta "
     "name=\"twitter:data1\" content=\"Anna Schmidt\"><meta name=\"twitter:label2\" "
     "content=\"Lesezeit\"><meta name=\"twitter:data2\" content=\"4 Minuten\">",
     "", "Anna Schmidt", NULL},
    {"a user name is not a name",
     "<meta name=\"author\" content=\"kwchcik\">", "", "", NULL},
    {"an agency in the dateline",
     "", "<p>WASHINGTON (AP) \xE2\x80\x94 Officials met on Tuesday to discuss the plan.</p>", "",
     "AP"},
    {"a label line under the headline",
     "", "<p>By\n<a href=\"/s/md\">Matthew Digby</a>\n,\n<a href=\"/s/mdo\">Minh Do</a></p>",
     "Matthew Digby|Minh Do", NULL},
    {"a byline of the agency, then names of other stories",
     "",
     "<div class=\"author\">Associated Press</div><aside><div class=\"author\">Ryan "
     "McKenna</div></aside>",
     "", "Associated Press"},
    {"a signature line before an e-mail link",
     "", "<p>Jane Doe<br>\xEC\xA0\x95\xEB\x8D\x95\xED\x98\x84 \xEC\xB9\xBC\xEB\x9F\xBC\xEB\x8B\x88"
         "\xEC\x8A\xA4\xED\x8A\xB8 <a href=\"mailto:a@example.com\">a@example.com</a></p>",
     "\xEC\xA0\x95\xEB\x8D\x95\xED\x98\x84", NULL},
};

#define NMETAS (int)(sizeof METAS / sizeof *METAS)

/* The page of a case, on a site of that name: its credit as expected. */
static void check_credit_page(const meta_case *c, const char *site)
{
    static const char FMT[] =
        "<html><head><title>Council approves harbour bridge | %s</title>"
        "<meta property=\"og:site_name\" content=\"%s\">%s</head><body><article>"
        "<h1>Council approves harbour bridge</h1>%s" LONG_BODY "</article></body></html>";
    size_t n = sizeof FMT + 2 * strlen(site) + strlen(c->head) + strlen(c->body);
    char *page = malloc(n);
    ck_assert_ptr_nonnull(page);
    snprintf(page, n, FMT, site, site, c->head, c->body);
    newsmeta_article *a = nm_parse_str(page, PAGE_URL, NULL);
    expect_credit(a, c->authors, c->agency, c->name);
    newsmeta_article_free(a);
    free(page);
}

START_TEST(meta_table)
{
    check_credit_page(&METAS[_i], "Daily Planet");
}
END_TEST

/* A site named after its writer keeps its writer; a structured credit
 * naming only the site gives way to the printed byline. */
typedef struct site_case {
    const char *site; /* og:site_name */
    meta_case c;
} site_case;

static const site_case SITE_CREDITS[] = {
    {"Mary Lane",
     {"a site named after its writer", "", "<p class=\"byline\">By Mary Lane</p>", "Mary Lane",
      NULL}},
    {"Green Hollow Farm",
     {"a structured credit naming only the site",
      "<meta name=\"author\" content=\"Green Hollow Farm\">",
      "<p class=\"byline\">by Mary Lane</p>", "Mary Lane", NULL}},
    {"Harbour",
     {"a desk of the site, by its first word", "",
      "<p class=\"byline\">By Harbour Garden Tips</p>", "", "Harbour Garden Tips"}},
    {"Vortex",
     {"the site in one word", "", "<p class=\"byline\">Posted by Vortex</p>", "", "Vortex"}},
};

#define NSITE_CREDITS (int)(sizeof SITE_CREDITS / sizeof *SITE_CREDITS)

START_TEST(site_named_credit)
{
    check_credit_page(&SITE_CREDITS[_i].c, SITE_CREDITS[_i].site);
}
END_TEST

/* A page that shows almost no text (a script renders it) cannot tell
 * whether a name is printed: the structured credit is kept. */
START_TEST(short_page_keeps_metadata)
{
    static const char page[] =
        "<html><head><title>Bridge</title><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Council approves harbour bridge\",\"author\":{"
        "\"@type\":\"Person\",\"name\":\"Yoav Schumacher\"}}</script></head><body><div "
        "id=\"app\"></div><p>Loading</p></body></html>";
    newsmeta_article *a = nm_parse_str(page, PAGE_URL, NULL);
    expect_credit(a, "Yoav Schumacher", NULL, "short page");
    newsmeta_article_free(a);
}
END_TEST

/* The agency is in the JSON record, null when none is credited. */
typedef struct agency_json_case {
    const char *byline;
    const char *member; /* expected in the JSON record */
} agency_json_case;

static const agency_json_case AGENCY_JSON[] = {
    {"By Jane Doe, Reuters", "\"agency\":\"Reuters\""},
    {"By Jane Doe", "\"agency\":null"},
};

#define NAGENCY_JSON (int)(sizeof AGENCY_JSON / sizeof *AGENCY_JSON)

START_TEST(agency_in_json)
{
    const agency_json_case *c = &AGENCY_JSON[_i];
    char *page = byline_page(c->byline);
    newsmeta_article *a = nm_parse_str(page, PAGE_URL, NULL);
    char *json = nm_to_json(a, 0);
    ck_assert_msg(strstr(json, c->member), "%s: no %s in %s", c->byline, c->member, json);
    newsmeta_free(json);
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* ---- headlines -------------------------------------------------------------------- */

typedef struct title_case {
    const char *url;
    const char *site;     /* og:site_name, or NULL */
    const char *title;    /* <title>, or NULL */
    const char *og;       /* og:title, or NULL */
    const char *twitter;  /* twitter:title, or NULL */
    const char *jsonld;   /* JSON-LD headline (JSON string body), or NULL */
    const char *h1;       /* inner HTML of the <h1>, or NULL */
    const char *expected;
} title_case;

#define U "https://www.dailyplanet.example/news/a"

static const title_case TITLES[] = {
    /* the site name at either end */
    {U, "The Hill", "Council approves bridge | The Hill", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {U, "The Hill", "The Hill | Council approves bridge", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {"https://www.nytimes.com/2019/a.html", NULL, "Council approves bridge - The New York Times",
     NULL, NULL, NULL, NULL, "Council approves bridge"},
    {U, "Daily Planet", "Council approves bridge \xE2\x80\x94 Daily Planet", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {U, "Daily Planet", "Council approves bridge \xE2\x80\x93 Daily Planet", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {U, "Daily Planet", "Council approves bridge :: Daily Planet", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {U, "Daily Planet", "Council approves bridge \xC2\xB7 Daily Planet", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {U, "Daily Planet", "Council approves bridge \xC2\xBB Daily Planet", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {U, "Daily Planet", "Daily Planet | Council approves bridge | Daily Planet", NULL, NULL, NULL,
     NULL, "Council approves bridge"},
    {U, "the daily planet", "Council approves bridge | The Daily Planet", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {"https://www.wday.ru/articles/x", NULL,
     "\xD0\x97\xD0\xB0\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xBA \xD1\x81\xD1\x82"
     "\xD0\xB0\xD1\x82\xD1\x8C\xD0\xB8 \xE2\x80\x94 www.wday.ru",
     NULL, NULL, NULL, NULL,
     "\xD0\x97\xD0\xB0\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xBA \xD1\x81\xD1\x82"
     "\xD0\xB0\xD1\x82\xD1\x8C\xD0\xB8"},
    {"https://vortexcannon.example/about-bugs/", NULL, "About bugs \xE2\x80\x93 Vortex Cannon "
     "Entertainment", NULL, NULL, NULL, NULL, "About bugs"},
    {"https://example.com/x", NULL, "Council approves bridge - example.com", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    {U, "Daily Planet", "Council approves harbour bridge after long debate | Politics | Daily Planet",
     NULL, NULL, NULL, NULL, "Council approves harbour bridge after long debate | Politics"},
    /* a name that only mentions the site is not the site */
    {"https://www.theguardian.com/x", "the Guardian", NULL,
     "The Guardian view on Hong Kong: a city on the brink | Editorial", NULL, NULL,
     "The Guardian view on Hong Kong: a city on the brink",
     "The Guardian view on Hong Kong: a city on the brink"},
    {"https://blog.comwrap.example/x", NULL, "Take C.A.R.E. - comwrap auf der DMEXCO 2018",
     "Take C.A.R.E. - comwrap auf der DMEXCO 2018", NULL, NULL,
     "Take C.A.R.E. - comwrap auf der DMEXCO 2018", "Take C.A.R.E. - comwrap auf der DMEXCO 2018"},
    {"https://www.politifact.example/x", "PolitiFact",
     "PolitiFact\xE2\x80\x99s guide to tariffs and international trade | PolitiFact",
     "PolitiFact\xE2\x80\x99s guide to tariffs and trade", NULL, NULL,
     "PolitiFact\xE2\x80\x99s guide to tariffs and international trade",
     "PolitiFact\xE2\x80\x99s guide to tariffs and international trade"},
    /* the <h1> as displayed */
    {U, "Daily Planet", "Council approves bridge | Daily Planet", "Council approves bridge", NULL,
     NULL, "Council approves bridge", "Council approves bridge"},
    {U, "Daily Planet", "'Meth. We're On It': campaign is working, governor says",
     "'Meth. We're On It': campaign is working, governor says", NULL, NULL,
     "South Dakota says 'Meth. We're On It,' and Twitter asks questions",
     "South Dakota says 'Meth. We're On It,' and Twitter asks questions"},
    {U, "Daily Planet", NULL, "Council approves bridge | Daily Planet", NULL, NULL,
     "  Council   approves\n  <span>bridge</span> ", "Council approves bridge"},
    {U, "Daily Planet", "Council approves harbour bridge | Daily Planet", NULL, NULL, NULL,
     "<a href=\"/\">Daily Planet</a>", "Council approves harbour bridge"},
    /* an <h1> that links to another site is a teaser */
    {"https://digg.example/2019/stadia", "Digg", "The early reviews for Stadia are here - Digg",
     "The early reviews for Stadia are here - Digg", "The early reviews for Stadia are here - Digg",
     NULL, "<a href=\"https://elsewhere.example/reindeer\">Why don't you go fight for the reindeer?</a>",
     "The early reviews for Stadia are here"},
    /* a one-word section heading in the <h1> is not the headline */
    {"https://diet.example/atkins.html", NULL,
     "Atkins diet (14 days) - lose up to 10 kg. Reviews", NULL, NULL, NULL, "Reviews",
     "Atkins diet (14 days) - lose up to 10 kg. Reviews"},
    /* "Opinion |" kept only where the page shows it */
    {U, "Daily Planet", "Opinion | Republicans are following Trump to nowhere - Daily Planet",
     "Republicans are following Trump to nowhere", NULL, NULL, NULL,
     "Republicans are following Trump to nowhere"},
    {U, "Daily Planet", NULL, "Opinion | Republicans are following Trump to nowhere",
     "Republicans are following Trump to nowhere", NULL, NULL,
     "Republicans are following Trump to nowhere"},
    {U, "Daily Planet", "Opinion: Republicans are following Trump to nowhere | Daily Planet", NULL,
     NULL, NULL, "Opinion: Republicans are following Trump to nowhere",
     "Opinion: Republicans are following Trump to nowhere"},
    /* entities and whitespace */
    {U, "Daily Planet", NULL, "Tom &amp;amp; Jerry return to the big screen", NULL, NULL, NULL,
     "Tom & Jerry return to the big screen"},
    {U, "Daily Planet", NULL, NULL, NULL, "It&#8217;s official: the bridge is coming", NULL,
     "It\xE2\x80\x99s official: the bridge is coming"},
    {U, "Daily Planet", "Council\n   approves\tbridge   |  Daily Planet", NULL, NULL, NULL, NULL,
     "Council approves bridge"},
    /* consensus among the metadata */
    {U, "Daily Planet", "Council approves bridge | Daily Planet",
     "Council approves bridge | Daily Planet", "Council approves bridge",
     "Bridge vote: what happens next", NULL, "Council approves bridge"},
    {U, "Daily Planet", NULL, NULL, NULL, "Council approves bridge", NULL,
     "Council approves bridge"},
    {U, NULL, "Council approves bridge", NULL, NULL, NULL, NULL, "Council approves bridge"},
    {U, "Daily Planet", NULL, NULL, "Council approves bridge | Daily Planet", NULL, NULL,
     "Council approves bridge"},
    /* other scripts */
    {U, "\xD0\xA1\xD0\xB0\xD0\xB9\xD1\x82", /* Сайт */
     "\xD0\x97\xD0\xB0\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xBA \xE2\x80\x94 "
     "\xD0\xA1\xD0\xB0\xD0\xB9\xD1\x82",
     NULL, NULL, NULL, NULL, "\xD0\x97\xD0\xB0\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xBA"},
    {U, "\xE3\x82\xB5\xE3\x82\xA4\xE3\x83\x88", /* サイト */
     "\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97\xE3\x81\xAE\xE6\x96\x87 \xEF\xBD\x9C "
     "\xE3\x82\xB5\xE3\x82\xA4\xE3\x83\x88",
     NULL, NULL, NULL, NULL, "\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97\xE3\x81\xAE\xE6\x96\x87"},
};

#undef U
#define NTITLES (int)(sizeof TITLES / sizeof *TITLES)

static void append(char **buf, size_t *len, size_t *cap, const char *a, const char *b,
                   const char *c)
{
    const char *parts[3] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(parts[i]);
        if (*len + n + 1 > *cap) {
            *cap = (*len + n + 1) * 2;
            *buf = realloc(*buf, *cap);
            ck_assert_ptr_nonnull(*buf);
        }
        memcpy(*buf + *len, parts[i], n + 1);
        *len += n;
    }
}

START_TEST(title_table)
{
    const title_case *c = &TITLES[_i];
    char *p = NULL;
    size_t len = 0, cap = 0;
    append(&p, &len, &cap, "<html><head>", "", "");
    if (c->title)
        append(&p, &len, &cap, "<title>", c->title, "</title>");
    if (c->site)
        append(&p, &len, &cap, "<meta property=\"og:site_name\" content=\"", c->site, "\">");
    if (c->og)
        append(&p, &len, &cap, "<meta property=\"og:title\" content=\"", c->og, "\">");
    if (c->twitter)
        append(&p, &len, &cap, "<meta name=\"twitter:title\" content=\"", c->twitter, "\">");
    if (c->jsonld)
        append(&p, &len, &cap,
               "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"",
               c->jsonld, "\"}</script>");
    append(&p, &len, &cap, "</head><body><article>", "", "");
    if (c->h1)
        append(&p, &len, &cap, "<h1>", c->h1, "</h1>");
    append(&p, &len, &cap, BODY, "</article></body></html>", "");
    newsmeta_article *a = nm_parse_str(p, c->url, NULL);
    ck_assert_msg(a->headline && !strcmp(a->headline, c->expected),
                  "case %d: headline \"%s\", expected \"%s\"", _i,
                  a->headline ? a->headline : "(null)", c->expected);
    newsmeta_article_free(a);
    free(p);
}
END_TEST

START_TEST(title_table_coverage)
{
    ck_assert_int_ge(NTITLES, 30);
}
END_TEST

static Suite *byline_suite(void)
{
    Suite *s = suite_create("byline");
    TCase *t = tcase_create("bylines");
    tcase_add_loop_test(t, byline_table, 0, NBYLINES);
    tcase_add_test(t, byline_table_coverage);
    tcase_add_loop_test(t, byline_as_printed, 0, NSHOWN);
    suite_add_tcase(s, t);
    t = tcase_create("structured");
    tcase_add_loop_test(t, meta_table, 0, NMETAS);
    tcase_add_loop_test(t, agency_in_json, 0, NAGENCY_JSON);
    tcase_add_test(t, short_page_keeps_metadata);
    tcase_add_loop_test(t, site_named_credit, 0, NSITE_CREDITS);
    suite_add_tcase(s, t);
    t = tcase_create("headlines");
    tcase_add_loop_test(t, title_table, 0, NTITLES);
    tcase_add_test(t, title_table_coverage);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return nm_run_suite(byline_suite());
}
