/* Stage 7a: the authors, the byline as printed and the agency. Structured
 * credits (JSON-LD, <meta>, microdata), best rank first, unless the byline
 * as printed names everyone they name and more; a credit whose persons are
 * printed nowhere on the page gives way to the next. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

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

static void fold_text(void *sink, const char *s)
{
    fold_append(sink, s, strlen(s));
}

/* Every element parts words. */
static void fold_boundary(void *sink, const xmlNode *el)
{
    nmi_buf *b = sink;
    (void)el;
    if (b->len && b->data[b->len - 1] != ' ')
        nmi_buf_appendc(b, ' ');
}

static bool fold_full(const void *sink)
{
    return ((const nmi_buf *)sink)->oom;
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
        static const nmi_text_walk WALK = {NMI_TEXT_SKIP_HEAD, NMI_MAX_DEPTH, fold_text,
                                           fold_boundary, NULL, fold_full};
        nmi_walk_text(xmlDocGetRootElement(ctx->doc), &WALK, &pt->b);
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
    for (size_t i = 0; i < ctx->body.block_count && i < 3; i++) {
        const char *t = ctx->body.blocks[i].text;
        const char *open = strchr(t, '(');
        if (!open || open - t > 80)
            continue;
        const char *close = strchr(open, ')');
        if (!close || close - open > 40)
            continue;
        char *in = nmi_arena_strndup(ctx->arena, open + 1, (size_t)(close - open - 1));
        if (!in) {
            ctx->oom = true;
            return NULL;
        }
        if (nmi_known_agency(in))
            return in;
    }
    if (ctx->body.block_count) {
        const char *t = ctx->body.blocks[ctx->body.block_count - 1].text;
        /* "... sneak into the US. PTI" */
        const char *dot = strrchr(t, '.');
        if (dot && dot[1] == ' ' && strlen(dot + 2) < 12 && nmi_known_agency(dot + 2)) {
            char *v = nmi_arena_strdup(ctx->arena, dot + 2);
            ctx->oom = ctx->oom || !v;
            return v;
        }
        while (*t && (*t == '-' || *t == ' ' || *t == '(' || (unsigned char)*t == 0xE2 ||
                      (unsigned char)*t == 0x80 || (unsigned char)*t == 0x94 ||
                      (unsigned char)*t == 0x93))
            t++;
        size_t n = strlen(t);
        while (n && (t[n - 1] == ')' || t[n - 1] == '.' || t[n - 1] == ' '))
            n--;
        if (n && n < 40) {
            char *v = nmi_arena_strndup(ctx->arena, t, n);
            ctx->oom = ctx->oom || !v;
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

/* Every credit of the page, parsed, and what is chosen from them. */
typedef struct credits {
    author_source srcs[NMI_MAX_AUTHOR_SOURCES];
    size_t ns;     /* sources in srcs */
    size_t groups; /* srcs[0..groups): the structured credits, one group per rank; then bylines */
    page_text pt;
    const author_source *meta; /* the first structured credit that names someone printed */
    nmi_names meta_kept;       /* the persons of meta printed on the page */
    const author_source *byline;     /* the first byline that names a person */
    const author_source *byline_org; /* before it, the first that credits only an organization */
    const nmi_names *chosen;         /* the names taken */
    newsmeta_source chosen_src;
} credits;

/* meta_kept: the persons of the structured credit g printed on the page
 * (all of them when the markup itself credits them); g becomes meta when
 * there is any. */
static void keep_printed(nmi_ctx *ctx, credits *cr, const author_source *g)
{
    nmi_names kept = g->names;
    kept.list = NULL;
    kept.count = kept.cap = 0;
    for (size_t i = 0; i < g->names.count; i++) {
        const char *name = g->names.list[i];
        if (g->cand->source != NEWSMETA_SOURCE_MARKUP && !printed(ctx, &cr->pt, name))
            continue;
        const char **list =
            nmi_grow(ctx->arena, kept.list, kept.count, &kept.cap, sizeof *list, 8);
        if (!list) {
            ctx->oom = true;
            break;
        }
        kept.list = list;
        kept.list[kept.count++] = name;
    }
    if (kept.count) {
        cr->meta = g;
        cr->meta_kept = kept;
    }
}

/* Structured credits, best rank first; one group per rank. A group whose
 * persons are not printed anywhere on the page (a CMS account, the web
 * producer) gives way to the next. */
static void structured_credits(nmi_ctx *ctx, const newsmeta_article *a, credits *cr)
{
    const nmi_cands *c = &ctx->ev.cands[NMI_F_AUTHOR];
    nmi_names_init(&cr->meta_kept, a->site_name, a->publisher, ctx->url);
    for (int r = nmi_next_rank(c, -NMI_NO_RANK);
         r != NMI_NO_RANK && cr->ns < NMI_MAX_AUTHOR_SOURCES; r = nmi_next_rank(c, r)) {
        author_source *g = &cr->srcs[cr->ns++];
        nmi_names_init(&g->names, a->site_name, a->publisher, ctx->url);
        g->cand = NULL;
        for (size_t i = 0; i < c->count; i++)
            if (c->items[i].rank == r) {
                if (!g->cand)
                    g->cand = &c->items[i];
                nmi_split_byline(ctx, c->items[i].value, c->items[i].parts, &g->names);
            }
        if (!cr->meta)
            keep_printed(ctx, cr, g);
    }
    cr->groups = cr->ns;
}

/* Bylines as printed, best rank first, then in page order. */
static void printed_bylines(nmi_ctx *ctx, const newsmeta_article *a, credits *cr)
{
    const nmi_cands *bc = &ctx->ev.cands[NMI_F_BYLINE];
    for (int r = nmi_next_rank(bc, -NMI_NO_RANK);
         r != NMI_NO_RANK && cr->ns < NMI_MAX_AUTHOR_SOURCES; r = nmi_next_rank(bc, r)) {
        for (size_t i = 0; i < bc->count && cr->ns < NMI_MAX_AUTHOR_SOURCES; i++) {
            if (bc->items[i].rank != r)
                continue;
            author_source *b = &cr->srcs[cr->ns++];
            nmi_names_init(&b->names, a->site_name, a->publisher, ctx->url);
            b->cand = &bc->items[i];
            nmi_split_byline(ctx, b->cand->value, b->cand->parts, &b->names);
            /* The first byline that credits anyone is the byline: when it
             * credits only an agency or a desk, names further down the page
             * belong to other stories. */
            bool org = b->names.agency || b->names.own;
            if (!cr->byline && !cr->byline_org && b->names.count)
                cr->byline = b;
            if (!cr->byline_org && !cr->byline && org)
                cr->byline_org = b;
        }
    }
}

/* Is every name of a also in b? */
static bool names_within(const nmi_names *a, const nmi_names *b)
{
    for (size_t i = 0; i < a->count; i++) {
        bool found = false;
        for (size_t k = 0; k < b->count && !found; k++)
            found = nmi_loose_equal(a->list[i], b->list[k]);
        if (!found)
            return false;
    }
    return true;
}

/* A page that prints no byline at all: the first credit of a <meta>
 * element that names a person is the author even when the page never
 * prints the name (an account, "admin" or a handle, is no person's name
 * already). A JSON-LD graph alone is not enough: its Person is often
 * the CMS account that posted the page. */
static void unprinted_credit(credits *cr)
{
    for (size_t s = 0; s < cr->groups && !cr->meta; s++)
        if (cr->srcs[s].names.count && cr->srcs[s].cand->source == NEWSMETA_SOURCE_META) {
            cr->meta = &cr->srcs[s];
            cr->meta_kept = cr->srcs[s].names;
        }
}

/* Does the credit name only the site itself ("One Tree Planted" on the
 * site of that name, a personal blog named after its writer)? */
static bool names_the_site(const newsmeta_article *a, const nmi_names *nm)
{
    for (size_t i = 0; i < nm->count; i++)
        if (!(a->site_name && nmi_loose_equal(nm->list[i], a->site_name)) &&
            !(a->publisher && nmi_loose_equal(nm->list[i], a->publisher)))
            return false;
    return nm->count > 0;
}

/* The choice: the structured credit, unless the byline as printed names
 * everyone it names and more (metadata often keeps only the first
 * author) or the structured credit names only the site, which a byline
 * printed on the page overrides; without a structured credit, the
 * byline. */
static void choose_names(const newsmeta_article *a, credits *cr)
{
    const author_source *byline = cr->byline;
    if (!cr->meta && !byline && !cr->byline_org)
        unprinted_credit(cr);
    if (cr->meta) {
        cr->chosen = &cr->meta_kept;
        cr->chosen_src = cr->meta->cand->source;
        if (byline && ((byline->names.count > cr->meta_kept.count &&
                        names_within(&cr->meta_kept, &byline->names)) ||
                       (byline->names.count < cr->meta_kept.count &&
                        names_within(&byline->names, &cr->meta_kept)) ||
                       names_the_site(a, &cr->meta_kept))) {
            cr->chosen = &byline->names;
            cr->chosen_src = byline->cand->source;
        }
    } else if (byline) {
        cr->chosen = &byline->names;
        cr->chosen_src = byline->cand->source;
    }
}

/* The chosen names as an arena array (*count of them). A name printed in
 * capitals ("TOM KRISHER") is written as the page itself writes it
 * elsewhere ("Tom Krisher"), if it does. */
static const char **author_list(nmi_ctx *ctx, const credits *cr, size_t *count)
{
    const nmi_names *chosen = cr->chosen;
    *count = chosen ? chosen->count : 0;
    if (!*count)
        return NULL;
    const char **list = nmi_arena_alloc(ctx->arena, *count * sizeof *list);
    if (!list) {
        ctx->oom = true;
        *count = 0;
        return NULL;
    }
    for (size_t i = 0; i < *count; i++) {
        list[i] = chosen->list[i];
        if (!no_lower(list[i]))
            continue;
        for (size_t s = 0; s < cr->ns && list[i] == chosen->list[i]; s++)
            for (size_t k = 0; k < cr->srcs[s].names.count; k++) {
                const char *o = cr->srcs[s].names.list[k];
                if (!no_lower(o) && nmi_loose_equal(o, list[i])) {
                    list[i] = o;
                    break;
                }
            }
    }
    return list;
}

/* The byline as printed: the one the names came from, or the first that
 * names one of them, or the first that names anyone (a person or an
 * organization). */
static const author_source *shown_byline(const credits *cr, const char *const *list,
                                         size_t count)
{
    const author_source *byline = cr->byline;
    if (cr->chosen && byline && cr->chosen == &byline->names)
        return byline;
    for (size_t s = cr->groups; s < cr->ns; s++)
        for (size_t i = 0; i < cr->srcs[s].names.count; i++)
            for (size_t k = 0; k < count; k++)
                if (nmi_loose_equal(cr->srcs[s].names.list[i], list[k]))
                    return &cr->srcs[s];
    return byline ? byline : cr->byline_org;
}

/* The agency: an organization credited beside or instead of the persons,
 * not the site itself: in the credit the names came from, the byline
 * shown, the first byline, the structured credits, a dateline "(AP)" or
 * a closing "PTI" in the text, a publisher that is a news agency; the
 * site's own desk ("Telegraph Sport") only when the byline as printed
 * credits it and nobody else. */
static const char *choose_agency(nmi_ctx *ctx, const newsmeta_article *a, const credits *cr,
                                 const author_source *shown)
{
    const author_source *byline = cr->byline, *byline_org = cr->byline_org;
    const char *agency = cr->chosen ? cr->chosen->agency : NULL;
    if (!agency && shown)
        agency = shown->names.agency;
    if (!agency && byline_org)
        agency = byline_org->names.agency;
    for (size_t s = 0; !agency && s < cr->groups; s++)
        agency = cr->srcs[s].names.agency;
    if (!agency) {
        nmi_names orgs;
        nmi_names_init(&orgs, a->site_name, a->publisher, ctx->url);
        const nmi_cands *ag = &ctx->ev.cands[NMI_F_AGENCY];
        for (size_t i = 0; i < ag->count; i++)
            nmi_names_add_org(ctx, &orgs, ag->items[i].value);
        agency = orgs.agency;
    }
    if (!agency)
        agency = dateline_agency(ctx);
    if (!agency && a->publisher && nmi_known_agency(a->publisher) &&
        !(a->site_name && nmi_loose_equal(a->site_name, a->publisher)))
        agency = a->publisher;
    if (!agency && a->author_count == 0 && byline_org &&
        (!byline || byline_org->cand->rank <= byline->cand->rank))
        agency = byline_org->names.own;
    return agency;
}

void nmi_choose_authors(nmi_ctx *ctx, newsmeta_article *a)
{
    credits cr;
    memset(&cr, 0, sizeof cr);
    structured_credits(ctx, a, &cr);
    printed_bylines(ctx, a, &cr);
    choose_names(a, &cr);
    size_t count = 0;
    a->authors = author_list(ctx, &cr, &count);
    a->author_count = count;
    a->sources.authors = count ? cr.chosen_src : NEWSMETA_SOURCE_NONE;
    const author_source *shown = shown_byline(&cr, a->authors, count);
    if (shown) {
        a->byline = nmi_byline_display(ctx, shown->cand->value, shown->cand->parts);
        a->sources.byline = a->byline ? shown->cand->source : NEWSMETA_SOURCE_NONE;
    }
    a->agency = choose_agency(ctx, a, &cr, shown);
    if (cr.pt.built)
        nmi_buf_free(&cr.pt.b);
}
