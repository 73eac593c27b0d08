/* The lexicon: the words and labels newsmeta recognizes in a page's text,
 * one list per meaning, each grouped by language, and the one matcher
 * that finds them at the start of a text. The HTML path (harvest, body,
 * dates) and the plain-text path read the same lists, so a label learnt
 * for one is known to the other.
 *
 * Lists are lower case UTF-8 and end with NULL. Where one label is the
 * start of another ("published" / "published on"), the longer comes first:
 * the first match wins. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h" /* nmi_ieq */

/* ---- dates ------------------------------------------------------------------ */

/* Before a publication date: "Published: 3 March 2021", "Mis en ligne le". */
const char *const nmi_lex_published_labels[] = {
    /* English */
    "first published", "published on", "published at", "published", "posted on", "posted at",
    "posted", "date published", "publication date", "release date", "released", "created",
    /* German */
    "ver\xC3\xB6" "ffentlicht am", "ver\xC3\xB6" "ffentlicht", "publiziert am", "publiziert",
    "erschienen am", "erschienen", "erstellt am", "datum",
    /* French */
    "publi\xC3\xA9 le", "publi\xC3\xA9", "paru le", "mis en ligne",
    /* Spanish, Portuguese */
    "publicado el", "publicado em", "publicado", "publicada", "fecha de publicaci\xC3\xB3n",
    "postado em",
    /* Italian, Dutch, Polish, Turkish, Swedish */
    "pubblicato il", "pubblicato", "gepubliceerd op", "gepubliceerd", "opublikowano",
    "yay\xC4\xB1nlanma tarihi", "yay\xC4\xB1nlanma", "publicerad",
    /* Russian */
    "\xD0\xBE\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD"
    "\xD0\xBE", /* опубликовано */
    "\xD0\xB4\xD0\xB0\xD1\x82\xD0\xB0 \xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xB0"
    "\xD1\x86\xD0\xB8\xD0\xB8", /* дата публикации */
    /* Japanese, Chinese, Korean */
    "\xE5\x85\xAC\xE9\x96\x8B\xE6\x97\xA5", /* 公開日 */
    "\xE6\x8A\x95\xE7\xA8\xBF\xE6\x97\xA5", /* 投稿日 */
    "\xE9\x85\x8D\xE4\xBF\xA1", /* 配信 */
    "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4", /* 发布时间 */
    "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xA5\xE6\x9C\x9F", /* 发布日期 */
    "\xE7\x99\xBC\xE5\xB8\x83\xE6\x99\x82\xE9\x96\x93", /* 發布時間 */
    "\xEA\xB8\xB0\xEC\x82\xAC\xEC\x9E\x85\xEB\xA0\xA5", /* 기사입력 */
    "\xEC\x9E\x85\xEB\xA0\xA5", /* 입력 */
    "\xEB\x93\xB1\xEB\xA1\x9D", /* 등록 */
    /* Arabic, Hindi, Indonesian */
    "\xD9\x86\xD8\xB4\xD8\xB1 \xD9\x81\xD9\x8A", /* نشر في */
    "\xD8\xAA\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xAE \xD8\xA7\xD9\x84\xD9\x86\xD8\xB4\xD8\xB1", /* تاريخ النشر */
    "\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\x95\xE0\xA4\xBE\xE0\xA4\xB6\xE0\xA4\xBF\xE0\xA4"
    "\xA4", /* प्रकाशित */
    "diterbitkan", "dipublikasikan", NULL};

/* Before a modification date: "Updated 5 March 2021", "Stand: 05.03.2021". */
const char *const nmi_lex_updated_labels[] = {
    /* English */
    "last updated on", "last updated", "last modified", "updated on", "updated at", "updated",
    "modified", "revised",
    /* German */
    "zuletzt aktualisiert", "aktualisiert am", "aktualisiert", "stand",
    /* French */
    "mis \xC3\xA0 jour le", "mis \xC3\xA0 jour", "modifi\xC3\xA9 le", "modifi\xC3\xA9",
    /* Spanish, Portuguese */
    "actualizado el", "actualizado", "actualizada", "atualizado em", "atualizado", "atualizada",
    /* Italian, Dutch, Polish, Turkish, Swedish */
    "aggiornato il", "aggiornato", "bijgewerkt op", "bijgewerkt", "zaktualizowano",
    "aktualizacja", "g\xC3\xBC" "ncelleme", "uppdaterad",
    /* Russian */
    "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE", /* обновлено */
    /* Japanese, Chinese, Korean */
    "\xE6\x9B\xB4\xE6\x96\xB0\xE6\x97\xA5", /* 更新日 */
    "\xE6\x9B\xB4\xE6\x96\xB0\xE6\x97\xB6\xE9\x97\xB4", /* 更新时间 */
    "\xEC\x88\x98\xEC\xA0\x95", /* 수정 */
    /* Arabic, Hindi, Indonesian */
    "\xD8\xA2\xD8\xAE\xD8\xB1 \xD8\xAA\xD8\xAD\xD8\xAF\xD9\x8A\xD8\xAB", /* آخر تحديث */
    "\xE0\xA4\x85\xE0\xA4\xAA\xE0\xA4\xA1\xE0\xA5\x87\xE0\xA4\x9F", /* अपडेट */
    "diperbarui", NULL};

