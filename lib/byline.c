/* Bylines to person names.
 *
 * A credit goes through four steps:
 *
 *   1. roles: the text is cut into parts by labels ("By", "Written by",
 *      "Von", "Por", "Автор:", "Edited by", "Photos:"); the parts that a
 *      writing label introduces are the credit, the others (editors,
 *      photographers, translators) are dropped. Without a writing label the
 *      text before the first other label is the credit.
 *   2. the credit ends where the byline stops naming people: a date or a
 *      number, "Updated", "Published", "5 min read", "Follow", ...
 *   3. pieces: the credit is split at commas, semicolons, pipes, slashes,
 *      spaced dashes, parentheses, element boundaries (NMI_BYLINE_MARK, put
 *      there by harvest.c), " for " (an outlet follows), " in " (a place
 *      follows), and then at the words for "and" of many languages.
 *   4. each piece is a person, an organization (news agency, desk, outlet,
 *      the site's own name), a role ("Staff Writer"), or nothing of use
 *      (a place, a handle, an e-mail address, a date word). Persons are
 *      kept in order without duplicates; the first organization goes to
 *      nmi_names::agency, or to nmi_names::own when it is the site itself.
 *
 * Nothing here knows any site: only words of the trade and the shape of a
 * name. Text is compared in lower case (ICU simple case mapping, which
 * keeps byte offsets in the scripts that matter here). */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

/* ---- word lists (lower case, UTF-8) ------------------------------------------ */

/* The labels nmi_byline_prefix() reports, as before (text.c classifies
 * lines with them). */
static const char *const BYLINE_PREFIXES[] = {
    "by:", "by ", "written by ", "reported by:", "reported by ", "words by ", "story by ",
    "text by ", "posted by ", "von ", "por ", "par ", "di ", "door ", "av ", "de ",
    "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80:", /* Автор: */
    "\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82:", /* Текст: */
    NULL};

/* Labels before the names of the writers. A label ending in ':' needs
 * nothing after it; the others must end at a word boundary. */
static const char *const WRITER_LABELS[] = {
    /* English */
    "by", "written by", "reported by", "reporting by", "story by", "words by", "text by",
    "posted by", "published by", "authored by", "article by", "analysis by", "opinion by",
    "commentary by", "review by", "interview by", "column by", "author:", "authors:",
    "byline:", "reporter:", "reporters:", "writer:", "words:", "text:", "story:",
    "columnist:", "contributor:",
    /* German */
    "geschrieben von", "verfasst von", "ein beitrag von", "ein kommentar von",
    "eine analyse von", "autor:", "autorin:", "autoren:",
    /* Spanish, Portuguese */
    "escrito por", "publicado por", "redactado por", "autora:", "autores:", "texto:",
    "reportagem:",
    /* French */
    "\xC3\xA9" "crit par", "r\xC3\xA9" "dig\xC3\xA9 par", "publi\xC3\xA9 par", "auteur:",
    "auteure:", "auteurs:", "texte:", "un article de",
    /* Italian */
    "scritto da", "pubblicato da", "a cura di", "autore:", "autrice:", "autori:", "testo:",
    /* Dutch, Scandinavian */
    "geschreven door", "tekst:", "skrevet av", "skrevet af", "skriven av", "skribent:",
    "f\xC3\xB6rfattare:", "forfatter:",
    /* Polish, Czech, Finnish, Hungarian, Turkish, Indonesian */
    "napisa\xC5\x82", "napisa\xC5\x82" "a", "kirjoittaja:", "teksti:", "szerz\xC5\x91:",
    "\xC3\xADrta:", "yazan:", "yazar:", "ditulis oleh", "penulis:", "wartawan:", "oleh:",
    /* Russian, Ukrainian */
    "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80:",             /* автор: */
    "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B:",     /* авторы: */
    "\xD1\x82\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82:",             /* текст: */
    /* Japanese, Chinese, Korean, Arabic */
    "\xE6\x96\x87\xEF\xBC\x9A", "\xE6\x96\x87:",             /* 文： 文: */
    "\xE8\x91\x97\xE8\x80\x85\xEF\xBC\x9A",                 /* 著者： */
    "\xE7\xAD\x86\xE8\x80\x85\xEF\xBC\x9A",                 /* 筆者： */
    "\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A", "\xE4\xBD\x9C\xE8\x80\x85:", /* 作者： 作者: */
    "\xE8\xAE\xB0\xE8\x80\x85\xEF\xBC\x9A", "\xE8\xA8\x98\xE8\x80\x85\xEF\xBC\x9A", /* 记者： 記者： */
    "\xEA\xB8\x80:",                                         /* 글: */
    "\xD8\xA8\xD9\x82\xD9\x84\xD9\x85:", "\xD8\xA8\xD9\x82\xD9\x84\xD9\x85", /* بقلم */
    NULL};

/* One-word writer labels of other languages ("Von Jane Doe", "Di Marco
 * Rossi"). Many names begin with these words (Ursula von der Leyen, Di
 * Maria), so they count only at the start of the text or of an element,
 * and only before a name of two words or more. */
static const char *const WRITER_WORDS[] = {
    "von", "por", "par", "di", "door", "av", "af", "oleh", "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80" /* автор */,
    NULL};

/* Labels of the other roles: what follows is not a writer. */
static const char *const OTHER_LABELS[] = {
    "edited by", "editing by", "editor:", "editors:", "edited:", "photos by", "photo by",
    "photograph by", "photographs by", "photography by", "pictures by", "images by",
    "image by", "illustration by", "illustrations by", "illustrated by", "graphics by",
    "graphic by", "video by", "videos by", "produced by", "production by", "designed by",
    "design by", "translated by", "translation by", "additional reporting by",
    "additional reporting:", "fact-checked by", "fact checked by", "reviewed by",
    "medically reviewed by", "researched by", "research by", "compiled by", "contributing:",
    "contributed by", "photo:", "photos:", "video:", "graphics:", "illustration:", "source:",
    "sources:", "foto:", "fotos:", "bild:", "bilder:", "redaktion:", "bearbeitet von",
    "\xC3\xBC" "bersetzt von", "mitarbeit:", "editado por", "edici\xC3\xB3n:", "fotograf\xC3\xAD" "a:",
    "traducido por", "revisado por", "v\xC3\xAD" "deo:", "edi\xC3\xA7\xC3\xA3o:", "fotografia:",
    "revis\xC3\xA3o:", "traduzido por", "colabora\xC3\xA7\xC3\xA3o:", "\xC3\xA9" "dit\xC3\xA9 par",
    "\xC3\xA9" "dition:", "traduit par", "modificato da", "fotografie:", "bewerkt door",
    "beeld:", "zdj\xC4\x99" "cia:", "redakcja:", "fotoğraf:", "edit\xC3\xB6r:", "penyunting:",
    "editor :",
    "\xD1\x84\xD0\xBE\xD1\x82\xD0\xBE:",                     /* фото: */
    "\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0\xD0\xBA\xD1\x82\xD0\xBE\xD1\x80:", /* редактор: */
    "\xE5\x86\x99\xE7\x9C\x9F\xEF\xBC\x9A",                 /* 写真： */
    "\xE7\xBC\x96\xE8\xBE\x91\xEF\xBC\x9A", "\xE7\xB7\xA8\xE8\xBC\xAF\xEF\xBC\x9A", /* 编辑： 編輯： */
    "\xEC\x82\xAC\xEC\xA7\x84=", "\xEC\x82\xAC\xEC\xA7\x84:", /* 사진= 사진: */
    NULL};

