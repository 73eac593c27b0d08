/* Stage 6: from candidates to the public record.
 *
 * Each field takes its best-ranked candidate (ranks: see harvest.c), with
 * field-specific rules: the headline is the visible <h1> when it agrees
 * with the metadata, else the metadata title with the site name cut off;
 * authors come from the best source that names any, split and cleaned;
 * dates are the best candidate that parses, then the URL; a modified time
 * before the published one is dropped. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- candidates --------------------------------------------------------- */

void nmi_add_cand(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                  newsmeta_source source)
{
    if (!value || ctx->oom)
        return;
    nmi_cands *c = &ctx->cands[field];
    if (c->count >= NMI_MAX_CANDIDATES)
        return;
    const char *v;
    if (field == NMI_F_BODY) {
        /* articleBody keeps its line breaks: they separate paragraphs. */
        v = nmi_arena_strndup(ctx->arena, value, n);
        if (!v)
            ctx->oom = true;
    } else {
        v = nmi_clean_text(ctx->arena, value, n, &ctx->oom);
    }
    if (!v)
        return;
    if (c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 8;
        nmi_cand *items = realloc(c->items, cap * sizeof *items);
        if (!items) {
            ctx->oom = true;
            return;
        }
        c->items = items;
        c->cap = cap;
    }
    c->items[c->count++] = (nmi_cand){v, rank, source};
}

const nmi_cand *nmi_best_cand(const nmi_ctx *ctx, nmi_field field)
{
    const nmi_cands *c = &ctx->cands[field];
    const nmi_cand *best = NULL;
    for (size_t i = 0; i < c->count; i++)
        if (!best || c->items[i].rank < best->rank)
            best = &c->items[i];
    return best;
}

/* ---- text comparison ---------------------------------------------------- */

/* Lower-case ASCII letters and digits plus all non-ASCII bytes: a key that
 * ignores case, spaces and punctuation. */
