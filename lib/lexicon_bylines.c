/* The words of bylines: labels, roles, organizations, and what stops a
 * credit, in the languages newsmeta reads. Lower case UTF-8, each list
 * ending with NULL. Nothing here knows any site: only words of the trade. */
#include <stddef.h>

#include "lexicon.h"

/* ---- labels ---------------------------------------------------------------------- */

/* Labels before the names of the writers. A label ending in ':' needs
 * nothing after it; the others must end at a word boundary. */
const char *const nmi_lex_byline_writer_labels[] = {
    /* English */
    "by", "written by", "reported by", "reporting by", "story by", "words by", "text by",
    "posted by", "published by", "authored by", "article by", "analysis by", "opinion by",
    "commentary by", "review by", "interview by", "column by", "author:", "authors:",
    "byline:", "reporter:", "reporters:", "writer:", "words:", "text:", "story:",
    "columnist:", "contributor:",
    /* German */
    "geschrieben von", "verfasst von", "ein beitrag von", "ein kommentar von",
    "eine analyse von", "ein artikel von", "ein gastbeitrag von", "ein interview von",
    "autor:", "autorin:", "autoren:", "text & fotos:", "text und fotos:", "text & bilder:",
    "text und bilder:", "text & foto:",
    /* Spanish, Portuguese */
    "escrito por", "publicado por", "redactado por", "autora:", "autores:", "texto:",
    "un art\xC3\xAD" "culo de", "texto y fotos:", "texto e fotos:",
    "reportagem:",
    /* French */
    "\xC3\xA9" "crit par", "r\xC3\xA9" "dig\xC3\xA9 par", "publi\xC3\xA9 par", "auteur:",
    "auteure:", "auteurs:", "texte:", "un article de", "texte et photos:",
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
const char *const nmi_lex_byline_writer_words[] = {
    "von", "por", "par", "di", "door", "av", "af", "oleh", "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80" /* автор */,
    NULL};

/* Labels of the other roles: what follows is not a writer. */
const char *const nmi_lex_byline_other_labels[] = {
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
    "editor :", "tested by", "checked by", "verified by", "expert reviewed by",
    "reviewed:", "fact-checked:", "fact checked:", "gepr\xC3\xBC" "ft von", "getestet von",
    "relu par", "v\xC3\xA9rifi\xC3\xA9 par", "revis\xC3\xA9 par", "verificado por",
    "revisto por", "rivisto da",
    "\xD1\x84\xD0\xBE\xD1\x82\xD0\xBE:",                     /* фото: */
    "\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0\xD0\xBA\xD1\x82\xD0\xBE\xD1\x80:", /* редактор: */
    "\xE5\x86\x99\xE7\x9C\x9F\xEF\xBC\x9A",                 /* 写真： */
    "\xE7\xBC\x96\xE8\xBE\x91\xEF\xBC\x9A", "\xE7\xB7\xA8\xE8\xBC\xAF\xEF\xBC\x9A", /* 编辑： 編輯： */
    "\xEC\x82\xAC\xEC\xA7\x84=", "\xEC\x82\xAC\xEC\xA7\x84:", /* 사진= 사진: */
    NULL};

/* ---- the end of a credit, and between names -------------------------------------- */

/* Where a byline stops naming people (matched at a word start). */
const char *const nmi_lex_byline_stops[] = {
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
const char *const nmi_lex_byline_and_words[] = {
    "and", "&", "und", "y", "e", "ed", "et", "en", "och", "og", "i", "oraz", "ve", "dan",
    "ja", "\xC3\xA9s", "\xC8\x99i", "with", "mit", "con", "avec", "com",
    "\xD0\xB8" /* и */, NULL};

/* ---- organizations --------------------------------------------------------------- */

/* News agencies: never a person, and an agency's name may lead a credit
 * ("AP Auto Writer"). */
const char *const nmi_lex_byline_agencies[] = {
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
const char *const nmi_lex_byline_newsroom[] = {
    "staff", "staff reports", "staff report", "editorial board", "the editorial board",
    "editorial", "editorial staff", "editors", "the editors", "newsroom", "news desk",
    "web desk", "desk", "news service", "news services", "wire services", "wires",
    "agencies", "agency", "redaktion", "redacci\xC3\xB3n", "reda\xC3\xA7\xC3\xA3o",
    "r\xC3\xA9" "daction", "redazione", "redactie", "redaksi",
    "\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0\xD0\xBA\xD1\x86\xD0\xB8\xD1\x8F", /* редакция */
    NULL};

/* Words that end the credit of a desk or an organization ("Jerusalem Post
 * Staff", "CBS News", "News Nation Bureau", "Telegraph Sport"). */
const char *const nmi_lex_byline_desk_words[] = {
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
const char *const nmi_lex_byline_outlet_words[] = {
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
const char *const nmi_lex_byline_org_endings[] = {
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


/* ---- roles and names ------------------------------------------------------------- */

/* What a person does. A role after a name ends the name; a role alone is
 * dropped. */
const char *const nmi_lex_byline_role_words[] = {
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
    /* titles of company blogs and guides: "Jane Doe, Marketing Director" */
    "director", "manager", "coordinator", "consultant", "specialist", "expert", "engineer",
    "reviewer", "founder", "co-founder", "cofounder", "ceo", "cto", "cfo", "coo", "cmo",
    "president", "officer", "strategist", "designer", "developer", "scientist",
    "researcher", "dietitian", "nutritionist", "winemaker", "gesch\xC3\xA4" "ftsf\xC3\xBC" "hrer",
    "directeur", "directrice", "responsable", "directora", "gerente",
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
const char *const nmi_lex_byline_role_adjectives[] = {
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
    /* of company titles: "Content Marketing Coordinator" */
    "content", "marketing", "product", "operations", "community", "communications", "sales",
    "engineering", "affiliate", "creative", "brand", "seo", "growth", "qa", "customer",
    "software", "account", "project", "program", "research", "strategy", "design",
    "development", "social", "media",
    NULL};

/* First words of a title, never of a name: a piece that starts with one
 * ("Senior Life", "Junior Affiliate Content Writer") is a role. */
const char *const nmi_lex_byline_role_leads[] = {
    "senior", "junior", "chief", "executive", "former", "head", "lead", "associate",
    "assistant", "deputy", "managing", "contributing", "sr.", "vice", "certified",
    "leitender", "leitende", "stellvertretender", "stellvertretende", NULL};

/* Words of the page's interface and of author boxes: a piece with one
 * of them is no name ("Full Bio", "View Full Profile", "Sign In",
 * "Editorial Guidelines", "Zum Profil", "Google Scholar", "Our
 * Editors"). */
const char *const nmi_lex_byline_ui_words[] = {
    "profile", "profil", "bio", "biography", "guidelines", "policy", "process", "topics",
    "learn", "privacy", "terms", "conditions", "sign", "login", "log", "subscribe",
    "newsletter", "watch", "scholar", "pubmed", "zum", "kontaktieren", "posts", "menu",
    "search", "share", "comments", "reply", "listen", "our", "unsere", "unser", "notre",
    "nos", "nuestro", "nuestros", "nuestra", "nossa", "nosso", "nostra", "nostro", "e-mail",
    "email", "pub", NULL};

/* Single words that are not a person's name. */
const char *const nmi_lex_byline_not_names[] = {
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
    "homepage", "rss", "print", "whatsapp", "telegram", "reddit", "text", "texto", "texte",
    "testo", "tekst", NULL};

/* Lower-case words inside names ("Ludwig van Beethoven", "Ursula von der
 * Leyen", "José Ortega y Gasset" is split, sadly). */
const char *const nmi_lex_byline_particles[] = {
    "van", "von", "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du",
    "des", "la", "le", "lo", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "af",
    "st.", "y", NULL};

/* Leading words of author boxes and links around a name ("About Jane
 * Doe", "Sobre Carlos Nadalim", "More from Jane Doe"). */
const char *const nmi_lex_byline_lead_junk[] = {
    "about", "sobre", "\xC3\xBC" "ber", "acerca", "meet", "contact", "more", "from",
    "follow", "view", "see", "all", "posts", "articles", "stories", "profile", "bio",
    "email", "e-mail", "mail", "write", "to", "de", NULL};

/* ---- dates ----------------------------------------------------------------------- */

/* Weekdays, months, the half of the day and time zones: a date's words
 * after a name are not part of it. */
const char *const nmi_lex_byline_date_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.", "am", "pm", "a.m.", "p.m.",
    "et", "est", "edt", "gmt", "utc", "ist", NULL};

/* Capitalized words that, glued to the end of a name without a space,
 * start a date or a time label: "Jane DoeNovember 19". */
const char *const nmi_lex_byline_glued_words[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Updated", "Published", "Posted", "Last", NULL};

/* Abbreviations that end in a dot inside a name. */
const char *const nmi_lex_byline_dotted[] = {"jr", "sr", "dr", "st", "mr", "mrs", "ms", "prof",
                                         "mt", "gen", "col", "lt", "sgt", "rev", "hon", NULL};

/* ---- the plain-text path's byline words ------------------------------------- */

/* Byline labels of the plain-text path beyond the writer labels above: a
 * noun followed by a colon, with or without spaces ("Author :",
 * "Redacción:"). */
const char *const nmi_lex_byline_nouns[] = {
    "author", "authors", "autor", "autora", "autores", "auteur", "auteurs", "autore", "autrice",
    "text", "texto", "testo", "reporter", "redacci\xC3\xB3n", NULL};
/* Lower-case words that may sit between the parts of a person's name or
 * between names: "and", "und", "y", "van", "de la". */
const char *const nmi_lex_name_joiners[] = {
    "and", "und", "y", "e", "et", "en", "och", "i", "&", "with", "de", "da", "di", "del", "della",
    "der", "den", "van", "von", "du", "des", "dos", "das", "la", "le", "al", "bin", "ter", "zu",
    "in", /* a place after the name: "Jane Doe in London" */
    NULL};

/* Byline labels that stand alone on their line ("By", then the names on
 * the next line). */
const char *const nmi_lex_byline_alone[] = {
    "by", "von", "por", "par", "di", "door", "av", "written by", "reported by", "reporting by",
    "author", "authors", "autor", "autora", "auteur", "autore", "text", "texto", NULL};

/* Words of a byline's second line in plain text: the author's role or
 * desk. */
const char *const nmi_lex_byline_line_roles[] = {
    "editor", "correspondent", "reporter", "writer", "columnist", "contributor", "staff",
    "desk", "bureau", "news", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
    "correspondant", "correspondante", "corresponsal", "journalist", "journaliste",
    "periodista", "giornalista", "jornalista", NULL};