/* Where a byline stops naming people (matched at a word start). */
static const char *const STOPS[] = {
    "updated", "published", "posted on", "last updated", "last modified", "modified",
    "min read", "minute read", "minutes read", "read time", "reading time", "follow",
    "leave a comment", "comments", "comment", "share", "tweet", "subscribe", "sign up",
    "view all", "view more", "see all", "more from", "more stories", "more articles",
    "read more", "click here", "contact",
    "category:", "categories:", "categoria:", "categorias:", "categor\xC3\xAD" "a:",
    "kategorie:", "cat\xC3\xA9gorie:", "rubrique:", "tags:", "tag:", "filed under",
    "topics:", "topic:", "section:", "themen:", "temas:",
    "aktualisiert", "ver\xC3\xB6" "ffentlicht", "zuletzt", "kommentare", "actualizado",
    "actualizada", "publicado el", "publicado em", "publicado a", "comentarios", "compartir",
    "atualizado", "atualizada", "coment\xC3\xA1rios", "compartilhe", "compartilhar",
    "mis \xC3\xA0 jour", "publi\xC3\xA9 le", "publi\xC3\xA9", "commentaires", "partager",
    "aggiornato", "pubblicato", "commenti", "condividi", "bijgewerkt", "gepubliceerd",
    "reacties", "uppdaterad", "publicerad", "diperbarui", "dipublikasikan", "diterbitkan",
    "aktualizacja", "opublikowano",
    "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE", /* обновлено */
    "\xD0\xBE\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE", /* опубликовано */
    "\xEC\x9E\x85\xEB\xA0\xA5",                             /* 입력 */
    "\xEA\xB8\xB0\xEC\x82\xAC\xEC\x9E\x85\xEB\xA0\xA5",     /* 기사입력 */
    NULL};

/* "and" in the languages of the labels above. */
static const char *const AND_WORDS[] = {
    "and", "&", "und", "y", "e", "ed", "et", "en", "och", "og", "i", "oraz", "ve", "dan",
    "ja", "\xC3\xA9s", "\xC8\x99i", "with", "mit", "con", "avec", "com",
    "\xD0\xB8" /* и */, NULL};

/* News agencies: never a person, and an agency's name may lead a credit
 * ("AP Auto Writer"). */
static const char *const AGENCIES[] = {
    "reuters", "thomson reuters", "ap", "the associated press", "associated press",
    "afp", "agence france-presse", "agence france presse", "pti", "press trust of india",
    "ians", "ani", "dpa", "deutsche presse-agentur", "efe", "agencia efe", "ansa", "bloomberg",
    "bloomberg news", "upi", "united press international", "xinhua", "kyodo", "kyodo news",
    "yonhap", "tass", "ria novosti", "interfax", "anadolu", "anadolu agency", "aap", "cp",
    "the canadian press", "canadian press", "pa", "pa media", "press association", "apa",
    "sda", "ats", "belga", "anp", "ntb", "ritzau", "lusa", "ag\xC3\xAAncia brasil",
    "agencia brasil", "folhapress", "europa press", "notimex", "bernama", "antara", "wam",
    "irna", "jiji", "jiji press", "nzpa", "sapa", NULL};

/* Newsroom credits: never a person, only as the whole credit. */
static const char *const NEWSROOM[] = {
    "staff", "staff reports", "staff report", "editorial board", "the editorial board",
    "editorial", "editorial staff", "editors", "the editors", "newsroom", "news desk",
    "web desk", "desk", "news service", "news services", "wire services", "wires",
    "agencies", "agency", "redaktion", "redacci\xC3\xB3n", "reda\xC3\xA7\xC3\xA3o",
    "r\xC3\xA9" "daction", "redazione", "redactie", "redaksi",
    "\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0\xD0\xBA\xD1\x86\xD0\xB8\xD1\x8F", /* редакция */
    NULL};

/* Words that end the credit of a desk or an organization ("Jerusalem Post
 * Staff", "CBS News", "News Nation Bureau", "Telegraph Sport"). */
static const char *const DESK_WORDS[] = {
    "staff", "desk", "team", "bureau", "newsroom", "news", "wire", "wires", "press",
    "service", "services", "reports", "report", "board", "agency", "agencies", "media",
    "network", "group", "sport", "sports", "online", "digital", "editorial", "editors",
    "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "gmbh", "company", "institute",
    "university", "association", "foundation", "council", "ministry", "ministries",
    "department", "office", "government", "committee", "society", "redaktion",
    "redacci\xC3\xB3n", "reda\xC3\xA7\xC3\xA3o", "r\xC3\xA9" "daction", "redazione",
    "redactie", "redaksi", "\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0\xD0\xBA\xD1\x86\xD0\xB8\xD1\x8F",
    NULL};

/* Words of the names of newspapers and outlets ("Sioux Falls Argus
 * Leader", "Florida Today", "CNN Business"). Words that are also common
 * surnames (Post, Star, Sun, Mail) are left out. */
static const char *const OUTLET_WORDS[] = {
    "times", "herald", "tribune", "journal", "gazette", "today", "leader", "chronicle",
    "observer", "daily", "weekly", "monthly", "magazine", "telegraph", "guardian",
    "independent", "examiner", "bulletin", "courier", "dispatch", "enquirer", "sentinel",
    "inquirer", "argus", "review", "register", "business", "international", "tv", "radio",
    "television", "broadcasting", "channel", "newspaper", "newsletter", "blog", "zeitung",
    "diario", "di\xC3\xA1rio", "jornal", "journal", "giornale", "corriere", "krant",
    "gazeta", "tidning", "avis", "\xD0\xB3\xD0\xB0\xD0\xB7\xD0\xB5\xD1\x82\xD0\xB0" /* газета */,
    NULL};

/* Endings of organization names in scripts without spaces (Japanese,
 * Chinese, Korean): an office, a company, a newspaper, a news agency. */
static const char *const ORG_ENDINGS[] = {
    "\xE4\xBA\x8B\xE5\x8B\x99\xE6\x89\x80", /* 事務所 */
    "\xE4\xBC\x9A\xE7\xA4\xBE",                 /* 会社 */
    "\xE6\x96\xB0\xE8\x81\x9E",                 /* 新聞 */
    "\xE6\x96\xB0\xE8\x81\x9E\xE7\xA4\xBE",  /* 新聞社 */
    "\xE7\xB7\xA8\xE9\x9B\x86\xE9\x83\xA8",  /* 編集部 */
    "\xE9\x80\x9A\xE4\xBF\xA1",                 /* 通信 */
    "\xE9\x80\x9A\xE4\xBF\xA1\xE7\xA4\xBE",  /* 通信社 */
    "\xE7\xA0\x94\xE7\xA9\xB6\xE6\x89\x80",  /* 研究所 */
    "\xE5\x8D\x94\xE4\xBC\x9A",                 /* 協会 */
    "\xE6\x96\xB0\xE9\x97\xBB",                 /* 新闻 */
    "\xE6\x97\xA5\xE6\x8A\xA5",                 /* 日报 */
    "\xE7\xBC\x96\xE8\xBE\x91\xE9\x83\xA8",  /* 编辑部 */
    "\xEC\x9D\xBC\xEB\xB3\xB4",                 /* 일보 */
    "\xEC\x8B\xA0\xEB\xAC\xB8",                 /* 신문 */
    "\xEB\x89\xB4\xEC\x8A\xA4",                 /* 뉴스 */
    "\xED\x8E\xB8\xEC\xA7\x91\xEB\xB6\x80",  /* 편집부 */
    "\xED\x86\xB5\xEC\x8B\xA0",                 /* 통신 */
    NULL};

static bool org_ending(const char *s, size_t n)
{
    for (const char *const *e = ORG_ENDINGS; *e; e++) {
        size_t k = strlen(*e);
        if (n >= k && !memcmp(s + n - k, *e, k))
            return true;
    }
    return false;
}

/* What a person does. A role after a name ends the name; a role alone is
 * dropped. */
