/* Charsets: a page in each of the web's common legacy charsets, built at
 * test time from UTF-8 source strings with ICU, must give its headline and
 * body back as the exact UTF-8 strings, and the record must say which
 * charset was used and how it was chosen (BOM, option, <meta>, detected,
 * default). Also: bytes a charset does not define become U+FFFD, and every
 * string is NFC, including characters written as character references,
 * with link offsets still right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include "testutil.h"

/* The headline and body of a test page, in UTF-8. */
typedef struct sample {
    const char *headline;
    const char *body[3];
} sample;

static const sample RUSSIAN = {
    "Учёные нашли новый способ очистки воды",
    {"Исследователи из Новосибирска представили фильтр, который удаляет из воды почти все "
     "загрязнения за несколько минут.",
     "По словам авторов, устройство стоит недорого и может работать без электричества в "
     "отдалённых сёлах, где нет водопровода.",
     "Первые испытания прошли этой весной на реке Обь, и результаты оказались лучше, чем "
     "ожидали сами учёные."}};

static const sample FRENCH = {
    "L’été où l’œuvre a coûté 5 € de plus",
    {"« Nous avons dû tout reprendre », explique l’architecte, dont l’équipe a travaillé "
     "jour et nuit pendant l’été.",
     "Le chantier, estimé à 12 millions d’euros, s’achèvera au printemps — si la météo le "
     "permet, précise la mairie.",
     NULL}};

static const sample FRENCH2 = {
    "Météo : un été très chaud s’annonce à Besançon",
    {"Selon les prévisionnistes, les températures dépasseront régulièrement trente degrés "
     "dès la fin du mois de juin, à l’intérieur des terres.",
     "Les agriculteurs s’inquiètent déjà pour les récoltes : « l’eau manque », résume un "
     "maraîcher de la région, qui arrose désormais la nuit.",
     NULL}};

static const sample POLISH = {
    "Żółta łódź płynie przez Gdańsk",
    {"Mieszkańcy Gdańska mogą od środy podziwiać zabytkową łódź, która przepłynęła całą "
     "Wisłę od źródeł aż do morza.",
     "Według organizatorów rejs trwał dwanaście dni, a załoga spała w namiotach na brzegu "
     "rzeki, gotując posiłki na ognisku.",
     NULL}};

static const sample JAPANESE = {
    "東京で新しい図書館が開館",
    {"東京都内に新しい公立図書館が開館し、初日から多くの市民が訪れた。館内には約十万冊の本が"
     "並び、子ども向けの読書スペースも設けられている。",
     "館長は「誰もが気軽に本と出会える場所にしたい」と話している。開館時間は午前九時から午後"
     "八時までとなっている。",
     NULL}};

static const sample KOREAN = {
    "서울에서 새 도서관이 문을 열었다",
    {"서울 시내에 새로운 공공 도서관이 문을 열어 첫날부터 많은 시민들이 찾았다. 도서관에는 약 "
     "십만 권의 책이 있다.",
     "관장은 누구나 편하게 책을 만날 수 있는 곳이 되기를 바란다고 말했다. 개관 시간은 오전 "
     "아홉 시부터 오후 여덟 시까지이다.",
     NULL}};

static const sample CHINESE = {
    "北京举行国际科技博览会",
    {"第十届国际科技博览会今天在北京开幕，来自三十多个国家的企业展示了人工智能和新能源领域的"
     "最新成果。",
     "主办方表示，本届博览会预计将吸引超过二十万名观众，展期为五天，门票可在网上预订。",
     NULL}};

static const sample ENGLISH_ACCENTS = {
    "Zoë’s café reopens after a naïve renovation",
    {"The café on the corner, famous for its crème brûlée, reopened on Monday after a "
     "renovation that took almost a year.",
     "“We kept the old façade,” said the owner, Zoë Martín, who bought the building in 2019 "
     "from a retired pâtissier.",
     NULL}};