/* Reading-time notes: "4 min read", "Lesezeit: 3 Min.", "2 min de lecture". */
const char *const nmi_lex_reading_time[] = {
    "min read", "mins read", "minute read", "minutes read", "min. read", "read time",
    "reading time", "lesezeit", "de lecture", "de lectura", "di lettura", "de leitura", NULL};

/* Words that open a "… ago" note in other languages: "vor 2 Stunden". */
const char *const nmi_lex_ago_prefixes[] = {"vor ", "hace ", "il y a ", "h\xC3\xA1 ", "fa ",
                                           NULL};

/* Words that may open a line holding only a date ("Wed, 10 March 2021",
 * "March 30, 2022", "Mittwoch, 3. März 2021"): English months, and
 * weekdays in the languages of the label lists; whole words only, so
 * "Marcus ..." does not qualify. */
const char *const nmi_lex_date_openers[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "lunes", "martes", "mi\xC3\xA9rcoles", "jueves", "viernes",
    "s\xC3\xA1" "bado", "domingo", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "luned\xC3\xAC", "marted\xC3\xAC", "mercoled\xC3\xAC", "gioved\xC3\xAC",
    "venerd\xC3\xAC", "sabato", "domenica", "segunda", "ter\xC3\xA7" "a", "quarta", "quinta",
    "sexta", NULL};

/* Words that may stand beside a date in a dateline. */
const char *const nmi_lex_dateline_words[] = {"on", "at", "by", "am", "pm", "a.m.", "p.m.",
                                             "the", "of", "de", "le", "um", "el", NULL};

/* ---- credits and captions ----------------------------------------------------- */

/* Image credit labels: followed by ':' or ',' ("Photo: AFP", "Image
 * source, Getty Images"), or ending in "by" ("Photo by Jane Doe"). */
const char *const nmi_lex_credit_labels[] = {
    "image credit", "image credits", "photo credit", "photo credits", "picture credit",
    "image courtesy", "photo courtesy", "image source", "credit", "credits", "photograph",
    "photo", "photos", "picture", "foto", "fotos", "bild", "cr\xC3\xA9" "dit photo",
    "cr\xC3\xA9" "dits photo", "cr\xC3\xA9" "dit", "imagen", "immagine", "photo by",
    "photograph by", "picture by", "image by", NULL};

/* Caption labels: the caption (on the same line, or on the next line
 * when the label stands alone: "Image caption," then the text) is not
 * body text. */
const char *const nmi_lex_caption_labels[] = {
    "image caption", "media caption", "photo caption", "caption", "bildunterschrift",
    "l\xC3\xA9gende", "pie de foto", "didascalia", NULL};

/* Words that may stand lower-case inside a credit ("Jane Doe for The
 * Guardian", "Courtesy of the family"). */
const char *const nmi_lex_credit_joiners[] = {"via", "for", "of", "and", "the", "de", "von",
                                             "van", "der", "y", "et", "e", "&", NULL};

/* Photo agencies and libraries: a short line ending with one is a credit
 * (or the agency's part of a byline), not text. */
const char *const nmi_lex_photo_agencies[] = {
    "associated press", "ap photo", "getty images", "getty", "reuters", "afp", "afp photo",
    "epa", "epa-efe", "shutterstock", "alamy", "istock", "unsplash", "pool", "handout",
    "xinhua", "dpa", "picture alliance", "anadolu agency", "sipa", "pa", "pa media", "pti",
    "ians", "ani", "efe", "ansa", "file photo", NULL};

/* ---- page furniture and related links ---------------------------------------- */

/* Furniture of rendered pages: trackers, share and follow widgets, image
 * placeholders, cookie and subscription prompts (at most 10 words). */
const char *const nmi_lex_noise_prefixes[] = {
    "follow:", "follow us", "share:", "share on", "share this", "share via", "subscribe",
    "sign up", "sign in", "log in", "click here", "we use cookies", "this site uses cookies",
    "accept cookies", "accept all cookies", "cookie policy", "cookie settings", "manage cookies",
    "null |", "image:", "watch:", "listen:", "listen to this", "download the app",
    "get the app", "advertisement", "sponsored", "skip to", "copy link", "show comments",
    "leave a comment", "most read", "most popular", "artikel teilen", "seite teilen",
    "folgen sie uns", "partager sur", "partager cet article", "suivez-nous", "compartir en",
    "compartir este", "s\xC3\xADguenos", "condividi su", "compartilhe", "compartilhar",
    NULL};

