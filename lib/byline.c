/* Bylines to author names: "By Jane Doe and John Smith, Reuters" gives
 * Jane Doe and John Smith. Prefixes in several languages ("Von", "Por",
 * "Автор:"), roles, agencies, the site's own name, user names, e-mails and
 * dates glued to names are taken off; what is left must read as a
 * person's name. */
#include <string.h>

#include "internal.h"

void nmi_names_init(nmi_names *nm, const char *site, const char *publisher, const char *url)
{
    memset(nm, 0, sizeof *nm);
    nm->site = site;
    nm->publisher = publisher;
    nmi_host_key(url ? url : "", nm->hostk, sizeof nm->hostk);
}


static const char *const BYLINE_PREFIXES[] = {
    "by:", "by ", "written by ", "reported by:", "reported by ", "words by ", "story by ",
    "text by ", "posted by ", "von ", "por ", "par ", "di ", "door ", "av ", "de ",
    "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80:", /* Автор: */
    "\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82:", /* Текст: */
    NULL};

static const char *const AGENCIES[] = {
    "reuters", "ap", "associated press", "afp", "agence france-presse", "pti", "ians",
    "ani", "dpa", "efe", "ansa", "bloomberg", "upi", "xinhua", "staff", "staff writer",
    "staff reporter", "editorial board", "the editorial board", "editors", "newsroom",
    "web desk", "news desk", "desk", "\xD0\x93\xD0\xBE\xD1\x81\xD1\x82\xD1\x8C" /* Гость */,
    NULL};

/* Words after which a byline stops naming people. */
static const char *const BYLINE_STOPS[] = {" updated", " published", " posted", " last updated",
                                           " on ", " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                           NULL};

static bool is_agency(const char *s)
{
    for (const char *const *a = AGENCIES; *a; a++)
        if (nmi_ieq(s, *a))
            return true;
    return false;
}

/* Words that make a credit an organization or a role, not a person. */
static const char *const ORG_WORDS[] = {
    "news",    "bureau",     "staff",    "desk",       "team",       "wire",     "wires",
    "editorial", "reports",  "press",    "agency",     "media",      "network",  "services",
    "writer",  "reporter",   "correspondent", "columnist", "contributor", "editor", "editors",
    "admin",   "administrator", "webmaster", "newsroom", "magazine",  "online",   "guest",
    NULL};

static const char *const MONTH_NAMES[] = {"monday", "tuesday", "wednesday", "thursday",
                                          "friday", "saturday", "sunday", "january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december",
                                          "jan",     "feb",      "mar",       "apr",
                                          "jun",     "jul",      "aug",       "sep",
                                          "sept",    "oct",      "nov",       "dec",
                                          NULL};

static bool has_word(const char *s, const char *const *list)
{
    const char *p = s;
    while (*p) {
        while (*p && !(((*p | 32) >= 'a' && (*p | 32) <= 'z')))
            p++;
        const char *e = p;
        while (((*e | 32) >= 'a' && (*e | 32) <= 'z'))
            e++;
        size_t n = (size_t)(e - p);
        for (const char *const *w = list; n && *w; w++)
            if (strlen(*w) == n && nmi_istarts(p, *w))
                return true;
        p = e;
    }
    return false;
}

static void add_author(nmi_ctx *ctx, nmi_names *nm, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == ',' || *s == ':' || *s == '|' || *s == '-'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '.' || s[n - 1] == ':' ||
                 s[n - 1] == '|'))
        n--;
    if (n == 0 || n > 80)
        return;
    char *name = nmi_clean_text(ctx->arena, s, n, &ctx->oom);
    if (!name)
        return;
    for (const char *const *p = BYLINE_PREFIXES; *p; p++)
        if (nmi_istarts(name, *p)) {
            name += strlen(*p);
            while (*name == ' ')
                name++;
            break;
        }
    /* "Analysis by Chris Cillizza" */
    const char *by = nmi_istr(name, " by ");
    if (by)
        name += by - name + 4;
    /* a weekday or month left from a date glued to the name: "Reuters
     * November", "Malcolm Owen Monday" */
    for (char *sp; (sp = strrchr(name, ' '));) {
        if (!has_word(sp + 1, MONTH_NAMES))
            break;
        *sp = '\0';
    }
    if (has_word(name, MONTH_NAMES) && !strchr(name, ' '))
        return;
    if (!*name || strchr(name, '@') || nmi_istr(name, "http") || is_agency(name) ||
        has_word(name, ORG_WORDS))
        return;
    if ((nm->site && nmi_loose_equal(name, nm->site)) ||
        (nm->publisher && nmi_loose_equal(name, nm->publisher)))
        return;
    char key[256];
    if (nmi_squash(name, key, sizeof key) && nm->hostk[0] && !strcmp(key, nm->hostk))
        return;
    bool letter = false, upper = false, space = false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80)
            letter = true;
        if ((c >= 'A' && c <= 'Z') || c >= 0x80)
            upper = true; /* non-Latin scripts have no case: count as named */
        if (c == ' ')
            space = true;
    }
    /* "admin", "jdadmin", "rmb": user names, not names; "MS", "RDN":
     * credentials after a name */
    if (!letter || (!upper && !space) || nmi_word_count(name, strlen(name)) > 6)
        return;
    if (!space && strlen(name) <= 4) {
        bool caps = true;
        for (const char *p = name; *p; p++)
            caps = caps && !((*p >= 'a' && *p <= 'z'));
        if (caps)
            return;
    }
    for (size_t i = 0; i < nm->count; i++)
        if (nmi_loose_equal(nm->list[i], name))
            return;
    if (nm->count == nm->cap) {
        size_t nc = nm->cap ? nm->cap * 2 : 4;
        const char **p = nmi_arena_alloc(ctx->arena, nc * sizeof *p);
        if (!p) {
            ctx->oom = true;
            return;
        }
        if (nm->count)
            memcpy(p, nm->list, nm->count * sizeof *p);
        nm->list = p;
        nm->cap = nc;
    }
    nm->list[nm->count++] = name;
}

/* "By Jane Doe and John Smith, Reuters" -> Jane Doe, John Smith. */
void nmi_split_byline(nmi_ctx *ctx, const char *s, nmi_names *nm)
{
    size_t n = strlen(s);
    for (const char *const *p = BYLINE_PREFIXES; *p; p++)
        if (nmi_istarts(s, *p)) {
            s += strlen(*p);
            n -= strlen(*p);
            break;
        }
    for (const char *const *st = BYLINE_STOPS; *st; st++) {
        const char *q = nmi_istr(s, *st);
        if (q && (size_t)(q - s) < n)
            n = (size_t)(q - s);
    }
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') {
            n = i;
            break;
        }
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *cut = end;
        size_t skip = 0;
        static const char *const SEPS[] = {",", ";", " and ", " & ", " und ", " y ", " et ",
                                           " e ", " en ", " och ", " i ", NULL};
        for (const char *const *sp = SEPS; *sp; sp++) {
            const char *q = nmi_istr(p, *sp);
            if (q && q < cut) {
                cut = q;
                skip = strlen(*sp);
            }
        }
        add_author(ctx, nm, p, (size_t)(cut - p));
        p = cut + skip;
    }
}


size_t nmi_byline_prefix(const char *s)
{
    for (const char *const *p = BYLINE_PREFIXES; *p; p++)
        if (nmi_istarts(s, *p))
            return strlen(*p);
    return 0;
}