static const char *const ROLE_WORDS[] = {
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
    "columnist", "columnists", "contributor", "contributors", "editor", "editors",
    "editor-in-chief", "journalist", "journalists", "analyst", "critic", "producer",
    "photographer", "intern", "freelancer", "blogger", "author", "commentator", "anchor",
    "host", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autorin",
    "journalistin", "reporterin", "kolumnist", "kolumnistin", "periodista", "redactor",
    "redactora", "corresponsal", "columnista", "colaborador", "colaboradora", "enviado",
    "enviada", "jornalista", "rep\xC3\xB3rter", "colunista", "correspondente", "redator",
    "redatora", "estagi\xC3\xA1rio", "estagi\xC3\xA1ria", "journaliste", "correspondant",
    "correspondante", "r\xC3\xA9" "dacteur", "r\xC3\xA9" "dactrice", "chroniqueur",
    "chroniqueuse", "envoy\xC3\xA9", "envoy\xC3\xA9" "e", "giornalista", "corrispondente",
    "inviato", "inviata", "redattore", "redattrice", "collaboratore", "collaboratrice",
    "verslaggever", "redacteur", "skribent", "medarbetare", "dziennikarz", "dziennikarka",
    "wartawan", "koresponden",
    "\xD0\xBA\xD0\xBE\xD1\x80\xD1\x80\xD0\xB5\xD1\x81\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82", /* корреспондент */
    "\xD0\xB6\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82", /* журналист */
    "\xD0\xBE\xD0\xB1\xD0\xBE\xD0\xB7\xD1\x80\xD0\xB5\xD0\xB2\xD0\xB0\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C", /* обозреватель */
    "\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0\xD0\xBA\xD1\x82\xD0\xBE\xD1\x80", /* редактор */
    "\xEA\xB8\xB0\xEC\x9E\x90",                             /* 기자 */
    "\xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90",                 /* 특파원 */
    "\xEC\xB9\xBC\xEB\x9F\xBC\xEB\x8B\x88\xEC\x8A\xA4\xED\x8A\xB8", /* 칼럼니스트 */
    "\xEB\x85\xBC\xEC\x84\xA4\xEC\x9C\x84\xEC\x9B\x90",     /* 논설위원 */
    "\xED\x8E\xB8\xEC\xA7\x91\xEC\x9C\x84\xEC\x9B\x90",     /* 편집위원 */
    "\xEA\xB0\x9D\xEC\x9B\x90\xEA\xB8\xB0\xEC\x9E\x90",     /* 객원기자 */
    "\xEC\x84\xA0\xEC\x9E\x84\xEA\xB8\xB0\xEC\x9E\x90",     /* 선임기자 */
    "\xEC\xA0\x84\xEB\xAC\xB8\xEA\xB8\xB0\xEC\x9E\x90",     /* 전문기자 */
    "\xEC\x9D\xB8\xED\x84\xB4\xEA\xB8\xB0\xEC\x9E\x90",     /* 인턴기자 */
    "\xEC\x88\x98\xEC\x8A\xB5\xEA\xB8\xB0\xEC\x9E\x90",     /* 수습기자 */
    "\xE8\xA8\x98\xE8\x80\x85", "\xE8\xAE\xB0\xE8\x80\x85", /* 記者 记者 */
    "\xE7\x89\xB9\xE6\xB4\xBE\xE5\x93\xA1",                 /* 特派員 */
    "\xE7\xB7\xA8\xE9\x9B\x86\xE5\xA7\x94\xE5\x93\xA1",     /* 編集委員 */
    NULL};

/* Words that describe a role ("Senior", "Chief Political", "Auto"):
 * between a name and a role word they belong to the role. */
static const char *const ROLE_ADJECTIVES[] = {
    "senior", "chief", "staff", "deputy", "associate", "assistant", "contributing",
    "special", "political", "politics", "sports", "sport", "business", "auto", "autos",
    "national", "foreign", "local", "investigative", "science", "health", "tech",
    "technology", "entertainment", "news", "managing", "executive", "digital", "web",
    "multimedia", "video", "photo", "data", "breaking", "lead", "regional", "metro", "city",
    "state", "white", "house", "legal", "economics", "economic", "finance", "financial",
    "markets", "market", "culture", "arts", "food", "travel", "music", "film", "movie",
    "tv", "education", "environment", "environmental", "climate", "energy", "global",
    "world", "international", "opinion", "features", "feature", "weekend", "general",
    "assignment", "freelance", "guest", "visiting", "junior", "principal", "enterprise",
    "investigations", "courts", "crime", "security", "defense", "military", "diplomatic",
    "white-house", "congressional", "legislative", "statehouse", "transportation", "religion", "healthcare", "medical", "tennis", "football",
    "soccer", "baseball", "basketball", "hockey", "golf", "nfl", "nba", "mlb", "nhl",
    "college", "high", "school", "bureau", "correspondent", "freier", "freie", "leitender",
    "leitende", "stellvertretender", "stellvertretende", "\xEC\x84\xA0\xEC\x9E\x84" /* 선임 */,
    NULL};

/* Single words that are not a person's name. */
static const char *const NOT_NAMES[] = {
    "admin", "administrator", "editor", "editors", "staff", "guest", "anonymous", "unknown",
    "author", "authors", "contributor", "contributors", "writers", "team", "webmaster",
    "moderator", "user", "users", "opinion", "analysis", "news", "home", "menu", "search",
    "login", "about", "contact", "share", "follow", "more", "by", "sponsored", "advertorial",
    "partner", "promoted", "redaktion", "redacci\xC3\xB3n", "reda\xC3\xA7\xC3\xA3o",
    "r\xC3\xA9" "daction", "redazione", "redactie", "redaksi", "blog", "podcast", "video",
    "photos", "gallery", "published", "updated", "posted",
    "\xD0\xB3\xD0\xBE\xD1\x81\xD1\x82\xD1\x8C" /* гость */, "invitado", "invitada",
    "convidado", "convidada", "gast", "invit\xC3\xA9", "ospite", "facebook", "twitter",
    "instagram", "linkedin", "youtube", "tiktok", "pinterest", "email", "e-mail", "website",
    "homepage", "rss", "print", "whatsapp", "telegram", "reddit", NULL};

/* Lower-case words inside names ("Ludwig van Beethoven", "Ursula von der
 * Leyen", "José Ortega y Gasset" is split, sadly). */
static const char *const PARTICLES[] = {
    "van", "von", "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du",
    "des", "la", "le", "lo", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "af",
    "st.", "y", NULL};

/* Leading words of author boxes and links around a name ("About Jane
 * Doe", "Sobre Carlos Nadalim", "More from Jane Doe"). */
static const char *const LEAD_JUNK[] = {
    "about", "sobre", "\xC3\xBC" "ber", "acerca", "meet", "contact", "more", "from",
    "follow", "view", "see", "all", "posts", "articles", "stories", "profile", "bio",
    "email", "e-mail", "mail", "write", "to", "de", NULL};

static const char *const DATE_WORDS[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.", "am", "pm", "a.m.", "p.m.",
    "et", "est", "edt", "gmt", "utc", "ist", NULL};

/* Capitalized words that, glued to the end of a name without a space,
 * start a date or a time label: "Jane DoeNovember 19". */
static const char *const GLUED[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Updated", "Published", "Posted", "Last", NULL};

/* Abbreviations that end in a dot inside a name. */
static const char *const DOTTED[] = {"jr", "sr", "dr", "st", "mr", "mrs", "ms", "prof",
                                     "mt", "gen", "col", "lt", "sgt", "rev", "hon", NULL};

/* ---- small text helpers ---------------------------------------------------------- */

static bool in_list(const char *w, size_t n, const char *const *list)
{
    for (const char *const *p = list; *p; p++)
        if (strlen(*p) == n && !memcmp(*p, w, n))
            return true;
    return false;
}

/* Lower case of s into out (same byte length: a code point whose lower
 * case is longer or shorter in UTF-8 is kept as it is). */
static void lower_same(const char *s, size_t n, char *out)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            i++;
            continue;
        }
        size_t start = i;
        UChar32 cp;
        U8_NEXT(s, i, n, cp);
        if (cp < 0) {
            memcpy(out + start, s + start, i - start);
            continue;
        }
        UChar32 lc = u_tolower(cp);
        if (U8_LENGTH(lc) == (int32_t)(i - start)) {
            size_t k = start;
            U8_APPEND_UNSAFE(out, k, lc);
        } else {
            memcpy(out + start, s + start, i - start);
        }
    }
}

