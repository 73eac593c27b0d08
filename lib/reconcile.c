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
#include <time.h>

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
    size_t n = strlen(s);
    return !nmi_utf8_any(s, n, u_islower) && nmi_utf8_count(s, n, u_isupper) >= 2;
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

/* The lowest rank above last among the candidates, NMI_NO_RANK when
 * none: candidates taken rank by rank, best first. */
#define NMI_NO_RANK 1000000
static int next_rank(const nmi_cands *c, int last)
{
    int r = NMI_NO_RANK;
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].rank > last && c->items[i].rank < r)
            r = c->items[i].rank;
    return r;
}

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
    int last = -NMI_NO_RANK;
    while (ns < NMI_MAX_AUTHOR_SOURCES) {
        int r = next_rank(c, last);
        if (r == NMI_NO_RANK)
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
    last = -NMI_NO_RANK;
    while (ns < NMI_MAX_AUTHOR_SOURCES) {
        int r = next_rank(bc, last);
        if (r == NMI_NO_RANK)
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

/* Every date candidate of the page (published and modified), parsed with
 * the page's hints, and what the page says about its zone. See
 * docs/guide.md section 6 for the rules in prose. */
typedef struct dcand {
    nmi_time t;
    const nmi_cand *c;
    bool modified;   /* a modified candidate */
    bool structured; /* JSON-LD, <meta>, microdata: written for machines */
    bool markup;     /* <time datetime>, a hidden input: machine-readable, beside the text */
    bool visible;    /* printed text */
    bool near;       /* printed near the headline, in a byline or after a label */
    bool dropped;
} dcand;

/* A local time of the page with its offset (a <time> whose text prints
 * its datetime in the page's zone, a script's publication time). */
typedef struct zone_ev {
    nmi_time t;
    int strength; /* 1: a <time> pair; 3: a script */
} zone_ev;

#define NMI_MAX_DATE_CANDS 96
#define NMI_MAX_ZONE_EV 32
/* A date more than this far in the future of the clock is not a
 * publication date (a scheduled event, a typo). */
#define NMI_FUTURE_SLACK (2 * 86400)

typedef struct dates {
    dcand c[NMI_MAX_DATE_CANDS];
    size_t n;
    zone_ev ev[NMI_MAX_ZONE_EV];
    size_t nev;
    bool naive_utc; /* the page's machine-readable naive times are UTC */
    int64_t now;
} dates;

static bool has_time(const nmi_time *t)
{
    return t->precision >= NEWSMETA_PRECISION_HOUR;
}

static bool instant(const nmi_time *t, int64_t *utc)
{
    return nmi_time_instant(t, utc);
}

/* Wall clock in minutes since the epoch (the zone ignored). */
static int64_t wall_minutes(const nmi_time *t)
{
    return nmi_days_from_civil(t->year, t->month, t->day) * 1440 + t->hour * 60 + t->minute;
}

static bool same_day(const nmi_time *a, const nmi_time *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day;
}

static int64_t day_number(const nmi_time *t)
{
    return nmi_days_from_civil(t->year, t->month, t->day > 0 ? t->day : 1);
}

static int64_t floor_minute(int64_t x)
{
    return x - ((x % 60) + 60) % 60;
}

/* Two instants within a minute (a printed time has no seconds). */
static bool same_instant(const nmi_time *a, const nmi_time *b)
{
    int64_t x, y;
    if (!instant(a, &x) || !instant(b, &y))
        return false;
    if (a->precision < NEWSMETA_PRECISION_SECOND || b->precision < NEWSMETA_PRECISION_SECOND) {
        x = floor_minute(x);
        y = floor_minute(y);
    }
    return x - y < 60 && y - x < 60;
}

static void load_dates(nmi_ctx *ctx, dates *d)
{
    nmi_date_hints h;
    nmi_date_hints_init(ctx, &h);
    d->n = 0;
    d->nev = 0;
    d->naive_utc = false;
    d->now = (int64_t)time(NULL);
    for (int f = 0; f < 2; f++) {
        const nmi_cands *c = &ctx->cands[f ? NMI_F_MODIFIED : NMI_F_PUBLISHED];
        for (size_t i = 0; i < c->count && d->n < NMI_MAX_DATE_CANDS; i++) {
            dcand *x = &d->c[d->n];
            memset(x, 0, sizeof *x);
            if (!nmi_parse_date_hinted(c->items[i].value, &h, &x->t))
                continue;
            x->c = &c->items[i];
            x->modified = f == 1;
            newsmeta_source s = c->items[i].source;
            x->structured = s == NEWSMETA_SOURCE_JSONLD || s == NEWSMETA_SOURCE_META ||
                            s == NEWSMETA_SOURCE_MICRODATA;
            x->markup = s == NEWSMETA_SOURCE_MARKUP;
            x->visible = s == NEWSMETA_SOURCE_TEXT;
            x->near = x->visible && c->items[i].rank < 45;
            /* never in the future of the clock */
            int64_t at;
            if (instant(&x->t, &at) ? at > d->now + NMI_FUTURE_SLACK
                                    : day_number(&x->t) * 86400 > d->now + NMI_FUTURE_SLACK)
                continue;
            d->n++;
        }
    }
    const nmi_cands *z = &ctx->cands[NMI_F_DATE_ZONE];
    for (size_t i = 0; i < z->count; i++) {
        const char *v = z->items[i].value;
        if (!strcmp(v, "U")) {
            d->naive_utc = true;
            continue;
        }
        if (strncmp(v, "L ", 2) || d->nev >= NMI_MAX_ZONE_EV)
            continue;
        zone_ev *e = &d->ev[d->nev];
        if (nmi_parse_date_hinted(v + 2, &h, &e->t) && e->t.offset_known && has_time(&e->t)) {
            e->strength = z->items[i].rank;
            d->nev++;
        }
    }
}

/* Machine-readable times that contradict each other by whole hours with
 * the same minutes and seconds: one of them is a clock of one zone
 * labelled with another's offset.
 *   - "04:31:13-06:00" beside "04:31:13+00:00": the UTC clock with the
 *     local offset appended; the instant is 04:31:13Z, seen at -06:00.
 *   - "21:17:27Z" beside a Unix timestamp of 18:17:27Z: a local clock
 *     labelled UTC; the timestamp is beyond doubt, the offset is +03:00.
 * The wrong one is rewritten as the right instant at its own (or the
 * implied) offset, so both agree. */
static void fix_mislabels(dates *d)
{
    for (size_t i = 0; i < d->n; i++) {
        dcand *x = &d->c[i];
        int64_t xu;
        if (x->visible || !instant(&x->t, &xu))
            continue;
        for (size_t k = 0; k < d->n; k++) {
            const dcand *y = &d->c[k];
            int64_t yu;
            if (k == i || !instant(&y->t, &yu) || y->t.precision < NEWSMETA_PRECISION_MINUTE)
                continue;
            int64_t diff = xu - yu;
            if (diff == 0 || diff % 3600 != 0 || diff > 14 * 3600 || diff < -14 * 3600)
                continue;
            if (y->t.epoch && !x->t.epoch) {
                /* x's clock is local: its offset is what separates the two */
                int off = x->t.offset_minutes + (int)(diff / 60);
                if (off >= -14 * 60 && off <= 14 * 60) {
                    nmi_time_set_instant(&x->t, yu, off);
                    x->t.zone[0] = '\0';
                    break;
                }
                continue;
            }
            /* x's clock equals y's UTC clock, x says a non-zero offset */
            nmi_time yz = y->t;
            nmi_time_set_instant(&yz, yu, 0);
            if (x->t.offset_minutes != 0 && !y->t.epoch && wall_minutes(&x->t) == wall_minutes(&yz) &&
                x->t.second == yz.second) {
                int off = x->t.offset_minutes;
                nmi_time_set_instant(&x->t, yu, off);
                break;
            }
        }
    }
}

/* The page's offset at t's date: from a <time> that prints its datetime
 * in the page's zone, a zone printed beside a visible date ("HST", "UK",
 * "GMT"), or a script's publication time; nearest date first. */
static bool page_offset(const dates *d, const nmi_time *t, int *off, char *label, size_t lcap)
{
    for (int pass = 0; pass < 3; pass++) {
        int64_t best = 8;
        bool found = false;
        for (size_t i = 0; pass != 1 && i < d->nev; i++) {
            if ((pass == 0) != (d->ev[i].strength <= 1))
                continue;
            int64_t gap = day_number(&d->ev[i].t) - day_number(t);
            if (gap < 0)
                gap = -gap;
            if (gap < best) {
                best = gap;
                *off = d->ev[i].t.offset_minutes;
                found = true;
            }
        }
        for (size_t i = 0; pass == 1 && i < d->n; i++) {
            const dcand *x = &d->c[i];
            if (!x->visible || !x->t.offset_known || !has_time(&x->t) || !x->t.zone[0])
                continue;
            int64_t gap = day_number(&x->t) - day_number(t);
            if (gap < 0)
                gap = -gap;
            if (gap >= best)
                continue;
            int o;
            if (x->t.iana[0] ? nmi_zone_offset(x->t.iana, t, &o) : (o = x->t.offset_minutes, true)) {
                best = gap;
                *off = o;
                found = true;
                size_t n = strlen(x->t.zone);
                if (n < lcap) {
                    memcpy(label, x->t.zone, n + 1);
                }
            }
        }
        if (found)
            return true;
    }
    return false;
}

/* Give a naive time the page's offset: its stated zone, then a
 * machine-readable form of the same wall clock that has one, then (for a
 * printed time) the offset of the page's machine-readable times within a
 * day, then the caller's default zone. */
static void adopt_zone(nmi_ctx *ctx, const dates *d, nmi_time *t, bool printed)
{
    if (t->offset_known || !has_time(t))
        return;
    int off;
    char label[32] = "";
    if (page_offset(d, t, &off, label, sizeof label)) {
        nmi_time_adopt_zone(t, NULL, off, label[0] ? label : NULL);
        return;
    }
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->t.offset_known && has_time(&x->t) && wall_minutes(&x->t) == wall_minutes(t)) {
            nmi_time_adopt_zone(t, NULL, x->t.offset_minutes, x->t.zone[0] ? x->t.zone : NULL);
            return;
        }
    }
    for (size_t i = 0; i < d->nev; i++)
        if (wall_minutes(&d->ev[i].t) == wall_minutes(t)) {
            nmi_time_adopt_zone(t, NULL, d->ev[i].t.offset_minutes, NULL);
            return;
        }
    const dcand *best = NULL;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        int64_t gap = day_number(&x->t) - day_number(t);
        if (!printed || x->visible || !x->t.offset_known || !has_time(&x->t) || gap > 1 ||
            gap < -1)
            continue;
        if (!best || x->c->rank < best->c->rank)
            best = x;
    }
    if (best) {
        nmi_time_adopt_zone(t, NULL, best->t.offset_minutes, NULL);
        return;
    }
    if (ctx->opts.default_timezone)
        nmi_time_adopt_zone(t, ctx->opts.default_timezone, 0, ctx->opts.default_timezone);
}