/* The page in UTF-8: <head> holds `head` (a <meta> or nothing). */
static char *page_utf8(const sample *s, const char *head)
{
    size_t cap = 8192;
    char *p = malloc(cap);
    ck_assert_ptr_nonnull(p);
    int n = snprintf(p, cap,
                     "<!DOCTYPE html><html><head>%s<title>%s</title></head><body><article>"
                     "<h1>%s</h1>",
                     head, s->headline, s->headline);
    for (int i = 0; i < 3 && s->body[i]; i++)
        n += snprintf(p + n, cap - (size_t)n, "<p>%s</p>", s->body[i]);
    n += snprintf(p + n, cap - (size_t)n, "</article></body></html>");
    ck_assert_int_lt(n, (int)cap);
    return p;
}

/* UTF-8 to `charset` with ICU; fails the test if a character has no
 * mapping (the test text must be representable). */
static char *encode(const char *utf8, const char *charset, size_t *len)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *to = ucnv_open(charset, &st);
    ck_assert_msg(U_SUCCESS(st), "ICU has no converter %s", charset);
    ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    UConverter *from = ucnv_open("UTF-8", &st);
    size_t cap = strlen(utf8) * 4 + 16;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    char *target = out;
    const char *source = utf8;
    ucnv_convertEx(to, from, &target, out + cap, &source, utf8 + strlen(utf8), NULL, NULL, NULL,
                   NULL, true, true, &st);
    ck_assert_msg(U_SUCCESS(st), "cannot encode the test text in %s: %s", charset,
                  u_errorName(st));
    ucnv_close(from);
    ucnv_close(to);
    *len = (size_t)(target - out);
    return out;
}

static void expect_sample(const newsmeta_article *a, const sample *s, const char *what)
{
    ck_assert_msg(a->headline != NULL, "%s: no headline", what);
    ck_assert_msg(!strcmp(a->headline, s->headline), "%s: headline \"%s\"", what, a->headline);
    size_t want = 0;
    while (want < 3 && s->body[want])
        want++;
    ck_assert_msg(a->paragraph_count == want, "%s: %zu paragraphs", what, a->paragraph_count);
    for (size_t i = 0; i < want; i++)
        ck_assert_msg(!strcmp(a->paragraphs[i].text, s->body[i]), "%s: paragraph %zu \"%s\"",
                      what, i, a->paragraphs[i].text);
}

/* One page per row: the sample encoded in `encoding` with `head` in its
 * <head> (a <meta> or nothing), parsed with `option` as options.charset;
 * the record must give the text back, and say that charset `want` was
 * chosen by `source`. */
typedef struct charset_case {
    const char *what;
    const sample *text;
    const char *head;
    const char *encoding;
    const char *option;
    const char *want;
    newsmeta_charset_source source;
} charset_case;

static const sample CAFE = {
    "Café reopens on the square",
    {"The café on the square reopened this week after a long refurbishment.", NULL, NULL}};

static const sample ASCII = {
    "Plain ASCII headline for the default case",
    {"A paragraph of plain ASCII text, long enough to be kept as the body of the page.", NULL,
     NULL}};

