/* The class and id vocabulary of the body stage (content.c): what the
 * words of an element's class or id value, and its ARIA role, say about
 * it: boilerplate (strong, weak or layout words) or article text. */
#include <string.h>

#include "internal.h"

static const char *const JUNK_ROLES[] = {"navigation", "banner", "complementary", "contentinfo",
                                         "dialog",     "menu",   "menubar",       "search",
                                         "toolbar",    "alert",  "alertdialog",   NULL};

static bool in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return true;
    return false;
}

bool nmi_junk_role(const char *role)
{
    return in_list(role, JUNK_ROLES);
}

/* Class/id vocabulary of boilerplate, in several languages. Class and id
 * values are split into lower-case words at spaces, punctuation and
 * camelCase humps ("ArticleBody-shareBar" -> article body share bar).
 * A word matches when it starts with one of the stems, equals one of the
 * short words, or the joined words contain one of the phrases ("read-more",
 * "ReadMore" and "read_more" all give "readmore").
 *
 * Strong words mark boilerplate even on an element that also looks like
 * content ("related-content", "comment-body"); weak words only when
 * nothing in the class says article/content/body/entry/story (Readability's
 * "maybe" rule: "entry-content read-more", "article modal-enabled"). */
static const char *const STRONG_STEMS[] = {
    "comment",  "kommentar", "comentario", "commentaire", "disqus",    "cookie",    "consent",
    "gdpr",     "newsletter", "subscri",   "signup",      "social",    "share",     "sharing",
    "partage",  "compartir", "teilen",     "related",     "relacionad", "verwandt", "correlat",
    "recommend", "outbrain", "taboola",    "sponsor",     "advert",    "promo",     "trending",
    "popular",  "breadcrumb", "byline",      "dateline",  "caption",   "credit",
    "skyscraper", "leaderboard", NULL};
static const char *const STRONG_WORDS[] = {"ad", "ads", "adv", "dfp", "byl", NULL};
static const char *const STRONG_PHRASES[] = {
    "mostread", "mostpopular", "morestories", "authorbio", "aboutauthor", "adslot", "adunit",
    "adcontainer", "adwrapper", "alsoread", "seealso", "youmayalso", "youmightalso", "dontmiss",
    "leiatambem", "lesenauch", "sronly", "screenreader", "visuallyhidden", "skiplink", NULL};

static const char *const WEAK_STEMS[] = {
    "popup",    "modal",     "sidebar",    "footer",     "masthead",  "navbar",    "navigation",
    "toolbar",  "pagination", "slideshow",  "carousel",  "gallery",   "timestamp",
    "offscreen", "nocontent", "noprint",   "banner",     "overlay",   "lightbox",  "tooltip",
    NULL};
static const char *const WEAK_WORDS[] = {"nav",   "menu",  "meta",   "tool",   "tools",  "tag",
                                         "tags",  "hide",  "hidden", "rss",    "foot",   "header",
                                         "pager", "print", "bio",    "author", "more",   "topics",
                                         "keywords", "subnav", "topnav", "extra", "email", "follow",
                                         NULL};
static const char *const WEAK_PHRASES[] = {"readmore", "jumplink", "printonly", "moreon", NULL};

/* Layout words: page builders put them on every block of a page, the
 * article's text blocks too ("widget" of a sidebar gadget and of a text
 * editor block). Boilerplate like a weak word, unless that leaves the
 * page without most of its prose (see nmi_choose_content). */
static const char *const LAYOUT_STEMS[] = {"widget", NULL};

/* Class/id words that suggest article text (Readability's positive list). */
static const char *const GOOD_STEMS[] = {"article", "body",  "content", "entry", "hentry",
                                         "main",    "post",  "text",    "blog",  "story",
                                         "prose",   "artikel", "noticia", "materia", NULL};


/* Split a class/id value into lower-case words (see JUNK_STEMS) and call
 * match() on each; also builds the words joined without separators into
 * joined[] for phrase matching. */
typedef struct words {
    char w[48][32];
    size_t n;
    char joined[256];
} words;

static void split_words(const char *v, words *out)
{
    out->n = 0;
    size_t jl = 0;
    size_t len = 0;
    char cur[32];
    for (const char *p = v;; p++) {
        unsigned char c = (unsigned char)*p;
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        bool hump = c >= 'A' && c <= 'Z' && p > v && p[-1] >= 'a' && p[-1] <= 'z';
        if ((!alnum || hump) && len) {
            if (out->n < 48) {
                cur[len] = '\0';
                memcpy(out->w[out->n++], cur, len + 1);
            }
            len = 0;
        }
        if (!c)
            break;
        if (c == ' ' && jl && jl + 1 < sizeof out->joined)
            out->joined[jl++] = ' '; /* phrases never span class names */
        if (alnum) {
            char lc = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            if (len + 1 < sizeof cur)
                cur[len++] = lc;
            if (jl + 1 < sizeof out->joined)
                out->joined[jl++] = lc;
        }
    }
    out->joined[jl] = '\0';
}

static bool words_match(const words *w, const char *const *stems, const char *const *exact,
                        const char *const *phrases)
{
    for (size_t i = 0; i < w->n; i++) {
        const char *t = w->w[i];
        /* compare the first letters before calling into libc: this runs
         * for every word of every class attribute of the page */
        for (const char *const *s = stems; s && *s; s++)
            if (t[0] == (*s)[0] && t[1] == (*s)[1] && !strncmp(t, *s, strlen(*s)))
                return true;
        for (const char *const *e = exact; e && *e; e++)
            if (t[0] == (*e)[0] && !strcmp(t, *e))
                return true;
    }
    for (const char *const *ph = phrases; ph && *ph; ph++)
        if (strstr(w->joined, *ph))
            return true;
    return false;
}

/* "hidden" and "hide" that do not hide the element: CSS utility names
 * ("overflow-hidden"; "label-hidden": its label is hidden). Hidden at one
 * screen size ("hidden-xs") still marks what a small screen can do
 * without: sidebars, tag clouds. */
static const char *const HIDDEN_QUALIFIERS[] = {"overflow", "label", "labels", NULL};

static void drop_qualified_hidden(words *w)
{
    for (size_t i = 0; i < w->n; i++) {
        if (strcmp(w->w[i], "hidden") && strcmp(w->w[i], "hide"))
            continue;
        if (i > 0 && in_list(w->w[i - 1], HIDDEN_QUALIFIERS))
            w->w[i][0] = '\0';
    }
}

void nmi_classify_class(const char *v, nmi_cls_junk *junk, bool *good)
{
    *junk = NMI_CLS_NONE;
    *good = false;
    if (!v || !*v)
        return;
    words w;
    split_words(v, &w);
    drop_qualified_hidden(&w);
    if (words_match(&w, STRONG_STEMS, STRONG_WORDS, STRONG_PHRASES))
        *junk = NMI_CLS_STRONG;
    else if (words_match(&w, WEAK_STEMS, WEAK_WORDS, WEAK_PHRASES))
        *junk = NMI_CLS_WEAK;
    else if (words_match(&w, LAYOUT_STEMS, NULL, NULL))
        *junk = NMI_CLS_LAYOUT;
    *good = words_match(&w, GOOD_STEMS, NULL, NULL);
}