static size_t squash(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 1 < cap; p++) {
        unsigned c = *p;
        if (c >= 'A' && c <= 'Z')
            out[n++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

static bool loose_equal(const char *a, const char *b)
{
    char x[512], y[512];
    size_t nx = squash(a, x, sizeof x), ny = squash(b, y, sizeof y);
    return nx > 0 && nx == ny && !memcmp(x, y, nx);
}

/* ---- headline ----------------------------------------------------------- */

static const char *const SEPARATORS[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                         " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " // ",
                                         " \xC2\xBB ", NULL};

/* Host label of the page, "nytimes" for https://www.nytimes.com/... */
static void host_key(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    if (!url)
        return;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *end = p;
    while (*end && *end != '/' && *end != ':' && *end != '?')
        end++;
    char host[256];
    size_t n = (size_t)(end - p) < sizeof host - 1 ? (size_t)(end - p) : sizeof host - 1;
    memcpy(host, p, n);
    host[n] = '\0';
    /* the label before the public suffix: drop "www." and the last label
     * (and a second-level ".co"/".com" of country domains). */
    char *h = host;
    if (!strncmp(h, "www.", 4))
        h += 4;
    char *last = strrchr(h, '.');
    if (last)
        *last = '\0';
    last = strrchr(h, '.');
    if (last && (!strcmp(last, ".co") || !strcmp(last, ".com") || !strcmp(last, ".org") ||
                 !strcmp(last, ".net") || !strcmp(last, ".ac") || !strcmp(last, ".gov")))
        *last = '\0';
    last = strrchr(h, '.');
    squash(last ? last + 1 : h, out, cap);
}

static bool is_site_segment(const char *seg, size_t n, const char *site, const char *hostk)
{
    char tmp[512], key[512];
    if (n == 0 || n >= sizeof tmp)
        return false;
    memcpy(tmp, seg, n);
    tmp[n] = '\0';
    size_t kl = squash(tmp, key, sizeof key);
    if (kl == 0)
        return false;
    if (site && loose_equal(tmp, site))
        return true;
    if (hostk[0] && kl >= 3 && (strstr(key, hostk) || strstr(hostk, key)))
        return true;
    return false;
}

static size_t word_count(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* Cut the site name from either end of a title. With from_title, also cut
 * a short trailing segment after the last separator (titles are "Headline
 * | Section | Site" far more often than the reverse). */
static const char *strip_site(nmi_ctx *ctx, const char *t, const char *site, bool from_title)
{
    char hostk[256];
    host_key(ctx->url ? ctx->url : "", hostk, sizeof hostk);
    const char *start = t;
    size_t len = strlen(t);
    for (int round = 0; round < 3; round++) {
        bool cut = false;
        for (const char *const *sep = SEPARATORS; *sep && !cut; sep++) {
            size_t sl = strlen(*sep);
            /* trailing segment */
            const char *last = NULL;
            for (const char *p = start; (p = strstr(p, *sep)) && p < start + len; p++)
                last = p;
            if (last) {
                const char *seg = last + sl;
                size_t segn = (size_t)(start + len - seg);
                if (is_site_segment(seg, segn, site, hostk)) {
                    len = (size_t)(last - start);
                    cut = true;
                    continue;
                }
            }
            /* leading segment */
            const char *first = strstr(start, *sep);
            if (first && first < start + len &&
                is_site_segment(start, (size_t)(first - start), site, hostk)) {
                len -= (size_t)(first + sl - start);
                start = first + sl;
                cut = true;
            }
        }
        if (!cut)
            break;
    }
    if (from_title && len == strlen(start)) {
        /* nothing matched the site: drop a short last segment of a title */
        for (const char *const *sep = SEPARATORS; *sep; sep++) {
            const char *last = NULL;
            for (const char *p = start; (p = strstr(p, *sep)) && p < start + len; p++)
                last = p;
            if (!last)
                continue;
            size_t head = (size_t)(last - start);
            size_t tailw = word_count(last + strlen(*sep), len - head - strlen(*sep));
            if (tailw <= 4 && word_count(start, head) >= 3) {
                len = head;
                break;
            }
        }
    }
    if (start == t && len == strlen(t))
        return t;
    return nmi_clean_text(ctx->arena, start, len, &ctx->oom);
}

/* Is the h1 the same headline as the metadata one (which may carry a site
 * name or be a shortened variant)? */
static bool h1_agrees(const char *h1, const char *meta)
{
    char a[512], b[512];
    size_t na = squash(h1, a, sizeof a), nb = squash(meta, b, sizeof b);
    if (na < 8 || nb == 0)
        return false;
    if (strstr(b, a))
        return true; /* "Headline | Site" contains "Headline" */
    if (strstr(a, b) && nb * 2 >= na)
        return true;
    /* common prefix covering most of both (edits after publication) */
    size_t k = 0;
    while (k < na && k < nb && a[k] == b[k])
        k++;
    return k * 10 >= na * 8 && k * 10 >= nb * 6;
}

const char *nmi_choose_headline(nmi_ctx *ctx, newsmeta_source *src)
{
    const nmi_cand *site = nmi_best_cand(ctx, NMI_F_SITE_NAME);
    const char *site_name = site ? site->value : NULL;
    const nmi_cands *h1 = &ctx->cands[NMI_F_H1];
    const nmi_cands *meta = &ctx->cands[NMI_F_HEADLINE];
    const nmi_cand *title = nmi_best_cand(ctx, NMI_F_TITLE);
    char hostk[256];
    host_key(ctx->url ? ctx->url : "", hostk, sizeof hostk);
    /* 1. A visible <h1> that the metadata confirms. An <h1> that is the
     *    site's name (a logo) confirms nothing. */
    const char *lone = NULL;
    for (size_t i = 0; i < h1->count; i++) {
        const char *h = h1->items[i].value;
        if (is_site_segment(h, strlen(h), site_name, hostk))
            continue;
        for (size_t k = 0; k < meta->count; k++)
            if (h1_agrees(h, meta->items[k].value)) {
                *src = NEWSMETA_SOURCE_MARKUP;
                return h;
            }
        if (title && h1_agrees(h, title->value)) {
            *src = NEWSMETA_SOURCE_MARKUP;
            return h;
        }
        if (!lone && word_count(h, strlen(h)) >= 4)
            lone = h;
    }
    /* 2. The headline as displayed: the first <h1> that reads like one,
     *    even when the metadata carries a different (SEO) title. */
    if (lone) {
        *src = NEWSMETA_SOURCE_MARKUP;
        return lone;
    }
    /* 3. The metadata headline, then the <title>, without the site name. */
    const nmi_cand *best = nmi_best_cand(ctx, NMI_F_HEADLINE);
    if (best) {
        *src = best->source;
        return strip_site(ctx, best->value, site_name, false);
    }
    if (title) {
        *src = NEWSMETA_SOURCE_MARKUP;
        return strip_site(ctx, title->value, site_name, true);
    }
    /* 4. Any <h1>. */
    if (h1->count) {
        *src = NEWSMETA_SOURCE_MARKUP;
        return h1->items[0].value;
    }
    *src = NEWSMETA_SOURCE_NONE;
    return NULL;
}

/* ---- authors ------------------------------------------------------------ */

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

typedef struct names {
    const char **list;
    size_t count, cap;
    const char *site;   /* the site's and publisher's names are not authors */
    const char *publisher;
    char hostk[256];
} names;

static void add_author(nmi_ctx *ctx, names *nm, const char *s, size_t n)
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
    if ((nm->site && loose_equal(name, nm->site)) ||
        (nm->publisher && loose_equal(name, nm->publisher)))
        return;
    char key[256];
    if (squash(name, key, sizeof key) && nm->hostk[0] && !strcmp(key, nm->hostk))
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
    if (!letter || (!upper && !space) || word_count(name, strlen(name)) > 6)
        return;
    if (!space && strlen(name) <= 4) {
        bool caps = true;
        for (const char *p = name; *p; p++)
            caps = caps && !((*p >= 'a' && *p <= 'z'));
        if (caps)
            return;
    }
    for (size_t i = 0; i < nm->count; i++)
        if (loose_equal(nm->list[i], name))
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
static void split_byline(nmi_ctx *ctx, const char *s, names *nm)
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

static void choose_authors(nmi_ctx *ctx, newsmeta_article *a)
{
    names nm;
    memset(&nm, 0, sizeof nm);
    nm.site = a->site_name;
    nm.publisher = a->publisher;
    host_key(ctx->url ? ctx->url : "", nm.hostk, sizeof nm.hostk);
    const nmi_cands *c = &ctx->cands[NMI_F_AUTHOR];
    const nmi_cand *best = nmi_best_cand(ctx, NMI_F_AUTHOR);
    if (best) {
        /* every author of the best source, in page order */
        for (size_t i = 0; i < c->count; i++)
            if (c->items[i].rank == best->rank && c->items[i].source == best->source)
                split_byline(ctx, c->items[i].value, &nm);
        a->sources.authors = best->source;
    }
    const nmi_cand *byline = nmi_best_cand(ctx, NMI_F_BYLINE);
    if (byline) {
        a->byline = byline->value;
        a->sources.byline = byline->source;
        /* The byline as printed wins when it names everyone the metadata
         * names and more (metadata often keeps only the first author). */
        names bl = nm;
        bl.list = NULL;
        bl.count = bl.cap = 0;
        split_byline(ctx, byline->value, &bl);
        bool superset = bl.count > nm.count;
        for (size_t i = 0; superset && i < nm.count; i++) {
            bool found = false;
            for (size_t k = 0; k < bl.count && !found; k++)
                found = loose_equal(nm.list[i], bl.list[k]);
            superset = found;
        }
        if (superset) {
            nm.list = bl.list;
            nm.count = bl.count;
            a->sources.authors = byline->source;
        }
    }
    if (nm.count == 0)
        a->sources.authors = NEWSMETA_SOURCE_NONE;
    a->authors = nm.list;
    a->author_count = nm.count;
}

/* ---- dates -------------------------------------------------------------- */

static bool choose_time(nmi_ctx *ctx, nmi_field f, newsmeta_timestamp *out)
{
    const nmi_cands *c = &ctx->cands[f];
    bool used[NMI_MAX_CANDIDATES] = {false};
    size_t tries = c->count < NMI_MAX_CANDIDATES ? c->count : NMI_MAX_CANDIDATES;
    for (size_t round = 0; round < tries && round < 32; round++) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < tries; i++)
            if (!used[i] && (best == SIZE_MAX || c->items[i].rank < c->items[best].rank))
                best = i;
        if (best == SIZE_MAX)
            break;
        used[best] = true;
        nmi_time t;
        if (nmi_parse_date(ctx, c->items[best].value, &t)) {
            /* Prefer a full timestamp from an equally good source over a
             * bare date: look for one among candidates of the same day. */
            nmi_time_to_public(ctx, &t, c->items[best].value, c->items[best].source, out);
            return true;
        }
    }
    return false;
}

/* ---- the record --------------------------------------------------------- */

static const char *best_value(nmi_ctx *ctx, nmi_field f, newsmeta_source *src)
{
    const nmi_cand *c = nmi_best_cand(ctx, f);
    *src = c ? c->source : NEWSMETA_SOURCE_NONE;
    return c ? c->value : NULL;
}

static void choose_tags(nmi_ctx *ctx, newsmeta_article *a)
{
    const nmi_cand *best = nmi_best_cand(ctx, NMI_F_TAG);
    if (!best)
        return;
    const nmi_cands *c = &ctx->cands[NMI_F_TAG];
    const char **tags = nmi_arena_alloc(ctx->arena, c->count * sizeof *tags);
    if (!tags) {
        ctx->oom = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < c->count; i++) {
        if (c->items[i].rank != best->rank)
            continue;
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++)
            dup = nmi_ieq(tags[k], c->items[i].value);
        if (!dup)
            tags[n++] = c->items[i].value;
    }
    a->tags = tags;
    a->tag_count = n;
    a->sources.tags = best->source;
}

/* JSON-LD articleBody, one paragraph per non-empty line. Used when the
 * markup gave much less text than the page's own structured body. */
static void blocks_from_body_text(nmi_ctx *ctx, const char *body)
{
    ctx->block_count = 0;
    ctx->link_count = 0;
    bool oom = false;
    const char *decoded = nmi_decode_entities(ctx->arena, body, &oom);
    const char *p = decoded;
    while (*p && ctx->block_count < NMI_MAX_PARAGRAPHS) {
        const char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        char *t = nmi_clean_text(ctx->arena, p, (size_t)(e - p), &oom);
        if (t) {
            if (ctx->block_count == ctx->block_cap) {
                size_t cap = ctx->block_cap ? ctx->block_cap * 2 : 32;
                nmi_block *nb = nmi_arena_alloc(ctx->arena, cap * sizeof *nb);
                if (!nb) {
                    ctx->oom = true;
                    return;
                }
                if (ctx->block_count)
                    memcpy(nb, ctx->blocks, ctx->block_count * sizeof *nb);
                ctx->blocks = nb;
                ctx->block_cap = cap;
            }
            ctx->blocks[ctx->block_count++] = (nmi_block){NEWSMETA_PARAGRAPH, 0, t, strlen(t), false};
        }
        p = *e ? e + 1 : e;
    }
    if (oom)
        ctx->oom = true;
}

newsmeta_status nmi_build_article(nmi_ctx *ctx, newsmeta_article *a, const char *headline,
                                  newsmeta_source headline_src)
{
    a->url = ctx->url ? nmi_arena_strdup(ctx->arena, ctx->url) : NULL;
    a->headline = headline;
    a->sources.headline = headline ? headline_src : NEWSMETA_SOURCE_NONE;
    a->publisher = best_value(ctx, NMI_F_PUBLISHER, &a->sources.publisher);
    a->site_name = best_value(ctx, NMI_F_SITE_NAME, &a->sources.site_name);
    choose_authors(ctx, a);
    a->description = best_value(ctx, NMI_F_DESCRIPTION, &a->sources.description);
    a->language = best_value(ctx, NMI_F_LANGUAGE, &a->sources.language);
    a->canonical_url = best_value(ctx, NMI_F_CANONICAL, &a->sources.canonical_url);
    a->image = best_value(ctx, NMI_F_IMAGE, &a->sources.image);
    a->section = best_value(ctx, NMI_F_SECTION, &a->sources.section);
    choose_tags(ctx, a);
    a->charset = ctx->charset;

    if (!choose_time(ctx, NMI_F_PUBLISHED, &a->published)) {
        nmi_time t;
        if (nmi_date_from_url(ctx->url, &t))
            nmi_time_to_public(ctx, &t, ctx->url, NEWSMETA_SOURCE_URL, &a->published);
    }
    if (choose_time(ctx, NMI_F_MODIFIED, &a->modified) && a->published.present &&
        a->published.offset_known && a->modified.offset_known &&
        a->modified.utc_seconds < a->published.utc_seconds)
        memset(&a->modified, 0, sizeof a->modified); /* modified before published: wrong */

    /* Body: the markup's blocks, unless the page's own articleBody holds
     * far more text (pages that render their text with scripts). */
    size_t chars = 0;
    for (size_t i = 0; i < ctx->block_count; i++)
        chars += ctx->blocks[i].length;
    a->sources.body = ctx->block_count ? NEWSMETA_SOURCE_MARKUP : NEWSMETA_SOURCE_NONE;
    const nmi_cand *ld = nmi_best_cand(ctx, NMI_F_BODY);
    if (ld && !(ctx->opts.flags & NEWSMETA_OPT_NO_BODY) && strlen(ld->value) > 2 * chars + 200) {
        blocks_from_body_text(ctx, ld->value);
        a->sources.body = NEWSMETA_SOURCE_JSONLD;
    }
    if (ctx->oom)
        return NEWSMETA_ERR_NOMEM;

    newsmeta_paragraph *ps = NULL;
    if (ctx->block_count) {
        ps = nmi_arena_alloc(ctx->arena, ctx->block_count * sizeof *ps);
        if (!ps)
            return NEWSMETA_ERR_NOMEM;
        for (size_t i = 0; i < ctx->block_count; i++)
            ps[i] = (newsmeta_paragraph){ctx->blocks[i].kind, ctx->blocks[i].level,
                                         ctx->blocks[i].text, ctx->blocks[i].length};
    }
    a->paragraphs = ps;
    a->paragraph_count = ctx->block_count;

    newsmeta_link *ls = NULL;
    if (ctx->link_count) {
        ls = nmi_arena_alloc(ctx->arena, ctx->link_count * sizeof *ls);
        if (!ls)
            return NEWSMETA_ERR_NOMEM;
        /* body links first, then related ones, each in page order */
        size_t k = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < ctx->link_count; i++) {
                const nmi_link *l = &ctx->links[i];
                if ((pass == 0) != (l->kind == NEWSMETA_LINK_BODY))
                    continue;
                ls[k++] = (newsmeta_link){l->href, l->text, l->kind, l->paragraph, l->start,
                                          l->end};
            }
    }
    a->links = ls;
    a->link_count = ctx->link_count;
    return NEWSMETA_OK;
}