static const charset_case CASES[] = {
    /* declared in a <meta> */
    {"windows-1251", &RUSSIAN, "<meta charset=\"windows-1251\">", "windows-1251", NULL,
     "windows-1251", NEWSMETA_CHARSET_META},
    {"windows-1252", &FRENCH,
     "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
     "windows-1252", NULL, "windows-1252", NEWSMETA_CHARSET_META},
    /* latin1 means windows-1252 (the HTML rule): 0x80 is the euro sign */
    {"latin1 label", &FRENCH, "<meta charset=\"ISO-8859-1\">", "windows-1252", NULL,
     "windows-1252", NEWSMETA_CHARSET_META},
    {"iso-8859-2", &POLISH, "<meta charset=\"iso-8859-2\">", "ISO-8859-2", NULL, "ISO-8859-2",
     NEWSMETA_CHARSET_META},
    {"Shift_JIS", &JAPANESE, "<meta charset=\"Shift_JIS\">", "Shift_JIS", NULL, "Shift_JIS",
     NEWSMETA_CHARSET_META},
    {"EUC-KR", &KOREAN,
     "<meta http-equiv=\"content-type\" content=\"text/html;charset=euc-kr\">", "EUC-KR",
     NULL, "EUC-KR", NEWSMETA_CHARSET_META},
    {"GB18030", &CHINESE, "<meta charset=\"gb18030\">", "GB18030", NULL, "GB18030",
     NEWSMETA_CHARSET_META},
    /* gb2312 pages are read with the GB18030 decoder, as browsers do */
    {"gb2312 label", &CHINESE, "<meta charset=\"gb2312\">", "GB18030", NULL, "GBK",
     NEWSMETA_CHARSET_META},
    /* a <meta> naming UTF-16 in a page readable as ASCII means UTF-8 */
    {"utf-16 label", &ENGLISH_ACCENTS, "<meta charset=\"utf-16\">", "UTF-8", NULL, "UTF-8",
     NEWSMETA_CHARSET_META},
    /* the caller's charset (the transport's) decodes, and beats the <meta> */
    {"option, no meta", &CAFE, "", "windows-1252", "windows-1252", "windows-1252",
     NEWSMETA_CHARSET_OPTION},
    {"option beats koi8-r", &RUSSIAN, "<meta charset=\"koi8-r\">", "windows-1251",
     "windows-1251", "windows-1251", NEWSMETA_CHARSET_OPTION},
    {"option latin2 beats utf-8", &POLISH, "<meta charset=\"utf-8\">", "ISO-8859-2", "latin2",
     "ISO-8859-2", NEWSMETA_CHARSET_OPTION},
    /* declared UTF-8, really windows-1252: the bytes overrule the <meta> */
    {"utf-8 declared, windows-1252 (1)", &FRENCH2, "<meta charset=\"utf-8\">", "windows-1252",
     NULL, "windows-1252", NEWSMETA_CHARSET_DETECTED},
    {"utf-8 declared, windows-1252 (2)", &FRENCH, "<meta charset=\"UTF-8\">", "windows-1252",
     NULL, "windows-1252", NEWSMETA_CHARSET_DETECTED},
    /* declared latin1, really UTF-8 (an old template): read as UTF-8 */
    {"latin1 declared, utf-8", &FRENCH2, "<meta charset=\"iso-8859-1\">", "UTF-8", NULL,
     "UTF-8", NEWSMETA_CHARSET_DETECTED},
    /* no declaration at all: ICU's detector decides */
    {"undeclared windows-1251", &RUSSIAN, "", "windows-1251", NULL, "windows-1251",
     NEWSMETA_CHARSET_DETECTED},
    {"undeclared Shift_JIS", &JAPANESE, "", "Shift_JIS", NULL, "Shift_JIS",
     NEWSMETA_CHARSET_DETECTED},
    {"undeclared utf-8", &ENGLISH_ACCENTS, "", "UTF-8", NULL, "UTF-8",
     NEWSMETA_CHARSET_DETECTED},
    /* ASCII only: nothing to decide, read as UTF-8 */
    {"undeclared ascii", &ASCII, "", "UTF-8", NULL, "UTF-8", NEWSMETA_CHARSET_DEFAULT},
    /* a label that is none of the WHATWG standard's is passed over: the
     * bytes decide, as if the page declared nothing */
    {"utf8mb4 label", &FRENCH, "<meta charset=\"utf8mb4\">", "windows-1252", NULL,
     "windows-1252", NEWSMETA_CHARSET_DETECTED},
    {"uft-8 label", &RUSSIAN, "<meta charset=\"uft-8\">", "windows-1251", NULL, "windows-1251",
     NEWSMETA_CHARSET_DETECTED},
    {"none label", &JAPANESE, "<meta http-equiv=\"Content-Type\" content=\"text/html; "
     "charset=none\">", "Shift_JIS", NULL, "Shift_JIS", NEWSMETA_CHARSET_DETECTED},
    {"empty label", &ENGLISH_ACCENTS, "<meta charset=\"\">", "UTF-8", NULL, "UTF-8",
     NEWSMETA_CHARSET_DETECTED},
    {"UTF-32 label", &ENGLISH_ACCENTS, "<meta charset=\"UTF-32\">", "UTF-8", NULL, "UTF-8",
     NEWSMETA_CHARSET_DETECTED},
    {"EBCDIC label", &ENGLISH_ACCENTS, "<meta charset=\"ibm037\">", "UTF-8", NULL, "UTF-8",
     NEWSMETA_CHARSET_DETECTED},
    {"bocu-1 label", &POLISH, "<meta charset=\"bocu-1\">", "UTF-8", NULL, "UTF-8",
     NEWSMETA_CHARSET_DETECTED},
    /* ... and the next declaration is read, as a browser reads it */
    {"unknown, then koi8-r", &RUSSIAN, "<meta charset=\"none\"><meta charset=\"koi8-r\">",
     "KOI8-R", NULL, "KOI8-R", NEWSMETA_CHARSET_META},
    /* labels of the standard, spelt as pages spell them */
    {"x-sjis label", &JAPANESE, "<meta charset=\" X-SJIS \">", "Shift_JIS", NULL, "Shift_JIS",
     NEWSMETA_CHARSET_META},
    {"ks_c_5601-1987 label", &KOREAN, "<meta charset=\"ks_c_5601-1987\">", "EUC-KR", NULL,
     "EUC-KR", NEWSMETA_CHARSET_META},
    {"x-mac-cyrillic label", &RUSSIAN, "<meta charset=\"x-mac-cyrillic\">", "x-mac-cyrillic",
     NULL, "x-mac-cyrillic", NEWSMETA_CHARSET_META},
    /* the caller's utf-16 label: UTF-16LE without a byte order mark */
    {"option utf-16", &ENGLISH_ACCENTS, "", "UTF-16LE", "utf-16", "UTF-16LE",
     NEWSMETA_CHARSET_OPTION},
};

