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

#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

/* ---- headline ----------------------------------------------------------- */

static const char *const SEPARATORS[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                         " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " // ",
                                         " \xC2\xBB ", " \xEF\xBD\x9C ", NULL};

/* Is this segment of a title the site's name ("The Hill", "nytimes.com",
 * "www.wday.ru")? A segment that merely mentions the site ("The Guardian
 * view on ...") is not. */
static bool is_site_segment(const char *seg, size_t n, const char *site, const char *hostk)
{
    char tmp[512], key[512];
    if (n == 0 || n >= sizeof tmp)
        return false;
    memcpy(tmp, seg, n);
    tmp[n] = '\0';
    size_t kl = nmi_squash(tmp, key, sizeof key);
    if (kl == 0)
        return false;
    if (site && nmi_loose_equal(tmp, site))
        return true;
    size_t hl = strlen(hostk);
    if (hl && kl >= 3 && strstr(hostk, key))
        return true;
    /* "www.wday.ru", "Vortex Cannon Entertainment": the host's name, with
     * little around it or in a short name that starts with it */
    const char *at = hl >= 3 ? strstr(key, hostk) : NULL;
    if (at && (kl <= hl + 8 || ((at == key || (at == key + 3 && !strncmp(key, "the", 3)) ||
                                 (at == key + 3 && !strncmp(key, "www", 3))) &&
                                nmi_word_count(tmp, n) <= 4)))
        return true;
    return false;
}

/* Cut the site name from either end of a title. With from_title, also cut
 * a short trailing segment after the last separator (titles are "Headline
 * | Section | Site" far more often than the reverse). */