/* Is t the printed form of a modified candidate (the page shows its last
 * update where the reader looks for the date)? With a time: the same
 * instant, or the same wall clock when either has no offset; a date
 * alone: the day of a modification. */
static bool shows_modified(const dates *d, const nmi_time *t)
{
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (!x->modified || x->visible)
            continue;
        if (!has_time(t)) {
            if (x->t.precision >= NEWSMETA_PRECISION_DAY && same_day(&x->t, t))
                return true;
            continue;
        }
        if (!has_time(&x->t))
            continue;
        if (x->t.offset_known && t->offset_known ? same_instant(&x->t, t)
                                                 : wall_minutes(&x->t) == wall_minutes(t))
            return true;
    }
    return false;
}

/* Could the UTC (or naive) time s fall on the printed day v in some zone
 * (-12:00 to +14:00)? */
static bool same_day_somewhere(const nmi_time *s, const nmi_time *v)
{
    int64_t at;
    if (!has_time(s))
        return same_day(s, v);
    if (!instant(s, &at)) {
        nmi_time u = *s;
        u.offset_known = true;
        u.offset_minutes = 0;
        instant(&u, &at);
    }
    int64_t start = day_number(v) * 86400;
    return at >= start - 14 * 3600 && at < start + 86400 + 12 * 3600;
}