START_TEST(charset_table)
{
    const charset_case *c = &CASES[_i];
    char *utf8 = page_utf8(c->text, c->head);
    size_t len = 0;
    char *bytes = encode(utf8, c->encoding, &len);
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.charset = c->option;
    newsmeta_article *a = nm_parse(bytes, len, "https://example.test/news/1", &o);
    expect_sample(a, c->text, c->what);
    ck_assert_msg(!strcmp(a->charset, c->want), "%s: charset %s", c->what, a->charset);
    ck_assert_msg(a->charset_source == c->source, "%s: charset_source %d", c->what,
                  (int)a->charset_source);
    newsmeta_article_free(a);
    free(bytes);
    free(utf8);
}
END_TEST

/* Pages whose label names an encoding newsmeta never decodes: UTF-7
 * (markup written in it, +ADw-script+AD4-, would become a <script>) and
 * the standard's replacement encoding (ISO-2022-KR, HZ: ASCII bytes
 * standing for other characters). The text is the bytes as they are. */
static const struct {
    const char *meta;
    const char *text;
    const char *want; /* in the paragraph (control characters aside) */
} UNREAD_LABELS[] = {
    {"<meta charset=\"utf-7\">",
     "The ferry timetable changes on Monday +ADw-script+AD4-alert(1)+ADw-/script+AD4- for the "
     "whole summer season.",
     "on Monday +ADw-script+AD4-alert(1)+ADw-/script+AD4- for the whole"},
    {"<meta http-equiv=\"content-type\" content=\"text/html; charset=hz-gb-2312\">",
     "High water ~{at noon~} on Monday, and an hour later each day after that.",
     "High water ~{at noon~} on Monday"},
    {"<meta charset=\"csISO2022KR\">",
     "Harbour dues \x1b$)C rise \x0e!!\x0f by a tenth from the first of the month.",
     "$)C rise !! by a tenth"},
};