static bool is_space(char c)
{
    return c == ' ' || c == NMI_BYLINE_MARK;
}

/* A word starts at s[i]: start of text, or after a space or punctuation. */
static bool word_start(const char *s, size_t i)
{
    if (i == 0)
        return true;
    unsigned char p = (unsigned char)s[i - 1];
    return p == ' ' || p == (unsigned char)NMI_BYLINE_MARK || p == ',' || p == ';' ||
           p == '|' || p == '(' || p == '/' || p == ':' || p == '-' || p == '[' || p == '"' ||
           p == '\'';
}

/* A word ends at s[i]: end of text, space or punctuation (not a letter or
 * digit of the same word). */
static bool word_end(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return true;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
        UChar32 cp;
        size_t k = i;
        U8_NEXT(s, k, n, cp);
        return cp < 0 || !(u_isalnum(cp));
    }
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

/* Longest label of list matching low[i..] at word boundaries; 0 if none.
 * The first byte is compared before anything else: most entries differ
 * there. */
static size_t match_at(const char *low, size_t n, size_t i, const char *const *list)
{
    size_t best = 0;
    char c0 = low[i];
    for (const char *const *p = list; *p; p++) {
        if ((*p)[0] != c0)
            continue;
        size_t k = strlen(*p);
        if (k <= best || i + k > n || memcmp(low + i, *p, k))
            continue;
        char last = (*p)[k - 1];
        if (last != ':' && last != '=' && last != ' ' && !word_end(low, n, i + k) &&
            (unsigned char)last < 0x80)
            continue;
        best = k;
    }
    return best;
}

/* ---- names ------------------------------------------------------------------------ */

void nmi_names_init(nmi_names *nm, const char *site, const char *publisher, const char *url)
{
    memset(nm, 0, sizeof *nm);
    nm->site = site;
    nm->publisher = publisher;
    nmi_host_key(url ? url : "", nm->hostk, sizeof nm->hostk);
}

size_t nmi_byline_prefix(const char *s)
{
    for (const char *const *p = BYLINE_PREFIXES; *p; p++)
        if (nmi_istarts(s, *p))
            return strlen(*p);
    return 0;
}

/* The ASCII bytes any label of the three lists starts with: most text
 * nodes of a page start with none of them, and are let go at once.
 * Written once, then only read. */
static bool LABEL_START[128];
static pthread_once_t LABEL_START_ONCE = PTHREAD_ONCE_INIT;

static void fill_label_start(void)
{
    const char *const *lists[] = {WRITER_LABELS, WRITER_WORDS, OTHER_LABELS};
    for (size_t l = 0; l < 3; l++)
        for (const char *const *p = lists[l]; *p; p++)
            if ((unsigned char)(*p)[0] < 0x80)
                LABEL_START[(unsigned char)(*p)[0]] = true;
}

size_t nmi_byline_label(const char *s, bool *bare)
{
    unsigned char c0 = (unsigned char)s[0];
    if (c0 < 0x80) { /* labels are lower case */
        pthread_once(&LABEL_START_ONCE, fill_label_start);
        if (!LABEL_START[(c0 >= 'A' && c0 <= 'Z') ? c0 + 32 : c0])
            return 0;
    }
    char low[40];
    size_t n = 0;
    while (n < sizeof low - 1 && s[n])
        n++;
    lower_same(s, n, low);
    /* a multi-byte character cut at the end of the window is harmless:
     * labels are shorter */
    low[n] = '\0';
    size_t w = match_at(low, n, 0, WRITER_LABELS);
    size_t f = match_at(low, n, 0, WRITER_WORDS);
    size_t o = match_at(low, n, 0, OTHER_LABELS);
    if (o >= w && o >= f)
        return 0;
    *bare = w <= f || (w == 2 && !memcmp(low, "by", 2));
    return w > f ? w : f;
}

/* The squashed key of a name without a leading "the", and of its first
 * word. */
static size_t org_key(const char *s, char *key, size_t cap, char *first, size_t fcap)
{
    size_t kl = nmi_squash(s, key, cap);
    const char *w = s;
    while (*w == ' ')
        w++;
    if (nmi_istarts(w, "the ") && kl > 5) {
        memmove(key, key + 3, kl - 2);
        kl -= 3;
        w += 4;
    }
    size_t wl = 0;
    while (w[wl] && w[wl] != ' ')
        wl++;
    char word[128];
    if (wl >= sizeof word)
        wl = sizeof word - 1;
    memcpy(word, w, wl);
    word[wl] = '\0';
    /* "NJ.com", "Cleveland.com": the name before the domain ending */
    char *dot = strrchr(word, '.');
    if (dot && dot > word && strlen(dot + 1) >= 2 && strlen(dot + 1) <= 4)
        *dot = '\0';
    nmi_squash(word, first, fcap);
    return kl;
}

/* Is the text the site's own name or one of its desks ("Cleveland.com",
 * "The Wall Street Journal" for "Wall Street Journal", "Vortex" on
 * vortexcannon.org, "CNN Business" on cnn.com, "Telegraph Sport" on The
 * Telegraph)? */
static bool own_name(const nmi_names *nm, const char *s)
{
    char key[256], first[128];
    size_t kl = org_key(s, key, sizeof key, first, sizeof first);
    if (kl < 2)
        return false;
    size_t fl = strlen(first);
    const char *names[2] = {nm->site, nm->publisher};
    for (int i = 0; i < 2; i++) {
        if (!names[i])
            continue;
        char k2[256], f2[128];
        size_t l2 = org_key(names[i], k2, sizeof k2, f2, sizeof f2);
        if (l2 && (!strcmp(key, k2) || (fl >= 4 && !strcmp(first, f2))))
            return true;
    }
    const char *h = nm->hostk;
    size_t hl = strlen(h);
    if (!hl)
        return false;
    if (!strcmp(key, h) || !strcmp(first, h))
        return true;
    /* "vortex" and "vortexcannon", "beachbody" and "beachbodyondemand",
     * "clevelandcom" and "cleveland", "sputnik" and "sputniknews" */
    size_t lo = kl < hl ? kl : hl, hi = kl < hl ? hl : kl;
    if (lo >= 4 && lo * 2 >= hi && (!strncmp(key, h, lo)))
        return true;
    if (fl >= 4 && fl < hl && !strncmp(first, h, fl))
        return true;
    return false;
}

static bool known_agency(const char *s)
{
    char low[256];
    size_t n = strlen(s);
    if (n >= sizeof low)
        return false;
    lower_same(s, n, low);
    return in_list(low, n, AGENCIES);
}

static void add_org(nmi_ctx *ctx, nmi_names *nm, const char *s, size_t n)
{
    while (n && (is_space(*s) || *s == ',' || *s == '.' || *s == '-' || *s == '('))
        s++, n--;
    while (n && (is_space(s[n - 1]) || s[n - 1] == ',' || s[n - 1] == ')' || s[n - 1] == ':'))
        n--;
    if (!n || n > 100)
        return;
    char *org = nmi_clean_text(ctx->arena, s, n, &ctx->oom);
    if (!org)
        return;
    for (char *p = org; *p; p++)
        if (*p == NMI_BYLINE_MARK)
            *p = ' ';
    /* a news agency is an agency even on its own site */
    if (!known_agency(org) && own_name(nm, org)) {
        if (!nm->own)
            nm->own = org;
    } else if (!nm->agency) {
        nm->agency = org;
    }
}