/* The best machine-readable candidate of a field: lowest rank, then page
 * order; a date alone is refined by a time of the same day, a naive time
 * by the same wall clock with an offset. */
static const dcand *best_machine(dates *d, bool modified)
{
    const dcand *best = NULL;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->dropped || x->modified != modified || x->visible)
            continue;
        if (!best || x->c->rank < best->c->rank)
            best = x;
    }
    if (!best)
        return NULL;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->dropped || x->modified != modified || x->visible || x == best)
            continue;
        if (best->t.precision == NEWSMETA_PRECISION_DAY && has_time(&x->t) &&
            same_day(&x->t, &best->t))
            return x;
        if (has_time(&best->t) && !best->t.offset_known && x->t.offset_known &&
            has_time(&x->t) && wall_minutes(&x->t) == wall_minutes(&best->t))
            return x;
    }
    return best;
}

/* How well a printed date agrees with the machine-readable one: 2 the
 * same moment (or wall clock), 1 the same day, 0 not at all. */
static int agreement(const dcand *v, const dcand *s)
{
    if (!s)
        return 0;
    if (has_time(&v->t) && has_time(&s->t) &&
        (v->t.offset_known && s->t.offset_known ? same_instant(&v->t, &s->t)
                                                : wall_minutes(&v->t) == wall_minutes(&s->t)))
        return 2;
    return same_day(&v->t, &s->t) ? 1 : 0;
}