START_TEST(unread_label_keeps_the_bytes)
{
    char page[1024];
    snprintf(page, sizeof page,
             "<html><head>%s<title>Harbour news</title></head><body><article>"
             "<h1>Harbour news of the week</h1><p>%s</p></article></body></html>",
             UNREAD_LABELS[_i].meta, UNREAD_LABELS[_i].text);
    newsmeta_article *a = nm_parse_str(page, NULL, NULL);
    ck_assert_str_eq(a->charset, "UTF-8");
    ck_assert_int_eq(a->charset_source, NEWSMETA_CHARSET_DEFAULT);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_msg(strstr(a->paragraphs[0].text, UNREAD_LABELS[_i].want), "\"%s\"",
                  a->paragraphs[0].text);
    newsmeta_article_free(a);
}
END_TEST

/* UTF-16LE with its byte order mark (ICU's "UTF-16" writes one). */
START_TEST(utf16le_with_bom)
{
    char *utf8 = page_utf8(&ENGLISH_ACCENTS, "");
    size_t len = 0;
    char *body = encode(utf8, "UTF-16LE", &len);
    char *bytes = malloc(len + 2);
    ck_assert_ptr_nonnull(bytes);
    bytes[0] = (char)0xFF;
    bytes[1] = (char)0xFE;
    memcpy(bytes + 2, body, len);
    newsmeta_article *a = nm_parse(bytes, len + 2, NULL, NULL);
    expect_sample(a, &ENGLISH_ACCENTS, "BOM");
    ck_assert_str_eq(a->charset, "UTF-16LE");
    ck_assert_int_eq(a->charset_source, NEWSMETA_CHARSET_BOM);
    newsmeta_article_free(a);
    /* a BOM beats the caller's charset */
    newsmeta_options o;
    newsmeta_options_init(&o);
    o.charset = "windows-1252";
    a = nm_parse(bytes, len + 2, NULL, &o);
    expect_sample(a, &ENGLISH_ACCENTS, "BOM");
    ck_assert_int_eq(a->charset_source, NEWSMETA_CHARSET_BOM);
    newsmeta_article_free(a);
    free(bytes);
    free(body);
    free(utf8);
}
END_TEST

/* A UTF-16 byte order mark is honoured on a page of ASCII characters. */
START_TEST(utf16le_bom_on_ascii)
{
    static const char ascii[] = "<html><head><title>Tide tables updated</title></head><body>"
                                "<p>The tide tables for the harbour were updated for the new "
                                "season this week.</p></body></html>";
    size_t n = sizeof ascii - 1;
    char *buf = malloc(2 + 2 * n);
    ck_assert_ptr_nonnull(buf);
    buf[0] = (char)0xFF;
    buf[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        buf[2 + 2 * i] = ascii[i];
        buf[3 + 2 * i] = 0;
    }
    newsmeta_article *a = nm_parse(buf, 2 + 2 * n, NULL, NULL);
    ck_assert_str_eq(a->headline, "Tide tables updated");
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_str_eq(a->charset, "UTF-16LE");
    newsmeta_article_free(a);
    free(buf);
}
END_TEST

/* A UTF-8 byte order mark, and a <meta> that says otherwise. */
START_TEST(utf8_bom)
{
    char *utf8 = page_utf8(&ENGLISH_ACCENTS, "<meta charset=\"windows-1252\">");
    size_t n = strlen(utf8);
    char *bytes = malloc(n + 3);
    ck_assert_ptr_nonnull(bytes);
    memcpy(bytes, "\xEF\xBB\xBF", 3);
    memcpy(bytes + 3, utf8, n);
    newsmeta_article *a = nm_parse(bytes, n + 3, NULL, NULL);
    expect_sample(a, &ENGLISH_ACCENTS, "BOM");
    ck_assert_str_eq(a->charset, "UTF-8");
    ck_assert_int_eq(a->charset_source, NEWSMETA_CHARSET_BOM);
    newsmeta_article_free(a);
    free(bytes);
    free(utf8);
}
END_TEST