static const char *strip_site(nmi_ctx *ctx, const char *t, const char *site, bool from_title)
{
    char hostk[256];
    nmi_host_key(ctx->url ? ctx->url : "", hostk, sizeof hostk);
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
            if (last && last + sl <= start + len) {
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
            if (first && first + sl <= start + len &&
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
            size_t tailw = nmi_word_count(last + strlen(*sep), len - head - strlen(*sep));
            if (tailw <= 4 && nmi_word_count(start, head) >= 3) {
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
 * name or be a shortened variant)? A short h1 that is only a word of the
 * title ("Reviews") is not. */
static bool h1_agrees(const char *h1, const char *meta)
{
    char a[512], b[512];
    size_t na = nmi_squash(h1, a, sizeof a), nb = nmi_squash(meta, b, sizeof b);
    if (na < 8 || nb == 0)
        return false;
    if (strstr(b, a) && na * 10 >= nb * 4)
        return true; /* "Headline | Site" contains "Headline" */
    if (strstr(a, b) && nb * 2 >= na)
        return true;
    /* common prefix covering most of both (edits after publication) */
    size_t k = 0;
    while (k < na && k < nb && a[k] == b[k])
        k++;
    return k * 10 >= na * 8 && k * 10 >= nb * 6;
}

/* "&amp;" and "&#8217;" left in a value that was escaped twice. */
static const char *decoded(nmi_ctx *ctx, const char *s)
{
    if (!s || !strchr(s, '&') || !strchr(s, ';'))
        return s;
    bool oom = false;
    const char *d = nmi_decode_entities(ctx->arena, s, &oom);
    if (oom)
        ctx->oom = true;
    if (d != s) {
        char *c = nmi_clean_text(ctx->arena, d, strlen(d), &ctx->oom);
        return c ? c : s;
    }
    return s;
}

/* A leading section label the metadata puts before the headline:
 * "Opinion | Headline". Returns the headline after it, or NULL. */
static const char *after_label(const char *s)
{
    static const char *const SEPS[] = {" | ", ": ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL};
    for (const char *const *sep = SEPS; *sep; sep++) {
        const char *p = strstr(s, *sep);
        if (p && nmi_word_count(s, (size_t)(p - s)) <= 2)
            return p + strlen(*sep);
    }
    return NULL;
}

/* The metadata headline most sources agree on (JSON-LD headline,
 * og:title, twitter:title, itemprop headline, <title>), each without the
 * site name; ties go to the better-ranked source. */
static const char *meta_consensus(nmi_ctx *ctx, const char *site_name, newsmeta_source *src)
{
    const nmi_cands *meta = &ctx->cands[NMI_F_HEADLINE];
    const nmi_cand *title = nmi_best_cand(ctx, NMI_F_TITLE);
    size_t n = meta->count < 64 ? meta->count : 64;
    const char *vals[65];
    int ranks[65];
    newsmeta_source srcs[65];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        vals[k] = strip_site(ctx, meta->items[i].value, site_name, false);
        ranks[k] = meta->items[i].rank;
        srcs[k] = meta->items[i].source;
        if (vals[k])
            k++;
    }
    if (title) {
        vals[k] = strip_site(ctx, title->value, site_name, true);
        ranks[k] = title->rank;
        srcs[k] = NEWSMETA_SOURCE_MARKUP;
        if (vals[k])
            k++;
    }
    size_t best = SIZE_MAX;
    size_t best_votes = 0;
    for (size_t i = 0; i < k; i++) {
        size_t votes = 0;
        for (size_t j = 0; j < k; j++)
            votes += nmi_loose_equal(vals[i], vals[j]);
        /* a title from the <title> alone does not outvote metadata */
        if (best == SIZE_MAX || votes > best_votes ||
            (votes == best_votes && ranks[i] < ranks[best])) {
            best = i;
            best_votes = votes;
        }
    }
    if (best == SIZE_MAX)
        return NULL;
    const char *v = vals[best];
    /* "Opinion | Headline" where another source gives "Headline" */
    const char *rest = after_label(v);
    if (rest)
        for (size_t j = 0; j < k; j++)
            if (j != best && nmi_loose_equal(rest, vals[j])) {
                v = vals[j];
                break;
            }
    *src = srcs[best];
    return v;
}

const char *nmi_choose_headline(nmi_ctx *ctx, newsmeta_source *src)
{
    const nmi_cand *site = nmi_best_cand(ctx, NMI_F_SITE_NAME);
    const char *site_name = site ? site->value : NULL;
    const nmi_cands *h1 = &ctx->cands[NMI_F_H1];
    const nmi_cands *meta = &ctx->cands[NMI_F_HEADLINE];
    const nmi_cand *title = nmi_best_cand(ctx, NMI_F_TITLE);
    char hostk[256];
    nmi_host_key(ctx->url ? ctx->url : "", hostk, sizeof hostk);
    /* 1. A visible <h1> that the metadata confirms. An <h1> that is the
     *    site's name (a logo) confirms nothing. */
    const char *lone = NULL;
    for (size_t i = 0; i < h1->count; i++) {
        const char *h = h1->items[i].value;
        if (is_site_segment(h, strlen(h), site_name, hostk))
            continue;
        /* a teaser's own itemprop=headline does not confirm it */
        bool teaser = h1->items[i].rank > 40;
        for (size_t k = 0; k < meta->count; k++)
            if (!(teaser && meta->items[k].source == NEWSMETA_SOURCE_MICRODATA) &&
                h1_agrees(h, meta->items[k].value)) {
                *src = NEWSMETA_SOURCE_MARKUP;
                return decoded(ctx, h);
            }
        if (title && h1_agrees(h, title->value)) {
            *src = NEWSMETA_SOURCE_MARKUP;
            return decoded(ctx, h);
        }
        /* an <h1> that links to another page is a teaser, not this
         * page's headline (harvest.c ranks it lower) */
        if (!lone && !teaser && nmi_word_count(h, strlen(h)) >= 4)
            lone = h;
    }
    /* 2. The headline as displayed: the first <h1> that reads like one,
     *    even when the metadata carries a different (SEO) title. */
    if (lone) {
        *src = NEWSMETA_SOURCE_MARKUP;
        return decoded(ctx, lone);
    }
    /* 3. What the metadata and the <title> agree on, without the site
     *    name. */
    const char *m = meta_consensus(ctx, site_name, src);
    if (m)
        return decoded(ctx, m);
    /* 4. Any <h1>. */
    if (h1->count) {
        *src = NEWSMETA_SOURCE_MARKUP;
        return decoded(ctx, h1->items[0].value);
    }
    *src = NEWSMETA_SOURCE_NONE;
    return NULL;
}

/* ---- authors ------------------------------------------------------------ */

/* The page's visible text, case-folded, letters and digits only, words
 * separated by one space and the whole framed by spaces: a name is
 * printed on the page when " jane doe " is found in it. Built on first
 * use. */
typedef struct page_text {
    nmi_buf b;
    bool built, usable;
} page_text;

static void fold_append(nmi_buf *b, const char *s, size_t n)
{
    /* Each input byte gives at most one output byte (a code point keeps
     * its length, a run of other characters becomes one space): reserve
     * n bytes once, then write directly. */
    size_t len = b->len;
    if (b->oom || !nmi_buf_append(b, s, n))
        return;
    b->len = len;
    char *o = b->data + b->len;
    char last = b->len ? b->data[b->len - 1] : ' ';
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                *o++ = (char)c;
                last = (char)c;
            } else if (c >= 'A' && c <= 'Z') {
                *o++ = (char)(c + 32);
                last = (char)(c + 32);
            } else if (last != ' ') {
                *o++ = ' ';
                last = ' ';
            }
            continue;
        }
        size_t start = i;
        UChar32 cp;
        U8_NEXT(s, i, n, cp);
        if (cp >= 0 && (u_isalnum(cp) || u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY) ==
                                              U_NON_SPACING_MARK)) {
            UChar32 f = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
            /* keep the bytes when folding would change their length */
            if (U8_LENGTH(f) == (int32_t)(i - start)) {
                int32_t k = 0;
                U8_APPEND_UNSAFE(o, k, f);
                o += k;
            } else {
                memcpy(o, s + start, i - start);
                o += i - start;
            }
            last = 'x';
        } else if (last != ' ') {
            *o++ = ' ';
            last = ' ';
        }
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
}