/* Words of share/follow widgets; a line made only of them is noise
 * ("Facebook | Twitter | LinkedIn", "Copy link", "Comments (12)"). */
const char *const nmi_lex_widget_words[] = {
    "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "mail", "print",
    "pinterest", "reddit", "telegram", "messenger", "flipboard", "copy", "link", "share",
    "tweet", "comments", "comment", "save", "gift", "threads", "bluesky", "mastodon", "sms",
    "teilen", "drucken", "partager", "imprimer", "compartir", "imprimir", "condividi",
    "stampa", "compartilhar", "follow", "folgen", "suivre", "seguir", "via", NULL};

/* Lines that are page furniture, whatever their container: the whole
 * line, without case, trailing punctuation ignored. */
static const char *const BOILERPLATE_LINES[] = {
    /* English */
    "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content",
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "email", "print", "comments", "comment", "read more",
    "continue reading", "continue reading below", "story continues below advertisement",
    "article continues below advertisement", "scroll to continue with content",
    "sign up", "subscribe", "subscribe now", "related", "related articles",
    "related stories", "related content", "recommended", "more stories", "more from",
    "you may also like", "you might also like", "click here", "follow us",
    "skip to main content", "skip to content", "back to top", "loading", "loading...",
    "image", "photo", "video", "play video", "close", "menu", "see more",
    /* "Advertisement" in German, Indonesian, Portuguese, Polish, French,
     * Spanish, Italian, Russian */
    "anzeige", "werbung", "iklan", "publicidade", "reklama", "publicit\xC3\xA9", "publicidad",
    "pubblicit\xC3\xA0", "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", NULL};

/* Labels that introduce a related-article link ("Read more: ...", "Lire
 * aussi : ..."), each followed by a separator (see nmi_related_prefix). */
const char *const nmi_lex_related_labels[] = {
    /* English */
    "read more", "also read", "read also", "read next", "read", "related article", "related",
    "see also", "more", "recommended", "must read", "don't miss",
    /* German */
    "lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant",
    /* French */
    "lire aussi", "\xC3\xA0 lire aussi", "a lire aussi", "lire \xC3\xA9galement", "voir aussi",
    /* Spanish, Portuguese, Italian */
    "lee tambi\xC3\xA9n", "lea tambi\xC3\xA9n", "leer m\xC3\xA1s", "te puede interesar",
    "leia tamb\xC3\xA9m", "leia mais", "veja tamb\xC3\xA9m", "leggi anche",
    /* Russian */
    "\xD1\x87\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 \xD1\x82\xD0"
    "\xB0\xD0\xBA\xD0\xB6\xD0\xB5", /* читайте также */
    NULL};

bool nmi_is_boilerplate(const char *s, size_t len)
{
    if (len > 60)
        return false;
    char tmp[64];
    size_t n = len;
    memcpy(tmp, s, n);
    while (n && (tmp[n - 1] == '.' || tmp[n - 1] == ':' || tmp[n - 1] == '!' ||
                 tmp[n - 1] == ' ' || tmp[n - 1] == '>' || tmp[n - 1] == '|'))
        n--;
    tmp[n] = '\0';
    for (const char *const *b = BOILERPLATE_LINES; *b; b++)
        if (nmi_ieq(tmp, *b))
            return true;
    return false;
}

/* The separator after a related label: ':', '|', '>', an en or em dash,
 * '»', or a hyphen with a space after it ("Read-along" is a word); its
 * length, or 0. */
static size_t related_separator(const char *p)
{
    if (*p == ':' || *p == '|' || *p == '>' || (*p == '-' && p[1] == ' '))
        return 1;
    if (!strncmp(p, "\xE2\x80\x93", 3) || !strncmp(p, "\xE2\x80\x94", 3))
        return 3; /* – — */
    if (!strncmp(p, "\xC2\xBB", 2))
        return 2; /* » */
    return 0;
}

const char *nmi_related_prefix(const char *s)
{
    size_t k;
    if (!nmi_lex_match(s, nmi_lex_related_labels, &k))
        return NULL;
    const char *p = s + k;
    while (*p == ' ')
        p++;
    size_t sep = related_separator(p);
    return sep ? p + sep : NULL;
}

/* ---- the matcher ------------------------------------------------------------ */