/* The printed date near the headline: best rank, then the one the
 * machine-readable data corroborates, then page order. With far set,
 * any printed date (for pages without structured dates whose headline is
 * not an <h1>). */
static const dcand *best_visible(const dates *d, bool modified, const dcand *s, bool far)
{
    const dcand *best = NULL;
    int best_ag = -1;
    for (size_t i = 0; i < d->n; i++) {
        const dcand *x = &d->c[i];
        if (x->dropped || x->modified != modified || !x->visible || !(x->near || far))
            continue;
        int ag = agreement(x, s);
        if (!best || x->c->rank < best->c->rank || (x->c->rank == best->c->rank && ag > best_ag)) {
            best = x;
            best_ag = ag;
        }
    }
    return best;
}

/* The result: a time and the candidate it is shown as. */
typedef struct dpick {
    nmi_time t;
    const nmi_cand *c;
} dpick;

/* The machine-readable instant m seen in the zone of the printed time v
 * (they are the same moment): the seconds of one, the zone of the other. */
static void merge_local(dpick *out, const dcand *m, const dcand *v)
{
    int64_t at;
    out->t = m->t;
    out->c = m->c;
    if (m->t.offset_known && m->t.offset_minutes == v->t.offset_minutes)
        return; /* already in that zone */
    out->c = v->c;
    if (instant(&m->t, &at)) {
        int off = v->t.offset_minutes;
        nmi_time_set_instant(&out->t, at, off);
        memcpy(out->t.zone, v->t.zone, sizeof out->t.zone);
        memcpy(out->t.iana, v->t.iana, sizeof out->t.iana);
        if (out->t.precision < m->t.precision)
            out->t.precision = m->t.precision;
    }
}

/* Choose published or modified. The date a reader sees near the headline
 * decides the day; machine-readable data gives the exact time and zone
 * when it agrees with it; see docs/guide.md section 6. */
