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

/* ---- headline ----------------------------------------------------------- */

static const char *const SEPARATORS[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                         " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " // ",
                                         " \xC2\xBB ", NULL};

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
    if (hostk[0] && kl >= 3 && (strstr(key, hostk) || strstr(hostk, key)))
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
 * name or be a shortened variant)? */
static bool h1_agrees(const char *h1, const char *meta)
{
    char a[512], b[512];
    size_t na = nmi_squash(h1, a, sizeof a), nb = nmi_squash(meta, b, sizeof b);
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
    nmi_host_key(ctx->url ? ctx->url : "", hostk, sizeof hostk);
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
        if (!lone && nmi_word_count(h, strlen(h)) >= 4)
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

static void choose_authors(nmi_ctx *ctx, newsmeta_article *a)
{
    nmi_names nm;
    nmi_names_init(&nm, a->site_name, a->publisher, ctx->url);
    const nmi_cands *c = &ctx->cands[NMI_F_AUTHOR];
    const nmi_cand *best = nmi_best_cand(ctx, NMI_F_AUTHOR);
    if (best) {
        /* every author of the best source, in page order */
        for (size_t i = 0; i < c->count; i++)
            if (c->items[i].rank == best->rank && c->items[i].source == best->source)
                nmi_split_byline(ctx, c->items[i].value, &nm);
        a->sources.authors = best->source;
    }
    const nmi_cand *byline = nmi_best_cand(ctx, NMI_F_BYLINE);
    if (byline) {
        a->byline = byline->value;
        a->sources.byline = byline->source;
        /* The byline as printed wins when it names everyone the metadata
         * names and more (metadata often keeps only the first author). */
        nmi_names bl = nm;
        bl.list = NULL;
        bl.count = bl.cap = 0;
        nmi_split_byline(ctx, byline->value, &bl);
        bool superset = bl.count > nm.count;
        for (size_t i = 0; superset && i < nm.count; i++) {
            bool found = false;
            for (size_t k = 0; k < bl.count && !found; k++)
                found = nmi_loose_equal(nm.list[i], bl.list[k]);
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