static void collect_text(nmi_buf *b, const xmlNode *n, int depth)
{
    if (depth > NMI_MAX_DEPTH)
        return;
    for (const xmlNode *c = n; c && !b->oom; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                fold_append(b, (const char *)c->content, strlen((const char *)c->content));
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *t = nmi_tag(c);
        if (!strcmp(t, "script") || !strcmp(t, "style") || !strcmp(t, "noscript") ||
            !strcmp(t, "template") || !strcmp(t, "head") || !strcmp(t, "title"))
            continue;
        if (b->len && b->data[b->len - 1] != ' ')
            nmi_buf_appendc(b, ' ');
        collect_text(b, c->children, depth + 1);
    }
}

/* Below this many letters the page shows too little (its text comes from
 * scripts) to tell whether a name is printed on it. */
#define NMI_PRINTED_MIN_TEXT 500

static bool printed(nmi_ctx *ctx, page_text *pt, const char *name)
{
    if (!ctx->doc)
        return true;
    if (!pt->built) {
        pt->built = true;
        nmi_buf_init(&pt->b);
        nmi_buf_appendc(&pt->b, ' ');
        collect_text(&pt->b, xmlDocGetRootElement(ctx->doc), 0);
        nmi_buf_appendc(&pt->b, ' ');
        pt->usable = !pt->b.oom && pt->b.len >= NMI_PRINTED_MIN_TEXT;
    }
    if (!pt->usable)
        return true;
    nmi_buf k;
    nmi_buf_init(&k);
    nmi_buf_appendc(&k, ' ');
    fold_append(&k, name, strlen(name));
    if (k.len && k.data[k.len - 1] != ' ')
        nmi_buf_appendc(&k, ' ');
    bool found = k.oom || k.len < 3 || strstr(pt->b.data, k.data) != NULL;
    /* printed with other spacing or an initial more ("Sarah E. Needleman"
     * for "Sarah Needleman"): every word of the name is on the page */
    for (size_t i = 1; !found && i < k.len;) {
        size_t e = i;
        while (e < k.len && k.data[e] != ' ')
            e++;
        if (e + 1 > k.len)
            break;
        char save = k.data[e + 1];
        k.data[e + 1] = '\0';
        bool word = strstr(pt->b.data, k.data + i - 1) != NULL;
        k.data[e + 1] = save;
        if (!word)
            break;
        i = e + 1;
        found = i >= k.len;
    }
    nmi_buf_free(&k);
    return found;
}

static bool no_lower(const char *s)
{
    size_t n = strlen(s), i = 0, letters = 0;
    while (i < n) {
        UChar32 cp;
        U8_NEXT(s, i, n, cp);
        if (cp >= 0 && u_islower(cp))
            return false;
        letters += cp >= 0 && u_isupper(cp);
    }
    return letters >= 2;
}