static bool choose(nmi_ctx *ctx, dates *d, bool modified, dpick *out)
{
    const dcand *s = best_machine(d, modified);
    const dcand *v = best_visible(d, modified, s, false);
    if (!s && !v)
        v = best_visible(d, modified, NULL, true);
    if (!s && !v)
        return false;
    if (!v || (s && v->t.precision < NEWSMETA_PRECISION_DAY)) {
        out->t = s->t;
        out->c = s->c;
    } else if (!s) {
        out->t = v->t;
        out->c = v->c;
        if (!modified && !has_time(&v->t)) {
            /* the one date the page shows is marked "updated" in the markup:
             * its machine-readable time */
            for (size_t i = 0; i < d->n; i++) {
                const dcand *x = &d->c[i];
                if (x->modified && x->markup && has_time(&x->t) && same_day(&x->t, &v->t)) {
                    out->t = x->t;
                    out->c = x->c;
                    break;
                }
            }
        }
    } else if (has_time(&v->t) && v->t.offset_known) {
        /* a printed time with its zone */
        if (has_time(&s->t) && s->t.offset_known && same_instant(&s->t, &v->t)) {
            merge_local(out, s, v);
        } else if (!modified && shows_modified(d, &v->t)) {
            out->t = s->t;
            out->c = s->c;
        } else {
            out->t = v->t;
            out->c = v->c;
        }
    } else if (has_time(&v->t)) {
        /* a printed time without a zone */
        int off;
        char label[32] = "";
        nmi_time local = v->t;
        int64_t su;
        if (has_time(&s->t) && !s->t.offset_known && wall_minutes(&s->t) == wall_minutes(&v->t)) {
            *out = (dpick){s->t, s->c}; /* the same naive time, with its seconds */
        } else if (page_offset(d, &v->t, &off, label, sizeof label)) {
            nmi_time_adopt_zone(&local, NULL, off, label[0] ? label : NULL);
            dcand lv = *v;
            lv.t = local;
            if (instant(&s->t, &su) && same_instant(&s->t, &local))
                merge_local(out, s, &lv);
            else if (!modified && shows_modified(d, &local) && s->t.offset_known)
                *out = (dpick){s->t, s->c};
            else
                *out = (dpick){local, v->c};
        } else if (instant(&s->t, &su)) {
            int64_t dmin = wall_minutes(&v->t) - floor_minute(su) / 60;
            if (dmin % 15 == 0 && dmin >= -12 * 60 && dmin <= 14 * 60) {
                /* the same moment, printed in the page's zone */
                dcand lv = *v;
                nmi_time_adopt_zone(&lv.t, NULL, (int)dmin, NULL);
                merge_local(out, s, &lv);
            } else if (!modified && shows_modified(d, &v->t)) {
                *out = (dpick){s->t, s->c};
            } else {
                *out = (dpick){v->t, v->c};
            }
        } else if (has_time(&s->t) && wall_minutes(&s->t) == wall_minutes(&v->t)) {
            *out = (dpick){s->t, s->c}; /* the same naive time, with its seconds */
        } else if (!modified && has_time(&s->t) && shows_modified(d, &v->t)) {
            *out = (dpick){s->t, s->c};
        } else {
            *out = (dpick){v->t, v->c};
        }
    } else {
        /* a printed date alone: the machine-readable time when it falls on
         * that day in its own zone (or in the page's) */
        nmi_time local = s->t;
        int off;
        char label[32] = "";
        int64_t su;
        if (has_time(&s->t) && instant(&s->t, &su) && !same_day(&s->t, &v->t) &&
            page_offset(d, &s->t, &off, label, sizeof label))
            nmi_time_set_instant(&local, su, off);
        if (same_day(&local, &v->t))
            *out = (dpick){local, s->c};
        else if (s->t.precision >= NEWSMETA_PRECISION_DAY && same_day(&s->t, &v->t))
            *out = (dpick){s->t, s->c};
        else if (has_time(&s->t) && (!s->t.offset_known || s->t.offset_minutes == 0) &&
                 same_day_somewhere(&s->t, &v->t))
            /* a UTC time whose local day is the printed one somewhere:
             * the same moment, its zone unknown */
            *out = (dpick){s->t, s->c};
        else if (!modified && shows_modified(d, &v->t) && s->t.precision >= NEWSMETA_PRECISION_DAY &&
                 day_number(&s->t) < day_number(&v->t))
            /* the printed date is the last update's: the publication is the
             * earlier machine-readable one */
            *out = (dpick){s->t, s->c};
        else
            *out = (dpick){v->t, v->c};
    }
    adopt_zone(ctx, d, &out->t, out->c->source == NEWSMETA_SOURCE_TEXT);
    /* a UTC time of a page whose own zone is known: shown in that zone */
    int64_t at;
    int off;
    char label[32] = "";
    if (instant(&out->t, &at) && out->t.offset_minutes == 0 &&
        page_offset(d, &out->t, &off, label, sizeof label) && off != 0) {
        nmi_time local = out->t;
        nmi_time_set_instant(&local, at, off);
        if (label[0])
            memcpy(local.zone, label, sizeof label);
        else
            local.zone[0] = '\0';
        out->t = local;
    }
    return true;
}