bool nmi_known_agency(const char *s)
{
    return s && known_agency(s);
}

void nmi_names_add_org(nmi_ctx *ctx, nmi_names *nm, const char *org)
{
    if (org)
        add_org(ctx, nm, org, strlen(org));
}

static bool push_name(nmi_ctx *ctx, nmi_names *nm, const char *name)
{
    for (size_t i = 0; i < nm->count; i++)
        if (nmi_loose_equal(nm->list[i], name))
            return false;
    if (nm->count == nm->cap) {
        size_t nc = nm->cap ? nm->cap * 2 : 4;
        const char **p = nmi_arena_alloc(ctx->arena, nc * sizeof *p);
        if (!p) {
            ctx->oom = true;
            return false;
        }
        if (nm->count)
            memcpy(p, nm->list, nm->count * sizeof *p);
        nm->list = p;
        nm->cap = nc;
    }
    nm->list[nm->count++] = name;
    return true;
}

/* ---- one piece: a person, an organization, a role, or nothing -------------------- */

#define MAX_TOKENS 16

typedef struct token {
    const char *s, *low; /* original and lower case, same length */
    size_t n;
} token;

typedef enum piece_kind { P_NOTHING, P_PERSON, P_ORG, P_ROLE } piece_kind;

static bool tok_in(const token *t, const char *const *list)
{
    return in_list(t->low, t->n, list);
}

/* A role word, also in a compound: "Editor-at-large", "editor-in-chief". */
static bool role_word(const token *t)
{
    if (tok_in(t, ROLE_WORDS))
        return true;
    const char *hy = memchr(t->low, '-', t->n);
    return hy && in_list(t->low, (size_t)(hy - t->low), ROLE_WORDS);
}

/* First code point of a token that is a letter, or -1. */
static UChar32 first_letter(const token *t)
{
    size_t i = 0;
    while (i < t->n) {
        UChar32 cp;
        U8_NEXT(t->s, i, t->n, cp);
        if (cp >= 0 && u_isalpha(cp))
            return cp;
    }
    return -1;
}

static bool has_lower(const char *s, size_t n)
{
    return nmi_utf8_any(s, n, u_islower);
}

static bool has_upper(const char *s, size_t n)
{
    return nmi_utf8_any(s, n, u_isupper);
}

static size_t letters(const token *t)
{
    return nmi_utf8_count(t->s, t->n, u_isalpha);
}

/* "J." or "J": an initial. */
static bool initial(const token *t)
{
    return letters(t) == 1 && has_upper(t->s, t->n);
}

/* A token in capitals of two letters or more (not a roman numeral). */
static bool caps_word(const token *t)
{
    if (letters(t) < 2 || has_lower(t->s, t->n) || !has_upper(t->s, t->n))
        return false;
    static const char *const ROMAN[] = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", NULL};
    return !tok_in(t, ROMAN);
}

static bool cased(UChar32 c)
{
    return c >= 0 && (u_isupper(c) || u_islower(c) || u_istitle(c));
}

/* Could this token be part of a person's name? */
static bool name_token(const token *t)
{
    bool letter = false;
    size_t i = 0;
    while (i < t->n) {
        UChar32 cp;
        U8_NEXT(t->s, i, t->n, cp);
        if (cp < 0)
            return false;
        if (u_isalpha(cp) || u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK ||
            u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY) == U_COMBINING_SPACING_MARK) {
            letter = true;
            continue;
        }
        if (cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2010 ||
            cp == 0x30FB /* ・ */ || cp == 0xB7)
            continue;
        return false;
    }
    if (!letter)
        return false;
    if (tok_in(t, PARTICLES))
        return true;
    /* d'Alembert, O'Brien, al-Hassan: look past a short lower-case prefix */
    UChar32 c = first_letter(t);
    if (u_islower(c)) {
        const char *ap = memchr(t->s, '\'', t->n);
        const char *hy = memchr(t->s, '-', t->n);
        const char *cut = ap ? ap : hy;
        if (cut && cut - t->s <= 3 && cut + 1 < t->s + t->n) {
            token rest = {cut + 1, t->low + (cut + 1 - t->s), (size_t)(t->s + t->n - cut - 1)};
            return !u_islower(first_letter(&rest));
        }
        return false;
    }
    return true;
}

/* Drop tokens that are not words of a name: e-mail addresses, @handles,
 * web addresses, lone punctuation. */
static size_t drop_noise(token *t, size_t m)
{
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        const token *x = &t[i];
        if (memchr(x->s, '@', x->n) || (x->n >= 4 && !memcmp(x->low, "http", 4)) ||
            (x->n >= 4 && !memcmp(x->low, "www.", 4)))
            continue;
        bool any = false;
        size_t j = 0;
        while (j < x->n && !any) {
            UChar32 cp;
            U8_NEXT(x->s, j, x->n, cp);
            any = cp >= 0 && u_isalnum(cp);
        }
        if (!any)
            continue;
        t[k++] = *x;
    }
    return k;
}

/* "cleveland.com", "Wday.ru": a web name. */
static bool domain_like(const token *t)
{
    const char *dot = NULL;
    for (size_t i = 0; i + 1 < t->n; i++)
        if (t->s[i] == '.')
            dot = t->s + i;
    if (!dot || dot == t->s)
        return false;
    size_t tail = (size_t)(t->s + t->n - dot - 1);
    if (tail < 2 || tail > 4)
        return false;
    for (const char *p = dot + 1; p < t->s + t->n; p++)
        if (!((*p | 32) >= 'a' && (*p | 32) <= 'z'))
            return false;
    return dot - t->s >= 2;
}

/* A Korean or Japanese role glued to the name: "홍길동기자". */
static void unglue_role(token *t)
{
    static const char *const SUFFIX[] = {"\xEA\xB8\xB0\xEC\x9E\x90", "\xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90",
                                         "\xE8\xA8\x98\xE8\x80\x85", "\xE8\xAE\xB0\xE8\x80\x85", NULL};
    for (const char *const *s = SUFFIX; *s; s++) {
        size_t k = strlen(*s);
        if (t->n > k + 3 && !memcmp(t->s + t->n - k, *s, k)) {
            t->n -= k;
            return;
        }
    }
}

static char *join(nmi_ctx *ctx, const token *t, size_t m)
{
    size_t len = 0;
    for (size_t i = 0; i < m; i++)
        len += t[i].n + 1;
    char *out = nmi_arena_alloc(ctx->arena, len + 1);
    if (!out) {
        ctx->oom = true;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        if (i)
            out[k++] = ' ';
        memcpy(out + k, t[i].s, t[i].n);
        k += t[i].n;
    }
    /* a name does not end in a comma or a stray dot ("Smith." but "Jr.") */
    while (k && (out[k - 1] == ',' || out[k - 1] == ':' || out[k - 1] == '-'))
        k--;
    out[k] = '\0';
    return k ? out : NULL;
}

/* What a piece is, with the person's name or the organization in *out.
 * alone: the piece is the whole credit (a one-word name is then allowed). */