/* Bytes the charset does not define, and broken multi-byte sequences,
 * become U+FFFD: never U+001A, never passed through. */
START_TEST(undefined_bytes_become_fffd)
{
    /* 0xD2 is not a character of windows-1253 (ICU's default would give
     * U+001A) */
    static const char greek[] = "<html><head><meta charset=\"windows-1253\"></head><body><p>"
                                "\xC1\xE8\xDE\xED\xE1 \xD2 \xE5\xE9\xE4\xDE\xF3\xE5\xE9\xF2 "
                                "and a paragraph long enough to be kept as body text.</p>"
                                "</body></html>";
    newsmeta_article *a = nm_parse(greek, sizeof greek - 1, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_str_eq(a->paragraphs[0].text,
                     "Αθήνα \xEF\xBF\xBD ειδήσεις and a paragraph long enough to be kept as "
                     "body text.");
    newsmeta_article_free(a);
    /* a Shift_JIS lead byte followed by a byte that cannot trail it */
    static const char sjis[] = "<html><head><meta charset=\"shift_jis\"></head><body><p>"
                               "\x93\x8c\x8b\x9e \x81\x0a end, and a paragraph long enough to "
                               "be kept as body text.</p></body></html>";
    a = nm_parse(sjis, sizeof sjis - 1, NULL, NULL);
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert(strstr(a->paragraphs[0].text, "東京 \xEF\xBF\xBD") == a->paragraphs[0].text);
    ck_assert_ptr_null(strchr(a->paragraphs[0].text, '\x1a'));
    newsmeta_article_free(a);
}
END_TEST

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

/* Characters written as references come out of the parser decomposed:
 * the record's strings are NFC all the same, and a link after them still
 * points at its text. */
START_TEST(references_are_nfc)
{
    static const char page[] =
        "<html><head><title>Cafe&#x301; de la gare</title></head><body><article>"
        "<p>Le cafe&#x301; rouvre, dit <a href=\"/maire\">le maire de Besanc&#x327;on</a> "
        "apre&#768;s les travaux de l'e&#x301;te&#x301;.</p>"
        "<p>Second paragraph, written in NFD directly: cafe\xCC\x81 cre\xCC\x80me "
        "and long enough to be kept.</p>"
        "</article></body></html>";
    newsmeta_article *a = nm_parse(page, sizeof page - 1, "https://example.test/a", NULL);
    ck_assert_str_eq(a->headline, "Café de la gare");
    ck_assert_uint_eq(a->paragraph_count, 2);
    ck_assert_str_eq(a->paragraphs[0].text,
                     "Le café rouvre, dit le maire de Besançon après les travaux de l'été.");
    ck_assert_uint_eq(a->paragraphs[0].length, strlen(a->paragraphs[0].text));
    ck_assert_str_eq(a->paragraphs[1].text,
                     "Second paragraph, written in NFD directly: café crème and long enough "
                     "to be kept.");
    ck_assert_uint_eq(a->link_count, 1);
    const newsmeta_link *l = &a->links[0];
    ck_assert_str_eq(l->text, "le maire de Besançon");
    ck_assert_int_eq(l->paragraph, 0);
    const char *p = a->paragraphs[0].text;
    ck_assert_uint_eq(l->end - l->start, strlen(l->text));
    ck_assert(strncmp(p + l->start, l->text, strlen(l->text)) == 0);
    newsmeta_article_free(a);
}
END_TEST

/* Combining marks out of canonical order: each character passes NFC's
 * quick check on its own, the sequence does not (found by fuzz_html). */
START_TEST(combining_marks_reordered)
{
    static const char page[] =
        "<html><head><title>Tone marks \xEA\xB0\x80\xE3\x80\xAF\xE3\x80\xAD in a title</title>"
        "</head><body><p>Written directly: \xEA\xB0\x80\xE3\x80\xAF\xE3\x80\xAD, and as "
        "references: &#xAC00;&#x302F;&#x302D;, in a paragraph long enough to count.</p>"
        "</body></html>";
    newsmeta_article *a = nm_parse(page, sizeof page - 1, NULL, NULL);
    /* U+302F (class 224) goes after U+302D (class 222) */
    ck_assert_str_eq(a->headline, "Tone marks \xEA\xB0\x80\xE3\x80\xAD\xE3\x80\xAF in a title");
    ck_assert_uint_eq(a->paragraph_count, 1);
    ck_assert_str_eq(a->paragraphs[0].text,
                     "Written directly: \xEA\xB0\x80\xE3\x80\xAD\xE3\x80\xAF, and as references: "
                     "\xEA\xB0\x80\xE3\x80\xAD\xE3\x80\xAF, in a paragraph long enough to count.");
    newsmeta_article_free(a);
}
END_TEST

/* The same in JSON-LD strings (\u0301 escapes). */
START_TEST(jsonld_escapes_are_nfc)
{
    static const char page[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Re\\u0301sume\\u0301 of the year\",\"author\":{\"@type\":\"Person\","
        "\"name\":\"Zoe\\u0308 Martin\"}}</script></head><body><p>A paragraph of body text "
        "that is long enough to count.</p></body></html>";
    newsmeta_article *a = nm_parse(page, sizeof page - 1, NULL, NULL);
    ck_assert_str_eq(a->headline, "Résumé of the year");
    ck_assert_uint_eq(a->author_count, 1);
    ck_assert_str_eq(a->authors[0], "Zoë Martin");
    newsmeta_article_free(a);
}
END_TEST

/* Plain-text input decides its charset the same way. */
START_TEST(text_input_charset)
{
    static const char utf8[] = "Учёные нашли новый способ очистки воды\n\n"
                               "Исследователи из Новосибирска представили фильтр, который "
                               "удаляет из воды почти все загрязнения за несколько минут.\n\n"
                               "По словам авторов, устройство стоит недорого и может работать "
                               "без электричества в отдалённых сёлах.\n";
    size_t len = 0;
    char *bytes = encode(utf8, "windows-1251", &len);
    newsmeta_article *a = NULL;
    newsmeta_error err;
    ck_assert_int_eq(newsmeta_parse_text(bytes, len, NULL, NULL, &a, &err), NEWSMETA_OK);
    ck_assert_str_eq(a->charset, "windows-1251");
    ck_assert_int_eq(a->charset_source, NEWSMETA_CHARSET_DETECTED);
    ck_assert(nm_find_paragraph(a, "Исследователи из Новосибирска") >= 0);
    newsmeta_article_free(a);
    free(bytes);
}
END_TEST

static Suite *charsets_suite(void)
{
    Suite *s = suite_create("charsets");
    TCase *tc = tcase_create("declared and detected");
    tcase_add_loop_test(tc, charset_table, 0, (int)(sizeof CASES / sizeof *CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("labels outside the standard");
    tcase_add_loop_test(tc, unread_label_keeps_the_bytes, 0,
                        (int)(sizeof UNREAD_LABELS / sizeof *UNREAD_LABELS));
    suite_add_tcase(s, tc);

    tc = tcase_create("bom");
    tcase_add_test(tc, utf16le_with_bom);
    tcase_add_test(tc, utf16le_bom_on_ascii);
    tcase_add_test(tc, utf8_bom);
    suite_add_tcase(s, tc);

    tc = tcase_create("text input");
    tcase_add_test(tc, text_input_charset);
    suite_add_tcase(s, tc);

    tc = tcase_create("conversion");
    tcase_add_test(tc, undefined_bytes_become_fffd);
    tcase_add_test(tc, nfc_normalization);
    tcase_add_test(tc, references_are_nfc);
    tcase_add_test(tc, combining_marks_reordered);
    tcase_add_test(tc, jsonld_escapes_are_nfc);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(charsets_suite());
}
