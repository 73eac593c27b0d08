/* Publication times, table-driven, through the public API only: each row
 * is a tiny synthetic page (a printed date under the headline, a JSON-LD
 * datePublished, an article:published_time or a <time datetime>) in a
 * language and country given by its html lang and URL, with the exact
 * expected published.iso, offset_known and precision. Offsets for
 * daylight-saving dates were worked out from the zones' rules by hand
 * (e.g. New York: -05:00 until the second Sunday of March 02:00, then
 * -04:00 until the first Sunday of November 02:00). Then the rules that
 * choose among several candidates: published and modified apart, the
 * printed date against the machine-readable one, zones learnt from the
 * page, dates in the future or after the modification rejected. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "testutil.h"

typedef enum where {
    PRINTED, /* <p class="date"> right under the <h1> */
    JSONLD,  /* JSON-LD NewsArticle datePublished */
    META,    /* <meta property="article:published_time"> */
    TIME     /* <time datetime="..."> */
} where;

#define NONE NEWSMETA_PRECISION_NONE
#define DAY NEWSMETA_PRECISION_DAY
#define HOUR NEWSMETA_PRECISION_HOUR
#define MIN NEWSMETA_PRECISION_MINUTE
#define SEC NEWSMETA_PRECISION_SECOND
#define MONTH NEWSMETA_PRECISION_MONTH
#define YEAR NEWSMETA_PRECISION_YEAR

typedef struct date_case {
    const char *lang;  /* <html lang>, NULL for none */
    const char *url;   /* the page URL, NULL for none */
    where at;
    const char *text;  /* the date as the page gives it */
    const char *iso;   /* expected published.iso; NULL: no published date */
    bool offset_known;
    newsmeta_precision precision;
    const char *zone;  /* options.default_timezone, NULL for none */
} date_case;

#define EN "en"
#define IN_URL "https://www.example.in/news/story"
#define IE_URL "https://www.example.ie/news/story"
#define UK_URL "https://www.example.co.uk/news/story"

