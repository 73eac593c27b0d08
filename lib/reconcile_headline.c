/* Stage 5: the headline, chosen before the body is extracted (the body
 * must not repeat it). The visible <h1> when the metadata confirms it,
 * else the first <h1> that reads like a headline, else what the metadata
 * and the <title> agree on, without the site's name. */
#include <string.h>

#include "internal.h"

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

/* Are s's letters all of one case ("TIPS FOR ONLINE SUCCESS", "history
 * of coffee": a stylesheet sets the case the reader sees)? ASCII letters
 * only; false without any. */
static bool one_case(const char *s)
{
    bool upper = false, lower = false;
    for (; *s; s++) {
        upper |= *s >= 'A' && *s <= 'Z';
        lower |= *s >= 'a' && *s <= 'z';
    }
    return upper != lower;
}

/* The first segment of a metadata title ("Climate Change | Economic
 * Research Service") when it is the <h1> h, as an arena copy; else NULL. */
static const char *lead_segment(nmi_ctx *ctx, const char *title, const char *h)
{
    for (const char *const *sep = SEPARATORS; *sep; sep++) {
        const char *p = strstr(title, *sep);
        if (!p)
            continue;
        const char *seg = nmi_clean_text(ctx->arena, title, (size_t)(p - title), &ctx->oom);
        if (seg && nmi_loose_equal(seg, h))
            return seg;
    }
    return NULL;
}

/* The length of an invisible character at s (n bytes left) that may
 * stand inside a word of a headline: a soft hyphen (U+00AD), a zero-width
 * space (U+200B), a word joiner (U+2060), a byte order mark (U+FEFF);
 * 0 for any other. (Joiners that shape a script, U+200C/U+200D, stay.) */
static size_t invisible_len(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xAD)
        return 2;
    if (n >= 3 && ((s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x8B) ||
                   (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0) ||
                   (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)))
        return 3;
    return 0;
}

/* s without invisible characters ("Wahl&shy;rechts" reads "Wahlrechts"):
 * s itself when it has none, else an arena copy. */
static const char *visible_only(nmi_ctx *ctx, const char *s)
{
    if (!s || (!strstr(s, "\xC2\xAD") && !strstr(s, "\xE2\x80\x8B") &&
               !strstr(s, "\xE2\x81\xA0") && !strstr(s, "\xEF\xBB\xBF")))
        return s;
    size_t n = strlen(s), k = 0;
    char *out = nmi_arena_alloc(ctx->arena, n + 1);
    if (!out) {
        ctx->oom = true;
        return s;
    }
    for (size_t i = 0; i < n;) {
        size_t d = invisible_len((const unsigned char *)s + i, n - i);
        if (d)
            i += d;
        else
            out[k++] = s[i++];
    }
    out[k] = '\0';
    return out;
}

/* Is h the text m with characters lost to a wrong charset: each "?" or
 * U+FFFD of h stands for one to three bytes of m ("Beginner? Guide" for
 * "Beginner's Guide"); the rest equal but for ASCII case. */
static bool lost_chars_of(const char *h, const char *m, int depth)
{
    for (; *h; h++, m++) {
        bool lost = (*h == '?' && *m != '?') || !strncmp(h, "\xEF\xBF\xBD", 3);
        if (lost && depth < 8) {
            const char *rest = *h == '?' ? h + 1 : h + 3;
            for (int k = 1; k <= 3 && m[k - 1]; k++)
                if (lost_chars_of(rest, m + k, depth + 1))
                    return true;
            return false;
        }
        if (lost)
            return false; /* more than 8 lost: not this */
        char a = *h, b = *m;
        if (a >= 'A' && a <= 'Z')
            a += 32;
        if (b >= 'A' && b <= 'Z')
            b += 32;
        if (a != b)
            return false;
    }
    return !*m && depth > 0; /* equal, and a character lost on the way */
}

/* Do the squashed texts of parts [from, to) of an element make key? */
static bool parts_make(nmi_ctx *ctx, const nmi_byline_parts *p, size_t from, size_t to,
                       const char *key)
{
    char buf[512], one[512];
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        size_t k = nmi_squash(visible_only(ctx, p->parts[i]), one, sizeof one);
        if (n + k >= sizeof buf)
            return false;
        memcpy(buf + n, one, k);
        n += k;
    }
    buf[n] = '\0';
    return n && !strcmp(buf, key);
}