/* A news agency named by the text itself: "WASHINGTON (AP) — ..." in the
 * first paragraphs, or a last paragraph that is only its name ("PTI",
 * "— AFP"). */
static const char *dateline_agency(nmi_ctx *ctx)
{
    for (size_t i = 0; i < ctx->block_count && i < 3; i++) {
        const char *t = ctx->blocks[i].text;
        const char *open = strchr(t, '(');
        if (!open || open - t > 80)
            continue;
        const char *close = strchr(open, ')');
        if (!close || close - open > 40)
            continue;
        char *in = nmi_arena_strndup(ctx->arena, open + 1, (size_t)(close - open - 1));
        if (in && nmi_known_agency(in))
            return in;
    }
    if (ctx->block_count) {
        const char *t = ctx->blocks[ctx->block_count - 1].text;
        /* "... sneak into the US. PTI" */
        const char *dot = strrchr(t, '.');
        if (dot && dot[1] == ' ' && strlen(dot + 2) < 12 && nmi_known_agency(dot + 2))
            return nmi_arena_strdup(ctx->arena, dot + 2);
        while (*t && (*t == '-' || *t == ' ' || *t == '(' || (unsigned char)*t == 0xE2 ||
                      (unsigned char)*t == 0x80 || (unsigned char)*t == 0x94 ||
                      (unsigned char)*t == 0x93))
            t++;
        size_t n = strlen(t);
        while (n && (t[n - 1] == ')' || t[n - 1] == '.' || t[n - 1] == ' '))
            n--;
        if (n && n < 40) {
            char *v = nmi_arena_strndup(ctx->arena, t, n);
            if (v && nmi_known_agency(v))
                return v;
        }
    }
    return NULL;
}

typedef struct author_source {
    nmi_names names;        /* as parsed */
    const nmi_cand *cand;   /* the candidate (a byline) or the first of a group */
} author_source;

#define NMI_MAX_AUTHOR_SOURCES 48