static bool ascii_alnum(unsigned char c)
{
    return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

/* Does a word end before s: no letter or digit, of any script, starts
 * there? */
static bool word_ends_before(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return !ascii_alnum(c);
    UChar32 cp;
    int32_t k = 0, n = 1;
    while (n < 4 && s[n])
        n++;
    U8_NEXT(s, k, n, cp);
    return cp < 0 || !u_isalnum(cp);
}

size_t nmi_lex_starts(const char *s, const char *label)
{
    size_t i = 0, k = 0;
    while (label[k]) {
        unsigned char c = (unsigned char)s[i], l = (unsigned char)label[k];
        if (l == ' ') {
            if (c != ' ')
                return 0;
            while (s[i] == ' ')
                i++;
            k++;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            c += 0x20; /* À..Þ -> à..þ */
        if (c != l)
            return 0;
        i++;
        k++;
    }
    /* a label ending in a letter or digit ends a word ("Publishedness" is
     * none); one ending in punctuation, or in a character of a script
     * written without spaces (公開日), needs no border after it */
    if (k && ascii_alnum((unsigned char)label[k - 1]) && !word_ends_before(s + i))
        return 0;
    return i;
}

const char *nmi_lex_match(const char *s, const char *const *list, size_t *len)
{
    /* labels are lower case: most texts differ at the first byte */
    unsigned char c0 = (unsigned char)s[0];
    if (c0 >= 'A' && c0 <= 'Z')
        c0 += 32;
    for (const char *const *l = list; *l; l++) {
        if ((unsigned char)(*l)[0] != c0)
            continue;
        size_t n = nmi_lex_starts(s, *l);
        if (n) {
            *len = n;
            return *l;
        }
    }
    return NULL;
}

/* Phrases of the short notices a site puts inside the article: affiliate
 * disclosures and newsletter prompts. A short block (see blocks.c) holding
 * one anywhere is not the article's ("We may earn a commission when you
 * buy through links on our site", "Get our best stories delivered to your
 * inbox"). */
const char *const nmi_lex_promo_phrases[] = {
    /* English */
    "affiliate link", "affiliate commission", "earn a commission", "earn commission",
    "earn us a commission", "earn a small commission", "amazon associate",
    "qualifying purchases", "our newsletter", "e-newsletter", "to your inbox",
    "check your inbox", "join our mailing list", "subscribe to our",
    "sign up for our", "sign up for free",
    /* German */
    "affiliate-link", "erhalten wir eine provision", "unseren newsletter", "newsletter abonnieren",
    /* French */
    "lien affili\xC3\xA9", "liens affili\xC3\xA9s", "notre newsletter", "notre lettre d'information",
    "abonnez-vous \xC3\xA0",
    /* Spanish, Portuguese, Italian */
    "enlaces de afiliado", "enlace de afiliado", "nuestro bolet\xC3\xADn", "suscr\xC3\xAD" "bete a",
    "links de afiliado", "nossa newsletter", "link di affiliazione", "link affiliati",
    "la nostra newsletter", "iscriviti alla", NULL};

/* Whole blocks that are the page's furniture inside the article: a table
 * of contents' title, links back to an index, a loading placeholder, a
 * comment prompt (compared like nmi_is_boilerplate). */
const char *const nmi_lex_body_furniture[] = {
    "table of contents", "contents", "in this article", "jump to", "back to blog",
    "back to articles", "back to all posts", "return to articles", "return to blog",
    "previous article", "next article", "previous post", "next post", "loading posts",
    "loading paragraph", "add a comment", "leave a comment", "leave a reply",
    "join the conversation", "summarize with ai",
    "inhaltsverzeichnis", "inhalt", "table des mati\xC3\xA8" "res", "sommaire",
    "tabla de contenidos", "\xC3\xAD" "ndice", "\xC3\xAD" "ndice de contenidos", "sommario", NULL};

/* The heading of a comments section, maybe after a count ("34 responses
 * to ...", "Top rated comments", "Kommentare"): the article ends above
 * it. Matched at the start of a short line. */
const char *const nmi_lex_comment_headings[] = {
    "comments", "comment", "responses to", "response to", "replies to", "thoughts on",
    "reactions", "reader comments", "top rated comments", "top comments", "leave a reply",
    "leave a comment", "post a comment", "add a comment", "join the discussion",
    "join the conversation", "discussion",
    "kommentare", "leserkommentare", "kommentar", "commentaires", "r\xC3\xA9" "actions",
    "commenti", "comentarios", "coment\xC3\xA1rios", "reacties", "komentarze", "kommentarer",
    "\xD0\xBA\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD0\xBD\xD1\x82\xD0\xB0\xD1\x80\xD0\xB8\xD0\xB8", /* комментарии */
    "yorumlar", "\xE3\x82\xB3\xE3\x83\xA1\xE3\x83\xB3\xE3\x83\x88", /* コメント */
    "\xE8\xAF\x84\xE8\xAE\xBA", /* 评论 */
    "\xEB\x8C\x93\xEA\xB8\x80", /* 댓글 */
    NULL};