static const date_case CASES[] = {
    /* ---- ISO 8601 and RFC 3339 variants -------------------------------- */
    {NULL, NULL, JSONLD, "2019-11-19T08:03:00Z", "2019-11-19T08:03:00+00:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08:03:00.123+05:30", "2019-11-19T08:03:00+05:30", true, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08:03:00.828095-08:00", "2019-11-19T08:03:00-08:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08:03:00+0530", "2019-11-19T08:03:00+05:30", true, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08:03:00+01", "2019-11-19T08:03:00+01:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08:03:00 +05:30", "2019-11-19T08:03:00+05:30", true, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08:03+01:00", "2019-11-19T08:03:00+01:00", true, MIN, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08Z", "2019-11-19T08:00:00+00:00", true, HOUR, NULL},
    {NULL, NULL, JSONLD, "2019-11-19 08:03:00", "2019-11-19T08:03:00", false, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T08:03:00", "2019-11-19T08:03:00", false, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19", "2019-11-19", false, DAY, NULL},
    {NULL, NULL, JSONLD, "2019-11", "2019-11", false, MONTH, NULL},
    {NULL, NULL, JSONLD, "2019", "2019", false, YEAR, NULL},
    {NULL, NULL, JSONLD, "20191119T080300Z", "2019-11-19T08:03:00+00:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "20191119", "2019-11-19", false, DAY, NULL},
    {NULL, NULL, JSONLD, "2019-W47-2", "2019-11-19", false, DAY, NULL},
    {NULL, NULL, JSONLD, "2020-W01-1", "2019-12-30", false, DAY, NULL},
    {NULL, NULL, JSONLD, "2019-323", "2019-11-19", false, DAY, NULL},
    {NULL, NULL, JSONLD, "2020-060", "2020-02-29", false, DAY, NULL},
    {NULL, NULL, JSONLD, "2019/11/19", "2019-11-19", false, DAY, NULL},
    {NULL, NULL, JSONLD, "2019-11-19 02:24:00 UTC", "2019-11-19T02:24:00+00:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "2019-11-19 08:03 ET", "2019-11-19T08:03:00-05:00", true, MIN, NULL},
    {NULL, NULL, JSONLD, "2019-11-19T24:00:00Z", "2019-11-20T00:00:00+00:00", true, SEC, NULL},
    {NULL, NULL, META, "2019-11-19T08:03:00\xE2\x88\x92" "05:00", "2019-11-19T08:03:00-05:00", true, SEC, NULL},
    {NULL, NULL, TIME, "2019-11-19T08:03:00+09:00", "2019-11-19T08:03:00+09:00", true, SEC, NULL},

    /* ---- RFC 2822 and programming-language forms ------------------------ */
    {NULL, NULL, JSONLD, "Tue, 19 Nov 2019 13:03:00 +0000", "2019-11-19T13:03:00+00:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "Tue, 19 Nov 2019 13:03:00 GMT", "2019-11-19T13:03:00+00:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "Tue, 19 Nov 2019 08:03:00 EST", "2019-11-19T08:03:00-05:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "19 Nov 2019 13:03 -0800", "2019-11-19T13:03:00-08:00", true, MIN, NULL},
    {NULL, NULL, JSONLD, "Tue Nov 19 2019 05:44:06 GMT+0000 (Coordinated Universal Time)", "2019-11-19T05:44:06+00:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "Tue Nov 19 21:57:01 UTC 2019", "2019-11-19T21:57:01+00:00", true, SEC, NULL},
    {NULL, NULL, JSONLD, "19 Nov 2019 07:09 GMT", "2019-11-19T07:09:00+00:00", true, MIN, NULL},

    /* ---- English: month names, ordinals, weekdays, a.m./p.m. ----------- */
    {EN, NULL, PRINTED, "November 19, 2019", "2019-11-19", false, DAY, NULL},
    {EN, NULL, PRINTED, "Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00-05:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31:00-06:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Monday November 18, 2019 7:45 am PST", "2019-11-18T07:45:00-08:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "on Monday, November 18th, 2019 at 11:08 a.m.", "2019-11-18T11:08:00", false, MIN, NULL},
    {EN, NULL, PRINTED, "Published 07:40 IST, March 3rd 2021", "2021-03-03T07:40:00+05:30", true, MIN, NULL},
    {EN, NULL, PRINTED, "26th March 2019", "2019-03-26", false, DAY, NULL},
    {EN, NULL, PRINTED, "the 1st of May, 2020", "2020-05-01", false, DAY, NULL},
    {EN, NULL, PRINTED, "Sept. 5, 2019", "2019-09-05", false, DAY, NULL},
    {EN, NULL, PRINTED, "5 Sept 2019", "2019-09-05", false, DAY, NULL},
    {EN, NULL, PRINTED, "18 NOV 2019", "2019-11-18", false, DAY, NULL},
    {EN, NULL, PRINTED, "Wednesday 20 November 2019 06:37, UK", "2019-11-20T06:37:00+00:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "November 20, 2019 - 11:28 AMT", "2019-11-20T11:28:00+04:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "12:00 am, Nov 19, 2019", "2019-11-19T00:00:00", false, MIN, NULL},
    {EN, NULL, PRINTED, "Nov 19 2019 12:00 pm", "2019-11-19T12:00:00", false, MIN, NULL},
    {EN, NULL, PRINTED, "November 19, 2019 at 8 PM", "2019-11-19T20:00:00", false, HOUR, NULL},
    {EN, NULL, PRINTED, "November 19, 2019 / 12:21 AM / Updated 14 hours ago", "2019-11-19T00:21:00", false, MIN, NULL},
    {EN, NULL, PRINTED, "November 2019", NULL, false, NONE, NULL}, /* a printed date needs its day */
    {EN, NULL, PRINTED, "Nov 19, '19", "2019-11-19", false, DAY, NULL},
    {EN, NULL, PRINTED, "19 November 2019 23:59:59 GMT", "2019-11-19T23:59:59+00:00", true, SEC, NULL},

    /* ---- numeric dates: the locale's order, the weekday, the values ---- */
    {"en-US", NULL, PRINTED, "11/19/2019", "2019-11-19", false, DAY, NULL},
    {"en-US", NULL, PRINTED, "05/10/2018", "2018-05-10", false, DAY, NULL},
    {"en-GB", NULL, PRINTED, "05/10/2018", "2018-10-05", false, DAY, NULL},
    {NULL, "http://www.example.com.br/news/1", PRINTED, "05/10/2018 - Publicado por: Clarissa Borba", "2018-10-05", false, DAY, NULL},
    {"en-US", NULL, PRINTED, "Friday 05/10/2018", "2018-10-05", false, DAY, NULL},
    {"en-US", NULL, PRINTED, "19/11/2019", "2019-11-19", false, DAY, NULL},
    {"en-US", NULL, PRINTED, "11/19/19", "2019-11-19", false, DAY, NULL},
    {"de-DE", NULL, PRINTED, "19.11.19", "2019-11-19", false, DAY, NULL},
    {"de-DE", NULL, PRINTED, "19.11.98", "1998-11-19", false, DAY, NULL},
    {"nl-NL", NULL, PRINTED, "19-11-2019", "2019-11-19", false, DAY, NULL},
    {"en-US", NULL, PRINTED, "11/20/19 6:38 AM", "2019-11-20T06:38:00", false, MIN, NULL},

    /* ---- impossible and absent dates ------------------------------------- */
    {EN, NULL, PRINTED, "February 30, 2019", NULL, false, NONE, NULL},
    {EN, NULL, PRINTED, "February 29, 2019", NULL, false, NONE, NULL},
    {EN, NULL, PRINTED, "February 29, 2020", "2020-02-29", false, DAY, NULL},
    {EN, NULL, PRINTED, "31/04/2019", NULL, false, NONE, NULL},
    {EN, NULL, PRINTED, "13/13/2019", NULL, false, NONE, NULL},
    {NULL, NULL, JSONLD, "2019-02-30", NULL, false, NONE, NULL},
    {NULL, NULL, JSONLD, "2019-13-01T10:00:00Z", NULL, false, NONE, NULL},
    {NULL, NULL, JSONLD, "0999-01-01", NULL, false, NONE, NULL},
    {EN, NULL, PRINTED, "2 hours ago", NULL, false, NONE, NULL},
    {EN, NULL, PRINTED, "Nov 19", NULL, false, NONE, NULL},
    {EN, NULL, PRINTED, "Copyright 2019 Acme", NULL, false, NONE, NULL},
    {EN, NULL, PRINTED, "Nov 19, 2019 25:00", "2019-11-19", false, DAY, NULL},
    {EN, NULL, PRINTED, "Nov 19, 2019 10:61 pm", "2019-11-19", false, DAY, NULL},

    /* ---- German ------------------------------------------------------------ */
    {"de", NULL, PRINTED, "Dienstag, 19. November 2019, 14:30 Uhr", "2019-11-19T14:30:00", false, MIN, NULL},
    {"de", NULL, PRINTED, "19.11.2019, 14.30 Uhr", "2019-11-19T14:30:00", false, MIN, NULL},
    {"de", NULL, PRINTED, "Ver\xC3\xB6" "ffentlicht am 3. M\xC3\xA4rz 2021 um 08:15 Uhr", "2021-03-03T08:15:00", false, MIN, NULL},
    {"de", NULL, PRINTED, "19. Nov. 2019", "2019-11-19", false, DAY, NULL},
    {"de", NULL, PRINTED, "3. M\xC3\xA4r 2021", "2021-03-03", false, DAY, NULL},
    {"de", NULL, PRINTED, "19. November 2019, 14:30 MEZ", "2019-11-19T14:30:00+01:00", true, MIN, NULL},
    {"de-AT", NULL, PRINTED, "3. J\xC3\xA4nner 2020", "2020-01-03", false, DAY, NULL},

    /* ---- French ------------------------------------------------------------ */
    {"fr", NULL, PRINTED, "mardi 19 novembre 2019 \xC3\xA0 14h30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"fr", NULL, PRINTED, "Publi\xC3\xA9 le 1er mars 2021 \xC3\xA0 8h05", "2021-03-01T08:05:00", false, MIN, NULL},
    {"fr", NULL, PRINTED, "19/11/2019 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"fr", NULL, PRINTED, "le 2 f\xC3\xA9vr. 2019", "2019-02-02", false, DAY, NULL},
    {"fr", NULL, PRINTED, "3 d\xC3\xA9" "cembre 2020 \xC3\xA0 18h", "2020-12-03T18:00:00", false, HOUR, NULL},
    {"fr", NULL, PRINTED, "1 ao\xC3\xBBt 2019", "2019-08-01", false, DAY, NULL},
    {"fr-FR", NULL, PRINTED, "19 novembre 2019 \xC3\xA0 14:30 CET", "2019-11-19T14:30:00+01:00", true, MIN, NULL},

    /* ---- Spanish ------------------------------------------------------------ */
    {"es", NULL, PRINTED, "martes, 19 de noviembre de 2019, 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"es", NULL, PRINTED, "19/11/2019 - 08:15 h", "2019-11-19T08:15:00", false, MIN, NULL},
    {"es", NULL, PRINTED, "1 de enero de 2020 a las 9:30 p. m.", "2020-01-01T21:30:00", false, MIN, NULL},
    {"es", NULL, PRINTED, "mar, 19 nov 2019", "2019-11-19", false, DAY, NULL},
    {"es", NULL, PRINTED, "3 de sept. de 2019", "2019-09-03", false, DAY, NULL},
    {"es-MX", NULL, PRINTED, "19 de noviembre de 2019 10:00 CST", "2019-11-19T10:00:00-06:00", true, MIN, NULL},

    /* ---- Italian ------------------------------------------------------------ */
    {"it", NULL, PRINTED, "marted\xC3\xAC 19 novembre 2019 ore 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"it", NULL, PRINTED, "19/11/2019 alle 8:05", "2019-11-19T08:05:00", false, MIN, NULL},
    {"it", NULL, PRINTED, "1 gen 2020", "2020-01-01", false, DAY, NULL},
    {"it", NULL, PRINTED, "15 agosto 2019", "2019-08-15", false, DAY, NULL},

    /* ---- Portuguese ------------------------------------------------------------ */
    {"pt-BR", NULL, PRINTED, "ter\xC3\xA7" "a-feira, 19 de novembro de 2019 \xC3\xA0s 14h30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"pt-BR", NULL, PRINTED, "19/11/2019 08h15", "2019-11-19T08:15:00", false, MIN, NULL},
    {"pt-BR", NULL, PRINTED, "1\xC2\xBA de mar\xC3\xA7o de 2020", "2020-03-01", false, DAY, NULL},
    {"pt-PT", NULL, PRINTED, "3 out. 2019", "2019-10-03", false, DAY, NULL},
    {"pt-BR", NULL, PRINTED, "19/11/2019 14:30 BRT", "2019-11-19T14:30:00-03:00", true, MIN, NULL},

    /* ---- Dutch ------------------------------------------------------------ */
    {"nl", NULL, PRINTED, "dinsdag 19 november 2019 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"nl", NULL, PRINTED, "19 nov. 2019 om 08:15", "2019-11-19T08:15:00", false, MIN, NULL},
    {"nl", NULL, PRINTED, "3 mrt 2021", "2021-03-03", false, DAY, NULL},
    {"nl", NULL, PRINTED, "1 mei 2020", "2020-05-01", false, DAY, NULL},

    /* ---- Russian ------------------------------------------------------------ */
    {"ru", NULL, PRINTED, "19 \xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F 2019 \xD0\xB3., 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ru", NULL, PRINTED, "\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA, 19 \xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F 2019", "2019-11-19", false, DAY, NULL},
    {"ru", NULL, PRINTED, "19.11.2019 14:30 \xD0\x9C\xD0\xA1\xD0\x9A", "2019-11-19T14:30:00+03:00", true, MIN, NULL},
    {"ru", NULL, PRINTED, "1 \xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0 2021", "2021-03-01", false, DAY, NULL},
    {"ru", NULL, PRINTED, "21:17 18.11.2019", "2019-11-18T21:17:00", false, MIN, NULL},

    /* ---- Polish ------------------------------------------------------------ */
    {"pl", NULL, PRINTED, "wtorek, 19 listopada 2019 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"pl", NULL, PRINTED, "19.11.2019, 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"pl", NULL, PRINTED, "1 marca 2021 r.", "2021-03-01", false, DAY, NULL},
    {"pl", NULL, PRINTED, "3 wrz 2019", "2019-09-03", false, DAY, NULL},

    /* ---- Turkish ------------------------------------------------------------ */
    {"tr", NULL, PRINTED, "19 Kas\xC4\xB1m 2019 Sal\xC4\xB1 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"tr", NULL, PRINTED, "1 Mart 2021", "2021-03-01", false, DAY, NULL},
    {"tr", NULL, PRINTED, "29 EK\xC4\xB0M 2019", "2019-10-29", false, DAY, NULL},
    {"tr", NULL, PRINTED, "19.11.2019 14:30 TRT", "2019-11-19T14:30:00+03:00", true, MIN, NULL},

    /* ---- Swedish ------------------------------------------------------------ */
    {"sv", NULL, PRINTED, "tisdag 19 november 2019 kl. 14.30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"sv", NULL, PRINTED, "1 mars 2021", "2021-03-01", false, DAY, NULL},
    {"sv", NULL, PRINTED, "5 okt. 2019", "2019-10-05", false, DAY, NULL},
    {"sv", NULL, PRINTED, "2019-11-19 14:30", "2019-11-19T14:30:00", false, MIN, NULL},

    /* ---- Japanese ------------------------------------------------------------ */
    {"ja", NULL, PRINTED, "2019\xE5\xB9\xB4" "11\xE6\x9C\x88" "19\xE6\x97\xA5 14\xE6\x99\x82" "30\xE5\x88\x86", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ja", NULL, PRINTED, "2019\xE5\xB9\xB4" "11\xE6\x9C\x88" "19\xE6\x97\xA5\xEF\xBC\x88\xE7\x81\xAB\xEF\xBC\x89\xE5\x8D\x88\xE5\xBE\x8C" "2\xE6\x99\x82" "30\xE5\x88\x86", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ja", NULL, PRINTED, "2019/11/19 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ja", NULL, PRINTED, "2019\xE5\xB9\xB4" "11\xE6\x9C\x88" "19\xE6\x97\xA5 14:30 JST", "2019-11-19T14:30:00+09:00", true, MIN, NULL},
    {"ja", NULL, JSONLD, "2019\xE5\xB9\xB4" "11\xE6\x9C\x88", "2019-11", false, MONTH, NULL},

    /* ---- Chinese ------------------------------------------------------------ */
    {"zh-CN", NULL, PRINTED, "2019\xE5\xB9\xB4" "11\xE6\x9C\x88" "19\xE6\x97\xA5 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"zh-CN", NULL, PRINTED, "2019\xE5\xB9\xB4" "11\xE6\x9C\x88" "19\xE6\x97\xA5 \xE6\x98\x9F\xE6\x9C\x9F\xE4\xBA\x8C \xE4\xB8\x8B\xE5\x8D\x88" "2:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"zh-CN", NULL, PRINTED, "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4\xEF\xBC\x9A" "2019-11-19 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"zh-TW", NULL, PRINTED, "2019\xE5\xB9\xB4" "11\xE6\x9C\x88" "19\xE6\x97\xA5 \xE4\xB8\x8A\xE5\x8D\x88" "9:05", "2019-11-19T09:05:00", false, MIN, NULL},

    /* ---- Korean ------------------------------------------------------------ */
    {"ko", NULL, PRINTED, "2019\xEB\x85\x84 11\xEC\x9B\x94 19\xEC\x9D\xBC (\xED\x99\x94) \xEC\x98\xA4\xED\x9B\x84 2:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ko", NULL, PRINTED, "2019.11.19 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ko", NULL, PRINTED, "\xEA\xB8\xB0\xEC\x82\xAC\xEC\x9E\x85\xEB\xA0\xA5 :[ 2018-08-25 15:24 ]", "2018-08-25T15:24:00", false, MIN, NULL},
    {"ko", NULL, PRINTED, "2019. 11. 19. \xEC\x98\xA4\xEC\xA0\x84 9:05", "2019-11-19T09:05:00", false, MIN, NULL},
    {"ko", NULL, PRINTED, "2019.11.19 14:30 KST", "2019-11-19T14:30:00+09:00", true, MIN, NULL},

    /* ---- Arabic (Arabic-Indic digits too) --------------------------------- */
    {"ar", NULL, PRINTED, "\xD8\xA7\xD9\x84\xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA7\xD8\xA1 19 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 2019 - 14:30", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ar", NULL, PRINTED, "\xD9\xA1\xD9\xA9 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 \xD9\xA2\xD9\xA0\xD9\xA1\xD9\xA9", "2019-11-19", false, DAY, NULL},
    {"ar", NULL, PRINTED, "19 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 2019 02:30 \xD9\x85", "2019-11-19T14:30:00", false, MIN, NULL},
    {"ar", NULL, PRINTED, "1 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 2021", "2021-03-01", false, DAY, NULL},

    /* ---- Hindi (Devanagari digits too) ------------------------------------ */
    {"hi", NULL, PRINTED, "19 \xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0 2019, 14:30 IST", "2019-11-19T14:30:00+05:30", true, MIN, NULL},
    {"hi", NULL, PRINTED, "\xE0\xA5\xA7\xE0\xA5\xAF \xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0 \xE0\xA5\xA8\xE0\xA5\xA6\xE0\xA5\xA7\xE0\xA5\xAF", "2019-11-19", false, DAY, NULL},
    {"hi", NULL, PRINTED, "1 \xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\x9A 2021", "2021-03-01", false, DAY, NULL},

    /* ---- Indonesian ------------------------------------------------------------ */
    {"id", NULL, PRINTED, "Selasa, 19 November 2019 19.30 WIB", "2019-11-19T19:30:00+07:00", true, MIN, NULL},
    {"id", NULL, PRINTED, "1 Agustus 2019", "2019-08-01", false, DAY, NULL},

    /* ---- numeric offsets and zone ids ------------------------------------- */
    {EN, NULL, PRINTED, "15 July 2019 10:00 UTC+05:30", "2019-07-15T10:00:00+05:30", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 GMT-3", "2019-07-15T10:00:00-03:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 (GMT+3)", "2019-07-15T10:00:00+03:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 +0530", "2019-07-15T10:00:00+05:30", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 UTC", "2019-07-15T10:00:00+00:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 Europe/Paris", "2019-07-15T10:00:00+02:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 January 2019 10:00 Europe/Paris", "2019-01-15T10:00:00+01:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 America/New_York", "2019-07-15T10:00:00-04:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 Nowhere/Atlantis", "2019-07-15T10:00:00", false, MIN, NULL},

    /* ---- abbreviations: US zones, specific and generic -------------------- */
    {EN, NULL, PRINTED, "Jul 4, 2019 10:30 AM EST", "2019-07-04T10:30:00-05:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jul 4, 2019 10:30 AM EDT", "2019-07-04T10:30:00-04:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jul 4, 2019 10:30 AM ET", "2019-07-04T10:30:00-04:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jan 4, 2019 10:30 AM ET", "2019-01-04T10:30:00-05:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jul 4, 2019 10:30 AM PT", "2019-07-04T10:30:00-07:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jan 4, 2019 10:30 AM PST", "2019-01-04T10:30:00-08:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jul 4, 2019 10:30 AM PDT", "2019-07-04T10:30:00-07:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jul 4, 2019 10:30 AM CT", "2019-07-04T10:30:00-05:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jul 4, 2019 10:30 AM MT", "2019-07-04T10:30:00-06:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jan 4, 2019 10:30 AM MST", "2019-01-04T10:30:00-07:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "November 18, 2019 at 2:26 PM HST", "2019-11-18T14:26:00-10:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "Jan 4, 2019 10:30 AM AKST", "2019-01-04T10:30:00-09:00", true, MIN, NULL},

    /* ---- daylight-saving edges (New York, London, Paris, Sydney) ----------- */
    {EN, NULL, PRINTED, "March 10, 2019 1:59 AM ET", "2019-03-10T01:59:00-05:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "March 10, 2019 3:00 AM ET", "2019-03-10T03:00:00-04:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "November 3, 2019 12:59 AM ET", "2019-11-03T00:59:00-04:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "November 3, 2019 2:00 AM ET", "2019-11-03T02:00:00-05:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "27 October 2019 00:30 Europe/London", "2019-10-27T00:30:00+01:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "27 October 2019 02:30 Europe/London", "2019-10-27T02:30:00+00:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "31 March 2019 01:59 Europe/Paris", "2019-03-31T01:59:00+01:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "31 March 2019 03:00 Europe/Paris", "2019-03-31T03:00:00+02:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "6 April 2019 10:00 Australia/Sydney", "2019-04-06T10:00:00+11:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "8 April 2019 10:00 Australia/Sydney", "2019-04-08T10:00:00+10:00", true, MIN, NULL},

    /* ---- abbreviations elsewhere --------------------------------------------- */
    {"en-GB", NULL, PRINTED, "15 July 2019 10:00 BST", "2019-07-15T10:00:00+01:00", true, MIN, NULL},
    {"en-GB", NULL, PRINTED, "15 January 2019 10:00 GMT", "2019-01-15T10:00:00+00:00", true, MIN, NULL},
    {"en-GB", NULL, PRINTED, "15 July 2019 10:00 CEST", "2019-07-15T10:00:00+02:00", true, MIN, NULL},
    {"en-GB", NULL, PRINTED, "15 January 2019 10:00 CET", "2019-01-15T10:00:00+01:00", true, MIN, NULL},
    {"en-GB", NULL, PRINTED, "15 July 2019 10:00 CET", "2019-07-15T10:00:00+01:00", true, MIN, NULL},
    {"en-GB", NULL, PRINTED, "15 January 2019 10:00 EET", "2019-01-15T10:00:00+02:00", true, MIN, NULL},
    {"en-GB", NULL, PRINTED, "15 July 2019 10:00 EEST", "2019-07-15T10:00:00+03:00", true, MIN, NULL},
    {"en-GB", NULL, PRINTED, "15 July 2019 10:00 WEST", "2019-07-15T10:00:00+01:00", true, MIN, NULL},
    {"en-AU", NULL, PRINTED, "15 July 2019 10:00 AEST", "2019-07-15T10:00:00+10:00", true, MIN, NULL},
    {"en-AU", NULL, PRINTED, "15 January 2019 10:00 AEDT", "2019-01-15T10:00:00+11:00", true, MIN, NULL},
    {"en-AU", NULL, PRINTED, "15 January 2019 10:00 ACST", "2019-01-15T10:00:00+09:30", true, MIN, NULL},
    {"en-AU", NULL, PRINTED, "15 January 2019 10:00 AWST", "2019-01-15T10:00:00+08:00", true, MIN, NULL},
    {"en-NZ", NULL, PRINTED, "15 January 2019 10:00 NZDT", "2019-01-15T10:00:00+13:00", true, MIN, NULL},
    {"en-NZ", NULL, PRINTED, "15 July 2019 10:00 NZST", "2019-07-15T10:00:00+12:00", true, MIN, NULL},
    {"en-SG", NULL, PRINTED, "15 July 2019 10:00 SGT", "2019-07-15T10:00:00+08:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 HKT", "2019-07-15T10:00:00+08:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 JST", "2019-07-15T10:00:00+09:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 KST", "2019-07-15T10:00:00+09:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 MSK", "2019-07-15T10:00:00+03:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 PKT", "2019-07-15T10:00:00+05:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 SAST", "2019-07-15T10:00:00+02:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 July 2019 10:00 EAT", "2019-07-15T10:00:00+03:00", true, MIN, NULL},

    /* ---- ambiguous abbreviations, with and without a country ------------- */
    {EN, NULL, PRINTED, "15 July 2019 10:00 IST", "2019-07-15T10:00:00+05:30", true, MIN, NULL},
    {"en-IN", NULL, PRINTED, "15 July 2019 10:00 IST", "2019-07-15T10:00:00+05:30", true, MIN, NULL},
    {EN, IN_URL, PRINTED, "15 July 2019 10:00 IST", "2019-07-15T10:00:00+05:30", true, MIN, NULL},
    {"en-IE", NULL, PRINTED, "15 July 2019 10:00 IST", "2019-07-15T10:00:00+01:00", true, MIN, NULL},
    {EN, IE_URL, PRINTED, "15 July 2019 10:00 IST", "2019-07-15T10:00:00+01:00", true, MIN, NULL},
    {"he-IL", NULL, PRINTED, "15 July 2019 10:00 IST", "2019-07-15T10:00:00+03:00", true, MIN, NULL},
    {"he-IL", NULL, PRINTED, "15 January 2019 10:00 IST", "2019-01-15T10:00:00+02:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 January 2019 10:00 CST", "2019-01-15T10:00:00-06:00", true, MIN, NULL},
    {"zh-CN", NULL, PRINTED, "2019\xE5\xB9\xB4" "1\xE6\x9C\x88" "15\xE6\x97\xA5 10:00 CST", "2019-01-15T10:00:00+08:00", true, MIN, NULL},
    {EN, "https://news.example.cn/a", PRINTED, "15 January 2019 10:00 CST", "2019-01-15T10:00:00+08:00", true, MIN, NULL},
    {"zh-TW", NULL, PRINTED, "2019\xE5\xB9\xB4" "1\xE6\x9C\x88" "15\xE6\x97\xA5 10:00 CST", "2019-01-15T10:00:00+08:00", true, MIN, NULL},
    {EN, NULL, PRINTED, "15 January 2019 10:00 BST", "2019-01-15T10:00:00+01:00", true, MIN, NULL},
    {"en-BD", NULL, PRINTED, "15 January 2019 10:00 BST", "2019-01-15T10:00:00+06:00", true, MIN, NULL},
    {"en-PH", NULL, PRINTED, "15 January 2019 10:00 PST", "2019-01-15T10:00:00+08:00", true, MIN, NULL},
    {"en-CA", NULL, PRINTED, "15 January 2019 10:00 AST", "2019-01-15T10:00:00-04:00", true, MIN, NULL},
    {"ar-SA", NULL, PRINTED, "15 January 2019 10:00 AST", "2019-01-15T10:00:00+03:00", true, MIN, NULL},

    /* ---- naive times: the offset stays unknown without a default zone ------ */
    {EN, NULL, PRINTED, "November 19, 2019 10:30", "2019-11-19T10:30:00", false, MIN, NULL},
    {EN, NULL, PRINTED, "November 19, 2019 10:30 XYZ", "2019-11-19T10:30:00", false, MIN, NULL},
    {EN, IN_URL, PRINTED, "November 19, 2019 10:30", "2019-11-19T10:30:00", false, MIN, NULL},
    {NULL, NULL, META, "2019-11-19T10:30:00", "2019-11-19T10:30:00", false, SEC, NULL},
    {EN, NULL, PRINTED, "November 19, 2019 10:30", "2019-11-19T10:30:00+05:30", true, MIN, "Asia/Kolkata"},
    {EN, NULL, PRINTED, "July 15, 2019 10:30", "2019-07-15T10:30:00+02:00", true, MIN, "Europe/Berlin"},
    {EN, NULL, PRINTED, "January 15, 2019 10:30", "2019-01-15T10:30:00+01:00", true, MIN, "Europe/Berlin"},
    {NULL, NULL, META, "2019-03-10T03:30:00", "2019-03-10T03:30:00-04:00", true, SEC, "America/New_York"},
    {EN, NULL, PRINTED, "November 19, 2019 10:30 IST", "2019-11-19T10:30:00+05:30", true, MIN, "America/New_York"},
    {EN, NULL, PRINTED, "November 19, 2019", "2019-11-19", false, DAY, "Asia/Kolkata"},
    /* an id ICU does not know is an invalid argument (test_strings.c) */
};

static char *page_for(const date_case *c)
{
    static const char body[] =
        "<p>The harbour authority approved a second container terminal on Tuesday after a "
        "review that took more than two years and drew objections from residents.</p>"
        "<p>Construction is to start next spring, the authority said, and the terminal should "
        "open three years later with room for two of the largest ships at once.</p>";
    char head[512] = "", mid[512] = "";
    switch (c->at) {
    case JSONLD:
        snprintf(head, sizeof head,
                 "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                 "\"headline\":\"Harbour authority approves second terminal\","
                 "\"datePublished\":\"%s\"}</script>",
                 c->text);
        break;
    case META:
        snprintf(head, sizeof head, "<meta property=\"article:published_time\" content=\"%s\">",
                 c->text);
        break;
    case TIME:
        snprintf(mid, sizeof mid, "<p><time datetime=\"%s\"></time></p>", c->text);
        break;
    case PRINTED:
        snprintf(mid, sizeof mid, "<p class=\"date\">%s</p>", c->text);
        break;
    }
    size_t n = strlen(head) + strlen(mid) + sizeof body + 512;
    char *page = malloc(n);
    ck_assert_ptr_nonnull(page);
    char lang[64] = "";
    if (c->lang)
        snprintf(lang, sizeof lang, " lang=\"%s\"", c->lang);
    snprintf(page, n,
             "<html%s><head><title>Harbour authority approves second terminal</title>%s</head>"
             "<body><article><h1>Harbour authority approves second terminal</h1>%s%s</article>"
             "</body></html>",
             lang, head, mid, body);
    return page;
}

START_TEST(date_table)
{
    const date_case *c = &CASES[_i];
    char *page = page_for(c);
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.default_timezone = c->zone;
    newsmeta_article *a = nm_parse_str(page, c->url, &o);
    const newsmeta_timestamp *p = &a->published;
    if (!c->iso) {
        ck_assert_msg(!p->present, "row %d \"%s\": expected no date, got %s", _i, c->text,
                      p->iso ? p->iso : "?");
    } else {
        ck_assert_msg(p->present, "row %d \"%s\": expected %s, got nothing", _i, c->text, c->iso);
        ck_assert_msg(!strcmp(p->iso, c->iso), "row %d \"%s\": expected %s, got %s", _i, c->text,
                      c->iso, p->iso);
        ck_assert_msg(p->offset_known == c->offset_known, "row %d \"%s\": offset_known %d", _i,
                      c->text, (int)p->offset_known);
        ck_assert_msg(p->precision == c->precision, "row %d \"%s\": precision %s, expected %s",
                      _i, c->text, newsmeta_precision_name(p->precision),
                      newsmeta_precision_name(c->precision));
        if (p->offset_known) {
            /* the instant agrees with the civil time and the offset */
            int y, mo, d, h = 0, mi = 0, s = 0;
            ck_assert_int_ge(sscanf(p->iso, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s), 3);
            ck_assert_ptr_nonnull(p->zone);
        } else {
            ck_assert_msg(p->zone == NULL, "row %d: a naive time has no zone (%s)", _i, p->zone);
        }
    }
    newsmeta_article_free(a);
    free(page);
}
END_TEST

/* ---- choosing among candidates ------------------------------------------- */

static newsmeta_article *parse_with(const char *head, const char *body, const char *url,
                                    const newsmeta_options *options)
{
    char *page = malloc(strlen(head) + strlen(body) + 1024);
    ck_assert_ptr_nonnull(page);
    sprintf(page,
            "<html lang=\"en\"><head><title>Ferry timetable changes</title>%s</head><body>"
            "<article><h1>Ferry timetable changes</h1>%s"
            "<p>The ferry timetable changes on Monday, when the winter schedule begins and the last "
            "crossing leaves at eight in the evening.</p>"
            "<p>Passengers with season tickets do not need to do anything, the operator said, as "
            "their passes remain valid until the end of March.</p></article></body></html>",
            head, body);
    newsmeta_article *a = nm_parse_str(page, url, options);
    free(page);
    return a;
}

static newsmeta_article *parse(const char *head, const char *body, const char *url)
{
    return parse_with(head, body, url, NULL);
}

static void expect_iso(const newsmeta_timestamp *t, const char *iso, const char *what)
{
    if (!iso) {
        ck_assert_msg(!t->present, "%s: expected none, got %s", what, t->iso ? t->iso : "?");
        return;
    }
    ck_assert_msg(t->present, "%s: expected %s, got none", what, iso);
    ck_assert_msg(!strcmp(t->iso, iso), "%s: expected %s, got %s", what, iso, t->iso);
}

#define LD(fields) "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"," fields "}</script>"

/* JSON-LD published and modified stay apart; both at any nesting. */
START_TEST(published_and_modified_apart)
{
    newsmeta_article *a = parse(
        "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"X\"},"
        "{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-03-03T09:00:00+01:00\","
        "\"dateModified\":\"2021-03-04T10:00:00+01:00\"}]}</script>",
        "", NULL);
    expect_iso(&a->published, "2021-03-03T09:00:00+01:00", "published");
    expect_iso(&a->modified, "2021-03-04T10:00:00+01:00", "modified");
    ck_assert_int_eq(a->published.source, NEWSMETA_SOURCE_JSONLD);
    newsmeta_article_free(a);
    /* dateCreated when there is no datePublished; the meta tags of
     * OpenGraph */
    a = parse(LD("\"dateCreated\":\"2021-03-03T09:00:00Z\""), "", NULL);
    expect_iso(&a->published, "2021-03-03T09:00:00+00:00", "dateCreated");
    newsmeta_article_free(a);
    a = parse("<meta property=\"og:updated_time\" content=\"2021-03-05T10:00:00+00:00\">"
              "<meta name=\"pubdate\" content=\"2021-03-03T10:00:00+00:00\">",
              "", NULL);
    expect_iso(&a->published, "2021-03-03T10:00:00+00:00", "pubdate");
    expect_iso(&a->modified, "2021-03-05T10:00:00+00:00", "og:updated_time");
    newsmeta_article_free(a);
    /* a JSON-LD object of another type (a fact check, a medical page) */
    a = parse("<script type=\"application/ld+json\">{\"@type\":\"ClaimReview\","
              "\"datePublished\":\"2019-11-18T10:15:00+00:00\"}</script>",
              "<p class=\"date\">18 November 2019</p>", NULL);
    expect_iso(&a->published, "2019-11-18T10:15:00+00:00", "ClaimReview");
    newsmeta_article_free(a);
    /* a block Jansson rejects (trailing comma) still gives its dates */
    a = parse("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
              "\"datePublished\":\"2019-11-18T16:06:51-05:00\",\"keywords\":[\"a\",],}</script>",
              "", NULL);
    expect_iso(&a->published, "2019-11-18T16:06:51-05:00", "invalid JSON");
    newsmeta_article_free(a);
}
END_TEST

/* A modified time before the published one is dropped; a published time
 * after the last modification is not the publication (when another is). */
START_TEST(modified_before_published)
{
    newsmeta_article *a = parse(LD("\"datePublished\":\"2021-03-04T10:00:00Z\","
                                   "\"dateModified\":\"2021-03-03T10:00:00Z\""),
                                "", NULL);
    expect_iso(&a->published, "2021-03-04T10:00:00+00:00", "published");
    expect_iso(&a->modified, NULL, "modified");
    newsmeta_article_free(a);
    a = parse(LD("\"datePublished\":\"19 Nov 2019 07:09 GMT\",\"dateModified\":\"19 Nov 2019 05:44 GMT\""),
              "<time datetime=\"Tue Nov 19 2019 05:44:06 GMT+0000\">19 Nov 2019 05:44 GMT</time>",
              NULL);
    expect_iso(&a->published, "2019-11-19T05:44:06+00:00", "published after modified");
    newsmeta_article_free(a);
}
END_TEST

/* Nothing in the future of the clock. */
START_TEST(no_future_dates)
{
    newsmeta_article *a = parse(LD("\"datePublished\":\"2999-01-01T10:00:00Z\""), "", NULL);
    expect_iso(&a->published, NULL, "year 2999");
    newsmeta_article_free(a);
    a = parse(LD("\"datePublished\":\"2999-01-01T10:00:00Z\""),
              "<p class=\"date\">March 3, 2021</p>", NULL);
    expect_iso(&a->published, "2021-03-03", "the printed date instead");
    newsmeta_article_free(a);
    a = parse("<meta property=\"article:modified_time\" content=\"2999-05-01T00:00:00Z\">"
              "<meta property=\"article:published_time\" content=\"2021-03-03T10:00:00Z\">",
              "", NULL);
    expect_iso(&a->modified, NULL, "modified in the future");
    newsmeta_article_free(a);
}
END_TEST

/* ---- the parse's clock (options.now) --------------------------------------- */

#define NOW_1999 INT64_C(928195200) /* 1999-06-01T00:00:00Z */

/* A two-digit year is read within 80 years before and 20 after the year
 * of options.now: from 1999, "25" is 1925 and "20" is 1920 (the first
 * year past the 80), where the real clock of any day from 2000 to 2099
 * reads 2025 and 2020. HTML and text inputs alike. */
START_TEST(two_digit_years_follow_now)
{
    static const struct {
        const char *lang, *printed, *iso;
    } ROWS[] = {
        {"en", "11/19/25", "1925-11-19"},     {"en", "11/19/20", "1920-11-19"},
        {"de", "19.11.25", "1925-11-19"},     {"en", "Nov 19, '25", "1925-11-19"},
        {"ja", "25\xE5\xB9\xB4" "11\xE6\x9C\x88" "19\xE6\x97\xA5", "1925-11-19"}, /* 25年11月19日 */
    };
    newsmeta_options o;
    newsmeta_options_init(&o);
    ck_assert(o.now == 0); /* the default: the clock of each parse */
    o.now = NOW_1999;
    for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++) {
        date_case c = {ROWS[i].lang, NULL, PRINTED, ROWS[i].printed, NULL, false, DAY, NULL};
        char *page = page_for(&c);
        newsmeta_article *a = nm_parse_str(page, NULL, &o);
        expect_iso(&a->published, ROWS[i].iso, ROWS[i].printed);
        newsmeta_article_free(a);
        free(page);
    }
    static const char text[] =
        "Ferry timetable changes\n\nPublished 11/19/25\n\n"
        "The ferry timetable changes on Monday, when the winter schedule begins and the last "
        "crossing leaves at eight in the evening.\n\n"
        "Passengers with season tickets do not need to do anything, the operator said, as their "
        "passes remain valid until the end of March.\n";
    newsmeta_article *a = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_parse_text(text, sizeof text - 1, NULL, &o, &a, &err), NEWSMETA_OK);
    expect_iso(&a->published, "1925-11-19", "text input");
    newsmeta_article_free(a);
}
END_TEST

/* A date more than two days after options.now is not the publication:
 * from 1999, a page dated 2019 has none; from 2040, one dated 2035 is
 * kept (the real clock of 2026 to 2034 would drop it). */
START_TEST(future_follows_now)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.now = NOW_1999;
    newsmeta_article *a = parse_with(LD("\"datePublished\":\"2019-11-19T10:00:00Z\""), "", NULL, &o);
    expect_iso(&a->published, NULL, "2019 seen from 1999");
    newsmeta_article_free(a);
    o.now = INT64_C(2208988800); /* 2040-01-01T00:00:00Z */
    a = parse_with(LD("\"datePublished\":\"2035-01-01T10:00:00Z\""), "", NULL, &o);
    expect_iso(&a->published, "2035-01-01T10:00:00+00:00", "2035 seen from 2040");
    newsmeta_article_free(a);
    /* a date in the URL obeys the same clock (issue 17) */
    o.now = NOW_1999;
    a = parse_with("", "", "https://news.example.test/2019/11/19/ferry-timetable", &o);
    expect_iso(&a->published, NULL, "the URL's 2019 seen from 1999");
    newsmeta_article_free(a);
    o.now = INT64_C(2208988800);
    a = parse_with("", "", "https://news.example.test/2019/11/19/ferry-timetable", &o);
    expect_iso(&a->published, "2019-11-19", "the URL's 2019 seen from 2040");
    newsmeta_article_free(a);
}
END_TEST

/* options.now of 0 is the clock when the parse starts. */
START_TEST(now_zero_is_the_clock)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    newsmeta_article *a = parse_with("", "<p class=\"date\">11/19/47</p>", NULL, &o);
    o.now = (int64_t)time(NULL);
    newsmeta_article *b = parse_with("", "<p class=\"date\">11/19/47</p>", NULL, &o);
    ck_assert_int_eq(a->published.present, b->published.present);
    if (a->published.present)
        ck_assert_str_eq(a->published.iso, b->published.iso);
    newsmeta_article_free(a);
    newsmeta_article_free(b);
}
END_TEST

/* A line under the headline that is a date and no more, with nothing to
 * mark it (issue 16): the page's date; not a date inside a sentence, a
 * link (another story's card), or a header's "today" above the headline. */
START_TEST(bare_dates)
{
    newsmeta_article *a = parse("", "<p><span>November 19, 2019</span></p>", NULL);
    expect_iso(&a->published, "2019-11-19", "a date alone under the headline");
    newsmeta_article_free(a);
    a = parse("", "<div><a href=\"/team/jane\">Jane Doe</a> | November 19, 2019</div>", NULL);
    expect_iso(&a->published, "2019-11-19", "name | date");
    newsmeta_article_free(a);
    /* beside the byline, far under the headline (a long standfirst) */
    char far[2048] = "<p>";
    for (int i = 0; i < 12; i++)
        strcat(far, "The winter timetable brings later crossings and more ferries. ");
    strcat(far, "</p><p>Written by <a href=\"/team/jane\">Jane Doe</a></p><p>November 19, 2019</p>");
    a = parse("", far, NULL);
    expect_iso(&a->published, "2019-11-19", "a date beside the byline");
    newsmeta_article_free(a);
    a = parse("", "<p>The offer is valid through <b>11/30/2019</b>.</p>", NULL);
    expect_iso(&a->published, NULL, "a date in a sentence");
    newsmeta_article_free(a);
    a = parse("", "<p>Redeem by 11/30/2019</p>", NULL);
    expect_iso(&a->published, NULL, "a date after words");
    newsmeta_article_free(a);
    a = parse("", "<a href=\"/other-story\"><span>November 18, 2019</span></a>", NULL);
    expect_iso(&a->published, NULL, "a date in a link");
    newsmeta_article_free(a);
    /* a page without <h1>: the headline printed as the og:title says */
    a = nm_parse_str("<html lang=\"en\"><head><meta property=\"og:title\" content=\"Ferry "
                     "timetable changes\"></head><body><div class=\"hero\"><p class=\"big\">Ferry "
                     "timetable changes</p><p>November 19, 2019</p></div><p>The ferry timetable "
                     "changes on Monday, when the winter schedule begins.</p></body></html>",
                     NULL, NULL);
    expect_iso(&a->published, "2019-11-19", "a date under the headline of a page without <h1>");
    newsmeta_article_free(a);
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.now = INT64_C(1574164800); /* 2019-11-19T12:00:00Z */
    const char *today = "<html lang=\"en\"><body><div class=\"top\"><span>Tuesday, November 19, "
                        "2019</span></div><h1>Ferry timetable changes</h1><p>The ferry timetable "
                        "changes on Monday, when the winter schedule begins.</p></body></html>";
    a = nm_parse_str(today, NULL, &o);
    expect_iso(&a->published, NULL, "the header's today above the headline");
    newsmeta_article_free(a);
    o.now = INT64_C(1575158400); /* 2019-12-01 */
    a = nm_parse_str(today, NULL, &o);
    expect_iso(&a->published, "2019-11-19", "a date above the headline, not today");
    newsmeta_article_free(a);
}
END_TEST

/* <meta> names no table lists that say a publication date by their words
 * (issue 16); not an expiry, a modification, or a name that only looks
 * like it. */
START_TEST(meta_names_by_pattern)
{
    static const struct {
        const char *name, *want;
    } NAMES[] = {
        {"published_on", "2019-11-19"},   {"post-publish-date", "2019-11-19"},
        {"date.created", "2019-11-19"},   {"article_pubdate", "2019-11-19"},
        {"content-expiry-date", NULL},    {"publish-date-modified", NULL},
        {"publisher", NULL},
    };
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++) {
        char head[160];
        snprintf(head, sizeof head, "<meta name=\"%s\" content=\"2019-11-19\">", NAMES[i].name);
        newsmeta_article *a = parse(head, "", NULL);
        expect_iso(&a->published, NAMES[i].want, NAMES[i].name);
        newsmeta_article_free(a);
    }
}
END_TEST

/* A numeric date whose order the locale would decide takes the order
 * another date of the page shows by a field over 12 (issue 16). */
START_TEST(numeric_order_of_the_page)
{
    const char *page = "<html lang=\"en-GB\"><body><h1>Ferry timetable changes</h1>"
                       "<p class=\"date\">10/12/2019</p><p>The ferry timetable changes on Monday, "
                       "when the winter schedule begins.</p><ul><li><span class=\"date\">"
                       "11/18/2019</span> Harbour works</li></ul></body></html>";
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    expect_iso(&a->published, "2019-10-12", "month first, as 11/18/2019 shows");
    newsmeta_article_free(a);
    const char *alone = "<html lang=\"en-GB\"><body><h1>Ferry timetable changes</h1>"
                        "<p class=\"date\">10/12/2019</p><p>The ferry timetable changes on "
                        "Monday, when the winter schedule begins.</p></body></html>";
    a = nm_parse_str(alone, NULL, NULL);
    expect_iso(&a->published, "2019-12-10", "the locale's order");
    newsmeta_article_free(a);
}
END_TEST

/* A page that only shows when it was updated was published then, as far
 * as its reader can tell (issue 16); a modification only for machines
 * tells the reader nothing. */
START_TEST(updated_only)
{
    newsmeta_article *a = parse("", "<p>Updated on November 19, 2019</p>", NULL);
    expect_iso(&a->published, "2019-11-19", "only an update printed");
    expect_iso(&a->modified, "2019-11-19", "only an update printed");
    newsmeta_article_free(a);
    a = parse(LD("\"dateModified\":\"2019-11-19T10:00:00Z\""), "", NULL);
    expect_iso(&a->published, NULL, "an update only for machines");
    expect_iso(&a->modified, "2019-11-19T10:00:00+00:00", "an update only for machines");
    newsmeta_article_free(a);
}
END_TEST

/* The printed date and the machine-readable one. */
START_TEST(printed_against_machine)
{
    /* the same moment: the local form, with the machine's seconds */
    newsmeta_article *a = parse("<meta property=\"article:published_time\" content=\"2019-11-20T04:31:13+00:00\">",
                                "<p class=\"date\">Nov 19, 2019, 10:31 pm CST</p>", NULL);
    expect_iso(&a->published, "2019-11-19T22:31:13-06:00", "local form");
    ck_assert_str_eq(a->published.zone, "CST");
    newsmeta_article_free(a);
    /* a different moment printed with its zone: the reader's wins */
    a = parse(LD("\"datePublished\":\"2019-11-18T10:45:00Z\""),
              "<div class=\"byline\">Monday November 18, 2019 7:45 am PST by Joe Rossignol</div>", NULL);
    expect_iso(&a->published, "2019-11-18T07:45:00-08:00", "printed wins");
    ck_assert_int_eq(a->published.source, NEWSMETA_SOURCE_TEXT);
    newsmeta_article_free(a);
    /* a printed date alone refined by the machine-readable time of that day */
    a = parse(LD("\"datePublished\":\"2019-11-18T16:06:51-05:00\""),
              "<p class=\"date\">November 18, 2019</p>", NULL);
    expect_iso(&a->published, "2019-11-18T16:06:51-05:00", "refined");
    newsmeta_article_free(a);
    /* ... unless they disagree: the reader's day */
    a = parse(LD("\"datePublished\":\"2018-09-13T10:15:48+02:00\""),
              "<p class=\"byline\">By Anna Rossi - 2018-09-16</p>", NULL);
    expect_iso(&a->published, "2018-09-16", "printed day");
    newsmeta_article_free(a);
    /* a printed time without a zone, a machine time of another moment: the
     * printed one, in the machine's zone */
    a = parse(LD("\"datePublished\":\"2019-11-19T09:01:42+05:30\""),
              "<div><span>First Published:</span> Tuesday, November 19, 2019 08:38 AM</div>", NULL);
    expect_iso(&a->published, "2019-11-19T08:38:00+05:30", "first published");
    newsmeta_article_free(a);
    /* the same naive wall clock with and without an offset */
    a = parse("<meta property=\"article:published_time\" content=\"2019-11-18T17:01:27.893\">"
              "<meta itemprop=\"datePublished\" content=\"2019-11-18T17:01:27.893Z\">",
              "", NULL);
    expect_iso(&a->published, "2019-11-18T17:01:27+00:00", "same wall clock");
    newsmeta_article_free(a);
    /* a printed date that is the last update's: the earlier publication */
    a = parse("<meta property=\"article:published_time\" content=\"2018-10-07T09:00:35-08:00\">"
              "<meta property=\"article:modified_time\" content=\"2018-11-12T17:36:26-08:00\">",
              "<p class=\"date\">November 12, 2018</p>", NULL);
    expect_iso(&a->published, "2018-10-07T09:00:35-08:00", "shows the update");
    expect_iso(&a->modified, "2018-11-12T17:36:26-08:00", "modified");
    newsmeta_article_free(a);
}
END_TEST

/* Labels part published from updated in one printed line. */
START_TEST(labels)
{
    newsmeta_article *a = parse("",
                                "<p class=\"date\">Published 07:40 IST, March 3, 2021 | Updated 08:10 IST, "
                                "March 3, 2021</p>",
                                NULL);
    expect_iso(&a->published, "2021-03-03T07:40:00+05:30", "published");
    expect_iso(&a->modified, "2021-03-03T08:10:00+05:30", "updated");
    newsmeta_article_free(a);
    a = parse("",
              "<p><span>Essay - Published: 2019.11.19 | </span><a href=\"/tags/ferries\">ferries</a></p>",
              NULL);
    expect_iso(&a->published, "2019-11-19", "a label after a word and a separator");
    newsmeta_article_free(a);
    /* a date element inside the update's element is that update */
    a = parse(LD("\"datePublished\":\"2019-11-12T10:00:00Z\""),
              "<p class=\"post-date\">Last Updated: <span class=\"date\">March 3, 2021</span></p>",
              NULL);
    expect_iso(&a->published, "2019-11-12T10:00:00+00:00", "the update's date is no publication");
    expect_iso(&a->modified, "2021-03-03", "the update");
    newsmeta_article_free(a);
    a = parse("", "<p>Updated: 3 March 2021 14:05 GMT</p>", NULL);
    /* the one date the reader sees is the publication too (updated_only) */
    expect_iso(&a->published, "2021-03-03T14:05:00+00:00", "only an update");
    expect_iso(&a->modified, "2021-03-03T14:05:00+00:00", "updated");
    newsmeta_article_free(a);
    a = parse("", "<p><span class=\"about\">Von Moritz Bachmann</span> <span>publiziert am 25. "
                  "September 2018</span></p>",
              NULL);
    expect_iso(&a->published, "2018-09-25", "publiziert am");
    newsmeta_article_free(a);
}
END_TEST

/* The page's zone, learnt from what it prints. */
START_TEST(zone_evidence)
{
    /* a <time> whose text prints its UTC datetime in the page's zone */
    newsmeta_article *a = parse("<meta itemprop=\"datePublished\" content=\"2019-11-19 02:24:00\">",
                                "<time datetime=\"2019-11-19 02:24:00 UTC\">Nov 18, 2019 at 9:24 PM</time>",
                                NULL);
    expect_iso(&a->published, "2019-11-18T21:24:00-05:00", "pair");
    newsmeta_article_free(a);
    /* a zone printed beside the update gives the naive publication its offset */
    a = parse(LD("\"datePublished\":\"2019-11-20T06:37:00\",\"dateModified\":\"2019-11-20T11:42:00\""),
              "<p class=\"date-time\">Wednesday 20 November 2019 11:42, UK</p>", NULL);
    expect_iso(&a->published, "2019-11-20T06:37:00+00:00", "UK");
    newsmeta_article_free(a);
    /* a script's publication time with the same wall clock */
    a = parse(LD("\"datePublished\":\"2019-11-19T18:18:25.828095\"")
              "<script>var dataLayer = {\"articlePublishTime\": \"2019-11-19T18:18:25.828095-08:00\"};</script>",
              "<time class=\"dt-published\"><b>Published:</b> Nov. 19, 2019, 6:18 p.m.</time>", NULL);
    expect_iso(&a->published, "2019-11-19T18:18:25-08:00", "script");
    newsmeta_article_free(a);
    /* a Unix timestamp settles a local clock labelled UTC */
    a = parse("<meta name=\"pubdate\" content=\"2019-11-18T21:17:27Z\">"
              "<meta name=\"analytics:p_ts\" content=\"1574101047\">",
              "<time datetime=\"2019-11-18T21:17\">21:17 18.11.2019</time>", NULL);
    expect_iso(&a->published, "2019-11-18T21:17:27+03:00", "epoch");
    newsmeta_article_free(a);
    /* a timestamp alone */
    a = parse("<meta name=\"analytics:p_ts\" content=\"1574101047\">", "", NULL);
    expect_iso(&a->published, "2019-11-18T18:17:27+00:00", "epoch alone");
    ck_assert_str_eq(a->published.raw, "1574101047");
    newsmeta_article_free(a);
    /* the UTC clock with the local offset appended (a CMS bug) */
    a = parse("<meta property=\"article:published_time\" content=\"2018-10-09T15:46:39-05:00\">",
              "<time class=\"entry-date published\" datetime=\"2018-10-09T10:46:39-05:00\">October 9, "
              "2018</time>",
              NULL);
    expect_iso(&a->published, "2018-10-09T10:46:39-05:00", "utc clock");
    newsmeta_article_free(a);
    /* a naive machine-readable time keeps its offset unknown */
    a = parse(LD("\"datePublished\":\"2021-03-03T12:35:00Z\",\"dateModified\":\"2021-03-04T08:00:00\""),
              "", NULL);
    expect_iso(&a->modified, "2021-03-04T08:00:00", "naive modified");
    ck_assert(!a->modified.offset_known);
    newsmeta_article_free(a);
}
END_TEST

/* The URL gives a date when nothing else does. */
START_TEST(url_fallback)
{
    newsmeta_article *a = parse("", "", "https://www.example.com/2019/nov/18/story-slug/");
    expect_iso(&a->published, "2019-11-18", "month name");
    ck_assert_int_eq(a->published.source, NEWSMETA_SOURCE_URL);
    newsmeta_article_free(a);
    a = parse("", "", "https://www.example.com/news/2019-11-18/story");
    expect_iso(&a->published, "2019-11-18", "dashes");
    newsmeta_article_free(a);
    a = parse("", "", "https://www.example.com/2019/11/story");
    expect_iso(&a->published, "2019-11", "month");
    newsmeta_article_free(a);
    a = parse(LD("\"datePublished\":\"2019-11-17T10:00:00Z\""), "",
              "https://www.example.com/2019/11/18/story");
    expect_iso(&a->published, "2019-11-17T10:00:00+00:00", "the page wins");
    newsmeta_article_free(a);
}
END_TEST

/* ICU's generic short zone names (ET, PT, AET: pattern letter 'v') are
 * read from a table in lib/date_zone.c, since parsing one with ICU loads every
 * location name of the locale. The table must say what ICU says: each
 * name, in winter and in summer, gets the offset ICU's own parse gives in
 * en_US (or en_AU), and the record keeps the name as printed. */
START_TEST(generic_zone_names_match_icu)
{
    static const char *const NAMES[] = {"ET", "CT", "MT", "PT", "AKT", "AT",
                                        "AET", "ACT", "LHT", "NZT"};
    static const char *const WHEN[] = {"2019-01-15 10:00", "2019-07-15 10:00"};
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++) {
        for (size_t w = 0; w < 2; w++) {
            char text[64];
            snprintf(text, sizeof text, "%s %s", WHEN[w], NAMES[i]);
            /* ICU: the offset and zone of the wall time in that zone */
            int icu_off = 0;
            char icu_zone[64] = "";
            bool found = false;
            static const char *const LOCALES[] = {"en_US", "en_AU"};
            for (size_t l = 0; l < 2 && !found; l++) {
                UErrorCode st = U_ZERO_ERROR;
                UChar pat[32], utext[64], utc[] = {'U', 'T', 'C', 0};
                u_uastrcpy(pat, "yyyy-MM-dd HH:mm v");
                u_uastrcpy(utext, text);
                UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, LOCALES[l], utc, -1, pat,
                                           -1, &st);
                ck_assert(U_SUCCESS(st));
                udat_setLenient(f, false);
                UCalendar *cal = ucal_open(utc, -1, LOCALES[l], UCAL_GREGORIAN, &st);
                int32_t pos = 0;
                udat_parseCalendar(f, cal, utext, -1, &pos, &st);
                if (U_SUCCESS(st) && pos == (int32_t)strlen(text)) {
                    UChar zid[64];
                    int32_t zl = ucal_getTimeZoneID(cal, zid, 64, &st);
                    u_austrncpy(icu_zone, zid, 63);
                    icu_zone[zl < 63 ? zl : 63] = '\0';
                    icu_off = (ucal_get(cal, UCAL_ZONE_OFFSET, &st) +
                               ucal_get(cal, UCAL_DST_OFFSET, &st)) / 60000;
                    found = U_SUCCESS(st);
                }
                ucal_close(cal);
                udat_close(f);
            }
            ck_assert_msg(found, "ICU does not read \"%s\"", text);
            /* newsmeta, from JSON-LD */
            char head[256];
            snprintf(head, sizeof head, LD("\"datePublished\":\"%s\""), text);
            newsmeta_article *a = parse(head, "", NULL);
            ck_assert_msg(a->published.present && a->published.offset_known, "\"%s\": no offset",
                          text);
            char want[64];
            int o = icu_off < 0 ? -icu_off : icu_off;
            snprintf(want, sizeof want, "%sT%s:00%c%02d:%02d", "2019-01-15", "10:00",
                     icu_off < 0 ? '-' : '+', o / 60, o % 60);
            memcpy(want, WHEN[w], 10);
            ck_assert_msg(!strcmp(a->published.iso, want), "\"%s\": newsmeta %s, ICU %s", text,
                          a->published.iso, want);
            ck_assert_msg(a->published.zone && !strcmp(a->published.zone, NAMES[i]),
                          "\"%s\": zone %s (ICU's zone: %s)", text,
                          a->published.zone ? a->published.zone : "none", icu_zone);
            newsmeta_article_free(a);
        }
    }
}
END_TEST

/* ICU's reading of a zone name in a locale: the offset the name gives at
 * 10:00 on the date. */
static bool icu_name_offset(const char *locale, const char *date, const char *name, int *offset)
{
    char text[64];
    snprintf(text, sizeof text, "%s 10:00:00 %s", date, name);
    UErrorCode st = U_ZERO_ERROR;
    UChar pat[32], utext[64], utc[] = {'U', 'T', 'C', 0};
    u_uastrcpy(pat, "yyyy-MM-dd HH:mm:ss z");
    u_uastrcpy(utext, text);
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, -1, pat, -1, &st);
    if (U_FAILURE(st))
        return false;
    udat_setLenient(f, false);
    UCalendar *cal = ucal_open(utc, -1, locale, UCAL_GREGORIAN, &st);
    int32_t pos = 0;
    udat_parseCalendar(f, cal, utext, -1, &pos, &st);
    bool ok = U_SUCCESS(st) && pos == (int32_t)strlen(text);
    if (ok) {
        /* the wall time minus the instant ICU read */
        double at = ucal_getMillis(cal, &st);
        int y, mo, d;
        sscanf(date, "%d-%d-%d", &y, &mo, &d);
        UCalendar *wall = ucal_open(utc, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
        ucal_clear(wall);
        ucal_setDateTime(wall, y, mo - 1, d, 10, 0, 0, &st);
        double diff = (ucal_getMillis(wall, &st) - at) / 60000.0;
        *offset = (int)(diff < 0 ? diff - 0.5 : diff + 0.5);
        ucal_close(wall);
        ok = U_SUCCESS(st);
    }
    ucal_close(cal);
    udat_close(f);
    return ok;
}

static bool in_names(char names[][8], size_t n, const char *name)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(names[k], name))
            return true;
    return false;
}

/* The short specific zone names ICU formats in a locale for any zone, in
 * winter or in summer (letters only; GMT and UTC left out). */
static size_t icu_short_names(const char *locale, char names[][8], size_t cap)
{
    size_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    UEnumeration *e =
        ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL, NULL, &st);
    ck_assert(U_SUCCESS(st));
    const UChar *id;
    int32_t idlen;
    while ((id = uenum_unext(e, &idlen, &st)) != NULL) {
        for (size_t w = 0; w < 2; w++) {
            UErrorCode fs = U_ZERO_ERROR;
            UChar pat[] = {'z', 0}, out[16];
            UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, id, idlen, pat, -1, &fs);
            int32_t len = udat_format(f, w ? 1563184800000.0 : 1547546400000.0, out, 16, NULL, &fs);
            udat_close(f);
            bool letters = U_SUCCESS(fs) && len >= 2 && len <= 5;
            for (int32_t i = 0; letters && i < len; i++)
                letters = (out[i] >= 'A' && out[i] <= 'Z') || (out[i] >= 'a' && out[i] <= 'z');
            if (!letters)
                continue;
            char name[8];
            u_austrncpy(name, out, len);
            name[len] = '\0';
            if (strcmp(name, "GMT") && strcmp(name, "UTC") && !in_names(names, n, name) &&
                n < cap)
                strcpy(names[n++], name);
        }
    }
    uenum_close(e);
    return n;
}

/* Short specific zone names (EST, BST, IST, AEDT) in the English locales
 * pages name zones in most are read from a table in lib/date_zone.c rather
 * than ICU (whose first parse in a locale loads all its zone names). The
 * table must say what ICU says: every short name ICU formats for any zone
 * in en_US, en_GB, en_IN and en_AU, on a page of that locale, in winter
 * and summer, gets the offset ICU's own parse gives. */
START_TEST(specific_zone_names_match_icu)
{
    static const char *const LOCALES[][2] = {
        {"en_US", "en-US"}, {"en_GB", "en-GB"}, {"en_IN", "en-IN"}, {"en_AU", "en-AU"}};
    static const char *const DATES[] = {"2019-01-15", "2019-07-15"};
    size_t checked = 0;
    for (size_t l = 0; l < sizeof LOCALES / sizeof *LOCALES; l++) {
        char names[64][8];
        size_t nnames = icu_short_names(LOCALES[l][0], names, 64);
        for (size_t k = 0; k < nnames; k++) {
            for (size_t d = 0; d < 2; d++) {
                int want;
                if (!icu_name_offset(LOCALES[l][0], DATES[d], names[k], &want))
                    continue;
                char head[256], page[1024];
                snprintf(head, sizeof head, LD("\"datePublished\":\"%s 10:00:00 %s\""), DATES[d],
                         names[k]);
                snprintf(page, sizeof page,
                         "<html lang=\"%s\"><head><title>Ferry timetable</title>%s</head>"
                         "<body><article><h1>Ferry timetable</h1><p>The winter timetable "
                         "begins on Monday, with the last crossing at eight in the evening "
                         "and the first at six in the morning.</p></article></body></html>",
                         LOCALES[l][1], head);
                newsmeta_article *a = nm_parse_str(page, NULL, NULL);
                char iso[64];
                int o = want < 0 ? -want : want;
                snprintf(iso, sizeof iso, "%sT10:00:00%c%02d:%02d", DATES[d],
                         want < 0 ? '-' : '+', o / 60, o % 60);
                ck_assert_msg(a->published.present && !strcmp(a->published.iso, iso),
                              "%s \"%s\" on %s: newsmeta %s, ICU %s", LOCALES[l][0], names[k],
                              DATES[d], a->published.present ? a->published.iso : "none", iso);
                newsmeta_article_free(a);
                checked++;
            }
        }
    }
    ck_assert_uint_ge(checked, 60);
}
END_TEST

/* The table holds all of those locales' names, so newsmeta does not ask
 * ICU about other names in them: ICU must read none of the names other
 * locales have (all the English ones, Japanese, German) in them. */
START_TEST(specific_zone_tables_are_complete)
{
    static const char *const COVERED[] = {"en_US", "en_GB", "en_IN", "en_AU"};
    static const char *const OTHERS[] = {"en_US", "en_GB", "en_IN", "en_AU", "en_CA", "en_NZ",
                                         "en_SG", "en_IE", "en_ZA", "en_PH", "ja_JP", "de_DE"};
    static char all[512][8];
    size_t nall = 0;
    for (size_t o = 0; o < sizeof OTHERS / sizeof *OTHERS; o++) {
        char names[128][8];
        size_t n = icu_short_names(OTHERS[o], names, 128);
        for (size_t k = 0; k < n; k++)
            if (!in_names(all, nall, names[k]) && nall < 512)
                strcpy(all[nall++], names[k]);
    }
    ck_assert_uint_ge(nall, 60);
    for (size_t c = 0; c < sizeof COVERED / sizeof *COVERED; c++) {
        char own[64][8];
        size_t nown = icu_short_names(COVERED[c], own, 64);
        for (size_t k = 0; k < nall; k++) {
            int off;
            ck_assert_msg(in_names(own, nown, all[k]) ||
                              !icu_name_offset(COVERED[c], "2019-01-15", all[k], &off),
                          "ICU reads \"%s\" in %s, which formats no zone with it", all[k],
                          COVERED[c]);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dates");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, date_table, 0, (int)(sizeof CASES / sizeof *CASES));
    suite_add_tcase(s, tc);
    tc = tcase_create("choice");
    tcase_add_test(tc, published_and_modified_apart);
    tcase_add_test(tc, modified_before_published);
    tcase_add_test(tc, no_future_dates);
    tcase_add_test(tc, printed_against_machine);
    tcase_add_test(tc, bare_dates);
    tcase_add_test(tc, updated_only);
    tcase_add_test(tc, numeric_order_of_the_page);
    tcase_add_test(tc, meta_names_by_pattern);
    tcase_add_test(tc, labels);
    tcase_add_test(tc, zone_evidence);
    tcase_add_test(tc, generic_zone_names_match_icu);
    tcase_add_test(tc, specific_zone_names_match_icu);
    tcase_add_test(tc, specific_zone_tables_are_complete);
    tcase_add_test(tc, url_fallback);
    suite_add_tcase(s, tc);
    tc = tcase_create("clock");
    tcase_add_test(tc, two_digit_years_follow_now);
    tcase_add_test(tc, future_follows_now);
    tcase_add_test(tc, now_zero_is_the_clock);
    suite_add_tcase(s, tc);
    return nm_run_suite(s);
}