static void choose_authors(nmi_ctx *ctx, newsmeta_article *a)
{
    author_source srcs[NMI_MAX_AUTHOR_SOURCES];
    size_t ns = 0;
    page_text pt;
    memset(&pt, 0, sizeof pt);

    /* Structured credits, best rank first; one group per rank. A group
     * whose persons are not printed anywhere on the page (a CMS account,
     * the web producer) gives way to the next. */
    const nmi_cands *c = &ctx->cands[NMI_F_AUTHOR];
    const author_source *meta = NULL;
    nmi_names meta_kept;
    nmi_names_init(&meta_kept, a->site_name, a->publisher, ctx->url);
    int last = -1000000;
    while (ns < NMI_MAX_AUTHOR_SOURCES) {
        int r = 1000000;
        for (size_t i = 0; i < c->count; i++)
            if (c->items[i].rank > last && c->items[i].rank < r)
                r = c->items[i].rank;
        if (r == 1000000)
            break;
        last = r;
        author_source *g = &srcs[ns++];
        nmi_names_init(&g->names, a->site_name, a->publisher, ctx->url);
        g->cand = NULL;
        for (size_t i = 0; i < c->count; i++)
            if (c->items[i].rank == r) {
                if (!g->cand)
                    g->cand = &c->items[i];
                nmi_split_byline(ctx, c->items[i].value, &g->names);
            }
        if (meta)
            continue;
        nmi_names kept = g->names;
        kept.list = NULL;
        kept.count = kept.cap = 0;
        for (size_t i = 0; i < g->names.count; i++) {
            const char *name = g->names.list[i];
            if (g->cand->source == NEWSMETA_SOURCE_MARKUP || printed(ctx, &pt, name)) {
                if (kept.count == kept.cap) {
                    size_t cap = kept.cap ? kept.cap * 2 : 4;
                    const char **l = nmi_arena_alloc(ctx->arena, cap * sizeof *l);
                    if (!l) {
                        ctx->oom = true;
                        break;
                    }
                    if (kept.count)
                        memcpy(l, kept.list, kept.count * sizeof *l);
                    kept.list = l;
                    kept.cap = cap;
                }
                kept.list[kept.count++] = name;
            }
        }
        if (kept.count) {
            meta = g;
            meta_kept = kept;
        }
    }
    size_t groups = ns;

    /* Bylines as printed, best rank first, then in page order. */
    const nmi_cands *bc = &ctx->cands[NMI_F_BYLINE];
    const author_source *byline = NULL, *byline_org = NULL;
    last = -1000000;
    while (ns < NMI_MAX_AUTHOR_SOURCES) {
        int r = 1000000;
        for (size_t i = 0; i < bc->count; i++)
            if (bc->items[i].rank > last && bc->items[i].rank < r)
                r = bc->items[i].rank;
        if (r == 1000000)
            break;
        last = r;
        for (size_t i = 0; i < bc->count && ns < NMI_MAX_AUTHOR_SOURCES; i++) {
            if (bc->items[i].rank != r)
                continue;
            author_source *b = &srcs[ns++];
            nmi_names_init(&b->names, a->site_name, a->publisher, ctx->url);
            b->cand = &bc->items[i];
            nmi_split_byline(ctx, b->cand->value, &b->names);
            /* The first byline that credits anyone is the byline: when it
             * credits only an agency or a desk, names further down the page
             * belong to other stories. */
            bool org = b->names.agency || b->names.own;
            if (!byline && !byline_org && b->names.count)
                byline = b;
            if (!byline_org && !byline && org)
                byline_org = b;
        }
    }

    /* The choice: the structured credit, unless the byline as printed
     * names everyone it names and more (metadata often keeps only the
     * first author); without a structured credit, the byline. */
    const nmi_names *chosen = NULL;
    newsmeta_source chosen_src = NEWSMETA_SOURCE_NONE;
    if (meta) {
        chosen = &meta_kept;
        chosen_src = meta->cand->source;
        if (byline && byline->names.count > meta_kept.count) {
            bool superset = true;
            for (size_t i = 0; superset && i < meta_kept.count; i++) {
                bool found = false;
                for (size_t k = 0; k < byline->names.count && !found; k++)
                    found = nmi_loose_equal(meta_kept.list[i], byline->names.list[k]);
                superset = found;
            }
            if (superset) {
                chosen = &byline->names;
                chosen_src = byline->cand->source;
            }
        }
    } else if (byline) {
        chosen = &byline->names;
        chosen_src = byline->cand->source;
    }

    size_t count = chosen ? chosen->count : 0;
    const char **list = NULL;
    if (count) {
        list = nmi_arena_alloc(ctx->arena, count * sizeof *list);
        if (!list) {
            ctx->oom = true;
            count = 0;
        }
    }
    for (size_t i = 0; i < count; i++) {
        list[i] = chosen->list[i];
        /* A name printed in capitals ("TOM KRISHER") is written as the
         * page itself writes it elsewhere ("Tom Krisher"), if it does. */
        if (!no_lower(list[i]))
            continue;
        for (size_t s = 0; s < ns && list[i] == chosen->list[i]; s++)
            for (size_t k = 0; k < srcs[s].names.count; k++) {
                const char *o = srcs[s].names.list[k];
                if (!no_lower(o) && nmi_loose_equal(o, list[i])) {
                    list[i] = o;
                    break;
                }
            }
    }
    a->authors = list;
    a->author_count = count;
    a->sources.authors = count ? chosen_src : NEWSMETA_SOURCE_NONE;

    /* The byline as printed: the one the names came from, or the first
     * that names anyone (a person or an organization). */
    const author_source *shown = NULL;
    if (chosen && byline && chosen == &byline->names)
        shown = byline;
    for (size_t s = groups; !shown && s < ns; s++)
        for (size_t i = 0; i < srcs[s].names.count && !shown; i++)
            for (size_t k = 0; k < count && !shown; k++)
                if (nmi_loose_equal(srcs[s].names.list[i], list[k]))
                    shown = &srcs[s];
    if (!shown)
        shown = byline ? byline : byline_org;
    if (shown) {
        a->byline = nmi_byline_display(ctx, shown->cand->value);
        a->sources.byline = a->byline ? shown->cand->source : NEWSMETA_SOURCE_NONE;
    }

    /* The agency: an organization credited beside or instead of the
     * persons, not the site itself: in the credit the names came from,
     * the byline shown, the first byline, the structured credits, a
     * dateline "(AP)" or a closing "PTI" in the text, a publisher that is
     * a news agency; the site's own desk ("Telegraph Sport") only when
     * the byline as printed credits it and nobody else. */
    const char *agency = chosen ? chosen->agency : NULL;
    if (!agency && shown)
        agency = shown->names.agency;
    if (!agency && byline_org)
        agency = byline_org->names.agency;
    for (size_t s = 0; !agency && s < groups; s++)
        agency = srcs[s].names.agency;
    if (!agency) {
        nmi_names orgs;
        nmi_names_init(&orgs, a->site_name, a->publisher, ctx->url);
        const nmi_cands *ag = &ctx->cands[NMI_F_AGENCY];
        for (size_t i = 0; i < ag->count; i++)
            nmi_names_add_org(ctx, &orgs, ag->items[i].value);
        agency = orgs.agency;
    }
    if (!agency)
        agency = dateline_agency(ctx);
    if (!agency && a->publisher && nmi_known_agency(a->publisher) &&
        !(a->site_name && nmi_loose_equal(a->site_name, a->publisher)))
        agency = a->publisher;
    if (!agency && count == 0 && byline_org && (!byline || byline_org->cand->rank <= byline->cand->rank))
        agency = byline_org->names.own;
    a->agency = agency;
    if (pt.built)
        nmi_buf_free(&pt.b);
}