static piece_kind classify(nmi_ctx *ctx, const nmi_names *nm, token *t, size_t m, bool dated,
                           const char **out)
{
    *out = NULL;
    m = drop_noise(t, m);
    /* leading "and", labels left over, "About", "More from" */
    size_t b = 0;
    while (b < m && (((tok_in(&t[b], AND_WORDS) || tok_in(&t[b], LEAD_JUNK)) &&
                      (!has_upper(t[b].s, t[b].n) || (b + 1 < m && tok_in(&t[b], LEAD_JUNK)))) ||
                     (t[b].n == 2 && !memcmp(t[b].low, "by", 2))))
        b++;
    t += b;
    m -= b;
    /* date words after the name: a weekday ("Malcolm Owen Monday"), or a
     * month before the date that ended the credit ("Jane Doe Nov 18"), not
     * a surname ("Theresa May", "Lena Sun") */
    static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", NULL};
    while (m > 1 && (tok_in(&t[m - 1], WEEKDAYS) || (dated && tok_in(&t[m - 1], DATE_WORDS))))
        m--;
    if (m == 1 && dated && tok_in(&t[0], DATE_WORDS))
        m = 0;
    if (m == 0)
        return P_NOTHING;
    char *whole = join(ctx, t, m);
    if (!whole)
        return P_NOTHING;
    char low[512];
    size_t wn = strlen(whole);
    if (wn >= sizeof low)
        return P_NOTHING;
    lower_same(whole, wn, low);
    low[wn] = '\0';

    if (in_list(low, wn, NEWSROOM) || in_list(low, wn, AGENCIES)) {
        *out = whole;
        return P_ORG;
    }
    /* "Por Redacción", "Von Reuters" */
    if (m >= 2 && tok_in(&t[0], WRITER_WORDS)) {
        size_t rest = (size_t)(t[0].n + 1);
        if (rest < wn && (in_list(low + rest, wn - rest, NEWSROOM) ||
                          in_list(low + rest, wn - rest, AGENCIES))) {
            *out = whole + rest;
            return P_ORG;
        }
    }
    /* an agency with a role: "AP Auto Writer", "Reuters Staff" */
    for (size_t k = m - 1; k > 0; k--) {
        /* the head, lower case, with single spaces */
        char hl[512];
        size_t q = 0;
        for (size_t i = 0; i < k && q + t[i].n + 1 < sizeof hl; i++) {
            if (i)
                hl[q++] = ' ';
            memcpy(hl + q, t[i].low, t[i].n);
            q += t[i].n;
        }
        if (!in_list(hl, q, AGENCIES))
            continue;
        /* the rest is a role ("AP National Security Writer") */
        bool rest_role = true;
        if (!role_word(&t[m - 1]))
            for (size_t i = k; i < m && rest_role; i++)
                rest_role = tok_in(&t[i], ROLE_ADJECTIVES) || tok_in(&t[i], DESK_WORDS);
        if (rest_role) {
            *out = join(ctx, t, k);
            return *out ? P_ORG : P_NOTHING;
        }
    }
    if (own_name(nm, whole)) {
        *out = whole;
        return P_ORG;
    }
    if (m >= 2 && t[0].n == 3 && !memcmp(t[0].low, "the", 3)) {
        *out = whole;
        return P_ORG; /* "The Water Coolest", "The Editorial Board" */
    }
    if (org_ending(whole, wn)) {
        *out = whole;
        return P_ORG;
    }
    if (m == 1 && domain_like(&t[0])) {
        *out = whole;
        return P_ORG;
    }
    /* roles: after the name ("Jane Doe Senior Writer") or before it
     * ("칼럼니스트 박생강", "Reporter Jane Doe") */
    for (size_t i = 0; i < m; i++)
        unglue_role(&t[i]);
    size_t r = m;
    for (size_t i = 0; i < m; i++)
        if (role_word(&t[i])) {
            r = i;
            break;
        }
    /* The name of an organization is written like one: its words start
     * with capitals, but for small words ("Zac covers Apple news" is not
     * one). */
    bool titled = true;
    for (size_t i = 0; i < m && titled; i++) {
        static const char *const SMALL[] = {"of", "and", "for", "the", "de", "la", "le", "du",
                                            "di", "da", "del", "des", "van", "von", "y", "e",
                                            "et", "und", "at", "on", "in", "to", "a", "an",
                                            "&", "wire", "services", NULL};
        UChar32 c = first_letter(&t[i]);
        titled = !u_islower(c) || (i > 0 && (tok_in(&t[i], SMALL) || tok_in(&t[i], DESK_WORDS)));
    }
    if (titled && tok_in(&t[m - 1], DESK_WORDS) && r == m) {
        *out = whole;
        return P_ORG; /* "Jerusalem Post Staff", "CBS News", "Telegraph Sport" */
    }
    for (size_t i = 0; titled && i < m; i++)
        if (tok_in(&t[i], OUTLET_WORDS) && r == m) {
            *out = whole;
            return P_ORG; /* "Sioux Falls Argus Leader", "USA TODAY" */
        }
    if (r < m) {
        size_t k = r;
        while (k > 0 && (tok_in(&t[k - 1], ROLE_ADJECTIVES) || tok_in(&t[k - 1], DESK_WORDS) ||
                         tok_in(&t[k - 1], AGENCIES)))
            k--;
        if (k == 0) {
            /* the role comes first: the name follows it */
            size_t s = 0;
            while (s < m && (role_word(&t[s]) || tok_in(&t[s], ROLE_ADJECTIVES)))
                s++;
            bool more_roles = false;
            for (size_t i = s; i < m; i++)
                more_roles = more_roles || role_word(&t[i]);
            if (s == m || more_roles)
                return P_ROLE;
            t += s;
            m -= s;
        } else {
            m = k;
        }
    }
    /* a lower-case word ends the name: "Jane Doe is a reporter" */
    for (size_t i = 0; i < m; i++) {
        if (name_token(&t[i]))
            continue;
        if (i < 2)
            return P_NOTHING;
        m = i;
        break;
    }
    /* a name does not end in a particle ("Coordenadoria de") */
    while (m > 1 && tok_in(&t[m - 1], PARTICLES) && !has_upper(t[m - 1].s, t[m - 1].n))
        m--;
    /* credentials after a mixed-case name: "Rachael Link MS RD" */
    bool mixed = false;
    for (size_t i = 0; i < m; i++)
        mixed = mixed || has_lower(t[i].s, t[i].n);
    while (mixed && m > 2 && caps_word(&t[m - 1]) && letters(&t[m - 1]) <= 4)
        m--;
    if (m == 0 || m > 6)
        return P_NOTHING;
    size_t real = 0, inits = 0;
    for (size_t i = 0; i < m; i++) {
        if (tok_in(&t[i], PARTICLES) && has_lower(t[i].s, 1))
            continue;
        real++;
        inits += initial(&t[i]);
    }
    if (real == 0 || real == inits)
        return P_NOTHING;
    if (m == 1) {
        UChar32 c = first_letter(&t[0]);
        if (tok_in(&t[0], NOT_NAMES) || tok_in(&t[0], DATE_WORDS) ||
            role_word(&t[0]) || tok_in(&t[0], DESK_WORDS))
            return P_NOTHING;
        if (cased(c)) {
            /* "Regan" is a name; "KWCHCIK", "MS" and "admin" are not */
            if (!u_isupper(c) && !u_istitle(c))
                return P_NOTHING;
            if (!has_lower(t[0].s, t[0].n) || letters(&t[0]) < 2)
                return P_NOTHING;
        } else if (letters(&t[0]) < 2) {
            return P_NOTHING;
        }
    }
    *out = join(ctx, t, m);
    return *out ? P_PERSON : P_NOTHING;
}

/* ---- a credit: pieces -------------------------------------------------------------- */

typedef enum join_kind { J_LIST, J_FOR, J_IN } join_kind;

typedef struct piece {
    const char *s, *low;
    size_t n;
    join_kind after; /* how it is tied to the piece before */
} piece;

#define MAX_PIECES 32