/* An <h1> without short segments after a " | " at its end ("Headline |
 * Opinion", "Headline | Top 19 Companies"): a section or a tag line, as
 * in titles; a dash is prose and stays. */
static const char *pipe_tail_cut(nmi_ctx *ctx, const char *h)
{
    size_t len = strlen(h);
    for (int round = 0; round < 3; round++) {
        const char *last = NULL;
        for (const char *p = h; (p = strstr(p, " | ")) && p < h + len; p++)
            last = p;
        if (!last || nmi_word_count(last + 3, len - (size_t)(last + 3 - h)) > 4 ||
            nmi_word_count(h, (size_t)(last - h)) < 3)
            break;
        len = (size_t)(last - h);
    }
    return len == strlen(h) ? h : nmi_clean_text(ctx->arena, h, len, &ctx->oom);
}

/* The <h1> c that the metadata value m (its site name cut) confirms, as
 * the headline: m itself when the <h1> is m with a kicker, a date or a
 * label before it, or a source link, byline or count after it, each in
 * elements of their own ("<strong>Blog:</strong> Headline", "Headline
 * <span>Posted on July 1, 2024 by X</span>"): the metadata holds the
 * headline alone; m too when the <h1> is m in one case (a stylesheet's);
 * the <h1> without the site's name when that leaves m. Else the <h1>'s
 * text. */
static const char *confirmed_text(nmi_ctx *ctx, const nmi_cand *c, const char *m,
                                  const char *site_name)
{
    const char *h = visible_only(ctx, c->value);
    char a[512], b[512];
    /* "Beginner? Guide": the <h1> lost characters the metadata kept */
    if ((strchr(h, '?') || strstr(h, "\xEF\xBF\xBD")) && strcmp(h, m) && lost_chars_of(h, m, 0))
        return m;
    /* "Headline – Site" in the <h1> itself */
    const char *cut = strip_site(ctx, h, site_name, false);
    if (cut && cut != h && nmi_loose_equal(cut, m))
        return cut;
    size_t na = nmi_squash(h, a, sizeof a), nb = nmi_squash(m, b, sizeof b);
    if (na == 0 || nb == 0 || na >= sizeof a - 1 || nb >= sizeof b - 1)
        return h;
    if (na == nb)
        return !strcmp(a, b) && one_case(h) && !one_case(m) ? m : h;
    /* "Blog: Headline", "Title:Headline": a label of a word or two */
    const char *colon = strchr(h, ':');
    if (colon && nmi_word_count(h, (size_t)(colon - h)) <= 2 && nmi_loose_equal(colon + 1, m))
        return m;
    const nmi_byline_parts *p = c->parts;
    if (nb > na || !p || p->count < 2)
        return h;
    for (size_t k = 1; k < p->count; k++)
        if (parts_make(ctx, p, 0, k, b) || parts_make(ctx, p, k, p->count, b))
            return m;
    return h;
}

/* confirmed_text(), and when that is the <h1>'s own text, without a
 * section after a " | ". */
static const char *confirmed_h1(nmi_ctx *ctx, const nmi_cand *c, const char *m,
                                const char *site_name)
{
    const char *t = confirmed_text(ctx, c, m, site_name);
    return t == m ? t : pipe_tail_cut(ctx, t);
}

/* Does the <h1> h hold the headline m and little more? */
static bool h1_holds(const char *h, const char *m)
{
    char a[512], b[512];
    size_t na = nmi_squash(h, a, sizeof a), nb = nmi_squash(m, b, sizeof b);
    return nb >= 8 && nb * 2 >= na && strstr(a, b);
}

/* The headline as given: without invisible characters, and without the
 * "&amp;" and "&#8217;" left in a value that was escaped twice. */