/* ---- dates -------------------------------------------------------------- */

/* UTC seconds of a parsed time with a known offset and a clock time. */
static bool instant_of(const nmi_time *t, int64_t *secs)
{
    if (!t->offset_known || t->precision < NEWSMETA_PRECISION_HOUR)
        return false;
    *secs = nmi_days_from_civil(t->year, t->month, t->day) * 86400 + t->hour * 3600 +
            t->minute * 60 + t->second - (int64_t)t->offset_minutes * 60;
    return true;
}

static bool choose_time(nmi_ctx *ctx, nmi_field f, newsmeta_timestamp *out)
{
    const nmi_cands *c = &ctx->cands[f];
    size_t n = c->count < 64 ? c->count : 64;
    nmi_time parsed[64];
    bool ok[64];
    for (size_t i = 0; i < n; i++)
        ok[i] = nmi_parse_date(ctx, c->items[i].value, &parsed[i]);
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        if (ok[i] && (best == SIZE_MAX || c->items[i].rank < c->items[best].rank))
            best = i;
    if (best == SIZE_MAX)
        return false;
    /* The same moment is often given twice: in UTC by the CMS and in the
     * newsroom's own zone by the page. The local form tells the reader's
     * calendar date and the zone, so it is kept when the two agree; a bare
     * date of the same day is refined to the full time the same way. */
    size_t pick = best;
    int64_t at;
    if (instant_of(&parsed[best], &at) && parsed[best].offset_minutes == 0) {
        for (size_t i = 0; i < n; i++) {
            int64_t other;
            if (i != best && ok[i] && instant_of(&parsed[i], &other) &&
                parsed[i].offset_minutes != 0 && (other - at < 60 && at - other < 60)) {
                pick = i;
                break;
            }
        }
    } else if (parsed[best].precision == NEWSMETA_PRECISION_DAY) {
        for (size_t i = 0; i < n; i++) {
            const nmi_time *o = &parsed[i];
            if (i != best && ok[i] && o->precision > NEWSMETA_PRECISION_DAY &&
                o->year == parsed[best].year && o->month == parsed[best].month &&
                o->day == parsed[best].day) {
                pick = i;
                break;
            }
        }
    }
    nmi_time_to_public(ctx, &parsed[pick], c->items[pick].value, c->items[pick].source, out);
    return true;
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
            nmi_block b = {NEWSMETA_PARAGRAPH, 0, t, strlen(t), false};
            nmi_push_block(ctx, &b);
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
    newsmeta_source credit_src;
    a->image_credit = best_value(ctx, NMI_F_IMAGE_CREDIT, &credit_src);
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
    a->sources.body = !ctx->block_count ? NEWSMETA_SOURCE_NONE
                      : ctx->doc        ? NEWSMETA_SOURCE_MARKUP
                                        : NEWSMETA_SOURCE_TEXT;
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
    a->captions = ctx->captions;
    a->caption_count = ctx->caption_count;
    return NEWSMETA_OK;
}
