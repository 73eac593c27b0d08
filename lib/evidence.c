/* The evidence: every value the reading stages find in a page (harvest.c,
 * jsonld.c, text.c), with its source, rank and flags, kept per field until
 * reconcile*.c choose among them. The store lives here, apart from both
 * ends, so that data flows one way: the readers add, the chooser reads. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- candidates ---------------------------------------------------------- */

/* Append one candidate; false when it was not kept (empty, over the
 * limit, out of memory). */
static bool names_a_person_or_title(nmi_field field)
{
    return field == NMI_F_HEADLINE || field == NMI_F_TITLE || field == NMI_F_H1 ||
           field == NMI_F_AUTHOR || field == NMI_F_BYLINE;
}

static bool add(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, nmi_cand cand)
{
    if (!value || ctx->oom)
        return false;
    nmi_cands *c = &ctx->ev.cands[field];
    if (c->count >= NMI_MAX_CANDIDATES) {
        /* the record's lists take every candidate of their best source:
         * one not kept may be a tag or an author lost */
        if (field == NMI_F_TAG || field == NMI_F_AUTHOR)
            ctx->truncated |= NEWSMETA_TRUNCATED_VALUES;
        return false;
    }
    const char *v;
    if (field == NMI_F_BODY) {
        /* articleBody keeps its line breaks: they separate paragraphs. */
        v = nmi_arena_strndup(ctx->arena, value, n);
        if (!v)
            ctx->oom = true;
    } else {
        v = nmi_clean_text(ctx->arena, value, n, &ctx->oom);
    }
    /* a name is read without what can disguise it (a bidi override, a C1
     * control), so the byline stage sees the name a reader sees */
    if (v && names_a_person_or_title(field))
        v = nmi_strip_disguise(ctx->arena, v, &ctx->oom);
    if (!v)
        return false;
    nmi_cand *items = nmi_grow(NULL, c->items, c->count, &c->cap, sizeof *items, 8);
    if (!items) {
        ctx->oom = true;
        return false;
    }
    c->items = items;
    cand.value = v;
    c->items[c->count++] = cand;
    return true;
}

void nmi_add_cand_flags(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                        newsmeta_source source, unsigned flags)
{
    nmi_cand cand = {.rank = rank, .source = source, .flags = flags};
    add(ctx, field, value, n, cand);
}

const char *nmi_byline_parts_join(nmi_ctx *ctx, const nmi_byline_parts *parts, char sep)
{
    size_t n = 0;
    for (size_t i = 0; i < parts->count; i++)
        n += strlen(parts->parts[i]) + 1;
    char *s = nmi_arena_alloc(ctx->arena, n + 1);
    if (!s) {
        ctx->oom = true;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < parts->count; i++) {
        if (i)
            s[k++] = sep;
        size_t l = strlen(parts->parts[i]);
        memcpy(s + k, parts->parts[i], l);
        k += l;
    }
    s[k] = '\0';
    return s;
}

void nmi_add_byline(nmi_ctx *ctx, const nmi_byline_parts *parts, int rank,
                    newsmeta_source source, unsigned flags)
{
    /* the parts without what can disguise a name, as the value (add) */
    const char **clean = nmi_arena_alloc(ctx->arena, (parts->count + 1) * sizeof *clean);
    nmi_byline_parts *shown = nmi_arena_alloc(ctx->arena, sizeof *shown);
    if (!clean || !shown) {
        ctx->oom = true;
        return;
    }
    for (size_t i = 0; i < parts->count; i++) {
        const char *p = nmi_strip_disguise(ctx->arena, parts->parts[i], &ctx->oom);
        clean[i] = p ? p : "";
    }
    shown->parts = clean;
    shown->count = parts->count;
    const char *text = ctx->oom ? NULL : nmi_byline_parts_join(ctx, shown, ' ');
    nmi_cand cand = {.rank = rank, .source = source, .flags = flags, .parts = shown};
    if (text)
        add(ctx, NMI_F_BYLINE, text, strlen(text), cand);
}

void nmi_add_cand(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                  newsmeta_source source)
{
    nmi_add_cand_flags(ctx, field, value, n, rank, source, 0);
}