static const char *decoded(nmi_ctx *ctx, const char *s)
{
    s = visible_only(ctx, s);
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
    const nmi_cands *meta = &ctx->ev.cands[NMI_F_HEADLINE];
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

/* With several <h1>s (a site name, a section, the headline): the first
 * that is a metadata headline, word for word once the site's name is cut
 * from both; NULL when none is. */
static const nmi_cand *h1_equal_to_meta(nmi_ctx *ctx, const char *site_name, const char **m)
{
    const nmi_cands *h1 = &ctx->ev.cands[NMI_F_H1];
    const nmi_cands *meta = &ctx->ev.cands[NMI_F_HEADLINE];
    const nmi_cand *title = nmi_best_cand(ctx, NMI_F_TITLE);
    if (h1->count < 2)
        return NULL;
    for (size_t i = 0; i < h1->count; i++) {
        const nmi_cand *c = &h1->items[i];
        if (c->flags & NMI_CAND_TEASER)
            continue;
        const char *h = strip_site(ctx, visible_only(ctx, c->value), site_name, false);
        for (size_t k = 0; h && k <= meta->count; k++) {
            const char *v = k < meta->count ? meta->items[k].value : title ? title->value : NULL;
            const char *vs = v ? strip_site(ctx, v, site_name, k == meta->count) : NULL;
            if (vs && nmi_loose_equal(h, vs)) {
                *m = vs;
                return c;
            }
        }
    }
    return NULL;
}

const char *nmi_choose_headline(nmi_ctx *ctx, newsmeta_source *src)
{
    const nmi_cand *site = nmi_best_cand(ctx, NMI_F_SITE_NAME);
    const char *site_name = site ? site->value : NULL;
    const nmi_cands *h1 = &ctx->ev.cands[NMI_F_H1];
    const nmi_cands *meta = &ctx->ev.cands[NMI_F_HEADLINE];
    const nmi_cand *title = nmi_best_cand(ctx, NMI_F_TITLE);
    char hostk[256];
    nmi_host_key(ctx->url ? ctx->url : "", hostk, sizeof hostk);
    /* 1. A visible <h1> that the metadata confirms: of several, one that
     *    is a metadata headline word for word; else the first that agrees
     *    with one. An <h1> that is the site's name (a logo) confirms
     *    nothing. */
    const char *same = NULL;
    const nmi_cand *eq = h1_equal_to_meta(ctx, site_name, &same);
    if (eq) {
        *src = NEWSMETA_SOURCE_MARKUP;
        return decoded(ctx, confirmed_h1(ctx, eq, same, site_name));
    }
    const char *lone = NULL;
    for (size_t i = 0; i < h1->count; i++) {
        const char *h = visible_only(ctx, h1->items[i].value);
        if (is_site_segment(h, strlen(h), site_name, hostk))
            continue;
        /* a teaser's own itemprop=headline does not confirm it */
        bool teaser = h1->items[i].flags & NMI_CAND_TEASER;
        for (size_t k = 0; k <= meta->count; k++) {
            const char *v = k < meta->count ? meta->items[k].value : title ? title->value : NULL;
            if (!v || (k < meta->count && teaser &&
                       meta->items[k].source == NEWSMETA_SOURCE_MICRODATA))
                continue;
            /* the value as given, or without the site's name inside a
             * longer <h1> ("Blog: Headline") */
            const char *m = strip_site(ctx, v, site_name, k == meta->count);
            if (h1_agrees(h, v) || (m && h1_holds(h, m))) {
                *src = NEWSMETA_SOURCE_MARKUP;
                return decoded(ctx, m ? confirmed_h1(ctx, &h1->items[i], m, site_name) : h);
            }
        }
        /* a short <h1> that is the title's first segment */
        const char *seg = title ? lead_segment(ctx, title->value, h) : NULL;
        if (seg) {
            *src = NEWSMETA_SOURCE_MARKUP;
            return decoded(ctx, confirmed_h1(ctx, &h1->items[i], seg, site_name));
        }
        /* an <h1> that links to another page is a teaser, not this
         * page's headline (harvest.c flags it NMI_CAND_TEASER) */
        /* nor does one that ends in a colon: it leads into something
         * ("A message from our founder:") */
        if (!lone && !teaser && nmi_word_count(h, strlen(h)) >= 4 && h[strlen(h) - 1] != ':')
            lone = h;
    }
    /* 2. The headline as displayed: the first <h1> that reads like one,
     *    even when the metadata carries a different (SEO) title. */
    if (lone) {
        *src = NEWSMETA_SOURCE_MARKUP;
        return decoded(ctx, pipe_tail_cut(ctx, lone));
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