/* Separator at low[i]: its length, and what it ties. */
static size_t separator_at(const char *low, size_t n, size_t i, join_kind *kind)
{
    *kind = J_LIST;
    unsigned char c = (unsigned char)low[i];
    if (c == ',' || c == ';' || c == '|' || c == '/' || c == '(' || c == ')' || c == '[' ||
        c == ']' || c == (unsigned char)NMI_BYLINE_MARK || c == '+' || c == '*')
        return 1;
    if (c == ':' && i + 1 < n && low[i + 1] == ' ')
        return 1;
    static const char *const SEPS[] = {
        "\xE2\x80\xA2", "\xC2\xB7", "\xE3\x80\x81", "\xEF\xBC\x8C", "\xEF\xBC\x9B", /* • · 、 ，； */
        "\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBD\x9C", "\xC2\xA6", NULL};          /* — – ｜ ¦ */
    for (const char *const *s = SEPS; *s; s++) {
        size_t k = strlen(*s);
        if (i + k <= n && !memcmp(low + i, *s, k))
            return k;
    }
    if (c == ' ' && i + 2 < n && low[i + 1] == '-' && low[i + 2] == ' ')
        return 3;
    if (c == ' ' && i + 5 <= n && !memcmp(low + i, " for ", 5)) {
        *kind = J_FOR;
        return 5;
    }
    if (c == ' ' && ((i + 4 <= n && !memcmp(low + i, " in ", 4)) ||
                     (i + 4 <= n && !memcmp(low + i, " at ", 4)))) {
        *kind = J_IN;
        return 4;
    }
    /* ". " after a word that is not an initial or an abbreviation:
     * "Finian Cunningham. Sputnik International" */
    if (c == '.' && i + 1 < n && low[i + 1] == ' ') {
        size_t w = i;
        while (w > 0 && low[w - 1] != ' ' && low[w - 1] != '.')
            w--;
        size_t wl = i - w;
        if (wl >= 2 && !in_list(low + w, wl, DOTTED))
            return 1;
    }
    return 0;
}

/* And-words between names, with the spaces around them. The word must be
 * in lower case as printed ("Dan Evon", "Ed Cara" are names), except
 * "and" and an and-word in a credit printed in capitals ("LISA MASCARO Y
 * ERIC TUCKER"). */
static size_t and_at(const char *s, const char *low, size_t n, size_t i)
{
    if (low[i] != ' ')
        return 0;
    for (const char *const *a = AND_WORDS; *a; a++) {
        size_t k = strlen(*a);
        if (!(i + 1 + k + 1 <= n && !memcmp(low + i + 1, *a, k) && low[i + 1 + k] == ' '))
            continue;
        if (!memcmp(s + i + 1, *a, k) || !strcmp(*a, "and"))
            return k + 2;
        /* in capitals, between words in capitals */
        size_t w = i;
        while (w > 0 && !is_space(s[w - 1]))
            w--;
        token prev = {s + w, low + w, i - w};
        token self = {s + i + 1, low + i + 1, k};
        if (caps_word(&prev) && !has_lower(self.s, self.n))
            return k + 2;
    }
    return 0;
}

/* Quotes and brackets around a word: ASCII, curly, guillemets. */
static size_t quote_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '"' || c == '\'' || c == '`')
        return 1;
    if (n >= 2 && c == 0xC2 && ((unsigned char)s[1] == 0xAB || (unsigned char)s[1] == 0xBB))
        return 2;
    if (n >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9F)
        return 3;
    return 0;
}

static size_t tokenize(const char *s, const char *low, size_t n, token *t)
{
    size_t m = 0, i = 0;
    while (i < n && m < MAX_TOKENS) {
        while (i < n && is_space(s[i]))
            i++;
        size_t st = i;
        while (i < n && !is_space(s[i]))
            i++;
        size_t e = i, q;
        while (st < e && (q = quote_len(s + st, e - st)) > 0)
            st += q;
        for (bool again = true; again && e > st;) {
            again = false;
            if (s[e - 1] == ',' || s[e - 1] == ':' || s[e - 1] == '"' || s[e - 1] == '\'') {
                e--;
                again = true;
            } else if (e - st >= 2 && (unsigned char)s[e - 2] == 0xC2 &&
                       ((unsigned char)s[e - 1] == 0xAB || (unsigned char)s[e - 1] == 0xBB)) {
                e -= 2;
                again = true;
            } else if (e - st >= 3 && (unsigned char)s[e - 3] == 0xE2 &&
                       (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] >= 0x98 &&
                       (unsigned char)s[e - 1] <= 0x9F) {
                e -= 3;
                again = true;
            }
        }
        if (e > st)
            t[m++] = (token){s + st, low + st, e - st};
    }
    return m;
}

/* Names glued to a date or a label: "Jane DoeNovember 19", "Jane
 * DoeUpdated". Returns the cut position or n. */
static size_t glued_cut(const char *s, size_t n)
{
    for (size_t i = 1; i + 3 < n; i++) {
        if (!(s[i] >= 'A' && s[i] <= 'Z') || !(s[i - 1] >= 'a' && s[i - 1] <= 'z'))
            continue;
        for (const char *const *g = GLUED; *g; g++) {
            size_t k = strlen(*g);
            if (i + k <= n && !memcmp(s + i, *g, k) && (i + k == n || !(s[i + k] >= 'a' && s[i + k] <= 'z')))
                return i;
        }
    }
    return n;
}

/* Where the credit stops: a stop word, a token starting with a digit, a
 * glued date. */
static size_t credit_end(const char *s, const char *low, size_t n)
{
    size_t end = glued_cut(s, n);
    for (size_t i = 0; i < end; i++) {
        if (!word_start(low, i))
            continue;
        if (low[i] >= '0' && low[i] <= '9')
            return i;
        if (match_at(low, end, i, STOPS))
            return i;
    }
    return end;
}

/* One credit (the names part of a byline). */
static void split_credit(nmi_ctx *ctx, nmi_names *nm, const char *s, const char *low, size_t n)
{
    size_t full = n;
    n = credit_end(s, low, n);
    bool dated = n < full; /* a date or a label ended the credit */
    piece pc[MAX_PIECES];
    size_t np = 0, st = 0;
    join_kind pending = J_LIST;
    for (size_t i = 0; i <= n && np < MAX_PIECES;) {
        join_kind kind = J_LIST;
        size_t k = i < n ? separator_at(low, n, i, &kind) : 1;
        if (!k) {
            i++;
            continue;
        }
        if (i > st)
            pc[np++] = (piece){s + st, low + st, i - st, pending};
        if (i > st || kind != J_LIST)
            pending = kind;
        i += k;
        st = i;
    }
    /* second level: "and" */
    piece sub[MAX_PIECES];
    size_t ns = 0;
    for (size_t p = 0; p < np && ns < MAX_PIECES; p++) {
        const piece *x = &pc[p];
        /* "The Russian and Syrian defense ministries" is one credit */
        size_t lead = 0;
        while (lead < x->n && x->s[lead] == ' ')
            lead++;
        bool the = x->n - lead > 4 && !memcmp(x->low + lead, "the ", 4);
        size_t a0 = 0;
        join_kind after = x->after;
        for (size_t i = 0; i <= x->n && ns < MAX_PIECES;) {
            size_t k = (i < x->n && !the) ? and_at(x->s, x->low, x->n, i) : 0;
            if (i < x->n && !k) {
                i++;
                continue;
            }
            if (i > a0)
                sub[ns++] = (piece){x->s + a0, x->low + a0, i - a0, after};
            after = J_LIST;
            i += k ? k : 1;
            a0 = i;
        }
    }
    /* a switch from a mixed-case name to words in capitals: "Kevin McCoy
     * USA TODAY" */
    const char *names[MAX_PIECES];
    piece_kind kinds[MAX_PIECES];
    size_t useful = 0;
    for (size_t p = 0; p < ns; p++) {
        token t[MAX_TOKENS];
        size_t m = tokenize(sub[p].s, sub[p].low, sub[p].n, t);
        names[p] = NULL;
        kinds[p] = P_NOTHING;
        if (sub[p].after == J_IN) {
            continue; /* a place: "Jane Doe in London" */
        }
        size_t cut = m;
        size_t caps = 0, mixed = 0;
        for (size_t i = 0; i < m; i++) {
            if (initial(&t[i]) || tok_in(&t[i], PARTICLES))
                continue;
            bool c = caps_word(&t[i]);
            if ((c && mixed >= 2 && caps == 0) || (!c && caps >= 2 && mixed == 0)) {
                cut = i;
                break;
            }
            caps += c;
            mixed += !c;
        }
        kinds[p] = classify(ctx, nm, t, cut, dated && p + 1 == ns, &names[p]);
        if (sub[p].after == J_FOR && kinds[p] == P_PERSON)
            kinds[p] = P_ORG; /* "Jane Doe for The Guardian" */
        if (cut < m && kinds[p] == P_PERSON) {
            char *rest = join(ctx, t + cut, m - cut);
            if (rest)
                add_org(ctx, nm, rest, strlen(rest));
        }
        if (kinds[p] != P_NOTHING)
            useful++;
    }
    for (size_t p = 0; p < ns; p++) {
        if (kinds[p] == P_ORG && names[p]) {
            add_org(ctx, nm, names[p], strlen(names[p]));
        } else if (kinds[p] == P_PERSON && names[p]) {
            /* A one-word name among other credits is a place or an outlet
             * ("PTI, Washington", "Victor Tangermann, Futurism"), unless the
             * script has no case (Korean, Chinese, Japanese names). */
            if (!strchr(names[p], ' ') && useful > 1) {
                token one = {names[p], names[p], strlen(names[p])};
                if (cased(first_letter(&one)))
                    continue;
            }
            push_name(ctx, nm, names[p]);
        }
    }
}