/* Drop machine-readable published times later than the page's last
 * modification (a CMS that rewrote datePublished), when an earlier one
 * remains. */
static void drop_after_modified(dates *d)
{
    int64_t last = INT64_MIN;
    for (size_t i = 0; i < d->n; i++) {
        int64_t at;
        const dcand *x = &d->c[i];
        if (x->modified && !x->visible && instant(&x->t, &at) && at > last)
            last = at;
    }
    if (last == INT64_MIN)
        return;
    bool any_before = false;
    for (size_t i = 0; i < d->n; i++) {
        int64_t at;
        const dcand *x = &d->c[i];
        if (!x->modified && !x->visible && instant(&x->t, &at) && at <= last + 60)
            any_before = true;
    }
    if (!any_before)
        return;
    for (size_t i = 0; i < d->n; i++) {
        int64_t at;
        dcand *x = &d->c[i];
        if (!x->modified && !x->visible && instant(&x->t, &at) && at > last + 60)
            x->dropped = true;
    }
}

static void choose_times(nmi_ctx *ctx, newsmeta_article *a)
{
    dates *d = malloc(sizeof *d);
    if (!d) {
        ctx->oom = true;
        return;
    }
    load_dates(ctx, d);
    if (d->naive_utc)
        for (size_t i = 0; i < d->n; i++)
            if (!d->c[i].visible && has_time(&d->c[i].t) && !d->c[i].t.offset_known) {
                d->c[i].t.offset_known = true;
                d->c[i].t.offset_minutes = 0;
            }
    fix_mislabels(d);
    drop_after_modified(d);
    dpick pub, mod;
    bool has_pub = choose(ctx, d, false, &pub);
    bool has_mod = choose(ctx, d, true, &mod);
    if (!has_pub && nmi_date_from_url(ctx->url, &pub.t)) {
        nmi_time_to_public(ctx, &pub.t, ctx->url, NEWSMETA_SOURCE_URL, &a->published);
    } else if (has_pub) {
        /* a Unix timestamp is harvested as "@1574101047": the page wrote the digits */
        const char *raw = pub.c->value[0] == '@' ? pub.c->value + 1 : pub.c->value;
        nmi_time_to_public(ctx, &pub.t, raw, pub.c->source, &a->published);
    }
    if (has_mod) {
        /* a modification before the publication is wrong: by the instant
         * when both have one, else by the calendar day */
        int64_t pa, ma;
        bool before = false;
        if (a->published.present)
            before = instant(&mod.t, &ma) && instant(&pub.t, &pa)
                         ? ma < pa - 60
                         : mod.t.precision >= NEWSMETA_PRECISION_DAY &&
                               pub.t.precision >= NEWSMETA_PRECISION_DAY &&
                               day_number(&mod.t) < day_number(&pub.t);
        if (!before)
            nmi_time_to_public(ctx, &mod.t, mod.c->value, mod.c->source, &a->modified);
    }
    free(d);
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
    if (ctx->url && !a->url)
        ctx->oom = true;
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

    choose_times(ctx, a);

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