/* An arena copy of t, NULL for NULL (sets ctx->oom when out of memory). */
static const nmi_time *time_copy(nmi_ctx *ctx, const nmi_time *t)
{
    if (!t)
        return NULL;
    nmi_time *c = nmi_arena_alloc(ctx->arena, sizeof *c);
    if (!c) {
        ctx->oom = true;
        return NULL;
    }
    *c = *t;
    return c;
}

void nmi_add_date(nmi_ctx *ctx, nmi_field field, const char *value, size_t n, int rank,
                  newsmeta_source source, unsigned flags, const nmi_time *t)
{
    nmi_cand cand = {.rank = rank, .source = source, .flags = flags, .read = true};
    if (!add(ctx, field, value, n, cand))
        return;
    ctx->ev.cands[field].items[ctx->ev.cands[field].count - 1].time = time_copy(ctx, t);
}

/* ---- zone evidence ------------------------------------------------------- */

static void add_zone(nmi_ctx *ctx, nmi_zone_ev ev)
{
    nmi_zone_evs *z = &ctx->ev.zones;
    if (ctx->oom)
        return;
    nmi_zone_ev *items = nmi_grow(ctx->arena, z->items, z->count, &z->cap, sizeof *items, 8);
    if (!items) {
        ctx->oom = true;
        return;
    }
    z->items = items;
    z->items[z->count++] = ev;
}

void nmi_add_zone_local(nmi_ctx *ctx, const nmi_time *local, nmi_zone_strength strength)
{
    const nmi_time *t = time_copy(ctx, local);
    if (t)
        add_zone(ctx, (nmi_zone_ev){NMI_ZONE_LOCAL, strength, t, NULL});
}

void nmi_add_zone_machine_utc(nmi_ctx *ctx)
{
    add_zone(ctx, (nmi_zone_ev){NMI_ZONE_MACHINE_UTC, NMI_ZONE_STRONG, NULL, NULL});
}

void nmi_add_script_times(nmi_ctx *ctx, const nmi_script_times *times)
{
    for (size_t i = 0; i < times->count && !ctx->oom; i++) {
        const char *s = times->items[i].text;
        const char *text = nmi_clean_text(ctx->arena, s, strlen(s), &ctx->oom);
        if (text)
            add_zone(ctx, (nmi_zone_ev){NMI_ZONE_LOCAL, NMI_ZONE_WEAK, NULL, text});
    }
}

/* ---- reading the dates --------------------------------------------------- */

void nmi_read_dates(nmi_ctx *ctx, nmi_date_hints *h)
{
    nmi_date_hints own;
    if (!h) {
        nmi_date_hints_init(ctx, &own);
        h = &own;
    }
    static const nmi_field DATES[] = {NMI_F_PUBLISHED, NMI_F_MODIFIED};
    for (size_t f = 0; f < sizeof DATES / sizeof *DATES; f++) {
        nmi_cands *c = &ctx->ev.cands[DATES[f]];
        for (size_t i = 0; i < c->count && !ctx->oom; i++) {
            nmi_cand *x = &c->items[i];
            nmi_time t;
            if (x->read)
                continue;
            x->read = true;
            x->time = nmi_parse_date_hinted(x->value, h, &t) ? time_copy(ctx, &t) : NULL;
        }
    }
    /* A zone name in a script's time means what it means in the page's
     * country: read now, with the page's hints. */
    for (size_t i = 0; i < ctx->ev.zones.count && !ctx->oom; i++) {
        nmi_zone_ev *z = &ctx->ev.zones.items[i];
        nmi_time t;
        if (!z->text)
            continue;
        z->local = nmi_parse_date_hinted(z->text, h, &t) ? time_copy(ctx, &t) : NULL;
        z->text = NULL;
    }
}

const nmi_cand *nmi_best_cand(const nmi_ctx *ctx, nmi_field field)
{
    const nmi_cands *c = &ctx->ev.cands[field];
    const nmi_cand *best = NULL;
    for (size_t i = 0; i < c->count; i++)
        if (!best || c->items[i].rank < best->rank)
            best = &c->items[i];
    return best;
}

int nmi_next_rank(const nmi_cands *c, int last)
{
    int r = NMI_NO_RANK;
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].rank > last && c->items[i].rank < r)
            r = c->items[i].rank;
    return r;
}