/* ---- a byline: roles ----------------------------------------------------------------- */

typedef struct label_hit {
    size_t start, end;
    bool writer;
} label_hit;

#define MAX_HITS 16

void nmi_split_byline(nmi_ctx *ctx, const char *byline, nmi_names *nm)
{
    if (!byline || ctx->oom)
        return;
    size_t n = strlen(byline);
    if (n > 600)
        n = 600;
    char *s = nmi_arena_strndup(ctx->arena, byline, n);
    char *low = nmi_arena_alloc(ctx->arena, n + 1);
    if (!s || !low) {
        ctx->oom = true;
        return;
    }
    lower_same(s, n, low);
    low[n] = '\0';
    label_hit hits[MAX_HITS];
    size_t nh = 0;
    for (size_t i = 0; i < n && nh < MAX_HITS; i++) {
        if (!word_start(low, i))
            continue;
        size_t w = match_at(low, n, i, WRITER_LABELS);
        size_t o = match_at(low, n, i, OTHER_LABELS);
        /* one-word labels of other languages: at the start of the text or
         * of an element, before two words or more */
        size_t f = 0;
        bool at_start = true;
        for (size_t j = 0; j < i && at_start; j++)
            at_start = is_space(low[j]) || low[j] == '|' || low[j] == NMI_BYLINE_MARK;
        if ((at_start || low[i - 1] == NMI_BYLINE_MARK ||
             (i >= 2 && low[i - 2] == NMI_BYLINE_MARK)) &&
            (f = match_at(low, n, i, WRITER_WORDS)) > 0) {
            size_t j = i + f;
            while (j < n && (low[j] == ' ' || low[j] == ':'))
                j++;
            size_t words = 0;
            bool in = false;
            for (; j < n && low[j] != ',' && low[j] != NMI_BYLINE_MARK && low[j] != '|'; j++) {
                bool sp = low[j] == ' ';
                words += !sp && !in;
                in = !sp;
            }
            if (words < 2)
                f = 0;
        }
        if (f > w)
            w = f;
        if (!w && !o)
            continue;
        /* "by" of "photo by" belongs to the longer label */
        bool writer = w > o;
        size_t len = writer ? w : o;
        size_t e = i + len;
        while (e < n && (low[e] == ':' || low[e] == ' '))
            e++;
        hits[nh++] = (label_hit){i, e, writer};
        i = e > i ? e - 1 : i;
    }
    bool any_writer = false;
    for (size_t h = 0; h < nh; h++)
        any_writer = any_writer || hits[h].writer;
    if (any_writer) {
        for (size_t h = 0; h < nh; h++) {
            if (!hits[h].writer)
                continue;
            size_t end = h + 1 < nh ? hits[h + 1].start : n;
            split_credit(ctx, nm, s + hits[h].end, low + hits[h].end, end - hits[h].end);
        }
    } else {
        size_t end = nh ? hits[0].start : n;
        split_credit(ctx, nm, s, low, end);
    }
}

/* ---- the byline as printed ------------------------------------------------------------ */

const char *nmi_byline_display(nmi_ctx *ctx, const char *byline)
{
    if (!byline)
        return NULL;
    size_t n = strlen(byline);
    char *s = nmi_arena_strndup(ctx->arena, byline, n);
    if (!s) {
        ctx->oom = true;
        return NULL;
    }
    /* a boundary reads as a space, but not before punctuation */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != NMI_BYLINE_MARK) {
            s[o++] = s[i];
            continue;
        }
        size_t j = i + 1;
        while (j < n && (s[j] == ' ' || s[j] == NMI_BYLINE_MARK))
            j++;
        if (j < n && strchr(",.;:!?)", s[j]))
            continue;
        if (o && s[o - 1] != ' ' && s[o - 1] != '(')
            s[o++] = ' ';
    }
    s = nmi_clean_text(ctx->arena, s, o, &ctx->oom);
    if (!s)
        return NULL;
    n = strlen(s);
    char *low = nmi_arena_alloc(ctx->arena, n + 1);
    if (!low) {
        ctx->oom = true;
        return NULL;
    }
    lower_same(s, n, low);
    low[n] = '\0';
    /* "05/10/2018 - Publicado por: Clarissa Borba", "Monday November 18,
     * 2019 7:45 am PST by Joe Rossignol": from the label on, when only a
     * date is before it */
    size_t start = 0, body = 0;
    bool words = false;
    for (size_t i = 0; i < n && !words; i++) {
        if (!word_start(low, i))
            continue;
        size_t w = match_at(low, n, i, WRITER_LABELS);
        if (w) {
            start = i;
            body = i + w;
            break;
        }
        size_t e = i;
        while (e < n && low[e] != ' ' && low[e] != ',')
            e++;
        bool date = in_list(low + i, e - i, DATE_WORDS) ||
                    (low[i] >= '0' && low[i] <= '9') || !word_end(low, n, i);
        if (!date) {
            unsigned char c = (unsigned char)low[i];
            words = (c >= 'a' && c <= 'z') || c >= 0x80;
        }
    }
    if (body == 0)
        body = start;
    size_t end = body + credit_end(s + body, low + body, n - body);
    bool cut = end < n;
    for (bool again = true; again;) {
        again = false;
        while (end > start && (strchr(" ,;|:-*/(", s[end - 1]) || (unsigned char)s[end - 1] >= 0x80)) {
            unsigned char c = (unsigned char)s[end - 1];
            if (c >= 0x80) {
                /* a dash, a bullet or a middle dot at the end */
                size_t k = end;
                while (k > start && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
                    k--;
                if (k > start)
                    k--;
                UChar32 cp;
                size_t j = k;
                U8_NEXT(s, j, end, cp);
                if (cp < 0 || u_isalnum(cp))
                    break;
                end = k;
                continue;
            }
            end--;
        }
        /* a month, a weekday or a preposition left before a cut date:
         * "Jane Doe on", "Jane Doe Monday" */
        static const char *const BEFORE_DATE[] = {"on", "at", "el", "em", "le", "am", "um",
                                                  "the", "of", "-", NULL};
        size_t w = end;
        while (w > start && s[w - 1] != ' ')
            w--;
        if (cut && w > start && w < end &&
            (in_list(low + w, end - w, DATE_WORDS) || in_list(low + w, end - w, BEFORE_DATE))) {
            end = w;
            again = true;
        }
    }
    if (end <= start)
        return NULL;
    bool any = false;
    for (size_t i = start; i < end && !any; i++) {
        unsigned char c = (unsigned char)s[i];
        any = ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
    }
    if (!any)
        return NULL;
    s[end] = '\0';
    return s + start;
}
